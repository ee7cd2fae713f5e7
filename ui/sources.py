"""The atlas's cached data: contours, indicator bundle, gazetteer, catalysers, computed layers
and profiles (summaries, details), each loaded or computed once per server process
(``st.cache_resource``).

Kept out of streamlit_app.py, which Streamlit executes at every run: decorating a function
costs Streamlit a read of its source (~25 ms for these), once per import here instead of once
per run there.
"""

from collections.abc import Callable
from dataclasses import replace
from functools import partial

import streamlit as st

from geo.catalysers import load_catalysers
from geo.gazetteer import load_gazetteer, read_communes
from geo.levels import LEVELS
from geo.shapes import read_layer
from geo.units import catalysers_of_unit, unit_counts
from i18n import DEFAULT_LANG
from layers.indicators.bundle import SHIPPED_KEY, load_indicator_data
from layers.measures import layer_values, view_choices
from layers.render.choropleth import colour_regions, region_geometry
from layers.render.map_payload import summary_payload
from layers.render.markers import marker_rows
from layers.render.offline import install_static_assets
from layers.render.profile_detail import (
    catalysers_html,
    detail_payload,
    level_details,
    profile_domain,
)
from layers.render.profile_summary import level_summaries
from layers.render.schemes import parse_breaks
from layers.render.static_files import publish_json
from layers.view_state import ViewState
from ui import atlas_component, prebuild
from ui.profile_panel import profile_survey


@st.cache_resource
def static_assets() -> None:
    install_static_assets()


@st.cache_resource
def regions(level: str):
    return read_layer(level)


@st.cache_resource
def shipped_data():
    return load_indicator_data()


@st.cache_resource
def gazetteer():
    return load_gazetteer()


@st.cache_resource
def catalyser_directory():
    return load_catalysers()


@st.cache_resource
def region_counts() -> dict[str, dict[str, tuple[int, int]]]:
    """(communes, départements) per unit code, per level."""
    return unit_counts(regions("departements"), read_communes())


@st.cache_resource(max_entries=256)
def choropleth(view: ViewState, _data, data_key: str = "shipped"):
    """Values, classes, colours and GeoJSON of a view, computed once per view and data."""
    values = layer_values(_data, view)
    breaks = parse_breaks(view.breaks, view.lang) if view.scheme == "manual" else None
    coloured, classification = colour_regions(
        regions(view.level),
        values.values,
        scheme=view.scheme,
        k=view.n_classes,
        breaks=breaks,
        diverging_centre=values.diverging_centre,
        reverse=values.reverse,
        unit=values.unit_short,
        decimals=values.decimals,
        approximate=values.approximate,
        lang=view.lang,
    )
    # Provenance, in every export.
    coloured["source"] = coloured["code"].map(lambda code: values.source_of(code, view.lang))
    return coloured, classification, values


@st.cache_resource
def geometry_url(level: str) -> str:
    """URL of a level's contours, written once per process into the static folder."""
    return publish_json(
        region_geometry(regions(level)), f"regions_{level}", atlas_component.static_base_url()
    )


@st.cache_resource
def markers_url(lang: str = DEFAULT_LANG) -> str:
    """URL of every placed catalyser's marker (position, style, escaped popup and tooltip),
    one file per language."""
    return publish_json(
        marker_rows(catalyser_directory(), lang),
        f"catalysers_{lang}",
        atlas_component.static_base_url(),
    )


@st.cache_resource(max_entries=64)
def summaries(
    level: str, survey: str | None, _data, data_key: str = "shipped", lang: str = DEFAULT_LANG
) -> dict:
    """Every region's profile summary for a level, data bundle, survey and language (built
    once, or taken from :func:`prebuild_levels`'s background job)."""
    key = ("summaries", level, survey, data_key, lang)
    return prebuild.take(key, _summaries_builder(level, survey, _data, lang))


@st.cache_resource(max_entries=64)
def details(
    level: str,
    domain: str,
    survey: str | None,
    _data,
    data_key: str = "shipped",
    lang: str = DEFAULT_LANG,
) -> dict:
    """Every region's profile detail for a level, domain, data bundle, survey and language
    (built once: ~0.1-0.7 s for a level, most of it shared by the domains; or taken from
    :func:`prebuild_levels`'s background job)."""
    key = ("details", level, domain, survey, data_key, lang)
    catalysers = partial(level_catalysers, level, lang)  # cached, read in this thread
    return prebuild.take(key, _details_builder(level, domain, survey, _data, lang, catalysers))


def _summaries_builder(level: str, survey: str | None, data, lang: str) -> Callable[[], dict]:
    """The summaries' build as a plain function: what it reads from Streamlit's caches (and
    options) is read now, in the script's thread (see ui/prebuild.py)."""
    level_regions, counts = regions(level), region_counts()[level]
    assets = atlas_component.profile_assets(atlas_component.static_base_url())

    def build() -> dict:
        label = LEVELS[level].label_in(lang)
        html = level_summaries(data, level_regions, level, label, counts, survey, lang)
        return summary_payload(level, html, assets, lang)

    return build


def _details_builder(
    level: str,
    domain: str,
    survey: str | None,
    data,
    lang: str,
    catalysers: Callable[[], dict[str, str]],
) -> Callable[[], dict]:
    """The details' build as a plain function (see :func:`_summaries_builder`); ``catalysers``
    gives the level's lists: :func:`level_catalysers` (cached: the same for every domain) in
    the script's thread, :func:`_catalysers_builder`'s plain build in the background."""
    codes = regions(level)["code"].astype(str)
    assets = atlas_component.profile_assets(atlas_component.static_base_url())

    def build() -> dict:
        html = level_details(data, codes, level, domain, survey, lang)
        return detail_payload(data, level, domain, html, catalysers(), assets, lang)

    return build


@st.cache_resource(max_entries=16)
def level_catalysers(level: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """``code -> catalysers HTML`` of every region of a level (the profile's list)."""
    return _catalysers_builder(level, lang)()


def _catalysers_builder(level: str, lang: str) -> Callable[[], dict[str, str]]:
    """:func:`level_catalysers`'s build as a plain function (~0.6 s for the départements)."""
    directory, departements = catalyser_directory(), regions("departements")
    codes = regions(level)["code"].astype(str)

    def build() -> dict[str, str]:
        return {
            code: catalysers_html(
                catalysers_of_unit(directory, departements, level, code), level, lang
            )
            for code in codes
        }

    return build


#: The levels whose profiles are built ahead of need: the 96 départements' take 3-4 s, the
#: regions' a few tenths (built when asked, they do not compete with the user's own runs).
PREBUILT_LEVELS = ("departement",)


def prebuild_levels(view: ViewState, data, data_key: str, lang: str) -> None:
    """Start building, in the background, the profiles of :data:`PREBUILT_LEVELS` when ``view``
    shows another level: their summaries and the details of the domain the profile would list
    there. The shipped data only (an import's profiles are built when asked for); each build
    once per process (ui/prebuild.py)."""
    if data_key != SHIPPED_KEY:
        return
    for level in PREBUILT_LEVELS:
        if level == view.level:
            continue
        other = replace(view, level=level, region="")
        survey = profile_survey(data, other)
        domain = profile_domain(data, other.layer)
        summaries_key = ("summaries", level, survey, data_key, lang)
        if prebuild.wanted(summaries_key):
            prebuild.submit(summaries_key, _summaries_builder(level, survey, data, lang))
        details_key = ("details", level, domain, survey, data_key, lang)
        if prebuild.wanted(details_key):
            catalysers = _catalysers_builder(level, lang)
            prebuild.submit(
                details_key, _details_builder(level, domain, survey, data, lang, catalysers)
            )


@st.cache_resource
def choices_for(_data, data_key: str = "shipped", lang: str = DEFAULT_LANG):
    return view_choices(_data, {level: regions(level) for level in LEVELS}, lang)


def region_catalysers(view: ViewState):
    return unit_catalysers(view.level, view.region)


@st.cache_resource(max_entries=256)
def unit_catalysers(level: str, code: str):
    """The catalysers of a region (its profile lists them at every click on it)."""
    return catalysers_of_unit(catalyser_directory(), regions("departements"), level, code)
