"""The classification schemes a user can pick, and manual class bounds as typed: no drawing here.

Reading a view from the URL (:mod:`layers.view_state`) needs the scheme ids and the breaks
parser, not mapclassify or matplotlib: they live here, and :mod:`layers.render.classify`
(which loads both) uses them.
"""

from i18n import DEFAULT_LANG, t

MANUAL = "manual"
#: Scheme ids (in URLs), in the selector's order; :data:`layers.render.classify.SCHEMES` builds
#: each one but ``manual``. Their names are the catalogue's ``scheme.<id>`` texts.
SCHEME_IDS = ("quantiles", "jenks", "equal_interval", MANUAL)
#: Scheme id -> French label.
SCHEME_LABELS = {scheme: t(f"scheme.{scheme}") for scheme in SCHEME_IDS}


def scheme_labels(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Scheme id -> its name in ``lang``."""
    return {scheme: t(f"scheme.{scheme}", lang) for scheme in SCHEME_IDS}


class ClassificationError(ValueError):
    """Invalid scheme, class count or manual breaks."""


def parse_breaks(text: str, lang: str = DEFAULT_LANG) -> list[float]:
    """Manual class bounds typed by a user: ``"90 ; 100,5 ; 110"`` -> ``[90.0, 100.5, 110.0]``.

    Separators are ``;`` or spaces; decimal commas are accepted. Raises ClassificationError
    (with a message in ``lang``) when nothing or something unreadable is given.
    """
    parts = [p.strip().replace(",", ".") for p in text.replace(";", " ").split()]
    if not parts:
        raise ClassificationError(t("scheme.error.empty", lang))
    try:
        return sorted({float(p) for p in parts})
    except ValueError:
        raise ClassificationError(t("scheme.error.unreadable", lang, text=text[:40])) from None
