"""Polygon coverages: dissolve, clean and simplify sets of polygons that tile a territory.

Every function takes a GeoDataFrame and returns a new one (inputs are never modified). The
geometries are expected in a projected CRS in metres (Lambert-93 for France), so that
tolerances and gap widths are lengths.
"""

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry


def dissolve(gdf: gpd.GeoDataFrame, by: str, *, is_coverage: bool = False) -> gpd.GeoDataFrame:
    """Union the geometries of ``gdf`` per value of column ``by``.

    Parameters
    ----------
    gdf : GeoDataFrame
        Polygons with a column ``by``.
    by : str
        Grouping column; it becomes a column of the result (sorted by it).
    is_coverage : bool
        True when the polygons form a valid coverage (shared edges identical): the union then
        uses GEOS' coverage union, which is exact and much faster than a general union.

    Returns
    -------
    GeoDataFrame
        One row per group, columns ``by`` and ``geometry``, same CRS.
    """
    union = shapely.coverage_union_all if is_coverage else shapely.union_all
    groups = gdf.groupby(by, sort=True).geometry
    keys = list(groups.groups)
    geoms = [union(np.asarray(groups.get_group(key).values)) for key in keys]
    return gpd.GeoDataFrame({by: keys}, geometry=geoms, crs=gdf.crs)


def clean_coverage(gdf: gpd.GeoDataFrame, gap_width_m: float) -> gpd.GeoDataFrame:
    """Make ``gdf`` a valid coverage: snap near vertices, merge overlaps, fill gaps.

    Gaps (areas enclosed by the coverage but covered by no polygon) narrower than
    ``gap_width_m`` are merged into the neighbour with the longest shared border; overlaps go
    to the polygon with the longest shared border too. Real enclaves are not gaps (another
    polygon covers them) and are kept.
    """
    out = gdf.copy()
    out.geometry = shapely.coverage_clean(
        np.asarray(gdf.geometry.values), gap_width=gap_width_m, merge_strategy="longest_border"
    )
    return out


def simplify_coverage(gdf: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """Simplify a valid coverage so that neighbours keep sharing exactly the same edges.

    ``tolerance_m`` is roughly the square root of the area of the triangles removed
    (Visvalingam-Whyatt), in metres.
    """
    out = gdf.copy()
    out.geometry = shapely.coverage_simplify(np.asarray(gdf.geometry.values), tolerance_m)
    return out


def interior_rings(geom: BaseGeometry) -> list[shapely.Polygon]:
    """The holes of a (multi)polygon, as polygons."""
    parts = getattr(geom, "geoms", [geom])
    return [shapely.Polygon(ring) for part in parts for ring in part.interiors]


def uncovered_holes(gdf: gpd.GeoDataFrame, min_area: float = 0.0) -> list[tuple[int, float]]:
    """Holes that no other polygon of ``gdf`` fills (gaps), as (row position, area) pairs.

    A hole filled by a neighbour is an enclave (the Vaucluse enclave inside Drôme) and is not
    reported. ``min_area`` ignores numerical dust (in squared CRS units).
    """
    union = shapely.union_all(np.asarray(gdf.geometry.values))
    gaps = []
    for pos, geom in enumerate(gdf.geometry.values):
        for hole in interior_rings(geom):
            gap_area = hole.difference(union).area
            if gap_area > min_area:
                gaps.append((pos, gap_area))
    return gaps


def round_coordinates(gdf: gpd.GeoDataFrame, decimals: int) -> gpd.GeoDataFrame:
    """Round every coordinate to ``decimals`` digits; shared vertices stay shared.

    Rounding vertex by vertex (not ``set_precision``, which re-nodes each polygon on its own)
    keeps identical vertices identical, so a coverage stays edge-matched. A polygon that the
    rounding makes invalid is repaired with ``make_valid``.
    """
    out = gdf.copy()
    rounded = shapely.transform(np.asarray(gdf.geometry.values), lambda xy: np.round(xy, decimals))
    invalid = ~shapely.is_valid(rounded)
    if invalid.any():
        rounded[invalid] = shapely.make_valid(rounded[invalid], method="structure")
    out.geometry = rounded
    return out
