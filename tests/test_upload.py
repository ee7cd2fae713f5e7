"""Reading uploaded files: French CSV flavours, XLSX, and the files that must be refused."""

import io

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layers.upload.dialect import french_csv, sniff_separator
from layers.upload.read import MAX_UPLOAD_BYTES, UploadError, read_table

HEADER = ["indicator_id", "level", "region_code", "value"]


def test_semicolon_and_decimal_comma_stay_text():
    content = b"indicator_id;level;region_code;value\ntaux_chomage_2014;pre2016;22;12,5\n"
    table = read_table(content, "valeurs.csv")
    assert list(table.columns) == HEADER
    assert table.loc[2].tolist() == ["taux_chomage_2014", "pre2016", "22", "12,5"]
    assert table.index.name == "ligne"


def test_cp1252_accents():
    content = "région;valeur\nÎle-de-France;3,5\nRhône-Alpes;4\n".encode("cp1252")
    table = read_table(content, "windows.csv")
    assert list(table.columns) == ["région", "valeur"]
    assert table["région"].tolist() == ["Île-de-France", "Rhône-Alpes"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_utf8_with_or_without_bom_and_utf16(encoding):
    content = "région;valeur\nProvence-Alpes-Côte d'Azur;1,5\n".encode(encoding)
    table = read_table(content, "f.csv")
    assert list(table.columns) == ["région", "valeur"]  # no BOM left in the first header
    assert table.iloc[0, 0] == "Provence-Alpes-Côte d'Azur"


@pytest.mark.parametrize(("line", "sep"), [("a;b;c", ";"), ("a,b,c", ","), ("a\tb\tc", "\t")])
def test_separator_sniffing(line, sep):
    assert sniff_separator(line) == sep


def test_comma_separated_with_quoted_decimal_comma():
    content = b'indicator_id,level,region_code,value\ntaux_chomage_2014,pre2016,22,"12,5"\n'
    assert read_table(content, "f.csv").loc[2, "value"] == "12,5"


def test_line_numbers_skip_blank_lines_as_the_user_sees_them():
    content = b"a;b\n1;2\n\n3;4\n"
    assert read_table(content, "f.csv").index.tolist() == [2, 4]


def test_cells_beyond_the_header_get_their_own_column():
    content = b"a,b\nx,12,5\n"
    table = read_table(content, "f.csv")
    assert list(table.columns) == ["a", "b", "colonne 3"]
    assert table.loc[2, "colonne 3"] == "5"


def _xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_numbers_become_text_and_whole_floats_lose_their_decimals():
    content = _xlsx([["survey", "year", "score_10"], ["PHARE", 2015.0, 6.5], [None, None, None]])
    table = read_table(content, "classeur.xlsx")
    assert table.loc[2].tolist() == ["PHARE", "2015", "6.5"]
    assert len(table) == 1


def test_xlsx_is_recognised_by_content_not_name():
    content = _xlsx([["a", "b"], ["x", 1]])
    assert read_table(content, "mal_nommé.csv").loc[2, "b"] == "1"


@pytest.mark.parametrize("content", [b"", b"  \n\r\n", b";;;\n;;\n"])
def test_empty_file(content):
    with pytest.raises(UploadError, match=r"« vide\.csv » est vide"):
        read_table(content, "vide.csv")


def test_too_large_states_the_limit():
    with pytest.raises(UploadError, match="la limite est de 5 Mo"):
        read_table(b"a;b\n" + b"x" * MAX_UPLOAD_BYTES, "gros.csv")


def test_header_only_gives_an_empty_table_with_columns():
    table = read_table(b"a;b\n", "f.csv")
    assert table.empty and list(table.columns) == ["a", "b"]


def test_french_csv_is_what_french_excel_writes():
    frame = pd.DataFrame({"nom": ["Île-de-France"], "value": [1234.5]})
    content = french_csv(frame)
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig").splitlines() == ["nom;value", "Île-de-France;1234,5"]


_cell = (
    st.text(alphabet=st.sampled_from(list("abcdeéèàçôÎ' -_0123456789")), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(_cell, min_size=1, max_size=6),
    numbers=st.lists(
        st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=6
    ),
    encoding=st.sampled_from(["cp1252", "utf-8-sig"]),
)
def test_read_table_reads_back_what_french_excel_writes(texts, numbers, encoding):
    n = min(len(texts), len(numbers))
    frame = pd.DataFrame({"nom": texts[:n], "valeur": numbers[:n]})
    content = frame.to_csv(sep=";", decimal=",", index=False).encode(encoding)
    table = read_table(content, "f.csv")
    assert table["nom"].tolist() == frame["nom"].tolist()
    back = [float(v.replace(",", ".")) for v in table["valeur"]]
    assert back == frame["valeur"].tolist()
    assert table.index.tolist() == list(range(2, n + 2))
