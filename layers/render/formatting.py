"""Number formatting for labels, tooltips and tables: French "1 234,5", English "1,234.5"."""

import math

from i18n import DEFAULT_LANG, check_lang, localised_number, t

NO_DATA_LABEL = t("common.no_data")  # the French label, for callers that only speak French


def no_data_label(lang: str = DEFAULT_LANG) -> str:
    """The label of a missing value: "pas de donnée" / "no data"."""
    return t("common.no_data", lang)


def format_number(value: float | None, decimals: int = 1, lang: str = DEFAULT_LANG) -> str:
    """``1234.56`` -> ``"1 234,6"`` (French) or ``"1,234.6"`` (English); missing values ->
    ``"pas de donnée"`` / ``"no data"``."""
    check_lang(lang)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return no_data_label(lang)
    return localised_number(value, f",.{decimals}f", lang)


def decimals_for(values) -> int:
    """Decimals that keep the values distinguishable without noise (0 for large numbers)."""
    finite = [abs(v) for v in values if v is not None and not math.isnan(v)]
    if not finite:
        return 1
    largest = max(finite)
    if largest >= 1000:
        return 0
    if largest >= 10:
        return 1
    return 2


#: Written before a value computed with an approximate consolidation weight.
APPROXIMATE_MARK = "≈"


def format_value(
    value: float | None,
    decimals: int | None,
    approximate: bool = False,
    lang: str = DEFAULT_LANG,
) -> str:
    """A value the way the atlas shows it: the source's ``decimals`` (one when unknown), the
    language's separators, :data:`APPROXIMATE_MARK` before an approximation; missing -> "pas de
    donnée" / "no data"."""
    text = format_number(value, 1 if decimals is None else decimals, lang)
    return f"{APPROXIMATE_MARK} {text}" if approximate and text != no_data_label(lang) else text
