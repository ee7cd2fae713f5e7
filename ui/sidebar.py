"""Sidebar widgets that define the view (level, layer, measure, classes)."""

import streamlit as st

from geo.levels import LEVELS
from layers.render.schemes import SCHEME_LABELS
from layers.view_state import MAX_CLASSES, MEASURES, Choices
from ui.state import PREFIX


def view_controls(choices: Choices) -> None:
    """Draw the view widgets; their values live in st.session_state (see ui.state)."""
    sb = st.sidebar
    sb.header("Carte")
    sb.radio(
        "Niveau",
        list(LEVELS),
        format_func=lambda level: LEVELS[level].label,
        key=PREFIX + "level",
        horizontal=True,
        on_change=_clear_region,
    )
    sb.selectbox(
        "Couche", list(choices.layers), format_func=choices.layers.get, key=PREFIX + "layer"
    )
    measure = sb.radio("Mesure", list(MEASURES), format_func=MEASURES.get, key=PREFIX + "measure")
    if measure in ("percu", "ecart"):
        if not st.session_state.get(PREFIX + "survey"):
            st.session_state[PREFIX + "survey"] = next(iter(choices.surveys), "")
        sb.selectbox(
            "Enquête et acteur",
            list(choices.surveys),
            format_func=choices.surveys.get,
            key=PREFIX + "survey",
        )
    if measure == "indicateur":
        # Only the indicators with values at the chosen level (the départements have theirs).
        options = choices.indicators_at(st.session_state.get(PREFIX + "level", ""))
        if st.session_state.get(PREFIX + "indicator") not in options:
            st.session_state[PREFIX + "indicator"] = next(iter(options), "")
        sb.selectbox(
            "Indicateur (★ = entre dans les indices à ce niveau)",
            list(options),
            format_func=options.get,
            key=PREFIX + "indicator",
        )
    with sb.expander("Classes de la légende"):
        st.selectbox(
            "Méthode", list(SCHEME_LABELS), format_func=SCHEME_LABELS.get, key=PREFIX + "scheme"
        )
        st.select_slider(
            "Nombre de classes", [str(k) for k in range(2, MAX_CLASSES + 1)], key=PREFIX + "k"
        )
        if st.session_state.get(PREFIX + "scheme") == "manual":
            st.text_input(
                "Seuils (séparés par des points-virgules)",
                key=PREFIX + "breaks",
                placeholder="ex. 90 ; 100 ; 110",
            )


def basemap_toggle() -> None:
    """The "Fond de carte" switch; its value is kept in the view (and so in the URL)."""
    shown = st.sidebar.toggle(
        "Fond de carte",
        value=st.session_state.get(PREFIX + "basemap") != "0",
        key="basemap_toggle",
        help="Mer, pays voisins, fleuves, limites et noms de lieux, servis par l'application "
        "(aucune requête hors de la machine).",
    )
    st.session_state[PREFIX + "basemap"] = "1" if shown else "0"


def show_catalysers_toggle() -> bool:
    return st.sidebar.checkbox(
        "Afficher les catalyseurs territoriaux", value=True, key="show_catalysers"
    )


def _clear_region() -> None:
    # A region code means another region at the other level (codes 11, 24... exist at both).
    st.session_state[PREFIX + "region"] = ""
