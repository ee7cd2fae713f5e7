"""The data view of the current layer: one row per region, with CSV download."""

from collections.abc import Hashable
from datetime import date

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from i18n import DEFAULT_LANG, t
from layers.measures import LayerValues
from layers.render.basemap import light_geojson
from layers.render.choropleth import region_geometry, region_styles
from layers.render.exports import layer_geopackage, layer_shapefile_zip, map_png
from layers.render.formatting import decimals_for, format_number, no_data_label
from layers.render.map_page import standalone_map_html
from layers.upload.dialect import french_csv
from ui.map_panel import Legend, layer_description
from ui.text import md_escape

#: Column id -> its heading's text id (the headings of the table and the CSV, in the view's
#: language); the ids are those of the French CSV users already have.
COLUMNS = {
    "code": "data.col.code",
    "region": "data.col.region",
    "valeur": "data.col.value",
    "classe": "data.col.class",
    "couleur": "data.col.colour",
    "provenance": "data.col.provenance",
    "rang": "data.col.rank",
    "n_indicateurs": "data.col.n_indicators",
    "n_domaines": "data.col.n_domains",
}


def layer_frame(values: LayerValues, coloured, lang: str = DEFAULT_LANG) -> pd.DataFrame:
    """Region, value, class and colour of the current layer (what the map shows), with
    headings in ``lang``."""
    frame = pd.DataFrame(
        {
            "code": coloured["code"],
            "region": coloured["nom"],
            "valeur": coloured["value"],
            "classe": coloured["klass"] + 1,
            "couleur": coloured["colour"],
            "provenance": coloured["code"].map(lambda code: values.source_of(code, lang)),
        }
    )
    if values.table is not None:
        extra = values.table.drop(columns=["region_name", "value"], errors="ignore")
        frame = frame.merge(extra, left_on="code", right_on="region_code", how="left").drop(
            columns=["region_code"]
        )
    frame = frame.rename(
        columns={"rank": "rang", "n_indicators": "n_indicateurs", "n_domains": "n_domaines"}
    )
    return frame.rename(columns={c: t(key, lang) for c, key in COLUMNS.items()})


def layer_csv(values: LayerValues, coloured, lang: str = DEFAULT_LANG) -> bytes:
    """:func:`layer_frame` as the French CSV every download of the atlas uses."""
    return french_csv(layer_frame(values, coloured, lang))


def displayed(frame: pd.DataFrame, decimals: int | None = None, lang: str = DEFAULT_LANG) -> Styler:
    """The layer table as shown: French numbers at the source's precision (``decimals``, else
    chosen from the magnitude: float noise such as 11.402374557557309 is not a fact), "pas de
    donnée" for a missing value and "—" for a missing rank (never "None" or "nan"); the values
    underneath still sort as numbers."""
    value = t("data.col.value", lang)
    shown = frame.drop(columns=[t("data.col.colour", lang)])
    if decimals is None:
        decimals = decimals_for(shown[value])
    # The checkbox column draws booleans itself.
    others = [c for c in shown.columns if c not in (value, "approche")]
    return shown.style.format(
        lambda v: format_number(v, decimals, lang), subset=[value], na_rep=no_data_label(lang)
    ).format(na_rep=t("common.none", lang), subset=others)


def show_layer_table(values: LayerValues, coloured, lang: str = DEFAULT_LANG) -> None:
    st.markdown(f"**{md_escape(values.title)}** ({md_escape(values.unit)})")
    st.dataframe(
        displayed(layer_frame(values, coloured, lang), values.decimals, lang),
        hide_index=True,
        width="stretch",
        column_config={
            t("data.col.class", lang): st.column_config.NumberColumn(
                help=t("data.class_help", lang)
            ),
            "approche": st.column_config.CheckboxColumn(
                t("data.approximate", lang), help=t("data.approximate_help", lang)
            ),
        },
    )
    st.caption(md_escape(values.caption))
    st.download_button(
        t("data.download_csv", lang),
        layer_csv(values, coloured, lang),
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
    level: str = "2016",
    measure: str = "objectif",
    lang: str = DEFAULT_LANG,
) -> None:
    """Take the map away: PNG for slides, GeoPackage/Shapefile for QGIS, offline HTML.

    Files are built when asked (a PNG takes about half a second), then offered for download
    only while ``view_key`` is unchanged: it names everything the map depends on (the view with
    its classes and base-map switch, and the data bundle's content key), so a prepared file
    always matches the screen. The PNG and HTML carry the light base map only when the screen
    shows a base map (``basemap``). Both carry the map's description (its text alternative)
    and write their labels in ``lang``.
    """
    st.markdown(f"**{md_escape(t('export.heading', lang))}**")
    stamp = view_key
    description = layer_description(coloured, values, level, measure, lang)
    builders = {
        "png": (
            t("export.png", lang),
            "atlas_carte.png",
            "image/png",
            lambda: map_png(
                coloured,
                classification,
                values.title,
                values.unit,
                values.caption,
                date.today().strftime(t("common.date_format", lang)),
                basemap=light_geojson() if basemap else None,
                description=description,
                lang=lang,
            ),
        ),
        "gpkg": (
            t("export.gpkg", lang),
            "atlas_couche.gpkg",
            "application/geopackage+sqlite3",
            lambda: layer_geopackage(coloured),
        ),
        "shp": (
            t("export.shp", lang),
            "atlas_couche.zip",
            "application/zip",
            lambda: layer_shapefile_zip(coloured),
        ),
        "html": (
            t("export.html", lang),
            "atlas_carte.html",
            "text/html",
            lambda: standalone_map_html(
                region_geometry(coloured),
                region_styles(coloured),
                values.title,
                legend.html,
                values.caption,
                level=level,
                basemap=basemap,
                description=description,
                lang=lang,
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
                t("export.download", lang, label=label),
                ready[1],
                file_name=file_name,
                mime=mime,
                key=f"{key}_download",
            )
        elif column.button(t("export.prepare", lang, label=label), key=f"{key}_prepare"):
            st.session_state[key] = (stamp, build())
            st.rerun()
