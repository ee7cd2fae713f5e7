import numpy as np
import pandas as pd
import pytest

from geo.distance import check_query, haversine_km
from tests.helpers import with_distance, within_radius

PARIS = (48.8566, 2.3522)
LYON = (45.7640, 4.8357)


def test_paris_lyon_is_about_392_km():
    assert haversine_km(*PARIS, *LYON) == pytest.approx(392, abs=2)


def test_distance_to_itself_is_zero_and_symmetric():
    assert haversine_km(*PARIS, *PARIS) == 0
    assert haversine_km(*PARIS, *LYON) == pytest.approx(haversine_km(*LYON, *PARIS))


def test_haversine_is_vectorised():
    lats = np.array([PARIS[0], LYON[0]])
    lons = np.array([PARIS[1], LYON[1]])
    d = haversine_km(PARIS[0], PARIS[1], lats, lons)
    assert d.shape == (2,)
    assert d[0] == 0


def points():
    return pd.DataFrame(
        {
            "name": ["Lyon", "Paris", "Versailles", "nowhere"],
            "lat": [LYON[0], PARIS[0], 48.8049, np.nan],
            "lon": [LYON[1], PARIS[1], 2.1204, np.nan],
        }
    )


def test_within_radius_keeps_near_points_sorted_by_distance():
    found = within_radius(points(), *PARIS, radius_km=30)
    assert found["name"].tolist() == ["Paris", "Versailles"]
    assert found["distance_km"].is_monotonic_increasing
    assert found["distance_km"].iloc[1] == pytest.approx(17.6, abs=0.5)


def test_within_radius_does_not_modify_its_input():
    table = points()
    within_radius(table, *PARIS, radius_km=500)
    assert "distance_km" not in table


def test_with_distance_orders_everything_and_skips_unplaced_rows():
    found = with_distance(points(), *LYON)
    assert found["name"].tolist() == ["Lyon", "Paris", "Versailles"]
    assert "nowhere" not in found["name"].tolist()


def test_bounding_box_prefilter_agrees_with_brute_force():
    rng = np.random.default_rng(0)
    table = pd.DataFrame({"lat": rng.uniform(41, 51.5, 5000), "lon": rng.uniform(-5.5, 9.8, 5000)})
    for radius in (5, 30, 150):
        fast = within_radius(table, 47.0, 2.0, radius)
        brute = haversine_km(47.0, 2.0, table["lat"], table["lon"]) <= radius
        assert sorted(fast.index) == sorted(table.index[brute])


@pytest.mark.parametrize("radius", [0, -3, float("nan"), float("inf"), "10", None])
def test_radius_must_be_a_positive_number(radius):
    with pytest.raises(ValueError, match="radius_km"):
        check_query(*PARIS, radius_km=radius)


@pytest.mark.parametrize("centre", [(95, 2), (45, 181), (float("nan"), 2)])
def test_bad_centre_is_named(centre):
    with pytest.raises(ValueError, match=r"lat in \[-90, 90\]"):
        check_query(*centre, radius_km=10)
    check_query(*PARIS, radius_km=np.int64(10))  # numpy numbers are numbers
