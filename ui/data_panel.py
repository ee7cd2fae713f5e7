"""The data view of the current layer: one row per region, with CSV download."""

import pandas as pd
import streamlit as st

from layers.measures import LayerValues


def layer_frame(values: LayerValues, coloured) -> pd.DataFrame:
    """Region, value, class and colour of the current layer (what the map shows)."""
    frame = pd.DataFrame(
        {
            "code": coloured["code"],
            "region": coloured["nom"],
            "valeur": coloured["value"],
            "classe": coloured["klass"] + 1,
            "couleur": coloured["colour"],
        }
    )
    if values.table is not None:
        extra = values.table.drop(columns=["region_name", "value"], errors="ignore")
        frame = frame.merge(extra, left_on="code", right_on="region_code", how="left").drop(
            columns=["region_code"]
        )
    return frame.rename(
        columns={"rank": "rang", "n_indicators": "n_indicateurs", "n_domains": "n_domaines"}
    )


def show_layer_table(values: LayerValues, coloured) -> None:
    st.markdown(f"**{values.title}** ({values.unit})")
    frame = layer_frame(values, coloured)
    st.dataframe(
        frame.drop(columns=["couleur"]),
        hide_index=True,
        width="stretch",
        column_config={
            "valeur": st.column_config.NumberColumn(format="%.2f"),
            "classe": st.column_config.NumberColumn(help="0 = pas de donnée"),
        },
    )
    st.caption(values.caption)
    st.download_button(
        "Télécharger la couche (CSV)",
        frame.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig"),
        file_name="atlas_couche.csv",
        mime="text/csv",
    )
