"""Safe text for Streamlit: data text is never interpreted as Markdown or HTML."""

# "-" and "." only matter at the start of a line, where data text never is.
_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+!|<>~$:")


def md_escape(text: object) -> str:
    """Escape Markdown (and so HTML) special characters in a data value for st.markdown."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))
