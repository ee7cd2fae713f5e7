"""Imported numbers say so wherever they go: captions, PNG, data table, exports, profile."""

import io

import pyogrio
import pytest

from geo.shapes import read_layer
from layers.indicators.bundle import IMPORTED_SOURCE, load_indicator_data
from layers.indicators.profile import domain_indicators
from layers.measures import layer_values
from layers.render.choropleth import colour_regions
from layers.render.exports import layer_geopackage, map_figure
from layers.upload.apply import apply_import
from layers.upload.read import read_table
from layers.upload.validate import validate
from layers.view_state import ViewState

INDICATOR = "taux_chomage_2014"


@pytest.fixture(scope="module")
def data():
    return load_indicator_data()


@pytest.fixture(scope="module")
def imported(data):
    content = f"indicator_id;level;region_code;value\n{INDICATOR};pre2016;22;30\n".encode()
    return apply_import(data, validate(read_table(content, "mes_valeurs.csv"), data))


def view(level: str, **kw) -> ViewState:
    return ViewState(level=level, measure="indicateur", indicator=INDICATOR, **kw)


def test_shipped_numbers_credit_their_source_only(data):
    values = layer_values(data, view("pre2016"))
    assert values.imported == () and "importées" not in values.caption


def test_an_imported_value_and_what_is_computed_from_it_say_imported(imported):
    old = layer_values(imported, view("pre2016"))
    assert old.imported == ("22",)
    assert "Données importées : 1 région(s)" in old.caption and "Picardie" in old.caption
    new = layer_values(imported, view("2016"))
    assert "32" in new.imported  # Hauts-de-France is consolidated from Picardie
    objective = layer_values(imported, ViewState(level="2016", layer="emploi"))
    assert "Données importées" in objective.caption


def test_the_provenance_note_names_six_regions_then_counts():
    from layers.indicators.provenance import imported_note

    names = [f"R{i}" for i in range(8)]
    assert "(R0, R1, R2, R3, R4, R5 et 2 autre(s))" in imported_note(names, 22)
    assert "(R0, R1, R2, R3, R4, R5 and 2 other(s))" in imported_note(names, 22, "en")
    assert imported_note([], 22, "en") == ""


def test_the_provenance_note_speaks_english(imported):
    values = layer_values(imported, view("pre2016", lang="en"))
    assert "Imported data: 1 region(s) out of" in values.caption and "Picardie" in values.caption
    assert "Données importées" not in values.caption
    assert values.source_of("22", "en") == IMPORTED_SOURCE  # the marker the rows carry
    assert values.source_of("31", "en") == "official source (see legend)"
    assert values.source_of("31") == "source officielle (voir légende)"


def test_exports_carry_the_provenance(imported):
    values = layer_values(imported, view("pre2016"))
    coloured, classes = colour_regions(read_layer("pre2016"), values.values)
    coloured["source"] = coloured["code"].map(values.source_of)
    layer = pyogrio.read_dataframe(io.BytesIO(layer_geopackage(coloured)))
    sources = dict(zip(layer["code"], layer["source"], strict=True))
    assert sources["22"] == IMPORTED_SOURCE and sources["31"] != IMPORTED_SOURCE
    fig = map_figure(coloured, classes, values.title, values.unit, values.caption, "2024")
    assert any("Données importées" in t.get_text() for t in fig.texts)


def test_the_profile_credits_imported_values_to_the_import(data, imported):
    domain = data.indicator(INDICATOR)["domain"]
    shipped = domain_indicators(data, "pre2016", "22", domain).set_index("indicator_id")
    mine = domain_indicators(imported, "pre2016", "22", domain).set_index("indicator_id")
    assert shipped.loc[INDICATOR, "source_url"] != IMPORTED_SOURCE
    assert mine.loc[INDICATOR, "source_url"] == IMPORTED_SOURCE
    untouched = [i for i in mine.index if i != INDICATOR and "chomage" not in i]
    assert (mine.loc[untouched, "source_url"] == shipped.loc[untouched, "source_url"]).all()


def test_an_imported_france_reference_is_not_credited_to_the_source(data):
    # taux_chomage_2014 has an approximate weight: a France value, published or imported,
    # wins over the computation, so the caption quotes the imported one and must say so.
    content = f"indicator_id;level;region_code;value\n{INDICATOR};france;FRM;9,75\n".encode()
    report = validate(read_table(content, "france.csv"), data)
    assert report.is_valid, report.to_text()
    values = layer_values(apply_import(data, report), view("2016"))
    assert "France métropolitaine : 9,8" in values.caption  # at the source's precision
    assert "La référence France est calculée avec le fichier importé" in values.caption
    assert "fichier importé" not in layer_values(data, view("2016")).caption
    english = layer_values(apply_import(data, report), view("2016", lang="en"))
    assert "The France reference is computed with the imported file." in english.caption


def test_an_imported_population_is_credited_to_the_import_in_the_key_figures(data):
    from layers.indicators.profile import key_figures

    content = b"indicator_id;level;region_code;value\npopulation_2013;pre2016;22;2000000\n"
    mine = apply_import(data, validate(read_table(content, "pop.csv"), data))
    shipped = key_figures(data, "pre2016", "22", 19_400.0).set_index("label")
    figures = key_figures(mine, "pre2016", "22", 19_400.0).set_index("label")
    assert shipped.loc["Population", "source_url"] != IMPORTED_SOURCE
    assert figures.loc["Population", ["source", "source_url"]].tolist() == [IMPORTED_SOURCE] * 2
    assert IMPORTED_SOURCE in figures.loc["Densité", "source"]
    english = key_figures(mine, "pre2016", "22", 19_400.0, lang="en").set_index("label")
    assert english.loc["Density", "source"] == "computed: population / area (imported data)"
    assert english.loc["Population", "source_url"] == IMPORTED_SOURCE
    untouched = key_figures(mine, "pre2016", "31", 12_400.0).set_index("label")
    assert untouched.loc["Population", "source_url"] != IMPORTED_SOURCE
