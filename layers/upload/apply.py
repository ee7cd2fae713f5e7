"""A validated table -> a new data bundle for the session; the shipped files are never touched."""

import dataclasses
from typing import TYPE_CHECKING

import pandas as pd

from i18n import Text, TextError
from layers.indicators.bundle import IndicatorData, content_key
from layers.upload.formats import IMPORTED_SOURCE, KEYS

if TYPE_CHECKING:  # validate imports this module to try a report's rows before accepting them
    from layers.upload.validate import ValidationReport


class ImportRefused(TextError, ValueError):
    """A report that cannot be imported (its message is a :class:`~i18n.Text`)."""


def apply_import(
    data: IndicatorData, report: "ValidationReport", *, allow_partial: bool = False
) -> IndicatorData:
    """A new bundle with the report's rows added; the input bundle is left unchanged.

    Imported rows replace the shipped rows with the same key (values: indicator, level,
    region; perception: survey, year, actor, level, region, domain). Pre-2016 values are
    then consolidated to 2016 like the shipped ones, because every computation reads the
    bundle. The new bundle's ``key`` is a hash of all its imported rows and its ``origin`` the
    shipped bundle, so imports stack and caches never confuse two bundles. Raises
    :class:`ImportRefused` (a ``ValueError``) if the check stopped early, or if the report has
    problems, unless ``allow_partial`` (then only the valid rows are imported).
    """
    n = len(report.problems)
    if not report.complete:
        raise ImportRefused(Text("upload.refused.stopped", line=report.stopped_at, n=n))
    if report.problems and not allow_partial:
        raise ImportRefused(Text("upload.refused.problems", n=n))
    field_name = "values" if report.kind == "valeurs" else "perception"
    combined = merged_rows(getattr(data, field_name), report.rows, report.kind)
    tables = {"values": data.values, "perception": data.perception, field_name: combined}
    return dataclasses.replace(
        data,
        **{field_name: combined},
        key=content_key(tables["values"], tables["perception"]),
        origin=data.origin or data,
    )


def merged_rows(shipped: pd.DataFrame, rows: pd.DataFrame, kind: str) -> pd.DataFrame:
    """``shipped`` with ``rows`` (normalised rows of ``kind``) replacing the rows of same key."""
    imported = rows.reset_index(drop=True)
    if "year" in imported:
        imported = imported.astype({"year": str})
    keys = list(KEYS[kind])
    key_of = lambda f: pd.MultiIndex.from_frame(f[keys].astype(str))  # noqa: E731
    kept = shipped[~key_of(shipped).isin(key_of(imported))]
    return pd.concat([kept, imported[list(shipped.columns)]], ignore_index=True)


def imported_rows(data: IndicatorData, kind: str) -> pd.DataFrame:
    """Rows of ``data`` that came from an import (source "données importées")."""
    frame = data.values if kind == "valeurs" else data.perception
    return frame[frame["source_url"] == IMPORTED_SOURCE]
