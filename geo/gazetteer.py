"""Find communes by name, postcode or INSEE code in the shipped gazetteer (offline).

Matching ignores accents, case, hyphens, apostrophes, leading articles and "St"/"Saint". Results
come best first: exact names (most populous first), then names that start with the query, then
(only when nothing else matched) close spellings, so "Roubais" suggests Roubaix.
"""

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from geo.names import normalise_name, strip_article
from geo.paths import COMMUNES_CSV
from i18n import t

MAX_QUERY_LENGTH = 100
#: rapidfuzz ratio (0-100) from which a spelling counts as close ("roubais"/"roubaix": 86).
FUZZY_MIN_SCORE = 80.0
RESULT_COLUMNS = ["insee_code", "name", "departement", "population", "lat", "lon", "match"]

_POSTCODE = re.compile(r"^\d{5}$")
_INSEE_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)


class GazetteerQueryError(ValueError):
    """The query cannot be searched (empty, too long, no letters or digits)."""


class NoMatchError(LookupError):
    """No commune matches the query, even approximately."""


def read_communes() -> pd.DataFrame:
    """The shipped commune table (data/gazetteer/communes.csv), codes as text."""
    return pd.read_csv(
        COMMUNES_CSV,
        dtype={
            "insee_code": str,
            "departement": str,
            "region_2016": str,
            "postcodes": str,
            "kind": str,
            "name": str,
        },
        keep_default_na=False,
        na_values={"population": [""], "lat": [""], "lon": [""]},
    ).astype({"population": "Int64"})


@dataclass(frozen=True)
class Gazetteer:
    """Commune table plus the lookup structures that make a search take microseconds.

    Build it with :meth:`from_table` (or :func:`load_gazetteer`); it is read-only afterwards and
    safe to share between sessions.
    """

    communes: pd.DataFrame
    _sorted_keys: dict[str, tuple[np.ndarray, np.ndarray]] = field(repr=False)
    _rank: np.ndarray = field(repr=False)  # position in (population desc, code) order
    _postcodes: dict[str, list[int]] = field(repr=False)
    _codes: dict[str, int] = field(repr=False)
    _unique_keys: list[str] = field(repr=False)

    @classmethod
    def from_table(cls, communes: pd.DataFrame) -> "Gazetteer":
        """Index a commune table with columns like data/gazetteer/communes.csv."""
        table = communes.reset_index(drop=True)
        keys = table["name"].map(normalise_name)
        bare = keys.map(strip_article)
        sorted_keys = {}
        for label, column in (("full", keys), ("bare", bare)):
            values = column.to_numpy(dtype=str)
            order = np.argsort(values, kind="stable")
            sorted_keys[label] = (values[order], order)
        by_population = np.lexsort(
            (table["insee_code"].to_numpy(dtype=str), -table["population"].fillna(-1).to_numpy())
        )
        rank = np.empty(len(table), dtype=np.int64)
        rank[by_population] = np.arange(len(table))
        postcodes: dict[str, list[int]] = {}
        for pos, codes in enumerate(table["postcodes"].fillna("")):
            for code in filter(None, codes.split(";")):
                postcodes.setdefault(code, []).append(pos)
        codes = {code.upper(): pos for pos, code in enumerate(table["insee_code"])}
        unique = sorted(set(keys) | set(bare))
        return cls(table, sorted_keys, rank, postcodes, codes, unique)

    def search(self, query: str, limit: int = 10) -> pd.DataFrame:
        """Communes matching ``query``, best first, at most ``limit`` rows.

        Returns
        -------
        DataFrame
            :data:`RESULT_COLUMNS`; ``match`` is one of ``exact``, ``prefix``, ``postcode``,
            ``insee`` or ``approx`` (a close spelling, offered as a suggestion).

        Raises
        ------
        GazetteerQueryError
            Empty, too long, or no letter or digit in it.
        NoMatchError
            Nothing matches, not even approximately.
        """
        text = _checked_query(query)
        groups: list[tuple[str, np.ndarray]] = []
        if _POSTCODE.match(text) and text in self._postcodes:
            groups.append(("postcode", self._by_population(self._postcodes[text])))
        elif _INSEE_CODE.match(text) and text.upper() in self._codes:
            groups.append(("insee", np.array([self._codes[text.upper()]])))
        else:
            exact, prefix = self._name_matches(normalise_name(text))
            groups += [
                ("exact", self._by_population(exact)),
                ("prefix", self._by_population(prefix)),
            ]
            if not (len(exact) or len(prefix)):
                groups.append(("approx", self._approximate(normalise_name(text), limit)))
        positions = np.concatenate([pos for _, pos in groups])[:limit]
        if not len(positions):
            raise NoMatchError(t("gazetteer.no_match", query=query.strip()))
        labels = np.concatenate([[label] * len(pos) for label, pos in groups])[:limit]
        rows = self.communes.iloc[positions]
        return rows.assign(match=labels)[RESULT_COLUMNS].reset_index(drop=True)

    def _name_matches(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """Row positions whose name equals ``key``, and those that only start with it."""
        exact, prefix = [], []
        for label, query in (("full", key), ("bare", strip_article(key))):
            keys, order = self._sorted_keys[label]
            lo = np.searchsorted(keys, query, side="left")
            hi_exact = np.searchsorted(keys, query, side="right")
            hi_prefix = np.searchsorted(keys, query + "\uffff", side="left")
            exact.append(order[lo:hi_exact])
            prefix.append(order[hi_exact:hi_prefix])
        exact_pos = np.unique(np.concatenate(exact))
        return exact_pos, np.setdiff1d(np.concatenate(prefix), exact_pos)

    def _by_population(self, positions) -> np.ndarray:
        positions = np.asarray(positions, dtype=np.int64)
        return positions[np.argsort(self._rank[positions], kind="stable")]

    def _approximate(self, key: str, limit: int) -> np.ndarray:
        """Communes with a close spelling: best score first, then most populous."""
        close = process.extract(
            key, self._unique_keys, scorer=fuzz.ratio, limit=limit, score_cutoff=FUZZY_MIN_SCORE
        )
        scored = [
            (-score, self._rank[pos], pos)
            for candidate, score, _ in close
            for pos in self._name_matches(candidate)[0]
        ]
        return np.array([pos for *_, pos in sorted(set(scored))], dtype=np.int64)


def _checked_query(query: str) -> str:
    text = (query or "").strip()
    if not text:
        raise GazetteerQueryError(t("gazetteer.empty"))
    if len(text) > MAX_QUERY_LENGTH:
        raise GazetteerQueryError(t("gazetteer.too_long", n=len(text), max=MAX_QUERY_LENGTH))
    if not normalise_name(text):
        raise GazetteerQueryError(t("gazetteer.no_letters", text=text[:40]))
    return text


def load_gazetteer() -> Gazetteer:
    """The gazetteer of every commune shipped in data/gazetteer/communes.csv."""
    return Gazetteer.from_table(read_communes())
