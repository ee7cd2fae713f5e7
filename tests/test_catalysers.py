"""Catalyser queries: filters, radius search, nearest-three fallback, region listing."""

import numpy as np
import pandas as pd
import pytest

from geo.catalysers import (
    COLUMNS,
    NEAREST_COUNT,
    NearResult,
    catalysers_in_region,
    catalysers_near,
    category_label,
    filter_catalysers,
    summarise_filter,
)
from geo.distance import haversine_km
from geo.gazetteer import load_gazetteer
from tests.helpers import within_radius

LILLE = (50.63194, 3.0575)


def directory() -> pd.DataFrame:
    """Five organisations around Lille, one département-level, one national (no point)."""
    return pd.DataFrame(
        {
            "name": ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"],
            "commune": ["Lille", "Roubaix", "", "Amiens", "Lyon", ""],
            "departement": ["59", "59", "62", "80", "69", ""],
            "region_2016": ["32", "32", "32", "32", "84", ""],
            "lat": [50.63194, 50.69121, 50.29301, 49.89419, 45.76756, np.nan],
            "lon": [3.0575, 3.17404, 2.78086, 2.29575, 4.83533, np.nan],
            "precision": ["commune", "commune", "departement", "commune", "commune", "national"],
            "metiers": [
                "dialogue_territorial",
                "gestion_lieu;accompagnements",
                "",
                "experimentations_collectives",
                "accompagnements",
                "dialogue_territorial",
            ],
            "kind": ["association", "tiers_lieu", "fondation", "ptce", "reseau", "reseau"],
            "confidence": ["A", "C", "B", "C", "A", "A"],
        }
    )


# --- filters -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]),
        ({"metiers": ["accompagnements"]}, ["Beta", "Epsilon"]),
        ({"metiers": ["gestion_lieu", "dialogue_territorial"]}, ["Alpha", "Beta", "Zeta"]),
        ({"metiers": "gestion_lieu"}, ["Beta"]),
        ({"confidence": ["A"]}, ["Alpha", "Epsilon", "Zeta"]),
        ({"kinds": ["reseau", "ptce"]}, ["Delta", "Epsilon", "Zeta"]),
        ({"metiers": ["accompagnements"], "confidence": ["A", "B"]}, ["Epsilon"]),
        ({"metiers": []}, []),
        ({"confidence": []}, []),
    ],
)
def test_filters_combine_and_metiers_match_any_of(kwargs, expected):
    assert filter_catalysers(directory(), **kwargs)["name"].tolist() == expected


def test_rows_with_unknown_metiers_never_match_a_metier_filter():
    found = filter_catalysers(directory(), metiers=["dialogue_territorial"])
    assert "Gamma" not in found["name"].tolist()


@pytest.mark.parametrize(
    ("kwargs", "bad", "valid"),
    [
        ({"metiers": ["dialogue"]}, "dialogue", "dialogue_territorial"),
        ({"confidence": ["a"]}, "'a'", "'A', 'B', 'C'"),
        ({"kinds": ["asso"]}, "asso", "association"),
    ],
)
def test_bad_filter_values_are_named_with_the_valid_choices(kwargs, bad, valid):
    with pytest.raises(ValueError, match="expected some of") as info:
        filter_catalysers(directory(), **kwargs)
    assert bad in str(info.value) and valid in str(info.value)


def test_filter_returns_a_copy_and_leaves_the_input_alone():
    table = directory()
    before = table.copy()
    found = filter_catalysers(table, confidence=["A"])
    found.loc[found.index[0], "name"] = "changed"
    pd.testing.assert_frame_equal(table, before)


# --- radius query ------------------------------------------------------------------------------


def test_radius_query_keeps_rows_within_sorted_by_distance():
    result = catalysers_near(directory(), *LILLE, radius_km=50)
    assert isinstance(result, NearResult) and result.found
    assert result.within["name"].tolist() == ["Alpha", "Beta", "Gamma"]
    assert result.within["distance_km"].is_monotonic_increasing
    assert result.within["distance_km"].iloc[0] == 0
    assert result.nearest.empty
    assert result.rows is result.within


def test_departement_rows_are_measured_to_the_prefecture_and_keep_their_precision():
    within = catalysers_near(directory(), *LILLE, radius_km=50).within
    gamma = within.set_index("name").loc["Gamma"]
    assert gamma["precision"] == "departement"
    assert gamma["distance_km"] == pytest.approx(haversine_km(*LILLE, 50.29301, 2.78086))


def test_radius_boundary_is_inclusive():
    distance = float(haversine_km(*LILLE, 50.69121, 3.17404))
    within = catalysers_near(directory(), *LILLE, radius_km=distance).within
    assert within["name"].tolist() == ["Alpha", "Beta"]


def test_no_row_within_gives_the_nearest_three_placed_rows():
    result = catalysers_near(directory(), 43.2965, 5.3698, radius_km=30)  # Marseille
    assert not result.found and result.within.empty
    assert len(result.nearest) == NEAREST_COUNT
    assert result.nearest["name"].tolist() == ["Epsilon", "Delta", "Gamma"]
    assert result.nearest["distance_km"].is_monotonic_increasing
    assert "Zeta" not in result.nearest["name"].tolist()  # national: no point
    assert result.rows is result.nearest


def test_nearest_is_shorter_when_fewer_rows_are_placed():
    result = catalysers_near(directory().iloc[[0, 5]], 43.2965, 5.3698, radius_km=10)
    assert result.nearest["name"].tolist() == ["Alpha"]
    empty = catalysers_near(directory().iloc[[5]], 43.2965, 5.3698, radius_km=10)
    assert empty.nearest.empty and "distance_km" in empty.nearest


def test_ties_keep_the_order_of_the_input():
    table = directory()
    table.loc[1, ["lat", "lon"]] = LILLE  # Beta now at the same point as Alpha
    assert catalysers_near(table, *LILLE, 1).within["name"].tolist() == ["Alpha", "Beta"]
    swapped = table.iloc[[1, 0, 2, 3, 4, 5]]
    assert catalysers_near(swapped, *LILLE, 1).within["name"].tolist() == ["Beta", "Alpha"]


def test_radius_query_does_not_modify_its_input():
    table = directory()
    before = table.copy()
    catalysers_near(table, *LILLE, 500)
    catalysers_near(table, 43.3, 5.4, 1)
    pd.testing.assert_frame_equal(table, before)


def test_radius_query_agrees_with_within_radius_on_random_points():
    rng = np.random.default_rng(1)
    n = 5000
    table = pd.DataFrame(
        {
            "name": [f"n{i}" for i in range(n)],
            "lat": rng.uniform(41, 51.5, n),
            "lon": rng.uniform(-5.5, 9.8, n),
        }
    )
    table.loc[::50, ["lat", "lon"]] = np.nan
    for radius in (1, 30, 150, 900):
        ours = catalysers_near(table, 47.0, 2.0, radius).within
        reference = within_radius(table, 47.0, 2.0, radius)
        assert ours["name"].tolist() == reference["name"].tolist()
        np.testing.assert_allclose(ours["distance_km"], reference["distance_km"])


@pytest.mark.parametrize("radius", [0, -3, float("nan"), float("inf")])
def test_radius_must_be_a_positive_number(radius):
    with pytest.raises(ValueError, match="radius_km"):
        catalysers_near(directory(), *LILLE, radius_km=radius)


def test_bad_centre_is_named():
    with pytest.raises(ValueError, match=r"lat in \[-90, 90\]"):
        catalysers_near(directory(), 95, 2, radius_km=10)


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        # Town hall to town hall (shipped gazetteer): 9.9 km; "about 11 km" is the usual
        # rounded figure between the two cities.
        ("Lille", "Roubaix", (9.5, 11.5)),
        ("Paris", "Lyon", (389, 395)),
        ("Marseille", "Aix-en-Provence", (24, 28)),
    ],
)
def test_known_distances_between_communes_of_the_gazetteer(a, b, km):
    gazetteer = load_gazetteer()
    first, second = (gazetteer.search(name, limit=1).iloc[0] for name in (a, b))
    placed = pd.DataFrame({"name": [b], "lat": [second["lat"]], "lon": [second["lon"]]})
    within = catalysers_near(placed, first["lat"], first["lon"], radius_km=km[1]).within
    assert within["name"].tolist() == [b]
    assert km[0] <= within["distance_km"].iloc[0] <= km[1]


# --- regions -----------------------------------------------------------------------------------


def test_region_listing_is_sorted_by_confidence_then_name():
    found = catalysers_in_region(directory(), "32")
    assert found["name"].tolist() == ["Alpha", "Gamma", "Beta", "Delta"]
    assert catalysers_in_region(directory(), "84")["name"].tolist() == ["Epsilon"]
    assert catalysers_in_region(directory(), "94").empty


@pytest.mark.parametrize("code", ["99", "1", 32, "Hauts-de-France"])
def test_unknown_region_codes_are_named(code):
    with pytest.raises(ValueError, match="Unknown 2016 region code") as info:
        catalysers_in_region(directory(), code)
    assert repr(code) in str(info.value) and "'32'" in str(info.value)


def test_columns_constant_matches_the_issue():
    assert COLUMNS[:8] == [
        "name",
        "insee_code",
        "commune",
        "departement",
        "region_2016",
        "lat",
        "lon",
        "precision",
    ]


def test_summary_counts_what_the_confidence_filter_hides():
    summary = summarise_filter(directory(), confidence=["A", "B"])
    assert (summary.shown, summary.placed) == (4, 3)  # Zeta is national: listed, not placed
    assert summary.hidden_by_confidence == {"C": 2}
    narrowed = summarise_filter(directory(), metiers=["gestion_lieu"], confidence=["A", "B"])
    assert (narrowed.shown, narrowed.hidden_by_confidence) == (0, {"C": 1})
    assert summarise_filter(directory()).hidden_by_confidence == {}


def test_category_label_names_the_family_of_a_local_alliance():
    assert category_label("A") == "A – Catalyseur reconnu"
    assert category_label("C") == "C – Pôle de coopération ou alliance locale"
    assert category_label("C", "club_entreprises").startswith("C – Club d'entreprises engagées")
