"""The two downloadable import templates (``data/templates/``): real shipped rows, French CSV.

Regenerate the committed files with
``python -c "from layers.upload.templates import write_templates; write_templates()"``.
"""

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from layers.indicators.bundle import IndicatorData, load_indicator_data
from layers.upload.dialect import french_csv
from layers.upload.formats import COLUMNS, KINDS

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "data" / "templates"
TEMPLATE_FILES = {"valeurs": "modele_valeurs.csv", "perception": "modele_perception.csv"}
#: Real shipped rows used as templates: (level, region codes) of two regions.
TEMPLATE_REGIONS = {"valeurs": ("pre2016", ("31", "22")), "perception": ("2016", ("32", "75"))}


def template_frame(kind: str, data: IndicatorData | None = None) -> pd.DataFrame:
    """A template for ``kind``: real shipped rows of two regions, in the import format.

    Values: the core indicators' stored values of Nord-Pas-de-Calais (31) and Picardie (22).
    Perception: the PHARE 2015 scores of Hauts-de-France (32) and Nouvelle-Aquitaine (75)
    with the national scores of the same survey and actor (needed for the perceived index).
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown kind {kind!r}; expected one of {list(KINDS)}")
    data = data if data is not None else load_indicator_data()
    level, codes = TEMPLATE_REGIONS[kind]
    if kind == "valeurs":
        core = data.catalogue.loc[data.catalogue["core"], "indicator_id"]
        rows = data.values[
            (data.values["level"] == level)
            & data.values["region_code"].isin(codes)
            & data.values["indicator_id"].isin(core)
        ]
        rows = rows.sort_values(["region_code", "indicator_id"], key=_code_order(codes))
    else:
        perception = data.perception
        regional = perception[
            (perception["level"] == level) & perception["region_code"].isin(codes)
        ]
        waves = regional[["survey", "year", "actor"]].drop_duplicates()
        waves = waves[waves["survey"] == "PHARE"]
        national = perception[perception["level"] == "france"].merge(waves)
        rows = pd.concat([regional.merge(waves), national])
    return rows[list(COLUMNS[kind])].reset_index(drop=True)


def _code_order(codes: tuple[str, ...]) -> Callable[[pd.Series], pd.Series]:
    return lambda s: s.map({c: i for i, c in enumerate(codes)}) if s.name == "region_code" else s


def template_csv(kind: str, data: IndicatorData | None = None) -> bytes:
    """:func:`template_frame` as CSV bytes (``;``, decimal comma, UTF-8 with BOM)."""
    return french_csv(template_frame(kind, data))


def write_templates(
    data: IndicatorData | None = None, directory: Path = TEMPLATES_DIR
) -> list[Path]:
    """Write both templates into ``directory`` (``data/templates``); returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, name in TEMPLATE_FILES.items():
        path = directory / name
        path.write_bytes(template_csv(kind, data))
        paths.append(path)
    return paths
