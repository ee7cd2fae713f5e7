"""Great-circle distances (vectorised) and the one check of a query centre and radius."""

import numbers

import numpy as np

#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088
#: Length of one degree of latitude, km (a point farther in latitude is farther in distance).
KM_PER_DEGREE_LAT = np.pi * EARTH_RADIUS_KM / 180


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


def check_query(lat: float, lon: float, radius_km: float) -> None:
    """Raise ValueError naming the bad centre (degrees, WGS84) or radius (a positive number of km).

    >>> check_query(50.6, 3.06, 0)
    Traceback (most recent call last):
    ...
    ValueError: radius_km must be a positive number of km, got 0
    """
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"Expected lat in [-90, 90] and lon in [-180, 180], got ({lat}, {lon})")
    if not (isinstance(radius_km, numbers.Real) and radius_km > 0 and np.isfinite(radius_km)):
        raise ValueError(f"radius_km must be a positive number of km, got {radius_km!r}")
