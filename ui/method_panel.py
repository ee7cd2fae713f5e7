"""The "Méthode et sources" page: docs/method.md, shown as written."""

from pathlib import Path

import streamlit as st

METHOD_MD = Path(__file__).resolve().parents[1] / "docs" / "method.md"


@st.cache_data
def method_text() -> str:
    return METHOD_MD.read_text(encoding="utf-8")


def show_method() -> None:
    """Render the method page (our own Markdown file, no HTML allowed)."""
    st.markdown(method_text())
