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
    labels_in,
    summarise_filter,
)
from geo.gazetteer import Gazetteer, GazetteerQueryError, NoMatchError
from geo.names import of_name
from i18n import DEFAULT_LANG, t
from layers.indicators.bundle import IndicatorData
from layers.indicators.profile import fragility_summary
from layers.measures import domain_name
from layers.render.formatting import format_number
from layers.render.links import is_http_url
from layers.upload.dialect import french_csv
from ui.state import set_view_and_page, ui_lang
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
    lang = ui_lang()
    with_c = st.sidebar.checkbox(t("catalysers.with_c", lang), value=False, key="cat_with_c")
    metier_names = labels_in("metier", METIERS, lang)
    kind_names = labels_in("kind", KIND_LABELS, lang)
    placeholder = t("widget.multiselect_placeholder", lang)
    with st.sidebar.expander(t("catalysers.filters", lang), expanded=False):
        metiers = st.multiselect(
            t("catalysers.metiers", lang),
            list(METIERS),
            format_func=metier_names.get,
            key="cat_metiers",
            placeholder=placeholder,
        )
        kinds = st.multiselect(
            t("catalysers.kinds", lang),
            list(KIND_LABELS),
            format_func=kind_names.get,
            key="cat_kinds",
            placeholder=placeholder,
        )
    criteria, key = _criteria(with_c, metiers, kinds)
    st.sidebar.caption(filter_caption(summarise_filter(directory, **criteria), lang))
    return filter_catalysers(directory, **criteria), key


def default_directory(directory: pd.DataFrame) -> pd.DataFrame:
    """The directory as the filters show it before anyone touches them (no widget drawn): the
    first paint of a session draws the map before the sidebar (see streamlit_app.py)."""
    return filter_catalysers(directory, **_criteria(False, [], [])[0])


def _criteria(with_c: bool, metiers: list[str], kinds: list[str]) -> tuple[dict, tuple]:
    confidence = [*DEFAULT_CONFIDENCE, "C"] if with_c else list(DEFAULT_CONFIDENCE)
    criteria = {"metiers": metiers or None, "confidence": confidence, "kinds": kinds or None}
    return criteria, (tuple(metiers), tuple(confidence), tuple(kinds))


def filter_caption(summary, lang: str = DEFAULT_LANG) -> str:
    """How many organisations are listed, placed, and hidden by confidence (in ``lang``)."""
    text = t("catalysers.filter_caption", lang, shown=summary.shown, placed=summary.placed)
    hidden = summary.hidden_by_confidence.get("C", 0)
    if hidden:
        text += t("catalysers.hidden_c", lang, n=hidden)
    return text


def place_search(gazetteer: Callable[[], Gazetteer]) -> Place | None:
    """Commune search box with its candidates; returns the chosen commune or None.

    ``gazetteer`` is called only when something is typed: indexing 35,000 communes takes
    about a second, which the first page of a session need not wait for.
    """
    lang = ui_lang()
    st.sidebar.subheader(t("catalysers.near_heading", lang))
    query = st.sidebar.text_input(
        t("catalysers.query", lang),
        key="near_query",
        placeholder=t("catalysers.query_placeholder", lang),
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
        st.sidebar.warning(t("catalysers.no_position", lang))
        return None
    if (found["match"] == "approx").all():
        st.sidebar.info(t("catalysers.approx_match", lang, query=md_escape(query.strip())))
    labels = [_candidate_label(row, lang) for row in found.itertuples()]
    choice = st.sidebar.selectbox(
        t("catalysers.commune", lang),
        range(len(found)),
        format_func=labels.__getitem__,
        key="near_choice",
    )
    row = found.iloc[choice or 0]
    return Place(
        row["insee_code"], row["name"], row["departement"], float(row["lat"]), float(row["lon"])
    )


#: Bounds of the search radius (km).
RADIUS_BOUNDS_KM = (1, 300)


def radius_km() -> float:
    low, high = RADIUS_BOUNDS_KM
    lang = ui_lang()
    return float(
        st.sidebar.number_input(
            t("catalysers.radius", lang),
            min_value=low,
            max_value=high,
            value=DEFAULT_RADIUS_KM,
            step=5,
            key="near_km",
            # Streamlit keeps a value out of bounds in the box (a red border) and the last
            # valid one in use: the help says so.
            help=t("catalysers.radius_help", lang, low=low, high=high),
        )
    )


def search_catalysers(directory: pd.DataFrame, place: Place, km: float) -> NearResult:
    return catalysers_near(directory, place.lat, place.lon, km)


def show_results(result: NearResult, place: Place, lang: str = DEFAULT_LANG) -> None:
    """The results table, sorted by distance, with CSV download."""
    where = f"{md_escape(place.name)} ({md_escape(place.departement)})"
    km = f"{result.radius_km:g}"
    if result.found:
        st.markdown(t("catalysers.found", lang, n=len(result.within), km=km, where=where))
    else:
        st.warning(t("catalysers.none_near", lang, km=km, where=where))
    table = results_table(result.rows, lang)
    site, source = t("catalysers.col.website", lang), t("catalysers.col.source", lang)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            site: st.column_config.LinkColumn(site),
            source: st.column_config.LinkColumn(source),
            t("catalysers.col.distance", lang): st.column_config.NumberColumn(format="%.1f"),
        },
    )
    st.download_button(
        t("catalysers.download_csv", lang),
        results_csv(result.rows, lang),
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
                label=md_escape(domain_name(domain, label_fr, lang)),
                index=format_number(index, 1, lang),
                rank=domain_rank,
            )
            for domain, label_fr, index, domain_rank in summary["domains"]
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


def results_csv(rows: pd.DataFrame, lang: str = DEFAULT_LANG) -> bytes:
    """The results table as the French CSV every download of the atlas uses (decimal comma)."""
    return french_csv(results_table(rows, lang))


def results_table(rows: pd.DataFrame, lang: str = DEFAULT_LANG) -> pd.DataFrame:
    """The columns users read (headings in ``lang``), nearest first; the distance next to the
    name, so that the map's narrow column shows it without scrolling the table sideways."""
    names = labels_in("metier", METIERS, lang)
    sep = t("common.list_sep", lang)
    metiers = (
        rows["metiers"]
        .fillna("")
        .map(lambda s: sep.join(names.get(m, m) for m in s.split(";") if m))
    )
    departement = [t("catalysers.departement_place", lang, code=c) for c in rows["departement"]]
    place = rows["commune"].fillna("").where(rows["precision"] == "commune", departement)
    sources = rows["source_url"].fillna("").str.split(" ").str[0]
    col = {name: t(f"catalysers.col.{name}", lang) for name in RESULT_COLUMNS}
    return pd.DataFrame(
        {
            col["name"]: rows["name"],
            col["distance"]: rows["distance_km"].round(1),
            col["commune"]: place,
            col["metiers"]: metiers,
            col["category"]: [
                category_label(c, f, lang)
                for c, f in zip(rows["confidence"], rows["family"].fillna(""), strict=True)
            ],
            col["website"]: rows["website"].where(rows["website"].map(is_http_url), None),
            col["source"]: sources.where(sources.map(is_http_url), None),
        }
    )


#: Columns of the results table (``catalysers.col.<name>`` texts), in order.
RESULT_COLUMNS = ("name", "distance", "commune", "metiers", "category", "website", "source")


def _candidate_label(row, lang: str = DEFAULT_LANG) -> str:
    if pd.isna(row.population):
        population = ""
    else:
        count = format_number(row.population, 0, lang)
        population = " — " + t("catalysers.population", lang, n=count)
    return f"{row.name} ({row.departement}){population}"
