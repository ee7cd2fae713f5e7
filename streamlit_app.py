"""Atlas des fragilités territoriales — Streamlit entry point."""

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.shapes import read_layer, to_geojson
from layers.assets import install_static_assets, offline


@st.cache_resource
def regions_geojson(level: str) -> dict:
    return to_geojson(read_layer(level))


install_static_assets()
st.set_page_config(page_title="Atlas des fragilités territoriales", layout="wide")
st.title("Atlas des fragilités territoriales")
fmap = offline(folium.Map(location=[46.6, 2.4], zoom_start=6, tiles=None))
folium.GeoJson(
    regions_geojson("2016"),
    tooltip=folium.GeoJsonTooltip(fields=["nom"], aliases=["Région"]),
    style_function=lambda _: {"fillColor": "#9ecae1", "color": "#08519c", "weight": 1},
).add_to(fmap)
st_folium(fmap, key="map", height=600, use_container_width=True, returned_objects=[])
