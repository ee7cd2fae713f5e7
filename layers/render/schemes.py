"""The classification schemes a user can pick, and manual class bounds as typed: no drawing here.

Reading a view from the URL (:mod:`layers.view_state`) needs the scheme ids and the breaks
parser, not mapclassify or matplotlib: they live here, and :mod:`layers.render.classify`
(which loads both) uses them.
"""

import itertools
import math
import re

from i18n import DEFAULT_LANG, Text, TextError, t

MANUAL = "manual"
#: Scheme ids (in URLs), in the selector's order; :data:`layers.render.classify.SCHEMES` builds
#: each one but ``manual``. Their names are the catalogue's ``scheme.<id>`` texts.
SCHEME_IDS = ("quantiles", "jenks", "equal_interval", MANUAL)
#: Scheme id -> French label.
SCHEME_LABELS = {scheme: t(f"scheme.{scheme}") for scheme in SCHEME_IDS}
#: Most manual bounds a user may type (10 classes: more cannot be told apart by colour).
MAX_BREAKS = 9
#: A bound as typed, after the decimal comma became a point ("nan" and "inf" are not numbers).
_BREAK = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def scheme_labels(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Scheme id -> its name in ``lang``."""
    return {scheme: t(f"scheme.{scheme}", lang) for scheme in SCHEME_IDS}


class ClassificationError(TextError, ValueError):
    """Invalid scheme, class count or manual breaks, or classes a scheme cannot make.

    Its message is a :class:`~i18n.Text`, written when shown (``error.in_lang(lang)``; ``str()``
    in the language it was raised for: :func:`parse_breaks` takes it), or English for a
    programmer's error (an unknown scheme).
    """


def parse_breaks(text: str, lang: str = DEFAULT_LANG) -> list[float]:
    """Manual class bounds typed by a user: ``"90 ; 100,5 ; 110"`` -> ``[90.0, 100.5, 110.0]``.

    Separators are ``;`` or spaces; decimal commas are accepted. The bounds must be finite
    numbers in increasing order, at most :data:`MAX_BREAKS`. Raises ClassificationError (with
    a message in ``lang``) otherwise: a silently re-ordered or infinite bound would draw another
    map than the one asked for.
    """
    parts = [p.strip().replace(",", ".") for p in text.replace(";", " ").split()]
    if not parts:
        raise ClassificationError(Text("scheme.error.empty"), lang)
    if len(parts) > MAX_BREAKS:
        too_many = Text("scheme.error.too_many", n=len(parts), max=MAX_BREAKS, k=MAX_BREAKS + 1)
        raise ClassificationError(too_many, lang)
    if not all(_BREAK.match(p) for p in parts):
        raise ClassificationError(Text("scheme.error.unreadable", text=text[:40]), lang)
    bounds = [float(p) for p in parts]
    for part, bound in zip(parts, bounds, strict=True):
        if not math.isfinite(bound):
            raise ClassificationError(Text("scheme.error.not_finite", bound=part[:40]), lang)
    for (before, low), (after, high) in itertools.pairwise(zip(parts, bounds, strict=True)):
        if high <= low:
            decreasing = Text("scheme.error.not_increasing", before=before[:20], after=after[:20])
            raise ClassificationError(decreasing, lang)
    return bounds
