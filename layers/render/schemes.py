"""The classification schemes a user can pick, and manual class bounds as typed: no drawing here.

Reading a view from the URL (:mod:`layers.view_state`) needs the scheme ids and the breaks
parser, not mapclassify or matplotlib: they live here, and :mod:`layers.render.classify`
(which loads both) uses them.
"""

import itertools
import math
import re

MANUAL = "manual"
#: Most manual bounds a user may type (10 classes: more cannot be told apart by colour).
MAX_BREAKS = 9
#: A bound as typed, after the decimal comma became a point ("nan" and "inf" are not numbers).
_BREAK = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
#: Scheme id (in URLs) -> French label; :data:`layers.render.classify.SCHEMES` builds each one
#: but ``manual``.
SCHEME_LABELS = {
    "quantiles": "Quantiles",
    "jenks": "Seuils naturels (Jenks)",
    "equal_interval": "Intervalles égaux",
    MANUAL: "Seuils manuels",
}


class ClassificationError(ValueError):
    """Invalid scheme, class count or manual breaks."""


def parse_breaks(text: str) -> list[float]:
    """Manual class bounds typed by a user: ``"90 ; 100,5 ; 110"`` -> ``[90.0, 100.5, 110.0]``.

    Separators are ``;`` or spaces; decimal commas are accepted. The bounds must be finite
    numbers in increasing order, at most :data:`MAX_BREAKS`. Raises ClassificationError (with
    a French message) otherwise: a silently re-ordered or infinite bound would draw another
    map than the one asked for.
    """
    parts = [p.strip().replace(",", ".") for p in text.replace(";", " ").split()]
    if not parts:
        raise ClassificationError("Saisissez au moins un seuil pour des classes manuelles.")
    if len(parts) > MAX_BREAKS:
        raise ClassificationError(
            f"Trop de seuils ({len(parts)}) : au plus {MAX_BREAKS} ({MAX_BREAKS + 1} classes)."
        )
    if not all(_BREAK.match(p) for p in parts):
        raise ClassificationError(f"Seuils illisibles : « {text[:40]} ». Exemple : 90 ; 100 ; 110")
    bounds = [float(p) for p in parts]
    for part, bound in zip(parts, bounds, strict=True):
        if not math.isfinite(bound):
            raise ClassificationError(
                f"Seuil « {part[:40]} » trop grand : saisissez un nombre fini."
            )
    for (before, low), (after, high) in itertools.pairwise(zip(parts, bounds, strict=True)):
        if high <= low:
            raise ClassificationError(
                f"Les seuils doivent être croissants : « {before[:20]} » puis « {after[:20]} »."
            )
    return bounds
