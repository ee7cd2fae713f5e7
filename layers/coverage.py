"""How much of each domain the data cover, per level (shown in the app and the method page)."""

import pandas as pd

from layers.indicator_data import LEVELS, IndicatorData
from layers.indices import indicator_indices


def coverage_table(data: IndicatorData) -> pd.DataFrame:
    """domain, label_fr, level, n_core_indicators, n_regions_covered, n_regions.

    ``n_regions_covered`` counts the regions with at least one core indicator index.
    """
    rows = []
    for level in LEVELS:
        indices = indicator_indices(data, level).dropna(subset=["index"])
        n_regions = len(data.regions(level))
        for domain in data.domains.itertuples():
            mine = indices[indices["domain"] == domain.domain]
            rows.append(
                {
                    "domain": domain.domain,
                    "label_fr": domain.label_fr,
                    "level": level,
                    "n_core_indicators": mine["indicator_id"].nunique(),
                    "n_regions_covered": mine["region_code"].nunique(),
                    "n_regions": n_regions,
                }
            )
    return pd.DataFrame(rows)
