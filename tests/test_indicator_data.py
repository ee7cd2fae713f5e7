"""The shipped indicator tables (data/indicators/) are the subject of these tests."""

import pandas as pd
import pytest

from layers.build.indicators import METHOD_PAGE, render_method_sections, update_method_page
from layers.indicators.bundle import INDICATORS_DIR, load_indicator_data
from layers.indicators.consolidate import france_reference, level_table
from layers.indicators.coverage import coverage_table
from layers.indicators.indices import index_table
from layers.indicators.perception import available_surveys
from layers.upload.formats import SCORE_RANGE, plausible_range

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


@pytest.mark.parametrize("level", ["pre2016", "2016"])
def test_no_value_outside_its_plausible_range(data, level):
    table = level_table(data, level)
    france = france_reference(data).set_index("indicator_id")["value"]
    for row in data.catalogue.itertuples():
        low, high = plausible_range(row.unit, row.indicator_id)
        if row.indicator_id in table:
            col = table[row.indicator_id].dropna()
            assert col.between(low, high).all(), (row.indicator_id, col.min(), col.max())
        if pd.notna(france[row.indicator_id]):
            assert low <= france[row.indicator_id] <= high, row.indicator_id
    assert data.perception["score_10"].between(*SCORE_RANGE).all()


def test_every_stored_value_has_a_source(data):
    urls = data.values["indicator_id"].map(data.catalogue.set_index("indicator_id")["source_url"])
    own = data.values["source_url"].where(data.values["source_url"] != "", urls)
    assert own.str.match(r"(https?://|seed:)").all()
    assert data.values["value"].notna().all()  # gaps are absent rows, never blanks or zeros


def test_2016_values_are_stored_only_where_they_cannot_be_computed(data):
    cat = data.catalogue.set_index("indicator_id")
    pre = data.values[data.values["level"] == "pre2016"].groupby("indicator_id").size()
    stored = set(data.values.loc[data.values["level"] == "2016", "indicator_id"])
    for indicator_id in stored:
        row = cat.loc[indicator_id]
        computable = row["aggregation"] in ("sum", "weighted_mean") and pre.get(indicator_id) == 22
        if row["aggregation"] == "weighted_mean":
            computable &= pre.get(row["weight_indicator"]) == 22
        assert not computable, indicator_id


def test_derived_ratios_are_computed_never_stored(data):
    ratios = data.catalogue.loc[data.catalogue["aggregation"] == "ratio", "indicator_id"]
    assert set(ratios) >= {"nuitees_par_habitant_2023", "creations_entreprises_1000hab_2014"}
    assert not data.values["indicator_id"].isin(ratios).any()
    new = level_table(data, "2016")
    # Hauts-de-France = (Nord-Pas-de-Calais + Picardie) nights / their population
    pre2016 = data.values[data.values["level"] == "pre2016"]  # codes 31, 22 are départements too
    nights = pre2016.query("indicator_id == 'eurostat_nuitees_touristiques_2023'")
    pop = pre2016.query("indicator_id == 'eurostat_population_1janv_2023'")
    hdf = ["31", "22"]
    expected = (
        nights.loc[nights["region_code"].isin(hdf), "value"].sum()
        / pop.loc[pop["region_code"].isin(hdf) & (pop["level"] == "pre2016"), "value"].sum()
    )
    assert new.loc["32", "nuitees_par_habitant_2023"] == pytest.approx(expected)


def test_sum_of_the_22_former_regions_matches_the_published_metropolitan_total(data):
    # Eurostat population of the 22 former regions on 1 January 2014 against INSEE's published
    # France métropolitaine (ELP 2014, handidonnees) and the sum of its 13 published regions.
    pre = level_table(data, "pre2016")["population_1janv_2014"]
    assert len(pre.dropna()) == 22
    published = data.values.query(
        "indicator_id == 'pop_totale_elp_2014' and level == 'france' and region_code == 'FRM'"
    )["value"].iloc[0]
    assert pre.sum() == pytest.approx(published, rel=1e-6)
    assert level_table(data, "2016")["pop_totale_elp_2014"].sum() == pytest.approx(published)


def test_france_entiere_is_larger_than_the_metropolitan_sum(data):
    france = data.values[(data.values["level"] == "france") & (data.values["region_code"] == "FR")]
    pre = level_table(data, "pre2016")
    for indicator_id in ("population_1janv_2014", "eurostat_superficie_km2_2018"):
        fr = france.set_index("indicator_id").loc[indicator_id, "value"]
        assert pre[indicator_id].sum() < fr, indicator_id


def test_core_indicators_follow_the_rules(data):
    core = data.catalogue[data.catalogue["core"]]
    assert core["complete_pre2016"].all() and not core["partial"].any()
    assert (core["direction"] != 0).all()
    assert (core["aggregation"] != "sum").all()  # a count measures size, not fragility
    assert "rang_iss_sante_sociale" not in set(core["indicator_id"])  # an ordinal rank
    assert set(core["domain"]) == DOMAINS  # every domain has at least one
    assert core["core_reason"].str.len().gt(5).all()


@pytest.mark.parametrize(
    "concept", ["chomage_", "esperance_vie", "haut_debit", "peu_diplomes", "pib_hab"]
)
def test_one_core_indicator_per_concept(data, concept):
    core = data.catalogue.loc[data.catalogue["core"], "indicator_id"]
    assert core.str.contains(concept).sum() == 1, concept


def test_core_years_are_close_to_2013_2016(data):
    core = data.catalogue[data.catalogue["core"]]
    years = core["year"].str[:4].astype(int)
    late = set(core.loc[~years.between(2011, 2016), "indicator_id"])
    # The only complete culture/leisure series; physicians per 100 000 (access to care), summed
    # from the départements, exist for 2020 only.
    assert late == {"nuitees_par_habitant_2023", "densite_medecin_2020"}


def test_every_2016_region_has_every_domain_index(data):
    for level, n in (("2016", 13), ("pre2016", 22)):
        table = index_table(data, level, overall=True)
        assert len(table) == n and table["index"].notna().all()
        assert (table["n_indicators"] == 16).all()


def test_hauts_de_france_is_among_the_most_fragile_on_employment_and_poverty(data):
    for domain in ("emploi", "pauvrete"):
        table = index_table(data, "2016", domain=domain).set_index("region_code")
        assert table.loc["32", "rank"] <= 3, domain
        pre = index_table(data, "pre2016", domain=domain).set_index("region_code")
        assert pre.loc["31", "rank"] <= 3, domain


def test_coverage_reports_every_domain_at_every_level(data):
    cov = coverage_table(data)
    assert len(cov) == 3 * 16
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
    method = METHOD_PAGE.read_text()
    for indicator_id in data.catalogue.loc[data.catalogue["core"], "indicator_id"]:
        assert f"`{indicator_id}`" in method, indicator_id


def test_method_page_generated_sections_are_up_to_date(data):
    # python -m layers.build.indicators rewrites them; a stale page fails here.
    text = METHOD_PAGE.read_text()
    assert update_method_page(text, render_method_sections(data)) == text


def test_data_readme_documents_every_file_and_the_cli():
    readme = (INDICATORS_DIR / "README.md").read_text()
    for name in ("domains.csv", "catalogue.csv", "values.csv", "perception.csv", "profiles.csv"):
        assert f"`{name}`" in readme, name
    for command in (
        "python -m layers values",
        "python -m layers index",
        "python -m layers coverage",
    ):
        assert command in readme, command
