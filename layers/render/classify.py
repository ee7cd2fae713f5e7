"""Classes and colours for choropleths: mapclassify schemes, colour-blind-safe palettes.

Values are classified first and coloured second, into plain columns; the map only reads them.
Missing values get their own class (-1), their own grey and their own legend entry.
"""

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import mapclassify
import matplotlib as mpl
import numpy as np
import pandas as pd

from i18n import DEFAULT_LANG, Text
from layers.render.formatting import format_number, no_data_label
from layers.render.schemes import MANUAL, SCHEME_LABELS, ClassificationError

NO_DATA_COLOUR = "#bdbdbd"
#: How every class colour is written; checked again wherever a colour reaches a style attribute.
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

#: Scheme name -> (French label, mapclassify constructor taking (values, k)).
SCHEMES: dict[str, tuple[str, Callable]] = {
    name: (SCHEME_LABELS[name], build)
    for name, build in {
        "quantiles": lambda y, k: mapclassify.Quantiles(y, k=k),
        "jenks": lambda y, k: mapclassify.FisherJenks(y, k=k),
        "equal_interval": lambda y, k: mapclassify.EqualInterval(y, k=k),
    }.items()
}

#: Palettes from ColorBrewer that stay readable for colour-blind readers.
SEQUENTIAL_CMAP = "YlOrRd"  # light = less fragile, dark red = more fragile
DIVERGING_CMAP = "RdBu_r"  # blue below the centre (less fragile), red above


@dataclass(frozen=True)
class Classification:
    """Class of each value (-1 = no data), the class bounds and a colour per class."""

    classes: pd.Series  # int per region, -1 for missing
    lower: list[float]
    upper: list[float]
    colours: list[str]

    @property
    def k(self) -> int:
        return len(self.upper)

    def colour_of(self) -> pd.Series:
        """Colour per value (grey where missing)."""
        palette = dict(enumerate(self.colours)) | {-1: NO_DATA_COLOUR}
        return self.classes.map(palette)

    def legend(self, decimals: int = 1, lang: str = DEFAULT_LANG) -> list[tuple[str, str, int]]:
        """(colour, label, number of regions) per class, then the no-data class if used; labels
        written in ``lang``."""
        counts = self.classes.value_counts()
        entries = [
            (
                colour,
                f"{format_number(lo, decimals, lang)} – {format_number(hi, decimals, lang)}",
                int(counts.get(i, 0)),
            )
            for i, (colour, lo, hi) in enumerate(
                zip(self.colours, self.lower, self.upper, strict=True)
            )
        ]
        missing = int(counts.get(-1, 0))
        if missing:
            entries.append((NO_DATA_COLOUR, no_data_label(lang), missing))
        return entries


def classify(
    values: pd.Series,
    scheme: str = "quantiles",
    k: int = 5,
    breaks: list[float] | None = None,
    *,
    diverging_centre: float | None = None,
    reverse: bool = False,
) -> Classification:
    """Classify ``values`` (NaN allowed) and colour the classes.

    Parameters
    ----------
    values : Series
        One value per region; NaN means no data.
    scheme : str
        One of :data:`SCHEMES` or ``"manual"`` (then ``breaks`` are the upper bounds; the
        maximum is added if it is above the last break).
    k : int
        Wanted number of classes; lowered to the number of distinct values (mapclassify
        refuses more classes than values). A single distinct value makes one class, whatever
        the scheme.
    diverging_centre : float, optional
        Centre of a diverging palette (100 for indices, 0 for gaps); sequential otherwise.
    reverse : bool
        Reverse a sequential palette (higher value = less fragile = lighter).

    Raises
    ------
    ClassificationError
        Unknown scheme, bad ``k``, unusable manual breaks, or any refusal of mapclassify
        (re-raised with a :class:`~i18n.Text` message, French unless written in another
        language): the caller never sees mapclassify's own errors.
    """
    if scheme not in SCHEME_LABELS:
        raise ClassificationError(
            f"Unknown scheme {scheme!r}; expected one of {list(SCHEME_LABELS)}"
        )
    if not isinstance(k, int | np.integer) or k < 1:
        raise ClassificationError(f"k must be a positive integer, got {k!r}")
    present = values.astype(float).replace([np.inf, -np.inf], np.nan).dropna()
    classes = pd.Series(-1, index=values.index, dtype="int64")
    if present.empty:
        return Classification(classes, [], [], [])
    if scheme == MANUAL:
        upper = _manual_upper_bounds(breaks, present)
    elif present.nunique() == 1:
        # mapclassify refuses to split equal values (EqualInterval raises): one class holds them.
        upper = [float(present.iloc[0])]
    else:
        upper = _scheme_upper_bounds(scheme, present, min(k, present.nunique()))
    upper[-1] = max(upper[-1], float(present.max()))
    bins = np.searchsorted(np.array(upper), present.to_numpy(), side="left")
    classes[present.index] = bins
    lower = [float(present.min()), *upper[:-1]]
    colours = _colours(lower, upper, diverging_centre, reverse)
    return Classification(classes, lower, upper, colours)


def _scheme_upper_bounds(scheme: str, present: pd.Series, k: int) -> list[float]:
    """Upper class bounds from mapclassify; its refusals become a ClassificationError."""
    label = Text(f"scheme.{scheme}")
    try:
        with warnings.catch_warnings():  # FisherJenks suggests numba; 22 values do not need it
            warnings.simplefilter("ignore", UserWarning)
            fitted = SCHEMES[scheme][1](present.to_numpy(), k)
    except (ValueError, ZeroDivisionError, IndexError) as exc:
        raise ClassificationError(
            Text("classify.impossible", scheme=label, n=len(present), k=k, error=exc)
        ) from exc
    upper = [float(b) for b in np.unique(fitted.bins) if np.isfinite(b)]
    if not upper:
        raise ClassificationError(Text("classify.no_bounds", scheme=label, n=len(present)))
    return upper


def _manual_upper_bounds(breaks: list[float] | None, present: pd.Series) -> list[float]:
    if not breaks:
        raise ClassificationError("Manual classes need at least one break")
    if not all(np.isfinite(float(b)) for b in breaks):
        raise ClassificationError(f"Manual breaks must be finite numbers, got {list(breaks)!r}")
    upper = sorted({float(b) for b in breaks})
    if upper[-1] < present.max():
        upper.append(float(present.max()))
    return upper


def _colours(
    lower: list[float], upper: list[float], centre: float | None, reverse: bool
) -> list[str]:
    k = len(upper)
    if centre is None:
        cmap = mpl.colormaps[SEQUENTIAL_CMAP + ("_r" if reverse else "")]
        positions = np.linspace(0.15, 0.9, k) if k > 1 else np.array([0.5])
    else:
        # A class that straddles the centre is neutral; the others move away from white by
        # at least a visible step, then in proportion to their distance from the centre, and
        # never closer to their neighbour than DIVERGING_STEP (two near-equal classes, such as
        # 50-50 and 50-51 of an index capped at 50, would otherwise get the same colour).
        cmap = mpl.colormaps[DIVERGING_CMAP]
        lo, hi = np.array(lower), np.array(upper)
        mids = (lo + hi) / 2
        half_range = max(np.max(np.abs(np.concatenate([lo, hi]) - centre)), 1e-9)
        offset = _FIRST_OFFSET + (_LAST_OFFSET - _FIRST_OFFSET) * np.abs(mids - centre) / half_range
        straddles = (lo < centre) & (hi > centre)
        side = np.where(straddles, 0, np.sign(mids - centre))
        for sign in (-1, 1):
            # Classes are sorted, so on each side they are in order of distance from the centre.
            mine = np.flatnonzero(side == sign)[::sign]
            offset[mine] = _spread(offset[mine])
        positions = 0.5 + side * offset
    return [mpl.colors.to_hex(cmap(p)) for p in positions]


#: Offsets from the white centre of the diverging palette: the nearest and the farthest class.
_FIRST_OFFSET, _LAST_OFFSET = 0.12, 0.45
#: Smallest offset between neighbouring classes on one side of the centre: RdBu steps of 0.07
#: stay at least 6 ΔE00 apart in normal vision and simulated protanopia, deuteranopia and
#: tritanopia (bench/cvd_palettes.py; docs/method.md, "Couleurs et daltonisme").
DIVERGING_STEP = 0.07


def _spread(offsets: np.ndarray) -> np.ndarray:
    """Offsets (ascending) pushed apart to at least :data:`DIVERGING_STEP`, within
    [_FIRST_OFFSET, _LAST_OFFSET]; evenly spaced when there is not room for that."""
    out = offsets.astype(float).copy()
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + DIVERGING_STEP)
    if len(out) and out[-1] > _LAST_OFFSET:
        out[-1] = _LAST_OFFSET
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - DIVERGING_STEP)
    if len(out) and out[0] < _FIRST_OFFSET:
        out = np.linspace(_FIRST_OFFSET, _LAST_OFFSET, len(out))
    return out
