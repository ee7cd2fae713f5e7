"""The region profile's detail, below its summary: a domain's indicators, catalysers, print.

The summary (name, key figures, the 16 domains) is drawn in the browser the moment a region is
clicked (layers/render/profile_summary.py); this detail follows from the server in the same
fragment run. It sits in a container keyed by level and region, so that the summary can grey
the previous region's detail until this one arrives.
"""

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.catalysers import CONFIDENCE_LABELS
from layers.exports import profile_html
from layers.formatting import format_number
from layers.indicator_data import IndicatorData
from layers.measures import default_survey
from layers.profile import domain_indicators, domain_profile
from layers.render.map_payload import detail_key
from layers.view_state import LEVELS, ViewState
from ui.state import select_region


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
        domains = domain_profile(data, view.level, view.region, profile_survey(data, view))
        indicators = _show_domain_indicators(data, view, domains)
        _show_catalysers(catalysers)
        _offer_printable_page(name, view, domains, indicators, catalysers)


def profile_survey(data: IndicatorData, view: ViewState) -> str | None:
    """The survey whose perceived index the profile shows: the map's, else the default one."""
    if view.measure in ("percu", "ecart") and view.survey:
        return view.survey
    return view.survey or default_survey(data) or None


def _show_domain_indicators(
    data: IndicatorData, view: ViewState, domains: pd.DataFrame
) -> pd.DataFrame:
    """The chosen domain's indicator table; returns it as shown (for the printable page)."""
    labels = dict(zip(domains["domain"], domains["label_fr"], strict=True))
    default = view.layer if view.layer in labels else domains["domain"].iloc[0]
    domain = st.selectbox(
        "Indicateurs du domaine",
        list(labels),
        format_func=labels.get,
        index=list(labels).index(default),
        key=f"profile_domain_{default}",
    )
    table = domain_indicators(data, view.level, view.region, domain)
    if table.empty:
        st.info("Aucun indicateur pour ce domaine.")
        return pd.DataFrame()
    shown = pd.DataFrame(
        {
            "Indicateur": table["label"] + table["core"].map({True: " ★", False: ""}),
            "Valeur": [format_number(v, 1) for v in table["value"]],
            "Unité": table["unit"],
            "Année": table["year"],
            "France": [
                format_number(v, 1) + (" (France entière)" if ref == "France entière" else "")
                for v, ref in zip(table["france"], table["france_reference"], strict=True)
            ],
            "Part de la France (%)": [
                format_number(v, 1) if pd.notna(v) else "—" for v in table["share_of_france_pct"]
            ],
            "Rang": [
                f"{r} / {n}" if pd.notna(r) else "—"
                for r, n in zip(table["rank"], table["n_regions"], strict=True)
            ],
            "Source": table["source_url"],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={"Source": st.column_config.LinkColumn("Source")},
    )
    st.caption(
        "★ = indicateur qui entre dans l'indice du domaine. Rang parmi les régions du "
        "niveau, 1 = la plus fragile. Part de la France pour les effectifs seulement."
    )
    return shown


def _offer_printable_page(
    name: str,
    view: ViewState,
    domains: pd.DataFrame,
    indicators: pd.DataFrame,
    catalysers: pd.DataFrame,
) -> None:
    """A printable HTML page mirroring the panel, built only when the user asks for it."""
    st.download_button(
        "Profil imprimable (HTML)",
        lambda: printable_page(name, view, domains, indicators, catalysers).encode("utf-8"),
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
) -> str:
    """The profile as a printable page (escaped by :func:`layers.exports.profile_html`)."""
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
                catalysers[["name", "commune", "confidence"]].rename(
                    columns={"name": "Nom", "commune": "Commune", "confidence": "Fiabilité"}
                ),
            )
        )
    return profile_html(
        f"{name} — profil de fragilité ({LEVELS[view.level]})",
        sections,
        [
            "Indice : base 100 = France métropolitaine, au-dessus = plus fragile.",
            "Sources et méthode : page « Méthode et sources » de l'atlas.",
        ],
    )


def _show_catalysers(catalysers: pd.DataFrame) -> None:
    with st.expander(f"Catalyseurs territoriaux de la région ({len(catalysers)})"):
        if catalysers.empty:
            st.write("Aucun catalyseur recensé dans l'annuaire pour cette région.")
            return
        st.dataframe(
            pd.DataFrame(
                {
                    "Nom": catalysers["name"],
                    "Commune": catalysers["commune"].fillna("").replace("", "—"),
                    "Fiabilité": catalysers["confidence"].map(
                        lambda c: f"{c} — {CONFIDENCE_LABELS.get(c, c)}"
                    ),
                    "Site": catalysers["website"].where(
                        catalysers["website"].fillna("").str.match(r"https?://"), None
                    ),
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={"Site": st.column_config.LinkColumn("Site")},
        )
