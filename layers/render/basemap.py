"""The offline base map on a folium map: PMTiles on screen, a light GeoJSON in exports.

The drawing itself lives in ``static/atlas/basemap.js`` (``window.AtlasBasemap``), which any
Leaflet map can call; here are the folium elements that call it, the options they pass (also for
other callers, see :func:`basemap_options`), and the checks that the files are there. The
archives are built by ``python -m geo.build.basemap`` and served by Streamlit's static route
(which answers the range requests PMTiles needs); the viewer, protomaps-leaflet, is fetched at
set-up by ``scripts/vendor_js.sh``. Without it the atlas still works, without a base map.
"""

import json
from functools import cache
from pathlib import Path
from typing import ClassVar

import folium
import geopandas as gpd
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from i18n import DEFAULT_LANG, t
from layers.render.offline import STATIC_DIR, offline, static_path

BASEMAP = "basemap"  # folder under static/
ARCHIVES = ("basemap_base.pmtiles", "basemap_ref.pmtiles")
LIGHT_FILE = "basemap_light.geojson"
#: Colours of the light base map in the PNG export (static/atlas/basemap.js uses the same).
SEA_COLOUR, FRANCE_COLOUR, OTHER_LAND_COLOUR = "#c6d9e8", "#f8f6f1", "#e9e6de"
LIGHT_NOTE = t("basemap.light_note")


def missing_files(static_dir: Path = STATIC_DIR) -> list[str]:
    """Paths (under static/) of the files the on-screen base map needs and that are missing."""
    needed = [static_path("protomaps_leaflet"), static_path("atlas_basemap")]
    needed += [f"{BASEMAP}/{name}" for name in ARCHIVES]
    return [rel for rel in needed if not (static_dir / rel).is_file()]


def unavailable_note(static_dir: Path = STATIC_DIR, lang: str = DEFAULT_LANG) -> str | None:
    """A note (in ``lang``) saying why the base map is not drawn, or None when it can be."""
    missing = missing_files(static_dir)
    if not missing:
        return None
    return t("basemap.unavailable", lang, files=", ".join(f"static/{m}" for m in missing))


@cache
def light_geojson(static_dir: Path = STATIC_DIR) -> dict:
    """The light base map (static/basemap/basemap_light.geojson), parsed once."""
    return json.loads((static_dir / BASEMAP / LIGHT_FILE).read_text(encoding="utf-8"))


def attribution(static_dir: Path = STATIC_DIR) -> str:
    """The base map's sources and licences, as the build recorded them."""
    return light_geojson(static_dir)["attribution"]


def basemap_options(base_url: str = "/app/static", labels: bool = True) -> dict:
    """Options for ``AtlasBasemap.add(map, options)``: archive folder URL, labels, attribution.

    Any Leaflet map of the atlas (the folium map, a custom component) should pass these.
    """
    return {
        "baseUrl": f"{base_url.rstrip('/')}/{BASEMAP}",
        "labels": labels,
        "attribution": attribution(),
    }


def _script_json(value) -> str:
    """``value`` as JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class OfflineBaseMap(JSCSSMixin, MacroElement):
    """Draws the PMTiles base map on its parent map (handle in ``window.atlasBasemap``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            window.atlasBasemap = window.AtlasBasemap ? window.AtlasBasemap.add(
                {{ this._parent.get_name() }}, {{ this.options_json }}) : null;
        {% endmacro %}
        """
    )
    default_js: ClassVar = [("protomaps_leaflet", ""), ("atlas_basemap", "")]

    def __init__(self, options: dict) -> None:
        super().__init__()
        self._name = "OfflineBaseMap"
        self.options_json = _script_json(options)


class LightBaseMap(JSCSSMixin, MacroElement):
    """Draws the light GeoJSON base map (for pages opened from disk), with a note saying so."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            window.atlasBasemap = window.AtlasBasemap.addLight(
                {{ this._parent.get_name() }}, {{ this.geojson_json }}, {{ this.options_json }});
        {% endmacro %}
        """
    )
    default_js: ClassVar = [("atlas_basemap", "")]

    def __init__(self, geojson: dict, options: dict) -> None:
        super().__init__()
        self._name = "LightBaseMap"
        self.geojson_json = _script_json(geojson)
        self.options_json = _script_json(options)


def add_basemap(fmap: folium.Map, base_url: str = "/app/static") -> str | None:
    """Add the PMTiles base map to ``fmap``; return None, or a French note if it cannot be.

    The element's script is the same at every call, so streamlit-folium does not re-mount the
    map because of it.
    """
    note = unavailable_note()
    if note is None:
        offline(OfflineBaseMap(basemap_options(base_url)), base_url).add_to(fmap)
    return note


def add_light_basemap(fmap: folium.Map, base_url: str = "/app/static") -> folium.Map:
    """Add the light base map to ``fmap`` (an export), with :data:`LIGHT_NOTE` shown on it."""
    options = {**basemap_options(base_url), "note": LIGHT_NOTE}
    del options["baseUrl"]
    offline(LightBaseMap(light_geojson(), options), base_url).add_to(fmap)
    return fmap


def light_frames(geojson: dict, crs: str) -> dict[str, gpd.GeoDataFrame]:
    """The light base map's layers (land, departements, labels) as frames in ``crs``."""
    frame = gpd.GeoDataFrame.from_features(geojson["features"], crs="EPSG:4326").to_crs(crs)
    return {name: frame[frame["layer"] == name] for name in ("land", "departements", "labels")}


def draw_light_basemap(ax, geojson: dict, crs: str, over: bool) -> None:
    """Draw the light base map on a matplotlib ``ax`` in ``crs`` (for the PNG export).

    Call it twice around the choropleth: ``over=False`` paints the sea (the axes' background)
    and the land, ``over=True`` the département and region lines. The view limits are left to
    the caller (the choropleth's extent).
    """
    frames = light_frames(geojson, crs)
    if not over:
        ax.set_facecolor(SEA_COLOUR)
        land = frames["land"]
        colours = land["kind"].map({"fr": FRANCE_COLOUR}).fillna(OTHER_LAND_COLOUR)
        land.plot(ax=ax, color=colours, linewidth=0, zorder=0)
        return
    lines = frames["departements"]
    for kind, width, alpha in (("dep", 0.35, 0.6), ("region", 0.9, 0.8)):
        part = lines[lines["kind"] == kind]
        if len(part):
            part.plot(ax=ax, color="#333333", linewidth=width, alpha=alpha, zorder=3)
