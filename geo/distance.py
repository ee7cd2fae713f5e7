"""Great-circle distances (vectorised) and radius queries around a point."""

import numpy as np
import pandas as pd

#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088
_KM_PER_DEGREE_LAT = np.pi * EARTH_RADIUS_KM / 180


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance in km between points given in degrees (numpy broadcasting)."""
    lat1, lon1, lat2, lon2 = (
        np.radians(np.asarray(v, dtype=float)) for v in (lat1, lon1, lat2, lon2)
    )
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _check_point(lat: float, lon: float) -> None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"Expected lat in [-90, 90] and lon in [-180, 180], got ({lat}, {lon})")


def with_distance(points: pd.DataFrame, lat: float, lon: float) -> pd.DataFrame:
    """Copy of ``points`` (columns ``lat``, ``lon``) with ``distance_km``, nearest first.

    Rows without coordinates are left out.
    """
    _check_point(lat, lon)
    placed = points[points["lat"].notna() & points["lon"].notna()]
    distances = haversine_km(lat, lon, placed["lat"].to_numpy(), placed["lon"].to_numpy())
    out = placed.assign(distance_km=distances)
    return out.sort_values("distance_km", kind="stable")


def within_radius(points: pd.DataFrame, lat: float, lon: float, radius_km: float) -> pd.DataFrame:
    """Rows of ``points`` within ``radius_km`` of (lat, lon), with ``distance_km``, nearest first.

    A bounding box on latitude and longitude discards far points before the trigonometry, so
    the cost grows with the number of nearby points, not the size of the table.

    Parameters
    ----------
    points : DataFrame
        Columns ``lat`` and ``lon`` in degrees (WGS84); other columns are kept.
    lat, lon : float
        Centre of the query, in degrees.
    radius_km : float
        Radius in km, positive.
    """
    _check_point(lat, lon)
    if not radius_km > 0:
        raise ValueError(f"radius_km must be positive, got {radius_km!r}")
    dlat = radius_km / _KM_PER_DEGREE_LAT
    coslat = max(np.cos(np.radians(min(abs(lat) + dlat, 90.0))), 1e-6)
    dlon = min(radius_km / (_KM_PER_DEGREE_LAT * coslat), 180.0)
    lats = points["lat"].to_numpy(dtype=float)
    lons = points["lon"].to_numpy(dtype=float)
    dlons = np.abs((lons - lon + 180.0) % 360.0 - 180.0)
    near = points[(np.abs(lats - lat) <= dlat) & (dlons <= dlon)]
    distances = haversine_km(lat, lon, near["lat"].to_numpy(), near["lon"].to_numpy())
    out = near.assign(distance_km=distances)
    out = out[out["distance_km"] <= radius_km]
    return out.sort_values("distance_km", kind="stable")
