"""How much of each domain the data cover, per level (shown in the app and the method page)."""

import pandas as pd

from geo.levels import LEVELS
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


def coverage_table(data: IndicatorData) -> pd.DataFrame:
    """Core indicators and regions covered, per domain and level.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle.

    Returns
    -------
    DataFrame
        :data:`COVERAGE_COLUMNS`, one row per domain (display order) and level ("2016" then
        "pre2016"): ``n_core_indicators`` counts the core indicators with an index for at least
        one region of the level, ``n_regions_covered`` the regions with at least one core
        indicator index (the others are "non disponible" for that domain), ``core_indicators``
        their ids joined by ";".
    """
    rows = []
    for level in LEVELS:
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
