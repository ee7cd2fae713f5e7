"""The pre-2016 -> 2016 region mapping, derived from départements rather than typed in, and the
unit table: each metropolitan département with its units at every level."""

import pandas as pd

from geo.paths import DEPARTEMENTS_CSV, DEPARTEMENTS_PRE2016_CSV, REGION_MAPPING_CSV


class InconsistentMappingError(ValueError):
    """A former region's départements do not all belong to the same 2016 region."""


def derive_region_mapping(
    departements_pre2016: pd.DataFrame, departements_2016: pd.DataFrame
) -> pd.DataFrame:
    """Derive the former-region -> 2016-region table from two département tables.

    Parameters
    ----------
    departements_pre2016 : DataFrame
        Columns ``departement, region_pre2016_code, region_pre2016_nom``.
    departements_2016 : DataFrame
        Columns ``departement, code_2016, nom_2016``.

    Returns
    -------
    DataFrame
        One row per former region: ``code_pre2016, nom_pre2016, code_2016, nom_2016``, sorted by
        ``code_pre2016``.

    Raises
    ------
    InconsistentMappingError
        If a former region would be split between two 2016 regions, or a département of one
        table is missing from the other.
    """
    joined = departements_pre2016.merge(
        departements_2016, on="departement", how="outer", indicator=True
    )
    orphans = joined.loc[joined["_merge"] != "both", "departement"].tolist()
    if orphans:
        raise InconsistentMappingError(
            f"Départements present in only one of the two tables: {sorted(orphans)}"
        )
    per_region = joined.groupby(["region_pre2016_code", "region_pre2016_nom"])[
        ["code_2016", "nom_2016"]
    ].nunique()
    split = per_region[(per_region["code_2016"] > 1)].index.get_level_values(0).tolist()
    if split:
        raise InconsistentMappingError(f"Former regions split across 2016 regions: {split}")
    mapping = (
        joined.groupby(["region_pre2016_code", "region_pre2016_nom"], as_index=False)[
            ["code_2016", "nom_2016"]
        ]
        .first()
        .rename(
            columns={"region_pre2016_code": "code_pre2016", "region_pre2016_nom": "nom_pre2016"}
        )
    )
    return mapping.sort_values("code_pre2016", ignore_index=True)


def load_region_mapping() -> pd.DataFrame:
    """The shipped mapping (data/shapes/region_mapping.csv), codes as text."""
    return pd.read_csv(REGION_MAPPING_CSV, dtype=str)


def load_units() -> pd.DataFrame:
    """The 96 metropolitan départements with the code and name of their unit at every level.

    Returns
    -------
    DataFrame
        One row per département, sorted by code: ``departement, nom_departement,
        nom_article`` (the name as written after "dans": "le Nord", "l'Ain", "Paris"),
        ``code_pre2016, nom_pre2016, code_2016, nom_2016`` (the columns of the region
        mapping). :data:`geo.levels.LEVELS` names, per level, the columns of its code and name.
        Read from ``data/gazetteer/departements.csv`` (the metropolitan rows: those of the
        pre-2016 table) and the region mapping; codes are text (``"01"``, ``"2A"``).
    """
    metropolitan = pd.read_csv(DEPARTEMENTS_PRE2016_CSV, dtype=str)["departement"]
    deps = pd.read_csv(DEPARTEMENTS_CSV, dtype=str)
    deps = deps[deps["departement"].isin(metropolitan)]
    units = deps.rename(columns={"nom": "nom_departement"})[
        ["departement", "nom_departement", "nom_article", "region_pre2016_code"]
    ].merge(load_region_mapping(), left_on="region_pre2016_code", right_on="code_pre2016")
    columns = ["departement", "nom_departement", "nom_article", "code_pre2016", "nom_pre2016",
               "code_2016", "nom_2016"]  # fmt: skip
    return units[columns].sort_values("departement", ignore_index=True)


def region_2016_of(mapping: pd.DataFrame, code_pre2016: str) -> tuple[str, str]:
    """(code, name) of the 2016 region that contains a former region."""
    row = mapping.loc[mapping["code_pre2016"] == code_pre2016]
    if row.empty:
        raise KeyError(
            f"Unknown former region {code_pre2016!r}; expected one of "
            f"{sorted(mapping['code_pre2016'])}"
        )
    return row["code_2016"].iloc[0], row["nom_2016"].iloc[0]


def former_regions_of(mapping: pd.DataFrame, code_2016: str) -> list[tuple[str, str]]:
    """(code, name) of the former regions that make up a 2016 region, by code."""
    rows = mapping.loc[mapping["code_2016"] == code_2016].sort_values("code_pre2016")
    if rows.empty:
        raise KeyError(
            f"Unknown 2016 region {code_2016!r}; expected one of "
            f"{sorted(set(mapping['code_2016']))}"
        )
    return list(zip(rows["code_pre2016"], rows["nom_pre2016"], strict=True))
