"""The Streamlit app, run headless with AppTest (no browser)."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import run_app


def legend_rows(at: AppTest) -> list[str]:
    return [str(v) for v in at.dataframe[0].value["Classe"]]


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [s.value for s in at.subheader] + [i.value for i in at.info]
    return "\n".join(parts)


@pytest.mark.parametrize("level", ["2016", "pre2016"])
@pytest.mark.parametrize("measure", ["objectif", "percu", "ecart", "indicateur"])
def test_app_runs_for_each_level_and_measure(level, measure):
    at = run_app(level=level, measure=measure, layer="emploi")
    assert not at.exception, at.exception
    assert at.dataframe, "legend missing"


def test_switching_layer_changes_the_values():
    at = run_app(layer="emploi")
    before = legend_rows(at)
    at.selectbox(key="view_layer").set_value("sante").run()
    assert not at.exception
    assert legend_rows(at) != before
    assert "Santé — indice objectif" in texts(at)


def test_selected_region_in_the_url_shows_its_profile():
    at = run_app(region="32", layer="emploi")
    assert not at.exception
    assert at.subheader[0].value == "Hauts-de-France"
    body = texts(at)
    assert "Picardie" in body and "Nord-Pas-de-Calais" in body
    labels = [str(x) for df in at.dataframe for x in df.value.get("Indicateur", [])]
    assert any("Taux de chômage" in label for label in labels)


def test_former_region_profile_names_its_2016_region():
    at = run_app(level="pre2016", region="31")
    assert not at.exception
    assert "Hauts-de-France" in texts(at)


def test_bad_url_values_fall_back_without_error():
    at = run_app(level="1789", layer="<script>", region="99", measure="x", k="99")
    assert not at.exception
    assert at.session_state["view_level"] == "2016"
    assert at.session_state["view_layer"] == "global"


def test_manual_breaks_that_do_not_parse_get_a_french_warning():
    at = run_app(scheme="manual", breaks="dix")
    assert not at.exception
    at.selectbox(key="view_scheme").set_value("manual").run()
    at.text_input(key="view_breaks").set_value("abc").run()
    assert any("Seuils illisibles" in w.value for w in at.warning)


def test_catalyser_search_lists_fondation_de_lille_near_roubaix():
    at = run_app()
    at.text_input(key="near_query").set_value("Roubaix").run()
    assert not at.exception
    names = [str(x) for df in at.dataframe for x in df.value.get("Nom", [])]
    assert "Fondation de Lille" in names


def test_catalyser_search_with_an_unknown_commune_says_so():
    at = run_app()
    at.text_input(key="near_query").set_value("Qwxzzy").run()
    assert not at.exception
    assert any("Aucune commune ne correspond" in w.value for w in at.warning)


def test_profile_offers_a_printable_page_and_the_layer_offers_exports():
    at = run_app(region="32")
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    assert "Profil imprimable (HTML)" in labels
    at.button(key="export_png_prepare").click().run()
    assert not at.exception
    assert "Télécharger : Image PNG (1 800 px)" in [b.label for b in at.get("download_button")]
