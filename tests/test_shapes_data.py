"""The shipped contours (data/shapes/) are the subject of these tests."""

import numpy as np
import pandas as pd
import pyproj
import pytest
import shapely

from geo.build.coverage import interior_rings, uncovered_holes
from geo.levels import LAYER_FILES
from geo.paths import DEPARTEMENTS_PRE2016_CSV, SHAPES_DIR
from geo.region_mapping import load_region_mapping
from geo.shapes import read_layer
from tests.helpers import geojson_size_bytes

CODES_2016 = {"11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"}
CODES_PRE2016 = {
    "11",
    "21",
    "22",
    "23",
    "24",
    "25",
    "26",
    "31",
    "41",
    "42",
    "43",
    "52",
    "53",
    "54",
    "72",
    "73",
    "74",
    "82",
    "83",
    "91",
    "93",
    "94",
}
#: Official areas, km²: ../shared/reference/region_profiles.csv, from
#: https://iiab.live/kiwix/content/wikipedia_en_simple_all_maxi_2023-01/A/Regions_of_France
#: except Normandie (29,907 km², the INSEE figure, see the reference README) and
#: Nouvelle-Aquitaine (84,036 km², seed 004 and mapuniversal.com).
OFFICIAL_AREA_KM2 = {
    "84": 69711,
    "27": 47784,
    "53": 27208,
    "24": 39151,
    "94": 8722,
    "44": 57433,
    "32": 31813,
    "11": 12012,
    "28": 29907,
    "75": 84036,
    "76": 72724,
    "52": 32082,
    "93": 31400,
}


@pytest.fixture(scope="module")
def layers():
    return {level: read_layer(level) for level in LAYER_FILES}


def test_code_sets_are_exact(layers):
    assert set(layers["2016"]["code"]) == CODES_2016 and len(layers["2016"]) == 13
    assert set(layers["pre2016"]["code"]) == CODES_PRE2016 and len(layers["pre2016"]) == 22
    assert len(layers["departements"]) == 96
    assert layers["departements"]["code"].is_unique


def test_mapping_matches_the_departement_table(layers):
    mapping = load_region_mapping()
    assert len(mapping) == 22 and mapping["code_pre2016"].is_unique
    deps = layers["departements"]
    pre = pd.read_csv(DEPARTEMENTS_PRE2016_CSV, dtype=str)
    assert dict(zip(deps["code"], deps["code_pre16"], strict=True)) == dict(
        zip(pre["departement"], pre["region_pre2016_code"], strict=True)
    )
    via_mapping = deps["code_pre16"].map(mapping.set_index("code_pre2016")["code_2016"])
    assert (via_mapping == deps["code_2016"]).all()
    pre_layer = layers["pre2016"].set_index("code")["code_2016"]
    assert pre_layer.to_dict() == mapping.set_index("code_pre2016")["code_2016"].to_dict()


@pytest.mark.parametrize(("level", "column"), [("2016", "code_2016"), ("pre2016", "code_pre16")])
def test_each_departement_lies_in_exactly_its_region(layers, level, column):
    regions = layers[level].set_index("code").geometry
    for dep in layers["departements"].itertuples():
        inside = [
            code
            for code, geom in regions.items()
            if shapely.intersection(geom, dep.geometry).area > 0.5 * dep.geometry.area
        ]
        assert inside == [getattr(dep, column)], dep.code


@pytest.mark.parametrize("level", ["2016", "pre2016"])
def test_regions_tile_the_same_territory_as_departements(layers, level):
    regions = shapely.union_all(layers[level].geometry.values)
    deps = shapely.union_all(layers["departements"].geometry.values)
    assert shapely.symmetric_difference(regions, deps).area < 1e-8 * deps.area


@pytest.mark.parametrize("level", list(LAYER_FILES))
def test_polygons_are_valid_and_form_a_coverage(layers, level):
    geoms = layers[level].geometry.values
    assert shapely.is_valid(geoms).all()
    # edge-matched, no overlaps between neighbours
    assert shapely.coverage_is_valid(geoms)


@pytest.mark.parametrize("level", list(LAYER_FILES))
def test_no_holes_except_enclaves(layers, level):
    assert uncovered_holes(layers[level], min_area=1e-10) == []


def test_vaucluse_enclave_is_a_hole_of_its_neighbour_filled_by_its_region(layers):
    valreas = shapely.Point(4.99, 44.38)  # Enclave des Papes (Valréas, Vaucluse)
    deps = layers["departements"].set_index("code").geometry
    assert deps["84"].contains(valreas)
    assert any(hole.contains(valreas) for hole in interior_rings(deps["26"]))
    regions = layers["2016"].set_index("code").geometry
    assert regions["93"].contains(valreas)
    assert any(hole.contains(valreas) for hole in interior_rings(regions["84"]))


def test_areas_match_official_figures_within_2_percent(layers):
    areas = layers["2016"].set_index("code")["area_km2"]
    for code, official in OFFICIAL_AREA_KM2.items():
        assert areas[code] == pytest.approx(official, rel=0.02), code


def test_former_regions_add_up_to_new_regions(layers):
    pre = layers["pre2016"].groupby("code_2016")["area_km2"].sum()
    new = layers["2016"].set_index("code")["area_km2"]
    np.testing.assert_allclose(pre.sort_index(), new.sort_index(), rtol=1e-6)


@pytest.mark.parametrize(
    ("level", "max_bytes"), [("2016", 150_000), ("pre2016", 150_000), ("departements", 240_000)]
)
def test_web_payload_is_small(layers, level, max_bytes):
    # The 96 départements share the regions' simplified coverage: 224 KB, 74 KB gzipped.
    assert geojson_size_bytes(layers[level]) <= max_bytes


@pytest.mark.parametrize("name", LAYER_FILES.values())
def test_shapefiles_are_wgs84_utf8_with_prj(name):
    assert (SHAPES_DIR / f"{name}.cpg").read_text().strip().upper() in {"UTF-8", "UTF8"}
    prj = (SHAPES_DIR / f"{name}.prj").read_text()
    assert pyproj.CRS.from_wkt(prj).equals(pyproj.CRS.from_epsg(4326), ignore_axis_order=True)


def test_names_keep_their_accents(layers):
    names = set(layers["2016"]["nom"])
    assert {"Île-de-France", "Provence-Alpes-Côte d'Azur", "Auvergne-Rhône-Alpes"} <= names


def test_coordinates_are_rounded_to_5_decimals(layers):
    coords = shapely.get_coordinates(layers["2016"].geometry.values)
    np.testing.assert_allclose(coords, coords.round(5), atol=1e-9)
