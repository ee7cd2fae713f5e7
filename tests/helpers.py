"""Helpers shared by several test modules (test modules never import each other).

Reference implementations ("oracles") that the tests compare the app's code against live here,
not in the runtime packages: nothing in the app needs them.
"""

import json
from html.parser import HTMLParser
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from geo.distance import KM_PER_DEGREE_LAT, check_query, haversine_km
from ui.state import FULL_PAGE_KEY, PREFIX

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
#: Seconds an AppTest run may take (a cold run loads every table).
TIMEOUT_S = 120


def app_test(map_first: bool = False, **params) -> AppTest:
    """The app ready for Streamlit's AppTest, not yet run, with ``params`` as URL query
    parameters.

    A session's first run draws the map alone until the browser says it is drawn (AppTest runs
    no JavaScript): unless ``map_first``, the session is started as after that answer, with the
    whole page.
    """
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    for key, value in params.items():
        at.query_params[key] = value
    if not map_first:
        at.session_state[FULL_PAGE_KEY] = True
    return at


def run_app(map_first: bool = False, **params) -> AppTest:
    """:func:`app_test` run once."""
    return app_test(map_first, **params).run()


def texts(at: AppTest) -> str:
    """Every text the page shows in Markdown, captions, info boxes and HTML elements."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [h.proto.body for h in at.html]
    return "\n".join(parts)


def component_data(at: AppTest, name: str) -> dict:
    """The data a component of ours received (AppTest does not run its JavaScript)."""
    found = [e.proto for e in at.get("bidi_component") if e.proto.component_name == name]
    assert len(found) == 1, f"{len(found)} {name} components"
    return json.loads(found[0].json)


def summary_of(at: AppTest, code: str) -> str:
    """The profile summary the browser shows at a click on ``code`` (HTML)."""
    return component_data(at, "atlas_summary")["summaries"][code]


def to_geojson(gdf: gpd.GeoDataFrame) -> dict:
    """A GeoJSON FeatureCollection with no ids and no bounding boxes (smaller payload)."""
    return json.loads(gdf.to_json(drop_id=True, na="null"))


def geojson_size_bytes(gdf: gpd.GeoDataFrame) -> int:
    """Bytes of the compact GeoJSON text of ``gdf``."""
    return len(json.dumps(to_geojson(gdf), separators=(",", ":"), ensure_ascii=False).encode())


def with_distance(points: pd.DataFrame, lat: float, lon: float) -> pd.DataFrame:
    """Copy of ``points`` (columns ``lat``, ``lon``) with ``distance_km``, nearest first.

    Rows without coordinates are left out.
    """
    check_query(lat, lon, 1.0)  # checks the centre (any radius would do)
    placed = points[points["lat"].notna() & points["lon"].notna()]
    distances = haversine_km(lat, lon, placed["lat"].to_numpy(), placed["lon"].to_numpy())
    out = placed.assign(distance_km=distances)
    return out.sort_values("distance_km", kind="stable")


def within_radius(points: pd.DataFrame, lat: float, lon: float, radius_km: float) -> pd.DataFrame:
    """Rows of ``points`` within ``radius_km`` of (lat, lon), with ``distance_km``, nearest first.

    The reference :func:`geo.catalysers.catalysers_near` is compared with (a different filter:
    a bounding box on latitude and longitude).

    A bounding box on latitude and longitude discards far points before the trigonometry, so
    the cost grows with the number of nearby points, not the size of the table.

    Parameters
    ----------
    points : DataFrame
        Columns ``lat`` and ``lon`` in degrees (WGS84); other columns are kept.
    lat, lon : float
        Centre of the query, in degrees.
    radius_km : float
        Radius in km, positive.
    """
    check_query(lat, lon, radius_km)
    dlat = radius_km / KM_PER_DEGREE_LAT
    coslat = max(np.cos(np.radians(min(abs(lat) + dlat, 90.0))), 1e-6)
    dlon = min(radius_km / (KM_PER_DEGREE_LAT * coslat), 180.0)
    lats = points["lat"].to_numpy(dtype=float)
    lons = points["lon"].to_numpy(dtype=float)
    dlons = np.abs((lons - lon + 180.0) % 360.0 - 180.0)
    near = points[(np.abs(lats - lat) <= dlat) & (dlons <= dlon)]
    distances = haversine_km(lat, lon, near["lat"].to_numpy(), near["lon"].to_numpy())
    out = near.assign(distance_km=distances)
    out = out[out["distance_km"] <= radius_km]
    return out.sort_values("distance_km", kind="stable")


class _TableReader(HTMLParser):
    """Rows of the HTML tables of a page: each cell as its text, the text of its ``<small>``
    parts and its first link's ``href``."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[dict]]] = []
        self._cell: dict | None = None
        self._small = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self._cell = {"text": "", "small": "", "href": ""}
            self.tables[-1][-1].append(self._cell)
        elif tag == "small":
            self._small += 1
        elif tag == "a" and self._cell is not None and not self._cell["href"]:
            self._cell["href"] = dict(attrs).get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "small":
            self._small -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["small" if self._small else "text"] += data


def html_table(html_text: str) -> pd.DataFrame:
    """The first table of ``html_text`` as a frame: a column per header cell holding each
    cell's text (stripped), plus ``"<header> ·small"`` (the text of its ``<small>`` parts) and
    ``"<header> ·href"`` (its first link)."""
    reader = _TableReader()
    reader.feed(html_text)
    head, *body = reader.tables[0]
    names = [cell["text"].strip() for cell in head]
    columns: dict[str, list[str]] = {}
    for name, i in zip(names, range(len(names)), strict=True):
        columns[name] = [row[i]["text"].strip() for row in body]
        columns[f"{name} ·small"] = [row[i]["small"].strip() for row in body]
        columns[f"{name} ·href"] = [row[i]["href"] for row in body]
    return pd.DataFrame(columns)


def detail_of(at: AppTest, code: str | None = None) -> str:
    """The profile detail the browser shows at a click on ``code`` (HTML; default: the region
    selected in the session)."""
    code = code if code is not None else str(at.session_state[PREFIX + "region"])
    return component_data(at, "atlas_detail")["details"][code]


def indicator_table(at: AppTest, code: str | None = None) -> pd.DataFrame:
    """The profile's indicator table (layers.render.indicator_table) of ``code`` (default: the
    selected region) as :func:`html_table` reads it, with ``Source``: the link under the
    indicator's name."""
    table = html_table(detail_of(at, code))
    return table.assign(Source=table["Indicateur ·href"])
