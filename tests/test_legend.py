"""The map legend as HTML: values next to colours, escaped text, checked colours."""

import pytest

from layers.render.legend import legend_html


def test_each_class_has_its_colour_label_and_count():
    page = legend_html(
        "Indice", "base 100", [("#fee5d9", "90,0 – 100,0", 4), ("#bdbdbd", "pas de donnée", 1)]
    )
    assert "<strong>Indice</strong> (base 100)" in page
    assert page.count("<tr>") == 3  # header + 2 classes
    assert "background:#fee5d9" in page and "90,0 – 100,0" in page
    assert "<td>pas de donnée</td>" in page and '<td style="text-align:right">1</td>' in page


def test_text_is_escaped():
    page = legend_html("<img src=x onerror=alert(1)>", "<b>u</b>", [("#000000", "<i>x</i>", 1)])
    assert "<img" not in page and "<b>u" not in page and "<i>x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;i&gt;x&lt;/i&gt;" in page


@pytest.mark.parametrize("colour", ["red", "#fff", "#000000;background:url(x)", ""])
def test_colours_must_be_hex(colour):
    with pytest.raises(ValueError, match="#rrggbb"):
        legend_html("t", "", [(colour, "a", 1)])


def test_no_class_gives_the_title_only():
    page = legend_html("Titre", "", [])
    assert "<table" not in page and "<strong>Titre</strong>" in page


def test_the_block_below_the_map_escapes_its_texts_and_keys_the_markers():
    from ui.map_panel import Legend, legend_block_html

    legend = Legend(
        legend_html("Titre", "", [("#ff0000", "1 à 2", 3)]),
        caption="Source <img src=x onerror=alert(1)>",
        empty=False,
        description="Carte : <b>Corse</b> la plus fragile.",
        lang="en",
    )
    block = legend_block_html(legend, markers=True)
    assert "<img" not in block and "<b>" not in block
    assert "Source &lt;img src=x onerror=alert(1)&gt;" in block
    assert "Carte : &lt;b&gt;Corse&lt;/b&gt; la plus fragile." in block
    assert "A – Recognised catalyser" in block  # the marker key, in English
    assert "<svg" not in block  # the page's sanitiser drops SVG: CSS swatches
    assert "A – " not in legend_block_html(legend, markers=False)
