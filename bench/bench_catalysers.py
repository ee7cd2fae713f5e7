"""Radius query ("catalyseurs près de…"): ours against a naive scan, in the same process.

Ours: :func:`geo.catalysers.catalysers_near` (bounding-box prefilter, then vectorised haversine
on the few candidates). Naive baseline: what a first version does — a Python loop computing the
haversine distance of every row, then the rows within the radius, sorted. Both run on the
shipped directory and on 100,000 synthetic points (shipped rows repeated, with random points
over metropolitan France), around Roubaix with a 30 km radius.

Run: ``python -m bench.bench_catalysers``
"""

import math

import numpy as np
import pandas as pd

from bench.common import median_seconds, report
from geo.catalysers import catalysers_near, load_catalysers
from geo.distance import EARTH_RADIUS_KM

ROUBAIX = (50.69089, 3.18163)  # town hall, data/gazetteer/communes.csv
RADIUS_KM = 30.0
SYNTHETIC_ROWS = 100_000


def synthetic_directory(directory: pd.DataFrame, rows: int, seed: int = 0) -> pd.DataFrame:
    """``rows`` rows copied from ``directory`` with random points in metropolitan France's box."""
    rng = np.random.default_rng(seed)
    picked = directory.iloc[rng.integers(0, len(directory), rows)].reset_index(drop=True)
    return picked.assign(lat=rng.uniform(42.3, 51.1, rows), lon=rng.uniform(-4.8, 8.2, rows))


def naive_near(directory: pd.DataFrame, lat: float, lon: float, radius_km: float) -> pd.DataFrame:
    """Haversine over every row in a Python loop, then filter and sort."""
    distances = []
    for row_lat, row_lon in zip(directory["lat"], directory["lon"], strict=True):
        if math.isnan(row_lat):
            distances.append(math.inf)
            continue
        p1, p2 = math.radians(lat), math.radians(row_lat)
        a = (
            math.sin((p2 - p1) / 2) ** 2
            + math.cos(p1) * math.cos(p2) * math.sin(math.radians(row_lon - lon) / 2) ** 2
        )
        distances.append(2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a)))
    out = directory.assign(distance_km=distances)
    return out[out["distance_km"] <= radius_km].sort_values("distance_km", kind="stable")


def main() -> None:
    shipped = load_catalysers()
    tables = {
        f"shipped directory ({len(shipped)} rows)": shipped,
        f"synthetic ({SYNTHETIC_ROWS:,} rows)": synthetic_directory(shipped, SYNTHETIC_ROWS),
    }
    for label, table in tables.items():
        ours_result = catalysers_near(table, *ROUBAIX, RADIUS_KM).within
        naive_result = naive_near(table, *ROUBAIX, RADIUS_KM)
        assert ours_result.index.tolist() == naive_result.index.tolist(), "results differ"
        ours = median_seconds(lambda t=table: catalysers_near(t, *ROUBAIX, RADIUS_KM), repeat=50)
        naive = median_seconds(lambda t=table: naive_near(t, *ROUBAIX, RADIUS_KM), repeat=5)
        report(
            f"radius query 30 km, {label}: {len(ours_result)} found",
            ours,
            naive,
            goal="<= 5 ms",
        )


if __name__ == "__main__":
    main()
