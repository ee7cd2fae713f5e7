import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import Polygon, box

from geo.build.coverage import (
    clean_coverage,
    dissolve,
    round_coordinates,
    simplify_coverage,
    uncovered_holes,
)
from geo.region_mapping import InconsistentMappingError, derive_region_mapping


def gdf(geoms, **cols):
    return gpd.GeoDataFrame(cols, geometry=list(geoms), crs="EPSG:2154")


def test_dissolve_unions_per_group_and_keeps_the_key():
    units = gdf([box(0, 0, 1, 1), box(1, 0, 2, 1), box(5, 5, 6, 6)], dep=["A", "A", "B"])
    out = dissolve(units, "dep")
    assert out["dep"].tolist() == ["A", "B"]
    assert out.geometry.iloc[0].equals(box(0, 0, 2, 1))
    assert out.crs == units.crs


def test_dissolve_as_coverage_gives_the_same_shape():
    units = gdf([box(0, 0, 1, 1), box(1, 0, 2, 1)], dep=["A", "A"])
    assert dissolve(units, "dep", is_coverage=True).geometry.iloc[0].equals(box(0, 0, 2, 1))


def test_clean_coverage_fills_a_gap_and_removes_an_overlap():
    # A and B overlap by 0.1; a 0.2-wide gap separates B and C.
    units = gdf([box(0, 0, 1.1, 1), box(1, 0, 2, 1), box(2.2, 0, 3, 1)], dep=["A", "B", "C"])
    units = pd.concat([units, gdf([box(0, 1, 3, 2)], dep=["D"])], ignore_index=True)
    units = pd.concat([units, gdf([box(0, -1, 3, 0)], dep=["E"])], ignore_index=True)
    assert not shapely.coverage_is_valid(units.geometry.values)
    cleaned = clean_coverage(units, gap_width_m=0.5)
    assert shapely.coverage_is_valid(cleaned.geometry.values)
    assert cleaned.geometry.area.sum() == pytest.approx(3 * 3)
    assert units.geometry.iloc[0].area == pytest.approx(1.1)  # input untouched


def test_enclave_is_not_a_gap_but_a_hole_nobody_fills_is():
    outer = box(0, 0, 10, 10).difference(box(4, 4, 6, 6))
    with_enclave = gdf([outer, box(4, 4, 6, 6)], dep=["Drôme", "Vaucluse"])
    assert uncovered_holes(with_enclave) == []
    with_gap = gdf([outer], dep=["Drôme"])
    assert uncovered_holes(with_gap) == [(0, pytest.approx(4.0))]


def test_simplify_keeps_neighbours_edge_matched():
    zigzag = [(0, 0)] + [(i, 0.01 * (i % 2)) for i in range(1, 100)] + [(100, 0)]
    south = Polygon([*zigzag, (100, -50), (0, -50)])
    north = Polygon([*zigzag, (100, 50), (0, 50)])
    simple = simplify_coverage(gdf([south, north], dep=["S", "N"]), tolerance_m=1.0)
    assert shapely.coverage_is_valid(simple.geometry.values)
    assert shapely.get_num_coordinates(simple.geometry.values).sum() < 20
    assert simple.geometry.area.sum() == pytest.approx(100 * 100, rel=1e-3)


def test_round_coordinates_keeps_shared_vertices_shared():
    left = Polygon([(0, 0), (1.123456, 0.3), (1.123456, 1), (0, 1)])
    right = Polygon([(1.123456, 0.3), (2, 0), (2, 1), (1.123456, 1)])
    rounded = round_coordinates(gdf([left, right]), 2)
    coords = shapely.get_coordinates(rounded.geometry.values)
    assert set(coords[:, 0].round(6)) <= {0.0, 1.12, 2.0}
    assert shapely.coverage_is_valid(rounded.geometry.values)


def test_region_mapping_is_derived_from_departements():
    pre = pd.DataFrame(
        {
            "departement": ["59", "62", "02"],
            "region_pre2016_code": ["31", "31", "22"],
            "region_pre2016_nom": ["Nord-Pas-de-Calais", "Nord-Pas-de-Calais", "Picardie"],
        }
    )
    new = pd.DataFrame(
        {"departement": ["59", "62", "02"], "code_2016": ["32"] * 3, "nom_2016": ["HdF"] * 3}
    )
    mapping = derive_region_mapping(pre, new)
    assert mapping.to_dict("records") == [
        {"code_pre2016": "22", "nom_pre2016": "Picardie", "code_2016": "32", "nom_2016": "HdF"},
        {
            "code_pre2016": "31",
            "nom_pre2016": "Nord-Pas-de-Calais",
            "code_2016": "32",
            "nom_2016": "HdF",
        },
    ]


def test_region_mapping_refuses_a_split_region():
    pre = pd.DataFrame(
        {
            "departement": ["a", "b"],
            "region_pre2016_code": ["1", "1"],
            "region_pre2016_nom": ["One", "One"],
        }
    )
    new = pd.DataFrame({"departement": ["a", "b"], "code_2016": ["X", "Y"], "nom_2016": ["X", "Y"]})
    with pytest.raises(InconsistentMappingError, match="split"):
        derive_region_mapping(pre, new)


def test_region_mapping_refuses_a_missing_departement():
    pre = pd.DataFrame(
        {"departement": ["a"], "region_pre2016_code": ["1"], "region_pre2016_nom": ["One"]}
    )
    new = pd.DataFrame({"departement": ["a", "b"], "code_2016": ["X", "X"], "nom_2016": ["X", "X"]})
    with pytest.raises(InconsistentMappingError, match=r"\['b'\]"):
        derive_region_mapping(pre, new)


def test_levels_relate_through_the_shipped_mapping():
    from geo.region_mapping import former_regions_of, load_region_mapping, region_2016_of

    mapping = load_region_mapping()
    assert region_2016_of(mapping, "31") == ("32", "Hauts-de-France")
    assert former_regions_of(mapping, "32") == [("22", "Picardie"), ("31", "Nord-Pas-de-Calais")]
    assert former_regions_of(mapping, "53") == [("53", "Bretagne")]
    with pytest.raises(KeyError, match="Unknown former region '32'"):
        region_2016_of(mapping, "32")
