"""Building the directory: homonyms, postcodes, arrondissements, fallbacks, corrections."""

import pandas as pd
import pytest

from geo.build.catalysers import (
    UPDATE_COLUMNS,
    BuildError,
    apply_corrections,
    apply_updates,
    build_directory,
    families,
    normalise_metiers,
    summary,
)
from geo.gazetteer import Gazetteer

REFERENCE_COLUMNS = [
    "name",
    "city",
    "postcode",
    "departement",
    "region_new13",
    "metiers",
    "kind",
    "website",
    "description_fr",
    "source_url",
    "note",
    "confidence",
]


def gazetteer() -> Gazetteer:
    """Saint-Denis three times (two of them, invented, in the same département), Lyon and its 7e."""
    return Gazetteer.from_table(
        pd.DataFrame(
            {
                "insee_code": ["93066", "97411", "93999", "69123", "69387", "59350"],
                "name": [
                    "Saint-Denis",
                    "Saint-Denis",
                    "Saint-Denis",
                    "Lyon",
                    "Lyon 7e Arrondissement",
                    "Lille",
                ],
                "kind": ["COM", "COM", "COM", "COM", "ARM", "COM"],
                "departement": ["93", "974", "93", "69", "69", "59"],
                "region_2016": ["11", "04", "11", "84", "84", "32"],
                "population": pd.array([113000, 150000, 10, 520000, 85000, 236000], dtype="Int64"),
                "lat": [48.93, -20.88, 48.9, 45.76, 45.74, 50.63],
                "lon": [2.35, 55.45, 2.3, 4.83, 4.84, 3.06],
                "postcodes": ["93200;93210", "97400", "93999", "", "69007", "59000"],
            }
        )
    )


def departements() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "departement": ["59", "69", "93", "974"],
            "nom": ["Nord", "Rhône", "Seine-Saint-Denis", "La Réunion"],
            "region_2016": ["32", "84", "11", "04"],
            "lat": [50.63, 45.76, 48.9, -20.88],
            "lon": [3.06, 4.83, 2.44, 55.45],
        }
    )


def mapping() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code_2016": ["11", "32", "84"],
            "nom_2016": ["Île-de-France", "Hauts-de-France", "Auvergne-Rhône-Alpes"],
        }
    )


def reference(*rows: dict) -> pd.DataFrame:
    base = dict.fromkeys(REFERENCE_COLUMNS, "")
    base.update(kind="association", confidence="A", source_url="https://example.org")
    return pd.DataFrame([{**base, **row} for row in rows], columns=REFERENCE_COLUMNS)


def no_corrections() -> pd.DataFrame:
    return pd.DataFrame(columns=["name", "field", "old_value", "new_value", "reason", "source_url"])


def run(*rows: dict, corrections: pd.DataFrame | None = None, updates: pd.DataFrame | None = None):
    return build_directory(
        reference(*rows),
        no_corrections() if corrections is None else corrections,
        gazetteer(),
        departements(),
        mapping(),
        updates,
    )


def test_departement_picks_the_homonym():
    out, report = run(
        {
            "name": "a",
            "city": "Saint-Denis",
            "departement": "974",
            "region_new13": "La Réunion (outre-mer)",
        },
        {"name": "b", "city": "St Denis", "departement": "", "postcode": "93210"},
    )
    assert out.set_index("name")["insee_code"].to_dict() == {"a": "97411", "b": "93066"}
    assert (report["problem"] == "").all()


def test_an_ambiguous_homonym_is_never_guessed():
    out, report = run({"name": "a", "city": "Saint-Denis", "departement": "93"})
    row = out.iloc[0]
    assert (row["precision"], row["insee_code"], row["departement"]) == ("departement", "", "93")
    assert "2 candidates" in report["problem"].iloc[0]


def test_an_unknown_or_misspelt_commune_falls_back_to_its_departement():
    out, report = run(
        {"name": "a", "city": "Lile", "departement": "59"},
        {"name": "b", "city": "Atlantis"},
    )
    assert out["precision"].tolist() == ["departement", "national"]
    assert (report["problem"] != "").all()
    assert "unresolved communes: 2" in summary(report)


def test_postcode_designates_the_arrondissement():
    out, _ = run(
        {"name": "a", "city": "Lyon", "postcode": "69007", "departement": "69"},
        {"name": "b", "city": "Lyon", "departement": "69"},
    )
    assert out["commune"].tolist() == ["Lyon 7e Arrondissement", "Lyon"]


def test_precision_levels_and_points():
    out, _ = run(
        {"name": "c", "city": "Lille", "departement": "59"},
        {"name": "d", "departement": "93", "region_new13": "Île-de-France"},
        {"name": "r", "region_new13": "Hauts-de-France"},
        {"name": "n"},
    )
    rows = out.set_index("name")
    assert rows["precision"].to_dict() == {
        "c": "commune",
        "d": "departement",
        "r": "region",
        "n": "national",
    }
    assert (rows.loc["d", "lat"], rows.loc["d", "lon"]) == (48.9, 2.44)  # the prefecture
    assert rows.loc[["r", "n"], "lat"].isna().all()
    assert rows["region_2016"].to_dict() == {"c": "32", "d": "11", "r": "32", "n": ""}


def test_a_departement_outside_its_stated_region_is_refused():
    with pytest.raises(BuildError, match="département 59 is in region 32"):
        run({"name": "a", "departement": "59", "region_new13": "Île-de-France"})


def test_output_is_sorted_by_name_whatever_the_input_order():
    out, _ = run({"name": "b"}, {"name": "a"}, {"name": "c"})
    assert out["name"].tolist() == ["a", "b", "c"]


def test_metiers_are_validated_and_put_in_canonical_order():
    assert normalise_metiers("gestion_lieu; dialogue_territorial;") == (
        "dialogue_territorial;gestion_lieu"
    )
    assert normalise_metiers("") == ""
    with pytest.raises(BuildError, match="unknown métier"):
        normalise_metiers("dialogue")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"name": "a", "kind": "club"}, "kind: unknown"),
        ({"name": "a", "confidence": "D"}, "confidence: unknown"),
        ({"name": "a", "source_url": " "}, "no source_url"),
    ],
)
def test_rows_the_directory_cannot_carry_are_refused(row, message):
    with pytest.raises(BuildError, match=message):
        run(row)


def correction(**fields) -> pd.DataFrame:
    base = {
        "name": "a",
        "field": "city",
        "old_value": "Lile",
        "new_value": "Lille",
        "reason": "typo in the reference",
        "source_url": "https://example.org/a",
    }
    return pd.DataFrame([{**base, **fields}])


def test_a_correction_resolves_the_row_without_touching_the_input():
    ref = reference({"name": "a", "city": "Lile", "departement": "59"})
    fixed = apply_corrections(ref, correction())
    assert fixed.loc[0, "city"] == "Lille" and ref.loc[0, "city"] == "Lile"
    out, report = run({"name": "a", "city": "Lile", "departement": "59"}, corrections=correction())
    assert out.loc[0, "insee_code"] == "59350" and report.loc[0, "problem"] == ""


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"old_value": "Lilles"}, "expected old value 'Lilles'"),
        ({"field": "name"}, "field must be one of"),
        ({"name": "zz"}, "0 reference rows"),
        ({"source_url": ""}, "reason and source_url are required"),
        ({"reason": " "}, "reason and source_url are required"),
    ],
)
def test_bad_or_stale_corrections_fail_loudly(fields, message):
    ref = reference({"name": "a", "city": "Lile", "departement": "59"})
    with pytest.raises(BuildError, match=message):
        apply_corrections(ref, correction(**fields))


def update(**fields) -> pd.DataFrame:
    base = {
        "name_in_catalyseurs_csv": "a",
        "field": "city",
        "new_value": "Lille",
        "source_url": "https://example.org/found",
        "note": "Commune lue. UNCERTAIN.",
    }
    return pd.DataFrame([{**base, **fields}], columns=UPDATE_COLUMNS)


def test_an_update_fills_the_field_and_keeps_its_source_and_note():
    out, report = run({"name": "a", "departement": "59", "note": "Siège non lu."}, updates=update())
    row = out.iloc[0]
    assert (row["commune"], row["precision"]) == ("Lille", "commune")
    assert row["source_url"] == "https://example.org ; https://example.org/found"
    assert row["note"] == (
        "Siège non lu. Mise à jour de la référence (city = Lille) : Commune lue. UNCERTAIN."
    )
    assert report.loc[0, "problem"] == ""


def test_an_update_the_reference_already_carries_is_skipped():
    ref = reference({"name": "a", "city": "Lille"})
    assert apply_updates(ref, update()).equals(ref)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"new_value": "Roubaix"}, "already has 'Lille'"),
        ({"field": "website"}, "field must be one of"),
        ({"name_in_catalyseurs_csv": "zz"}, "0 reference rows"),
        ({"source_url": " "}, "new_value and source_url are required"),
    ],
)
def test_an_update_never_overwrites_nor_guesses(fields, message):
    ref = reference({"name": "a", "city": "Lille"})
    with pytest.raises(BuildError, match=message):
        apply_updates(ref, update(**fields))


def test_a_commune_outside_the_stated_region_is_not_taken():
    out, report = run({"name": "a", "city": "Lille", "region_new13": "Île-de-France"})
    assert (out.loc[0, "precision"], out.loc[0, "region_2016"]) == ("region", "11")
    assert "is in region 32" in report.loc[0, "problem"]


def test_families_are_recognised_by_name():
    names = pd.Series(
        [
            "Territoire zéro chômeur de longue durée – Thiers",
            "Club FACE Aveyron",
            "Club « Les entreprises s'engagent » La Réunion",
            "CREPI Normandie (Club régional d'entreprises partenaires de l'insertion)",
            "Club Gravelle Entreprendre",
            "FACE-à-face tiers-lieu",
        ]
    )
    assert families(names).tolist() == [
        "tzcld",
        "club_entreprises",
        "club_entreprises",
        "club_entreprises",
        "",
        "",
    ]


def test_a_local_alliance_is_never_a_catalyser():
    out, _ = run({"name": "Club FACE Aveyron", "confidence": "C"})
    assert (out.loc[0, "family"], out.loc[0, "confidence"]) == ("club_entreprises", "C")
    with pytest.raises(BuildError, match="must be confidence C"):
        run({"name": "Territoire zéro chômeur de longue durée – Thiers", "confidence": "B"})
