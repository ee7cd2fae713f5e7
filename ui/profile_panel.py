"""The region profile panel: key figures, 16 domains against France, a domain's indicators."""

import altair as alt
import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.catalysers import category_label
from geo.levels import LEVELS
from layers.indicators.bundle import IMPORTED_SOURCE, IndicatorData
from layers.indicators.profile import domain_indicators, domain_profile, key_figures, relations
from layers.indicators.provenance import changed_by_import
from layers.measures import default_survey
from layers.render.exports import profile_html
from layers.render.formatting import NO_DATA_LABEL, format_number, format_value
from layers.render.links import is_http_url
from layers.render.profile_text import france_text, reading_notes
from layers.view_state import ViewState
from ui.state import set_view
from ui.text import md_escape


def show_profile(
    data: IndicatorData,
    view: ViewState,
    regions: gpd.GeoDataFrame,
    catalysers: pd.DataFrame,
    counts: dict[str, tuple[int, int]],
) -> None:
    """Profile of the selected region, or a hint when none is selected."""
    if not view.region:
        st.info(
            f"Cliquez {LEVELS[view.level].a_unit} sur la carte pour lire son profil de fragilité."
        )
        return
    row = regions.loc[regions["code"] == view.region].iloc[0]
    st.subheader(md_escape(row["nom"]))
    st.caption(f"{LEVELS[view.level].label} · code INSEE {md_escape(row['code'])}")
    st.markdown(_relation_text(data, view))
    if st.button("Fermer le profil", key="close_profile"):
        set_view(region="")
        st.rerun()
    communes, departements = counts.get(view.region, (None, None))
    _show_key_figures(
        key_figures(
            data,
            view.level,
            view.region,
            float(row["area_km2"]),
            communes=communes,
            departements=departements if LEVELS[view.level].of_departements else None,
        )
    )
    survey = view.survey if view.measure in ("percu", "ecart") else _best_survey(data, view)
    domains = domain_profile(data, view.level, view.region, survey)
    st.markdown(
        "**Les 16 domaines face à la France** (indice, base 100 = France "
        "métropolitaine ; au-dessus = plus fragile)"
    )
    st.vega_lite_chart(domain_chart_spec(data, view.level, view.region, survey), width="stretch")
    if domains["perceived_index"].notna().any():
        st.caption(
            f"Perçu : enquête {md_escape(survey.replace('-', ' '))} (note régionale / nationale "
            "× 100)."
        )
    proxies = domains.loc[domains["proxy_note"].fillna("") != "", "label_fr"]
    if not proxies.empty:
        st.caption(
            "Domaines qui reposent sur des approximations (aucune mesure directe pour les "
            f"{LEVELS[view.level].plural}) : {md_escape(', '.join(proxies))} — voir « Méthode et "
            "sources »."
        )
    indicators, notes = _show_domain_indicators(data, view, domains)
    _show_catalysers(catalysers, LEVELS[view.level].of_unit)
    imported = (
        changed_by_import(
            data, lambda d: domain_profile(d, view.level, view.region, survey)["objective_index"]
        ).any()
        or (indicators.get("Source", pd.Series(dtype=str)) == IMPORTED_SOURCE).any()
    )
    if imported:
        st.caption(
            "Ce profil comprend des **données importées** (votre fichier, non la source "
            "officielle)."
        )
    _offer_printable_page(row["nom"], view, domains, indicators, catalysers, notes, imported)


def _relation_text(data: IndicatorData, view: ViewState) -> str:
    rel = relations(data, view.level, view.region)
    if "regions" in rel:
        (old, old_name), (new, new_name) = rel["regions"]["pre2016"], rel["regions"]["2016"]
        return (
            f"Département de la région **{md_escape(new_name)}** ({new}) ; avant 2016, de "
            f"l'ancienne région **{md_escape(old_name)}** ({old})."
        )
    if "parent" in rel:
        code, name = rel["parent"]
        return f"Ancienne région, partie de la région **{md_escape(name)}** ({code}) depuis 2016."
    names = ", ".join(md_escape(name) for _, name in rel["children"])
    if len(rel["children"]) == 1:
        return f"Région de 2016 aux mêmes limites que l'ancienne région {names}."
    return f"Région de 2016 formée des anciennes régions : {names}."


def _show_key_figures(figures: pd.DataFrame) -> None:
    """Key figures as a compact table: value with unit, year, source link."""
    decimals = [0 if float(v).is_integer() or abs(v) >= 100 else 1 for v in figures["value"]]
    table = pd.DataFrame(
        {
            "Chiffre clé": figures["label"],
            "Valeur": [
                f"{format_number(v, d)} {u}"
                for v, d, u in zip(figures["value"], decimals, figures["unit"], strict=True)
            ],
            "Année": figures["year"],
            "Source": [url if is_http_url(url) else "" for url in figures["source_url"]],
            "Note": figures["source"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={"Source": st.column_config.LinkColumn("Source", display_text="lien")},
    )


def _best_survey(data: IndicatorData, view: ViewState) -> str | None:
    return view.survey or default_survey(data) or None


@st.cache_resource(max_entries=512)
def _chart_spec(level: str, code: str, survey: str | None, data_key: str, _data) -> dict:
    return _domain_chart(domain_profile(_data, level, code, survey)).to_dict()


def domain_chart_spec(data: IndicatorData, level: str, code: str, survey: str | None) -> dict:
    """Vega-Lite spec of the domain chart, built once per region, survey and data bundle."""
    return _chart_spec(level, code, survey, data.key, data)


def _domain_chart(domains: pd.DataFrame) -> alt.Chart:
    """Horizontal bars from 100 to each domain index; perceived index as a diamond."""
    frame = domains.assign(
        label=domains["label_fr"],
        sens=domains["objective_index"].map(
            lambda v: (
                NO_DATA_LABEL if pd.isna(v) else ("plus fragile" if v > 100 else "moins fragile")
            )
        ),
        base=100.0,
    )
    y = alt.Y("label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelLimit=230))
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("objective_index:Q", title="Indice", scale=alt.Scale(domain=[40, 210])),
            x2="base:Q",
            color=alt.Color(
                "sens:N",
                scale=alt.Scale(
                    domain=["plus fragile", "moins fragile", NO_DATA_LABEL],
                    range=["#d6604d", "#4393c3", "#bdbdbd"],
                ),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Domaine"),
                alt.Tooltip("objective_index:Q", title="Indice objectif", format=".1f"),
                alt.Tooltip("n_indicators:Q", title="Indicateurs"),
                alt.Tooltip("rank:Q", title="Rang (1 = plus fragile)"),
                alt.Tooltip("perceived_index:Q", title="Indice perçu", format=".1f"),
            ],
        )
    )
    perceived = (
        alt.Chart(frame.dropna(subset=["perceived_index"]))
        .mark_point(shape="diamond", filled=True, size=70, color="#222222")
        .encode(y=y, x="perceived_index:Q")
    )
    rule = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(color="#555555").encode(x="x:Q")
    return (bars + perceived + rule).properties(height=16 * 30)


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
    """A printable HTML page mirroring the panel (escaped by layers.render.exports.profile_html)."""
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
    page = profile_html(
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
    st.download_button(
        "Profil imprimable (HTML)",
        page.encode("utf-8"),
        file_name=f"profil_{view.level}_{view.region}.html",
        mime="text/html",
        key="profile_print",
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
