"""Atlas des fragilités territoriales — Streamlit entry point.

This file only composes: data come from cached loaders, numbers from layers/ and geo/ (pure
functions), widgets and panels from ui/. Run with ``bash scripts/app.sh``.
"""

from dataclasses import replace

import streamlit as st

from geo.catalysers import load_catalysers
from geo.gazetteer import load_gazetteer, read_communes
from geo.levels import LEVELS
from geo.shapes import read_layer
from geo.units import catalysers_of_unit, unit_counts
from i18n import DEFAULT_LANG, t
from layers.indicators.bundle import load_indicator_data
from layers.indicators.profile import domain_indicators
from layers.measures import layer_values, view_choices
from layers.render.basemap import basemap_spec, unavailable_note
from layers.render.choropleth import colour_regions, region_geometry, region_styles
from layers.render.map_payload import Markers, summary_payload
from layers.render.markers import marker_ids, marker_rows, search_circle
from layers.render.offline import install_static_assets
from layers.render.profile_summary import level_summaries
from layers.render.schemes import ClassificationError, parse_breaks
from layers.render.static_files import publish_json
from layers.view_state import ViewState
from ui import (
    atlas_component,
    catalysers_panel,
    data_panel,
    import_panel,
    map_panel,
    method_panel,
    sidebar,
)
from ui.atlas_view import AtlasInputs, show_atlas
from ui.profile_panel import profile_survey
from ui.state import current_view, init_view_state, sync_url, ui_lang
from ui.text import md_escape


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
    once)."""
    base = atlas_component.static_base_url()
    counts = region_counts()[level]
    label = LEVELS[level].label_in(lang)
    payload = summary_payload(
        level,
        level_summaries(_data, regions(level), level, label, counts, survey, lang),
        atlas_component.summary_assets(base),
        lang,
    )
    # The detail's indicator tables share level-wide indices (~0.5 s to compute once): computed
    # here, after the map is sent, so that the first click does not wait for them.
    domain_indicators(_data, level, regions(level)["code"].iloc[0], _data.domains["domain"].iloc[0])
    return payload


@st.cache_resource
def choices_for(_data, data_key: str = "shipped", lang: str = DEFAULT_LANG):
    return view_choices(_data, {level: regions(level) for level in LEVELS}, lang)


def region_catalysers(view: ViewState):
    return catalysers_of_unit(
        catalyser_directory(), regions("departements"), view.level, view.region
    )


static_assets()
data, data_key = import_panel.active_data(shipped_data())
# The URL is read with the French labels (only the ids matter); the page then speaks the
# language the URL or the switch chose.
warnings = init_view_state(choices_for(data, data_key))
lang = ui_lang()
st.set_page_config(page_title=t("app.title", lang), page_icon="🗺️", layout="wide")
for warning in warnings:
    st.toast(md_escape(warning))

lang = sidebar.language_switch()
choices = choices_for(data, data_key, lang)
st.title(t("app.title", lang))
sidebar.view_controls(choices)
sidebar.basemap_toggle()
show_catalysers = sidebar.show_catalysers_toggle()
directory, catalyser_filters = catalysers_panel.filtered_directory(catalyser_directory())
place = catalysers_panel.place_search(gazetteer)
radius = catalysers_panel.radius_km()
near = catalysers_panel.search_catalysers(directory, place, radius) if place else None

view = replace(current_view(), region="")
try:
    coloured, classification, values = choropleth(view, data, data_key)
except ClassificationError as exc:  # unusable manual bounds, or a scheme these values refuse
    st.sidebar.warning(md_escape(t("app.manual_fallback", lang, error=exc.in_lang(lang))))
    view = replace(view, scheme="quantiles")
    coloured, classification, values = choropleth(view, data, data_key)

# Tabs compute only when open (on_change="rerun"): the data table, the import form and the
# method page cost nothing while the user reads the map.
atlas_tab, table_tab, import_tab, method_tab = st.tabs(
    [t(f"app.tab.{tab}", lang) for tab in ("atlas", "table", "import", "method")],
    key="tab",
    on_change="rerun",
)
legend = map_panel.legend_for(classification, values, coloured, view.level, view.measure, lang)
if banner := import_panel.imported_banner(st.session_state, lang):
    st.info(banner)
if atlas_tab.open:
    with atlas_tab:
        base = atlas_component.static_base_url()
        markers = None
        if show_catalysers:
            visible, lit = marker_ids(
                catalyser_directory(), directory, set(near.rows["name"]) if near else ()
            )
            markers = Markers(markers_url(lang), visible, lit)
        show_atlas(
            AtlasInputs(
                view=view,
                data=data,
                regions=regions(view.level),
                map_args={
                    "level": view.level,
                    "geometry_url": geometry_url(view.level),
                    "styles": region_styles(coloured),
                    "value_title": values.title,
                    "markers": markers,
                    "circle": (
                        search_circle(place.lat, place.lon, near.radius_km, place.name, lang)
                        if near
                        else None
                    ),
                    "focus": (
                        {"lat": place.lat, "lon": place.lon, "key": place.insee_code}
                        if place
                        else None
                    ),
                    "basemap": basemap_spec(base, lang=lang) if view.show_basemap else None,
                    "assets": atlas_component.map_assets(base),
                    "lang": lang,
                },
                legend=legend,
                summary=lambda: summaries(
                    view.level, profile_survey(data, view), data, data_key, lang
                ),
                catalysers_of=region_catalysers,
                show_marker_legend=show_catalysers,
                near=near,
                place=place,
                basemap_note=unavailable_note(lang=lang) if view.show_basemap else None,
            )
        )
else:
    sync_url(replace(view, region=current_view().region))
if table_tab.open:
    with table_tab:
        data_panel.show_layer_table(values, coloured, lang)
        data_panel.show_exports(
            values,
            coloured,
            classification,
            legend,
            (view, data_key),
            basemap=view.show_basemap,
            level=view.level,
            measure=view.measure,
            lang=lang,
        )
if import_tab.open:
    with import_tab:
        import_panel.show_import(shipped_data(), lang)
if method_tab.open:
    with method_tab:
        method_panel.show_method(lang)
