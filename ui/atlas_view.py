"""The "Atlas" tab: the map and the region profile, rerun together (and alone) on a click.

``show_atlas`` is a fragment: a click on the map, "Fermer le profil" or a widget of the
profile reruns this function only, not the whole script (sidebar, data, other tabs). The
arguments are those of the last full run (the view without its region, the map data); the
selected region is read from the session state at each fragment run.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd
import streamlit as st

from layers.indicators.bundle import IndicatorData
from layers.render.map_payload import map_payload
from layers.view_state import ViewState
from ui import atlas_component, catalysers_panel, map_panel, profile_panel
from ui.state import click_seq, current_view, rerun_page_if_asked, sync_url
from ui.text import md_escape


@dataclass(frozen=True)
class AtlasInputs:
    """What a fragment run needs, computed by the last full run of the script."""

    view: ViewState  # region ""
    data: IndicatorData
    regions: gpd.GeoDataFrame  # of view.level
    map_args: dict  # map_payload arguments except the selection
    legend: map_panel.Legend
    summary: Callable[[], dict]  # summary_payload, built after the map is on its way
    catalysers_of: Callable[[ViewState], pd.DataFrame]
    show_marker_legend: bool
    near: object | None = None  # catalysers_panel NearResult
    place: object | None = None  # catalysers_panel.Place
    basemap_note: str | None = None  # why the base map asked for is not drawn


@st.fragment
def show_atlas(inputs: AtlasInputs) -> None:
    """Map, legend and search results on the left; summary and detail of the profile right."""
    rerun_page_if_asked()  # e.g. "Ouvrir le profil du Nord" from the search results: a new level
    codes = set(inputs.regions["code"])
    region = current_view().region
    view = replace(inputs.view, region=region if region in codes else "")
    sync_url(view)
    map_col, profile_col = st.columns([3, 2], gap="medium")
    with map_col:
        payload = map_payload(**inputs.map_args, selected=view.region, seq=click_seq())
        atlas_component.show_map(payload, codes)
        if inputs.basemap_note:
            st.caption(md_escape(inputs.basemap_note))
        map_panel.show_legend(inputs.legend)
        if inputs.show_marker_legend:
            map_panel.show_marker_legend()
        if inputs.near:
            catalysers_panel.show_place_departement(inputs.data, inputs.place, view.lang)
            catalysers_panel.show_results(inputs.near, inputs.place)
    with profile_col:
        atlas_component.show_summary(inputs.summary())
        if view.region:
            profile_panel.show_detail(inputs.data, view, inputs.regions, inputs.catalysers_of(view))
