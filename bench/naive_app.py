"""The obvious folium/geopandas app, as a baseline for bench_rerun (not part of the product).

Every rerun: read full-resolution contours, reload the indicator tables, compute the index,
build a folium Choropleth and send the whole map (no cache, no feature group, all returned
objects). Full-resolution contours come from ``python -m bench.prepare_full_contours``.
"""

import sys
from pathlib import Path

import folium
import geopandas as gpd
import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script by streamlit

from bench.folium_offline import offline
from bench.prepare_full_contours import full_contour_path
from layers.indicators.bundle import load_indicator_data
from layers.indicators.indices import index_table

level = st.sidebar.radio("Niveau", ["2016", "pre2016"], key="level")
domain = st.sidebar.selectbox(
    "Couche", ["emploi", "sante", "pauvrete", "logement", "education"], key="layer"
)
regions = gpd.read_file(full_contour_path(level))
table = index_table(load_indicator_data(), level, domain=domain)
# Offline like ours (local Leaflet, no tiles, no legend scripts from a CDN): the differences
# measured are the contours, the caching and the way the map is sent.
fmap = offline(folium.Map(location=[46.6, 2.4], zoom_start=6, tiles=None))
folium.Choropleth(
    geo_data=regions.to_json(),
    data=table,
    columns=["region_code", "index"],
    key_on="feature.properties.code",
    fill_color="RdBu",
    legend=False,
).add_to(fmap)
st_folium(fmap, height=600)
