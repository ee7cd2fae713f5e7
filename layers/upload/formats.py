"""The two import formats: columns, keys, the header and level aliases users type, and ranges.

``valeurs`` (indicator_id, level, region_code, value) and ``perception`` (survey, year, actor,
level, region_code, domain, score_10) are the long format of ``data/indicators/`` (see
``docs/import.md``). These are facts about the formats, stated once: :mod:`layers.upload.cells`
reads cells against them and :mod:`layers.upload.validate` checks whole tables.
"""

import numpy as np

from i18n import Number, Text
from layers.indicators.bundle import IMPORTED_SOURCE

__all__ = ["IMPORTED_SOURCE"]  # re-exported: the validator writes it in every imported row
#: Levels a file of values may give (perception scores are regional: "2016" and "france").
VALUE_LEVELS = ("pre2016", "2016", "departement", "france")
KINDS = ("valeurs", "perception")
#: Required columns per kind, in the order of the shipped files.
COLUMNS = {
    "valeurs": ("indicator_id", "level", "region_code", "value"),
    "perception": ("survey", "year", "actor", "level", "region_code", "domain", "score_10"),
}
#: Columns that may be absent: the level of a region is inferred from its code or name.
INFERABLE = {"valeurs": ("level",)}
#: Rows with the same key are duplicates; an imported row replaces the shipped row with its key.
KEYS = {
    "valeurs": ("indicator_id", "level", "region_code"),
    "perception": ("survey", "year", "actor", "level", "region_code", "domain"),
}
#: Header (normalised: no accent, lower case, ``_`` between words) -> column of the format.
ALIASES = {
    "indicateur": "indicator_id",
    "id_indicateur": "indicator_id",
    "indicator": "indicator_id",
    "niveau": "level",
    "region": "region_code",
    "code_region": "region_code",
    "region_name": "region_code",
    "nom_region": "region_code",
    "valeur": "value",
    "enquete": "survey",
    "annee": "year",
    "acteur": "actor",
    "domaine": "domain",
    "score": "score_10",
    "note_10": "score_10",
    "note_sur_10": "score_10",
}
#: "note" means the score only in a perception file without a score_10 column (in the shipped
#: files "note" is a free-text remark).
SCORE_ALIAS = "note"
#: Level as typed (normalised) -> level of the format. "2015" and "anciennes" mean the 22
#: regions that existed until 2015; "nouvelles" the 13 regions of 2016; "dep" the départements.
LEVEL_ALIASES = {
    "departement": "departement",
    "departements": "departement",
    "dep": "departement",
    "dept": "departement",
    "pre2016": "pre2016",
    "pre 2016": "pre2016",
    "avant 2016": "pre2016",
    "2015": "pre2016",
    "anciennes": "pre2016",
    "anciennes regions": "pre2016",
    "2016": "2016",
    "nouvelles": "2016",
    "nouvelles regions": "2016",
    "france": "france",
}
#: What to tell a user who types a code the level no longer has: (level, text) -> hint.
UNIT_HINTS = {("departement", "20"): Text("upload.hint.corsica")}
#: France as a region: normalised text -> code. Values use FRM (France métropolitaine) unless
#: FR (France entière) is given; survey national scores are stored as FR, like the shipped ones.
FRANCE_NAMES = {
    "frm": "FRM",
    "france metropolitaine": "FRM",
    "france": "FRM",
    "fr": "FR",
    "france entiere": "FR",
}
ACTORS = ("citoyens", "associations", "entreprises")
SCORE_RANGE = (1.0, 10.0)
YEAR_RANGE = (1990, 2100)
#: Plausible (low, high) of a regional or national value, by the text of the indicator id or of
#: its unit (lower-cased): the first key found in "<indicator_id> <unit>" wins, so the specific
#: keys come before the general ones. Imports are refused outside these ranges, and the shipped
#: data are tested against them (tests/test_indicator_data.py); docs/import.md lists them.
PLAUSIBLE_RANGES: tuple[tuple[str, tuple[float, float]], ...] = (
    ("esperance_vie", (60.0, 100.0)),
    ("evolution", (-100.0, 100.0)),  # a change in % may be negative
    ("age_median", (20.0, 70.0)),
    ("rapport_interdecile", (1.0, 20.0)),
    ("score 0-100", (0.0, 100.0)),
    ("rang sur 22", (1.0, 22.0)),
    ("µg/m³", (0.0, 100.0)),
    ("pour 100 000", (0.0, 100_000.0)),
    ("pour 1 000 km²", (0.0, 1000.0)),
    ("pour 1000 habitants", (0.0, 1000.0)),
    ("pour 1 000", (0.0, 1000.0)),
    ("pour 100 moins de 20 ans", (0.0, 500.0)),  # ageing index: over 100 = more old than young
    ("pour 100 ", (0.0, 100.0)),
    ("pièces par personne", (0.5, 5.0)),
    ("nuitées par habitant", (0.0, 1000.0)),
    ("%", (0.0, 100.0)),
    ("euros par uc", (5_000.0, 60_000.0)),
)
#: Every other quantity (counts, amounts, areas): not negative.
DEFAULT_RANGE = (0.0, np.inf)


def plausible_range(unit: str, indicator_id: str) -> tuple[float, float]:
    """Plausible (low, high) of an indicator's values: the first match in :data:`PLAUSIBLE_RANGES`.

    >>> plausible_range("% de la population", "taux_pauvrete_2013")
    (0.0, 100.0)
    >>> plausible_range("habitants", "population_2013")
    (0.0, inf)
    """
    text = f"{indicator_id} {unit}".lower()
    return next((bounds for key, bounds in PLAUSIBLE_RANGES if key in text), DEFAULT_RANGE)


def range_text(low: float, high: float) -> Text:
    """ "au moins 0" / "de 0 à 100" (English "at least 0" / "from 0 to 100"), once rendered."""
    if np.isinf(high):
        return Text("upload.range.at_least", low=Number(low, "g"))
    return Text("upload.range.between", low=Number(low, "g"), high=Number(high, "g"))
