"""Safe text for Streamlit: data and user text is never interpreted as Markdown or HTML.

Every Streamlit call that renders Markdown (``st.markdown``, ``st.caption``, ``st.info`` and the
other alerts, ``st.toast``, ``st.subheader``...) receives text from the data, the URL, the
commune box or an uploaded file only through :func:`md_escape`; ``tests/test_bad_input.py``
checks the call sites (``test_every_markdown_sink_escapes_what_it_formats``, with a short list
of arguments vetted by hand) and drives the app with Markdown in every one of those inputs.
"""

import re

#: Backslash-escaped: links and images (``[ ] ( ) !``), HTML (``< > &``), emphasis and code
#: (``* _ ` ~``), headings, tables, lists (``# | +``), math (``$``), Streamlit's
#: ``:emoji:`` and ``:red[...]`` (``:``), and the autolinks of bare addresses (``. @``:
#: "www.site.fr" and "nom@site.fr" become links otherwise). CommonMark renders any
#: backslash-escaped ASCII punctuation as the character itself. "-" is left alone: it only
#: starts a list at the start of a line, and line breaks are flattened.
_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+!|<>~$:.@&")


#: Starts of the addresses GitHub-flavoured Markdown turns into links by itself, even when their
#: punctuation is escaped (seen in Chromium: "http\\://" still became a link).
_AUTOLINK = re.compile(r"(?i)(https?|ftp|www|mailto|xmpp)(?=[:.])|(?<=\w)(?=@\w)")
#: U+2060 WORD JOINER: invisible, and it breaks the address for the autolinker.
_JOINER = "\u2060"


def md_escape(text: object) -> str:
    """``text`` as literal Markdown: special characters escaped, line breaks as spaces, and an
    invisible word joiner inside bare addresses so that none becomes a link.

    A line break in data text would end the sentence it is inserted in (or start a list or a
    heading): it becomes a space.
    """
    flat = " ".join(str(text).splitlines())
    unlinked = _AUTOLINK.sub(lambda m: (m.group(1) or "") + _JOINER, flat)
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in unlinked)
