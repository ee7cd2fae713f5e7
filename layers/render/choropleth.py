"""Choropleth layer: regions coloured by a value, as a folium FeatureGroup.

Compute, then draw: :func:`colour_regions` puts the value, its label, its class and its colour
into columns; :func:`choropleth_layer` only reads them. All text put into the map is
HTML-escaped here, whatever its origin.
"""

import html

import folium
import geopandas as gpd
import pandas as pd

from layers.render.classify import Classification, classify
from layers.render.formatting import decimals_for, format_value

SELECTED_COLOUR = "#000000"


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
        format_value(v, decimals, bool(flags.iloc[i]) if flags is not None else False)
        + (suffix if pd.notna(v) else "")
        for i, v in enumerate(out["value"])
    ]
    out["klass"] = result.classes
    out["colour"] = result.colour_of()
    return out, result


def choropleth_features(coloured: gpd.GeoDataFrame) -> str:
    """GeoJSON text of the coloured regions with only what the browser needs.

    Properties: ``code``, ``nom``, ``value_label`` (HTML-escaped) and ``colour``.
    Worth caching: building the layer from this text is cheap, serialising geometries is not.
    """
    props = pd.DataFrame(
        {
            "code": coloured["code"].map(html.escape),
            "nom": coloured["nom"].map(html.escape),
            "value_label": coloured["value_label"].map(html.escape),
            "colour": coloured["colour"],
        }
    )
    features = gpd.GeoDataFrame(props, geometry=coloured.geometry.values, crs=coloured.crs)
    return features.to_json(drop_id=True)


def choropleth_layer(
    features_geojson: str, value_title: str, name: str = "Fragilités"
) -> folium.FeatureGroup:
    """A FeatureGroup with one GeoJson of the coloured regions, tooltips and a selection outline.

    ``features_geojson`` comes from :func:`choropleth_features`. A new group is needed at each
    draw: streamlit-folium attaches the group to the map and renders it, which mutates it.
    """
    group = folium.FeatureGroup(name=name)
    folium.GeoJson(
        features_geojson,
        name=name,
        style_function=_style,
        highlight_function=lambda _: {"weight": 3, "color": "#333333"},
        tooltip=folium.GeoJsonTooltip(
            fields=["nom", "value_label"],
            aliases=["Région", html.escape(value_title)],
            labels=True,
            sticky=False,
        ),
        zoom_on_click=False,
    ).add_to(group)
    return group


def _style(feature: dict) -> dict:
    return {
        "fillColor": feature["properties"]["colour"],
        "fillOpacity": 0.85,
        "color": "#ffffff",
        "weight": 1.0,
    }


def selection_layer(regions: gpd.GeoDataFrame, code: str) -> folium.FeatureGroup:
    """The selected region's outline, drawn over the choropleth and not clickable.

    A layer of its own, so that selecting a region does not rebuild the coloured layer.
    """
    group = folium.FeatureGroup(name="Région sélectionnée")
    outline = regions.loc[regions["code"] == code, ["code", "geometry"]]
    folium.GeoJson(
        outline.to_json(drop_id=True),
        style_function=lambda _: {"color": SELECTED_COLOUR, "weight": 3.5, "fill": False},
        interactive=False,
    ).add_to(group)
    return group
