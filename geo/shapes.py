"""Load the shipped contours (data/shapes/): one polygon layer per level, plus the départements."""

import geopandas as gpd
import pyogrio

from geo.levels import LAYER_FILES, UnknownLevelError
from geo.paths import SHAPES_DIR


def read_layer(level: str) -> gpd.GeoDataFrame:
    """Polygons of one layer of :data:`geo.levels.LAYER_FILES` (a level, or ``"departements"``).

    WGS84; codes are text; units are sorted by code.
    """
    if level not in LAYER_FILES:
        raise UnknownLevelError(f"Unknown layer {level!r}; expected one of {list(LAYER_FILES)}")
    gdf = pyogrio.read_dataframe(SHAPES_DIR / f"{LAYER_FILES[level]}.shp", encoding="UTF-8")
    return gdf.sort_values("code", ignore_index=True)
