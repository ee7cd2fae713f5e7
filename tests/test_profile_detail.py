"""The profile's detail, pre-rendered for every unit of a level (layers/render/profile_detail.py):
the same table as one unit's, escaped data, catalysers, imported data said."""

import pandas as pd
import pytest

from geo.catalysers import load_catalysers
from geo.levels import LEVELS
from geo.shapes import read_layer
from geo.units import catalysers_of_unit
from layers.indicators.bundle import load_indicator_data
from layers.indicators.profile import domain_indicators, level_domain_indicators
from layers.render.indicator_table import indicator_table_html
from layers.render.profile_detail import (
    catalysers_html,
    detail_payload,
    level_details,
    profile_domain,
)
from layers.upload.apply import apply_import
from layers.upload.read import read_table
from layers.upload.validate import validate
from tests.helpers import html_table


@pytest.fixture(scope="module")
def data():
    return load_indicator_data()


@pytest.fixture(scope="module")
def details_2016(data):
    codes = read_layer("2016")["code"].astype(str)
    return level_details(data, codes, "2016", "sante", None)


def test_one_detail_per_region_each_its_own_table(data, details_2016):
    assert len(details_2016) == 13
    for code, body in details_2016.items():
        table = html_table(body)
        expected = html_table(
            indicator_table_html(domain_indicators(data, "2016", code, "sante"), "x")
        )
        pd.testing.assert_frame_equal(table, expected)
    occitanie = html_table(details_2016["76"])
    doctors = occitanie[occitanie["Indicateur"].str.startswith("Densité de médecins")].iloc[0]
    assert doctors["Rang"].endswith("/13") and doctors["Valeur"] != "pas de donnée"
    assert "Indicateurs : Santé" in details_2016["76"]  # the table's caption
    assert "Rang parmi les régions" in details_2016["76"]  # how to read it


def test_the_level_wide_tables_are_the_units_own(data):
    """Every unit of every level, one domain: the level-wide build gives each unit's table."""
    tables = level_domain_indicators(data, "departement", "pauvrete")
    assert len(tables) == 96
    fresh = load_indicator_data()  # nothing memoised: one unit's table on its own
    for code in ("59", "93", "75", "2A"):
        pd.testing.assert_frame_equal(
            tables[code], domain_indicators(fresh, "departement", code, "pauvrete")
        )
    seine_saint_denis = tables["93"].set_index("indicator_id")
    assert seine_saint_denis["rank"].dropna().min() == 1


def test_a_proxy_domain_says_so_before_its_table(data):
    codes = read_layer("2016")["code"].astype(str)
    body = level_details(data, codes, "2016", "logement", None)["53"]
    assert body.index("Domaine reposant sur des approximations") < body.index("<table")


def test_imported_numbers_are_said_in_the_detail(data):
    content = b"indicator_id;level;region_code;value\ntaux_chomage_2014;pre2016;22;30\n"
    imported = apply_import(data, validate(read_table(content, "mes_valeurs.csv"), data))
    codes = read_layer("2016")["code"].astype(str)
    details = level_details(imported, codes, "2016", "emploi", None)
    # Hauts-de-France is consolidated from Picardie, whose value was imported.
    assert "<strong>données importées</strong>" in details["32"]
    table = html_table(details["32"])
    assert "données importées" in " ".join(table["Indicateur ·small"])
    assert "données importées" not in details["53"]
    english = level_details(imported, codes, "2016", "emploi", None, "en")
    assert "<strong>imported data</strong>" in english["32"]


def test_catalysers_are_escaped_and_link_only_web_addresses():
    rows = pd.DataFrame(
        {
            "name": ["<script>alert(1)</script>", "Réseau & Co"],
            "commune": ["Lille <b>", None],
            "confidence": ["A", "C"],
            "family": ["", "tzcld"],
            "website": ["javascript:alert(1)", "https://example.org/a?b=1&c=2"],
        }
    )
    body = catalysers_html(rows, "2016")
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "Lille &lt;b&gt;" in body and "Réseau &amp; Co" in body
    assert 'href="javascript' not in body
    assert 'href="https://example.org/a?b=1&amp;c=2"' in body
    table = html_table(body)
    assert list(table["Commune"]) == ["Lille <b>", "—"]
    assert list(table["Nom ·small"]) == ["", "example.org"]  # the website under the name
    assert body.startswith("<details") and "(2)</summary>" in body


def test_every_unit_lists_its_catalysers_or_says_it_has_none():
    directory = load_catalysers()
    departements = read_layer("departements")
    nord = catalysers_of_unit(directory, departements, "departement", "59")
    body = catalysers_html(nord, "departement")
    assert f"Catalyseurs territoriaux {LEVELS['departement'].of_unit_in('fr')} ({len(nord)})" in (
        body
    )
    assert len(html_table(body)) == len(nord) > 0
    empty = catalysers_html(nord.iloc[0:0], "2016", "en")
    assert "No catalyser listed" in empty and "<table" not in empty


def test_the_domain_listed_is_the_chosen_one_else_the_layers_else_the_first(data):
    first = data.domains["domain"].iloc[0]
    assert profile_domain(data, "global") == first
    assert profile_domain(data, "axe:economique") == first
    assert profile_domain(data, "emploi") == "emploi"
    assert profile_domain(data, "emploi", "sante") == "sante"
    assert profile_domain(data, "emploi", "<img src=x>") == "emploi"  # not a domain: ignored


def test_the_payload_names_its_content(data, details_2016):
    payload = detail_payload(data, "2016", "sante", details_2016, {}, lang="en")
    assert payload["domain"] == "sante" and len(payload["domains"]) == 16
    assert ["sante", "Health"] in payload["domains"]
    assert payload["select_label"] == "Indicators of the domain"
    other = detail_payload(data, "2016", "emploi", details_2016, {}, lang="en")
    assert other["key"] != payload["key"]


def test_the_domain_sent_by_the_page_is_kept_only_if_it_is_one(data, monkeypatch):
    from ui import profile_panel

    state: dict = {}
    monkeypatch.setattr(profile_panel.st, "session_state", state)
    choose = profile_panel.domain_handler(data, "emploi")
    for junk in (None, 3, {"domain": "sante"}, "<script>", "", "SANTE"):
        choose(junk)
        assert state == {}, junk
    choose("sante")
    assert state == {"view_domain": "sante"}
    choose("emploi")  # the layer's own domain: nothing to keep in the URL
    assert state == {"view_domain": ""}


def test_a_units_domains_are_its_rows_of_the_level_wide_indices(data):
    """domain_profile reads a level's indices once for all units: each unit gets its own."""
    from layers.indicators.indices import domain_indices
    from layers.indicators.perception import parse_survey_key, perceived_index
    from layers.indicators.profile import domain_profile

    survey = "PHARE-2015-citoyens"
    felt = perceived_index(data, *parse_survey_key(data, survey), "departement")
    objective = domain_indices(data, "departement")
    for code in ("59", "93", "2A", "75"):
        profile = domain_profile(data, "departement", code, survey).set_index("domain")
        mine = objective[objective["region_code"] == code].set_index("domain")
        pd.testing.assert_series_equal(
            profile["objective_index"], mine["index"].reindex(profile.index), check_names=False
        )
        pd.testing.assert_series_equal(
            profile["rank"], mine["rank"].reindex(profile.index), check_names=False
        )
        theirs = felt[felt["region_code"] == code].set_index("domain")["perceived_index"]
        pd.testing.assert_series_equal(
            profile["perceived_index"], theirs.reindex(profile.index), check_names=False
        )
    assert domain_profile(data, "departement", "59")["perceived_index"].isna().all()
