"""Broken and hostile uploads: a precise message (French, or English with lang="en"), in bounded
memory and CPU time.

The files are built in memory by ``bench/hostile_files.py``. Bounds are asserted with the
operating system's limits (``RLIMIT_AS``, ``RLIMIT_CPU``) in a subprocess, not by timing.
"""

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench import hostile_files as hostile
from i18n import DEFAULT_LANG
from layers.indicators.bundle import load_indicator_data
from layers.upload import limits
from layers.upload.read import UploadError, read_table
from layers.upload.validate import check_file, validate
from layers.upload.workbook import is_percent_format, number_text

REPO = Path(__file__).resolve().parents[1]
VALUES_HEADER = "indicator_id;level;region_code;value"


@pytest.fixture(scope="module")
def data():
    return load_indicator_data()


# --- every read error has its own French message (finding 2) ---------------------------------

BROKEN = {
    "far_cell_xlsx": "en colonne XFD (la 16\u202f384e, cellule XFD1048576) : au plus 50",
    "zip_bomb_xlsx": "se décompresse en plus de 60,0 Mo de XML",
    "lying_size_xlsx": "ne se décompresse pas",
    "billion_laughs_xlsx": "entités XML, refusées par sécurité",
    "external_entity_xlsx": "entités XML, refusées par sécurité",
    "malformed_sheet_xlsx": "« Sheet » (xl/worksheets/sheet1.xml) n'est pas du XML valide",
    "missing_sheet_xlsx": "il y manque la feuille « Sheet » (xl/worksheets/sheet1.xml)",
    "no_sheet_xlsx": "est un classeur sans feuille",
    "ods": "format OpenDocument (.ods, LibreOffice), non pris en charge : enregistrez-le en .xlsx",
    "not_a_workbook_zip": "archive zip qui n'est pas un classeur Excel",
    "encrypted_xlsx": "est un classeur protégé par mot de passe",
    "legacy_xls": "au format Excel 97-2003 (.xls)",
    "many_columns_csv": "a 100\u202f000 colonnes à la ligne 1 : au plus 50",
    "blank_lines_csv": "a trop de lignes : au plus 50\u202f001",
}


@pytest.mark.parametrize(("builder", "message"), BROKEN.items(), ids=list(BROKEN))
def test_each_unreadable_file_gets_a_precise_french_message(builder, message):
    with pytest.raises(UploadError) as caught:
        read_table(getattr(hostile, builder)(), "classeur.xlsx")
    text = str(caught.value)
    assert text.startswith("Le fichier « classeur.xlsx » ")
    assert message in text
    assert "Traceback" not in text and "Error" not in text  # no Python class names


#: Words and signs of a French message: none may be left in an English one.
FRENCH = re.compile(
    r"[«»]|\b(fichier|ligne|lignes|colonne|colonnes|valeur|valeurs|classeur|inconnue?|"
    r"enregistrez|est|une?|des|au|pas|ou|et|niveau|vide|manquante?|octets|Mo)\b",
    re.IGNORECASE,
)
#: The same files in English: the start of the reason after "The file “…” ".
BROKEN_EN = {
    "far_cell_xlsx": "has a value in column XFD (number 16,384, cell XFD1048576): at most 50",
    "zip_bomb_xlsx": "decompresses into more than 60.0 MB of XML",
    "lying_size_xlsx": "does not decompress",
    "billion_laughs_xlsx": "XML entities, refused for safety",
    "external_entity_xlsx": "XML entities, refused for safety",
    "malformed_sheet_xlsx": "the sheet “Sheet” (xl/worksheets/sheet1.xml) is not valid XML",
    "missing_sheet_xlsx": "the sheet “Sheet” (xl/worksheets/sheet1.xml) is missing",
    "no_sheet_xlsx": "is a workbook without a sheet",
    "ods": "is in the OpenDocument format (.ods, LibreOffice), which is not supported",
    "not_a_workbook_zip": "zip archive that is not an Excel workbook",
    "encrypted_xlsx": "is a password-protected (encrypted) workbook",
    "legacy_xls": "is in the Excel 97-2003 format (.xls)",
    "many_columns_csv": "has 100,000 columns on row 1: at most 50",
    "blank_lines_csv": "has too many rows: at most 50,001",
}


def read_error(content: bytes, lang: str, name: str = "upload.xlsx") -> str:
    with pytest.raises(UploadError) as caught:
        read_table(content, name)
    return caught.value.in_lang(lang)


def test_the_french_word_check_can_fail():
    french = read_error(hostile.ods(), "fr")
    assert FRENCH.search(french) and not FRENCH.search(read_error(hostile.ods(), "en"))


@pytest.mark.parametrize("builder", list(BROKEN))
def test_each_unreadable_file_gets_its_message_in_english_too(builder):
    content = getattr(hostile, builder)()
    english = read_error(content, "en")
    assert english.startswith("The file “upload.xlsx” ")
    assert BROKEN_EN[builder] in english
    assert not FRENCH.search(english), english
    # French stays the default and the message of the test above.
    assert read_error(content, "fr") == read_error(content, DEFAULT_LANG)
    assert BROKEN[builder] in read_error(content, "fr")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty."),
        (b"PK\x03\x04 not really a zip", "its zip archive is damaged"),
        (b"\x00\x01\x02binary", "neither an .xlsx workbook nor a readable CSV text file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "an old Office document"),
        (b'a;b\n"' + b"x" * 200_000 + b"\n", "more than 131,072 characters, perhaps a quote"),
        (b"a;b\n" + b"x" * limits.MAX_UPLOAD_BYTES, "the limit is 5 MB (5,000,000 bytes)"),
    ],
    ids=["empty", "bad zip", "binary", "other OLE", "unclosed quote", "too big"],
)
def test_other_unreadable_bytes_in_english(content, message):
    english = read_error(content, "en", "f.csv")
    assert english.startswith("The file “f.csv” ") and message in english
    assert not FRENCH.search(english), english


#: Bad cells and tables; none quotes French data (region names, units), so that an English
#: report must hold no French word at all.
BAD_TABLES = {
    "not a number": f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;22;abc\n",
    "unknown indicator": f"{VALUES_HEADER}\nindicateur_x;pre2016;22;1\n",
    "empty indicator": f"{VALUES_HEADER}\n;pre2016;22;1\n",
    "out of range": f"{VALUES_HEADER}\npopulation_2013;pre2016;22;-5\n",
    "unknown level": f"{VALUES_HEADER}\ntaux_chomage_2014;1789;22;1\n",
    "corsica": f"{VALUES_HEADER}\ntaux_chomage_2014;departement;20;3\n",
    "département without level": "indicator_id;region_code;value\ntaux_chomage_2014;59;3\n",
    "infinite": f"{VALUES_HEADER}\npopulation_2013;pre2016;22;1e309\n",
    "too long": f"{VALUES_HEADER}\npopulation_2013;pre2016;22;{'9' * 400}\n",
    "stray cell": f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;22;12;5\n",
    "duplicate": f"{VALUES_HEADER}\n" + "taux_chomage_2014;pre2016;22;12\n" * 2,
    "missing column": "indicator_id;value\ntaux_chomage_2014;12\n",
    "unknown kind": "a;b\n1;2\n",
    "no rows": f"{VALUES_HEADER}\n",
    "perception": (
        "survey;year;actor;level;region_code;domain;score_10\n"
        ";20x;robots;2016;53;unknown;11\nESSAI;2024;citoyens;1789;53;emploi;5\n"
    ),
    "no national score": (
        "survey;year;actor;level;region_code;domain;score_10\nESSAI;2024;citoyens;2016;53;emploi;5\n"
    ),
}


@pytest.mark.parametrize("name", list(BAD_TABLES))
def test_each_problem_of_a_table_is_written_in_english_too(data, name):
    report = check_file(BAD_TABLES[name].encode(), "f.csv", data)
    english = report.to_text(lang="en")
    assert english.startswith(("Invalid file (", "Valid file (")), english
    assert not FRENCH.search(english), english
    assert all(not FRENCH.search(p.in_lang("en")) for p in report.problems)
    # French stays what it was: Problem.message, str(problem) and the default report.
    assert report.to_text() == report.to_text(lang="fr")
    assert [str(p) for p in report.problems] == [p.in_lang("fr") for p in report.problems]
    assert all(p.message == p.text.render("fr") for p in report.problems)


def test_an_english_report_names_rows_columns_and_numbers_the_english_way(data):
    content = (
        f"{VALUES_HEADER}\ntaux_chomage_2014;pre2016;22;150,5\ntaux_chomage_2014;pre2016;31;12;5\n"
    )
    report = check_file(content.encode(), "f.csv", data)
    french, english = report.to_text(), report.to_text(lang="en")
    assert "- Ligne 2, colonne « value » : 150,5 hors de la plage plausible" in french
    assert "- Row 2, column “value”: 150.5 outside the plausible range" in english
    assert "(de 0 à 100)" in french and "(from 0 to 100)" in english
    assert "Ligne 3, colonne « colonne 5 » : « 5 » est hors des colonnes" in french
    assert "Row 3, column “column 5”: “5” is outside the header's columns" in english
    assert english.startswith("Invalid file (indicator values): 2 problem(s) in 2 data row(s).")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "est vide"),
        (b"PK\x03\x04 not really a zip", "l'archive zip est endommagée"),
        (b"\x00\x01\x02binary", "ni un classeur .xlsx ni un fichier texte CSV"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "document Office ancien"),
        (b'a;b\n"' + b"x" * 200_000 + b"\n", "un guillemet jamais refermé peut-être"),
    ],
    ids=["empty", "bad zip", "binary", "other OLE", "unclosed quote"],
)
def test_other_unreadable_bytes(content, message):
    with pytest.raises(UploadError, match=message):
        read_table(content, "f.csv")


def test_a_sheet_that_only_declares_a_huge_dimension_is_read():
    table = read_table(hostile.declared_dimension_only_xlsx(), "f.xlsx")
    assert table.loc[2].tolist() == ["taux_chomage_2014", "pre2016", "22", "12.5"]


def test_line_numbers_are_spreadsheet_rows_after_a_cell_spanning_two_lines(data):
    content = (
        f'{VALUES_HEADER};note\ntaux_chomage_2014;pre2016;22;12;"sur\ndeux lignes"\n'
        "taux_chomage_2014;pre2016;31;abc;\n"
    ).encode()
    report = validate(read_table(content, "f.csv"), data)
    assert [p.row for p in report.problems] == [3]  # Excel shows this record on row 3


# --- percent-formatted cells (finding 3) -----------------------------------------------------


def test_percent_formatted_cells_read_as_the_percentage_shown(data):
    rows = [
        ["indicator_id", "level", "region_code", "value"],
        ["taux_chomage_2014", "pre2016", "22", 0.197],
        ["taux_chomage_2014", "pre2016", "31", 0.125],
        ["taux_chomage_2014", "pre2016", "41", 0.5],
        ["taux_chomage_2014", "pre2016", "42", 10.5],
    ]
    content = hostile.xlsx(rows, {"D2": "0.0%", "D3": "0.00 %", "D4": "0%", "D5": '0.0"%"'})
    report = validate(read_table(content, "pourcentages.xlsx"), data)
    assert report.is_valid, report.to_text()
    assert report.rows["value"].tolist() == [19.7, 12.5, 50.0, 10.5]


@pytest.mark.parametrize(
    ("code", "percent"),
    [("0%", True), ("0.00%", True), ('0.0" %"', False), ("0\\%", False), ("[Red]0%", True)],
)
def test_percent_format_codes(code, percent):
    assert is_percent_format(code) is percent


@pytest.mark.parametrize(
    ("raw", "percent", "text"),
    [
        ("0.197", True, "19.7"),
        ("0.19700000000000001", True, "19.7"),
        ("2015", False, "2015"),
        ("2015.0", False, "2015"),
        ("0.30000000000000004", False, "0.3"),
        ("1.5E-5", False, "1.5e-05"),
    ],
)
def test_numbers_read_as_excel_shows_them(raw, percent, text):
    assert number_text(raw, percent=percent) == text


# --- numbers that are not measurements (finding 8) -------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e309", "nombre trop grand"),
        ("9" * 400, "trop long pour un nombre"),
        ("nan", "n'est pas un nombre"),
        ("inf", "n'est pas un nombre"),
        ("-Infinity", "n'est pas un nombre"),
    ],
)
def test_infinite_and_absurd_numbers_are_refused(data, value, message):
    content = f"{VALUES_HEADER}\npopulation_2013;pre2016;22;{value}\n".encode()
    report = validate(read_table(content, "f.csv"), data)
    assert not report.is_valid
    assert message in report.problems[0].message


# --- 2016 values the atlas computes (finding 8) ----------------------------------------------


def test_a_2016_value_of_an_unchanged_territory_is_applied(data):
    from layers.measures import layer_values
    from layers.upload.apply import apply_import
    from layers.view_state import ViewState

    content = f"{VALUES_HEADER}\ncreations_entreprises_2014;2016;53;12345\n".encode()
    report = validate(read_table(content, "f.csv"), data)
    assert report.is_valid, report.to_text()
    assert "territoires inchangés" in report.to_text()
    imported = apply_import(data, report)
    for level in ("2016", "pre2016"):
        view = ViewState(level=level, measure="indicateur", indicator="creations_entreprises_2014")
        assert layer_values(imported, view).values["53"] == 12345


def test_a_2016_value_computed_from_former_regions_is_refused_not_ignored(data):
    content = f"{VALUES_HEADER}\ncreations_entreprises_2014;2016;32;12345\n".encode()
    report = validate(read_table(content, "f.csv"), data)
    assert not report.is_valid
    message = report.problems[0].message
    assert message.startswith("valeur non utilisée : la valeur 2016")
    assert "22 Picardie" in message and "31 Nord-Pas-de-Calais" in message


# --- bounds (finding 1) ----------------------------------------------------------------------


def test_the_check_stops_after_max_problems_and_imports_nothing(data):
    line = "indicateur_inconnu;pre2016;22;1\n"
    content = (VALUES_HEADER + "\n" + line * 5_000).encode()
    report = check_file(content, "f.csv", data)
    assert len(report.problems) == limits.MAX_PROBLEMS
    assert report.stopped_at == limits.MAX_PROBLEMS + 1 and not report.complete
    assert "Vérification arrêtée à la ligne 1001" in report.to_text()
    from layers.upload.apply import apply_import

    with pytest.raises(ValueError, match="vérification s'est arrêtée"):
        apply_import(data, report, allow_partial=True)


def test_upload_limit_is_the_widgets_megabytes_and_one_number():
    config = (REPO / ".streamlit" / "config.toml").read_text()
    assert f"maxUploadSize = {limits.MAX_UPLOAD_MB}\n" in config
    assert limits.MAX_UPLOAD_BYTES == 5_000_000
    with pytest.raises(UploadError, match=r"la limite est de 5 Mo \(5\u202f000\u202f000 octets\)"):
        read_table(b"a;b\n" + b"x" * limits.MAX_UPLOAD_BYTES, "gros.csv")
    just_below = b"a;b\n" + (b"x" * 97 + b";y\n") * ((limits.MAX_UPLOAD_BYTES - 4) // 100)
    assert len(just_below) <= limits.MAX_UPLOAD_BYTES
    assert len(read_table(just_below, "juste.csv")) == 49_999


_BOUNDED = """
import json, resource, sys
from layers.indicators.bundle import load_indicator_data
from layers.upload.read import UploadError
from layers.upload.validate import check_file
from bench import hostile_files as hostile

data = load_indicator_data()
size = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
resource.setrlimit(resource.RLIMIT_AS, (size + {extra_mb} * 2**20,) * 2)
used = resource.getrusage(resource.RUSAGE_SELF)
cpu = int(used.ru_utime + used.ru_stime) + {cpu_s}
resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
out = {{}}
for name in {names}:
    content = getattr(hostile, name)()
    try:
        report = check_file(content, name, data)
        out[name] = report.to_text().splitlines()[0]
    except UploadError as exc:
        out[name] = str(exc)
    del content
print(json.dumps(out))
"""

HOSTILE = [
    "far_cell_xlsx",
    "zip_bomb_xlsx",
    "billion_laughs_xlsx",
    "lying_size_xlsx",
    "bad_rows_csv",
    "long_bad_rows_csv",
    "many_columns_csv",
    "blank_lines_csv",
]


def test_hostile_files_are_refused_within_256_mb_and_20_s_of_cpu():
    # The limits hold the whole batch: each file's memory is released before the next.
    script = _BOUNDED.format(extra_mb=256, cpu_s=20, names=HOSTILE)
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PYTHONPATH": str(REPO), "OPENBLAS_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    messages = json.loads(result.stdout)
    assert "au plus 50 colonnes" in messages["far_cell_xlsx"]
    assert "au plus 50,0 Mo" in messages["zip_bomb_xlsx"]
    assert "refusées par sécurité" in messages["billion_laughs_xlsx"]
    assert "trop de lignes" in messages["bad_rows_csv"]
    assert messages["long_bad_rows_csv"].startswith("Fichier invalide (valeurs d'indicateurs)")
    assert "colonnes à la ligne 1" in messages["many_columns_csv"]


def test_layers_check_refuses_dev_zero_and_directories_without_reading_them(tmp_path):
    for path, message in (("/dev/zero", "n'est pas un fichier ordinaire"), (tmp_path, "dossier")):
        result = subprocess.run(
            [sys.executable, "-m", "layers", "check", str(path)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 2, result
        assert message in result.stdout and "Traceback" not in result.stderr


def test_layers_check_speaks_english_when_asked(tmp_path):
    unreadable, bad = tmp_path / "protected.xlsx", tmp_path / "bad.csv"
    unreadable.write_bytes(hostile.encrypted_xlsx())
    bad.write_text(BAD_TABLES["perception"], encoding="utf-8")
    for path, code, start in (
        (unreadable, 2, "The file “protected.xlsx” is a password-protected"),
        (bad, 1, "Invalid file (perception scores): 6 problem(s) in 2 data row(s)."),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "layers", "check", str(path), "--lang", "en"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == code, result
        assert result.stdout.startswith(start), result.stdout
        assert not FRENCH.search(result.stdout), result.stdout
    assert "- Row 2, column “actor”: unknown actor “robots”; valid value(s): " in result.stdout


@pytest.mark.parametrize("builder", ["malformed_sheet_xlsx", "encrypted_xlsx", "ods"])
def test_layers_check_says_why_a_workbook_is_unreadable(tmp_path, builder):
    path = tmp_path / f"{builder}.xlsx"
    path.write_bytes(getattr(hostile, builder)())
    result = subprocess.run(
        [sys.executable, "-m", "layers", "check", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout.startswith(f"Le fichier « {path.name} » ")
    assert result.stderr == ""


def test_a_2016_value_of_an_indicator_with_an_approximate_weight_is_displayed_as_typed(data):
    # An approximate consolidation gives way to a 2016 value (layers.indicators.consolidate):
    # an imported one is displayed, whether the territory changed in 2016 or not.
    from layers.measures import layer_values
    from layers.upload.apply import apply_import
    from layers.view_state import ViewState

    content = f"{VALUES_HEADER}\ntaux_chomage_2014;2016;53;7,25\ntaux_chomage_2014;2016;32;12\n"
    report = validate(read_table(content.encode(), "f.csv"), data)
    assert report.is_valid, report.to_text()
    view = ViewState(level="2016", measure="indicateur", indicator="taux_chomage_2014")
    shown = layer_values(apply_import(data, report), view).values
    assert (shown["53"], shown["32"]) == (7.25, 12)
