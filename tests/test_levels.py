"""The levels table (geo/levels.py) agrees with the shipped contours and the region mapping."""

import pytest

from geo.levels import LAYER_FILES, LEVELS, UnknownLevelError, check_level
from geo.region_mapping import load_region_mapping, load_units
from geo.shapes import read_layer
from layers.view_state import ViewState


def test_labels_are_the_plural_and_the_number_of_units():
    assert [level.label for level in LEVELS.values()] == [
        "Régions 2016 (13)",
        "Anciennes régions (22)",
        "Départements (96)",
    ]


def test_the_default_view_shows_the_first_level():
    assert ViewState().level == "2016" == next(iter(LEVELS))


def test_check_level_returns_the_row_or_names_the_valid_ids():
    assert check_level("pre2016") is LEVELS["pre2016"]
    with pytest.raises(
        UnknownLevelError, match=r"Unknown level 'région'.*\['2016', 'pre2016', 'departement'\]"
    ):
        check_level("région")
    with pytest.raises(KeyError):  # also a KeyError and a ValueError, like UnknownIdError
        check_level("")
    with pytest.raises(ValueError):
        check_level("2015")


def test_every_level_has_a_shapes_layer():
    assert {level.id: level.layer_file for level in LEVELS.values()}.items() <= LAYER_FILES.items()
    with pytest.raises(UnknownLevelError, match="Unknown layer 'communes'"):
        read_layer("communes")


@pytest.mark.parametrize("level", list(LEVELS.values()), ids=list(LEVELS))
def test_the_shipped_layer_has_the_number_of_units_of_the_table(level):
    layer = read_layer(level.id)
    assert len(layer) == layer["code"].nunique() == level.n_units


@pytest.mark.parametrize("level", list(LEVELS.values()), ids=list(LEVELS))
def test_a_level_nests_in_its_coarser_levels_through_their_code_columns(level):
    layer = read_layer(level.id)
    for coarser in level.nests_in:
        codes = set(read_layer(coarser)["code"])
        assert set(layer[LEVELS[coarser].shapes_code]) == codes
    departements = read_layer("departements")
    assert set(departements[level.shapes_code]) == set(layer["code"])


@pytest.mark.parametrize("level", list(LEVELS.values()), ids=list(LEVELS))
def test_the_unit_table_lists_each_unit_once_with_its_name(level):
    units = load_units()
    pairs = units[[level.mapping_code, level.mapping_name]].drop_duplicates()
    assert pairs[level.mapping_code].is_unique
    names = dict(zip(pairs[level.mapping_code], pairs[level.mapping_name], strict=True))
    layer = read_layer(level.id)
    assert names == dict(zip(layer["code"], layer["nom"], strict=True))


def test_the_unit_table_agrees_with_the_region_mapping():
    mapping = load_region_mapping().set_index("code_pre2016")
    units = load_units()
    assert (units["code_2016"] == units["code_pre2016"].map(mapping["code_2016"])).all()
    assert set(units["code_pre2016"]) == set(mapping.index)
