import folium
import pandas as pd
import pytest
import streamlit_folium

from geo.shapes import read_layer
from layers.render.choropleth import choropleth_features, choropleth_layer, colour_regions
from ui import folium_cache


def build():
    regions = read_layer("2016")
    coloured, _ = colour_regions(
        regions, pd.Series(regions["area_km2"].to_numpy(), index=regions["code"])
    )
    return choropleth_layer(choropleth_features(coloured), "Superficie")


def test_cached_text_equals_a_fresh_rendering():
    folium_cache.install()
    key = ("test-regions", 1)
    first = folium_cache.keyed_groups([(key, build)])[0]
    text = streamlit_folium._get_feature_group_string(first, map=folium.Map(), idx=0)
    fresh = folium_cache._original(build(), map=folium.Map(), idx=0)
    assert text == fresh
    calls = []
    second = folium_cache.keyed_groups([(key, lambda: calls.append(1) or build())])[0]
    assert calls == [] and not second._children  # stand-in, not rebuilt
    assert streamlit_folium._get_feature_group_string(second, map=folium.Map(), idx=0) == text


def test_groups_without_key_are_rendered_as_usual():
    group = build()
    assert folium_cache._feature_group_string(
        group, map=folium.Map(), idx=0
    ) == folium_cache._original(build(), map=folium.Map(), idx=0)


def test_a_stand_in_without_cached_text_is_an_error():
    stand_in = folium.FeatureGroup()
    stand_in._atlas_key = ("never-built",)
    with pytest.raises(LookupError, match="never-built"):
        folium_cache._feature_group_string(stand_in, map=folium.Map(), idx=3)
