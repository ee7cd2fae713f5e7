"""Around the map: its legend (light HTML, values written next to colours) and the marker key."""

import html
from dataclasses import dataclass

import geopandas as gpd
import streamlit as st

from layers.measures import LayerValues
from layers.render.classify import Classification
from layers.render.formatting import decimals_for
from layers.render.legend import legend_html
from layers.render.markers import marker_legend
from ui.text import md_escape


@dataclass(frozen=True)
class Legend:
    """The current layer's legend: HTML table, caption (years, sources), whether it is empty."""

    html: str
    caption: str
    empty: bool


def legend_for(
    classification: Classification, values: LayerValues, coloured: gpd.GeoDataFrame
) -> Legend:
    """The legend of the current layer (classes with their colour and count of units)."""
    entries = classification.legend(decimals_for(coloured["value"]))
    return Legend(legend_html(values.title, values.unit, entries), values.caption, not entries)


def show_legend(legend: Legend) -> None:
    """Legend below the map; a layer with no value at this level says so."""
    st.html(legend.html)
    if legend.empty:
        st.info("Pas de donnée pour cette couche à ce niveau.")
    st.caption(md_escape(legend.caption))


def show_marker_legend() -> None:
    """Catalyser marker legend: fixed SVG swatches drawn by code (no data text in this HTML)."""
    items = "".join(
        f'<span style="margin-right:1em;white-space:nowrap">{swatch} {html.escape(label)}</span>'
        for swatch, label in marker_legend()
    )
    # st.markdown, not st.html: st.html's sanitiser drops the inline SVG swatches.
    st.markdown(f'<div style="font-size:0.85em">{items}</div>', unsafe_allow_html=True)
