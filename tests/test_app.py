"""The Streamlit app, run headless with AppTest (no browser: the map's data is checked instead)."""

import itertools
import re

import pytest
from streamlit.testing.v1 import AppTest

from layers.render.schemes import SCHEME_LABELS
from layers.view_state import LEVELS, MAX_CLASSES, MEASURES
from tests.helpers import (
    app_test,
    component_data,
    detail_of,
    indicator_table,
    run_app,
    summary_of,
    texts,
)


def legend_rows(at: AppTest) -> list[str]:
    """Class labels of the legend (the second cell of each body row)."""
    legend = next(h.proto.body for h in at.html if "atlas-legend" in h.proto.body)
    body = legend.split("<tbody>", 1)[1]
    return re.findall(r"<tr><td>.*?</td><td>(.*?)</td>", body)


def legend_counts(at: AppTest) -> dict[str, int]:
    """Class label -> number of units in the class, read from the legend's HTML."""
    legend = next(h.proto.body for h in at.html if "atlas-legend" in h.proto.body)
    rows = re.findall(r"<tr><td>.*?</td><td>(.*?)</td><td[^>]*>(\d+)</td></tr>", legend)
    return {label: int(count) for label, count in rows}


@pytest.mark.parametrize("level", ["2016", "pre2016", "departement"])
@pytest.mark.parametrize("measure", ["objectif", "percu", "ecart", "indicateur"])
def test_app_runs_for_each_level_and_measure(level, measure):
    at = run_app(level=level, measure=measure, layer="emploi")
    assert not at.exception, at.exception
    assert legend_rows(at) or any("Pas de donnée" in i.value for i in at.info), "legend missing"
    styles = component_data(at, "atlas_map")["regions"]
    assert len(styles) == LEVELS[level].n_units


def test_every_level_measure_scheme_and_class_count_draws_a_map():
    """One session walks level x measure x scheme (48 views, the départements included); the
    class count cycles so that each scheme meets every count from 2 to 7. The layer is a domain:
    most of its perceived and gap views have one distinct value, which "Intervalles égaux" used
    to refuse."""
    at = run_app(layer="emploi", breaks="90;100;110")
    counts = [str(k) for k in range(2, MAX_CLASSES + 1)]
    schemes = list(SCHEME_LABELS)
    combos = list(itertools.product(LEVELS, MEASURES, schemes))
    for i, (level, measure, scheme) in enumerate(combos):
        k = counts[(i // len(schemes) + i % len(schemes)) % len(counts)]
        at.radio(key="view_level").set_value(level)
        at.radio(key="view_measure").set_value(measure)
        at.selectbox(key="view_scheme").set_value(scheme)
        at.select_slider(key="view_k").set_value(k)
        at.run()
        assert not at.exception, (level, measure, scheme, k, at.exception)
        assert legend_rows(at), (level, measure, scheme, k)
        assert not [w.value for w in at.sidebar.warning], (level, measure, scheme, k)


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
    assert component_data(at, "atlas_map")["selected"] == "32"
    summary = summary_of(at, "32")
    assert "<h2>Hauts-de-France</h2>" in summary
    assert "Picardie" in summary and "Nord-Pas-de-Calais" in summary
    labels = list(indicator_table(at)["Indicateur"])
    assert any("Taux de chômage" in label for label in labels)


def test_the_detail_lists_the_domain_chosen_in_it_until_the_layer_changes():
    from ui.profile_panel import domain_handler

    at = run_app(region="76", layer="emploi")
    detail = component_data(at, "atlas_detail")
    assert detail["domain"] == "emploi" and len(detail["details"]) == 13
    assert "Indicateurs : Emploi / chômage / insertion" in detail["details"]["76"]
    assert "<summary>Catalyseurs territoriaux de la région" in detail["catalysers"]["76"]
    at.session_state["view_domain"] = "sante"  # chosen in it (what domain_handler sets)
    at.run()
    detail = component_data(at, "atlas_detail")
    assert detail["domain"] == "sante" and "Indicateurs : Santé" in detail["details"]["76"]
    assert at.query_params["layer"] == "emploi"  # the map keeps its layer
    assert at.query_params["domain"] == "sante"  # and a copied link reopens the profile's
    at.selectbox(key="view_layer").set_value("logement").run()  # a new layer: its domain
    assert component_data(at, "atlas_detail")["domain"] == "logement"
    assert "domain" not in at.query_params
    at.session_state["view_domain"] = "<img src=x>"
    at.run()
    assert not at.exception
    assert component_data(at, "atlas_detail")["domain"] == "logement"
    assert domain_handler  # the callback itself: tests/test_profile_detail.py


def test_a_link_with_the_profile_s_domain_reopens_it():
    at = run_app(region="53", layer="emploi", domain="sante")
    assert not at.exception
    detail = component_data(at, "atlas_detail")
    assert detail["domain"] == "sante" and "Indicateurs : Santé" in detail["details"]["53"]
    assert component_data(at, "atlas_map")["value_title"] != ""  # the map shows the layer
    assert at.query_params["domain"] == "sante"
    refused = run_app(region="53", domain="<script>")
    assert not refused.exception and "domain" not in refused.query_params
    assert component_data(refused, "atlas_detail")["domain"] == "emploi"  # the first domain


def test_former_region_profile_names_its_2016_region():
    at = run_app(level="pre2016", region="31")
    assert not at.exception
    assert "Hauts-de-France" in summary_of(at, "31")
    assert component_data(at, "atlas_summary")["level"] == "pre2016"


def test_a_selection_made_in_python_reaches_the_map_and_the_url():
    at = run_app(layer="emploi")
    assert component_data(at, "atlas_map")["selected"] == ""
    assert not at.get("download_button")  # no profile detail yet
    at.session_state["view_region"] = "76"  # what a map click or a list choice sets
    at.run()
    assert not at.exception
    assert component_data(at, "atlas_map")["selected"] == "76"
    assert at.query_params["region"] == "76"
    assert "Profil imprimable (HTML)" in [b.label for b in at.get("download_button")]
    at.session_state["view_region"] = ""  # what "Fermer le profil" sends (a map message)
    at.run()
    assert not at.exception
    assert not at.get("download_button")
    assert component_data(at, "atlas_map")["selected"] == ""
    assert "region" not in at.query_params


def test_a_level_switch_clears_the_selection():
    at = run_app(region="32")
    at.radio(key="view_level").set_value("pre2016").run()
    assert not at.exception
    data = component_data(at, "atlas_map")
    assert data["level"] == "pre2016" and data["selected"] == "" and len(data["regions"]) == 22


def test_a_first_run_draws_the_map_alone_then_the_whole_page():
    at = run_app(map_first=True, region="53")
    assert not at.exception
    data = component_data(at, "atlas_map")
    assert data["announce_drawn"] and data["selected"] == "53" and data["markers"]
    assert not at.get("bidi_component")[1:]  # no summary yet
    assert not at.sidebar.radio and not at.html  # no widget, no legend
    assert not at.selectbox  # the region selector's place is kept empty (its code is slow)
    assert at.session_state["view_level"] == "2016"  # the URL is read all the same
    at.session_state["atlas_full_page"] = True  # what the map's "drawn" trigger sets
    at.run()
    assert not at.exception
    assert not component_data(at, "atlas_map")["announce_drawn"]
    assert "<h2>Bretagne</h2>" in summary_of(at, "53")
    assert at.selectbox(key="region_select").value == "53"
    assert at.sidebar.radio(key="view_level").value == "2016"
    assert legend_rows(at)
    at.run()  # the page stays whole
    assert at.sidebar.radio and at.html


def test_hidden_tabs_cost_nothing_until_opened():
    at = run_app()
    labels = [b.label for b in at.get("button")]
    assert "Préparer : Image PNG (1 800 px)" not in labels  # the data tab is closed
    at.session_state["tab"] = "Données de la couche"
    at.run()
    assert not at.exception
    assert "Préparer : Image PNG (1 800 px)" in [b.label for b in at.get("button")]
    assert not at.get("bidi_component")  # the map tab is closed now


def test_bad_url_values_fall_back_without_error():
    at = run_app(level="1789", layer="<script>", region="99", measure="x", k="99")
    assert not at.exception
    assert at.session_state["view_level"] == "2016"
    assert at.session_state["view_layer"] == "global"
    # One warning per refused value, shown long enough to be read (10 s, not Streamlit's 4 s).
    assert len(at.toast) == 5 and {(x.icon, x.proto.duration) for x in at.toast} == {("⚠️", 10)}


def test_a_region_given_twice_in_the_link_is_told():
    at = app_test(region=["53", "76"]).run()
    assert not at.exception and at.session_state["view_region"] == "76"
    assert [x.value for x in at.toast] == [
        "Région donné\\(e\\) plusieurs fois dans le lien \\: la dernière valeur est prise\\."
    ]


def test_manual_breaks_that_do_not_parse_get_a_french_warning():
    at = run_app(scheme="manual", breaks="dix")
    assert not at.exception
    at.selectbox(key="view_scheme").set_value("manual").run()
    at.text_input(key="view_breaks").set_value("abc").run()
    assert any("Seuils illisibles" in w.value for w in at.warning)


@pytest.mark.parametrize("breaks", ["nan", "-inf;inf", "110;90"])
def test_unusable_manual_bounds_warn_and_fall_back_to_quantiles(breaks):
    at = run_app(layer="emploi")
    at.selectbox(key="view_scheme").set_value("manual").run()
    at.text_input(key="view_breaks").set_value(breaks).run()
    assert not at.exception
    assert any("Classes par quantiles en attendant" in w.value for w in at.sidebar.warning)
    rows = legend_rows(at)
    assert len(rows) >= 2 and not any("nan" in r or "inf" in r for r in rows)


def test_unusable_manual_bounds_warn_in_english_with_lang_en():
    at = run_app(layer="emploi", lang="en")
    at.selectbox(key="view_scheme").set_value("manual").run()
    at.text_input(key="view_breaks").set_value("110;90").run()
    assert not at.exception
    warnings = [plain(w.value) for w in at.sidebar.warning]
    assert any(w.endswith("“110” then “90”. Quantile classes in the meantime.") for w in warnings)
    assert not any("«" in w or "Seuil" in w for w in warnings), warnings


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
    at.session_state["tab"] = "Données de la couche"
    at.run()
    at.button(key="export_png_prepare").click().run()
    assert not at.exception
    assert "Télécharger : Image PNG (1 800 px)" in [b.label for b in at.get("download_button")]


def test_the_departement_level_maps_96_units_and_opens_the_nord():
    at = run_app(level="departement", layer="pauvrete", region="59")
    assert not at.exception
    data = component_data(at, "atlas_map")
    assert len(data["regions"]) == 96 and data["selected"] == "59"
    assert sum(legend_counts(at).values()) == 96  # every class, counted
    summary = summary_of(at, "59")
    assert "<h2>Nord</h2>" in summary and "Départements (96)" in summary
    assert "Hauts-de-France" in summary and "Nord-Pas-de-Calais" in summary
    assert "Départements</th>" not in summary  # a département counts its communes, not itself
    table = indicator_table(at)
    assert any("Taux de pauvreté" in str(label) for label in table["Indicateur"])
    assert {str(r).split("/")[-1] for r in table["Rang"] if r != "—"} == {"96"}
    catalysers = component_data(at, "atlas_detail")["catalysers"]["59"]
    assert "<summary>Catalyseurs territoriaux du département" in catalysers


def test_switching_to_departements_drops_the_selected_region():
    at = run_app(region="32")  # Hauts-de-France; 32 is also a département (Gers)
    at.radio(key="view_level").set_value("departement").run()
    assert not at.exception
    assert at.session_state["view_region"] == ""
    assert component_data(at, "atlas_map")["selected"] == ""
    assert component_data(at, "atlas_summary")["hint"].startswith("Cliquez un département")


def test_catalysers_near_roubaix_show_the_nord_and_open_its_profile():
    at = run_app(layer="emploi")
    at.text_input(key="near_query").set_value("Roubaix").run()
    assert not at.exception
    assert "Fragilités du Nord (59)" in texts(at)
    at.button(key="open_place_departement").click().run()
    assert not at.exception
    assert at.session_state["view_level"] == "departement"
    assert at.session_state["view_region"] == "59"
    data = component_data(at, "atlas_map")
    assert data["level"] == "departement" and data["selected"] == "59"
    assert "<h2>Nord</h2>" in summary_of(at, "59")


def test_the_searched_commune_s_most_fragile_domains_are_named_in_english():
    from i18n import t
    from layers.indicators.profile import fragility_summary
    from ui.sources import shipped_data

    at = run_app(lang="en")
    at.text_input(key="near_query").set_value("Roubaix").run()
    assert not at.exception
    worst = fragility_summary(shipped_data(), "departement", "59")["domains"]
    names = [t(f"domain.{domain}", "en") for domain, *_ in worst]
    line = next(x for x in texts(at).splitlines() if x.startswith("Most fragile domains:"))
    assert [name in line for name in names] == [True] * 3
    assert all(label_fr not in line for _, label_fr, *_ in worst if label_fr not in names)


def test_the_radius_box_says_its_bounds_in_the_page_s_language():
    for lang, start in (("fr", "De 1 à 300 km."), ("en", "From 1 to 300 km.")):
        box = run_app(lang=lang).number_input(key="near_km")
        assert (box.min, box.max) == (1, 300) and box.help.startswith(start)


def test_a_prepared_export_is_never_offered_for_another_view():
    at = open_tab(run_app(layer="emploi"), "Données de la couche")
    png = "Télécharger : Image PNG (1 800 px)"
    for widget, value in (("view_scheme", "jenks"), ("view_k", "3"), ("view_layer", "sante")):
        at.button(key="export_png_prepare").click().run()
        assert png in [b.label for b in at.get("download_button")]
        (at.select_slider if widget == "view_k" else at.selectbox)(key=widget).set_value(value)
        at.run()
        assert not at.exception
        assert png not in [b.label for b in at.get("download_button")], widget
    # The data changed (an import), the view did not: the prepared file is not offered either.
    at.button(key="export_png_prepare").click().run()
    assert png in [b.label for b in at.get("download_button")]
    upload(at, "valeurs.csv", VALUES_FILE)
    at.button(key="accept_import").click().run()
    assert not at.exception
    open_tab(at, "Données de la couche")
    assert png not in [b.label for b in at.get("download_button")]


def test_the_png_export_has_a_base_map_only_when_the_screen_does(monkeypatch):
    import ui.data_panel

    drawn = []
    monkeypatch.setattr(
        ui.data_panel, "map_png", lambda *a, basemap=None, **k: drawn.append(basemap) or b"png"
    )
    for shown in ("1", "0"):
        at = open_tab(run_app(layer="emploi", basemap=shown), "Données de la couche")
        at.button(key="export_png_prepare").click().run()
        assert not at.exception
    assert drawn[0] is not None and drawn[1] is None


VALUES_FILE = b"indicator_id;level;region_code;value\ntaux_chomage_2014;pre2016;22;11,5\n"
PERCEPTION_FILE = (
    "enquête;année;acteur;niveau;région;domaine;note\n"
    "ESSAI;2024;citoyens;france;France;emploi;6,0\n"
    "ESSAI;2024;citoyens;2016;Bretagne;emploi;5,4\n"
).encode("cp1252")


def plain(markdown: str) -> str:
    """Markdown source without its backslash escapes (what the reader sees)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def open_tab(at: AppTest, label: str) -> AppTest:
    """Open a tab of the page (tabs compute only when open)."""
    at.session_state["tab"] = label
    return at.run()


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    open_tab(at, "Importer des données")
    at.file_uploader(key="upload_file").set_value((name, content, "text/csv"))
    return at.run()


def test_stacked_imports_are_all_named_in_the_banner():
    at = run_app()
    upload(at, "valeurs.csv", VALUES_FILE)
    at.button(key="accept_import").click().run()
    upload(at, "perception.csv", PERCEPTION_FILE)
    at.button(key="accept_import").click().run()
    assert not at.exception
    banner = [plain(i.value) for i in at.info if "données importées" in i.value]
    assert len(banner) == 1
    assert "valeurs.csv" in banner[0] and "perception.csv" in banner[0]
    assert at.session_state["imported_data"].key.startswith("import:")


def test_an_uploaded_file_is_checked_once_per_content(monkeypatch):
    import layers.upload.validate as validate_module

    calls = []
    original = validate_module.validate
    monkeypatch.setattr(
        validate_module, "validate", lambda *a, **k: calls.append(1) or original(*a, **k)
    )
    at = run_app()
    upload(at, "valeurs.csv", VALUES_FILE)
    for layer in ("sante", "emploi", "logement"):
        at.selectbox(key="view_layer").set_value(layer).run()
    assert not at.exception and len(calls) == 1
    upload(at, "valeurs.csv", VALUES_FILE.replace(b"11,5", b"12"))
    assert len(calls) == 2


def test_an_unreadable_upload_gives_its_french_reason_not_a_traceback():
    from bench.hostile_files import encrypted_xlsx

    at = run_app()
    upload(at, "protégé.xlsx", encrypted_xlsx())
    assert not at.exception
    assert any("classeur protégé par mot de passe" in e.value for e in at.error)


def test_a_file_without_a_valid_row_is_not_offered_its_valid_rows():
    at = run_app()
    upload(at, "faux.csv", VALUES_FILE.replace(b"11,5", b"abc"))
    assert not at.exception
    errors = [plain(e.value) for e in at.error]
    assert errors == ["1 problème(s) dans « faux.csv » : corrigez le fichier."]
    assert "accept_import" not in [b.key for b in at.button]


def test_an_english_reader_gets_the_import_report_in_english():
    at = open_tab(run_app(lang="en"), "Import data")
    bad = VALUES_FILE + b"taux_chomage_2014;pre2016;31;abc\nindicateur_x;pre2016;22;1\n"
    at.file_uploader(key="upload_file").set_value(("bad_[x].csv", bad, "text/csv")).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == ["Row", "Column", "Problem"]
    rows = table.values.tolist()
    assert rows[0] == ["3", "value", "“abc” is not a number."]
    assert rows[1][:2] == ["4", "indicator_id"]
    assert rows[1][2].startswith("unknown indicator “indicateur_x”; valid value(s): ")
    summary = plain(at.error[0].value)
    assert summary.startswith("2 problem(s) in “bad_[x].csv”: correct the file")
    assert "\\[x\\]" in at.error[0].value  # the file name is escaped in the Markdown
    report = at.text[0].value
    assert report.startswith("Invalid file (indicator values): 2 problem(s) in 3 data row(s).")
    assert "- Row 3, column “value”: “abc” is not a number." in report
    shown = [*table.values.ravel(), summary, report]
    assert not any("«" in text or "ligne" in text.lower() for text in shown), shown
    # The valid row can be used; its label follows the language, even after a switch.
    at.button(key="accept_import").click().run()
    banner = [plain(i.value) for i in at.info if "imported data" in i.value]
    assert banner == ["Map computed with **imported data**: bad_[x].csv (1 row(s) values)"]
    at.radio(key="view_lang").set_value("fr").run()
    banner = [plain(i.value) for i in at.info if "données importées" in i.value]
    assert banner == [
        "Carte calculée avec des **données importées** : bad_[x].csv (1 ligne(s) valeurs)"
    ]


def test_an_unreadable_upload_gives_its_reason_in_english():
    from bench.hostile_files import encrypted_xlsx

    at = open_tab(run_app(lang="en"), "Import data")
    at.file_uploader(key="upload_file").set_value(("locked.xlsx", encrypted_xlsx(), "text/csv"))
    at.run()
    assert not at.exception
    errors = [plain(e.value) for e in at.error]
    assert errors and errors[0].startswith("The file “locked.xlsx” is a password-protected")


def test_the_layer_table_never_shows_none_or_nan():
    from geo.shapes import read_layer
    from layers.indicators.bundle import load_indicator_data
    from layers.measures import layer_values
    from layers.render.choropleth import colour_regions
    from layers.view_state import ViewState
    from ui.data_panel import displayed, layer_frame

    data = load_indicator_data()
    for view in (ViewState(layer="emploi", measure="percu"), ViewState(layer="emploi")):
        values = layer_values(data, view)
        coloured, _ = colour_regions(read_layer(view.level), values.values)
        page = displayed(layer_frame(values, coloured)).to_html()
        assert "pas de donnée" in page or view.measure == "objectif"
        assert not re.search(r">\s*(None|nan|NaN|<NA>)\s*<", page)


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
    assert "Domaine reposant sur des approximations" in detail_html(at)
    at = run_app(region="44", layer="diversite_handicap")
    assert not at.exception
    values = list(indicator_table(at)["Valeur"])
    assert any(v.startswith("≈ ") for v in values), values  # AAH: Grand Est = 3 former regions
    assert "poids approché" in detail_html(at)  # the reading notes, under the table
    assert "Domaine reposant" not in detail_html(at)


def detail_html(at: AppTest) -> str:
    """The selected region's detail: proxy note, indicator table, reading notes."""
    return detail_of(at)


@pytest.mark.parametrize(
    "lang, pattern",
    [
        ("fr", r"^Roubaix \(59\) — \d{2,3}\u202f\d{3} hab\.$"),
        ("en", r"^Roubaix \(59\) — \d{2,3},\d{3} inh\.$"),
    ],
)
def test_the_commune_candidates_write_populations_the_way_of_the_language(lang, pattern):
    at = run_app(lang=lang)
    at.text_input(key="near_query").set_value("Roubaix").run()
    assert not at.exception
    options = at.selectbox(key="near_choice").options
    assert any(re.match(pattern, option) for option in options), options
