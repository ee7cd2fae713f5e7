"""Helpers shared by several test modules (test modules never import each other).

Reference implementations ("oracles") that the tests compare the app's code against live here,
not in the runtime packages: nothing in the app needs them.
"""

import json

import geopandas as gpd


def to_geojson(gdf: gpd.GeoDataFrame) -> dict:
    """A GeoJSON FeatureCollection with no ids and no bounding boxes (smaller payload)."""
    return json.loads(gdf.to_json(drop_id=True, na="null"))


def geojson_size_bytes(gdf: gpd.GeoDataFrame) -> int:
    """Bytes of the compact GeoJSON text of ``gdf``."""
    return len(json.dumps(to_geojson(gdf), separators=(",", ":"), ensure_ascii=False).encode())
