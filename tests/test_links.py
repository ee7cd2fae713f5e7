"""Only an absolute http(s) URL with a host becomes a link, in popups and in the app's tables."""

import numpy as np
import pandas as pd
import pytest

from layers.render.links import is_http_url
from layers.render.markers import safe_link
from ui.catalysers_panel import results_table


@pytest.mark.parametrize(
    "url",
    ["http://insee.fr", "https://www.insee.fr/fr/statistiques?x=1#a", " HTTPS://Example.org "],
)
def test_http_urls_with_a_host_are_links(url):
    assert is_http_url(url)
    assert safe_link(url).startswith("<a href=")


@pytest.mark.parametrize(
    "value",
    [
        None,
        np.nan,
        "",
        "httpfoo",
        "httpfoo://example.org",
        "http://",
        "https:///path",
        "http:example.org",
        "javascript:alert(1)",
        "ftp://example.org",
        "//example.org",
        "www.example.org",
        "http://[::1",
    ],
)
def test_anything_else_is_text(value):
    assert not is_http_url(value)
    assert "<a" not in safe_link(value)


def test_the_catalysers_table_links_only_http_urls():
    rows = pd.DataFrame(
        {
            "name": ["A", "B"],
            "commune": ["Lille", "Lens"],
            "precision": ["commune", "commune"],
            "departement": ["59", "62"],
            "distance_km": [1.0, 2.0],
            "metiers": ["", ""],
            "confidence": ["A", "B"],
            "family": ["", ""],
            "website": ["https://a.example", "httpfoo.example"],
            "source_url": ["https://src.example/x autre", "voir note"],
        }
    )
    table = results_table(rows)
    assert table["Site"].iloc[0] == "https://a.example" and pd.isna(table["Site"].iloc[1])
    assert table["Source"].iloc[0] == "https://src.example/x" and pd.isna(table["Source"].iloc[1])
