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

A message built far from the page (an uploaded file's problems, a refused classification) is
data until it is shown: a :class:`Text` holds its key and the values of its placeholders, and
is written in a language only by :func:`render`, by the page or the command line that knows
the reader's language. Its values may be texts themselves, :class:`Number` (written the
language's way: "19,7" / "19.7") or tuples (joined with the language's list separator).
:class:`TextError` carries such a message; its ``str()`` is French, so logs and French tests
read what they always read.
"""

from collections.abc import Mapping
from dataclasses import dataclass
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


def t(key: str, lang: str = DEFAULT_LANG, /, **fmt: object) -> str:
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


# --- messages built before their language is known ----------------------------------------


#: French thousands separator: a narrow no-break space ("16 384").
_NARROW_NBSP = "\u202f"


def localised_number(value: float, spec: str = ",", lang: str = DEFAULT_LANG) -> str:
    """``value`` formatted with the format ``spec`` (``","`` groups thousands), written the way
    of ``lang``: French "16 384" and "19,7" (narrow no-break space, decimal comma), English
    "16,384" and "19.7".

    >>> localised_number(16384), localised_number(16384, lang="en")
    ('16\u202f384', '16,384')
    >>> localised_number(0.197 * 100, "g"), localised_number(5.2, ".1f", "en")
    ('19,7', '5.2')
    """
    check_lang(lang)
    text = format(value, spec)
    return text if lang == "en" else text.replace(",", _NARROW_NBSP).replace(".", ",")


@dataclass(frozen=True)
class Number:
    """A number inside a :class:`Text`: formatted with ``spec`` in the language of the reader."""

    value: float
    spec: str = ","

    def render(self, lang: str = DEFAULT_LANG) -> str:
        return localised_number(self.value, self.spec, lang)


@dataclass(frozen=True, init=False)
class Text:
    """A catalogue text not yet written in a language: its key and its placeholders' values.

    >>> message = Text("common.megabytes", n=Number(5.2, ".1f"))
    >>> message.render("fr"), message.render("en"), str(message)
    ('5,2 Mo', '5.2 MB', '5,2 Mo')

    Values are kept as given (user text stays verbatim; escaping is the sink's job) and
    rendered with :func:`render`. The key and the placeholders are checked when the text is
    built, so a wrong key fails where the message is made, in French as in English.
    """

    key: str
    fmt: tuple[tuple[str, object], ...]

    def __init__(self, key: str, /, **fmt: object) -> None:
        if key not in STRINGS:
            raise UnknownKeyError(f"Unknown text key {key!r}")
        missing = placeholders(STRINGS[key][0]) - fmt.keys()
        if missing:
            raise KeyError(f"Text {key!r} needs {sorted(missing)}")
        frozen = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in fmt.items())
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "fmt", frozen)

    def render(self, lang: str = DEFAULT_LANG) -> str:
        """The text in ``lang``, its values rendered in ``lang`` too."""
        return t(self.key, lang, **{name: render(value, lang) for name, value in self.fmt})

    def __str__(self) -> str:
        return self.render(DEFAULT_LANG)


class TextError(Exception):
    """An error whose message is a :class:`Text` (or a fixed ``str``, for a programmer's error).

    ``str(error)`` is the message in the language the error was raised for (French unless
    ``lang`` is given); :meth:`in_lang` writes it in another.
    """

    def __init__(self, message: "Text | str", lang: str = DEFAULT_LANG) -> None:
        super().__init__(message)
        self.lang = check_lang(lang)

    @property
    def text(self) -> "Text | str":
        """The message, not yet written in a language."""
        return self.args[0]

    def in_lang(self, lang: str = DEFAULT_LANG) -> str:
        return render(self.text, lang)

    def __str__(self) -> str:
        return self.in_lang(self.lang)


def render(value: object, lang: str = DEFAULT_LANG) -> str:
    """``value`` written in ``lang``: a :class:`Text`, :class:`Number` or :class:`TextError` in
    that language, a tuple as its items joined with the language's list separator, anything
    else (user text, an id, a line number) as ``str(value)``."""
    if isinstance(value, Text | Number):
        return value.render(lang)
    if isinstance(value, TextError):
        return value.in_lang(lang)
    if isinstance(value, tuple):
        return t("common.list_sep", lang).join(render(item, lang) for item in value)
    return str(value)


__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "LANG_NAMES",
    "STRINGS",
    "Number",
    "Text",
    "TextError",
    "UnknownKeyError",
    "UnknownLangError",
    "check_lang",
    "has_key",
    "localised_number",
    "parse_lang",
    "placeholders",
    "render",
    "t",
]
