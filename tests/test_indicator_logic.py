"""Consolidation, indices and perception on tiny inline tables."""

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from layers.consolidate import consolidate_to_2016, france_reference, indicator_values, level_table
from layers.indicator_data import IndicatorData, UnknownIdError
from layers.indices import INDEX_BOUNDS, domain_indices, index_table, orient, rank_most_fragile
from layers.perception import perceived_index, perception_gap

# Two 2016 regions: N (made of former regions a and b) and S (former region c).
MAPPING = pd.DataFrame(
    {
        "code_pre2016": ["a", "b", "c"],
        "nom_pre2016": ["A", "B", "C"],
        "code_2016": ["N", "N", "S"],
        "nom_2016": ["Nord", "Nord", "Sud"],
    }
)
DOMAINS = pd.DataFrame(
    {
        "domain": ["emploi", "sante"],
        "axis": ["economique", "societal"],
        "label_fr": ["Emploi", "Santé"],
        "order": [1, 2],
    }
)
CAT_COLUMNS = [
    "indicator_id",
    "domain",
    "direction",
    "aggregation",
    "weight_indicator",
    "numerator",
    "denominator",
    "scale",
    "core",
]
CATALOGUE = pd.DataFrame(
    [
        ("pop", "profil", 0, "sum", "", "", "", "", False),
        ("chomage", "emploi", 1, "weighted_mean", "pop", "", "", "", True),
        ("median", "emploi", -1, "none", "", "", "", "", True),
        ("nuits", "profil", 0, "sum", "", "", "", "", False),
        ("nuits_hab", "sante", -1, "ratio", "", "nuits", "pop", "1", True),
        ("vide", "sante", 1, "sum", "", "", "", "", False),
    ],
    columns=CAT_COLUMNS,
)


def values(rows):
    return pd.DataFrame(rows, columns=["indicator_id", "level", "region_code", "value"])


def tiny(extra_values=(), perception=None) -> IndicatorData:
    vals = values(
        [
            ("pop", "pre2016", "a", 100.0),
            ("pop", "pre2016", "b", 300.0),
            ("pop", "pre2016", "c", 600.0),
            ("chomage", "pre2016", "a", 10.0),
            ("chomage", "pre2016", "b", 20.0),
            ("chomage", "pre2016", "c", 5.0),
            ("median", "pre2016", "a", 1.0),
            ("median", "pre2016", "b", 2.0),
            ("median", "pre2016", "c", 3.0),
            ("median", "2016", "N", 1.5),
            ("median", "2016", "S", 3.0),
            ("median", "france", "FR", 2.5),
            ("nuits", "pre2016", "a", 1000.0),
            ("nuits", "pre2016", "b", 200.0),
            ("nuits", "pre2016", "c", 1800.0),
            *extra_values,
        ]
    )
    return IndicatorData(
        domains=DOMAINS,
        catalogue=CATALOGUE,
        values=vals,
        perception=perception
        if perception is not None
        else pd.DataFrame(
            columns=["survey", "year", "actor", "level", "region_code", "domain", "score_10"]
        ),
        profiles=pd.DataFrame(),
        mapping=MAPPING,
        region_names={"2016": {"N": "Nord", "S": "Sud"}, "pre2016": {"a": "A", "b": "B", "c": "C"}},
    )


def test_sum_adds_former_regions():
    assert level_table(tiny(), "2016")["pop"].to_dict() == {"N": 400.0, "S": 600.0}


def test_weighted_mean_uses_the_named_weight():
    # N = (10*100 + 20*300) / 400 = 17.5
    assert level_table(tiny(), "2016")["chomage"]["N"] == pytest.approx(17.5)


def test_ratio_of_sums_is_not_a_mean_of_ratios():
    # (1000 + 200) / (100 + 300) = 3, whereas the mean of 10 and 0.667 would be 5.3
    assert level_table(tiny(), "2016")["nuits_hab"]["N"] == pytest.approx(3.0)
    assert level_table(tiny(), "pre2016")["nuits_hab"]["a"] == pytest.approx(10.0)


def test_none_takes_the_published_2016_value():
    table = consolidate_to_2016(tiny())
    median = table[table["indicator_id"] == "median"].set_index("region_code")
    assert median["value"].to_dict() == {"N": 1.5, "S": 3.0}
    assert set(median["method"]) == {"publié"}


def test_none_without_published_value_is_non_disponible():
    data = tiny()
    keep = ~((data.values["indicator_id"] == "median") & (data.values["level"] == "2016"))
    data = replace(data, values=data.values[keep])
    assert indicator_values(data, "2016", "median")["value"].isna().all()


def test_missing_former_region_makes_the_new_region_non_disponible():
    data = tiny()
    keep = ~((data.values["indicator_id"] == "chomage") & (data.values["region_code"] == "b"))
    data = replace(data, values=data.values[keep])
    table = level_table(data, "2016")
    assert np.isnan(table["chomage"]["N"]) and table["chomage"]["S"] == 5.0


def test_france_reference_uses_the_22_rule_then_published_values():
    france = france_reference(tiny()).set_index("indicator_id")
    assert france.loc["pop", "value"] == 1000.0
    assert france.loc["chomage", "value"] == pytest.approx((1000 + 6000 + 3000) / 1000)
    assert (france.loc["median", "value"], france.loc["median", "reference"]) == (
        2.5,
        "France entière",
    )
    assert france.loc["vide", "method"] == "non disponible"


@pytest.mark.parametrize(
    ("value", "direction", "expected"),
    [(12.0, 1, 120.0), (12.0, -1, 100 * 10 / 12), (10.0, 1, 100.0)],
)
def test_orientation_puts_more_fragile_above_100(value, direction, expected):
    assert orient(pd.Series([value]), 10.0, direction)[0] == pytest.approx(expected)


def test_zero_with_direction_minus_one_is_most_fragile_not_missing():
    raw = orient(pd.Series([0.0]), 10.0, -1)
    assert np.isinf(raw[0]) and raw.clip(*INDEX_BOUNDS)[0] == INDEX_BOUNDS[1]


def test_rank_one_is_most_fragile_and_ties_share():
    ranks = rank_most_fragile(pd.Series([90.0, 120.0, 120.0, np.nan]))
    assert ranks.tolist() == [3, 1, 1, pd.NA]


def test_domain_index_is_the_mean_of_core_indicators_with_their_count():
    table = domain_indices(tiny(), "2016").set_index(["domain", "region_code"])
    chomage_fr = 10.0
    expected = (100 * 17.5 / chomage_fr + 100 * 2.5 / 1.5) / 2
    assert table.loc[("emploi", "N"), "index"] == pytest.approx(expected)
    assert table.loc[("emploi", "N"), "n_indicators"] == 2


def test_index_table_columns_and_unknown_domain():
    table = index_table(tiny(), "pre2016", domain="emploi")
    assert list(table.columns) == ["region_code", "region_name", "index", "rank", "n_indicators"]
    with pytest.raises(UnknownIdError, match="expected one of"):
        index_table(tiny(), "2016", domain="nope")


def test_perceived_index_and_gap_only_where_both_exist():
    perception = pd.DataFrame(
        [
            ("S", "2015", "citoyens", "france", "FR", "emploi", 5.0),
            ("S", "2015", "citoyens", "2016", "N", "emploi", 6.0),
        ],
        columns=["survey", "year", "actor", "level", "region_code", "domain", "score_10"],
    )
    data = tiny(perception=perception)
    perceived = perceived_index(data, "S", "2015", "citoyens", "2016").set_index(
        ["domain", "region_code"]
    )
    assert perceived.loc[("emploi", "N"), "perceived_index"] == pytest.approx(120.0)
    assert np.isnan(perceived.loc[("emploi", "S"), "perceived_index"])
    gap = perception_gap(data, "S", "2015", "citoyens", "2016").set_index(["domain", "region_code"])
    objective = domain_indices(data, "2016").set_index(["domain", "region_code"])
    assert gap.loc[("emploi", "N"), "gap"] == pytest.approx(
        120.0 - objective.loc[("emploi", "N"), "index"]
    )
    assert np.isnan(gap.loc[("sante", "N"), "gap"])


def test_inputs_are_not_modified():
    data = tiny()
    before = data.values.copy()
    level_table(data, "2016")
    domain_indices(data, "2016")
    pd.testing.assert_frame_equal(data.values, before)


def test_replace_gives_a_fresh_memo():
    data = tiny()
    level_table(data, "2016")
    keep = data.values["indicator_id"] != "pop"
    other = replace(data, values=data.values[keep])
    assert "chomage" not in level_table(other, "2016")  # no weight any more
    assert level_table(data, "2016")["chomage"].notna().all()
