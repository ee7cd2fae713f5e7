"""The region profile's detail, below its summary: a domain's indicators, catalysers, print.

The summary (name, key figures, the 16 domains) is drawn in the browser the moment a region is
clicked (layers/render/profile_summary.py); this detail follows from the server in the same
fragment run. It sits in a container keyed by level and region, so that the summary can grey
the previous region's detail until this one arrives.
"""

from collections.abc import Sequence

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.catalysers import category_label
from geo.levels import LEVELS
from layers.indicators.bundle import IMPORTED_SOURCE, IndicatorData
from layers.indicators.profile import domain_indicators, domain_profile
from layers.indicators.provenance import changed_by_import
from layers.measures import default_survey
from layers.render.exports import profile_html
from layers.render.formatting import format_number, format_value
from layers.render.links import is_http_url
from layers.render.map_payload import detail_key
from layers.render.profile_text import france_text, reading_notes
from layers.view_state import ViewState
from ui.state import select_region
from ui.text import md_escape


def show_detail(
    data: IndicatorData,
    view: ViewState,
    regions: gpd.GeoDataFrame,
    catalysers: pd.DataFrame,
) -> None:
    """The selected region's detail (``view.region`` must be a region of ``regions``)."""
    name = regions.loc[regions["code"] == view.region, "nom"].iloc[0]
    with st.container(key=detail_key(view.level, view.region)):
        st.button("Fermer le profil", key="close_profile", on_click=select_region, args=("",))
        survey = profile_survey(data, view)
        domains = domain_profile(data, view.level, view.region, survey)
        indicators, notes = _show_domain_indicators(data, view, domains)
        _show_catalysers(catalysers, LEVELS[view.level].of_unit)
        imported = (
            changed_by_import(
                data,
                lambda d: domain_profile(d, view.level, view.region, survey)["objective_index"],
            ).any()
            or (indicators.get("Source", pd.Series(dtype=str)) == IMPORTED_SOURCE).any()
        )
        if imported:
            st.caption(
                "Ce profil comprend des **données importées** (votre fichier, non la source "
                "officielle)."
            )
        _offer_printable_page(name, view, domains, indicators, catalysers, notes, imported)


def profile_survey(data: IndicatorData, view: ViewState) -> str | None:
    """The survey whose perceived index the profile shows: the map's, else the default one."""
    if view.measure in ("percu", "ecart") and view.survey:
        return view.survey
    return view.survey or default_survey(data) or None


def _show_domain_indicators(
    data: IndicatorData, view: ViewState, domains: pd.DataFrame
) -> tuple[pd.DataFrame, list[str]]:
    """The chosen domain's indicator table and its reading notes, as shown (for the printable
    page)."""
    labels = dict(zip(domains["domain"], domains["label_fr"], strict=True))
    default = view.layer if view.layer in labels else domains["domain"].iloc[0]
    domain = st.selectbox(
        "Indicateurs du domaine",
        list(labels),
        format_func=labels.get,
        index=list(labels).index(default),
        key=f"profile_domain_{default}",
    )
    proxy = domains.set_index("domain")["proxy_note"].get(domain, "")
    if proxy:
        st.info(f"Domaine reposant sur des approximations : {md_escape(proxy)}.")
    table = domain_indicators(data, view.level, view.region, domain)
    if table.empty:
        st.info("Aucun indicateur pour ce domaine.")
        return pd.DataFrame(), []
    shown = pd.DataFrame(
        {
            "Indicateur": table["label"] + table["core"].map({True: " ★", False: ""}),
            "Valeur": [
                format_value(v, d, a)
                for v, d, a in zip(
                    table["value"], table["decimals"], table["approximate"], strict=True
                )
            ],
            "Unité": table["unit"],
            "Année": table["year"],
            "France": [france_text(row) for _, row in table.iterrows()],
            "Part de la France (%)": [
                format_number(v, 1) if pd.notna(v) else "—" for v in table["share_of_france_pct"]
            ],
            "Rang": [
                f"{r} / {n}" if pd.notna(r) else "—"
                for r, n in zip(table["rank"], table["n_regions"], strict=True)
            ],
            "Origine": table["origin"].replace("", "—"),
            "Source": table["source_url"],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={"Source": st.column_config.LinkColumn("Source")},
    )
    notes = reading_notes(table)
    st.caption(
        f"★ = indicateur qui entre dans l'indice du domaine à ce niveau. Rang parmi les "
        f"{LEVELS[view.level].plural}, 1 = le plus fragile. Part de la France pour les effectifs "
        "seulement. Origine : valeur lue dans la source, ou calculée (et comment)."
    )
    for note in notes:
        st.caption(md_escape(note))
    return shown, notes


def _offer_printable_page(
    name: str,
    view: ViewState,
    domains: pd.DataFrame,
    indicators: pd.DataFrame,
    catalysers: pd.DataFrame,
    notes: list[str],
    imported: bool = False,
) -> None:
    """A printable HTML page mirroring the panel, built only when the user asks for it."""
    st.download_button(
        "Profil imprimable (HTML)",
        lambda: printable_page(name, view, domains, indicators, catalysers, notes, imported).encode(
            "utf-8"
        ),
        file_name=f"profil_{view.level}_{view.region}.html",
        mime="text/html",
        key="profile_print",
    )


def printable_page(
    name: str,
    view: ViewState,
    domains: pd.DataFrame,
    indicators: pd.DataFrame,
    catalysers: pd.DataFrame | None,
    notes: Sequence[str] = (),
    imported: bool = False,
) -> str:
    """The profile as a printable page (escaped by :func:`layers.render.exports.profile_html`)."""
    domain_table = pd.DataFrame(
        {
            "Domaine": domains["label_fr"],
            "Indice objectif": domains["objective_index"],
            "Indicateurs": domains["n_indicators"],
            "Rang": domains["rank"],
            "Indice perçu": domains["perceived_index"],
        }
    )
    sections = [("Les 16 domaines (base 100 = France métropolitaine)", domain_table)]
    if not indicators.empty:
        sections.append(("Indicateurs du domaine choisi", indicators))
    if catalysers is not None and not catalysers.empty:
        sections.append(
            (
                "Catalyseurs territoriaux",
                pd.DataFrame(
                    {
                        "Nom": catalysers["name"],
                        "Commune": catalysers["commune"],
                        "Fiabilité": _categories(catalysers),
                    }
                ),
            )
        )
    return profile_html(
        f"{name} — profil de fragilité ({LEVELS[view.level].label})",
        sections,
        [
            "Indice : base 100 = France métropolitaine, au-dessus = plus fragile.",
            *notes,
            "Sources et méthode : page « Méthode et sources » de l'atlas.",
            *(
                [
                    "Données importées : ce profil comprend des valeurs calculées avec un "
                    "fichier importé par l'utilisateur, non publiées par la source officielle."
                ]
                if imported
                else []
            ),
        ],
    )


def _show_catalysers(catalysers: pd.DataFrame, of_unit: str) -> None:
    with st.expander(f"Catalyseurs territoriaux {of_unit} ({len(catalysers)})"):
        if catalysers.empty:
            st.write(f"Aucun catalyseur recensé dans l'annuaire pour ce territoire ({of_unit}).")
            return
        st.dataframe(
            pd.DataFrame(
                {
                    "Nom": catalysers["name"],
                    "Commune": catalysers["commune"].fillna("").replace("", "—"),
                    "Fiabilité": _categories(catalysers),
                    "Site": catalysers["website"].where(
                        catalysers["website"].map(is_http_url), None
                    ),
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={"Site": st.column_config.LinkColumn("Site")},
        )


def _categories(catalysers: pd.DataFrame) -> list[str]:
    """Confidence level and, for a local alliance, its family, in words."""
    families = catalysers["family"].fillna("")
    return [category_label(c, f) for c, f in zip(catalysers["confidence"], families, strict=True)]
