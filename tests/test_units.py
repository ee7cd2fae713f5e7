"""What a unit of a level holds: départements, communes, catalysers (geo/units.py)."""

import pandas as pd
import pytest

from geo.catalysers import catalysers_in_region, load_catalysers
from geo.gazetteer import read_communes
from geo.levels import UnknownLevelError
from geo.shapes import read_layer
from geo.units import catalysers_of_unit, departements_of, unit_counts

#: Two 2016 regions; the first made of two former regions.
DEPARTEMENTS = pd.DataFrame(
    {
        "code": ["59", "62", "80", "69"],
        "code_2016": ["32", "32", "32", "84"],
        "code_pre16": ["31", "31", "22", "82"],
    }
)
COMMUNES = pd.DataFrame(
    {
        "departement": ["59", "59", "62", "80", "80", "69", "59"],
        "kind": ["COM", "COM", "COM", "COM", "COM", "COM", "ARM"],
    }
)


def test_units_count_their_current_communes_and_their_departements():
    counts = unit_counts(DEPARTEMENTS, COMMUNES)
    assert counts == {
        "2016": {"32": (5, 3), "84": (1, 1)},
        "pre2016": {"22": (2, 1), "31": (3, 2), "82": (1, 1)},
        "departement": {"59": (2, 1), "62": (1, 1), "69": (1, 1), "80": (2, 1)},
    }


def test_a_departement_without_communes_counts_zero():
    counts = unit_counts(DEPARTEMENTS, COMMUNES[COMMUNES["departement"] != "69"])
    assert counts["2016"]["84"] == (0, 1)


def test_departements_of_a_unit_at_each_level():
    assert departements_of(DEPARTEMENTS, "2016", "32") == {"59", "62", "80"}
    assert departements_of(DEPARTEMENTS, "pre2016", "31") == {"59", "62"}
    assert departements_of(DEPARTEMENTS, "pre2016", "99") == set()
    assert departements_of(DEPARTEMENTS, "departement", "59") == {"59"}
    with pytest.raises(UnknownLevelError):
        departements_of(DEPARTEMENTS, "region", "32")


def test_shipped_counts_cover_every_commune_once_at_every_level():
    departements = read_layer("departements")
    communes = read_communes()
    counts = unit_counts(departements, communes)
    n_communes = int(
        communes["departement"].isin(departements["code"])[communes["kind"] == "COM"].sum()
    )
    for level, per_unit in counts.items():
        assert sum(n for n, _ in per_unit.values()) == n_communes, level
        assert sum(d for _, d in per_unit.values()) == len(departements) == 96, level
    assert counts["pre2016"]["31"][1] == 2  # Nord-Pas-de-Calais: Nord and Pas-de-Calais


def test_catalysers_of_a_former_region_are_those_of_its_departements():
    directory = load_catalysers()
    departements = read_layer("departements")
    found = catalysers_of_unit(directory, departements, "pre2016", "31")
    assert not found.empty and set(found["departement"]) <= {"59", "62"}
    assert set(found.index) == set(directory.index[directory["departement"].isin(["59", "62"])])


def test_catalysers_of_a_2016_region_include_those_placed_at_region_level():
    directory = load_catalysers()
    departements = read_layer("departements")
    found = catalysers_of_unit(directory, departements, "2016", "32")
    pd.testing.assert_frame_equal(found, catalysers_in_region(directory, "32"))
    assert (found["precision"] == "region").any()
    by_departement = directory["departement"].isin(departements_of(departements, "2016", "32"))
    assert set(directory.index[by_departement]) <= set(found.index)


def test_catalysers_of_a_departement_are_those_it_lists():
    directory = load_catalysers()
    departements = read_layer("departements")
    found = catalysers_of_unit(directory, departements, "departement", "59")
    assert not found.empty and set(found["departement"]) == {"59"}
    assert len(found) == (directory["departement"] == "59").sum()
    # Corsica is two départements: 2A and 2B, never "20".
    assert catalysers_of_unit(directory, departements, "departement", "20").empty
