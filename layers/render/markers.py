"""Catalyser markers and the search radius, as data for the browser map (static/atlas/atlas.js).

Compute, then draw: :func:`marker_styles` puts each marker's colour, size and outline into
columns (colour by confidence, from the Okabe-Ito colour-blind-safe palette, with a colour of
their own for the local alliances of :data:`geo.catalysers.FAMILY_LABELS`; hollow dashed
markers for rows placed only at their département's prefecture; larger black-outlined markers
for highlighted rows); :func:`marker_rows` only reads them. Markers are circle markers, so no
icon font or image is fetched; the clustering plugin is served locally (``layers.render.offline``).

The rows of the whole directory are sent once (a static file, the same for every user);
filters and a radius search only send the ids to show and to highlight
(:func:`marker_ids`). Every value from the data is HTML-escaped before it reaches a popup or
a tooltip, and only ``http(s)://`` URLs become links.
"""

import html
import math
import re
from collections.abc import Collection
from urllib.parse import urlsplit

import pandas as pd

from geo.catalysers import CONFIDENCE_LABELS, KIND_LABELS, METIERS, category_label, labels_in
from geo.distance import check_query
from i18n import DEFAULT_LANG, t
from layers.render.links import is_http_url

#: Confidence level -> marker colour (Okabe-Ito blue, orange, bluish green).
CONFIDENCE_COLOURS = {"A": "#0072B2", "B": "#E69F00", "C": "#009E73"}
#: Local alliances (a family, always confidence C): Okabe-Ito reddish purple, so that they are
#: never read as cooperation hubs, let alone catalysers.
FAMILY_COLOUR = "#CC79A7"
HIGHLIGHT_COLOUR = "#000000"
RADIUS_COLOUR = "#333333"
_COMMUNE_STYLE = {"radius": 7.0, "weight": 1.0, "dash_array": "", "fill_opacity": 0.9}
_DEPARTEMENT_STYLE = {"radius": 9.0, "weight": 2.5, "dash_array": "4 3", "fill_opacity": 0.15}
_COMMUNE_OUTLINE = "#333333"
#: How a highlighted marker (a search result) differs from its plain style.
HIGHLIGHT_STYLE = {"line": HIGHLIGHT_COLOUR, "extra_radius": 4.0, "weight": 3.0}
_SOURCE_SEPARATOR = re.compile(r"\s+;\s+")
_DESCRIPTION_MAX_CHARS = 280


def _esc(value: object) -> str:
    """HTML-escaped text of a data value (missing values become the empty string)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def web_url(url: object) -> str:
    """``url`` stripped if :func:`is_http_url` (the only links the atlas makes), else ""."""
    return str(url).strip() if is_http_url(url) else ""


def safe_link(url: object, text: str | None = None, title: str = "") -> str:
    """An ``<a>`` opening ``url`` in a new tab if :func:`is_http_url`, else the escaped text.

    ``text`` defaults to the URL's host; ``title`` (optional) shows on hover. The URL, the
    text and the title are HTML-escaped.
    """
    raw = web_url(url)
    if not raw:
        return _esc(url)
    label = text if text is not None else (urlsplit(raw).netloc or raw)
    hover = f' title="{_esc(title)}"' if title else ""
    return f'<a href="{_esc(raw)}" target="_blank" rel="noopener"{hover}>{_esc(label)}</a>'


def marker_styles(df: pd.DataFrame, highlight: set[str] | None = None) -> pd.DataFrame:
    """Marker style columns for the placed rows of ``df`` (a new frame, same index).

    Columns: ``fill_colour`` (by confidence; :data:`FAMILY_COLOUR` for a row with a
    ``family``), ``colour`` (outline), ``radius``, ``weight``,
    ``dash_array`` ("" = solid), ``fill_opacity`` and ``highlighted`` (the row's ``name`` is in
    ``highlight``). Rows without coordinates (region or national level) are left out.

    Raises
    ------
    ValueError
        A confidence value that is not one of :data:`CONFIDENCE_COLOURS`.
    """
    placed = df[df["lat"].notna() & df["lon"].notna()]
    unknown = sorted(set(placed["confidence"]) - CONFIDENCE_COLOURS.keys())
    if unknown:
        raise ValueError(
            f"Unknown confidence value(s) {unknown}; expected one of {list(CONFIDENCE_COLOURS)}"
        )
    by_departement = (placed["precision"] == "departement").to_numpy()
    base = pd.DataFrame(
        [_DEPARTEMENT_STYLE if d else _COMMUNE_STYLE for d in by_departement], index=placed.index
    )
    fill = placed["confidence"].map(CONFIDENCE_COLOURS)
    if "family" in placed:
        fill = fill.where(placed["family"].fillna("") == "", FAMILY_COLOUR)
    styles = base.assign(
        fill_colour=fill,
        colour=fill.where(by_departement, _COMMUNE_OUTLINE),
        highlighted=placed["name"].isin(highlight or set()),
    )
    lit = styles["highlighted"]
    styles.loc[lit, "colour"] = HIGHLIGHT_STYLE["line"]
    styles.loc[lit, "radius"] += HIGHLIGHT_STYLE["extra_radius"]
    styles.loc[lit, "weight"] = HIGHLIGHT_STYLE["weight"]
    return styles


def popup_html(row: pd.Series, lang: str = DEFAULT_LANG) -> str:
    """Popup of one catalyser: name, place, métiers, kind, confidence (or family),
    description, links; our words in ``lang``, the data's as written."""
    metier_names = labels_in("metier", METIERS, lang)
    kinds = labels_in("kind", KIND_LABELS, lang)
    metiers = [metier_names.get(m, m) for m in str(row["metiers"] or "").split(";") if m]
    family = str(row.get("family", "") or "")
    listed = t("common.list_sep", lang).join(metiers) or t("markers.metiers_none", lang)
    lines = [
        f"<b>{_esc(row['name'])}</b>",
        _esc(place_label(row, lang)),
        _esc(t("markers.metiers", lang, list=listed)),
        _esc(t("markers.kind", lang, kind=kinds.get(row["kind"], row["kind"]))),
        _esc(t("markers.confidence", lang, label=category_label(row["confidence"], family, lang))),
    ]
    if family:
        lines.append(f"<i>{_esc(t('markers.alliance_note', lang))}</i>")
    description = str(row.get("description", "") or "")
    if description:
        short = description[:_DESCRIPTION_MAX_CHARS]
        short += "…" if len(description) > _DESCRIPTION_MAX_CHARS else ""
        lines.append(f"<small>{_esc(short)}</small>")
    if str(row.get("website", "") or "").strip():
        lines.append(_filled("markers.website", lang, link=safe_link(row["website"])))
    sources = [s for s in _SOURCE_SEPARATOR.split(str(row["source_url"] or "").strip()) if s]
    if sources:
        links = " ; ".join(safe_link(s) for s in sources)
        lines.append(_filled("markers.source", lang, links=links))
    return '<div class="catalyseur">' + "<br>".join(lines) + "</div>"


def _filled(key: str, lang: str, **html_parts: str) -> str:
    """A catalogue text, escaped, with placeholders filled by HTML built here (links)."""
    template = html.escape(t(key, lang), quote=False)
    return template.format(**html_parts)


def place_label(row: pd.Series, lang: str = DEFAULT_LANG) -> str:
    """Where the row is, in words (plain text, not escaped)."""
    if row.get("precision") == "departement" or not row.get("commune"):
        return t("markers.prefecture_place", lang, code=row["departement"])
    # The research marks a commune it inferred rather than read (e.g. from members' names).
    uncertain = "UNCERTAIN" in str(row.get("note", "") or "")
    doubt = t("markers.uncertain", lang) if uncertain else ""
    return f"{row['commune']} ({row['departement']}){doubt}"


def tooltip_html(row: pd.Series, lang: str = DEFAULT_LANG) -> str:
    """Tooltip of one catalyser: its escaped name and place."""
    return f"<b>{_esc(row['name'])}</b><br>{_esc(place_label(row, lang))}"


def marker_rows(df: pd.DataFrame, lang: str = DEFAULT_LANG) -> list[dict]:
    """One record per placed catalyser of ``df``, in order: position, plain style, popup, tooltip.

    Keys: ``lat``, ``lon``, ``fill``, ``line``, ``r`` (radius, px), ``w`` (line weight),
    ``dash`` ("" = solid), ``op`` (fill opacity), ``popup`` and ``tip`` (escaped HTML). A
    record's position in the list is its id for :func:`marker_ids`. Rows without coordinates
    (region or national level) are left out.
    """
    styles = marker_styles(df)
    return [
        {
            "lat": round(float(df.at[index, "lat"]), 5),
            "lon": round(float(df.at[index, "lon"]), 5),
            "fill": style.fill_colour,
            "line": style.colour,
            "r": float(style.radius),
            "w": float(style.weight),
            "dash": style.dash_array,
            "op": float(style.fill_opacity),
            "popup": popup_html(df.loc[index], lang),
            "tip": tooltip_html(df.loc[index], lang),
        }
        for index, style in zip(styles.index, styles.itertuples(), strict=True)
    ]


def marker_ids(
    directory: pd.DataFrame, shown: pd.DataFrame, highlight: Collection[str] = ()
) -> tuple[list[int] | None, list[int]]:
    """Ids (see :func:`marker_rows` of ``directory``) of the rows of ``shown``, and of those
    whose ``name`` is in ``highlight``.

    ``shown`` is ``directory`` filtered (same index labels). The first list is None when every
    placed row is shown (nothing to send).
    """
    placed = directory.index[directory["lat"].notna() & directory["lon"].notna()]
    ids = pd.Series(range(len(placed)), index=placed)
    visible = ids.reindex(shown.index).dropna().astype(int)
    lit = visible[shown.loc[visible.index, "name"].isin(set(highlight))]
    return (
        None if len(visible) == len(ids) else visible.tolist(),
        lit.tolist(),
    )


def search_circle(
    lat: float, lon: float, radius_km: float, label: str, lang: str = DEFAULT_LANG
) -> dict:
    """The search circle (``radius_km``) and its centre, for the browser map.

    ``label`` (the commune's name) is shown as the centre's tooltip, as text, and written
    first by the base map when there is one.

    Raises
    ------
    ValueError
        Centre outside [-90, 90] x [-180, 180], or a radius that is not a positive number.
    """
    check_query(lat, lon, radius_km)
    return {
        "lat": float(lat),
        "lon": float(lon),
        "radius_m": float(radius_km) * 1000,
        "place": label,
        "label": t("markers.radius_label", lang, place=label, km=f"{radius_km:g}"),
        "colour": RADIUS_COLOUR,
    }


def _swatch(fill: str, colour: str, radius: float, weight: float, dash: str, opacity: float) -> str:
    """A small circle drawn like a marker, in CSS (for legends outside the map: the page's
    HTML sanitiser keeps no SVG)."""
    red, green, blue = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    size = 2 * radius
    line = "dashed" if dash else "solid"
    return (
        f'<span aria-hidden="true" style="display:inline-block;box-sizing:border-box;'
        f"width:{size:g}px;height:{size:g}px;border-radius:50%;vertical-align:middle;"
        f"background:rgba({red},{green},{blue},{opacity:g});"
        f'border:{weight:g}px {line} {colour}"></span>'
    )


def marker_legend(lang: str = DEFAULT_LANG) -> list[tuple[str, str]]:
    """Legend entries ``(swatch, label)``: the swatch is a CSS circle drawn like the marker.

    One entry per confidence level and one for the local alliances, then the département-level
    marker, the highlighted marker and the search centre. Labels are plain text in ``lang``;
    swatches contain no data.
    """
    c, d = _COMMUNE_STYLE, _DEPARTEMENT_STYLE
    confidence = labels_in("confidence", CONFIDENCE_LABELS, lang)
    groups = [(f"{level} – {confidence[level]}", CONFIDENCE_COLOURS[level]) for level in "AB"]
    groups += [
        (t("markers.legend.hub", lang), CONFIDENCE_COLOURS["C"]),
        (t("markers.legend.family", lang), FAMILY_COLOUR),
    ]
    entries = [
        (
            _swatch(colour, _COMMUNE_OUTLINE, c["radius"], c["weight"], "", c["fill_opacity"]),
            label,
        )
        for label, colour in groups
    ]
    neutral = "#666666"
    entries += [
        (
            _swatch(neutral, neutral, d["radius"], d["weight"], d["dash_array"], d["fill_opacity"]),
            t("markers.legend.prefecture", lang),
        ),
        (
            _swatch(
                neutral,
                HIGHLIGHT_STYLE["line"],
                c["radius"] + 3,
                HIGHLIGHT_STYLE["weight"],
                "",
                c["fill_opacity"],
            ),
            t("markers.legend.highlight", lang),
        ),
        (
            _swatch(RADIUS_COLOUR, "#ffffff", 5, 2, "", 1.0),
            t("markers.legend.centre", lang),
        ),
    ]
    return entries
