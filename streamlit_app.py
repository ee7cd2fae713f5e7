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
from layers.indicators.bundle import load_indicator_data
from layers.measures import layer_values, view_choices
from layers.render.choropleth import (
    choropleth_features,
    choropleth_layer,
    colour_regions,
    selection_layer,
)
from layers.render.markers import catalyser_layer, radius_layer
from layers.render.offline import install_static_assets
from layers.render.schemes import ClassificationError, parse_breaks
from layers.view_state import ViewState
from ui import (
    catalysers_panel,
    data_panel,
    import_panel,
    map_panel,
    method_panel,
    profile_panel,
    sidebar,
)
from ui.folium_cache import install as install_folium_cache
from ui.folium_cache import keyed_groups
from ui.state import current_view, init_view_state, set_view, sync_url
from ui.text import md_escape

st.set_page_config(page_title="Atlas des fragilités territoriales", page_icon="🗺️", layout="wide")


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
    breaks = parse_breaks(view.breaks) if view.scheme == "manual" else None
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
    )
    coloured["source"] = coloured["code"].map(values.source_of)  # provenance, in every export
    return choropleth_features(coloured), coloured, classification, values


@st.cache_resource
def choices_for(_data, data_key: str = "shipped"):
    return view_choices(_data, {level: regions(level) for level in LEVELS})


def region_catalysers(view: ViewState):
    return catalysers_of_unit(
        catalyser_directory(), regions("departements"), view.level, view.region
    )


static_assets()
install_folium_cache()
data, data_key = import_panel.active_data(shipped_data())
choices = choices_for(data, data_key)
for warning in init_view_state(choices):
    st.toast(md_escape(warning))

st.title("Atlas des fragilités territoriales")
sidebar.view_controls(choices)
sidebar.basemap_toggle()
show_catalysers = sidebar.show_catalysers_toggle()
directory, catalyser_filters = catalysers_panel.filtered_directory(catalyser_directory())
place = catalysers_panel.place_search(gazetteer)
radius = catalysers_panel.radius_km()
near = catalysers_panel.search_catalysers(directory, place, radius) if place else None

# A click on the map reruns the script with the clicked feature already in the session state:
# read it before drawing, so that the profile and the selection outline appear in this run.
feature = (st.session_state.get("map") or {}).get("last_active_drawing")
if map_panel.is_new_click(feature):
    clicked = map_panel.clicked_region(feature, regions(current_view().level)["code"])
    if clicked:
        set_view(region=clicked)
view = current_view()
sync_url(view)  # first: a link copied while the map is being computed is already right
try:
    layer = choropleth(replace(view, region=""), data, data_key)
except ClassificationError as exc:  # unusable manual bounds, or a scheme these values refuse
    st.sidebar.warning(md_escape(f"{exc} Classes par quantiles en attendant."))
    view = replace(view, scheme="quantiles")
    layer = choropleth(replace(view, region=""), data, data_key)
    sync_url(view)
features, coloured, classification, values = layer

atlas_tab, table_tab, import_tab, method_tab = st.tabs(
    ["Atlas", "Données de la couche", "Importer des données", "Méthode et sources"]
)
if banner := import_panel.imported_banner(st.session_state):
    st.info(banner)
with atlas_tab:
    map_col, profile_col = st.columns([3, 2], gap="medium")
    with map_col:
        builders = [
            (
                ("regions", replace(view, region=""), data_key),
                lambda: choropleth_layer(features, values.title),
            )
        ]
        if show_catalysers:
            highlight = frozenset(near.rows["name"]) if near else frozenset()
            builders.append(
                (
                    ("catalysers", catalyser_filters, highlight),
                    lambda: catalyser_layer(directory, highlight=set(highlight)),
                )
            )
        if near:
            builders.append(
                (
                    ("radius", place, near.radius_km),
                    lambda: radius_layer(place.lat, place.lon, near.radius_km, place.name),
                )
            )
        if view.region:  # last, so that its position (cache key) does not move the others
            builders.append(
                (
                    ("selection", view.level, view.region),
                    lambda: selection_layer(regions(view.level), view.region),
                )
            )
        groups = keyed_groups(builders)
        map_panel.show_map(
            groups,
            center=(place.lat, place.lon) if place else None,
            zoom=9 if place else None,
            basemap=view.show_basemap,
        )
        map_panel.show_legend(classification, values, coloured)
        if show_catalysers:
            map_panel.show_marker_legend()
        if near:
            catalysers_panel.show_place_departement(data, place, view.lang)
            catalysers_panel.show_results(near, place)
    with profile_col:
        profile_panel.show_profile(
            data,
            view,
            regions(view.level),
            region_catalysers(view) if view.region else None,
            region_counts()[view.level],
        )
with table_tab:
    data_panel.show_layer_table(values, coloured)
    data_panel.show_exports(
        values,
        coloured,
        classification,
        features,
        (replace(view, region=""), data_key),
        basemap=view.show_basemap,
    )
with import_tab:
    import_panel.show_import(shipped_data())
with method_tab:
    method_panel.show_method()
