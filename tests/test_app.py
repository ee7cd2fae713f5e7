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


@pytest.mark.parametrize("level", ["2016", "pre2016", "departement"])
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


def test_the_departement_level_maps_96_units_and_opens_the_nord():
    at = run_app(level="departement", layer="pauvrete", region="59")
    assert not at.exception
    assert sum(int(n) for n in at.dataframe[0].value["Nombre"]) == 96  # every class, counted
    assert at.subheader[0].value == "Nord"
    body = texts(at)
    assert "Hauts-de-France" in body and "Nord-Pas-de-Calais" in body
    assert "Départements (96)" in body
    table = next(df.value for df in at.dataframe if "Origine" in df.value)
    assert any("Taux de pauvreté" in str(label) for label in table["Indicateur"])
    assert {str(r).split(" / ")[-1] for r in table["Rang"] if r != "—"} == {"96"}
    assert any(e.label.startswith("Catalyseurs territoriaux du département") for e in at.expander)


def test_switching_to_departements_drops_the_selected_region():
    at = run_app(region="32")
    at.radio(key="view_level").set_value("departement").run()
    assert not at.exception
    assert at.session_state["view_region"] == ""
    assert "Cliquez un département" in texts(at)


def test_catalysers_near_roubaix_show_the_nord_and_open_its_profile():
    at = run_app(layer="emploi")
    at.text_input(key="near_query").set_value("Roubaix").run()
    assert not at.exception
    assert "Fragilités du Nord (59)" in texts(at)
    at.button(key="open_place_departement").click().run()
    assert not at.exception
    assert at.session_state["view_level"] == "departement"
    assert at.session_state["view_region"] == "59"
    assert at.subheader[0].value == "Nord"


def test_catalyser_map_shows_a_and_b_and_says_how_many_c_are_hidden():
    at = run_app()
    assert not at.exception
    captions = [c.value for c in at.sidebar.caption]
    assert any("184 de confiance C masquée(s)" in c for c in captions), captions
    at.checkbox(key="cat_with_c").check().run()
    assert not at.exception
    captions = [c.value for c in at.sidebar.caption]
    assert any(c.startswith("306 organisation(s) retenue(s)") for c in captions), captions
    assert not any("masquée" in c for c in captions)


def test_profile_says_when_a_domain_rests_on_proxies_and_which_values_are_approximate():
    at = run_app(region="44", layer="logement")
    assert not at.exception
    assert any("Domaine reposant sur des approximations" in i.value for i in at.info)
    at = run_app(region="44", layer="diversite_handicap")
    assert not at.exception
    values = [str(v) for df in at.dataframe for v in df.value.get("Valeur", [])]
    assert any(v.startswith("≈ ") for v in values), values  # AAH: Grand Est = 3 former regions
    assert any("poids approché" in c.value for c in at.caption)
    assert not any("Domaine reposant" in i.value for i in at.info)
