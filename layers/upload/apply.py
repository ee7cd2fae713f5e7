"""A validated table -> a new data bundle for the session; the shipped files are never touched."""

import dataclasses

import pandas as pd

from layers.indicators.bundle import IndicatorData
from layers.upload.formats import KEYS
from layers.upload.validate import ValidationReport


def apply_import(
    data: IndicatorData, report: ValidationReport, *, allow_partial: bool = False
) -> IndicatorData:
    """A new bundle with the report's rows added; the input bundle is left unchanged.

    Imported rows replace the shipped rows with the same key (values: indicator, level,
    region; perception: survey, year, actor, level, region, domain). Pre-2016 values are
    then consolidated to 2016 like the shipped ones, because every computation reads the
    bundle. Raises ``ValueError`` (in French) if the report has problems, unless
    ``allow_partial`` (then only the valid rows are imported).
    """
    if report.problems and not allow_partial:
        raise ValueError(
            f"Import refusé : le fichier a {len(report.problems)} problème(s) ; corrigez-les "
            "ou importez seulement les lignes valides."
        )
    field_name = "values" if report.kind == "valeurs" else "perception"
    shipped: pd.DataFrame = getattr(data, field_name)
    imported = report.rows.reset_index(drop=True)
    if "year" in imported:
        imported = imported.astype({"year": str})
    keys = list(KEYS[report.kind])
    key_of = lambda f: pd.MultiIndex.from_frame(f[keys].astype(str))  # noqa: E731
    kept = shipped[~key_of(shipped).isin(key_of(imported))]
    combined = pd.concat([kept, imported[list(shipped.columns)]], ignore_index=True)
    return dataclasses.replace(data, **{field_name: combined})
