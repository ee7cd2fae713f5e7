"""The indicator tables (data/indicators/) as one immutable bundle that computations take.

Every computation in layers/ takes an :class:`IndicatorData` rather than reading files, so that
a user's imported rows (a new bundle built with :func:`dataclasses.replace`) go through exactly
the same code as the shipped ones.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo.levels import LEVELS, check_level
from geo.region_mapping import load_region_mapping

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
    """Domains, indicator catalogue, values, perception scores, profiles and region mapping."""

    domains: pd.DataFrame
    catalogue: pd.DataFrame
    values: pd.DataFrame
    perception: pd.DataFrame
    profiles: pd.DataFrame
    mapping: pd.DataFrame
    #: Unit names per level, ``{"2016": {code: name}, "pre2016": {code: name}}``, sorted by
    #: code; derived from ``mapping`` when not given.
    region_names: dict | None = None
    #: Content key naming this bundle in every cache: :data:`SHIPPED_KEY`, or a hash of the
    #: imported rows (see :func:`content_key`). Never ``id()``, which Python reuses.
    key: str = SHIPPED_KEY
    #: The shipped bundle an imported one was built from (``None`` for the shipped bundle):
    #: comparing with it tells which numbers the import changed.
    origin: "IndicatorData | None" = field(default=None, compare=False, repr=False)
    #: Results of pure computations on this bundle (see :meth:`memoised`).
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.region_names is None:  # frozen: set once, here
            object.__setattr__(self, "region_names", region_names_of(self.mapping))

    def memoised(self, key: tuple, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """``compute()`` once per bundle and key; callers must treat the result as read-only.

        The tables are immutable, so a derived table never goes stale; a bundle with imported
        rows is a new object (``dataclasses.replace``) with an empty memo.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def indicator(self, indicator_id: str) -> pd.Series:
        """The catalogue row of ``indicator_id``; unknown ids list a few valid ones."""
        rows = self.catalogue.loc[self.catalogue["indicator_id"] == indicator_id]
        if rows.empty:
            raise UnknownIdError(
                f"Unknown indicator {indicator_id!r}; expected one of: "
                f"{', '.join(sorted(self.catalogue['indicator_id']))}"
            )
        return rows.iloc[0]

    def decimals(self, indicator_id: str) -> int | None:
        """Decimals to display for ``indicator_id`` (its source's precision), or None when the
        catalogue does not say (then the caller picks from the values' magnitude)."""
        value = self.indicator(indicator_id).get("decimals")
        return None if value is None or pd.isna(value) or value == "" else int(value)

    def regions(self, level: str) -> dict[str, str]:
        """Codes and names of the units of ``level`` (an id of :data:`geo.levels.LEVELS`)."""
        check_level(level)
        return self.region_names[level]


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


def region_names_of(mapping: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Codes and names of the levels the mapping table lists, sorted by code."""
    names = {}
    for level in LEVELS.values():
        if level.mapping_code and level.mapping_name:
            codes = zip(mapping[level.mapping_code], mapping[level.mapping_name], strict=True)
            names[level.id] = dict(sorted(codes))
    return names


def _read(name: str, directory: Path, **kwargs) -> pd.DataFrame:
    return pd.read_csv(directory / name, keep_default_na=False, na_values={"value": [""]}, **kwargs)


def load_indicator_data(directory: Path = INDICATORS_DIR) -> IndicatorData:
    """Read the shipped tables (codes as text, values as floats)."""
    text = {"region_code": str, "indicator_id": str, "year": str, "domain": str}
    catalogue = _read("catalogue.csv", directory, dtype={"year": str, "scale": str})
    catalogue["core"] = catalogue["core"].astype(str).str.lower() == "true"
    catalogue["partial"] = catalogue["partial"].astype(str).str.lower() == "true"
    values = _read("values.csv", directory, dtype={**text, "level": str, "value": float})
    perception = _read("perception.csv", directory, dtype={**text, "level": str, "score_10": float})
    return IndicatorData(
        domains=_read("domains.csv", directory).sort_values("order", ignore_index=True),
        catalogue=catalogue,
        values=values,
        perception=perception,
        profiles=_read("profiles.csv", directory, dtype={"region_code": str, "year": str}),
        mapping=load_region_mapping(),
    )
