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


def show_legend(legend: Legend, markers: bool = False) -> None:
    """Below the map, in one light element: the legend, its caption, the map in one sentence
    and (``markers``) the catalyser marker key; a layer with no value says so.

    One element, not four: a click redraws every element of the map's fragment, and each one
    costs the browser (docs/benchmarks.md, "Instant map").
    """
    if legend.empty:
        st.info(t("legend.no_layer_data", legend.lang))
    st.html(legend_block_html(legend, markers))


#: A caption's look (Streamlit's captions: smaller, greyer; 4.5:1 contrast kept on white).
_CAPTION_STYLE = "font-size:0.875rem;opacity:0.8;margin:0.3rem 0"


def legend_block_html(legend: Legend, markers: bool = False) -> str:
    """The HTML of :func:`show_legend` (every text escaped; the swatches hold no data)."""
    parts = [legend.html, f'<p style="{_CAPTION_STYLE}">{html.escape(legend.caption)}</p>']
    if legend.description:
        # The text alternative of the map, visible to all (RGAA 1.3: a complex image has a
        # detailed description next to it); the data tab's table holds every value.
        hint = t("alt.table_hint", legend.lang)
        parts.append(f"<p>{html.escape(legend.description)} {html.escape(hint)}</p>")
    if markers:
        items = "".join(
            f'<span style="display:inline-block;margin-right:1em">{swatch} '
            f"{html.escape(label)}</span>"
            for swatch, label in marker_legend(legend.lang)
        )
        parts.append(f'<div style="font-size:0.85em">{items}</div>')
    return "".join(parts)
