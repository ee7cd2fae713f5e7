import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import box

from layers.render.choropleth import (
    choropleth_features,
    choropleth_layer,
    colour_regions,
    selection_layer,
)


def regions():
    return gpd.GeoDataFrame(
        {"code": ["11", "32", "94"], "nom": ["Île-de-France", "<b>Hauts</b>", "Corse"]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)],
        crs="EPSG:4326",
    )


def test_values_are_joined_by_code_and_missing_is_grey():
    values = pd.Series({"11": 90.0, "32": 120.0, "99": 5.0})
    coloured, _ = colour_regions(regions(), values, k=2, diverging_centre=100, unit="%")
    assert coloured["value"].tolist()[:2] == [90.0, 120.0] and np.isnan(coloured["value"][2])
    assert coloured["value_label"].tolist() == ["90,0 %", "120,0 %", "pas de donnée"]
    assert coloured["klass"].tolist() == [0, 1, -1]
    assert coloured["colour"].iloc[2] == "#bdbdbd"
    assert "value" not in regions()


def test_layer_html_escapes_names_and_marks_the_selection():
    coloured, _ = colour_regions(regions(), pd.Series({"11": 1.0, "32": 2.0, "94": 3.0}), k=3)
    fmap = folium.Map(tiles=None)
    choropleth_layer(choropleth_features(coloured), "Indice <x>").add_to(fmap)
    selection_layer(coloured, "32").add_to(fmap)
    page = fmap.get_root().render()
    # folium writes the properties as JSON, where "&" is "\u0026"
    page = page.replace("\\u0026", "&")
    assert "&lt;b&gt;Hauts&lt;/b&gt;" in page and "<b>Hauts</b>" not in page
    assert "Indice &lt;x&gt;" in page
    assert page.count('"code": "32"') == 2  # the region and its selection outline


def test_labels_use_the_sources_decimals_and_mark_approximations():
    values = pd.Series({"11": 11.402374557557309, "32": 3.9326008240747763, "94": 20.0})
    flags = pd.Series({"11": False, "32": True})
    coloured, _ = colour_regions(regions(), values, k=2, unit="%", decimals=1, approximate=flags)
    assert coloured["value_label"].tolist() == ["11,4 %", "≈ 3,9 %", "20,0 %"]
