"""The directory of territorial catalysers (data/catalysers/catalyseurs.csv) and its queries.

Pure functions on DataFrames: load the shipped directory, filter it by métier, confidence and
kind, find the catalysers around a point, list those of a 2016 region. Nothing is read or
computed at import time; the UI caches :func:`load_catalysers`.
"""

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geo.distance import KM_PER_DEGREE_LAT, check_query, haversine_km
from geo.paths import DATA_DIR
from i18n import DEFAULT_LANG, t

CATALYSERS_DIR = DATA_DIR / "catalysers"
CATALYSERS_CSV = CATALYSERS_DIR / "catalyseurs.csv"


def _french(prefix: str, ids: tuple[str, ...]) -> dict[str, str]:
    """id -> French label, from the :mod:`i18n` catalogue's ``<prefix>.<id>`` texts."""
    return {i: t(f"{prefix}.{i}") for i in ids}


def labels_in(prefix: str, ids: Collection[str], lang: str = DEFAULT_LANG) -> dict[str, str]:
    """id -> label in ``lang`` for one of the label families below (``"metier"``,
    ``"confidence"``, ``"family"``, ``"kind"``, ``"precision"``); ``ids`` is its dict."""
    return {i: t(f"{prefix}.{i}", lang) for i in ids}


#: The four métiers of a catalyser (Le RAMEAU), id -> French label; order is the display order.
METIERS = _french(
    "metier",
    ("dialogue_territorial", "experimentations_collectives", "accompagnements", "gestion_lieu"),
)
#: Confidence that the organisation is a catalyser (see data/catalysers/README.md).
CONFIDENCE_LABELS = _french("confidence", ("A", "B", "C"))
#: Confidence levels shown on the map by default; the others are one click away.
DEFAULT_CONFIDENCE = ("A", "B")
#: Families of organisations that are local alliances rather than catalysers in Le RAMEAU's
#: sense: always confidence C, shown under their own name (never as a catalyser).
FAMILY_LABELS = _french("family", ("tzcld", "club_entreprises"))
KIND_LABELS = _french(
    "kind",
    (
        "association",
        "fondation",
        "reseau",
        "ptce",
        "tiers_lieu",
        "collectivite",
        "entreprise",
        "autre",
    ),
)
#: How precisely a row is placed. Only ``commune`` and ``departement`` rows have coordinates.
PRECISION_LABELS = _french("precision", ("commune", "departement", "region", "national"))
#: 2016 region codes (INSEE): the 13 metropolitan regions and the 5 overseas ones.
REGION_CODES_2016 = (
    "01", "02", "03", "04", "06",
    "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94",
)  # fmt: skip
COLUMNS = [
    "name",
    "insee_code",
    "commune",
    "departement",
    "region_2016",
    "lat",
    "lon",
    "precision",
    "metiers",
    "kind",
    "family",
    "confidence",
    "website",
    "description",
    "source_url",
    "note",
]
#: Rows returned by the "nearest" fallback when nothing lies within the radius.
NEAREST_COUNT = 3
_TEXT_COLUMNS = [c for c in COLUMNS if c not in ("lat", "lon")]


def load_catalysers(path: Path = CATALYSERS_CSV) -> pd.DataFrame:
    """The shipped directory: one row per organisation, codes as text, lat/lon as floats.

    ``metiers`` is a ``;``-separated list of :data:`METIERS` ids (empty when unknown); lat/lon
    are empty (NaN) for rows placed only at region or national level.
    """
    return pd.read_csv(
        path,
        dtype=dict.fromkeys(_TEXT_COLUMNS, str),
        keep_default_na=False,
        na_values={"lat": [""], "lon": [""]},
    )[COLUMNS]


def filter_catalysers(
    df: pd.DataFrame,
    metiers: Collection[str] | None = None,
    confidence: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
) -> pd.DataFrame:
    """Rows of ``df`` that match every given criterion (a copy; ``df`` is not changed).

    Parameters
    ----------
    df : DataFrame
        A directory as returned by :func:`load_catalysers`.
    metiers : collection of str, optional
        :data:`METIERS` ids; a row matches if it exercises *any* of them (rows whose métiers
        are unknown never match).
    confidence : collection of str, optional
        Levels among :data:`CONFIDENCE_LABELS` (``"A"``, ``"B"``, ``"C"``).
    kinds : collection of str, optional
        Kinds among :data:`KIND_LABELS`.

    ``None`` means "no filter on this criterion"; an empty collection matches nothing (as an
    emptied multiselect shows nothing). A single string counts as one value.

    Raises
    ------
    ValueError
        A value is not a valid choice; the message names it and lists the valid ones.
    """
    keep = np.ones(len(df), dtype=bool)
    if metiers is not None:
        wanted = _checked("metiers", metiers, METIERS)
        pattern = r"(?:^|;)(?:" + "|".join(map(re.escape, wanted)) + r")(?:;|$)"
        keep &= df["metiers"].str.contains(pattern, regex=True).to_numpy() if wanted else False
    if confidence is not None:
        keep &= df["confidence"].isin(_checked("confidence", confidence, CONFIDENCE_LABELS))
    if kinds is not None:
        keep &= df["kind"].isin(_checked("kinds", kinds, KIND_LABELS))
    return df[keep].copy()


def category_label(confidence: str, family: str = "", lang: str = DEFAULT_LANG) -> str:
    """What an organisation is, in words: ``"C – Territoire zéro chômeur…"`` for a row of a
    :data:`FAMILY_LABELS` family (a local alliance), else its confidence level's label."""
    if family:
        label = t(f"family.{family}", lang) if family in FAMILY_LABELS else None
    else:
        label = t(f"confidence.{confidence}", lang) if confidence in CONFIDENCE_LABELS else None
    return t("catalysers.category", lang, confidence=confidence, label=label or confidence)


@dataclass(frozen=True)
class FilterSummary:
    """How many organisations a filter keeps and how many the confidence filter hides.

    Attributes
    ----------
    shown : int
        Rows kept by every criterion.
    placed : int
        Of ``shown``, the rows drawn on the map (placed at a commune or a prefecture).
    hidden_by_confidence : dict
        Confidence level -> rows that every other criterion keeps but the confidence filter
        hides (e.g. ``{"C": 184}`` with the default A + B).
    """

    shown: int
    placed: int
    hidden_by_confidence: dict[str, int]


def summarise_filter(
    df: pd.DataFrame,
    metiers: Collection[str] | None = None,
    confidence: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
) -> FilterSummary:
    """Counts behind :func:`filter_catalysers` with the same arguments (see there)."""
    shown = filter_catalysers(df, metiers, confidence, kinds)
    others = filter_catalysers(df, metiers, None, kinds)
    hidden = others.loc[~others.index.isin(shown.index), "confidence"].value_counts()
    return FilterSummary(
        shown=len(shown),
        placed=int(shown["lat"].notna().sum()),
        hidden_by_confidence={c: int(hidden[c]) for c in CONFIDENCE_LABELS if c in hidden},
    )


def _checked(argument: str, values: Collection[str], valid: Mapping[str, str]) -> list[str]:
    """``values`` as a list, after checking each is a key of ``valid``."""
    values = [values] if isinstance(values, str) else list(values)
    unknown = [v for v in values if v not in valid]
    if unknown:
        raise ValueError(f"Unknown {argument} value(s) {unknown!r}; expected some of {list(valid)}")
    return values


@dataclass(frozen=True)
class NearResult:
    """Catalysers around a point.

    Attributes
    ----------
    within : DataFrame
        Rows within the radius, with ``distance_km``, nearest first.
    nearest : DataFrame
        When ``within`` is empty: the :data:`NEAREST_COUNT` nearest placed rows, with
        ``distance_km``, nearest first; otherwise empty.
    lat, lon, radius_km : float
        The query.
    """

    within: pd.DataFrame
    nearest: pd.DataFrame
    lat: float
    lon: float
    radius_km: float

    @property
    def found(self) -> bool:
        """Whether at least one catalyser lies within the radius."""
        return not self.within.empty

    @property
    def rows(self) -> pd.DataFrame:
        """What to show: ``within`` if it has rows, else ``nearest``."""
        return self.within if self.found else self.nearest


def catalysers_near(df: pd.DataFrame, lat: float, lon: float, radius_km: float) -> NearResult:
    """Catalysers within ``radius_km`` of (lat, lon), or the nearest three if there are none.

    Only rows with coordinates take part: rows placed at region or national level are never
    returned. Rows of ``precision == "departement"`` (commune unknown) are placed at their
    département's prefecture, so their ``distance_km`` is the distance to the prefecture, not
    to the organisation; they keep their ``precision`` column so that the caller can flag them.
    Distances are great-circle (:func:`geo.distance.haversine_km`) distances in km; a row at
    exactly ``radius_km`` is within; ties keep the order of ``df``. The result is the same as
    ``tests.helpers.within_radius`` (a test checks it) but about 2 ms faster per call: a
    latitude band (one comparison per row) picks the candidates, and the DataFrame is indexed
    once, for the rows found.

    Parameters
    ----------
    df : DataFrame
        A directory as returned by :func:`load_catalysers` (or filtered from it); at least the
        columns ``lat`` and ``lon``. It is not modified.
    lat, lon : float
        Centre, in degrees (WGS84).
    radius_km : float
        Radius in km, positive.

    Raises
    ------
    ValueError
        Centre outside [-90, 90] x [-180, 180], or a radius that is not a positive number.
    """
    check_query(lat, lon, radius_km)
    lats = df["lat"].to_numpy(dtype=float)
    # A point farther in latitude than the radius is farther in distance too.
    band = np.flatnonzero(np.abs(lats - lat) <= radius_km / KM_PER_DEGREE_LAT + 1e-9)
    distances = haversine_km(lat, lon, lats[band], df["lon"].to_numpy(dtype=float)[band])
    inside = distances <= radius_km
    positions, distances = band[inside], distances[inside]
    order = np.argsort(distances, kind="stable")
    within = df.iloc[positions[order]].assign(distance_km=distances[order])
    nearest = within.iloc[0:0] if len(within) else _nearest(df, lat, lon, NEAREST_COUNT)
    return NearResult(within, nearest, float(lat), float(lon), float(radius_km))


def _nearest(df: pd.DataFrame, lat: float, lon: float, count: int) -> pd.DataFrame:
    """The ``count`` placed rows nearest to (lat, lon), with ``distance_km``, nearest first."""
    distances = haversine_km(lat, lon, df["lat"].to_numpy(dtype=float), df["lon"].to_numpy(float))
    distances = np.where(np.isnan(distances), np.inf, distances)
    count = min(count, int(np.isfinite(distances).sum()))
    if count == 0:
        return df.iloc[0:0].assign(distance_km=pd.Series(dtype=float))
    candidates = np.argpartition(distances, count - 1)[:count]
    order = candidates[np.lexsort((candidates, distances[candidates]))]
    return df.iloc[order].assign(distance_km=distances[order])


def catalysers_in_region(df: pd.DataFrame, region_code_2016: str) -> pd.DataFrame:
    """Catalysers of one 2016 region (placed or not), by confidence then name.

    National rows (no region) are not included.

    Raises
    ------
    ValueError
        ``region_code_2016`` is not one of :data:`REGION_CODES_2016` (text, e.g. ``"32"``).
    """
    if region_code_2016 not in REGION_CODES_2016:
        raise ValueError(
            f"Unknown 2016 region code {region_code_2016!r}; "
            f"expected one of {list(REGION_CODES_2016)}"
        )
    rows = df[df["region_2016"] == region_code_2016]
    return rows.sort_values(["confidence", "name"], kind="stable").copy()
