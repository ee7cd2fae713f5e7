"""The data the browser map and profile summary receive (static/atlas/atlas.js reads them).

Two payloads, split by how often they change, because Streamlit re-sends an element's whole
data whenever any part of it changes:

- :func:`map_payload`, sent at every run of the map (a click included): URLs of the contours
  and of the catalyser directory (fetched once per page, never on the websocket), then only
  small things: each region's colour and value label, the selection, the search circle;
  about 2-4 KB;
- :func:`summary_payload`, every region's pre-rendered summary for one data bundle, level and
  survey (70-110 KB): unchanged by a click, so Streamlit sends a reference to it, not the data.

Pure functions: no Streamlit, no file access (URLs are passed in).
"""

import hashlib
import json
from dataclasses import dataclass

from geo.levels import check_level
from i18n import DEFAULT_LANG, t
from layers.render.choropleth import REGION_STYLE
from layers.render.formatting import no_data_label
from layers.render.markers import HIGHLIGHT_STYLE

#: Metropolitan France, Corsica included: the first view.
FRANCE_BOUNDS = [[41.3, -5.2], [51.1, 9.6]]
MAP_HEIGHT_PX = 620
#: Zoom after a commune search (a radius of some 30 km fills the map).
FOCUS_ZOOM = 9
#: Prefix of the Streamlit container key that holds a region's detailed profile; the summary
#: greys any other one until the server has drawn the clicked region's.
DETAIL_PREFIX = "atlas_detail_"
CHANNEL = "atlas"


def hint(level: str, lang: str = DEFAULT_LANG) -> str:
    """What the profile says before a click: "Cliquez un département sur la carte…"."""
    return t("profile.hint", lang, a_unit=check_level(level).a_unit_in(lang))


@dataclass(frozen=True)
class Markers:
    """The catalyser markers to draw: the directory's URL, ids shown (None: all), highlighted."""

    url: str
    visible: list[int] | None
    highlight: list[int]


def detail_key(level: str, code: str) -> str:
    """Key of the Streamlit container of a region's detail (its CSS class is st-key-<key>)."""
    return f"{DETAIL_PREFIX}{level}_{code}"


def map_payload(
    *,
    level: str,
    geometry_url: str | dict,
    styles: dict[str, list[str]],
    value_title: str,
    selected: str = "",
    seq: int = 0,
    markers: Markers | None = None,
    circle: dict | None = None,
    focus: dict | None = None,
    basemap: dict | None = None,
    assets: dict | None = None,
    lang: str = DEFAULT_LANG,
) -> dict:
    """The map's data.

    Parameters
    ----------
    level : str
        The level shown; ``geometry_url`` is its contours' URL (or the GeoJSON itself, for a
        page that opens from disk).
    styles : dict
        ``code -> [colour, value label]`` (:func:`layers.render.choropleth.region_styles`).
    value_title : str
        Layer title, shown in the tooltips (as text).
    selected, seq : str, int
        The selected region code ("" for none) and the number of the last map click the
        server has seen (the browser ignores a selection older than its latest click).
    markers, circle, focus : optional
        Catalyser markers, the search circle (:func:`layers.render.markers.search_circle`),
        and where to centre the map (``{"lat", "lon", "key"}``: applied once per key).
    basemap : dict, optional
        The base map: ``{"options"}`` for ``AtlasBasemap.add`` (:func:`layers.render.basemap.
        basemap_spec`), ``{"light", "options"}`` for ``AtlasBasemap.addLight`` (a page opened
        from disk, :func:`layers.render.basemap.light_spec`), None for none. A change switches
        it in place (the map is not re-mounted).
    assets : dict, optional
        Scripts and stylesheets the page must load (``{"scripts": [...], "styles": [...]}``).
    lang : str
        Language of the map's own words: its accessible name ("Carte : <title>"), "pas de
        donnée" in tooltips, the error message.
    """
    if selected and selected not in styles:
        raise ValueError(f"Selected region {selected!r} is not one of {sorted(styles)}")
    return {
        "channel": CHANNEL,
        "lang": lang,
        "height": MAP_HEIGHT_PX,
        "bounds": FRANCE_BOUNDS,
        "level": level,
        "geometry": geometry_url,
        "regions": styles,
        "value_title": value_title,
        "label": t("map.label", lang, title=value_title),
        "error_prefix": t("map.error", lang),
        "no_data_label": no_data_label(lang),
        "style": REGION_STYLE,
        "selected": selected,
        "seq": int(seq),
        "markers": (
            None
            if markers is None
            else {
                "url": markers.url,
                "visible": markers.visible,
                "highlight": markers.highlight,
                "highlight_style": HIGHLIGHT_STYLE,
            }
        ),
        "circle": circle,
        "focus": None if focus is None else {**focus, "zoom": FOCUS_ZOOM},
        "basemap": basemap,
        "assets": assets or {"scripts": [], "styles": []},
    }


def summary_payload(
    level: str, summaries: dict[str, str], assets: dict | None = None, lang: str = DEFAULT_LANG
) -> dict:
    """The profile summaries' data; ``key`` names their content (a new bundle, a new key)."""
    digest = hashlib.sha256(
        json.dumps([level, lang, summaries], sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:16]
    return {
        "channel": CHANNEL,
        "key": digest,
        "level": level,
        "hint": hint(level, lang),
        "status_prefix": t("profile.status", lang),
        "detail_prefix": DETAIL_PREFIX,
        "summaries": summaries,
        "assets": assets or {"scripts": [], "styles": []},
    }
