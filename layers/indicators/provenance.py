"""Which numbers a user's import changed: provenance follows the number everywhere it goes.

An imported bundle keeps its shipped ``origin``; a number computed from both bundles and found
different was changed by the import (directly, or through a consolidation, an index or the
France reference that imported rows feed). Captions, exports and the printable profile then
say "données importées" instead of crediting the official source alone.
"""

from collections.abc import Callable

import numpy as np
import pandas as pd

from geo.levels import LEVELS, check_level
from i18n import DEFAULT_LANG, t
from layers.indicators.bundle import IMPORTED_SOURCE, IndicatorData, UnknownIdError

__all__ = ["IMPORTED_SOURCE", "changed_by_import", "imported_note"]

DEFAULT_LEVEL = next(iter(LEVELS))


def changed_by_import(
    data: IndicatorData, compute: Callable[[IndicatorData], pd.Series]
) -> pd.Series:
    """True for each entry of ``compute(data)`` that differs from ``compute(data.origin)``.

    All False for the shipped bundle. A view that exists only in the imported data (a new
    survey) has every present value imported.
    """
    new = compute(data)
    if data.origin is None:
        return pd.Series(False, index=new.index)
    try:
        old = compute(data.origin).reindex(new.index)
    except UnknownIdError:
        return new.notna()
    a, b = new.to_numpy(dtype=float), old.to_numpy(dtype=float)
    same = np.isclose(a, b, rtol=1e-9, atol=0.0) | (np.isnan(a) & np.isnan(b))
    return pd.Series(~same, index=new.index)


def imported_note(
    names: list[str], total: int, lang: str = DEFAULT_LANG, level: str = DEFAULT_LEVEL
) -> str:
    """The sentence (in ``lang``) a caption gets when ``names`` (units of ``level``: regions,
    départements) show imported numbers."""
    if not names:
        return ""
    shown = t("common.list_sep", lang).join(names[:6])
    if len(names) > 6:
        shown += t("provenance.and_more", lang, n=len(names) - 6)
    noun = check_level(level).noun_in(lang)
    return t("provenance.note", lang, n=len(names), noun=noun, total=total, shown=shown)
