"""Streamlit alone: the floor under any Streamlit app's first paint, and under any map a
custom component draws.

The page has a title and one custom component (``st.components.v2``, styles isolated in a
shadow root, as the atlas's map) whose code draws one SVG path of the class Leaflet gives
region polygons. ``bench/bench_browser.py`` and ``bench/paint_breakdown.py`` serve it beside
the atlas (same Streamlit, same configuration, same browser) and time its title (Streamlit
alone) and its path (Streamlit and a component's code: a component's element is drawn only
once Streamlit has loaded the code of its kind, after the page's first elements) as they time
the atlas's first region polygon: what no app can go below.
"""

import streamlit as st

_DRAW = """
export default function ({ parentElement }) {
  if (parentElement.querySelector("svg")) return;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", "40");
  svg.setAttribute("height", "40");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("class", "leaflet-interactive");
  path.setAttribute("d", "M4 4 L36 4 L20 36 Z");
  svg.appendChild(path);
  parentElement.appendChild(svg);
}
"""
_shape = st.components.v2.component("floor_shape", js=_DRAW, isolate_styles=True)

st.set_page_config(page_title="Atlas", layout="wide")
st.title("Atlas des fragilités territoriales")
_shape(key="floor_shape")
