"""The catalyser markers' data: escaping, links, marker styles, ids shown and lit, radius."""

import json

import numpy as np
import pandas as pd
import pytest

from layers.render.markers import (
    CONFIDENCE_COLOURS,
    FAMILY_COLOUR,
    HIGHLIGHT_STYLE,
    marker_ids,
    marker_legend,
    marker_rows,
    marker_styles,
    popup_html,
    safe_link,
    search_circle,
)

XSS = "<img src=x onerror=alert(1)>"


def directory() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": [XSS, "Beta ${alert(2)} `tick`", "Gamma", "National"],
            "commune": ["Lille", "Roubaix", "", ""],
            "departement": ["59", "59", "62", ""],
            "lat": [50.63194, 50.69121, 50.29301, np.nan],
            "lon": [3.0575, 3.17404, 2.78086, np.nan],
            "precision": ["commune", "commune", "departement", "national"],
            "metiers": ["dialogue_territorial;gestion_lieu", "", "accompagnements", ""],
            "kind": ["association", "tiers_lieu", "fondation", "reseau"],
            "confidence": ["A", "C", "B", "A"],
            "website": ["javascript:alert(3)", "https://ex.org/?a=1&b=<x>", "", ""],
            "description": ["<script>alert(4)</script>", "", "", ""],
            "source_url": ["https://a.org/1 ; seed list", "http://b.org/2", "https://c.org", "x"],
        }
    )


def rows_text() -> str:
    """The records as the browser receives them (JSON text)."""
    return json.dumps(marker_rows(directory()), ensure_ascii=False)


def test_names_and_descriptions_are_shown_as_text_not_html():
    text = rows_text()
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert XSS not in text
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in text and "<script>alert(4)" not in text


def test_template_literal_syntax_is_inert_data():
    rows = marker_rows(directory())
    assert "Beta ${alert(2)} `tick`" in rows[1]["tip"]  # plain text in a JSON string


def test_only_http_urls_become_links_and_they_are_escaped():
    popup = marker_rows(directory())[1]["popup"]
    first = marker_rows(directory())[0]["popup"]
    assert 'href="javascript:' not in first
    assert "javascript:alert(3)" in first  # shown as text
    assert 'href="https://ex.org/?a=1&amp;b=&lt;x&gt;" target="_blank" rel="noopener"' in popup


def test_popup_lists_name_place_metiers_kind_and_links():
    row = directory().iloc[0]
    text = popup_html(row)
    for expected in (
        "Lille (59)",
        "Dialogue territorial, Gestion d&#x27;un lieu",
        "Association",
        "A – Catalyseur reconnu",
        ">a.org</a>",
        "seed list",
    ):
        assert expected in text
    dept = popup_html(directory().iloc[2])
    assert "Département 62 (commune inconnue : placé à la préfecture)" in dept
    assert "Métiers : Accompagnements" in dept


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.org/p", '<a href="https://x.org/p" target="_blank" rel="noopener">x.org</a>'),
        ("HTTP://X.ORG", '<a href="HTTP://X.ORG" target="_blank" rel="noopener">X.ORG</a>'),
        (
            'https://x.org/"><b>',
            '<a href="https://x.org/&quot;&gt;&lt;b&gt;" target="_blank" rel="noopener">x.org</a>',
        ),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("data:text/html,<b>", "data:text/html,&lt;b&gt;"),
        ("", ""),
        (np.nan, ""),
    ],
)
def test_safe_link(url, expected):
    assert safe_link(url) == expected


def test_national_rows_are_not_drawn():
    rows = marker_rows(directory())
    assert len(rows) == 3
    assert [r["lat"] for r in rows] == [50.63194, 50.69121, 50.29301]


def test_rows_carry_the_plain_style_of_each_marker():
    rows = marker_rows(directory())
    styles = marker_styles(directory())
    assert [r["fill"] for r in rows] == styles["fill_colour"].tolist()
    assert rows[2]["dash"] == "4 3" and rows[0]["dash"] == ""
    assert rows[0]["r"] < rows[2]["r"]


def test_ids_of_shown_and_highlighted_rows():
    table = directory()
    assert marker_ids(table, table) == (None, [])  # everything shown: nothing to send
    shown = table[table["confidence"] != "C"]
    visible, lit = marker_ids(table, shown, highlight={"Gamma", "National"})
    assert visible == [0, 2] and lit == [2]  # ids are positions among placed rows
    assert marker_ids(table, table.iloc[0:0]) == ([], [])


def test_highlight_style_is_what_marker_styles_applies():
    lit = marker_styles(directory(), highlight={"Gamma"}).loc[2]
    plain = marker_styles(directory()).loc[2]
    assert lit["colour"] == HIGHLIGHT_STYLE["line"]
    assert lit["radius"] == plain["radius"] + HIGHLIGHT_STYLE["extra_radius"]
    assert lit["weight"] == HIGHLIGHT_STYLE["weight"]


def test_styles_by_confidence_precision_and_highlight():
    styles = marker_styles(directory(), highlight={"Gamma"})
    assert styles.index.tolist() == [0, 1, 2]  # national row left out
    assert styles["fill_colour"].tolist() == [
        CONFIDENCE_COLOURS["A"],
        CONFIDENCE_COLOURS["C"],
        CONFIDENCE_COLOURS["B"],
    ]
    commune, departement = styles.loc[0], styles.loc[2]
    assert commune["dash_array"] == "" and commune["fill_opacity"] > 0.5
    assert departement["dash_array"] != "" and departement["fill_opacity"] < 0.5
    assert departement["highlighted"] and not commune["highlighted"]
    assert departement["colour"] == "#000000"
    assert departement["radius"] > marker_styles(directory()).loc[2, "radius"]
    assert len(set(CONFIDENCE_COLOURS.values())) == 3


def test_unknown_confidence_is_refused():
    table = directory().assign(confidence=["A", "Z", "B", "A"])
    with pytest.raises(ValueError, match=r"Unknown confidence value\(s\) \['Z'\]"):
        marker_styles(table)


def test_rows_do_not_modify_their_input():
    table = directory()
    before = table.copy()
    marker_rows(table)
    marker_ids(table, table, highlight={XSS})
    pd.testing.assert_frame_equal(table, before)


def test_search_circle_is_in_metres_with_its_label_as_plain_text():
    circle = search_circle(50.69, 3.17, 30, "<b>Roubaix</b>")
    assert circle["radius_m"] == 30000
    assert circle["label"] == "<b>Roubaix</b> – rayon 30 km"  # the browser writes it as text


@pytest.mark.parametrize(
    ("lat", "lon", "radius", "message"),
    [(95, 3, 30, "lat in"), (50, 3, 0, "radius_km"), (50, 3, float("nan"), "radius_km")],
)
def test_search_circle_refuses_bad_input(lat, lon, radius, message):
    with pytest.raises(ValueError, match=message):
        search_circle(lat, lon, radius, "x")


def test_legend_has_one_swatch_per_marker_style():
    legend = marker_legend()
    labels = [label for _, label in legend]
    assert labels[:2] == ["A – Catalyseur reconnu", "B – Catalyseur probable"]
    assert labels[2].startswith("C – Pôle de coopération (PTCE")
    assert labels[3].startswith("C – Alliance locale, pas un catalyseur")
    red, green, blue = (int(FAMILY_COLOUR[i : i + 2], 16) for i in (1, 3, 5))
    assert f"background:rgba({red},{green},{blue}," in legend[3][0]
    assert any("préfecture" in label for label in labels)
    assert all(swatch.startswith('<span aria-hidden="true"') for swatch, _ in legend)
    assert "px dashed #666666" in legend[4][0]  # the département-level marker's dashed line


def test_local_alliances_have_their_own_colour_and_say_what_they_are():
    table = directory().assign(family=["", "tzcld", "", ""])
    styles = marker_styles(table)
    assert styles["fill_colour"].tolist() == [
        CONFIDENCE_COLOURS["A"],
        FAMILY_COLOUR,
        CONFIDENCE_COLOURS["B"],
    ]
    assert FAMILY_COLOUR not in CONFIDENCE_COLOURS.values()
    text = popup_html(table.iloc[1])
    assert "C – Territoire zéro chômeur de longue durée" in text
    assert "non qualifiée de catalyseur" in text
    assert "non qualifiée" not in popup_html(table.iloc[0])
    assert marker_rows(table)[1]["fill"] == FAMILY_COLOUR


def test_an_uncertain_commune_is_flagged_in_the_place():
    row = directory().iloc[0].copy()
    row["note"] = "Commune déduite des membres. UNCERTAIN."
    assert "Lille (59) – commune incertaine" in popup_html(row)


def test_markers_speak_english_and_stay_escaped():
    rows = marker_rows(directory(), "en")
    popup, tip = rows[0]["popup"], rows[2]["tip"]
    assert "Roles: Territorial dialogue, Running a venue" in popup
    assert "Kind: Association" in popup and "Confidence: A – Recognised catalyser" in popup
    assert "Website: javascript:alert(3)" in popup  # not a link, and no French left
    assert "Source: <a href=" in popup and "Métiers" not in popup
    assert "&lt;img" in popup and "<img" not in popup
    assert "(commune unknown: placed at the prefecture)" in tip
    assert "radius 30 km" in search_circle(50.6, 3.0, 30, "Lille", "en")["label"]
    labels = [label for _, label in marker_legend("en")]
    assert labels[0] == "A – Recognised catalyser" and labels[-1].startswith("Commune searched")
