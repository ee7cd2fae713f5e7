"""The shipped indicator tables (data/indicators/) are the subject of these tests."""

import numpy as np
import pandas as pd
import pytest

from layers.consolidate import france_reference, level_table
from layers.coverage import coverage_table
from layers.indicator_data import load_indicator_data
from layers.indices import index_table
from layers.perception import available_surveys

DOMAINS = {
    "emploi",
    "developpement_economique",
    "niveau_de_vie",
    "pauvrete",
    "logement",
    "diversite_handicap",
    "vieillissement",
    "isolement",
    "education",
    "sante",
    "securite",
    "mobilite",
    "numerique",
    "culture_loisirs",
    "environnement",
    "transition_energetique",
}


@pytest.fixture(scope="module")
def data():
    return load_indicator_data()


def consolidable(data):
    cat = data.catalogue
    return cat[cat["aggregation"].isin(["sum", "weighted_mean", "ratio"]) & cat["complete_pre2016"]]


def test_domains_are_the_16_of_the_reports(data):
    assert set(data.domains["domain"]) == DOMAINS
    assert data.domains["order"].tolist() == list(range(1, 17))
    assert set(data.domains["axis"]) == {"economique", "social", "societal", "environnemental"}


def test_ids_are_unique_and_every_indicator_has_a_source(data):
    assert data.catalogue["indicator_id"].is_unique
    assert (data.catalogue["source_url"].str.len() > 10).all()
    assert (data.catalogue["source"].str.len() > 3).all()
    assert not data.values.duplicated(["indicator_id", "level", "region_code"]).any()
    assert set(data.values["indicator_id"]) <= set(data.catalogue["indicator_id"])
    assert (data.perception["source_url"].str.len() > 5).all()


def test_every_2016_region_is_computed_for_every_consolidable_indicator(data):
    table = level_table(data, "2016")
    for indicator_id in consolidable(data)["indicator_id"]:
        weight = data.catalogue.set_index("indicator_id").loc[indicator_id, "weight_indicator"]
        if weight and not consolidable(data)["indicator_id"].eq(weight).any():
            continue  # weight incomplete (e.g. 21 regions): non disponible, by the rule
        assert table[indicator_id].notna().all(), indicator_id


def test_counts_add_up(data):
    pre, new = level_table(data, "pre2016"), level_table(data, "2016")
    france = france_reference(data).set_index("indicator_id")["value"]
    sums = consolidable(data).query("aggregation == 'sum'")["indicator_id"]
    for indicator_id in sums:
        assert new[indicator_id].sum() == pytest.approx(pre[indicator_id].sum()), indicator_id
        assert france[indicator_id] == pytest.approx(pre[indicator_id].sum()), indicator_id


def test_published_france_values_agree_with_the_consolidated_reference(data):
    # Where a source prints France métropolitaine for a consolidable rate, our computation
    # from the 22 regions must land close to it (weights are sometimes approximations).
    france = france_reference(data).set_index("indicator_id")
    published = data.values[
        (data.values["level"] == "france") & (data.values["region_code"] == "FRM")
    ].set_index("indicator_id")
    checked = 0
    for indicator_id in consolidable(data).query("aggregation == 'weighted_mean'")["indicator_id"]:
        if indicator_id in published.index:
            assert france.loc[indicator_id, "value"] == pytest.approx(
                published.loc[indicator_id, "value"], rel=0.06
            ), indicator_id
            checked += 1
    assert checked >= 3


def plausible_range(row) -> tuple[float, float]:
    unit, ind = row.unit.lower(), row.indicator_id
    if "esperance_vie" in ind:
        return 60, 100
    if "evolution" in ind:  # a growth rate may be negative
        return -100, 1000
    if unit.startswith("%") or unit == "% des nuitées":
        return 0, 100
    if "rang" in unit:
        return 1, 22
    return 0, np.inf


def test_no_value_outside_its_plausible_range(data):
    ranges = {row.indicator_id: plausible_range(row) for row in data.catalogue.itertuples()}
    for table in (level_table(data, "pre2016"), level_table(data, "2016")):
        for indicator_id, (low, high) in ranges.items():
            if indicator_id in table:
                col = table[indicator_id].dropna()
                assert col.between(low, high).all(), (indicator_id, col.min(), col.max())
    assert data.perception["score_10"].between(1, 10).all()


def test_core_indicators_follow_the_rules(data):
    core = data.catalogue[data.catalogue["core"]]
    assert core["complete_pre2016"].all() and not core["partial"].any()
    assert (core["direction"] != 0).all()
    assert set(core["domain"]) == DOMAINS  # every domain has at least one
    assert core["core_reason"].str.len().gt(5).all()


def test_hauts_de_france_is_among_the_most_fragile_on_employment_and_poverty(data):
    for domain in ("emploi", "pauvrete"):
        table = index_table(data, "2016", domain=domain).set_index("region_code")
        assert table.loc["32", "rank"] <= 3, domain
        pre = index_table(data, "pre2016", domain=domain).set_index("region_code")
        assert pre.loc["31", "rank"] <= 3, domain


def test_coverage_reports_every_domain_at_both_levels(data):
    cov = coverage_table(data)
    assert len(cov) == 32
    assert (cov["n_core_indicators"] >= 1).all()
    assert (cov["n_regions_covered"] == cov["n_regions"]).all()


def test_surveys_on_offer(data):
    keys = set(available_surveys(data)["key"])
    assert {"PHARE-2015-citoyens", "PHARE-2015-entreprises", "IMPACT-2019-citoyens"} <= keys


def test_profiles_have_sources(data):
    assert (data.profiles["source_url"].str.len() > 5).all()
    assert set(data.profiles["region_code"]) <= set(data.regions("2016")) | {"FR"}
    assert isinstance(data.profiles, pd.DataFrame)


def test_method_page_lists_every_core_indicator(data):
    from pathlib import Path

    method = (Path(__file__).resolve().parents[1] / "docs" / "method.md").read_text()
    for indicator_id in data.catalogue.loc[data.catalogue["core"], "indicator_id"]:
        assert f"`{indicator_id}`" in method, indicator_id
