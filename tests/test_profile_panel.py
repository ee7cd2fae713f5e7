"""The printable profile page, built when the user asks for it (deferred download)."""

import pandas as pd

from layers.indicators.bundle import load_indicator_data
from layers.indicators.profile import domain_indicators, domain_profile
from layers.view_state import ViewState
from ui.profile_panel import printable_page, profile_survey


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
