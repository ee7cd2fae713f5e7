"""Validation of uploaded tables: every bad input has a French message naming line and column."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from layers.indicators.bundle import INDICATORS_DIR, load_indicator_data
from layers.indicators.perception import perception_gap
from layers.measures import layer_values
from layers.upload.apply import apply_import
from layers.upload.cells import parse_number
from layers.upload.dialect import french_csv
from layers.upload.formats import IMPORTED_SOURCE, PLAUSIBLE_RANGES, plausible_range
from layers.upload.read import read_table
from layers.upload.templates import TEMPLATE_FILES, TEMPLATES_DIR, template_csv, template_frame
from layers.upload.validate import Problem, detect_kind, validate
from layers.view_state import ViewState

ROOT = Path(__file__).resolve().parents[1]
VALUES_HEADER = "indicator_id;level;region_code;value"
PERCEPTION_HEADER = "survey;year;actor;level;region_code;domain;score_10"


@pytest.fixture(scope="module")
def data():
    return load_indicator_data()


def check(text: str, data, kind=None):
    return validate(read_table(text.encode("utf-8"), "test.csv"), data, kind)


def only_problem(report) -> Problem:
    assert len(report.problems) == 1, report.to_text()
    return report.problems[0]


# --- values: accepted forms ------------------------------------------------------------------


def test_codes_names_and_decimal_commas(data):
    report = check(
        f"{VALUES_HEADER}\n"
        "taux_chomage_2014;pre2016;22;12,5\n"
        "taux_chomage_2014;pre2016;nord pas de calais;13\n"
        "revenu_median_uc_2013;2016;HAUTS-DE-FRANCE;18 912,5\n"
        "creations_entreprises_2014;pre2016;Île-de-France;1 234,5\n"
        "revenu_median_uc_2013;france;France métropolitaine;20 100\n",
        data,
    )
    assert report.is_valid, report.to_text()
    assert report.kind == "valeurs"
    rows = report.rows
    assert rows["region_code"].tolist() == ["22", "31", "32", "11", "FRM"]
    assert rows["value"].tolist() == [12.5, 13.0, 18912.5, 1234.5, 20100.0]
    assert rows.index.tolist() == [2, 3, 4, 5, 6]
    assert (rows["source_url"] == IMPORTED_SOURCE).all()


def test_french_headers_and_level_aliases(data):
    report = check(
        "Indicateur;Niveau;Région;Valeur\n"
        "taux_chomage_2014;anciennes;Picardie;12,5\n"
        "taux_chomage_2014;2015;Centre;10\n",
        data,
    )
    assert report.is_valid, report.to_text()
    assert report.rows["level"].tolist() == ["pre2016", "pre2016"]
    assert report.rows["region_code"].tolist() == ["22", "24"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12,5", 12.5),
        ("1 234,5", 1234.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("-2,1", -2.1),
        ("3e2", 300.0),
        ("abc", None),
        ("12,5%", 12.5),  # a percent-formatted spreadsheet cell exported as text
        ("12,6 %", 12.6),
        ("%", None),
        ("nan", None),
        ("", None),
    ],
)
def test_parse_number(text, number):
    assert parse_number(text) == number


# --- values: every bad input -----------------------------------------------------------------

BAD_VALUES = [
    ("taux_chomage_2014;pre2016;22;abc", "value", "« abc » n'est pas un nombre."),
    ("taux_chomage_2014;pre2016;22;", "value", "valeur manquante."),
    ("taux_chomag_2014;pre2016;22;12", "indicator_id", "indicateur « taux_chomag_2014 » inconnu"),
    ("taux_chomage_2014;pre2016;99;12", "region_code", "région « 99 » inconnue au niveau pre2016"),
    ("taux_chomage_2014;pre2016;Atlantide;12", "region_code", "11 Île-de-France"),
    (
        "taux_chomage_2014;2016;Picardie;12",
        "region_code",
        "« Picardie » est une région du niveau pre2016 (code 22), pas du niveau 2016.",
    ),
    (
        "taux_chomage_2014;2017;22;12",
        "level",
        "niveau « 2017 » inconnu ; niveaux valides : pre2016, 2016, departement, france.",
    ),
    ("taux_chomage_2014;france;Europe;12", "region_code", "indiquez FRM"),
    (
        "taux_chomage_2014;pre2016;22;150",
        "value",
        "150 hors de la plage plausible pour « taux_chomage_2014 » (% de la population active) "
        "(de 0 à 100).",
    ),
    ("creations_entreprises_2014;pre2016;22;-5", "value", "-5 hors de la plage plausible"),
    ("eurostat_esperance_vie_ensemble_2015;pre2016;22;45", "value", "(de 60 à 100)"),
]


@pytest.mark.parametrize(("line", "column", "message"), BAD_VALUES)
def test_bad_values_name_line_column_and_value(data, line, column, message):
    report = check(f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;31;13\n{line}\n", data)
    problem = only_problem(report)
    assert (problem.row, problem.column) == (3, column)
    assert message in problem.message
    assert not report.is_valid
    assert report.rows["region_code"].tolist() == ["31"]  # the good line is kept apart


def test_report_text_reads_like_the_spec(data):
    report = check(f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;22;12\nx;pre2016;22;abc\n", data)
    text = report.to_text()
    assert text.startswith("Fichier invalide (valeurs d'indicateurs) : 2 problème(s) sur 2")
    assert "- Ligne 3, colonne « value » : « abc » n'est pas un nombre." in text
    assert "Rien n'a été importé." in text


def test_problem_column_is_the_header_the_user_typed(data):
    report = check("indicateur;niveau;région;valeur\ntaux_chomage_2014;pre2016;22;abc\n", data)
    assert str(only_problem(report)) == "Ligne 2, colonne « valeur » : « abc » n'est pas un nombre."


def test_duplicates_name_both_lines(data):
    report = check(
        f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;22;12\ntaux_chomage_2014;pre2016;31;13\n"
        "taux_chomage_2014;pre2016;Picardie;12,5\n",
        data,
    )
    problem = only_problem(report)
    assert (problem.row, problem.column) == (4, None)
    assert problem.message.startswith("doublon de la ligne 2 (même clé : indicator_id = ")


def test_missing_columns(data):
    # level may be absent (read off the region), the value may not
    report = check("indicator_id;region_code;level\ntaux_chomage_2014;22;pre2016\n", data)
    problem = only_problem(report)
    assert (problem.row, problem.column) == (1, "value")
    assert "colonne obligatoire absente" in problem.message
    assert "colonnes trouvées : « indicator_id », « region_code », « level »" in problem.message


def test_duplicate_columns(data):
    report = check("indicator_id;level;region_code;région;value\nt;pre2016;22;22;1\n", data)
    assert only_problem(report).message.startswith("colonne en double")


def test_header_only_is_empty(data):
    report = check(f"{VALUES_HEADER}\n", data)
    assert only_problem(report).message == "aucune ligne de données."


def test_unrecognised_headers(data):
    report = check("a;b\n1;2\n", data)
    assert "type de fichier non reconnu" in only_problem(report).message


def test_stray_cell_from_a_decimal_comma_in_a_comma_file(data):
    report = check(
        "indicator_id,level,region_code,value\ntaux_chomage_2014,pre2016,22,12,5\n", data
    )
    problem = only_problem(report)
    assert (problem.row, problem.column) == (2, "colonne 5")
    assert "virgule décimale" in problem.message


def test_unknown_kind_argument(data):
    with pytest.raises(ValueError, match=r"Unknown kind 'foo'; expected one of \['valeurs'"):
        validate(pd.DataFrame(), data, kind="foo")


@pytest.mark.parametrize(
    ("unit", "indicator", "expected"),
    [
        ("% de la population", "taux_pauvrete_2013", (0, 100)),
        ("%", "evolution_creations_entreprises_2014", (-100, 100)),
        ("rapport", "rapport_interdecile_2013", (1, 20)),
        ("licences pour 100 habitants", "licences_sportives_2015", (0, 100)),
        ("décès pour 100 000 habitants", "mortalite_2014", (0, 100_000)),
        ("habitants", "population_2013", (0, np.inf)),
        ("années", "eurostat_esperance_vie_ensemble_2015", (60, 100)),
        ("années", "age_median_2016_eurostat", (20, 70)),
        ("nombre de créations", "creations_entreprises_2014", (0, np.inf)),
    ],
)
def test_plausible_ranges(unit, indicator, expected):
    assert plausible_range(unit, indicator) == expected


def test_shipped_files_are_valid_imports(data):
    """The shipped data pass the checks (plausible ranges included): the format is one."""
    for name in ("values.csv", "perception.csv"):
        report = validate(read_table((INDICATORS_DIR / name).read_bytes(), name), data)
        assert report.is_valid, report.to_text()


# --- perception ------------------------------------------------------------------------------


def test_perception_names_labels_and_aliases(data):
    report = check(
        "Enquête;Année;Acteur;Niveau;Région;Domaine;Note\n"
        "phare;2015;citoyen;2016;Auvergne-Rhône-Alpes;Emploi / chômage / insertion;6,5\n"
        "PHARE;2015;citoyens;france;France;sante;5\n",
        data,
    )
    assert report.is_valid, report.to_text()
    assert report.kind == "perception"
    rows = report.rows
    assert rows[["survey", "actor", "region_code", "domain"]].values.tolist() == [
        ["PHARE", "citoyens", "84", "emploi"],
        ["PHARE", "citoyens", "FR", "sante"],
    ]
    assert rows["score_10"].tolist() == [6.5, 5.0]


BAD_PERCEPTION = [
    (
        "PHARE;2015;citoyens;2016;84;emploi;11",
        "score_10",
        "11 hors de la plage plausible pour une note sur 10 (de 1 à 10).",
    ),
    ("PHARE;2015;citoyens;2016;84;emploi;0,5", "score_10", "0,5 hors de la plage plausible"),
    ("PHARE;2015;citoyens;2016;84;emploi;bien", "score_10", "« bien » n'est pas un nombre."),
    ("PHARE;2015;citoyens;2016;84;emplois;6", "domain", "domaine « emplois » inconnu"),
    (
        "PHARE;2015;élus;2016;84;emploi;6",
        "actor",
        "acteur « élus » inconnu ; valeur(s) valide(s) : citoyens, associations, entreprises.",
    ),
    (
        "PHARE;2015;citoyens;pre2016;22;emploi;6",
        "level",
        "niveau « pre2016 » inconnu ; niveaux valides : 2016, france.",
    ),
    (
        "PHARE;2015;citoyens;2016;Lorraine;emploi;6",
        "region_code",
        "« Lorraine » est une région du niveau pre2016 (code 41)",
    ),
    (
        "PHARE;15;citoyens;2016;84;emploi;6",
        "year",
        "année « 15 » invalide : entier de 1990 à 2100.",
    ),
    ("PHARE;2015,5;citoyens;2016;84;emploi;6", "year", "année « 2015,5 » invalide"),
    (";2015;citoyens;2016;84;emploi;6", "survey", "nom d'enquête manquant"),
]


@pytest.mark.parametrize(("line", "column", "message"), BAD_PERCEPTION)
def test_bad_perception(data, line, column, message):
    report = check(f"{PERCEPTION_HEADER}\nPHARE;2015;citoyens;2016;84;sante;6\n{line}\n", data)
    problem = only_problem(report)
    assert (problem.row, problem.column) == (3, column)
    assert message in problem.message


def test_perception_duplicates(data):
    report = check(
        f"{PERCEPTION_HEADER}\nPHARE;2015;citoyens;2016;84;sante;6\n"
        "PHARE;2015;citoyens;2016;Auvergne-Rhône-Alpes;Santé;6,5\n",
        data,
    )
    assert only_problem(report).message.startswith("doublon de la ligne 2")


def test_survey_without_national_scores_is_noticed(data):
    report = check(f"{PERCEPTION_HEADER}\nIMPACT;2022;entreprises;2016;84;sante;6\n", data)
    assert report.is_valid
    assert "aucune note nationale (niveau france) pour IMPACT 2022 entreprises" in report.to_text()


def test_detect_kind():
    assert detect_kind(["Indicateur", "Région", "Valeur"]) == "valeurs"
    assert detect_kind(["Nom", "Note"]) is None
    assert detect_kind(["Domaine", "Note"]) == "perception"


# --- apply_import ----------------------------------------------------------------------------


def test_imported_pre2016_values_are_consolidated_to_2016(data):
    view = ViewState(level="2016", measure="indicateur", indicator="creations_entreprises_2014")
    before = layer_values(data, view).values["32"]
    report = check(
        f"{VALUES_HEADER}\ncreations_entreprises_2014;pre2016;Nord-Pas-de-Calais;20000\n"
        "creations_entreprises_2014;pre2016;Picardie;7000\n",
        data,
    )
    imported = apply_import(data, report)
    assert layer_values(imported, view).values["32"] == 27000
    assert layer_values(data, view).values["32"] == before  # the shipped bundle is unchanged
    old = layer_values(
        imported,
        ViewState(level="pre2016", measure="indicateur", indicator="creations_entreprises_2014"),
    )
    assert old.values["22"] == 7000


def test_imported_rows_replace_shipped_rows_with_the_same_key(data):
    report = check(f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;22;99\n", data)
    imported = apply_import(data, report)
    rows = imported.values[
        (imported.values["indicator_id"] == "taux_chomage_2014")
        & (imported.values["region_code"] == "22")
        & (imported.values["level"] == "pre2016")
    ]
    assert rows["value"].tolist() == [99.0]
    assert rows["source_url"].tolist() == [IMPORTED_SOURCE]
    assert len(imported.values) == len(data.values)


def test_imported_perception_fills_the_perception_and_gap_layers(data):
    gap = perception_gap(data, "PHARE", "2015", "citoyens", "2016")
    row = gap[(gap["region_code"] == "84") & (gap["domain"] == "emploi")].iloc[0]
    assert np.isnan(row["score_10"]) and np.isnan(row["gap"])
    report = check(
        f"{PERCEPTION_HEADER}\nPHARE;2015;citoyens;2016;Auvergne-Rhône-Alpes;emploi;5,5\n", data
    )
    imported = apply_import(data, report)
    gap = perception_gap(imported, "PHARE", "2015", "citoyens", "2016")
    row = gap[(gap["region_code"] == "84") & (gap["domain"] == "emploi")].iloc[0]
    assert row["score_10"] == 5.5
    assert row["perceived_index"] == pytest.approx(100 * 5.5 / row["national_score"])
    assert row["gap"] == pytest.approx(row["perceived_index"] - row["objective_index"])
    view = ViewState(level="2016", measure="percu", layer="emploi", survey="PHARE-2015-citoyens")
    assert layer_values(imported, view).values["84"] == pytest.approx(row["perceived_index"])
    assert np.isnan(layer_values(data, view).values["84"])


def test_apply_import_refuses_a_report_with_problems(data):
    report = check(f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;22;99\nx;pre2016;22;1\n", data)
    with pytest.raises(ValueError, match="Import refusé : le fichier a 1 problème"):
        apply_import(data, report)
    partial = apply_import(data, report, allow_partial=True)
    assert (partial.values["source_url"] == IMPORTED_SOURCE).sum() == 1


def test_each_bundle_has_one_content_key_that_names_its_imported_rows(data):
    assert data.key == "shipped" and data.origin is None
    rows = f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;22;99\ntaux_chomage_2014;pre2016;31;9\n"
    swapped = f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;31;9\ntaux_chomage_2014;pre2016;22;99\n"
    first = apply_import(data, check(rows, data))
    again = apply_import(data, check(swapped, data))
    other = apply_import(data, check(rows.replace(";99", ";98"), data))
    assert first is not again and first.key == again.key  # same rows, same key
    assert other.key != first.key and first.key.startswith("import:")
    assert first.origin is data and other.origin is data
    stacked = apply_import(
        first, check(f"{PERCEPTION_HEADER}\nX;2024;citoyens;2016;53;emploi;5", data)
    )
    assert stacked.key not in {first.key, data.key} and stacked.origin is data


# --- round trip, templates, command line -----------------------------------------------------


def test_round_trip_export_csv_then_import_gives_the_same_values(data):
    shipped = data.values[data.values["level"] != "france"][
        ["indicator_id", "level", "region_code", "value"]
    ]
    report = validate(read_table(french_csv(shipped), "export.csv"), data)
    assert report.is_valid, report.to_text()
    back = report.rows.reset_index(drop=True)
    pd.testing.assert_frame_equal(
        back[shipped.columns], shipped.reset_index(drop=True), check_dtype=False
    )


@pytest.mark.parametrize("kind", ["valeurs", "perception"])
def test_templates_are_real_shipped_rows_and_valid(data, kind):
    frame = template_frame(kind, data)
    shipped = data.values if kind == "valeurs" else data.perception
    assert len(frame.merge(shipped, on=list(frame.columns))) == len(frame)  # nothing invented
    assert frame["region_code"].isin(["FR"]).sum() < len(frame)
    regional = set(frame["region_code"]) - {"FR"}
    assert len(regional) == 2
    content = template_csv(kind, data)
    assert content.startswith(b"\xef\xbb\xbf") and b";" in content
    assert (TEMPLATES_DIR / TEMPLATE_FILES[kind]).read_bytes() == content  # committed = built
    assert validate(read_table(content, "modele.csv"), data).is_valid


def run_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "layers", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_check_cli_valid_file_exits_0():
    result = run_check(TEMPLATES_DIR / "modele_valeurs.csv")
    assert result.returncode == 0
    assert result.stdout.startswith("Fichier valide (valeurs d'indicateurs)")


def test_check_cli_invalid_file_exits_1(tmp_path):
    path = tmp_path / "mauvais.csv"
    path.write_bytes(f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;22;abc\n".encode("cp1252"))
    result = run_check(path)
    assert result.returncode == 1
    assert "Ligne 2, colonne « value » : « abc » n'est pas un nombre." in result.stdout


def test_check_cli_unreadable_file_exits_2(tmp_path):
    path = tmp_path / "vide.csv"
    path.write_bytes(b"")
    result = run_check(path)
    assert (result.returncode, result.stdout.strip()) == (2, "Le fichier « vide.csv » est vide.")
    assert run_check(tmp_path / "absent.csv").returncode == 2


def test_2016_and_france_values_the_atlas_computes_are_refused_not_ignored(data):
    report = check(
        f"{VALUES_HEADER}\ntaux_pauvrete_2013;2016;32;12\ntaux_pauvrete_2013;france;FRM;9\n",
        data,
    )
    assert [p.row for p in report.problems] == [2, 3]
    assert "calculée à partir des anciennes régions 22 Picardie" in report.problems[0].message
    assert "valeur France de « taux_pauvrete_2013 » est calculée" in report.problems[1].message
    published = check(f"{VALUES_HEADER}\nrevenu_median_uc_2013;2016;32;19000\n", data)
    assert published.notices == ()
    view = ViewState(level="2016", measure="indicateur", indicator="revenu_median_uc_2013")
    assert layer_values(apply_import(data, published), view).values["32"] == 19000
    # An approximate weight (Insee rates by the Eurostat labour force) gives way to a 2016
    # value: an imported one is used as it is, so nothing to notice.
    approximate = check(f"{VALUES_HEADER}\ntaux_chomage_2014;2016;32;12\n", data)
    assert approximate.notices == ()
    view = ViewState(level="2016", measure="indicateur", indicator="taux_chomage_2014")
    assert layer_values(apply_import(data, approximate), view).values["32"] == 12


def test_a_file_with_both_region_code_and_region_name_uses_the_code():
    data = load_indicator_data()
    table = pd.DataFrame(
        {
            "indicator_id": ["taux_pauvrete_2013"],
            "level": ["pre2016"],
            "region_code": ["31"],
            "region_name": ["Nord-Pas-de-Calais"],
            "value": ["19,7"],
        },
        index=[2],
    )
    report = validate(table, data)
    assert report.is_valid, report.to_text()
    assert report.rows["region_code"].tolist() == ["31"]


@pytest.mark.parametrize(
    ("region", "level"),
    [
        ("Picardie", "pre2016"),
        ("hauts de france", "2016"),
        ("53", "pre2016"),
        ("Bretagne", "pre2016"),
        ("France métropolitaine", "france"),
    ],
)
def test_level_is_read_off_the_region_when_the_column_is_absent(region, level):
    data = load_indicator_data()
    table = pd.DataFrame(
        {"indicateur": ["revenu_median_uc_2013"], "région": [region], "valeur": ["19500"]},
        index=[2],
    )
    report = validate(table, data)
    assert report.is_valid, report.to_text()
    assert report.rows["level"].tolist() == [level]


def test_unknown_region_without_level_says_what_to_add():
    table = pd.DataFrame(
        {"indicateur": ["taux_pauvrete_2013"], "région": ["Atlantide"], "valeur": ["15,4"]},
        index=[2],
    )
    report = validate(table, load_indicator_data())
    assert not report.is_valid
    assert "ajoutez une colonne level" in report.to_text()


def test_the_import_guide_lists_every_plausible_range():
    guide = (ROOT / "docs" / "import.md").read_text()
    assert [key for key, _ in PLAUSIBLE_RANGES if f"`{key}`" not in guide] == []


# --- département level -----------------------------------------------------------------------


def test_departement_values_by_code_or_name_with_a_level_alias(data):
    report = check(
        f"{VALUES_HEADER}\ntaux_pauvrete_2013;departement;59;19,2\n"
        "taux_pauvrete_2013;dep;Creuse;20\ntaux_pauvrete_2013;départements;2A;21\n",
        data,
    )
    assert report.is_valid, report.to_text()
    assert report.rows["level"].tolist() == ["departement"] * 3
    assert report.rows["region_code"].tolist() == ["59", "23", "2A"]


def test_corsica_as_20_points_to_2a_and_2b(data):
    problem = only_problem(check(f"{VALUES_HEADER}\ntaux_pauvrete_2013;departement;20;19\n", data))
    assert problem.column == "region_code" and "2A (Corse-du-Sud) et 2B" in problem.message


def test_a_departement_without_level_asks_for_the_level(data):
    table = pd.DataFrame(
        {"indicateur": ["taux_pauvrete_2013"], "région": ["Nord"], "valeur": ["19"]}, index=[2]
    )
    problem = only_problem(validate(table, data))
    assert problem.column == "level" and "level = departement" in problem.message


def test_an_unknown_departement_lists_close_names_not_all_96(data):
    problem = only_problem(
        check(f"{VALUES_HEADER}\ntaux_pauvrete_2013;departement;Nrod;19\n", data)
    )
    assert "Nord" in problem.message and len(problem.message) < 300


def test_imported_departement_counts_feed_the_regions(data):
    view = ViewState(level="pre2016", measure="indicateur", indicator="rpps_medecin_2020")
    before = layer_values(data, view).values["31"]
    nord = data.values.query("level == 'departement' and indicator_id == 'rpps_medecin_2020'")
    shipped = nord.set_index("region_code").loc["59", "value"]
    report = check(f"{VALUES_HEADER}\nrpps_medecin_2020;departement;59;{shipped + 100:.0f}\n", data)
    imported = apply_import(data, report)
    assert layer_values(imported, view).values["31"] == before + 100  # Nord + Pas-de-Calais
