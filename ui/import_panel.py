"""Bring your own data: template, upload, French validation report, then use it in the session.

The shipped files are never modified: accepted rows go into a new indicator bundle kept in
this user's session only, labelled "données importées" wherever the map shows them.
"""

import pandas as pd
import streamlit as st

from layers.indicators.bundle import IndicatorData
from layers.upload.apply import apply_import
from layers.upload.read import MAX_UPLOAD_BYTES, UploadError, read_table
from layers.upload.templates import template_csv
from layers.upload.validate import validate

SESSION_KEY = "imported_data"
LABEL_KEY = "imported_label"


def active_data(shipped: IndicatorData) -> tuple[IndicatorData, str]:
    """The bundle the session works on, and its content key (for the caches)."""
    imported = st.session_state.get(SESSION_KEY)
    data = shipped if imported is None else imported
    return data, data.key


@st.cache_data
def _template(kind: str) -> bytes:
    return template_csv(kind)


def show_import(shipped: IndicatorData) -> None:
    st.markdown(
        "Importez vos propres valeurs d'indicateurs ou notes d'enquête (fichier CSV ou Excel, "
        "au format des modèles ci-dessous). Le fichier est vérifié avant tout usage ; les "
        "données acceptées restent dans votre session et ne modifient pas les données "
        "livrées. Format détaillé : `docs/import.md`."
    )
    left, right = st.columns(2)
    left.download_button(
        "Modèle : valeurs d'indicateurs (CSV)",
        _template("valeurs"),
        file_name="modele_valeurs.csv",
        mime="text/csv",
    )
    right.download_button(
        "Modèle : notes de perception (CSV)",
        _template("perception"),
        file_name="modele_perception.csv",
        mime="text/csv",
    )
    uploaded = st.file_uploader(
        f"Fichier à importer (CSV ou XLSX, {MAX_UPLOAD_BYTES // (1024 * 1024)} Mo au plus)",
        type=["csv", "txt", "xlsx"],
        key="upload_file",
    )
    if st.session_state.get(SESSION_KEY) is not None:
        st.success(f"Données importées en cours d'usage : {st.session_state.get(LABEL_KEY)}")
        if st.button("Retirer les données importées", key="drop_import"):
            st.session_state[SESSION_KEY] = None
            st.rerun()
    if uploaded is None:
        return
    try:
        table = read_table(uploaded.getvalue(), uploaded.name)
    except UploadError as exc:
        st.error(str(exc))
        return
    report = validate(table, shipped)
    if report.problems:
        st.error(
            f"{len(report.problems)} problème(s) dans « {uploaded.name} » : corrigez le "
            "fichier, ou utilisez seulement les lignes valides."
        )
        st.dataframe(
            pd.DataFrame(
                {
                    "Ligne": [p.row for p in report.problems],
                    "Colonne": [p.column or "" for p in report.problems],
                    "Problème": [p.message for p in report.problems],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    for notice in report.notices:
        st.info(notice)
    st.text(report.to_text())
    if report.rows.empty:
        return
    label = f"{uploaded.name} ({len(report.rows)} ligne(s) {report.kind})"
    if st.button(
        f"Utiliser les {len(report.rows)} ligne(s) valides", key="accept_import", type="primary"
    ):
        current, _ = active_data(shipped)
        st.session_state[SESSION_KEY] = apply_import(current, report, allow_partial=True)
        st.session_state[LABEL_KEY] = label
        st.rerun()
