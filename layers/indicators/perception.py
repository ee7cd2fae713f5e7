"""Perceived fragility (survey scores /10) and the gap between perception and statistics.

Perceived index = 100 * regional score / national score of the same survey, year and actor.
Perception gap = perceived index - objective domain index, only where both exist: positive means
felt as more fragile than the statistics show. Regions without survey data are "pas de donnée".
"""

import numpy as np
import pandas as pd

from geo.levels import check_level
from layers.indicators.bundle import IndicatorData, UnknownIdError
from layers.indicators.indices import domain_indices

#: The columns that identify a survey wave and actor.
KEY = ("survey", "year", "actor")


def survey_key(survey: str, year: str, actor: str) -> str:
    """Compact id of a survey wave and actor, e.g. ``PHARE-2015-citoyens``."""
    return f"{survey}-{year}-{actor}"


def available_surveys(data: IndicatorData) -> pd.DataFrame:
    """The (survey, year, actor) combinations of the perception table.

    Returns
    -------
    DataFrame
        ``survey, year, actor, key, label, n_regions, n_domains, national_domains``: how many
        regions and domains have a regional score, and how many domains a national one.
        Read-only (computed once per bundle).
    """
    # Memoised per bundle: the profile asks for the default survey at every click (~0.1 s).
    return data.memoised(("available_surveys",), lambda: _surveys(data.perception))


def _surveys(scores: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for (survey, year, actor), group in scores.groupby(list(KEY), sort=True):
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


def wave_rows(perception: pd.DataFrame, survey: str, year: str, actor: str) -> pd.DataFrame:
    """The rows of a perception table for one survey wave (survey, year) and actor.

    Years compare as text, whether the table stores them as text or as numbers.
    """
    return perception[
        (perception["survey"] == survey)
        & (perception["year"].astype(str) == str(year))
        & (perception["actor"] == actor)
    ]


def _scores(data: IndicatorData, survey: str, year: str, actor: str) -> pd.DataFrame:
    """The rows of one survey wave and actor; an unknown combination lists the valid ones."""
    scores = wave_rows(data.perception, survey, year, actor)
    if scores.empty:
        valid = [" ".join(map(str, key)) for key in available_surveys(data)[list(KEY)].values]
        raise UnknownIdError(
            f"Unknown survey, year and actor {survey!r} {year!r} {actor!r}; expected one of {valid}"
        )
    return scores


def perceived_index(
    data: IndicatorData, survey: str, year: str, actor: str, level: str
) -> pd.DataFrame:
    """Perceived fragility of every domain and region, relative to the national score.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle.
    survey, year, actor : str
        A combination listed by :func:`available_surveys` (e.g. "PHARE", "2015", "citoyens").
    level : str
        A level of :data:`geo.levels.LEVELS`. Survey scores are published for 2016 regions:
        former regions and départements have none ("pas de donnée").

    Returns
    -------
    DataFrame
        ``domain, region_code, region_name, score_10, national_score, perceived_index`` with
        ``perceived_index = 100 * score_10 / national_score`` (same survey, year and actor);
        one row per domain and region, NaN ("pas de donnée") where either score is missing.

    Raises
    ------
    UnknownIdError
        Unknown level or survey/year/actor combination (the message lists the valid ones).
    """
    check_level(level)
    names = data.regions(level)
    scores = _scores(data, survey, year, actor)
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
    """Perceived minus objective index, per domain and region.

    Returns
    -------
    DataFrame
        The columns of :func:`perceived_index` plus ``objective_index`` (the domain index of
        :func:`layers.indicators.indices.domain_indices`) and
        ``gap = perceived_index - objective_index``, NaN unless both exist. Positive: felt as
        more fragile than the statistics show.
    """
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
