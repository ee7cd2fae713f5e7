"""The data view of the current layer: one row per region, with CSV download."""

from collections.abc import Hashable
from datetime import date

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from layers.measures import LayerValues
from layers.render.basemap import light_geojson
from layers.render.choropleth import region_geometry, region_styles
from layers.render.exports import layer_geopackage, layer_shapefile_zip, map_png
from layers.render.formatting import NO_DATA_LABEL, decimals_for, format_number
from layers.render.map_page import standalone_map_html
from layers.upload.dialect import french_csv
from ui.map_panel import Legend
from ui.text import md_escape


def layer_frame(values: LayerValues, coloured) -> pd.DataFrame:
    """Region, value, class and colour of the current layer (what the map shows)."""
    frame = pd.DataFrame(
        {
            "code": coloured["code"],
            "region": coloured["nom"],
            "valeur": coloured["value"],
            "classe": coloured["klass"] + 1,
            "couleur": coloured["colour"],
            "provenance": coloured["code"].map(values.source_of),
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


def displayed(frame: pd.DataFrame, decimals: int | None = None) -> Styler:
    """The layer table as shown: French numbers at the source's precision (``decimals``, else
    chosen from the magnitude: float noise such as 11.402374557557309 is not a fact), "pas de
    donnée" for a missing value and "—" for a missing rank (never "None" or "nan"); the values
    underneath still sort as numbers."""
    shown = frame.drop(columns=["couleur"])
    if decimals is None:
        decimals = decimals_for(shown["valeur"])
    # The checkbox column draws booleans itself.
    others = [c for c in shown.columns if c not in ("valeur", "approche")]
    return shown.style.format(
        lambda v: format_number(v, decimals), subset=["valeur"], na_rep=NO_DATA_LABEL
    ).format(na_rep="—", subset=others)


def show_layer_table(values: LayerValues, coloured) -> None:
    st.markdown(f"**{md_escape(values.title)}** ({md_escape(values.unit)})")
    st.dataframe(
        displayed(layer_frame(values, coloured), values.decimals),
        hide_index=True,
        width="stretch",
        column_config={
            "classe": st.column_config.NumberColumn(help="0 = pas de donnée"),
            "approche": st.column_config.CheckboxColumn(
                "approchée (≈)", help="valeur calculée avec un poids de consolidation approché"
            ),
        },
    )
    st.caption(md_escape(values.caption))
    st.download_button(
        "Télécharger la couche (CSV)",
        layer_csv(values, coloured),
        file_name="atlas_couche.csv",
        mime="text/csv",
    )


def show_exports(
    values: LayerValues,
    coloured,
    classification,
    legend: Legend,
    view_key: Hashable,
    basemap: bool = True,
) -> None:
    """Take the map away: PNG for slides, GeoPackage/Shapefile for QGIS, offline HTML.

    Files are built when asked (a PNG takes about half a second), then offered for download
    only while ``view_key`` is unchanged: it names everything the map depends on (the view with
    its classes and base-map switch, and the data bundle's content key), so a prepared file
    always matches the screen. The PNG and HTML carry the light base map only when the screen
    shows a base map (``basemap``).
    """
    st.markdown("**Exporter la carte**")
    stamp = view_key
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
                basemap=light_geojson() if basemap else None,
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
            lambda: standalone_map_html(
                region_geometry(coloured),
                region_styles(coloured),
                values.title,
                legend.html,
                values.caption,
                basemap=basemap,
            ).encode("utf-8"),
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
