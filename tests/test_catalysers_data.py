"""The shipped directory (data/catalysers/): allowed values, sources, places inside France."""

import geopandas as gpd
import pandas as pd
import pytest

from geo.build.catalysers import (
    CORRECTION_COLUMNS,
    CORRECTIONS_CSV,
    README,
    build,
    render_counts,
    to_csv_text,
    update_readme,
)
from geo.catalysers import (
    CATALYSERS_CSV,
    COLUMNS,
    CONFIDENCE_LABELS,
    FAMILY_LABELS,
    KIND_LABELS,
    METIERS,
    PRECISION_LABELS,
    REGION_CODES_2016,
    load_catalysers,
)
from geo.gazetteer import read_communes
from geo.paths import DEPARTEMENTS_CSV
from geo.shapes import read_layer


@pytest.fixture(scope="module")
def shipped() -> pd.DataFrame:
    return load_catalysers()


@pytest.fixture(scope="module")
def departements() -> pd.DataFrame:
    return pd.read_csv(DEPARTEMENTS_CSV, dtype={"departement": str, "region_2016": str})


def test_columns_and_row_count(shipped):
    assert shipped.columns.tolist() == COLUMNS
    assert len(shipped) == 306  # the three research rounds of ../shared/reference
    assert shipped["name"].is_unique


def readme_table(text: str, first_header: str) -> dict[str, list[int]]:
    """The rows of the README's Markdown table whose header starts with ``first_header``:
    first cell -> the integer cells."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header}"))
    rows = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        rows[cells[0]] = [int(c) for c in cells[1:]]
    return rows


def test_readme_counts_by_confidence_and_precision_match_the_directory(shipped):
    table = readme_table(README.read_text(encoding="utf-8"), "confidence | `commune`")
    for level in CONFIDENCE_LABELS:
        rows = shipped[shipped["confidence"] == level]
        expected = [int((rows["precision"] == p).sum()) for p in PRECISION_LABELS]
        assert table[level] == [*expected, len(rows)], level
    assert table["total"][-1] == len(shipped)
    families = readme_table(README.read_text(encoding="utf-8"), "family (all")
    for family in FAMILY_LABELS:
        rows = shipped[shipped["family"] == family]
        assert families[family] == [len(rows), int(rows["lat"].notna().sum())], family


def test_readme_counts_section_is_what_the_build_writes(shipped):
    text = README.read_text(encoding="utf-8")
    assert update_readme(text, render_counts(shipped)) == text


def test_local_alliances_are_confidence_c_and_never_a_or_b(shipped):
    alliances = shipped[shipped["family"] != ""]
    assert set(alliances["family"]) == set(FAMILY_LABELS)
    assert (alliances["confidence"] == "C").all()
    tzcld = alliances[alliances["family"] == "tzcld"]
    # The 10 territories of the decree of 24 November 2016, and Poitiers (reference README).
    assert len(tzcld) == 11
    assert tzcld["name"].str.startswith("Territoire zéro chômeur").all()
    clubs = alliances.loc[alliances["family"] == "club_entreprises", "name"]
    assert clubs.str.contains("FACE").sum() == 3
    assert "Club Gravelle Entreprendre" not in set(alliances["name"])  # named by the seeds (A)


def test_reference_updates_placed_their_rows(shipped):
    rows = shipped.set_index("name")
    assert rows.loc["Le Catalyseur", "commune"] == "Toulouse"
    assert rows.loc["Franche-Comté Active", "commune"] == "Besançon"
    californie = rows.loc["La Californie (PTCE)"]
    assert (californie["commune"], californie["departement"]) == ("Toucy", "89")
    assert "UNCERTAIN" in californie["note"]  # inferred from its members' names
    assert "lelabo-ess.org" in californie["source_url"]


@pytest.mark.parametrize(
    ("column", "allowed"),
    [
        ("precision", PRECISION_LABELS),
        ("confidence", CONFIDENCE_LABELS),
        ("kind", KIND_LABELS),
    ],
)
def test_allowed_values(shipped, column, allowed):
    assert set(shipped[column]) <= set(allowed)


def test_metiers_are_known_ids_in_canonical_order(shipped):
    for value in shipped["metiers"]:
        ids = value.split(";") if value else []
        assert set(ids) <= METIERS.keys(), value
        assert ids == [m for m in METIERS if m in ids], value


def test_every_row_has_a_source(shipped):
    assert (shipped["source_url"].str.strip() != "").all()


def test_websites_are_http_urls_or_empty(shipped):
    websites = shipped["website"]
    assert websites[websites != ""].str.match(r"https?://").all()


def test_only_commune_and_departement_rows_are_placed(shipped):
    placed = shipped["lat"].notna() & shipped["lon"].notna()
    assert (placed == shipped["precision"].isin(["commune", "departement"])).all()
    assert (shipped["lat"].isna() == shipped["lon"].isna()).all()


def test_place_columns_follow_the_precision(shipped):
    commune = shipped[shipped["precision"] == "commune"]
    assert (commune["insee_code"] != "").all() and (commune["commune"] != "").all()
    departement = shipped[shipped["precision"] == "departement"]
    assert (departement["commune"] == "").all() and (departement["departement"] != "").all()
    region = shipped[shipped["precision"] == "region"]
    assert (region["departement"] == "").all() and region["region_2016"].isin(
        REGION_CODES_2016
    ).all()
    national = shipped[shipped["precision"] == "national"]
    assert (national["region_2016"] == "").all()


def test_communes_and_prefectures_come_from_the_gazetteer(shipped, departements):
    communes = read_communes().set_index("insee_code")
    rows = shipped[shipped["precision"] == "commune"]
    expected = communes.loc[rows["insee_code"]]
    assert rows["commune"].tolist() == expected["name"].tolist()
    assert rows["departement"].tolist() == expected["departement"].tolist()
    assert rows["lat"].tolist() == expected["lat"].tolist()
    assert rows["lon"].tolist() == expected["lon"].tolist()
    deps = departements.set_index("departement")
    rows = shipped[shipped["precision"] == "departement"]
    assert rows["lat"].tolist() == deps.loc[rows["departement"], "lat"].tolist()
    assert rows["lon"].tolist() == deps.loc[rows["departement"], "lon"].tolist()


def test_every_row_with_a_departement_is_in_that_departements_region(shipped, departements):
    rows = shipped[shipped["departement"] != ""]
    regions = departements.set_index("departement")["region_2016"]
    assert rows["region_2016"].tolist() == regions.loc[rows["departement"]].tolist()


def test_placed_metropolitan_rows_lie_inside_their_region(shipped):
    placed = shipped[shipped["lat"].notna() & ~shipped["departement"].str.startswith("97")]
    points = gpd.GeoDataFrame(
        placed[["name", "region_2016"]],
        geometry=gpd.points_from_xy(placed["lon"], placed["lat"]),
        crs="EPSG:4326",
    )
    regions = read_layer("2016")[["code", "geometry"]].to_crs("EPSG:4326")
    joined = gpd.sjoin(points, regions, how="left", predicate="within")
    outside_france = joined.loc[joined["code"].isna(), "name"].tolist()
    assert outside_france == []
    wrong_region = joined.loc[joined["code"] != joined["region_2016"], "name"].tolist()
    assert wrong_region == []


def test_overseas_rows_are_in_overseas_departements(shipped, departements):
    overseas = shipped[shipped["region_2016"].isin(["01", "02", "03", "04", "06"])]
    assert not overseas.empty
    assert overseas["departement"].isin(["971", "972", "973", "974", "976"]).all()
    placed = overseas[overseas["lat"].notna()]
    # Caribbean, Guiana, Indian Ocean: far from the metropolitan box.
    assert (~placed["lat"].between(41, 52) | ~placed["lon"].between(-6, 10)).all()


def test_fondation_de_lille_is_placed_in_lille(shipped):
    row = shipped.set_index("name").loc["Fondation de Lille"]
    assert (row["commune"], row["insee_code"], row["departement"]) == ("Lille", "59350", "59")
    assert (row["precision"], row["confidence"], row["region_2016"]) == ("commune", "A", "32")


def test_homonyms_went_to_the_right_departement(shipped):
    rows = shipped.set_index("name")
    assert rows.loc["Pointcarré (coopérative tiers-lieu)", "insee_code"] == "93066"
    assert rows.loc["Maison des associations de Saint-Benoît", "departement"] == "974"
    assert rows.loc["Le Centsept (Cent Sept)", "commune"] == "Lyon 7e Arrondissement"


def test_corrections_each_have_a_reason_and_a_source():
    corrections = pd.read_csv(CORRECTIONS_CSV, dtype=str, keep_default_na=False)
    assert corrections.columns.tolist() == CORRECTION_COLUMNS
    assert (corrections["reason"].str.len() > 20).all()
    assert corrections["source_url"].str.match(r"https?://").all()


@pytest.mark.slow
def test_build_reproduces_the_committed_file_with_nothing_unresolved():
    directory, report = build()
    assert report.loc[report["problem"] != "", "name"].tolist() == []
    assert to_csv_text(directory) == CATALYSERS_CSV.read_text(encoding="utf-8")
