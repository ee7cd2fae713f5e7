"""The "Méthode et sources" page: docs/method.md, its headings in the page's language.

The method text stays in French (it quotes French sources word for word); in English its
headings are the catalogue's (``method.heading.<slug of the French heading>``) and a line says
the text is French. Headings move one level down: the page's ``h1`` is the atlas's title, so
the method page starts at ``h2`` and no level is skipped.
"""

import re
import unicodedata
from pathlib import Path

import streamlit as st

from i18n import DEFAULT_LANG, t

METHOD_MD = Path(__file__).resolve().parents[1] / "docs" / "method.md"
_HEADING = re.compile(r"^(#{1,5}) +(.+?) *$", re.MULTILINE)
#: The build's markers around generated sections (``<!-- BEGIN name -->``,
#: layers/build/method_page.py): Streamlit's Markdown, with HTML off, would show them as text.
_COMMENT_LINE = re.compile(r"^[ \t]*<!--.*?-->[ \t]*\n?", re.MULTILINE | re.DOTALL)
_COMMENT = re.compile(r"[ \t]*<!--.*?-->", re.DOTALL)


@st.cache_data
def method_text() -> str:
    return METHOD_MD.read_text(encoding="utf-8")


def heading_slug(heading: str) -> str:
    """``"D'où viennent les chiffres"`` -> ``"d_ou_viennent_les_chiffres"`` (ASCII words)."""
    ascii_text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    return "_".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def headings(text: str) -> list[str]:
    """The headings of a Markdown text (ATX ``#`` lines), in order."""
    return [m.group(2) for m in _HEADING.finditer(text)]


def localised(text: str, lang: str = DEFAULT_LANG) -> str:
    """``text`` as the page shows it: without the build's markers, every heading one level
    lower and, unless French, translated.

    Raises :class:`i18n.UnknownKeyError` for a heading the catalogue does not translate
    (tests/test_i18n.py checks every heading of docs/method.md).
    """

    def heading(match: re.Match) -> str:
        words = match.group(2)
        if lang != DEFAULT_LANG:
            words = t(f"method.heading.{heading_slug(words)}", lang)
        return f"#{match.group(1)} {words}"

    return _HEADING.sub(heading, _COMMENT.sub("", _COMMENT_LINE.sub("", text)))


def show_method(lang: str = DEFAULT_LANG) -> None:
    """Render the method page (our own Markdown file, no HTML allowed)."""
    if lang != DEFAULT_LANG:
        st.info(t("method.french_only", lang))
    st.markdown(localised(method_text(), lang))
