"""French number formatting for labels, tooltips and tables ("1 234,5")."""

import math

NO_DATA_LABEL = "pas de donnée"
_NBSP = "\u202f"  # narrow no-break space, the French thousands separator


def format_number(value: float | None, decimals: int = 1) -> str:
    """``1234.56`` -> ``"1 234,6"``; missing values -> ``"pas de donnée"``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_DATA_LABEL
    text = f"{value:,.{decimals}f}"
    return text.replace(",", _NBSP).replace(".", ",")


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


def format_value(value: float | None, decimals: int | None, approximate: bool = False) -> str:
    """A value the way the atlas shows it: the source's ``decimals`` (one when unknown), French
    separators, :data:`APPROXIMATE_MARK` before an approximation; missing -> "pas de donnée"."""
    text = format_number(value, 1 if decimals is None else decimals)
    return f"{APPROXIMATE_MARK} {text}" if approximate and text != NO_DATA_LABEL else text
