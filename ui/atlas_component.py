"""The live map and the profile (summary, detail): Streamlit components of our own (v2).

Why components of our own: the map used to be a folium map inside streamlit-folium's iframe,
which re-sent and re-evaluated every layer (about 270 KB) when the selection changed, and
waited 250 ms before sending a click. Here (public API: ``st.components.v2.component``):

- ``atlas_map`` draws Leaflet in the page (no iframe). Its data (layers/render/map_payload.py)
  is small; the contours and the catalyser directory are static files the page fetches once.
  A click is answered in the browser (outline, summary), then sent to Python at once as a
  trigger value, read by :func:`_on_select` before the map's fragment reruns.
- ``atlas_summary`` holds every region's pre-rendered summary for the current data bundle,
  level and survey; a click switches the shown one in the browser. Its data does not change
  with the selection, so Streamlit sends a reference, not the data, at each click.
- ``atlas_detail`` holds, the same way, every region's indicator table for the domain the
  profile lists, and its catalysers; choosing another domain in it is sent to Python, which
  sends that domain's tables. A click thus shows the whole profile without waiting for the
  server (docs/benchmarks.md, "The whole profile in the browser").

All run the same loader (static/atlas/component.mjs) and drawing code (static/atlas/atlas.js),
in a shadow root (``isolate_styles=True``: the page's styles do not reach Leaflet and ours do
not leak out). Scripts and stylesheets come from the app's static folder.
"""

from collections.abc import Callable, Collection
from pathlib import Path

import streamlit as st

from layers.render.offline import LOCAL_FILES, STATIC_DIR, VENDOR, static_path
from layers.render.static_files import ATLAS_DIR, DEFAULT_BASE_URL, versioned_url
from layers.view_state import map_click
from ui.state import FULL_PAGE_KEY, current_view, select_region

MAP_KEY = "atlas_map"
SUMMARY_KEY = "atlas_summary"
# Not "atlas_detail_…": that prefix names the printable page's containers, which the summary
# greys by class until the server's run for a new selection arrives (map_payload.DETAIL_PREFIX).
DETAIL_KEY = "atlas_profile_detail"
_LOADER = (STATIC_DIR / ATLAS_DIR / "component.mjs").read_text(encoding="utf-8")
_map = st.components.v2.component(
    "atlas_map", js='const KIND = "map";\n' + _LOADER, isolate_styles=True
)
_summary = st.components.v2.component(
    "atlas_summary", js='const KIND = "summary";\n' + _LOADER, isolate_styles=True
)
_detail = st.components.v2.component(
    "atlas_detail", js='const KIND = "detail";\n' + _LOADER, isolate_styles=True
)
#: The base map's tile viewer and its script (layers/render/basemap.py), loaded after Leaflet
#: when both are installed; ``AtlasBasemap.add`` then draws the archives of ``static/basemap``.
BASEMAP_SCRIPTS = (static_path("protomaps_leaflet"), static_path("atlas_basemap"))


def static_base_url() -> str:
    """Where the browser finds the static folder (honours ``server.baseUrlPath``)."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}{DEFAULT_BASE_URL}" if base else DEFAULT_BASE_URL


def map_assets(base_url: str, static_dir: Path = STATIC_DIR) -> dict:
    """Scripts (atlas.js first, then Leaflet, its plugin, the base map) and stylesheets."""
    vendor = [f"{VENDOR}/{LOCAL_FILES[name]}" for name in ("leaflet", "markerclusterjs")]
    scripts = [f"{ATLAS_DIR}/atlas.js", *vendor]
    if all((static_dir / path).is_file() for path in BASEMAP_SCRIPTS):
        scripts += BASEMAP_SCRIPTS
    styles = [
        *(
            f"{VENDOR}/{LOCAL_FILES[name]}"
            for name in ("leaflet_css", "markerclustercss", "markerclusterdefaultcss")
        ),
        f"{ATLAS_DIR}/atlas.css",
    ]
    return {
        "scripts": [versioned_url(path, base_url, static_dir) for path in scripts],
        "styles": [versioned_url(path, base_url, static_dir) for path in styles],
    }


def profile_assets(base_url: str, static_dir: Path = STATIC_DIR) -> dict:
    """The profile's components (summary, detail) only need the drawing code and its stylesheet."""
    return {
        "scripts": [versioned_url(f"{ATLAS_DIR}/atlas.js", base_url, static_dir)],
        "styles": [versioned_url(f"{ATLAS_DIR}/atlas.css", base_url, static_dir)],
    }


def show_map(payload: dict, codes: Collection[str], announce_drawn: bool = False) -> None:
    """Mount (or update) the map; ``codes`` are the region codes a click may select.

    With ``announce_drawn``, the browser sends a ``drawn`` trigger once the regions are drawn
    (or the map failed): its callback marks the session's page as ready to be drawn in full.
    """
    _map(
        key=MAP_KEY,
        data={**payload, "announce_drawn": announce_drawn},
        height=payload["height"],
        on_select_change=_select_handler(payload["level"], frozenset(codes)),
        on_drawn_change=_on_drawn,
    )


def _on_drawn() -> None:
    st.session_state[FULL_PAGE_KEY] = True


def show_summary(payload: dict) -> None:
    """Mount (or update) the profile summary (the browser picks the selected region's)."""
    _summary(key=SUMMARY_KEY, data=payload)


def show_detail(payload: dict, on_domain: Callable[[object], None]) -> None:
    """Mount (or update) the profile's detail (the browser picks the selected region's);
    ``on_domain`` receives the domain the user chose in it (unchecked: whatever the page sent).
    """
    _detail(
        key=DETAIL_KEY,
        data=payload,
        on_domain_change=lambda: on_domain((st.session_state.get(DETAIL_KEY) or {}).get("domain")),
    )


def _select_handler(level: str, codes: frozenset[str]) -> Callable[[], None]:
    def _on_select() -> None:
        state = st.session_state.get(MAP_KEY) or {}
        click = map_click(state.get("select"), current_view().level, codes)
        if click is not None and current_view().level == level:
            select_region(*click)

    return _on_select
