"""The "Atlas" tab: the region selector, the map and the region profile, rerun together (and
alone) on a click or a choice in the selector.

The whole profile of a clicked region (summary and detail) is drawn in the browser at once;
the server's run that follows only brings the selector, the outline's confirmation and the
printable page's button up to date.

``show_atlas`` is a fragment: a click on the map, "Fermer le profil" or a choice in the
profile reruns this function only, not the whole script (sidebar, data, other tabs). The
arguments are those of the last full run (the view without its region, the map data); the
selected region is read from the session state at each fragment run.

The selector is the keyboard's way to the profile (RGAA: every function reachable without a
mouse): Tab to it, type the start of a name, Enter. It and the map select the same region:
a click on the map sets the view's region, which the selector shows at the next run; a choice
in the selector sets it too, and the map outlines it.

A session's first run sends the map alone (``map_first``), under an empty block where the
selector will be; the map answers once its regions are drawn, and this fragment then asks for a
full run, which draws the selector, the sidebar, the legend and the profile.
"""

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from geo.levels import LEVELS
from i18n import t
from layers.indicators.bundle import IndicatorData
from layers.render.map_payload import map_payload
from layers.view_state import ViewState
from ui import atlas_component, catalysers_panel, map_panel, profile_panel
from ui.state import (
    FULL_PAGE_KEY,
    click_seq,
    current_view,
    rerun_page_if_asked,
    select_region,
    sync_url,
)
from ui.text import md_escape


@dataclass(frozen=True)
class AtlasInputs:
    """What a fragment run needs, computed by the last full run of the script."""

    view: ViewState  # region ""
    data: IndicatorData
    regions: gpd.GeoDataFrame  # of view.level
    map_args: dict  # map_payload arguments except the selection
    legend: map_panel.Legend | None  # None in a map-first run (nothing below the map)
    summary: Callable[[], dict]  # summary_payload, built after the map is on its way
    detail: Callable[[str], dict]  # detail_payload of a domain, built after the summary
    catalysers_of: Callable[[ViewState], pd.DataFrame]
    show_marker_legend: bool
    near: object | None = None  # catalysers_panel NearResult
    place: object | None = None  # catalysers_panel.Place
    basemap_note: str | None = None  # why the base map asked for is not drawn
    map_first: bool = False  # the session's first run: the map alone, the rest once it is drawn


@st.fragment
def show_atlas(inputs: AtlasInputs) -> None:
    """Map, legend and search results on the left; summary and detail of the profile right."""
    if inputs.map_first and st.session_state.get(FULL_PAGE_KEY):
        st.rerun(scope="app")  # the map has drawn its regions (or failed to): the whole page now
    rerun_page_if_asked()  # e.g. "Ouvrir le profil du Nord" from the search results: a new level
    codes = set(inputs.regions["code"])
    now = current_view()  # the selection and the profile's domain change without a full run
    view = replace(inputs.view, region=now.region if now.region in codes else "", domain=now.domain)
    sync_url(view)
    map_col, profile_col = st.columns([3, 2], gap="medium")
    with map_col:
        with region_select_slot():
            if not inputs.map_first:
                region_select(view, inputs.regions)
        payload = map_payload(**inputs.map_args, selected=view.region, seq=click_seq())
        atlas_component.show_map(payload, codes, announce_drawn=inputs.map_first)
        if inputs.map_first:
            return
        if inputs.basemap_note:
            st.caption(md_escape(inputs.basemap_note))
        map_panel.show_legend(inputs.legend, markers=inputs.show_marker_legend)
        if inputs.near:
            catalysers_panel.show_place_departement(inputs.data, inputs.place, view.lang)
            catalysers_panel.show_results(inputs.near, inputs.place, view.lang)
    with profile_col:
        atlas_component.show_summary(inputs.summary())
        domain = profile_panel.shown_domain(inputs.data, view)
        atlas_component.show_detail(
            inputs.detail(domain), profile_panel.domain_handler(inputs.data, view.layer)
        )
        if view.region:
            profile_panel.show_print(
                inputs.data, view, inputs.regions, inputs.catalysers_of(view), domain
            )


#: Session key of the region selector (its value mirrors the view's region, see above).
SELECT_KEY = "region_select"


def region_options(regions: gpd.GeoDataFrame) -> dict[str, str]:
    """``code -> name`` of a level's units, in alphabetical order of the name (accents ignored:
    "Île-de-France" between "Hauts-de-France" and "Normandie")."""
    names = dict(zip(regions["code"].astype(str), regions["nom"].astype(str), strict=True))
    return dict(sorted(names.items(), key=lambda item: (_sort_key(item[1]), item[0])))


def _sort_key(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def region_select(view: ViewState, regions: gpd.GeoDataFrame) -> None:
    """The "Région" selector (its label is the level's unit noun), synchronised with the map.

    Drawn before the map in the same fragment run: the region it shows is the view's, which a
    map click has just set; its own choice goes through :func:`ui.state.select_region`, as a
    click does.
    """
    names = region_options(regions)
    lang = view.lang
    if st.session_state.get(SELECT_KEY) != view.region:
        st.session_state[SELECT_KEY] = view.region  # before the widget: allowed, no warning
    st.selectbox(
        LEVELS[view.level].noun_in(lang).capitalize(),
        ["", *names],
        format_func=lambda code: names.get(code, t("region_select.none", lang)),
        key=SELECT_KEY,
        on_change=_on_region_chosen,
        help=t("region_select.help", lang),
        placeholder=t("region_select.placeholder", lang),
    )


#: Height of the region selector (its label and its field in Streamlit 1.67's theme, px), the
#: height of its slot; tests/test_e2e_atlas.py checks that the map does not move.
SELECT_HEIGHT_PX = 68


def region_select_slot() -> DeltaGenerator:
    """The selector's place, of the selector's height in every run: a container to draw it in.

    A session's first run (the map-first run) leaves it empty. A selector is the slowest
    element of that run: Streamlit loads the code of its kind (some 25 files) while drawing it,
    and the map's own element is drawn only after it (0.13 s later, docs/benchmarks.md). The
    selector comes with the whole page; while its code loads, Streamlit draws a shorter
    placeholder: the fixed height keeps the map where it is all along.
    """
    return st.container(height=SELECT_HEIGHT_PX, border=False)


def _on_region_chosen() -> None:
    select_region(str(st.session_state.get(SELECT_KEY) or ""))
