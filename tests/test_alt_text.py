"""The map's text alternative: one sentence in French or English, in the PNG and HTML exports,
and the export labels in both languages."""

import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from geo.shapes import read_layer
from i18n import UnknownLangError
from layers.indicators.bundle import load_indicator_data
from layers.measures import layer_values
from layers.render.alt_text import DESCRIPTION_ID, described_page, map_description
from layers.render.choropleth import colour_regions
from layers.render.exports import legend_entries, map_png, profile_html
from layers.render.formatting import format_number, format_value
from layers.render.map_page import standalone_map_html
from layers.render.profile_text import france_text, reading_notes
from layers.view_state import ViewState


def frame(values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"code": list(values), "nom": [f"R{c}" for c in values], "value": list(values.values())}
    )


# --- the sentence ---------------------------------------------------------------------------------


def test_the_sentence_names_the_most_fragile_first():
    regions = frame({"1": 95.0, "2": 130.5, "3": 101.25, "4": 120.0})
    assert map_description(regions, "Indice global", "2016") == (
        "Carte : Indice global, 4 régions 2016 ; les plus fragiles : R2 (130,5), R4 (120,0), "
        "R3 (101,2)."
    )
    assert map_description(regions, "Overall index", "2016", lang="en") == (
        "Map: Overall index, 4 2016 regions; most fragile: R2 (130.5), R4 (120.0), R3 (101.2)."
    )


def test_when_higher_is_less_fragile_the_lowest_come_first():
    regions = frame({"1": 95.0, "2": 130.5, "3": 101.25})
    text = map_description(regions, "Revenu", "pre2016", direction=-1, decimals=0)
    assert text == (
        "Carte : Revenu, 3 anciennes régions ; les plus fragiles : R1 (95), R3 (101), R2 (130)."
    )


def test_a_context_indicator_names_the_highest_values_and_a_gap_the_felt_fragility():
    regions = frame({"1": 1.0, "2": 3.0})
    assert "valeurs les plus élevées : R2" in map_description(regions, "x", "2016", direction=0)
    gap = map_description(regions, "x", "2016", measure="ecart", lang="en")
    assert "felt as more fragile than the statistics say: R2 (3.00), R1 (1.00)" in gap


def test_missing_values_are_counted_never_named():
    regions = frame({"1": 1.0, "2": np.nan, "3": np.nan})
    text = map_description(regions, "x", "pre2016")
    assert text.endswith("R1 (1,00) ; pas de donnée pour 2 anciennes régions.")
    assert "R2" not in text
    assert map_description(frame({"1": np.nan}), "x", "2016", lang="en") == (
        "Map: x, no data at this level."
    )


def test_ties_read_in_a_stable_order():
    regions = frame({"2": 5.0, "1": 5.0, "3": 5.0, "4": 5.0})
    assert "R1 (5,00), R2 (5,00), R3 (5,00)." in map_description(regions, "x", "2016")


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="direction"):
        map_description(frame({"1": 1.0}), "x", "2016", direction=2)
    with pytest.raises(KeyError, match="expected one of"):
        map_description(frame({"1": 1.0}), "x", "1789")
    with pytest.raises(UnknownLangError):
        map_description(frame({"1": 1.0}), "x", "2016", lang="de")


def test_the_sentence_of_the_shipped_overall_index():
    data = load_indicator_data()
    regions = read_layer("2016")
    for lang in ("fr", "en"):
        values = layer_values(data, ViewState(lang=lang))
        coloured, _ = colour_regions(regions, values.values, diverging_centre=100.0)
        text = map_description(coloured, values.title, "2016", values.direction, lang=lang)
        top = coloured.sort_values("value", ascending=False)["nom"].iloc[0]
        assert text.startswith({"fr": "Carte : ", "en": "Map: "}[lang])
        assert values.title in text and "13" in text and top in text


# --- in the PNG ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def coloured():
    regions = read_layer("2016")
    values = pd.Series(np.arange(len(regions), dtype=float) * 1234.5, index=regions["code"])
    return colour_regions(regions, values.drop("94"), k=4)


def test_the_png_carries_its_text_alternative(coloured):
    frame_, classes = coloured
    sentence = map_description(frame_, "Taux « test » ≈", "2016")
    png = map_png(
        frame_, classes, "Taux « test » ≈", "%", "Insee", "01/02/2026", description=sentence
    )
    text = Image.open(io.BytesIO(png)).text
    assert text["Description"] == sentence
    assert text["Title"] == "Taux « test » ≈"
    assert text["Source"] == "Source : Insee — 01/02/2026"


def test_the_png_speaks_english(coloured):
    frame_, classes = coloured
    png = map_png(frame_, classes, "Rate", "%", "Insee", "2026-02-01", lang="en")
    text = Image.open(io.BytesIO(png)).text
    assert text["Source"] == "Source: Insee — 2026-02-01" and "Description" not in text
    labels = [label for _, label, _ in legend_entries(frame_, classes, "en")]
    assert labels[-1] == "no data" and "," in labels[-2] and "." not in labels[-2]
    assert [label for _, label, _ in legend_entries(frame_, classes)][-1] == "pas de donnée"


# --- in the HTML pages ---------------------------------------------------------------------------


def test_the_standalone_map_can_carry_its_description():
    page = standalone_map_html({"type": "FeatureCollection", "features": []}, {}, "T", "", "c")
    described = described_page(page, "Carte : <b>x</b> & y.", "Titre", "fr")
    assert '<html lang="fr">' in described
    assert f'<p id="{DESCRIPTION_ID}"' in described
    assert "Carte : &lt;b&gt;x&lt;/b&gt; &amp; y." in described
    assert f'aria-describedby="{DESCRIPTION_ID}"' in described
    assert 'aria-label="Carte : Titre"' in described
    english = described_page(page, "Map: x.", "T", "en")
    assert '<html lang="en">' in english and 'aria-label="Map: T"' in english
    assert DESCRIPTION_ID not in page


def test_a_page_without_a_map_element_is_refused():
    with pytest.raises(ValueError, match="atlas-map"):
        described_page("<html><body><p>x</p></body></html>", "d", "t")
    page = described_page(
        '<html><head></head><body><div id="atlas-map"></div></body></html>', "d", 'a"b', "en", True
    )
    assert "<title>a&quot;b</title>" in page and 'aria-label="Map: a&quot;b"' in page
    assert 'class="atlas-map-description">d</p>' in page  # visible: no hiding style


def test_the_printable_profile_declares_its_language_and_numbers():
    table = pd.DataFrame({"Indicateur": ["a"], "Valeur": [12345.0], "Vide": [np.nan]})
    fr = profile_html("t", [("s", table)], [], "fr")
    en = profile_html("t", [("s", table)], [], "en")
    assert '<html lang="fr">' in fr and "12\u202f345" in fr and "pas de donnée" in fr
    assert '<html lang="en">' in en and "12,345" in en and "no data" in en
    assert '<th scope="col">Indicateur</th>' in fr
    with pytest.raises(UnknownLangError):
        profile_html("t", [], [], '"><script>')


# --- numbers and the profile's words -------------------------------------------------------------


def test_numbers_in_both_languages():
    assert format_number(1234.56, 1) == "1\u202f234,6"
    assert format_number(1234.56, 1, "en") == "1,234.6"
    assert format_number(None, lang="en") == "no data"
    assert format_value(12.0, 1, approximate=True, lang="en") == "≈ 12.0"
    assert format_value(None, 1, approximate=True, lang="en") == "no data"


def test_profile_text_in_english():
    row = pd.Series(
        {
            "france": 22.8,
            "decimals": 1,
            "france_approximate": False,
            "france_reference": "France entière",
            "france_other_source": True,
        }
    )
    assert france_text(row, "en") == "22.8 (France incl. overseas) (other source)"
    assert france_text(row) == "22,8 (France entière) (autre source)"
    table = pd.DataFrame(
        [
            {
                "label": "Taux",
                "approximate": True,
                "france_approximate": False,
                "france_other_source": False,
                "weight_note": "poids",
                "caveat": "",
            }
        ]
    )
    assert reading_notes(table, "en") == [
        "≈ Taux: value computed from the former regions with an approximate weight (poids)."
    ]


def test_the_exported_html_page_is_described_and_english():
    page = standalone_map_html(
        {"type": "FeatureCollection", "features": []},
        {},
        "Overall index",
        "",
        "sources",
        description="Map: Overall index, 13 2016 regions; most fragile: A (1.0).",
        lang="en",
    )
    assert '<html lang="en">' in page and "Exported from the Atlas" in page
    assert f'aria-describedby="{DESCRIPTION_ID}"' in page
    assert "most fragile: A (1.0)." in page and "Exporté" not in page
    assert '"no_data_label":"no data"' in page and '"lang":"en"' in page
    french = standalone_map_html({"type": "FeatureCollection", "features": []}, {}, "T", "", "c")
    assert '<html lang="fr">' in french and "Exporté de l" in french
