"""Exports of the current view: PNG map, GeoPackage / Shapefile layer, printable profile.

Every function takes what the screen already shows (the coloured regions from
:func:`layers.render.choropleth.colour_regions` and their
:class:`~layers.render.classify.Classification`) and returns bytes or text for a download button:
nothing is recomputed, so the file has the same classes and colours as the map. Nothing here writes
outside a temporary folder. The offline HTML map is drawn by the screen's own code:
:mod:`layers.render.map_page`.
"""

import html
import io
import tempfile
import textwrap
import zipfile
from pathlib import Path

import geopandas as gpd
import matplotlib as mpl
import pandas as pd
import pyogrio
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text

from i18n import DEFAULT_LANG, check_lang, t
from layers.render.basemap import attribution_in, draw_light_basemap
from layers.render.classify import NO_DATA_COLOUR, Classification
from layers.render.formatting import decimals_for, format_number, no_data_label

MIN_PNG_WIDTH_PX = 1600
PNG_DPI = 150
#: Lambert-93: the map of France as French readers know it (EPSG:4326 looks squashed).
DRAWING_CRS = "EPSG:2154"
#: Columns of the GeoPackage/Shapefile; ``source`` (when the caller sets it) says, per region,
#: "données importées" or the official source: provenance travels with the number.
LAYER_COLUMNS = ["code", "nom", "value", "value_label", "klass", "colour", "source"]
#: Shapefile field names are limited to 10 characters.
SHAPEFILE_NAMES = {"value_label": "libelle", "klass": "classe", "colour": "couleur"}
#: matplotlib settings under which every text is drawn as typed: no mathtext, no TeX.
PLAIN_TEXT = {"text.parse_math": False, "text.usetex": False}
#: Characters per line of the PNG's title and source line (the 1 800 px width at their sizes).
TITLE_CHARS, SOURCE_CHARS = 95, 190


def map_png(
    coloured: gpd.GeoDataFrame,
    classification: Classification,
    title: str,
    unit: str,
    source: str,
    date_text: str,
    width_px: int = 1800,
    basemap: dict | None = None,
    description: str | None = None,
    lang: str = DEFAULT_LANG,
) -> bytes:
    """The map as a PNG image: regions in their on-screen colours, title, legend, source, and
    its text alternative in the file's metadata.

    Parameters
    ----------
    coloured : GeoDataFrame
        From :func:`~layers.render.choropleth.colour_regions` (columns ``value`` and ``colour``).
    classification : Classification
        The classes of the same call, for the legend (label and number of regions per class).
    title, unit, source, date_text : str
        Title above the map, legend title, and the "Source : … — date" line below it.
    width_px : int
        Width of the image in pixels, at least :data:`MIN_PNG_WIDTH_PX`.
    basemap : dict, optional
        The light base map (:func:`layers.render.basemap.light_geojson`): sea, land and
        département lines are drawn around the regions, and its sources added to the footer.
    description : str, optional
        The map in one sentence (:func:`layers.render.alt_text.map_description`), written
        with ``title`` and the source line into the PNG's text chunks (keywords "Description",
        "Title", "Source"), which image viewers, slide tools and screen readers can read.
    lang : str
        Language of the legend's "pas de donnée" and of the "Source :" line.

    Every text is drawn as typed: ``$`` never starts matplotlib mathtext (see
    :func:`map_figure`).
    """
    fig = map_figure(
        coloured, classification, title, unit, source, date_text, width_px, basemap, lang
    )
    metadata = {
        "Title": title,
        "Source": source_line(source, date_text, basemap, lang),
        "Software": t("export.png_software", lang),
    }
    if description:
        metadata["Description"] = description
    buffer = io.BytesIO()
    with mpl.rc_context(PLAIN_TEXT):
        fig.savefig(buffer, format="png", dpi=PNG_DPI, facecolor="white", metadata=metadata)
    return buffer.getvalue()


def source_line(source: str, date_text: str, basemap: dict | None, lang: str) -> str:
    """The "Source : … — date" line of the PNG, with the base map's sources when drawn."""
    if basemap:
        source = f"{source} · {attribution_in(basemap['attribution'], lang)}"
    return t("common.source_line", lang, source=source, date=date_text)


def map_figure(
    coloured: gpd.GeoDataFrame,
    classification: Classification,
    title: str,
    unit: str,
    source: str,
    date_text: str,
    width_px: int = 1800,
    basemap: dict | None = None,
    lang: str = DEFAULT_LANG,
) -> Figure:
    """The figure :func:`map_png` saves; every text in it is plain text (no mathtext, no TeX).

    Titles, units and sources come from data and user imports: a survey named "$5 puis $10"
    must print as typed, and an unbalanced ``$`` must not crash the export. The base map's
    town names are texts too, under the same rule. Legend and source line are in ``lang``.
    """
    if width_px < MIN_PNG_WIDTH_PX:
        raise ValueError(f"width_px must be at least {MIN_PNG_WIDTH_PX}, got {width_px!r}")
    # Texts read these settings when created (the legend measures its labels at once), and
    # saving draws them: both happen under this context.
    with mpl.rc_context(PLAIN_TEXT):
        width_in = width_px / PNG_DPI
        fig = Figure(figsize=(width_in, width_in * 0.72), dpi=PNG_DPI, facecolor="white")
        ax = fig.add_axes((0.02, 0.08, 0.62, 0.82))
        drawn = coloured.to_crs(DRAWING_CRS)
        if basemap:
            draw_light_basemap(ax, basemap, DRAWING_CRS, over=False)
        drawn.plot(ax=ax, color=drawn["colour"].fillna(NO_DATA_COLOUR), edgecolor="white", lw=0.8)
        if basemap:
            draw_light_basemap(ax, basemap, DRAWING_CRS, over=True)
            _frame_to(ax, drawn.total_bounds)
        else:
            ax.set_axis_off()
        ax.set_aspect("equal")
        # Wrapped here, not with wrap=True: matplotlib measures wrapped lines as mathtext
        # whatever parse_math says, and a "$" in a survey name would crash the export.
        fig.suptitle(
            textwrap.fill(title, TITLE_CHARS),
            x=0.02,
            y=0.97,
            ha="left",
            fontsize=15,
            fontweight="bold",
        )
        handles = [
            Patch(facecolor=colour, edgecolor="#666666", label=f"{label} ({count})")
            for colour, label, count in legend_entries(coloured, classification, lang)
        ]
        fig.legend(
            handles=handles,
            title=unit or None,
            loc="center left",
            bbox_to_anchor=(0.66, 0.5),
            frameon=False,
            fontsize=11,
            title_fontsize=11,
        )
        fig.text(
            0.02,
            0.015,
            textwrap.fill(source_line(source, date_text, basemap, lang), SOURCE_CHARS),
            fontsize=8.5,
            color="#444444",
            va="bottom",
        )
    for text in fig.findobj(Text):  # all of them, legend included: one rule, no exception
        text.set_parse_math(False)
        text.set_usetex(False)
    return fig


def _frame_to(ax, bounds, margin: float = 0.04) -> None:
    """Limit ``ax`` to ``bounds`` plus a margin, without ticks (the sea fills the frame)."""
    xmin, ymin, xmax, ymax = bounds
    dx, dy = (xmax - xmin) * margin, (ymax - ymin) * margin
    ax.set_xlim(xmin - dx, xmax + dx)
    ax.set_ylim(ymin - dy, ymax + dy)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_visible(False)


def legend_entries(
    coloured: gpd.GeoDataFrame, classification: Classification, lang: str = DEFAULT_LANG
) -> list[tuple[str, str, int]]:
    """(colour, label, number of regions) per class, always ending with "pas de donnée"."""
    entries = classification.legend(decimals_for(coloured["value"]), lang)
    missing = no_data_label(lang)
    if not any(label == missing for _, label, _ in entries):
        entries.append((NO_DATA_COLOUR, missing, 0))
    return entries


def _layer_frame(coloured: gpd.GeoDataFrame, extra_columns: list[str] | None) -> gpd.GeoDataFrame:
    columns = [c for c in [*LAYER_COLUMNS, *(extra_columns or [])] if c in coloured]
    missing = [c for c in extra_columns or [] if c not in coloured]
    if missing:
        raise KeyError(f"Unknown extra_columns {missing}; available: {list(coloured.columns)}")
    out = gpd.GeoDataFrame(coloured[columns].copy(), geometry=coloured.geometry, crs=coloured.crs)
    if "klass" in out:
        out["klass"] = out["klass"].astype("int32")
    return out


def _write_read(frame: gpd.GeoDataFrame, name: str, driver: str) -> dict[str, bytes]:
    """Files written by ``driver`` for ``frame`` in a temporary folder: name -> bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        pyogrio.write_dataframe(
            frame, Path(tmp) / name, driver=driver, layer=Path(name).stem, encoding="UTF-8"
        )
        return {p.name: p.read_bytes() for p in sorted(Path(tmp).iterdir())}


def layer_geopackage(coloured: gpd.GeoDataFrame, extra_columns: list[str] | None = None) -> bytes:
    """The coloured regions as a GeoPackage (layer ``regions``, EPSG:4326).

    Columns code, nom, value, value_label, klass, colour, then ``extra_columns``.
    """
    files = _write_read(_layer_frame(coloured, extra_columns), "regions.gpkg", "GPKG")
    return files["regions.gpkg"]


def layer_shapefile_zip(coloured: gpd.GeoDataFrame) -> bytes:
    """The coloured regions as a zipped Shapefile (``regions.shp`` + .dbf .shx .prj .cpg).

    Field names are shortened to 10 characters: ``libelle``, ``classe``, ``couleur``.
    """
    frame = _layer_frame(coloured, None).rename(columns=SHAPEFILE_NAMES)
    files = _write_read(frame, "regions.shp", "ESRI Shapefile")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


PRINT_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; margin-top: 1.4em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; }
td.num { text-align: right; white-space: nowrap; }
th { background: #eee; }
.notes { font-size: 0.85em; color: #444; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"""


def profile_html(
    title: str,
    sections: list[tuple[str, pd.DataFrame]],
    notes: list[str],
    lang: str = DEFAULT_LANG,
) -> str:
    """A printable HTML page of a region profile: title, one table per section, notes.

    Every text and number is HTML-escaped; numbers are written the way of ``lang`` (French
    "1 234,5", English "1,234.5"), missing ones as "pas de donnée" / "no data", and the page
    declares its language. The stylesheet has print rules (A4, no split rows).
    """
    esc = html.escape
    check_lang(lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title><style>{PRINT_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
    ]
    for heading, table in sections:
        parts.append(f"<h2>{esc(str(heading))}</h2>")
        parts.append(_html_table(table, lang))
    if notes:
        parts.append('<ul class="notes">')
        parts += [f"<li>{esc(str(note))}</li>" for note in notes]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_table(table: pd.DataFrame, lang: str = DEFAULT_LANG) -> str:
    if table.empty:
        return f"<p>{no_data_label(lang)}</p>"
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in table.columns)
    numeric = {c: decimals_for(table[c]) for c in table.columns if _is_float(table[c])}
    rows = []
    for record in table.itertuples(index=False):
        cells = []
        for column, value in zip(table.columns, record, strict=True):
            if column in numeric:
                text = format_number(None if pd.isna(value) else value, numeric[column], lang)
                cells.append(f'<td class="num">{html.escape(text)}</td>')
            else:
                shown = (
                    "" if value is None or (isinstance(value, float) and pd.isna(value)) else value
                )
                cells.append(f"<td>{html.escape(str(shown))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _is_float(column: pd.Series) -> bool:
    return pd.api.types.is_float_dtype(column)
