"""The profile's indicator table (layers/render/indicator_table.py): what it shows, in both
languages, and that nothing from the data reaches the page unescaped."""

import html
import re

import numpy as np
import pandas as pd
import pytest

from layers.indicators.bundle import load_indicator_data
from layers.indicators.profile import domain_indicators
from layers.render.indicator_table import indicator_table_html
from tests.helpers import html_table


def _row(**changes) -> dict:
    row = {
        "label": "Taux de chômage",
        "core": True,
        "value": 12.04,
        "unit": "% de la population active",
        "year": "2014",
        "france": 9.9,
        "decimals": 1,
        "approximate": False,
        "france_approximate": False,
        "france_reference": "",
        "france_other_source": False,
        "share_of_france_pct": np.nan,
        "rank": 2,
        "n_regions": 13,
        "origin": "lu dans la source",
        "source": "Insee, taux de chômage localisés",
        "source_url": "https://www.insee.fr/fr/statistiques/1893230",
    }
    return {**row, **changes}


def test_a_row_reads_value_france_rank_and_its_details():
    page = indicator_table_html(pd.DataFrame([_row()]), "Indicateurs : Emploi", "fr")
    table = html_table(page)
    assert list(table["Indicateur"]) == ["Taux de chômage ★"]
    assert (table["Valeur"][0], table["France"][0], table["Rang"][0]) == ("12,0", "9,9", "2/13")
    assert table["Indicateur ·small"][0] == (
        "2014 · % de la population active · lu dans la source · source : insee.fr"
    )
    assert table["Indicateur ·href"][0] == "https://www.insee.fr/fr/statistiques/1893230"
    assert table["Rang ·small"][0] == "" and "1 = le plus fragile" in page
    assert "<caption>Indicateurs : Emploi</caption>" in page
    assert '<th scope="row">' in page and page.count('<th scope="col"') == 4


def test_english_numbers_and_words():
    row = _row(value=1234.5, approximate=True, share_of_france_pct=8.25, rank=pd.NA)
    table = html_table(indicator_table_html(pd.DataFrame([row]), "Indicators: Jobs", "en"))
    assert list(table.columns[::3]) == ["Indicator", "Value", "France", "Rank"]
    assert table["Value"][0] == "≈ 1,234.5"
    assert table["Value ·small"][0] == "8.2% of France"
    assert table["Rank"][0] == "—"
    assert table["Indicator ·small"][0].endswith("· source: insee.fr")


def test_missing_values_say_so_and_a_source_without_url_is_text():
    row = _row(value=np.nan, france=np.nan, rank=None, source_url="", source="données importées")
    table = html_table(indicator_table_html(pd.DataFrame([row]), "x", "fr"))
    assert (table["Valeur"][0], table["France"][0], table["Rang"][0]) == (
        "pas de donnée",
        "pas de donnée",
        "—",
    )
    assert table["Indicateur ·small"][0].endswith("source : données importées")
    assert table["Indicateur ·href"][0] == ""


@pytest.mark.parametrize(
    "field, payload",
    [
        ("label", "<script>alert(1)</script>"),
        ("unit", '"><img src=x onerror=alert(1)>'),
        ("origin", "<b>gras</b>"),
        ("source", "<a href='https://evil.invalid'>x</a>"),
        ("year", "<iframe>"),
    ],
)
def test_data_text_is_escaped(field, payload):
    page = indicator_table_html(pd.DataFrame([_row(**{field: payload})]), "<i>cap</i>", "fr")
    tags = set(re.findall(r"<([a-z]+)", page))
    assert tags <= {"style", "table", "caption", "thead", "tbody", "tr", "th", "td", "small", "a"}
    shown = html_table(page)
    text = " ".join(shown.iloc[0].astype(str)) + " " + html.unescape(page)
    assert payload in text  # shown as typed (or in the link's title), never as markup


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "//evil.invalid/x", "ftp://x.fr"]
)
def test_only_http_urls_become_links(url):
    page = indicator_table_html(pd.DataFrame([_row(source_url=url)]), "x", "fr")
    assert "<a " not in page
    assert html_table(page)["Indicateur ·href"][0] == ""


def test_every_shipped_indicator_of_a_region_is_drawn():
    """Occitanie's santé indicators, from the shipped data: one row each, in their order."""
    data = load_indicator_data()
    rows = domain_indicators(data, "2016", "76", "sante", "fr")
    table = html_table(indicator_table_html(rows, "x", "fr"))
    assert len(table) == len(rows) > 0
    pairs = zip(rows["label"], rows["core"], strict=True)
    expected = [f"{label} ★" if core else label for label, core in pairs]
    assert list(table["Indicateur"]) == expected
