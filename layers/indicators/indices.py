"""Fragility indices, base 100 = France métropolitaine, oriented so that above 100 = more fragile.

Per indicator: 100 * v / v_FR (direction +1) or 100 * v_FR / v (direction -1), bounded to
:data:`INDEX_BOUNDS` so that one extreme ratio (Île-de-France's 1.2 % of renewable electricity
against 16 % for France gives 1 341) cannot outweigh a whole domain; the raw index is kept
alongside (``index_raw``) and the method page says so. Domain index:
mean of the indices of its core indicators available for the region (their count is kept).
Axis and overall index: mean of the available domain indices. Rank among the regions of the
level: 1 = most fragile. A domain with no core indicator is "non disponible" (NaN), never 0.
"""

import numpy as np
import pandas as pd

from geo.levels import check_level
from layers.indicators.bundle import IndicatorData, UnknownIdError
from layers.indicators.consolidate import france_reference, level_table

INDEX_COLUMNS = ["region_code", "region_name", "index", "rank", "n_indicators"]
#: An indicator counts at most twice, at least half as fragile as France.
INDEX_BOUNDS = (50.0, 200.0)


def orient(values: pd.Series, france: float, direction: int) -> pd.Series:
    """Index of ``values`` against ``france``: above 100 means more fragile."""
    if direction not in (1, -1):
        raise ValueError(f"direction must be +1 or -1, got {direction!r}")
    if not np.isfinite(france) or france == 0:
        return pd.Series(np.nan, index=values.index)
    # A zero with direction -1 (no motorway at all in Corsica) is infinitely more fragile than
    # France: the bounds below turn that into the maximum, not a missing value.
    with np.errstate(divide="ignore"):
        ratio = values / france if direction == 1 else france / values
    return 100 * ratio


def rank_most_fragile(index: pd.Series) -> pd.Series:
    """1 = highest index (most fragile); ties share the best rank; NaN stays unranked."""
    return index.rank(ascending=False, method="min").astype("Int64")


Bounds = tuple[float, float] | None


def indicator_indices(
    data: IndicatorData, level: str, core_only: bool = True, bounds: Bounds = INDEX_BOUNDS
) -> pd.DataFrame:
    """Index of every (core) indicator for every region of a level.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle.
    level : str
        A level of :data:`geo.levels.LEVELS` ("2016", "pre2016", "departement").
    core_only : bool
        Only the indicators that enter the domain indices at ``level`` (default), else every
        indicator with a direction (context indicators, direction 0, and counts never get an index).
    bounds : (float, float) or None
        ``index`` is ``index_raw`` clipped to these bounds; None keeps the raw ratio.

    Returns
    -------
    DataFrame
        ``indicator_id, domain, region_code, value, france, index_raw, index``; NaN where the
        value or the France reference is non disponible. Read-only (memoised per bundle).
    """
    check_level(level)
    return data.memoised(
        ("indicator_indices", level, core_only, bounds),
        lambda: _indicator_indices(data, level, core_only, bounds),
    )


def _indicator_indices(
    data: IndicatorData, level: str, core_only: bool, bounds: Bounds
) -> pd.DataFrame:
    table = level_table(data, level)
    france = france_reference(data).set_index("indicator_id")["value"]
    # Context indicators (direction 0) and counts (a count measures size, not fragility: its
    # share of France is shown instead, and its per-inhabitant ratio is indexed) get no index.
    keep = (data.catalogue["direction"] != 0) & (data.catalogue["aggregation"] != "sum")
    if core_only:
        keep &= data.core(level)  # the core set of the level (geo.levels.Level.core_column)
    catalogue = data.catalogue[keep]
    parts = []
    for row in catalogue.itertuples():
        if row.indicator_id not in table:
            continue
        values = table[row.indicator_id]
        raw = orient(values, france.get(row.indicator_id, np.nan), int(row.direction))
        parts.append(
            pd.DataFrame(
                {
                    "indicator_id": row.indicator_id,
                    "domain": row.domain,
                    "region_code": values.index,
                    "value": values.to_numpy(),
                    "france": france.get(row.indicator_id, np.nan),
                    "index_raw": raw.to_numpy(),
                    "index": (raw.clip(*bounds) if bounds else raw).to_numpy(),
                }
            )
        )
    columns = ["indicator_id", "domain", "region_code", "value", "france", "index_raw", "index"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


def domain_indices(data: IndicatorData, level: str, bounds: Bounds = INDEX_BOUNDS) -> pd.DataFrame:
    """Domain index of every region of a level, for all domains.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle.
    level : str
        A level of :data:`geo.levels.LEVELS` ("2016", "pre2016", "departement").
    bounds : (float, float) or None
        Bounds of each indicator's index (see :func:`indicator_indices`).

    Returns
    -------
    DataFrame
        ``domain, region_code, region_name, index, n_indicators, rank``: the index is the mean
        of the region's available core indicator indices and ``n_indicators`` their count; NaN
        (non disponible, rank <NA>) when the domain has no core indicator for the region.
        Read-only (memoised per bundle).
    """
    check_level(level)
    return data.memoised(
        ("domain_indices", level, bounds), lambda: _domain_indices(data, level, bounds)
    )


def _domain_indices(data: IndicatorData, level: str, bounds: Bounds) -> pd.DataFrame:
    names = data.regions(level)
    per_indicator = indicator_indices(data, level, bounds=bounds).dropna(subset=["index"])
    stats = per_indicator.groupby(["domain", "region_code"])["index"].agg(["mean", "count"])
    grid = pd.MultiIndex.from_product(
        [data.domains["domain"], list(names)], names=["domain", "region_code"]
    )
    stats = stats.reindex(grid)
    out = pd.DataFrame(
        {
            "domain": grid.get_level_values(0),
            "region_code": grid.get_level_values(1),
            "region_name": [names[c] for c in grid.get_level_values(1)],
            "index": stats["mean"].to_numpy(),
            "n_indicators": stats["count"].fillna(0).astype(int).to_numpy(),
        }
    )
    out["rank"] = out.groupby("domain")["index"].transform(rank_most_fragile).astype("Int64")
    return out


def _mean_of_domains(domain_table: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    grouped = domain_table.dropna(subset=["index"]).groupby("region_code")["index"]
    stats = grouped.agg(["mean", "count"]).reindex(list(names))
    out = pd.DataFrame(
        {
            "region_code": list(names),
            "region_name": list(names.values()),
            "index": stats["mean"].to_numpy(),
            "n_indicators": stats["count"].fillna(0).astype(int).to_numpy(),
        }
    )
    out["rank"] = rank_most_fragile(out["index"])
    return out


def axis_indices(
    data: IndicatorData, level: str, axis: str, bounds: Bounds = INDEX_BOUNDS
) -> pd.DataFrame:
    """Axis index: mean of the axis' available domain indices.

    Returns
    -------
    DataFrame
        ``region_code, region_name, index, n_indicators, rank``, where ``n_indicators`` counts
        the domains averaged (a domain non disponible for the region is left out).

    Raises
    ------
    UnknownIdError
        If ``axis`` is not one of the axes of ``data.domains``.
    """
    axes = list(dict.fromkeys(data.domains["axis"]))
    if axis not in axes:
        raise UnknownIdError(f"Unknown axis {axis!r}; expected one of {axes}")
    domains = set(data.domains.loc[data.domains["axis"] == axis, "domain"])
    table = domain_indices(data, level, bounds)
    return _mean_of_domains(table[table["domain"].isin(domains)], data.regions(level))


def overall_index(data: IndicatorData, level: str, bounds: Bounds = INDEX_BOUNDS) -> pd.DataFrame:
    """Overall index: mean of the available domain indices (all 16 domains).

    Same columns as :func:`axis_indices`; ``n_indicators`` counts the domains averaged.
    """
    return _mean_of_domains(domain_indices(data, level, bounds), data.regions(level))


def index_table(
    data: IndicatorData,
    level: str,
    domain: str | None = None,
    axis: str | None = None,
    overall: bool = False,
    bounds: Bounds = INDEX_BOUNDS,
) -> pd.DataFrame:
    """A domain's, an axis' or the overall index: the table the CLI prints.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle.
    level : str
        A level of :data:`geo.levels.LEVELS` ("2016", "pre2016", "departement").
    domain, axis : str, optional
        A domain id or an axis id; give exactly one of ``domain``, ``axis``, ``overall``.
    overall : bool
        The overall index (mean of the 16 domains).
    bounds : (float, float) or None
        Bounds of each indicator's index (see :func:`indicator_indices`).

    Returns
    -------
    DataFrame
        :data:`INDEX_COLUMNS` (``region_code, region_name, index, rank, n_indicators``), one
        row per region of the level in code order.

    Raises
    ------
    UnknownIdError
        Unknown level, domain or axis (the message lists the valid ones).
    ValueError
        If not exactly one of ``domain``, ``axis``, ``overall`` is given.
    """
    check_level(level)
    if sum((domain is not None, axis is not None, bool(overall))) != 1:
        raise ValueError(
            f"Give exactly one of domain, axis or overall=True; got domain={domain!r}, "
            f"axis={axis!r}, overall={overall!r}"
        )
    if overall:
        return overall_index(data, level, bounds)[INDEX_COLUMNS]
    if axis is not None:
        return axis_indices(data, level, axis, bounds)[INDEX_COLUMNS]
    valid = list(data.domains["domain"])
    if domain not in valid:
        raise UnknownIdError(f"Unknown domain {domain!r}; expected one of {valid}")
    table = domain_indices(data, level, bounds)
    return table[table["domain"] == domain][INDEX_COLUMNS].reset_index(drop=True)
