"""The catalyser map layer: escaping, links, marker styles, clustering offline, radius."""

import re

import folium
import numpy as np
import pandas as pd
import pytest

from layers.render.markers import (
    CONFIDENCE_COLOURS,
    FAMILY_COLOUR,
    catalyser_layer,
    marker_legend,
    marker_styles,
    popup_html,
    radius_layer,
    safe_link,
)
from layers.render.offline import local_url, offline

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


def render(*groups) -> str:
    fmap = folium.Map(tiles=None)
    for group in groups:
        group.add_to(fmap)
    return fmap.get_root().render()


def test_names_and_descriptions_are_shown_as_text_not_html():
    page = render(catalyser_layer(directory()))
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert XSS not in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page and "<script>alert(4)" not in page


def test_popups_are_json_strings_not_template_literals():
    page = render(catalyser_layer(directory()))
    assert ".bindPopup(`" not in page and ".bindTooltip(`" not in page
    assert re.search(r'\.bindPopup\("<div class=\\"catalyseur\\">', page)
    assert "Beta ${alert(2)} `tick`" in page  # inert inside a double-quoted JS string


def test_only_http_urls_become_links_and_they_are_escaped():
    page = render(catalyser_layer(directory()))
    assert 'href=\\"javascript:' not in page
    assert "javascript:alert(3)" in page  # shown as text
    assert (
        'href=\\"https://ex.org/?a=1&amp;b=&lt;x&gt;\\" target=\\"_blank\\" rel=\\"noopener\\"'
        in page
    )


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
    page = render(catalyser_layer(directory()))
    assert page.count("L.circleMarker(") == 3


def test_highlighted_rows_get_their_own_tight_cluster():
    assert render(catalyser_layer(directory())).count("L.markerClusterGroup(") == 1
    page = render(catalyser_layer(directory(), highlight={"Gamma"}))
    assert page.count("L.markerClusterGroup(") == 2
    assert '"maxClusterRadius": 12' in page


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


def test_layer_does_not_modify_its_input():
    table = directory()
    before = table.copy()
    catalyser_layer(table, highlight={XSS})
    pd.testing.assert_frame_equal(table, before)


def test_layer_is_a_feature_group_shown_by_default():
    group = catalyser_layer(directory(), name="Catalyseurs")
    assert isinstance(group, folium.FeatureGroup)
    assert group.layer_name == "Catalyseurs" and group.show


def test_no_cdn_in_a_map_using_the_layers():
    fmap = offline(folium.Map(tiles=None))
    catalyser_layer(directory(), highlight={"Gamma"}).add_to(fmap)
    radius_layer(50.69, 3.17, 30, "Roubaix").add_to(fmap)
    page = fmap.get_root().render()
    for cdn in ("cdnjs", "jsdelivr", "unpkg"):
        assert cdn not in page
    assert local_url("markerclusterjs") in page and local_url("markerclustercss") in page


def test_radius_layer_draws_the_circle_in_metres_and_escapes_the_label():
    page = render(radius_layer(50.69, 3.17, 30, "<b>Roubaix</b>"))
    assert '"radius": 30000' in page
    assert "&lt;b&gt;Roubaix&lt;/b&gt; – rayon 30 km" in page and "<b>Roubaix</b>" not in page


@pytest.mark.parametrize(
    ("lat", "lon", "radius", "message"),
    [(95, 3, 30, "lat in"), (50, 3, 0, "radius_km"), (50, 3, float("nan"), "radius_km")],
)
def test_radius_layer_refuses_bad_input(lat, lon, radius, message):
    with pytest.raises(ValueError, match=message):
        radius_layer(lat, lon, radius, "x")


def test_legend_has_one_swatch_per_marker_style():
    legend = marker_legend()
    labels = [label for _, label in legend]
    assert labels[:2] == ["A – Catalyseur reconnu", "B – Catalyseur probable"]
    assert labels[2].startswith("C – Pôle de coopération (PTCE")
    assert labels[3].startswith("C – Alliance locale, pas un catalyseur")
    assert FAMILY_COLOUR in legend[3][0]
    assert any("préfecture" in label for label in labels)
    assert all(swatch.startswith("<svg") for swatch, _ in legend)
    assert 'stroke-dasharray="4 3"' in legend[4][0]


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


def test_an_uncertain_commune_is_flagged_in_the_place():
    row = directory().iloc[0].copy()
    row["note"] = "Commune déduite des membres. UNCERTAIN."
    assert "Lille (59) – commune incertaine" in popup_html(row)
