"""The data the browser map and summary receive: small per click, keyed by content."""

import json

import pytest

from layers.render.choropleth import REGION_STYLE
from layers.render.map_payload import (
    DETAIL_PREFIX,
    FOCUS_ZOOM,
    Markers,
    detail_key,
    map_payload,
    summary_payload,
)

STYLES = {"32": ["#ff0000", "120,0"], "11": ["#0000ff", "80,0"]}


def payload(**kwargs):
    base = {"level": "2016", "geometry_url": "/g.json", "styles": STYLES, "value_title": "T"}
    return map_payload(**{**base, **kwargs})


def test_the_map_payload_is_small_and_json():
    data = payload(
        selected="32",
        seq=4,
        markers=Markers("/m.json", list(range(200)), [3, 4]),
        circle={"lat": 50.0, "lon": 3.0, "radius_m": 30000.0, "label": "x", "colour": "#333"},
        focus={"lat": 50.0, "lon": 3.0, "key": "59512"},
    )
    text = json.dumps(data)
    assert len(text.encode()) < 3000  # no geometry, no summary: a few KB per click
    assert data["selected"] == "32" and data["seq"] == 4
    assert data["focus"]["zoom"] == FOCUS_ZOOM
    assert data["markers"]["highlight"] == [3, 4] and data["style"] == REGION_STYLE


def test_no_selection_no_markers():
    data = payload()
    assert data["selected"] == "" and data["markers"] is None and data["circle"] is None


def test_a_selection_must_be_a_region_of_the_level():
    with pytest.raises(ValueError, match="Selected region '99'"):
        payload(selected="99")


def test_summary_key_follows_the_content():
    first = summary_payload("2016", {"32": "<h2>A</h2>"})
    assert summary_payload("2016", {"32": "<h2>A</h2>"})["key"] == first["key"]
    assert summary_payload("2016", {"32": "<h2>B</h2>"})["key"] != first["key"]  # an import
    assert summary_payload("pre2016", {"32": "<h2>A</h2>"})["key"] != first["key"]
    assert first["detail_prefix"] == DETAIL_PREFIX


def test_detail_key_names_level_and_region():
    assert detail_key("pre2016", "31") == "atlas_detail_pre2016_31"
