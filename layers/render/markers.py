"""Catalyser markers and the search radius, as folium FeatureGroups that work offline.

Compute, then draw: :func:`marker_styles` puts each marker's colour, size and outline into
columns (colour by confidence, from the Okabe-Ito colour-blind-safe palette, with a colour of
their own for the local alliances of :data:`geo.catalysers.FAMILY_LABELS`; hollow dashed
markers for rows placed only at their département's prefecture; larger black-outlined markers
for highlighted rows); :func:`catalyser_layer` only reads them. Markers are CircleMarkers, so no
icon font or image is fetched; the clustering plugin is served locally (``layers.render.offline``).

Every value from the data is HTML-escaped before it reaches a popup or a tooltip, and only
``http(s)://`` URLs become links. Popups and tooltips are bound with JSON string literals rather
than folium's ``Popup``/``Tooltip``, which paste the text into JavaScript template literals (where
``${...}`` would run) and need jQuery, which the offline map does not load.
"""

import html
import json
import math
import re
from urllib.parse import urlsplit

import folium
import pandas as pd
from folium.plugins import MarkerCluster
from folium.template import Template

from geo.catalysers import CONFIDENCE_LABELS, KIND_LABELS, METIERS, category_label
from geo.distance import check_query
from layers.render.links import is_http_url
from layers.render.offline import offline

#: Confidence level -> marker colour (Okabe-Ito blue, orange, bluish green).
CONFIDENCE_COLOURS = {"A": "#0072B2", "B": "#E69F00", "C": "#009E73"}
#: Local alliances (a family, always confidence C): Okabe-Ito reddish purple, so that they are
#: never read as cooperation hubs, let alone catalysers.
FAMILY_COLOUR = "#CC79A7"
HUB_LEGEND = "C – Pôle de coopération (PTCE, tiers-lieu, conseil de développement…)"
FAMILY_LEGEND = "C – Alliance locale, pas un catalyseur (site « zéro chômeur », club d'entreprises)"
HIGHLIGHT_COLOUR = "#000000"
RADIUS_COLOUR = "#333333"
_COMMUNE_STYLE = {"radius": 7.0, "weight": 1.0, "dash_array": "", "fill_opacity": 0.9}
_DEPARTEMENT_STYLE = {"radius": 9.0, "weight": 2.5, "dash_array": "4 3", "fill_opacity": 0.15}
_COMMUNE_OUTLINE = "#333333"
_HIGHLIGHT_EXTRA_RADIUS = 4.0
#: Leaflet pane of markers and the search circle: above the base map's names (pane at 450),
#: so labels never cover them. folium's path options drop ``pane``: it is set on ``options``.
MARKER_PANE = "markerPane"
_SOURCE_SEPARATOR = re.compile(r"\s+;\s+")
_DESCRIPTION_MAX_CHARS = 280


class _Bind(folium.MacroElement):
    """Bind a popup (HTML) and a tooltip (HTML) to the parent layer, as JSON string literals."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}
            {%- if this.popup %}.bindPopup({{ this.popup }}, {"maxWidth": 320}){% endif %}
            {%- if this.tooltip %}.bindTooltip({{ this.tooltip }}, {"sticky": true}){% endif %};
        {% endmacro %}
        """
    )

    def __init__(self, popup_html: str = "", tooltip_html: str = ""):
        super().__init__()
        self._name = "Bind"
        self.popup = _js_string(popup_html) if popup_html else ""
        self.tooltip = _js_string(tooltip_html) if tooltip_html else ""


class _PlaceLabel(folium.MacroElement):
    """Keeps the searched commune labelled, whatever the base map does with its name.

    With the base map, it asks it to write the name first (``setPlace``, static/atlas/basemap.js)
    while the marker is on the map; without, the marker gets a permanent tooltip.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (marker, name, html) {
                var basemap = window.atlasBasemap;
                if (basemap) {
                    basemap.setPlace(name);
                    marker.on("remove", function () { basemap.setPlace(null); });
                } else {
                    marker.unbindTooltip().bindTooltip(
                        html, {"permanent": true, "direction": "top", "offset": [0, -7]});
                }
            })({{ this._parent.get_name() }}, {{ this.name }}, {{ this.html }});
        {% endmacro %}
        """
    )

    def __init__(self, name: str):
        super().__init__()
        self._name = "PlaceLabel"
        self.name = _js_string(name)
        self.html = _js_string(_esc(name))


def _js_string(text: str) -> str:
    """``text`` as a JavaScript string literal that is also safe inside a <script> element."""
    literal = json.dumps(text, ensure_ascii=False)
    return literal.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _esc(value: object) -> str:
    """HTML-escaped text of a data value (missing values become the empty string)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def safe_link(url: object, text: str | None = None) -> str:
    """An ``<a>`` opening ``url`` in a new tab if :func:`is_http_url`, else the escaped text.

    ``text`` defaults to the URL's host. Both the URL and the text are HTML-escaped.
    """
    raw = "" if url is None or (isinstance(url, float) and math.isnan(url)) else str(url).strip()
    if not is_http_url(raw):
        return _esc(raw)
    label = text if text is not None else (urlsplit(raw).netloc or raw)
    return f'<a href="{_esc(raw)}" target="_blank" rel="noopener">{_esc(label)}</a>'


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
    styles.loc[lit, "colour"] = HIGHLIGHT_COLOUR
    styles.loc[lit, "radius"] += _HIGHLIGHT_EXTRA_RADIUS
    styles.loc[lit, "weight"] = 3.0
    return styles


def popup_html(row: pd.Series) -> str:
    """Popup of one catalyser: name, place, métiers, kind, confidence (or family),
    description, links."""
    metiers = [METIERS.get(m, m) for m in str(row["metiers"] or "").split(";") if m]
    family = str(row.get("family", "") or "")
    lines = [
        f"<b>{_esc(row['name'])}</b>",
        _esc(place_label(row)),
        f"Métiers : {_esc(', '.join(metiers) or 'non précisés')}",
        f"Type : {_esc(KIND_LABELS.get(row['kind'], row['kind']))}",
        f"Confiance : {_esc(category_label(row['confidence'], family))}",
    ]
    if family:
        lines.append("<i>Alliance locale : non qualifiée de catalyseur par ses sources.</i>")
    description = str(row.get("description", "") or "")
    if description:
        short = description[:_DESCRIPTION_MAX_CHARS]
        short += "…" if len(description) > _DESCRIPTION_MAX_CHARS else ""
        lines.append(f"<small>{_esc(short)}</small>")
    if str(row.get("website", "") or "").strip():
        lines.append(f"Site : {safe_link(row['website'])}")
    sources = [s for s in _SOURCE_SEPARATOR.split(str(row["source_url"] or "").strip()) if s]
    if sources:
        lines.append("Source : " + " ; ".join(safe_link(s) for s in sources))
    return '<div class="catalyseur">' + "<br>".join(lines) + "</div>"


def place_label(row: pd.Series) -> str:
    """Where the row is, in words (plain text, not escaped)."""
    if row.get("precision") == "departement" or not row.get("commune"):
        return f"Département {row['departement']} (commune inconnue : placé à la préfecture)"
    # The research marks a commune it inferred rather than read (e.g. from members' names).
    doubt = " – commune incertaine" if "UNCERTAIN" in str(row.get("note", "") or "") else ""
    return f"{row['commune']} ({row['departement']}){doubt}"


def tooltip_html(row: pd.Series) -> str:
    """Tooltip of one catalyser: its escaped name and place."""
    return f"<b>{_esc(row['name'])}</b><br>{_esc(place_label(row))}"


def catalyser_layer(
    df: pd.DataFrame, highlight: set[str] | None = None, name: str = "Catalyseurs territoriaux"
) -> folium.FeatureGroup:
    """A FeatureGroup (shown by default) with one CircleMarker per placed catalyser.

    Markers are clustered (Leaflet.markercluster, served locally). Highlighted rows (whose
    ``name`` is in ``highlight``, e.g. the results of a radius search) go into a second cluster
    that only merges markers a few pixels apart, so they stay visible at every zoom and markers
    at the same point spread out on click. Rows without coordinates (region or national level)
    are not drawn.

    Parameters
    ----------
    df : DataFrame
        Catalysers as from :func:`geo.catalysers.load_catalysers` (possibly filtered).
    highlight : set of str, optional
        Names of the rows to highlight.
    name : str
        Layer name shown in the layer control.
    """
    styles = marker_styles(df, highlight)
    group = folium.FeatureGroup(name=name, show=True)
    clusters = {
        False: offline(MarkerCluster(control=False, options={"showCoverageOnHover": False})),
        True: offline(
            MarkerCluster(
                control=False, options={"showCoverageOnHover": False, "maxClusterRadius": 12}
            )
        ),
    }
    for lit in (False, True):
        rows = styles.index[styles["highlighted"] == lit]
        if len(rows):
            clusters[lit].add_to(group)
        for index in rows:
            _marker(df.loc[index], styles.loc[index]).add_to(clusters[lit])
    return group


def _marker(row: pd.Series, style: pd.Series) -> folium.CircleMarker:
    """One CircleMarker drawn from precomputed style columns, with its popup and tooltip."""
    marker = folium.CircleMarker(
        location=(float(row["lat"]), float(row["lon"])),
        radius=float(style["radius"]),
        color=style["colour"],
        weight=float(style["weight"]),
        fill=True,
        fill_color=style["fill_colour"],
        fill_opacity=float(style["fill_opacity"]),
        dash_array=style["dash_array"] or None,
    )
    marker.options["pane"] = MARKER_PANE
    _Bind(popup_html(row), tooltip_html(row)).add_to(marker)
    return marker


def radius_layer(
    lat: float, lon: float, radius_km: float, label: str, name: str = "Rayon de recherche"
) -> folium.FeatureGroup:
    """A FeatureGroup with the search circle (``radius_km``) and a marker at its centre.

    ``label`` (e.g. the commune's name) is escaped and shown in the centre's tooltip, and stays
    written on the map (see :class:`_PlaceLabel`): without it, the base map could give the
    commune's place to a bigger neighbour's name.

    Raises
    ------
    ValueError
        Centre outside [-90, 90] x [-180, 180], or a radius that is not a positive number.
    """
    check_query(lat, lon, radius_km)
    group = folium.FeatureGroup(name=name, show=True)
    circle = folium.Circle(
        location=(lat, lon),
        radius=radius_km * 1000,
        color=RADIUS_COLOUR,
        weight=2,
        dash_array="6 4",
        fill=True,
        fill_opacity=0.04,
        interactive=False,
    )
    circle.options["pane"] = MARKER_PANE
    circle.add_to(group)
    centre = folium.CircleMarker(
        location=(lat, lon), radius=5, color="#ffffff", weight=2, fill=True,
        fill_color=RADIUS_COLOUR, fill_opacity=1.0,
    )  # fmt: skip
    centre.options["pane"] = MARKER_PANE
    _Bind(tooltip_html=f"{_esc(label)} – rayon {radius_km:g} km").add_to(centre)
    _PlaceLabel(label).add_to(centre)
    centre.add_to(group)
    return group


def _swatch(fill: str, colour: str, radius: float, weight: float, dash: str, opacity: float) -> str:
    """A small inline SVG circle drawn like a marker (for legends outside the map)."""
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<svg width="24" height="24" viewBox="0 0 24 24"><circle cx="12" cy="12" r="{radius}"'
        f' fill="{fill}" fill-opacity="{opacity}" stroke="{colour}" stroke-width="{weight}"'
        f"{dash_attr}/></svg>"
    )


def marker_legend() -> list[tuple[str, str]]:
    """Legend entries ``(swatch, label)``: the swatch is an inline SVG drawn like the marker.

    One entry per confidence level and one for the local alliances, then the département-level
    marker, the highlighted marker and the search centre. Labels are French plain text;
    swatches contain no data.
    """
    c, d = _COMMUNE_STYLE, _DEPARTEMENT_STYLE
    groups = [
        (f"{level} – {CONFIDENCE_LABELS[level]}", CONFIDENCE_COLOURS[level]) for level in "AB"
    ]
    groups += [(HUB_LEGEND, CONFIDENCE_COLOURS["C"]), (FAMILY_LEGEND, FAMILY_COLOUR)]
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
            "Commune inconnue : placé à la préfecture du département",
        ),
        (
            _swatch(neutral, HIGHLIGHT_COLOUR, c["radius"] + 3, 3.0, "", c["fill_opacity"]),
            "Résultat de la recherche",
        ),
        (_swatch(RADIUS_COLOUR, "#ffffff", 5, 2, "", 1.0), "Commune recherchée (cercle : rayon)"),
    ]
    return entries
