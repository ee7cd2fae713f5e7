"""The département level: its 96 units, its values, what it gives the regions, facts to check."""

import dataclasses
import re

import numpy as np
import pandas as pd
import pytest

from geo.levels import LEVELS
from geo.region_mapping import load_units
from geo.shapes import read_layer
from layers.build.departements_method import COMPLETE_AT, coverage_rows
from layers.indicators.bundle import load_indicator_data
from layers.indicators.consolidate import france_reference, level_table
from layers.indicators.indices import domain_indices, index_table
from layers.indicators.profile import (
    FROM_DEPARTEMENTS,
    READ,
    domain_indicators,
    relations,
    value_origins,
)

LEVEL = "departement"
CODES = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"]
MEDITERRANEAN_RIM = ["66", "11", "34", "30", "13", "83", "06", "2A", "2B"]


@pytest.fixture(scope="module")
def data():
    return load_indicator_data()


@pytest.fixture(scope="module")
def units():
    return load_units().set_index("departement")


def test_96_codes_with_corsica_as_2a_and_2b(data):
    assert sorted(data.regions(LEVEL)) == sorted(CODES)
    assert len(CODES) == 96 == LEVELS[LEVEL].n_units
    assert "20" not in data.regions(LEVEL)
    assert data.regions(LEVEL)["2A"] == "Corse-du-Sud"
    assert data.regions(LEVEL)["2B"] == "Haute-Corse"
    assert set(read_layer(LEVEL)["code"]) == set(CODES)
    at_level = data.values[data.values["level"] == LEVEL]
    assert set(at_level["region_code"]) == set(CODES)


def test_names_are_insee_names_with_their_article(units):
    assert units.loc["59", "nom_departement"] == "Nord"
    assert units.loc["59", "nom_article"] == "le Nord"
    assert units.loc["23", "nom_article"] == "la Creuse"
    assert units.loc["01", "nom_article"] == "l'Ain"
    assert units.loc["13", "nom_article"] == "les Bouches-du-Rhône"
    assert units.loc["75", "nom_article"] == "Paris"
    assert units.loc["95", "nom_departement"] == "Val-d'Oise"


@pytest.mark.parametrize("level", ["pre2016", "2016"])
def test_each_departement_is_in_exactly_one_region_of_each_level(level, units):
    column = LEVELS[level].mapping_code
    assert units.index.is_unique and units[column].notna().all()
    assert set(units[column]) == set(read_layer(level)["code"])
    shapes = read_layer(LEVEL).set_index("code")[LEVELS[level].shapes_code]
    assert (shapes.reindex(units.index) == units[column]).all()
    assert units.loc["59", column] == {"pre2016": "31", "2016": "32"}[level]
    assert set(units.loc[["2A", "2B"], column]) == {"94"}


def _counts_at_departements(data):
    cat = data.catalogue[data.catalogue["aggregation"] == "sum"]
    deps = data.values[data.values["level"] == LEVEL]
    return [i for i in cat["indicator_id"] if (deps["indicator_id"] == i).sum() == 96]


@pytest.mark.parametrize("level", ["pre2016", "2016"])
def test_count_indicators_sum_over_a_regions_departements_to_the_shipped_value(data, units, level):
    deps = level_table(data, LEVEL)
    table = level_table(data, level)
    column = LEVELS[level].mapping_code
    ids = _counts_at_departements(data)
    assert {"tues_route_2019", "rpps_medecin_2020", "population_2013"} <= set(ids)
    for indicator_id in ids:
        sums = deps[indicator_id].groupby(units[column]).sum()
        shipped = table[indicator_id].reindex(sums.index)
        # Equal to the unit; Eurostat's NUTS 2 nights differ from its NUTS 3 sum by 2 nights.
        np.testing.assert_allclose(shipped, sums, rtol=1e-6, atol=0.5, err_msg=indicator_id)


def test_published_region_counts_match_the_sum_of_their_departements(data, units):
    deps = level_table(data, LEVEL)
    checked = 0
    for indicator_id in _counts_at_departements(data):
        for level in ("pre2016", "2016"):
            published = data.values[
                (data.values["level"] == level) & (data.values["indicator_id"] == indicator_id)
            ].set_index("region_code")["value"]
            if published.empty:
                continue
            sums = deps[indicator_id].groupby(units[LEVELS[level].mapping_code]).sum()
            np.testing.assert_allclose(
                sums.reindex(published.index), published, rtol=1e-6, atol=0.5, err_msg=indicator_id
            )
            checked += 1
    assert checked >= 9  # population 2013, 2014, 2016, 2023, area, households, 75+, nights...


def test_metropolitan_road_deaths_are_the_published_onisr_totals(data):
    france = france_reference(data).set_index("indicator_id")["value"]
    assert france["tues_route_2019"] == 3244 and france["tues_route_2016"] == 3477


def test_ratios_of_counts_are_exact_at_every_level(data):
    for level in ("departement", "pre2016", "2016"):
        table = level_table(data, level)
        expected = 100_000 * table["rpps_medecin_2020"] / table["eurostat_population_1janv_2020"]
        pd.testing.assert_series_equal(table["densite_medecin_2020"], expected, check_names=False)


def test_rates_weighted_by_their_own_denominator_consolidate_exactly(data, units):
    deps = level_table(data, LEVEL)
    pre = level_table(data, "pre2016")
    faits = deps["ssmsi_cambriolages_logement_2016"] * deps["ssmsi_logements_2016"]
    groups = units["code_pre2016"]
    expected = faits.groupby(groups).sum() / deps["ssmsi_logements_2016"].groupby(groups).sum()
    pd.testing.assert_series_equal(
        pre["ssmsi_cambriolages_logement_2016"].reindex(expected.index),
        expected,
        check_names=False,
    )


def test_approximate_weights_give_no_region_value(data):
    for level in ("pre2016", "2016"):
        table = level_table(data, level)
        for indicator_id in ("taux_emploi_1564_2013", "taux_deploiement_fibre_2022"):
            assert indicator_id not in table or table[indicator_id].isna().all(), indicator_id


def test_the_target_coverage_is_met(data):
    rows = coverage_rows(data)
    sourced = rows[rows["n_core_read"] + rows["n_core_computed"] >= 2]
    assert len(sourced) >= 12
    cat = data.catalogue[data.core(LEVEL)]
    table = level_table(data, LEVEL)
    assert (table[cat["indicator_id"]].notna().sum() >= COMPLETE_AT).all()


def test_core_indicators_of_the_level_follow_the_rules(data):
    core = data.catalogue[data.core(LEVEL)]
    france = france_reference(data).set_index("indicator_id")
    assert (core["direction"] != 0).all() and (core["aggregation"] != "sum").all()
    assert france.loc[core["indicator_id"], "value"].notna().all()
    assert core["core_departement_reason"].str.len().gt(10).all()
    # A proxy says it is one, in its label.
    proxies = core[core["core_departement_reason"].str.startswith("approximation")]
    assert len(proxies) >= 4
    assert proxies["label_fr"].str.contains("approximation|proxy", flags=re.I).all()


def test_a_domain_without_core_value_is_not_filled_with_the_regions(data):
    values = data.values
    locataires = (values["indicator_id"] == "taux_pauvrete_locataires_2013") & (
        values["level"] == LEVEL
    )
    without = dataclasses.replace(
        data, values=values[~(locataires & (values["region_code"] == "59"))]
    )
    table = domain_indices(without, LEVEL).set_index(["domain", "region_code"])
    assert np.isnan(table.loc[("logement", "59"), "index"])
    assert table.loc[("logement", "59"), "n_indicators"] == 0
    assert table.loc[("logement", "62"), "index"] > 0


def test_read_and_computed_values_are_told_apart(data):
    deps = value_origins(data, LEVEL)
    assert deps["taux_pauvrete_2013"]["59"] == READ
    assert deps["densite_medecin_2020"]["59"].startswith("calculé : rapport")
    assert deps["tues_route_2019"]["59"].startswith("calculé : dénombrement")
    pre = value_origins(data, "pre2016")
    assert pre["ssmsi_cambriolages_logement_2016"]["31"] == FROM_DEPARTEMENTS
    assert pre["population_2013"]["31"] == READ


def test_seine_saint_denis_is_among_the_most_fragile_on_poverty(data):
    table = index_table(data, LEVEL, domain="pauvrete").set_index("region_code")
    assert table.loc["93", "rank"] <= 3
    assert len(table) == 96 and table["index"].notna().all()


def test_creuse_is_among_the_most_fragile_on_ageing(data):
    table = index_table(data, LEVEL, domain="vieillissement").set_index("region_code")
    assert table.loc["23", "rank"] <= 3


def test_the_mediterranean_rim_and_the_nord_are_fragile_on_employment(data):
    table = index_table(data, LEVEL, domain="emploi").set_index("region_code")
    assert set(table["rank"].nsmallest(10).index) >= {"66", "11", "30"}
    assert table.loc[MEDITERRANEAN_RIM, "rank"].median() <= 96 / 3
    assert table.loc[["59", "62"], "rank"].max() <= 96 / 4


def test_a_departement_profile_names_its_region_at_both_levels(data):
    assert relations(data, LEVEL, "59") == {
        "regions": {"pre2016": ("31", "Nord-Pas-de-Calais"), "2016": ("32", "Hauts-de-France")}
    }
    table = domain_indicators(data, LEVEL, "59", "pauvrete").set_index("indicator_id")
    row = table.loc["taux_pauvrete_2013"]
    assert row["value"] == 18.9 and row["n_regions"] == 96 and 1 <= row["rank"] <= 96
    assert row["source_url"].endswith("fr-dpt-pauvrete-2013.csv")
    assert row["core"] and row["origin"] == READ


def test_region_values_from_departements_never_use_an_approximate_weight(data):
    """A former region's value computed from its départements is shown without "≈": only
    exact rules (counts, ratios of counts, rates weighted by their own denominator) feed it."""
    flagged = data.catalogue[data.catalogue["regions_from_departements"]]
    assert len(flagged) >= 20
    assert (flagged["weight_note"].fillna("") == "").all()
    assert set(flagged["aggregation"]) <= {"sum", "ratio", "weighted_mean"}


def test_one_population_2016_series_and_the_96_sum_to_it(data, units):
    """data13 keeps the revised population 2016 only; the départements' Eurostat series is the
    same one (same id), and sums to it for every former region, to the inhabitant."""
    assert "population_2016_eurostat" not in set(data.catalogue["indicator_id"])
    deps = level_table(data, LEVEL)["eurostat_population_1janv_2016"]
    published = data.values.query(
        "level == 'pre2016' and indicator_id == 'eurostat_population_1janv_2016'"
    ).set_index("region_code")["value"]
    assert len(published) == 22
    sums = deps.groupby(units["code_pre2016"]).sum().reindex(published.index)
    np.testing.assert_allclose(sums, published, rtol=0, atol=0.5)
    # Photovoltaic W per inhabitant 2015 is divided by that same series at every level.
    row = data.indicator("pv_obligation_achat_w_par_hab_2015")
    assert row["denominator"] == "eurostat_population_1janv_2016"


def test_proxy_domains_are_told_per_level(data):
    """A domain resting on proxies says what they are at the level shown: the département
    note for a département, the region note for a region, never one for the other."""
    deps = data.proxy_notes(LEVEL)
    regions = data.proxy_notes("2016")
    assert deps["logement"] and deps["logement"] != regions["logement"]
    assert deps["numerique"] and not regions["numerique"]  # OCDE, all households: direct
    assert not deps["mobilite"] and regions["mobilite"]  # commuting modes read by département
    profile = pd.DataFrame(
        domain_indicators(data, LEVEL, "59", "logement")
    )  # the table exists (1 core indicator) and says it is a proxy in its label
    assert profile["label"].str.contains("proxy|approximation", case=False).any()


def test_the_departement_texts_speak_english(data):
    """The level's words, its proxy notes, a caption and the origin of a value, in English."""
    from layers.measures import layer_values
    from layers.view_state import ViewState

    assert LEVELS[LEVEL].label_in("en") == "Départements (96)"
    notes = data.proxy_notes(LEVEL, "en")
    assert notes["logement"].startswith("no direct measure of poor housing by département")
    assert notes["logement"] != data.proxy_notes(LEVEL)["logement"]
    caption = layer_values(data, ViewState(level=LEVEL, layer="logement", lang="en")).caption
    assert "Domain resting on proxies: no direct measure of poor housing by département" in caption
    assert value_origins(data, LEVEL, "en")["taux_pauvrete_2013"]["59"] == "read in the source"
    table = domain_indicators(data, LEVEL, "59", "sante", "en").set_index("indicator_id")
    assert table.loc["densite_medecin_2020", "origin"].startswith("computed: ")


def test_an_indicator_caption_at_the_departement_level_names_its_own_file(data):
    from layers.measures import layer_values
    from layers.view_state import ViewState

    view = ViewState(level=LEVEL, measure="indicateur", indicator="taux_pauvrete_2013")
    caption = layer_values(data, view).caption
    assert caption.rstrip().endswith(data.source("taux_pauvrete_2013", LEVEL)[1])
    assert "fr-dpt-pauvrete-2013.csv" in caption


def test_an_import_at_the_departement_level_is_counted_in_departements(data):
    from layers.measures import layer_values
    from layers.upload.apply import apply_import
    from layers.upload.validate import check_file
    from layers.view_state import ViewState

    content = "indicator_id;level;region_code;value\ntaux_pauvrete_2013;departement;59;25\n"
    report = check_file(content.encode(), "dep.csv", data)
    assert report.is_valid, report.to_text()
    imported = apply_import(data, report)
    view = ViewState(level=LEVEL, measure="indicateur", indicator="taux_pauvrete_2013")
    values = layer_values(imported, view)
    assert values.values["59"] == 25 and values.imported == ("59",)
    assert "1 département(s) sur 96 (Nord)" in values.caption


def test_a_france_value_computed_from_the_96_is_refused_with_what_to_import(data):
    from layers.indicators.consolidate import COMPUTED_96_NOTE
    from layers.upload.validate import check_file

    france = france_reference(data)
    from_96 = france[france["note"].str.startswith(COMPUTED_96_NOTE)]
    assert not from_96.empty
    row = from_96[(from_96["method"] != "ratio") & ~from_96["approximate"]].iloc[0]
    value = f"{row['value'] * 1.01:.4f}"  # within the plausible range: refused for its origin
    content = f"indicator_id;level;region_code;value\n{row['indicator_id']};france;FRM;{value}\n"
    report = check_file(content.encode(), "france.csv", data)
    assert not report.is_valid
    assert any("des 96 départements" in p.message for p in report.problems), report.to_text()
