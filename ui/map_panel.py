"""Around the map: its legend (light HTML, values written next to colours), its text
alternative and the marker key."""

import html
from dataclasses import dataclass

import geopandas as gpd
import streamlit as st

from i18n import DEFAULT_LANG, t
from layers.measures import LayerValues
from layers.render.alt_text import map_description
from layers.render.classify import Classification
from layers.render.formatting import decimals_for
from layers.render.legend import legend_html
from layers.render.markers import marker_legend
from ui.text import md_escape


@dataclass(frozen=True)
class Legend:
    """The current layer's legend: HTML table, caption (years, sources), whether it is empty,
    and the map in one sentence (its text alternative)."""

    html: str
    caption: str
    empty: bool
    description: str = ""
    lang: str = DEFAULT_LANG


def legend_for(
    classification: Classification,
    values: LayerValues,
    coloured: gpd.GeoDataFrame,
    level: str,
    measure: str = "objectif",
    lang: str = DEFAULT_LANG,
) -> Legend:
    """The legend of the current layer (classes with their colour and region count) and the
    sentence that describes the map, in ``lang``."""
    entries = classification.legend(decimals_for(coloured["value"]), lang)
    return Legend(
        legend_html(values.title, values.unit, entries, lang=lang),
        values.caption,
        not entries,
        layer_description(coloured, values, level, measure, lang),
        lang,
    )


def layer_description(
    coloured: gpd.GeoDataFrame,
    values: LayerValues,
    level: str,
    measure: str = "objectif",
    lang: str = DEFAULT_LANG,
) -> str:
    """The sentence that describes the map (its text alternative), for the legend and exports."""
    return map_description(
        coloured,
        values.title,
        level,
        direction=values.direction,
        measure=measure,
        decimals=values.decimals,
        lang=lang,
    )


def show_legend(legend: Legend) -> None:
    """Legend below the map, then the map in one sentence; a layer with no value says so."""
    st.html(legend.html)
    if legend.empty:
        st.info(t("legend.no_layer_data", legend.lang))
    st.caption(md_escape(legend.caption))
    if legend.description:
        # The text alternative of the map, visible to all (RGAA 1.3: a complex image has a
        # detailed description next to it); the data tab's table holds every value.
        st.markdown(
            md_escape(legend.description) + " " + md_escape(t("alt.table_hint", legend.lang))
        )


def show_marker_legend(lang: str = DEFAULT_LANG) -> None:
    """Catalyser marker legend: fixed SVG swatches drawn by code (no data text in this HTML)."""
    items = "".join(
        f'<span style="display:inline-block;margin-right:1em">{swatch} {html.escape(label)}</span>'
        for swatch, label in marker_legend(lang)
    )
    # st.markdown, not st.html: st.html's sanitiser drops the inline SVG swatches.
    st.markdown(f'<div style="font-size:0.85em">{items}</div>', unsafe_allow_html=True)
