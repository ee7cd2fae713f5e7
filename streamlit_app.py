"""Atlas des fragilités territoriales — Streamlit entry point.

This file only composes: data come from cached loaders (ui/sources.py), numbers from layers/
and geo/ (pure functions), widgets and panels from ui/. Run with ``bash scripts/app.sh``.
"""

from dataclasses import replace

import streamlit as st

from i18n import t
from layers.render.basemap import basemap_spec, unavailable_note
from layers.render.choropleth import region_styles
from layers.render.map_payload import Markers
from layers.render.markers import marker_ids, search_circle
from layers.render.schemes import ClassificationError
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
from ui.sidebar import SHOW_CATALYSERS_DEFAULT
from ui.sources import (
    catalyser_directory,
    choices_for,
    choropleth,
    details,
    gazetteer,
    geometry_url,
    markers_url,
    prebuild_levels,
    region_catalysers,
    regions,
    shipped_data,
    static_assets,
    summaries,
)
from ui.state import FULL_PAGE_KEY, current_view, init_view_state, sync_url, ui_lang
from ui.text import md_escape

static_assets()
data, data_key = import_panel.active_data(shipped_data())
# The URL is read with the French labels (only the ids matter); the page then speaks the
# language the URL or the switch chose.
warnings = init_view_state(choices_for(data, data_key))
lang = ui_lang()
st.set_page_config(page_title=t("app.title", lang), page_icon="🗺️", layout="wide")
for warning in warnings:
    st.toast(md_escape(warning), icon="⚠️", duration="long")  # 10 s: time to read it

choices = choices_for(data, data_key, lang)
st.title(t("app.title", lang))
# Tabs compute only when open (on_change="rerun"): the data table, the import form and the
# method page cost nothing while the user reads the map.
atlas_tab, table_tab, import_tab, method_tab = st.tabs(
    [t(f"app.tab.{tab}", lang) for tab in ("atlas", "table", "import", "method")],
    key="tab",
    on_change="rerun",
)
# A session's first run draws the map alone: the browser renders every element a run sends in
# one pass, and the sidebar's widgets, the legend and the summary used to hold the map back by
# seconds (docs/benchmarks.md, "Instant map"). The map tells the server once its regions are
# drawn, and the whole page follows (ui/atlas_view.py).
map_first = bool(atlas_tab.open) and not st.session_state.get(FULL_PAGE_KEY)
if map_first:
    sidebar.heading()  # the sidebar is there from the start: the map does not change width
    show_catalysers = SHOW_CATALYSERS_DEFAULT
    directory = catalysers_panel.default_directory(catalyser_directory())
    place = near = None
else:
    st.session_state[FULL_PAGE_KEY] = True
    sidebar.language_switch()  # its value is already the session's (ui_lang above)
    sidebar.view_controls(choices)
    sidebar.basemap_toggle()
    show_catalysers = sidebar.show_catalysers_toggle()
    directory, _ = catalysers_panel.filtered_directory(catalyser_directory())
    place = catalysers_panel.place_search(gazetteer)
    radius = catalysers_panel.radius_km()
    near = catalysers_panel.search_catalysers(directory, place, radius) if place else None

# The map's view: the selected region and the profile's domain change without redrawing the map
# (the atlas fragment reads them), nor recomputing its colours.
view = replace(current_view(), region="", domain="")
try:
    coloured, classification, values = choropleth(view, data, data_key)
except ClassificationError as exc:  # unusable manual bounds, or a scheme these values refuse
    st.sidebar.warning(md_escape(t("app.manual_fallback", lang, error=exc.in_lang(lang))))
    view = replace(view, scheme="quantiles")
    coloured, classification, values = choropleth(view, data, data_key)

# The map-first run draws no legend (its description alone costs ~25 ms).
legend = (
    None
    if map_first
    else map_panel.legend_for(classification, values, coloured, view.level, view.measure, lang)
)
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
                detail=lambda domain: details(
                    view.level, domain, profile_survey(data, view), data, data_key, lang
                ),
                catalysers_of=region_catalysers,
                show_marker_legend=show_catalysers,
                map_first=map_first,
                near=near,
                place=place,
                basemap_note=unavailable_note(lang=lang) if view.show_basemap else None,
            )
        )
else:
    now = current_view()  # the map's view with the live selection and profile domain
    sync_url(replace(view, region=now.region, domain=now.domain))
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
if not map_first:
    # The other levels' profiles are built in the background while the user reads this one: a
    # first switch to the départements then finds them ready (ui/prebuild.py).
    prebuild_levels(view, data, data_key, lang)
