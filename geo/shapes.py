"""Load the shipped contours (data/shapes/) and serialise them compactly for the web map."""

import json

import geopandas as gpd
import pyogrio

from geo.paths import LAYER_FILES, SHAPES_DIR

#: Region levels users can choose: key -> label shown in the interface.
REGION_LEVELS = {"2016": "Régions 2016 (13)", "pre2016": "Anciennes régions (22)"}


class UnknownLevelError(ValueError):
    """A geographic level that the atlas does not know."""


def check_level(level: str, allowed=REGION_LEVELS) -> str:
    """Return ``level`` if it is one of ``allowed``, else raise naming the valid ones."""
    if level not in allowed:
        raise UnknownLevelError(f"Unknown level {level!r}; expected one of {sorted(allowed)}")
    return level


def read_layer(level: str) -> gpd.GeoDataFrame:
    """Polygons of one level (``"2016"``, ``"pre2016"`` or ``"departements"``), WGS84.

    Codes are text; regions are sorted by code.
    """
    check_level(level, LAYER_FILES)
    gdf = pyogrio.read_dataframe(SHAPES_DIR / f"{LAYER_FILES[level]}.shp", encoding="UTF-8")
    return gdf.sort_values("code", ignore_index=True)


def to_geojson(gdf: gpd.GeoDataFrame) -> dict:
    """A GeoJSON FeatureCollection with no ids and no bounding boxes (smaller payload)."""
    return json.loads(gdf.to_json(drop_id=True, na="null"))


def geojson_size_bytes(gdf: gpd.GeoDataFrame) -> int:
    """Bytes of the compact GeoJSON text sent to the browser for ``gdf``."""
    return len(json.dumps(to_geojson(gdf), separators=(",", ":"), ensure_ascii=False).encode())
