"""Sidebar widgets that define the view (language, level, layer, measure, classes)."""

import streamlit as st

from geo.levels import LEVELS
from i18n import LANG_NAMES, LANGS, t
from layers.render.schemes import scheme_labels
from layers.view_state import MAX_CLASSES, MEASURES, Choices, measure_labels
from ui.state import PREFIX, ui_lang


def language_switch() -> str:
    """The FR/EN switch, first in the sidebar; its value is the view's ``lang`` (in the URL)."""
    lang = ui_lang()
    st.sidebar.radio(
        t("app.lang_switch", lang),
        list(LANGS),
        format_func=lambda code: f"{code.upper()} · {LANG_NAMES[code]}",
        key=PREFIX + "lang",
        horizontal=True,
        help=t("app.lang_help", lang),
    )
    return ui_lang()


def view_controls(choices: Choices) -> None:
    """Draw the view widgets; their values live in st.session_state (see ui.state)."""
    lang = ui_lang()
    sb = st.sidebar
    heading()
    sb.radio(
        t("sidebar.level", lang),
        list(LEVELS),
        format_func=lambda level: LEVELS[level].label_in(lang),
        key=PREFIX + "level",
        horizontal=True,
        on_change=_clear_region,
    )
    placeholder = t("widget.select_placeholder", lang)
    sb.selectbox(
        t("sidebar.layer", lang),
        list(choices.layers),
        format_func=choices.layers.get,
        key=PREFIX + "layer",
        placeholder=placeholder,
        on_change=_clear_domain,
    )
    measures = measure_labels(lang)
    measure = sb.radio(
        t("sidebar.measure", lang), list(MEASURES), format_func=measures.get, key=PREFIX + "measure"
    )
    if measure in ("percu", "ecart"):
        if not st.session_state.get(PREFIX + "survey"):
            st.session_state[PREFIX + "survey"] = next(iter(choices.surveys), "")
        sb.selectbox(
            t("sidebar.survey", lang),
            list(choices.surveys),
            format_func=choices.surveys.get,
            key=PREFIX + "survey",
            placeholder=placeholder,
        )
    if measure == "indicateur":
        # Only the indicators with values at the chosen level (the départements have theirs).
        options = choices.indicators_at(st.session_state.get(PREFIX + "level", ""))
        if st.session_state.get(PREFIX + "indicator") not in options:
            st.session_state[PREFIX + "indicator"] = next(iter(options), "")
        sb.selectbox(
            t("sidebar.indicator", lang),
            list(options),
            format_func=options.get,
            key=PREFIX + "indicator",
            placeholder=placeholder,
        )
    schemes = scheme_labels(lang)
    with sb.expander(t("sidebar.classes", lang)):
        st.selectbox(
            t("sidebar.scheme", lang), list(schemes), format_func=schemes.get, key=PREFIX + "scheme"
        )
        st.select_slider(
            t("sidebar.n_classes", lang),
            [str(k) for k in range(2, MAX_CLASSES + 1)],
            key=PREFIX + "k",
        )
        if st.session_state.get(PREFIX + "scheme") == "manual":
            st.text_input(
                t("sidebar.breaks", lang),
                key=PREFIX + "breaks",
                placeholder=t("sidebar.breaks_placeholder", lang),
            )


def heading() -> None:
    """The sidebar's first element (also drawn alone while the map paints first)."""
    st.sidebar.header(t("sidebar.header", ui_lang()))


def basemap_toggle() -> None:
    """The "Fond de carte" switch; its value is kept in the view (and so in the URL)."""
    lang = ui_lang()
    shown = st.sidebar.toggle(
        t("sidebar.basemap", lang),
        value=st.session_state.get(PREFIX + "basemap") != "0",
        key="basemap_toggle",
        help=t("sidebar.basemap_help", lang),
    )
    st.session_state[PREFIX + "basemap"] = "1" if shown else "0"


#: Catalyser markers are shown until the user unticks the box.
SHOW_CATALYSERS_DEFAULT = True


def show_catalysers_toggle() -> bool:
    return st.sidebar.checkbox(
        t("sidebar.show_catalysers", ui_lang()),
        value=SHOW_CATALYSERS_DEFAULT,
        key="show_catalysers",
    )


def _clear_domain() -> None:
    # The profile lists the new layer's domain (a domain chosen in it was for the old layer).
    st.session_state[PREFIX + "domain"] = ""


def _clear_region() -> None:
    # A region code means another region at the other level (codes 11, 24... exist at both).
    st.session_state[PREFIX + "region"] = ""
