"""Choropleth: regions coloured by a value, and what the browser map needs to draw them.

Compute, then draw: :func:`colour_regions` puts the value, its label, its class and its colour
into columns; :func:`region_styles` only reads them. The contours go to the browser once per
level (:func:`region_geometry`); a layer switch only sends the styles.
"""

import json

import geopandas as gpd
import pandas as pd

from i18n import DEFAULT_LANG
from layers.render.classify import HEX_COLOUR, NO_DATA_COLOUR, Classification, classify
from layers.render.formatting import decimals_for, format_value

#: How regions are drawn in the browser (static/atlas/atlas.js reads these names).
REGION_STYLE = {
    "fill_opacity": 0.85,
    "line": "#ffffff",
    "weight": 1.0,
    "hover": "#333333",
    "hover_weight": 3.0,
    "selected": "#000000",
    "selected_weight": 3.5,
    "no_data": NO_DATA_COLOUR,
}


def colour_regions(
    regions: gpd.GeoDataFrame,
    values: pd.Series,
    *,
    scheme: str = "quantiles",
    k: int = 5,
    breaks: list[float] | None = None,
    diverging_centre: float | None = None,
    reverse: bool = False,
    unit: str = "",
    decimals: int | None = None,
    approximate: pd.Series | None = None,
    lang: str = DEFAULT_LANG,
) -> tuple[gpd.GeoDataFrame, Classification]:
    """Join ``values`` (indexed by region code) to ``regions`` and classify them.

    Returns a copy of ``regions`` with columns ``value`` (NaN = no data), ``value_label``
    (``decimals`` places, chosen from the values' magnitude when None; "≈" before the regions
    that ``approximate``, a boolean Series by region code, flags), ``klass`` and ``colour``,
    and the :class:`Classification` (for the legend). Codes of ``values`` that are not
    regions of this level are ignored.
    """
    out = regions.copy()
    out["value"] = out["code"].map(values).astype(float)
    result = classify(
        out["value"], scheme, k, breaks, diverging_centre=diverging_centre, reverse=reverse
    )
    decimals = decimals_for(out["value"]) if decimals is None else decimals
    flags = out["code"].map(approximate).fillna(False) if approximate is not None else None
    suffix = f" {unit}" if unit else ""
    out["value_label"] = [
        format_value(v, decimals, bool(flags.iloc[i]) if flags is not None else False, lang)
        + (suffix if pd.notna(v) else "")
        for i, v in enumerate(out["value"])
    ]
    out["klass"] = result.classes
    out["colour"] = result.colour_of()
    return out, result


def region_geometry(regions: gpd.GeoDataFrame) -> dict:
    """The contours of a level as GeoJSON for the browser map, sent once per level.

    Properties: ``code`` and ``nom`` only (raw text: the browser writes them with
    ``textContent``, never as HTML). Colours and labels travel separately
    (:func:`region_styles`), so that a layer switch does not re-send the geometry.
    """
    frame = gpd.GeoDataFrame(
        {"code": regions["code"].astype(str), "nom": regions["nom"].astype(str)},
        geometry=regions.geometry.values,
        crs=regions.crs,
    )
    return json.loads(frame.to_json(drop_id=True))


def region_styles(coloured: gpd.GeoDataFrame) -> dict[str, list[str]]:
    """``code -> [colour, value label]`` for the browser map (a few hundred bytes).

    ``coloured`` comes from :func:`colour_regions`. Colours are checked to be ``#rrggbb``: they
    end up in the page's style attributes.
    """
    bad = sorted({c for c in coloured["colour"] if not HEX_COLOUR.fullmatch(str(c))})
    if bad:
        raise ValueError(f"Expected #rrggbb colours, got {bad[:3]}")
    return {
        str(code): [colour, label]
        for code, colour, label in zip(
            coloured["code"], coloured["colour"], coloured["value_label"], strict=True
        )
    }
