"""What one unit of a level holds: its départements, communes and catalysers (pure functions).

The départements layer (``read_layer("departements")``) carries, for each département, the code
of every level it belongs to (:attr:`geo.levels.Level.shapes_code`), so one table answers
"which départements make up this unit" at every level.
"""

import pandas as pd

from geo.catalysers import catalysers_in_region
from geo.levels import LEVELS, check_level


def departements_of(departements: pd.DataFrame, level: str, code: str) -> set[str]:
    """Codes of the départements that make up unit ``code`` of ``level``."""
    column = check_level(level).shapes_code
    return set(departements.loc[departements[column] == code, "code"])


def unit_counts(
    departements: pd.DataFrame, communes: pd.DataFrame
) -> dict[str, dict[str, tuple[int, int]]]:
    """(communes, départements) per unit code, per level.

    Parameters
    ----------
    departements : DataFrame
        One row per département: ``code`` and the code column of each level.
    communes : DataFrame
        The gazetteer's commune table (:func:`geo.gazetteer.read_communes`): ``kind`` and
        ``departement``; only current communes (``kind == "COM"``) are counted.
    """
    per_dep = communes[communes["kind"] == "COM"].groupby("departement").size()
    counted = departements.assign(n=departements["code"].map(per_dep).fillna(0))
    out = {}
    for level in LEVELS.values():
        grouped = counted.groupby(level.shapes_code)
        out[level.id] = {code: (int(g["n"].sum()), len(g)) for code, g in grouped}
    return out


def catalysers_of_unit(
    directory: pd.DataFrame, departements: pd.DataFrame, level: str, code: str
) -> pd.DataFrame:
    """Catalysers of unit ``code`` of ``level``: those whose département lies in it.

    At the 2016 level, organisations placed at region level only (no département) belong to
    their region too (:func:`geo.catalysers.catalysers_in_region`); the directory does not say
    which former region they belong to, so other levels leave them out.
    """
    if level == "2016":
        return catalysers_in_region(directory, code)
    return directory[directory["departement"].isin(departements_of(departements, level, code))]
