import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from layers.render.choropleth import colour_regions, region_geometry, region_styles


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


def test_geometry_carries_only_code_and_name():
    geometry = region_geometry(regions())
    assert geometry["type"] == "FeatureCollection"
    assert [f["properties"] for f in geometry["features"]] == [
        {"code": "11", "nom": "Île-de-France"},
        {"code": "32", "nom": "<b>Hauts</b>"},  # raw: the browser writes names as text
        {"code": "94", "nom": "Corse"},
    ]
    assert "id" not in geometry["features"][0]


def test_styles_give_colour_and_label_per_code():
    coloured, _ = colour_regions(regions(), pd.Series({"11": 1.0, "32": 2.0}), k=2, unit="%")
    styles = region_styles(coloured)
    assert list(styles) == ["11", "32", "94"]
    assert styles["94"] == ["#bdbdbd", "pas de donnée"]
    assert styles["11"][1] == "1,00 %"


def test_styles_refuse_a_colour_that_is_not_hex():
    coloured, _ = colour_regions(regions(), pd.Series({"11": 1.0, "32": 2.0}), k=2)
    coloured.loc[0, "colour"] = "red;background:url(x)"
    with pytest.raises(ValueError, match="#rrggbb"):
        region_styles(coloured)


def test_labels_use_the_sources_decimals_and_mark_approximations():
    values = pd.Series({"11": 11.402374557557309, "32": 3.9326008240747763, "94": 20.0})
    flags = pd.Series({"11": False, "32": True})
    coloured, _ = colour_regions(regions(), values, k=2, unit="%", decimals=1, approximate=flags)
    assert coloured["value_label"].tolist() == ["11,4 %", "≈ 3,9 %", "20,0 %"]
    assert region_styles(coloured)["32"][1] == "≈ 3,9 %"
