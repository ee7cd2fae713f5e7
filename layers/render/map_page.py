"""The map as one HTML page that opens from disk, drawn by the same code as the screen.

The page inlines Leaflet (from the XStatic package), the atlas's own scripts and stylesheet
(static/atlas/atlas.js, basemap.js, atlas.css) and the data: the contours with their colours
and labels, as the browser map receives them in the app. So the exported map has the same
classes, colours and tooltips as the screen, and needs no server and no network. A page
opened from disk cannot read the base map's PMTiles archives (no range requests on file://),
so it carries the light GeoJSON base map (:func:`layers.render.basemap.light_spec`), and
says so on the map.
"""

import html
import json
import re
from datetime import date

from i18n import DEFAULT_LANG, check_lang, t
from layers.render.alt_text import described_page
from layers.render.basemap import light_spec
from layers.render.map_payload import map_payload
from layers.render.offline import vendored_text
from layers.render.static_files import atlas_file

_REMOTE = re.compile(r"<(script|link)\b[^>]*(src|href)=[\"']?(https?:)?//", re.IGNORECASE)


def _script_json(payload: object) -> str:
    """JSON that is safe inside a <script> element (no "<", ">" or "&" left as such)."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _inline_script(text: str) -> str:
    # A vendored or own script never contains "</script", but a page must not depend on it.
    return "<script>" + text.replace("</script", "<\\/script") + "</script>"


def standalone_map_html(
    geometry: dict,
    styles: dict[str, list[str]],
    title: str,
    legend: str,
    caption: str,
    level: str = "",
    today: date | None = None,
    basemap: bool = True,
    description: str = "",
    lang: str = DEFAULT_LANG,
) -> str:
    """A standalone offline page: title, the interactive map, its legend and sources.

    Parameters
    ----------
    geometry, styles : dict
        The level's contours (:func:`layers.render.choropleth.region_geometry`) and each region's
        colour and value label (:func:`layers.render.choropleth.region_styles`).
    title, caption : str
        The layer's title and its sources line (plain text, escaped here).
    legend : str
        The legend's HTML (:func:`layers.render.legend.legend_html`, already escaped).
    basemap : bool
        Draw the light base map under the regions (with a note saying it is simplified).
    description : str
        The map in one sentence (:func:`layers.render.alt_text.map_description`): written
        under the title, and the map element labelled and described by it
        (:func:`layers.render.alt_text.described_page`).
    lang : str
        Language of the page (``<html lang>``, the footer, the map's own words).

    Raises
    ------
    ValueError
        If a remote script or stylesheet were left in the page.
    """
    check_lang(lang)
    payload = map_payload(
        level=level,
        geometry_url=geometry,
        styles=styles,
        value_title=title,
        basemap=light_spec(lang=lang) if basemap else None,
        lang=lang,
    )
    stamp = (today or date.today()).strftime(t("common.date_format", lang))
    page = "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(title)}</title>",
            f"<style>{vendored_text('leaflet_css')}</style>",
            f"<style>{atlas_file('atlas.css').read_text(encoding='utf-8')}</style>",
            "<style>body{margin:1.5em;max-width:70em}h1{font-size:1.4em}</style>",
            '</head><body class="atlas-page">',
            f"<h1>{html.escape(title)}</h1>",
            '<div id="atlas-map"></div>',
            legend,
            f"<p>{html.escape(caption)}</p>",
            f"<p>{html.escape(t('export.html_footer', lang, date=stamp))}</p>",
            f'<script type="application/json" id="atlas-data">{_script_json(payload)}</script>',
            _inline_script(vendored_text("leaflet")),
            _inline_script(atlas_file("atlas.js").read_text(encoding="utf-8")),
            _inline_script(atlas_file("basemap.js").read_text(encoding="utf-8")),
            _inline_script(
                'Atlas.renderMap(document.getElementById("atlas-map"), '
                'JSON.parse(document.getElementById("atlas-data").textContent), null);'
            ),
            "</body></html>",
        ]
    )
    if description:
        page = described_page(page, description, title, lang)
    remote = [m.group(0) for m in _REMOTE.finditer(page)]
    if remote:
        raise ValueError(f"Remote resources left in the standalone map: {remote}")
    return page
