"""The indicator tables (data/indicators/) as one immutable bundle that computations take.

Every computation in layers/ takes an :class:`IndicatorData` rather than reading files, so that
a user's imported rows (a new bundle built with :func:`dataclasses.replace`) go through exactly
the same code as the shipped ones.
"""

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from geo.levels import LEVELS, check_level
from geo.region_mapping import load_region_mapping, load_units
from i18n import DEFAULT_LANG, has_key, t

#: Whatever a memoised computation returns (a table, a string...).
T = TypeVar("T")

INDICATORS_DIR = Path(__file__).resolve().parents[2] / "data" / "indicators"
FRANCE_CODES = {"FRM": "France métropolitaine", "FR": "France entière"}
#: ``source_url`` of every row a user imported: the provenance that follows the number.
IMPORTED_SOURCE = "données importées"
#: :attr:`IndicatorData.key` of the shipped tables.
SHIPPED_KEY = "shipped"


class UnknownIdError(KeyError, ValueError):
    """An indicator, domain, axis, level or survey that the data do not contain.

    Both a ``KeyError`` (an id looked up) and a ``ValueError`` (a bad argument value), so callers
    may catch either.
    """

    def __str__(self) -> str:  # KeyError would print the message with quotes
        return str(self.args[0])


@dataclass(frozen=True)
class IndicatorData:
    """Domains, indicator catalogue, values, perception scores, profiles, region mapping and
    unit table (the départements with their regions, :func:`geo.region_mapping.load_units`)."""

    domains: pd.DataFrame
    catalogue: pd.DataFrame
    values: pd.DataFrame
    perception: pd.DataFrame
    profiles: pd.DataFrame
    mapping: pd.DataFrame
    #: Unit names per level, ``{"2016": {code: name}, "pre2016": {...}, "departement": {...}}``,
    #: sorted by code; derived from ``units`` (else ``mapping``: region levels only) when not
    #: given.
    region_names: dict | None = None
    #: One row per département with its units at every level; None in bundles built without it
    #: (then the département level is unknown to the bundle).
    units: pd.DataFrame | None = None
    #: Content key naming this bundle in every cache: :data:`SHIPPED_KEY`, or a hash of the
    #: imported rows (see :func:`content_key`). Never ``id()``, which Python reuses.
    key: str = SHIPPED_KEY
    #: The shipped bundle an imported one was built from (``None`` for the shipped bundle):
    #: comparing with it tells which numbers the import changed.
    origin: "IndicatorData | None" = field(default=None, compare=False, repr=False)
    #: Results of pure computations on this bundle (see :meth:`memoised`).
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    #: One lock per memo key, and the lock that guards that dict (see :meth:`memoised`).
    _key_locks: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _locks_lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if self.region_names is None:  # frozen: set once, here
            table = self.mapping if self.units is None else self.units
            object.__setattr__(self, "region_names", region_names_of(table))

    def memoised(self, key: tuple, compute: Callable[[], T]) -> T:
        """``compute()`` once per bundle and key; callers must treat the result as read-only.

        The tables are immutable, so a derived table never goes stale; a bundle with imported
        rows is a new object (``dataclasses.replace``) with an empty memo.

        Thread-safe: a second thread asking for a key being computed waits for that result
        instead of computing it again (the app builds a level's profiles in the background
        while a session's run may need the same tables, ui/prebuild.py). Keys depend on one
        another without cycles, so the per-key locks cannot deadlock; they are reentrant all
        the same.
        """
        if key in self._memo:
            return self._memo[key]
        with self._locks_lock:
            lock = self._key_locks.setdefault(key, threading.RLock())
        with lock:
            if key not in self._memo:
                self._memo[key] = compute()
        return self._memo[key]

    def indicator(self, indicator_id: str) -> pd.Series:
        """The catalogue row of ``indicator_id``; unknown ids list a few valid ones.

        Rows are looked up in a dict built once per bundle: a boolean mask over the catalogue
        costs some 20 ms, and the 96 départements' profile summaries ask for hundreds of rows.
        Callers must treat the row as read-only.
        """
        rows = self.memoised(
            ("catalogue_rows",),
            lambda: {row["indicator_id"]: row for _, row in self.catalogue.iterrows()},
        )
        if indicator_id not in rows:
            raise UnknownIdError(
                f"Unknown indicator {indicator_id!r}; expected one of: "
                f"{', '.join(sorted(self.catalogue['indicator_id']))}"
            )
        return rows[indicator_id]

    @property
    def levels(self) -> list[str]:
        """Ids of the levels this bundle has units for, in the order of :data:`LEVELS`."""
        return [level for level in LEVELS if level in self.region_names]

    def source(self, indicator_id: str, level: str) -> tuple[str, str]:
        """(named source, URL) of ``indicator_id``'s values at ``level``: the catalogue's
        ``source_<level>`` columns where the level's values come from another file (the
        départements'), else ``source`` and ``source_url``."""
        row = self.indicator(indicator_id)
        check_level(level)
        name, url = row.get(f"source_{level}", ""), row.get(f"source_url_{level}", "")
        if isinstance(url, str) and url:
            return str(name or row["source"]), url
        return str(row["source"]), str(row["source_url"])

    def decimals(self, indicator_id: str) -> int | None:
        """Decimals to display for ``indicator_id`` (its source's precision), or None when the
        catalogue does not say (then the caller picks from the values' magnitude)."""
        value = self.indicator(indicator_id).get("decimals")
        return None if value is None or pd.isna(value) or value == "" else int(value)

    def regions(self, level: str) -> dict[str, str]:
        """Codes and names of the units of ``level`` (an id of :data:`geo.levels.LEVELS`)."""
        check_level(level)
        if level not in self.region_names:
            raise UnknownIdError(f"This data bundle has no unit table for the level {level!r}")
        return self.region_names[level]

    def proxy_notes(self, level: str, lang: str = DEFAULT_LANG) -> pd.Series:
        """Domain -> what its core indicators at ``level`` stand in for ("" when they measure
        the notion itself), in ``lang``: the catalogue's :func:`proxy_key` text, else (a bundle
        whose domains the catalogue does not know) the data's own French note."""
        column = check_level(level).proxy_note_column
        notes = self.domains.get(column, pd.Series("", index=self.domains.index)).fillna("")
        domains = self.domains["domain"].to_numpy()
        texts = [
            t(proxy_key(level, domain), lang)
            if note and has_key(proxy_key(level, domain))
            else note
            for domain, note in zip(domains, notes, strict=True)
        ]
        return pd.Series(texts, index=domains, dtype=object)

    def core(self, level: str) -> pd.Series:
        """Boolean by catalogue row: the indicator enters the indices at ``level``."""
        column = check_level(level).core_column
        if column not in self.catalogue:
            return pd.Series(False, index=self.catalogue.index)
        return self.catalogue[column].astype(bool)


def proxy_key(level: str, domain: str) -> str:
    """Catalogue key (:mod:`i18n`) of what ``domain``'s core set at ``level`` stands in for:
    ``proxy.<domain>`` for the region levels (one core set, ``domains.csv`` column
    ``proxy_note``), ``proxy.<domain>.<level>`` for a level with its own core set (the
    départements: ``proxy.logement.departement``, column ``proxy_note_departement``)."""
    if check_level(level).proxy_note_column == "proxy_note":
        return f"proxy.{domain}"
    return f"proxy.{domain}.{level}"


def content_key(values: pd.DataFrame, perception: pd.DataFrame) -> str:
    """Key of a bundle with imported rows: a hash of those rows (the rest is the shipped data).

    Rows are sorted first, so that the same rows imported in another order give the same key.
    """
    digest = hashlib.sha256()
    for name, frame in (("values", values), ("perception", perception)):
        rows = frame[frame["source_url"] == IMPORTED_SOURCE].astype(str)
        rows = rows.sort_values(list(rows.columns), ignore_index=True)
        digest.update(name.encode())
        digest.update(rows.to_csv(index=False).encode("utf-8"))
    return "import:" + digest.hexdigest()[:32]


def region_names_of(table: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Codes and names of the levels whose columns ``table`` has (the unit table lists them all,
    the region mapping the two region levels), sorted by code."""
    names = {}
    for level in LEVELS.values():
        if {level.mapping_code, level.mapping_name} <= set(table.columns):
            pairs = table[[level.mapping_code, level.mapping_name]].drop_duplicates()
            names[level.id] = dict(sorted(zip(*pairs.to_numpy().T, strict=True)))
    return names


def _read(name: str, directory: Path, **kwargs) -> pd.DataFrame:
    return pd.read_csv(directory / name, keep_default_na=False, na_values={"value": [""]}, **kwargs)


def load_indicator_data(directory: Path = INDICATORS_DIR) -> IndicatorData:
    """Read the shipped tables (codes as text, values as floats)."""
    text = {"region_code": str, "indicator_id": str, "year": str, "domain": str}
    catalogue = _read("catalogue.csv", directory, dtype={"year": str, "scale": str})
    flags = {level.core_column for level in LEVELS.values()} | {"partial"}
    for column in flags & set(catalogue.columns):
        catalogue[column] = catalogue[column].astype(str).str.lower() == "true"
    values = _read("values.csv", directory, dtype={**text, "level": str, "value": float})
    perception = _read("perception.csv", directory, dtype={**text, "level": str, "score_10": float})
    return IndicatorData(
        domains=_read("domains.csv", directory).sort_values("order", ignore_index=True),
        catalogue=catalogue,
        values=values,
        perception=perception,
        profiles=_read("profiles.csv", directory, dtype={"region_code": str, "year": str}),
        mapping=load_region_mapping(),
        units=load_units(),
    )
