"""Perceived fragility (survey scores /10) and the gap between perception and statistics.

Perceived index = 100 * regional score / national score of the same survey, year and actor.
Perception gap = perceived index - objective domain index, only where both exist: positive means
felt as more fragile than the statistics show. Regions without survey data are "pas de donnée".
"""

import numpy as np
import pandas as pd

from layers.indicator_data import IndicatorData, UnknownIdError, check_level
from layers.indices import domain_indices

ACTOR_LABELS = {
    "citoyens": "citoyens",
    "associations": "associations",
    "entreprises": "entreprises",
}


def survey_key(survey: str, year: str, actor: str) -> str:
    """Compact id of a survey wave and actor, e.g. ``PHARE-2015-citoyens``."""
    return f"{survey}-{year}-{actor}"


def available_surveys(data: IndicatorData) -> pd.DataFrame:
    """survey, year, actor, key, label, n_regions, n_domains (regional rows), national domains."""
    scores = data.perception
    rows = []
    for (survey, year, actor), group in scores.groupby(["survey", "year", "actor"], sort=True):
        regional = group[group["level"] != "france"]
        rows.append(
            {
                "survey": survey,
                "year": str(year),
                "actor": actor,
                "key": survey_key(survey, str(year), actor),
                "label": f"{survey} {year} — {actor}",
                "n_regions": regional["region_code"].nunique(),
                "n_domains": regional["domain"].nunique(),
                "national_domains": group.loc[group["level"] == "france", "domain"].nunique(),
            }
        )
    return pd.DataFrame(rows)


def parse_survey_key(data: IndicatorData, key: str) -> tuple[str, str, str]:
    """(survey, year, actor) of a key from :func:`survey_key`; unknown keys list the valid ones."""
    surveys = available_surveys(data)
    match = surveys[surveys["key"] == key]
    if match.empty:
        raise UnknownIdError(f"Unknown survey {key!r}; expected one of {list(surveys['key'])}")
    row = match.iloc[0]
    return row["survey"], row["year"], row["actor"]


def perceived_index(
    data: IndicatorData, survey: str, year: str, actor: str, level: str
) -> pd.DataFrame:
    """domain, region_code, region_name, score_10, national_score, perceived_index.

    One row per domain and region of ``level`` (NaN where the survey has no score). Survey
    scores are published for 2016 regions: former regions have none.
    """
    check_level(level)
    names = data.regions(level)
    scores = data.perception[
        (data.perception["survey"] == survey)
        & (data.perception["year"].astype(str) == str(year))
        & (data.perception["actor"] == actor)
    ]
    national = scores[scores["level"] == "france"].set_index("domain")["score_10"]
    regional = scores[scores["level"] == level].set_index(["domain", "region_code"])["score_10"]
    grid = pd.MultiIndex.from_product(
        [data.domains["domain"], list(names)], names=["domain", "region_code"]
    )
    out = pd.DataFrame(
        {"domain": grid.get_level_values(0), "region_code": grid.get_level_values(1)}
    )
    out["region_name"] = out["region_code"].map(names)
    out["score_10"] = regional.reindex(grid).to_numpy()
    out["national_score"] = out["domain"].map(national)
    out["perceived_index"] = 100 * out["score_10"] / out["national_score"]
    return out


def perception_gap(
    data: IndicatorData, survey: str, year: str, actor: str, level: str
) -> pd.DataFrame:
    """perceived_index, objective index and gap per domain and region (NaN unless both exist)."""
    perceived = perceived_index(data, survey, year, actor, level)
    objective = domain_indices(data, level)[["domain", "region_code", "index"]]
    out = perceived.merge(
        objective.rename(columns={"index": "objective_index"}),
        on=["domain", "region_code"],
        how="left",
    )
    out["gap"] = out["perceived_index"] - out["objective_index"]
    out.loc[out["perceived_index"].isna() | out["objective_index"].isna(), "gap"] = np.nan
    return out
