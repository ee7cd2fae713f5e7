"""The map: a constant base map, the coloured layer sent as a feature group, the legend."""

import html
import json

import folium
import pandas as pd
import streamlit as st
from folium.plugins import MarkerCluster
from streamlit_folium import st_folium

from layers.render.basemap import add_basemap, add_light_basemap, unavailable_note
from layers.render.classify import Classification
from layers.render.formatting import decimals_for
from layers.render.markers import marker_legend
from layers.render.offline import offline, preload_plugins
from ui.text import md_escape

FRANCE_CENTRE = (46.6, 2.5)
FRANCE_BOUNDS = [(41.3, -5.2), (51.1, 9.6)]  # metropolitan France, Corsica included
MAP_HEIGHT_PX = 620


def base_map(basemap: str = "tiles") -> folium.Map:
    """The map that never changes between reruns (for a given ``basemap``).

    Built anew at each run, never cached: streamlit-folium attaches the feature groups to the
    map it is given, so a cached map would grow at every rerun. Its script is the same at every
    run (streamlit-folium replaces the random map id), so the browser does not re-mount it and
    keeps the user's zoom.

    No tiles from the internet: the atlas works offline. ``basemap`` is "tiles" for the base
    map the app serves itself (layers/render/basemap.py; skipped if its files are missing),
    "light" for the small GeoJSON one of the offline HTML export, "none" for no base map.
    minZoom/maxZoom are set on the map itself because marker clustering needs them when there
    is no tile layer.
    """
    fmap = folium.Map(
        location=FRANCE_CENTRE,
        zoom_start=6,
        tiles=None,
        control_scale=True,
        minZoom=4,
        maxZoom=12,
        zoomSnap=0.25,
        zoomDelta=0.5,
    )
    fmap.fit_bounds(FRANCE_BOUNDS)
    preload_plugins(offline(fmap), MarkerCluster)
    if basemap == "tiles":
        add_basemap(fmap)
    elif basemap == "light":
        add_light_basemap(fmap)
    return fmap


def show_map(
    groups: list[folium.FeatureGroup],
    center: tuple[float, float] | None = None,
    zoom: int | None = None,
    basemap: bool = True,
) -> None:
    """Draw the map with ``groups`` on top, over the base map if ``basemap``.

    Clicks come back through ``st.session_state["map"]``, read at the start of the next run
    (see :func:`clicked_region`), so nothing is returned here.
    """
    note = unavailable_note() if basemap else None
    st_folium(
        base_map("tiles" if basemap and not note else "none"),
        key="map",
        height=MAP_HEIGHT_PX,
        use_container_width=True,
        feature_group_to_add=groups,
        returned_objects=["last_active_drawing"],
        center=center,
        zoom=zoom,
    )
    if note:
        st.caption(note)


def is_new_click(feature: dict | None) -> bool:
    """True once per clicked feature: streamlit-folium keeps returning the last click, and a
    level switch must not re-select a region whose code exists at both levels (11, 24...)."""
    if not feature:
        return False
    fingerprint = json.dumps(feature, sort_keys=True)
    if fingerprint == st.session_state.get("last_click"):
        return False
    st.session_state["last_click"] = fingerprint
    return True


def clicked_region(clicked: dict | None, codes) -> str | None:
    """The region code of a clicked polygon, from its feature properties (never from lat/lon).

    Clicks on markers or on anything that is not a region of the current level give None.
    """
    if not isinstance(clicked, dict):
        return None
    geometry_type = (clicked.get("geometry") or {}).get("type")
    code = (clicked.get("properties") or {}).get("code")
    if geometry_type not in {"Polygon", "MultiPolygon"} or code not in set(codes):
        return None
    return code


def show_legend(classification: Classification, values, coloured) -> None:
    """Legend outside the map (a branca legend inside would force a re-mount)."""
    entries = classification.legend(decimals_for(coloured["value"]))
    unit = f" ({md_escape(values.unit)})" if values.unit else ""
    st.markdown(f"**{md_escape(values.title)}**{unit}")
    if not entries:
        st.info("Pas de donnée pour cette couche à ce niveau.")
    else:
        table = pd.DataFrame(
            {
                " ": ["" for _ in entries],
                "Classe": [label for _, label, _ in entries],
                "Nombre": [count for *_, count in entries],  # of units of the level
            }
        )
        colours = [colour for colour, *_ in entries]
        styled = table.style.apply(
            lambda col: (
                [f"background-color: {c}" for c in colours]
                if col.name == " "
                else ["" for _ in col]
            ),
            axis=0,
        )
        st.dataframe(styled, hide_index=True, width="content")
    st.caption(md_escape(values.caption))


def show_marker_legend() -> None:
    """Catalyser marker legend: fixed SVG swatches drawn by code (no data text in this HTML)."""
    items = "".join(
        f'<span style="margin-right:1em;white-space:nowrap">{swatch} {html.escape(label)}</span>'
        for swatch, label in marker_legend()
    )
    st.markdown(f'<div style="font-size:0.85em">{items}</div>', unsafe_allow_html=True)
