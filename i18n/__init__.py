"""The atlas's words in French and English: one catalogue, one lookup, one language parser.

Every user-facing text lives in :data:`i18n.catalogue.STRINGS`, keyed by a stable id
(``"sidebar.level"``, ``"domain.emploi"``), with one text per language of :data:`LANGS`, side by
side so that a translation is reviewed next to its original. Code asks for a text with
:func:`t`; a missing key or language raises, so a forgotten translation is a failing test
(tests/test_i18n.py), never a silent French word in an English page.

This package imports nothing from the project, so ``geo/``, ``layers/`` (all of it, the pure
``layers.indicators`` included) and ``ui/`` may all import it (tests/test_architecture.py).
French is the default language everywhere: a function that takes ``lang`` defaults to
:data:`DEFAULT_LANG`.
"""

from collections.abc import Mapping
from string import Formatter

from i18n.catalogue import STRINGS

#: Languages of the atlas, in the order of the language switch; the first is the default.
LANGS: tuple[str, ...] = ("fr", "en")
DEFAULT_LANG = LANGS[0]
#: Name of each language, in that language (the switch shows these).
LANG_NAMES = {"fr": "Français", "en": "English"}


class UnknownKeyError(KeyError):
    """A text id the catalogue does not hold."""

    def __str__(self) -> str:  # KeyError would print the message with quotes
        return str(self.args[0])


class UnknownLangError(ValueError):
    """A language the atlas does not speak (an argument error: code, not user input)."""


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGS`, else :class:`UnknownLangError` naming them."""
    if lang not in LANGS:
        raise UnknownLangError(f"Unknown lang {lang!r}; expected one of {list(LANGS)}")
    return lang


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The text ``key`` in ``lang``, with ``{placeholders}`` filled from ``fmt``.

    >>> t("sidebar.level", "en")
    'Level'
    >>> t("catalysers.radius", "en")
    'Radius (km)'

    Raises
    ------
    UnknownKeyError
        ``key`` is not in the catalogue.
    UnknownLangError
        ``lang`` is not one of :data:`LANGS`.
    KeyError
        A placeholder of the text is missing from ``fmt``.
    """
    check_lang(lang)
    try:
        text = STRINGS[key][LANGS.index(lang)]
    except KeyError:
        raise UnknownKeyError(f"Unknown text key {key!r}") from None
    return text.format(**fmt) if fmt else text


def has_key(key: str) -> bool:
    """Whether the catalogue holds ``key`` (for ids read from data, e.g. ``"domain." + id``)."""
    return key in STRINGS


def placeholders(text: str) -> set[str]:
    """Names of the ``{placeholders}`` of a catalogue text."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def parse_lang(params: Mapping[str, object] | str | None) -> str:
    """The language a URL asks for: ``?lang=en`` -> ``"en"``; anything else -> French.

    ``params`` is the query parameters (``st.query_params``) or the raw value. Only an exact
    member of :data:`LANGS` (case and surrounding spaces ignored) is accepted; a list, a long
    string, markup or an unknown code gives :data:`DEFAULT_LANG`, never an error, since the
    value comes from a URL anyone can type.
    """
    value = params.get("lang") if isinstance(params, Mapping) else params
    if not isinstance(value, str) or len(value) > 8:
        return DEFAULT_LANG
    value = value.strip().lower()
    return value if value in LANGS else DEFAULT_LANG


__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "LANG_NAMES",
    "STRINGS",
    "UnknownKeyError",
    "UnknownLangError",
    "check_lang",
    "has_key",
    "parse_lang",
    "placeholders",
    "t",
]
