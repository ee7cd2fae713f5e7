"""How much of each domain the data cover, per level (shown in the app and the method page)."""

import pandas as pd

from geo.levels import check_level
from layers.indicators.bundle import IndicatorData
from layers.indicators.indices import indicator_indices

COVERAGE_COLUMNS = [
    "domain",
    "label_fr",
    "level",
    "n_core_indicators",
    "n_regions_covered",
    "n_regions",
    "core_indicators",
]


def coverage_table(data: IndicatorData, levels: list[str] | None = None) -> pd.DataFrame:
    """Core indicators and units covered, per domain and level.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle.
    levels : list of str, optional
        Levels to cover (ids of :data:`geo.levels.LEVELS`); default: every level the bundle has
        units for.

    Returns
    -------
    DataFrame
        :data:`COVERAGE_COLUMNS`, one row per domain (display order) and level (in the order of
        ``levels``): ``n_core_indicators`` counts the level's core indicators with an index for
        at least one unit of the level, ``n_regions_covered`` the units (regions or
        départements) with at least one core indicator index (the others are "non disponible"
        for that domain), ``core_indicators`` their ids joined by ";".
    """
    rows = []
    for level in data.levels if levels is None else [check_level(lv).id for lv in levels]:
        indices = indicator_indices(data, level).dropna(subset=["index"])
        n_regions = len(data.regions(level))
        for domain in data.domains.itertuples():
            mine = indices[indices["domain"] == domain.domain]
            ids = sorted(mine["indicator_id"].unique())
            rows.append(
                {
                    "domain": domain.domain,
                    "label_fr": domain.label_fr,
                    "level": level,
                    "n_core_indicators": len(ids),
                    "n_regions_covered": mine["region_code"].nunique(),
                    "n_regions": n_regions,
                    "core_indicators": ";".join(ids),
                }
            )
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)
