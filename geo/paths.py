"""Locations of the geographic data shipped with the atlas (not the working directory)."""

from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_DIR / "data"
SHAPES_DIR = DATA_DIR / "shapes"
GAZETTEER_DIR = DATA_DIR / "gazetteer"

REGION_MAPPING_CSV = SHAPES_DIR / "region_mapping.csv"
DEPARTEMENTS_PRE2016_CSV = SHAPES_DIR / "departements_regions_pre2016.csv"
COMMUNES_CSV = GAZETTEER_DIR / "communes.csv"
DEPARTEMENTS_CSV = GAZETTEER_DIR / "departements.csv"
