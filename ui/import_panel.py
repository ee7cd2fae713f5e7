"""Bring your own data: template, upload, validation report, then use it in the session.

The shipped files are never modified: accepted rows go into a new indicator bundle kept in
this user's session only, labelled "données importées" wherever the map shows them. The
report's messages and the imported files' labels are kept as :class:`~i18n.Text` values and
written in the page's language each time they are shown (switching language rewrites them).
"""

import hashlib
from collections.abc import MutableMapping

import pandas as pd
import streamlit as st

from i18n import DEFAULT_LANG, Text, render, t
from layers.indicators.bundle import IndicatorData
from layers.upload.apply import apply_import
from layers.upload.limits import MAX_UPLOAD_MB
from layers.upload.read import UploadError
from layers.upload.templates import template_csv
from layers.upload.validate import ValidationReport, check_file
from ui.text import md_escape

SESSION_KEY = "imported_data"
LABELS_KEY = "imported_labels"
CHECKED_KEY = "upload_checked"


def active_data(shipped: IndicatorData) -> tuple[IndicatorData, str]:
    """The bundle the session works on, and its content key (for the caches)."""
    imported = st.session_state.get(SESSION_KEY)
    data = shipped if imported is None else imported
    return data, data.key


def imported_labels(state: MutableMapping) -> list[Text | str]:
    """The files whose rows the session's bundle holds, oldest first (imports stack)."""
    return list(state.get(LABELS_KEY) or [])


def _labels_markdown(state: MutableMapping, lang: str) -> str:
    """The imported files' labels in ``lang``, each escaped, for a Markdown sink."""
    labels = (md_escape(render(label, lang)) for label in imported_labels(state))
    return t("common.item_sep", lang).join(labels)


def accept(
    state: MutableMapping, shipped: IndicatorData, report: ValidationReport, label: Text | str
) -> None:
    """Add a report's valid rows to the session's bundle, and its file to the banner's list."""
    current = state.get(SESSION_KEY) or shipped
    state[SESSION_KEY] = apply_import(current, report, allow_partial=True)
    state[LABELS_KEY] = [*imported_labels(state), label]


def drop_imports(state: MutableMapping) -> None:
    state[SESSION_KEY] = None
    state[LABELS_KEY] = []


def checked(
    state: MutableMapping, content: bytes, filename: str, data: IndicatorData
) -> ValidationReport | Text:
    """The report (or the reason it cannot be read) of an uploaded file, computed once per file
    content, name and data bundle: reruns of the page (every click, a language switch) reuse
    it."""
    key = (hashlib.sha256(content).hexdigest(), filename, data.key)
    cached = state.get(CHECKED_KEY)
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        result: ValidationReport | Text = check_file(content, filename, data)
    except UploadError as exc:
        result = exc.text
    state[CHECKED_KEY] = (key, result)  # one file at a time: the previous entry is dropped
    return result


def imported_banner(state: MutableMapping, lang: str = DEFAULT_LANG) -> str | None:
    """Markdown naming every imported file (escaped), or None when nothing is imported."""
    if state.get(SESSION_KEY) is None or not imported_labels(state):
        return None
    return t("app.imported_banner", lang, label=_labels_markdown(state, lang))


@st.cache_data
def _template(kind: str) -> bytes:
    return template_csv(kind)


def show_import(shipped: IndicatorData, lang: str = DEFAULT_LANG) -> None:
    st.markdown(t("import.intro", lang))
    left, right = st.columns(2)
    left.download_button(
        t("import.template_values", lang),
        _template("valeurs"),
        file_name="modele_valeurs.csv",
        mime="text/csv",
    )
    right.download_button(
        t("import.template_perception", lang),
        _template("perception"),
        file_name="modele_perception.csv",
        mime="text/csv",
    )
    uploaded = st.file_uploader(
        t("import.uploader", lang, max=t("common.megabytes", lang, n=MAX_UPLOAD_MB)),
        type=["csv", "txt", "xlsx"],
        key="upload_file",
        max_upload_size=MAX_UPLOAD_MB,
    )
    state = st.session_state
    if state.get(SESSION_KEY) is not None:
        names = _labels_markdown(state, lang)
        st.success(t("import.in_use", lang, label=names))
        if st.button(t("import.remove", lang), key="drop_import"):
            drop_imports(state)
            st.rerun()
    if uploaded is None:
        return
    report = checked(state, uploaded.getvalue(), uploaded.name, shipped)
    if not isinstance(report, ValidationReport):  # the reason the file cannot be read
        st.error(md_escape(render(report, lang)))
        return
    _show_report(report, uploaded.name, lang)
    if not report.usable:
        return
    kind = Text(f"upload.format.{report.kind}")
    label = Text("import.label", name=uploaded.name, n=len(report.rows), kind=kind)
    if st.button(t("import.use", lang, n=len(report.rows)), key="accept_import", type="primary"):
        accept(state, shipped, report, label)
        st.rerun()


def _show_report(report: ValidationReport, filename: str, lang: str = DEFAULT_LANG) -> None:
    if report.problems:
        # "or use only the valid rows" only when the valid rows may be used.
        key = "import.problems" if report.usable else "import.problems_only"
        st.error(t(key, lang, n=len(report.problems), name=md_escape(filename)))
        none = t("common.none", lang)
        st.dataframe(
            pd.DataFrame(
                {
                    t("import.col.row", lang): [
                        str(p.row) if p.row else none for p in report.problems
                    ],
                    t("import.col.column", lang): [p.column_in(lang) for p in report.problems],
                    t("import.col.problem", lang): [p.text.render(lang) for p in report.problems],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    for notice in report.notices:
        st.info(md_escape(render(notice, lang)))
    st.text(report.to_text(lang=lang))
