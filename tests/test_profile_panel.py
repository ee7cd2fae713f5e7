"""The printable profile page, built when the user asks for it (deferred download)."""

import pandas as pd

from layers.indicators.bundle import load_indicator_data
from layers.indicators.profile import domain_indicators, domain_profile
from layers.view_state import ViewState
from ui.profile_panel import printable_page, printable_profile, profile_survey


def test_printable_page_has_the_domains_indicators_and_escaped_catalysers():
    data = load_indicator_data()
    view = ViewState(region="32", layer="emploi")
    domains = domain_profile(data, "2016", "32", profile_survey(data, view))
    indicators = domain_indicators(data, "2016", "32", "emploi").rename(columns={"label": "Ind"})
    catalysers = pd.DataFrame(
        {
            "name": ["<b>Réseau</b>", "Site TZ"],
            "commune": ["Lille", "Loos"],
            "confidence": ["A", "C"],
            "family": ["", "tzcld"],
        }
    )
    notes = ["≈ : valeur <approchée>"]
    page = printable_page("Hauts-de-France", view, domains, indicators, catalysers, notes)
    assert "<h1>Hauts-de-France — profil de fragilité (Régions 2016 (13))</h1>" in page
    assert page.count("<table>") == 3
    assert "Emploi / chômage / insertion" in page
    assert "&lt;b&gt;Réseau&lt;/b&gt;" in page and "<b>Réseau" not in page
    assert "C – Territoire zéro chômeur de longue durée" in page  # a local alliance, in words
    assert "≈ : valeur &lt;approchée&gt;" in page  # the reading notes, escaped


def test_the_profile_survey_is_the_maps_else_the_default():
    data = load_indicator_data()
    assert profile_survey(data, ViewState(measure="percu", survey="x")) == "x"
    assert profile_survey(data, ViewState()) == "PHARE-2015-citoyens"


def test_the_printable_profile_lists_the_domain_the_profile_shows():
    data = load_indicator_data()
    view = ViewState(region="76", layer="emploi")
    empty = pd.DataFrame(columns=["name", "commune", "confidence", "family"])
    page = printable_profile(data, view, "Occitanie", empty, "sante")
    assert "Occitanie — profil de fragilité" in page
    assert "Densité de médecins pour 100 000 habitants ★" in page  # Santé, chosen in the profile
    assert "Taux de chômage" not in page  # not the map's layer
    assert "données importées" not in page
    english = printable_profile(
        data, ViewState(region="76", lang="en"), "Occitanie", empty, "sante"
    )
    assert "Occitanie — fragility profile" in english
