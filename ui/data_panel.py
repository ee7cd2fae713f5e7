"""The data view of the current layer: one row per region, with CSV download."""

from datetime import date

import folium
import pandas as pd
import streamlit as st

from layers.measures import LayerValues
from layers.render.basemap import light_geojson
from layers.render.choropleth import choropleth_layer
from layers.render.exports import (
    layer_geopackage,
    layer_shapefile_zip,
    map_png,
    standalone_map_html,
)
from layers.upload.dialect import french_csv
from ui.map_panel import base_map


def layer_frame(values: LayerValues, coloured) -> pd.DataFrame:
    """Region, value, class and colour of the current layer (what the map shows)."""
    frame = pd.DataFrame(
        {
            "code": coloured["code"],
            "region": coloured["nom"],
            "valeur": coloured["value"],
            "classe": coloured["klass"] + 1,
            "couleur": coloured["colour"],
        }
    )
    if values.table is not None:
        extra = values.table.drop(columns=["region_name", "value"], errors="ignore")
        frame = frame.merge(extra, left_on="code", right_on="region_code", how="left").drop(
            columns=["region_code"]
        )
    return frame.rename(
        columns={"rank": "rang", "n_indicators": "n_indicateurs", "n_domains": "n_domaines"}
    )


def layer_csv(values: LayerValues, coloured) -> bytes:
    """:func:`layer_frame` as the French CSV every download of the atlas uses."""
    return french_csv(layer_frame(values, coloured))


def show_layer_table(values: LayerValues, coloured) -> None:
    st.markdown(f"**{values.title}** ({values.unit})")
    frame = layer_frame(values, coloured)
    # Values at their source's precision: float noise (11.402374557557309) is not a fact.
    decimals = 2 if values.decimals is None else values.decimals
    frame["valeur"] = frame["valeur"].round(decimals)
    st.dataframe(
        frame.drop(columns=["couleur"]),
        hide_index=True,
        width="stretch",
        column_config={
            "valeur": st.column_config.NumberColumn(format=f"%.{decimals}f"),
            "classe": st.column_config.NumberColumn(help="0 = pas de donnée"),
            "approche": st.column_config.CheckboxColumn(
                "approchée (≈)", help="valeur calculée avec un poids de consolidation approché"
            ),
        },
    )
    st.caption(values.caption)
    st.download_button(
        "Télécharger la couche (CSV)",
        layer_csv(values, coloured),
        file_name="atlas_couche.csv",
        mime="text/csv",
    )


def show_exports(values: LayerValues, coloured, classification, features: str) -> None:
    """Take the map away: PNG for slides, GeoPackage/Shapefile for QGIS, offline HTML.

    Files are built when asked (a PNG takes about half a second), then offered for download.
    """
    st.markdown("**Exporter la carte**")
    stamp = f"{values.title}|{values.caption}|{len(coloured)}"
    builders = {
        "png": (
            "Image PNG (1 800 px)",
            "atlas_carte.png",
            "image/png",
            lambda: map_png(
                coloured,
                classification,
                values.title,
                values.unit,
                values.caption,
                date.today().strftime("%d/%m/%Y"),
                basemap=light_geojson(),
            ),
        ),
        "gpkg": (
            "GeoPackage (QGIS)",
            "atlas_couche.gpkg",
            "application/geopackage+sqlite3",
            lambda: layer_geopackage(coloured),
        ),
        "shp": (
            "Shapefile (zip)",
            "atlas_couche.zip",
            "application/zip",
            lambda: layer_shapefile_zip(coloured),
        ),
        "html": (
            "Page HTML autonome (hors ligne)",
            "atlas_carte.html",
            "text/html",
            lambda: standalone_map_html(_export_map(features, values)).encode("utf-8"),
        ),
    }
    columns = st.columns(len(builders))
    for column, (kind, (label, file_name, mime, build)) in zip(
        columns, builders.items(), strict=True
    ):
        key = f"export_{kind}"
        ready = st.session_state.get(key)
        if ready and ready[0] == stamp:
            column.download_button(
                f"Télécharger : {label}",
                ready[1],
                file_name=file_name,
                mime=mime,
                key=f"{key}_download",
            )
        elif column.button(f"Préparer : {label}", key=f"{key}_prepare"):
            st.session_state[key] = (stamp, build())
            st.rerun()


def _export_map(features: str, values: LayerValues) -> folium.Map:
    """The on-screen map (same coloured layer, light base map) as one folium map.

    A page opened from disk cannot read the PMTiles archives (no range requests on file://),
    so the export carries the light GeoJSON base map, and says so on the map.
    """
    fmap = base_map("light")
    choropleth_layer(features, values.title).add_to(fmap)
    return fmap
