"""The offline base map: its options for the browser map, its light fallback, its checks.

The drawing itself lives in ``static/atlas/basemap.js`` (``window.AtlasBasemap``), which any
Leaflet map can call; the atlas's map (static/atlas/atlas.js) calls it with the options built
here (:func:`basemap_spec`), and the offline HTML export with the light GeoJSON
(:func:`light_spec`). The archives are built by ``python -m geo.build.basemap`` and served by
Streamlit's static route (which answers the range requests PMTiles needs); the viewer,
protomaps-leaflet, is fetched at set-up by ``scripts/vendor_js.sh``. Without it the atlas still
works, without a base map. The PNG export draws the light base map with matplotlib
(:func:`draw_light_basemap`).
"""

import json
from functools import cache
from pathlib import Path

import geopandas as gpd

from i18n import DEFAULT_LANG, t
from layers.render.offline import STATIC_DIR, static_path

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


def attribution(static_dir: Path = STATIC_DIR, lang: str = DEFAULT_LANG) -> str:
    """The base map's sources and licences, as the build recorded them, in ``lang``."""
    return attribution_in(light_geojson(static_dir)["attribution"], lang)


def attribution_in(text: str, lang: str = DEFAULT_LANG) -> str:
    """The build's French attribution ("Fond : <sources>") with its first word in ``lang``;
    the sources and licences are names, the same in every language."""
    french = t("basemap.attribution", DEFAULT_LANG, sources="")
    if not text.startswith(french):
        return text
    return t("basemap.attribution", lang, sources=text.removeprefix(french))


def basemap_options(
    base_url: str = "/app/static", labels: bool = True, lang: str = DEFAULT_LANG
) -> dict:
    """Options for ``AtlasBasemap.add(map, options)``: archive folder URL, labels, attribution.

    Any Leaflet map of the atlas should pass these (see :func:`basemap_spec`).
    """
    return {
        "baseUrl": f"{base_url.rstrip('/')}/{BASEMAP}",
        "labels": labels,
        "attribution": attribution(lang=lang),
    }


def basemap_spec(
    base_url: str = "/app/static",
    labels: bool = True,
    static_dir: Path = STATIC_DIR,
    lang: str = DEFAULT_LANG,
) -> dict | None:
    """What the browser map needs to draw the base map (``{"options": ...}``), or None when
    one of its files under ``static_dir`` is missing (:func:`unavailable_note` says which)."""
    if missing_files(static_dir):
        return None
    return {"options": basemap_options(base_url, labels, lang)}


def light_spec(labels: bool = True, lang: str = DEFAULT_LANG) -> dict:
    """What a page opened from disk needs to draw the light base map: the GeoJSON and the
    options of ``AtlasBasemap.addLight``, with its note (:data:`LIGHT_NOTE`) shown on the map."""
    options = {
        "labels": labels,
        "attribution": attribution(lang=lang),
        "note": t("basemap.light_note", lang),
    }
    return {"light": light_geojson(), "options": options}


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
