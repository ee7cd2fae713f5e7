"""The classification schemes a user can pick, and manual class bounds as typed: no drawing here.

Reading a view from the URL (:mod:`layers.view_state`) needs the scheme ids and the breaks
parser, not mapclassify or matplotlib: they live here, and :mod:`layers.render.classify`
(which loads both) uses them.
"""

MANUAL = "manual"
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

    Separators are ``;`` or spaces; decimal commas are accepted. Raises ClassificationError
    (with a French message) when nothing or something unreadable is given.
    """
    parts = [p.strip().replace(",", ".") for p in text.replace(";", " ").split()]
    if not parts:
        raise ClassificationError("Saisissez au moins un seuil pour des classes manuelles.")
    try:
        return sorted({float(p) for p in parts})
    except ValueError:
        raise ClassificationError(
            f"Seuils illisibles : « {text[:40]} ». Exemple : 90 ; 100 ; 110"
        ) from None
