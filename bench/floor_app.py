"""Streamlit alone: a page with one title, the floor under any Streamlit app's first paint.

``bench/bench_browser.py`` serves it beside the atlas (same Streamlit, same configuration, same
browser) and times its title as it times the atlas's first polygon: what no app can go below.
"""

import streamlit as st

st.set_page_config(page_title="Atlas", layout="wide")
st.title("Atlas des fragilités territoriales")
