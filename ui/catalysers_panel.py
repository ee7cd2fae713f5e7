"""Catalysers in the app: filters, "Catalyseurs près de…" search, results table."""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from geo.catalysers import (
    DEFAULT_CONFIDENCE,
    KIND_LABELS,
    METIERS,
    NearResult,
    catalysers_near,
    category_label,
    filter_catalysers,
    summarise_filter,
)
from geo.gazetteer import Gazetteer, GazetteerQueryError, NoMatchError
from geo.names import of_name
from i18n import DEFAULT_LANG, t
from layers.indicators.bundle import IndicatorData
from layers.indicators.profile import fragility_summary
from layers.render.formatting import format_number
from layers.render.links import is_http_url
from layers.upload.dialect import french_csv
from ui.state import set_view_and_page
from ui.text import md_escape

DEPARTEMENT = "departement"

DEFAULT_RADIUS_KM = 30


@dataclass(frozen=True)
class Place:
    """The commune a user chose: where to centre the map and measure distances."""

    insee_code: str
    name: str
    departement: str
    lat: float
    lon: float


def filtered_directory(directory: pd.DataFrame) -> tuple[pd.DataFrame, tuple]:
    """Sidebar filters (confidence C one click away; métiers and kind in an expander) applied
    to the directory, and the filters as a hashable key (for the map layer cache).

    The map shows confidence A and B by default; a caption says how many organisations of
    confidence C that hides and how many shown ones cannot be placed on the map.
    """
    with_c = st.sidebar.checkbox(
        "Inclure les pôles de coopération et alliances locales (C)", value=False, key="cat_with_c"
    )
    with st.sidebar.expander("Filtres des catalyseurs", expanded=False):
        metiers = st.multiselect(
            "Métiers", list(METIERS), format_func=METIERS.get, key="cat_metiers"
        )
        kinds = st.multiselect(
            "Type de structure", list(KIND_LABELS), format_func=KIND_LABELS.get, key="cat_kinds"
        )
    confidence = [*DEFAULT_CONFIDENCE, "C"] if with_c else list(DEFAULT_CONFIDENCE)
    criteria = {"metiers": metiers or None, "confidence": confidence, "kinds": kinds or None}
    st.sidebar.caption(filter_caption(summarise_filter(directory, **criteria)))
    key = (tuple(metiers), tuple(confidence), tuple(kinds))
    return filter_catalysers(directory, **criteria), key


def filter_caption(summary) -> str:
    """French sentence: how many organisations are listed, placed, and hidden by confidence."""
    text = (
        f"{summary.shown} organisation(s) retenue(s), dont {summary.placed} sur la carte "
        f"(les autres n'ont qu'une région ou sont nationales)."
    )
    hidden = summary.hidden_by_confidence.get("C", 0)
    if hidden:
        text += f" {hidden} de confiance C masquée(s) : cochez la case pour les voir."
    return text


def place_search(gazetteer: Callable[[], Gazetteer]) -> Place | None:
    """Commune search box with its candidates; returns the chosen commune or None.

    ``gazetteer`` is called only when something is typed: indexing 35,000 communes takes
    about a second, which the first page of a session need not wait for.
    """
    st.sidebar.subheader("Catalyseurs près de…")
    query = st.sidebar.text_input(
        "Commune ou code postal", key="near_query", placeholder="ex. Roubaix, 59100, St Etienne"
    )
    if not query.strip():
        return None
    try:
        found = gazetteer().search(query, limit=10)
    except (GazetteerQueryError, NoMatchError) as exc:
        st.sidebar.warning(md_escape(exc))
        return None
    found = found.dropna(subset=["lat", "lon"])
    if found.empty:
        st.sidebar.warning("Cette commune n'a pas de position connue dans le référentiel.")
        return None
    if (found["match"] == "approx").all():
        st.sidebar.info(
            f"Pas de commune nommée « {md_escape(query.strip())} » : communes au nom proche."
        )
    labels = [_candidate_label(row) for row in found.itertuples()]
    choice = st.sidebar.selectbox(
        "Commune", range(len(found)), format_func=labels.__getitem__, key="near_choice"
    )
    row = found.iloc[choice or 0]
    return Place(
        row["insee_code"], row["name"], row["departement"], float(row["lat"]), float(row["lon"])
    )


def radius_km() -> float:
    return float(
        st.sidebar.number_input(
            "Rayon (km)", min_value=1, max_value=300, value=DEFAULT_RADIUS_KM, step=5, key="near_km"
        )
    )


def search_catalysers(directory: pd.DataFrame, place: Place, km: float) -> NearResult:
    return catalysers_near(directory, place.lat, place.lon, km)


def show_results(result: NearResult, place: Place) -> None:
    """The results table, sorted by distance, with CSV download."""
    where = f"{md_escape(place.name)} ({md_escape(place.departement)})"
    if result.found:
        st.markdown(
            f"**{len(result.within)} catalyseur(s) à moins de {result.radius_km:g} km de {where}**"
        )
    else:
        st.warning(
            f"Aucun catalyseur à moins de {result.radius_km:g} km de {where}. Les trois plus "
            "proches :"
        )
    table = results_table(result.rows)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "Site": st.column_config.LinkColumn("Site"),
            "Source": st.column_config.LinkColumn("Source"),
            "Distance (km)": st.column_config.NumberColumn(format="%.1f"),
        },
    )
    st.download_button(
        "Télécharger (CSV)",
        results_csv(result.rows),
        file_name=f"catalyseurs_{place.insee_code}_{result.radius_km:g}km.csv",
        mime="text/csv",
    )


def show_place_departement(data: IndicatorData, place: Place, lang: str = DEFAULT_LANG) -> None:
    """The fragility of the searched commune's département, and one click to open its profile
    (texts in ``lang``; every name in them escaped)."""
    names = data.units.set_index("departement")["nom_article"] if data.units is not None else {}
    with st.container(border=True):
        if place.departement not in names:
            abroad = t(
                "catalysers.place_abroad",
                lang,
                name=md_escape(place.name),
                code=md_escape(place.departement),
            )
            st.markdown(abroad)
            return
        summary = fragility_summary(data, DEPARTEMENT, place.departement)
        of_unit = md_escape(of_name(names[place.departement], lang))
        rank = (
            ""
            if pd.isna(summary["rank"])
            else t("catalysers.place_rank", lang, rank=summary["rank"], n=summary["n_units"])
        )
        heading = t(
            "catalysers.place_summary",
            lang,
            of_name=of_unit,
            code=md_escape(place.departement),
            index=format_number(summary["index"], 1, lang),
            rank=rank,
        )
        st.markdown(heading)
        worst = t("common.list_sep", lang).join(
            t(
                "catalysers.place_worst_item",
                lang,
                label=md_escape(label),
                index=format_number(index, 1, lang),
                rank=domain_rank,
            )
            for label, index, domain_rank in summary["domains"]
        )
        if worst:
            worst_line = t("catalysers.place_worst", lang, items=worst)
            st.markdown(worst_line)
        opening = t("catalysers.place_open", lang, of_name=of_unit)
        st.button(
            opening,
            key="open_place_departement",
            # In the map's fragment: a new level needs the whole page, not the fragment alone.
            on_click=set_view_and_page,
            kwargs={"level": DEPARTEMENT, "region": place.departement},
        )


def results_csv(rows: pd.DataFrame) -> bytes:
    """The results table as the French CSV every download of the atlas uses (decimal comma)."""
    return french_csv(results_table(rows))


def results_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The columns users read, in French, nearest first."""
    metiers = (
        rows["metiers"]
        .fillna("")
        .map(lambda s: ", ".join(METIERS.get(m, m) for m in s.split(";") if m))
    )
    place = (
        rows["commune"]
        .fillna("")
        .where(rows["precision"] == "commune", "(département " + rows["departement"] + ")")
    )
    sources = rows["source_url"].fillna("").str.split(" ").str[0]
    return pd.DataFrame(
        {
            "Nom": rows["name"],
            "Commune": place,
            "Distance (km)": rows["distance_km"].round(1),
            "Métiers": metiers,
            "Fiabilité": [
                category_label(c, f)
                for c, f in zip(rows["confidence"], rows["family"].fillna(""), strict=True)
            ],
            "Site": rows["website"].where(rows["website"].map(is_http_url), None),
            "Source": sources.where(sources.map(is_http_url), None),
        }
    )


def _candidate_label(row) -> str:
    population = (
        "" if pd.isna(row.population) else f" — {int(row.population):,} hab.".replace(",", "\u202f")
    )
    return f"{row.name} ({row.departement}){population}"
