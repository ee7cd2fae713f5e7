"""Every CSV the atlas offers for download is French Excel CSV, written by one function."""

import numpy as np
import pandas as pd

from geo.shapes import read_layer
from layers.indicators.bundle import load_indicator_data
from layers.measures import layer_values
from layers.render.choropleth import colour_regions
from layers.upload.read import read_table
from layers.view_state import ViewState
from ui.catalysers_panel import results_csv
from ui.data_panel import layer_csv


def test_the_layer_csv_has_decimal_commas_and_reads_back_to_the_map_values():
    values = layer_values(load_indicator_data(), ViewState(layer="emploi"))
    coloured, _ = colour_regions(read_layer("2016"), values.values, k=5)
    content = layer_csv(values, coloured)
    assert content.startswith(b"\xef\xbb\xbf") and b"\r\n" in content
    table = read_table(content, "atlas_couche.csv")
    assert "geometry" not in table and table["code"].tolist() == coloured["code"].tolist()
    assert table["valeur"].str.contains(",").any() and not table["valeur"].str.contains(r"\.").any()
    back = [np.nan if v == "" else float(v.replace(",", ".")) for v in table["valeur"]]
    np.testing.assert_array_equal(back, coloured["value"].to_numpy())


def test_the_catalysers_csv_writes_distances_with_a_decimal_comma():
    rows = pd.DataFrame(
        {
            "name": ["Alpha"],
            "commune": ["Lille"],
            "precision": ["commune"],
            "departement": ["59"],
            "distance_km": [12.345],
            "metiers": ["dialogue_territorial"],
            "confidence": ["C"],
            "family": ["tzcld"],
            "website": ["https://example.org"],
            "source_url": ["https://example.org/source"],
        }
    )
    table = read_table(results_csv(rows), "catalyseurs.csv")
    assert table.loc[2, "Distance (km)"] == "12,3"
    assert list(table.columns[:3]) == ["Nom", "Distance (km)", "Commune"]  # read by the name
    assert table.loc[2, "Fiabilité"].startswith("C – Territoire zéro chômeur")
