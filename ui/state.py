"""Session state: one place that initialises it from the URL and writes it back."""

from dataclasses import asdict, fields

import streamlit as st

from i18n import DEFAULT_LANG, LANGS
from layers.view_state import Choices, ViewState, parse_view_state, to_query_params

PREFIX = "view_"  # widget keys are PREFIX + ViewState field name
#: Number of the last map click handled (the browser ignores selections older than its clicks).
CLICK_SEQ_KEY = "atlas_click_seq"
#: Set by the session's first full run: until then a run draws the map alone (streamlit_app.py).
FULL_PAGE_KEY = "atlas_full_page"
#: Set by a widget callback inside the map's fragment whose change needs the whole page (a level
#: switch: new contours, legend and summaries), not only the fragment's rerun.
APP_RERUN_KEY = "atlas_rerun_app"


def init_view_state(choices: Choices) -> list[str]:
    """On a session's first run, load the view from the URL; return warnings to show."""
    if st.session_state.get("_view_initialised"):
        return []
    params = st.query_params
    repeated = [name for name in params if len(params.get_all(name)) > 1]
    state, warnings = parse_view_state(params.to_dict(), choices, repeated)
    for name, value in asdict(state).items():
        st.session_state[PREFIX + name] = value
    st.session_state["_view_initialised"] = True
    return warnings


def current_view() -> ViewState:
    """The view as the widgets currently hold it."""
    return ViewState(
        **{
            f.name: str(st.session_state.get(PREFIX + f.name, getattr(ViewState(), f.name)))
            for f in fields(ViewState)
        }
    )


def ui_lang() -> str:
    """The language the page is drawn in (the view's, French until the URL or switch says)."""
    lang = st.session_state.get(PREFIX + "lang", DEFAULT_LANG)
    return lang if lang in LANGS else DEFAULT_LANG


def set_view(**changes: str) -> None:
    """Change fields of the view (before the widgets that own them are drawn)."""
    for name, value in changes.items():
        st.session_state[PREFIX + name] = value


def set_view_and_page(**changes: str) -> None:
    """:func:`set_view` from a widget callback inside a fragment, then the whole page reruns
    (see :func:`rerun_page_if_asked`): for a change the fragment cannot draw alone."""
    set_view(**changes)
    st.session_state[APP_RERUN_KEY] = True


def rerun_page_if_asked() -> None:
    """Rerun the whole script if a callback asked for it (call it first in a fragment)."""
    if st.session_state.pop(APP_RERUN_KEY, False):
        st.rerun(scope="app")


def sync_url(state: ViewState) -> None:
    """Write the view into the URL so that a copied link reopens it."""
    wanted = to_query_params(state)
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def select_region(code: str, seq: int | None = None) -> None:
    """Select a region of the current level ("" for none), as a map click or a list would.

    ``seq`` is the number of the map click that asked for it (None when the choice was made
    elsewhere in the page). Call it from a widget callback, before the map is drawn.
    """
    st.session_state[PREFIX + "region"] = code
    if seq is not None:
        st.session_state[CLICK_SEQ_KEY] = max(seq, click_seq())


def click_seq() -> int:
    """Number of the last map click handled in this session (0 before any)."""
    return int(st.session_state.get(CLICK_SEQ_KEY, 0))
