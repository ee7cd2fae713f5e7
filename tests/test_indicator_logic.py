"""Consolidation, indices and perception on tiny inline tables."""

import threading
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from geo.levels import UnknownLevelError
from layers.indicators.bundle import IndicatorData, UnknownIdError
from layers.indicators.consolidate import (
    approximate_cells,
    approximate_weights,
    consolidate_to_2016,
    france_reference,
    indicator_values,
    level_table,
)
from layers.indicators.coverage import coverage_table
from layers.indicators.indices import (
    INDEX_BOUNDS,
    axis_indices,
    domain_indices,
    index_table,
    indicator_indices,
    orient,
    overall_index,
    rank_most_fragile,
)
from layers.indicators.perception import available_surveys, perceived_index, perception_gap

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
        "domain": ["emploi", "sante", "logement"],
        "axis": ["economique", "societal", "social"],
        "label_fr": ["Emploi", "Santé", "Mal logement"],
        "order": [1, 2, 3],
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
        ("demandeurs", "emploi", 1, "sum", "", "", "", "", False),
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
            ("demandeurs", "pre2016", "a", 5.0),
            ("demandeurs", "pre2016", "b", 7.0),
            ("demandeurs", "pre2016", "c", 9.0),
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


def test_a_memo_key_being_computed_is_waited_for_not_computed_again():
    """Two threads asking for the same table: one computes it, the other gets that result
    (the app builds profiles in the background while a session may need the same tables)."""
    data = tiny()
    started, release = threading.Event(), threading.Event()
    calls = []

    def slow() -> str:
        calls.append(threading.current_thread().name)
        started.set()
        release.wait(10)
        return "table"

    results = []
    first = threading.Thread(target=lambda: results.append(data.memoised(("k",), slow)))
    first.start()
    assert started.wait(10)
    second = threading.Thread(target=lambda: results.append(data.memoised(("k",), slow)))
    second.start()
    second.join(0.2)
    assert second.is_alive()  # waiting for the first thread's result
    release.set()
    first.join(10)
    second.join(10)
    assert results == ["table", "table"] and len(calls) == 1
    # Other keys are not held up by a key being computed, and a memo may use another.
    assert data.memoised(("outer",), lambda: data.memoised(("inner",), lambda: 1) + 1) == 2


def test_region_names_come_from_the_mapping_by_level():
    data = tiny()
    assert data.regions("2016") == {"N": "Nord", "S": "Sud"}
    assert data.regions("pre2016") == {"a": "A", "b": "B", "c": "C"}
    with pytest.raises(UnknownLevelError, match=r"Unknown level '2015'.*'2016', 'pre2016'"):
        data.regions("2015")


def test_unknown_id_error_is_both_a_key_error_and_a_value_error():
    with pytest.raises(ValueError, match="expected one of"):
        tiny().indicator("nope")
    with pytest.raises(KeyError):
        tiny().indicator("nope")


def test_consolidate_to_2016_says_how_each_value_was_obtained():
    table = consolidate_to_2016(tiny()).set_index(["indicator_id", "region_code"])
    assert table.loc[("pop", "N"), ["value", "method"]].tolist() == [400.0, "sum"]
    assert table.loc[("chomage", "S"), "method"] == "weighted_mean"
    assert table.loc[("nuits_hab", "N"), "method"] == "ratio"
    assert list(table.reset_index().columns) == [
        "indicator_id",
        "region_code",
        "value",
        "method",
        "approximate",
    ]
    assert not table["approximate"].any()  # the tiny catalogue has no weight_note: all exact


def approximate(note: str = "population totale au lieu des chômeurs") -> IndicatorData:
    """``chomage`` weighted by an approximate weight; a 2016 value and a France value published
    for N and for France métropolitaine."""
    data = tiny(
        extra_values=[
            ("chomage", "2016", "N", 18.0),
            ("chomage", "france", "FRM", 9.0),
            ("pop", "2016", "N", 401.0),
        ]
    )
    catalogue = data.catalogue.assign(weight_note=["", note, "", "", "", "", ""])
    return replace(data, catalogue=catalogue)


def test_an_exact_weight_wins_over_a_published_value():
    data = approximate(note="")
    assert level_table(data, "2016").loc["N", "chomage"] == pytest.approx(17.5)
    assert level_table(data, "2016").loc["N", "pop"] == 400.0  # a sum is exact
    assert france_reference(data).set_index("indicator_id").loc["chomage", "value"] != 9.0


def test_an_approximate_weight_gives_way_to_published_values_and_is_flagged_elsewhere():
    data = approximate()
    table = consolidate_to_2016(data).set_index(["indicator_id", "region_code"])
    assert table.loc[("chomage", "N"), ["value", "method", "approximate"]].tolist() == [
        18.0,
        "publié",
        False,
    ]
    assert approximate_weights(data.catalogue) == {
        "chomage": "population totale au lieu des chômeurs"
    }
    france = france_reference(data).set_index("indicator_id").loc["chomage"]
    assert (france["value"], france["method"], france["approximate"]) == (9.0, "publié", False)
    # Without a published value, N (two former regions) is computed and flagged; S has the
    # limits of one former region, so its value is exact whatever the weight.
    unpublished = replace(data, values=data.values[data.values["level"] != "2016"])
    table = consolidate_to_2016(unpublished).set_index(["indicator_id", "region_code"])
    assert table.loc[("chomage", "N"), ["value", "approximate"]].tolist() == [17.5, True]
    assert table.loc[("chomage", "S"), ["value", "approximate"]].tolist() == [5.0, False]
    cells = approximate_cells(unpublished, "2016")
    assert cells.loc["N", "chomage"] and not cells.loc["S", "chomage"]
    assert not cells["pop"].any()


def test_an_approximate_france_value_is_flagged_when_nothing_is_published():
    data = approximate()
    data = replace(data, values=data.values[data.values["level"] != "france"])
    france = france_reference(data).set_index("indicator_id").loc["chomage"]
    assert france["approximate"] and "poids approché" in france["note"]


def test_a_france_value_from_another_survey_never_replaces_a_computation():
    data = approximate()
    other = data.values.assign(
        note=np.where(data.values["level"] == "france", "ATTENTION source différente : ERFS", "")
    )
    france = france_reference(replace(data, values=other)).set_index("indicator_id")
    assert france.loc["chomage", "method"] == "weighted_mean"
    assert france.loc["chomage", "approximate"]


def test_region_identity_is_level_and_code():
    # A former region and a 2016 region may share a code: values never leak across levels.
    mapping = MAPPING.assign(code_pre2016=["N", "b", "c"])  # former region "N" inside 2016 "N"
    data = replace(tiny(), mapping=mapping, region_names=None)
    data = replace(data, values=data.values.replace({"region_code": {"a": "N"}}))
    assert level_table(data, "pre2016")["pop"]["N"] == 100.0
    assert level_table(data, "2016")["pop"]["N"] == 400.0


def test_catalogue_without_optional_columns_still_consolidates():
    catalogue = CATALOGUE.drop(columns=["numerator", "denominator", "scale"])
    catalogue = catalogue[catalogue["aggregation"] != "ratio"]
    data = replace(tiny(), catalogue=catalogue)
    assert level_table(data, "2016")["pop"]["S"] == 600.0


def test_unknown_aggregation_names_the_valid_ones():
    catalogue = CATALOGUE.assign(aggregation=CATALOGUE["aggregation"].replace("sum", "total"))
    with pytest.raises(UnknownIdError, match=r"'total'.*'sum', 'weighted_mean', 'ratio', 'none'"):
        level_table(replace(tiny(), catalogue=catalogue), "2016")


def test_france_reference_says_which_france_and_why():
    france = france_reference(tiny()).set_index("indicator_id")
    assert france.loc["chomage", "reference"] == "France métropolitaine"
    assert "22 anciennes régions" in france.loc["chomage", "note"]
    assert france.loc["nuits_hab", "value"] == pytest.approx(3000 / 1000)


def test_counts_and_context_indicators_get_no_index():
    ids = set(indicator_indices(tiny(), "2016", core_only=False)["indicator_id"])
    assert ids == {"chomage", "median", "nuits_hab"}  # not pop (0), nuits (0), demandeurs (sum)


def test_bounds_clip_each_indicator_and_none_keeps_the_raw_ratio():
    # Sud: chomage 5 vs France 10 -> 50; median 3 vs 2.5 (direction -1) -> 83.3
    bounded = indicator_indices(tiny(), "2016").set_index(["indicator_id", "region_code"])
    raw = indicator_indices(tiny(), "2016", bounds=(90.0, 110.0))
    raw = raw.set_index(["indicator_id", "region_code"])
    assert bounded.loc[("chomage", "S"), "index"] == pytest.approx(50.0)
    assert raw.loc[("chomage", "S"), "index"] == 90.0
    assert raw.loc[("chomage", "S"), "index_raw"] == pytest.approx(50.0)
    unbounded = indicator_indices(tiny(), "2016", bounds=None)
    assert (unbounded["index"].dropna() == unbounded["index_raw"].dropna()).all()


def test_domain_without_core_indicator_is_non_disponible_not_zero():
    table = domain_indices(tiny(), "2016").set_index(["domain", "region_code"])
    row = table.loc[("logement", "N")]
    assert np.isnan(row["index"]) and row["n_indicators"] == 0 and pd.isna(row["rank"])


def test_axis_and_overall_are_means_of_available_domains():
    domains = domain_indices(tiny(), "2016").set_index(["domain", "region_code"])["index"]
    overall = overall_index(tiny(), "2016").set_index("region_code")
    expected = (domains[("emploi", "N")] + domains[("sante", "N")]) / 2  # logement left out
    assert overall.loc["N", "index"] == pytest.approx(expected)
    assert overall.loc["N", "n_indicators"] == 2
    social = axis_indices(tiny(), "2016", "social")
    assert social["index"].isna().all() and social["rank"].isna().all()
    with pytest.raises(UnknownIdError, match=r"Unknown axis 'eco'.*'economique'"):
        axis_indices(tiny(), "2016", "eco")


def test_ranks_put_the_most_fragile_first_at_each_level():
    table = index_table(tiny(), "pre2016", domain="emploi").set_index("region_code")
    assert table["rank"].tolist() == table["index"].rank(ascending=False).astype(int).tolist()
    assert table["index"].idxmax() == table["rank"].idxmin()


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"domain": "emploi", "axis": "social"}, {"domain": "emploi", "overall": True}],
)
def test_index_table_needs_exactly_one_of_domain_axis_overall(kwargs):
    with pytest.raises(ValueError, match="exactly one of domain, axis or overall"):
        index_table(tiny(), "2016", **kwargs)


def test_unknown_survey_lists_the_valid_combinations():
    perception = pd.DataFrame(
        [("S", "2015", "citoyens", "france", "FR", "emploi", 5.0)],
        columns=["survey", "year", "actor", "level", "region_code", "domain", "score_10"],
    )
    data = tiny(perception=perception)
    assert available_surveys(data)["key"].tolist() == ["S-2015-citoyens"]
    with pytest.raises(UnknownIdError, match=r"'S' '2019' 'citoyens'.*S 2015 citoyens"):
        perceived_index(data, "S", "2019", "citoyens", "2016")


def test_perception_without_national_score_is_pas_de_donnee():
    perception = pd.DataFrame(
        [("S", "2015", "citoyens", "2016", "N", "emploi", 6.0)],
        columns=["survey", "year", "actor", "level", "region_code", "domain", "score_10"],
    )
    perceived = perceived_index(tiny(perception=perception), "S", "2015", "citoyens", "2016")
    assert perceived["perceived_index"].isna().all()


def test_coverage_counts_core_indicators_and_regions():
    cov = coverage_table(tiny()).set_index(["domain", "level"])
    assert cov.loc[("emploi", "2016"), "n_core_indicators"] == 2
    assert cov.loc[("emploi", "2016"), "core_indicators"] == "chomage;median"
    assert cov.loc[("emploi", "pre2016"), "n_core_indicators"] == 2
    assert cov.loc[
        ("logement", "pre2016"), ["n_core_indicators", "n_regions_covered"]
    ].tolist() == [
        0,
        0,
    ]
    assert cov.loc[("sante", "pre2016"), "n_regions"] == 3
