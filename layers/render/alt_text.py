"""The map in one sentence, for screen readers and for the files the atlas exports.

A choropleth says nothing to a reader who cannot see it. :func:`map_description` writes what
a sighted reader takes from it first — what is mapped, over how many units, which ones stand
out — from the same coloured regions the map draws (``code``, ``nom``, ``value`` columns of
:func:`layers.render.choropleth.colour_regions`), in French or English. The data table stays
the full alternative; this sentence is the summary under the map (``alt.table_hint`` points
to the table), the PNG's "Description" metadata (:func:`layers.render.exports.map_png`) and the
HTML export's described map (:func:`described_page`, for a folium page or the atlas
component's ``#atlas-map`` page).
"""

import html
import re

import pandas as pd

from geo.levels import check_level
from i18n import DEFAULT_LANG, check_lang, t
from layers.render.formatting import decimals_for, format_value

#: How many units the sentence names at the fragile end (three keeps it one sentence).
N_EXTREMES = 3
#: Measures whose values are a perception gap: positive = felt more fragile than measured.
GAP_MEASURES = ("ecart",)
#: id of the paragraph that describes the map in an HTML page (aria-describedby points to it).
DESCRIPTION_ID = "atlas-map-description"
#: Hidden from the eye, read by screen readers (the usual "visually hidden" rules).
_VISUALLY_HIDDEN = (
    "position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
    "clip:rect(0,0,0,0);white-space:nowrap;border:0"
)


def map_description(
    coloured: pd.DataFrame,
    title: str,
    level: str,
    direction: int = 1,
    measure: str = "objectif",
    decimals: int | None = None,
    lang: str = DEFAULT_LANG,
    n_extremes: int = N_EXTREMES,
) -> str:
    """One sentence describing the map: title, number of units, the units at the fragile end.

    >>> frame = pd.DataFrame({"code": ["1", "2"], "nom": ["A", "B"], "value": [90.0, 120.0]})
    >>> map_description(frame, "Indice global", "2016")
    'Carte : Indice global, 2 régions 2016 ; les plus fragiles : B (120,0), A (90,0).'

    Parameters
    ----------
    coloured : DataFrame
        One row per unit of ``level`` with ``nom`` (name) and ``value`` (NaN = no data).
    title : str
        What the map shows (the legend's title).
    level : str
        The level's id (:data:`geo.levels.LEVELS`), which names the units.
    direction : int
        +1 when a higher value is more fragile, -1 when it is less fragile, 0 when the value
        has no fragile end (a context indicator): the sentence then names the highest values.
    measure : str
        The view's measure; a perception gap (:data:`GAP_MEASURES`) names the units felt as
        more fragile than the statistics say.
    decimals : int, optional
        Decimals of the values (chosen from their magnitude when None).
    """
    check_level(level)
    if direction not in (-1, 0, 1):
        raise ValueError(f"direction must be -1, 0 or 1, got {direction!r}")
    units = t(f"level.{level}.plural", lang)
    present = coloured.dropna(subset=["value"])
    if present.empty:
        return t("alt.no_data", lang, title=title)
    decimals = decimals_for(present["value"]) if decimals is None else decimals
    # Sorted by value then name, so that ties always read in the same order.
    ordered = present.sort_values(["value", "nom"], ascending=[direction == -1, True])
    items = t("common.list_sep", lang).join(
        t("alt.item", lang, name=row.nom, value=format_value(row.value, decimals, lang=lang))
        for row in ordered.head(n_extremes).itertuples()
    )
    if measure in GAP_MEASURES:
        key = "alt.felt_more_fragile"
    else:
        key = "alt.highest" if direction == 0 else "alt.most_fragile"
    missing = len(coloured) - len(present)
    return t(
        "alt.sentence",
        lang,
        title=title,
        n=len(coloured),
        units=units,
        extremes=t(key, lang, items=items),
        missing=t("alt.missing", lang, n=missing, units=units) if missing else "",
    )


def described_page(
    page: str, description: str, title: str, lang: str = DEFAULT_LANG, visible: bool = False
) -> str:
    """An exported HTML map page with its text alternative: ``lang`` on ``<html>``, a
    ``<title>``, the description in a paragraph at the top of the body, and the map's element
    (the first ``folium-map`` or ``atlas-map`` div) labelled "Carte : <title>" and described by
    that paragraph. ``visible=False`` hides the paragraph from the eye, not from screen readers.

    Every text is HTML-escaped. Raises ``ValueError`` when the page has no ``<html>``/``<body>``
    tag or no map element, so that an export never silently ships without its alternative.
    """
    esc = html.escape
    check_lang(lang)
    page, n_html = re.subn(
        r"<html\b[^>]*>", f'<html lang="{esc(lang)}">', page, count=1, flags=re.IGNORECASE
    )
    if not re.search(r"<title>", page, flags=re.IGNORECASE):
        page = re.sub(
            r"<head\b[^>]*>", lambda m: f"{m.group(0)}<title>{esc(title)}</title>", page, count=1
        )
    style = "" if visible else f' style="{_VISUALLY_HIDDEN}"'
    paragraph = f'<p id="{DESCRIPTION_ID}" class="atlas-map-description"{style}>'
    paragraph += f"{esc(description)}</p>"
    page, n_body = re.subn(
        r"<body\b[^>]*>", lambda m: m.group(0) + paragraph, page, count=1, flags=re.IGNORECASE
    )
    label = esc(t("map.label", lang, title=title), quote=True)
    page, n_map = re.subn(
        r'<div\b(?=[^>]*(?:class="folium-map"|id="atlas-map"))',
        f'<div role="region" aria-label="{label}" aria-describedby="{DESCRIPTION_ID}"',
        page,
        count=1,
    )
    if not (n_html and n_body and n_map):
        raise ValueError("The page needs <html>, <body> and a folium-map or atlas-map element")
    return page
