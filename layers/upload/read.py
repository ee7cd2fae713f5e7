"""Read a user's uploaded table (CSV or XLSX) into text cells, whatever French tools produced.

French Excel writes CSV with ``;`` separators, decimal commas and Windows-1252 (or UTF-8 with a
byte-order mark); LibreOffice often writes UTF-8 with ``,``. :func:`read_table` accepts all of
them (the dialect is :mod:`layers.upload.dialect`), and XLSX workbooks (first sheet). Every
cell comes back as text: parsing numbers, codes and names is the job of
:mod:`layers.upload.cells` and :mod:`layers.upload.validate`, which can then name the line and
column of each problem. The index of the returned table is the line number as the user sees it in a
spreadsheet (the header is line 1).
"""

import csv
import io
import math
import zipfile

import pandas as pd

from layers.upload.dialect import ENCODINGS, sniff_separator

#: Largest upload accepted (the indicator tables shipped with the atlas weigh about 300 kB).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_LABEL = f"{MAX_UPLOAD_BYTES // (1024 * 1024)} Mo"
LINE_INDEX = "ligne"

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy Excel 97-2003 (OLE2)


class UploadError(ValueError):
    """A file that cannot be read as a table; the message is French and says what to do."""


def read_table(content: bytes, filename: str) -> pd.DataFrame:
    """Read an uploaded CSV or XLSX file into a table of text cells.

    Parameters
    ----------
    content : bytes
        The file's bytes. XLSX is recognised by its content (a zip archive), not its name.
    filename : str
        The name the user gave, quoted in messages.

    Returns
    -------
    DataFrame
        One column per header cell (stripped; an empty header cell becomes ``colonne N``,
        cells beyond the header also get ``colonne N`` columns, N counted from 1), all values
        ``str`` (empty string for an empty cell), indexed by the line number the user sees
        (header = line 1). Entirely blank lines are dropped.

    Raises
    ------
    UploadError
        Empty file, file larger than :data:`MAX_UPLOAD_BYTES`, legacy ``.xls``, or bytes that
        are neither a workbook nor text in UTF-8/Windows-1252.
    """
    if len(content) > MAX_UPLOAD_BYTES:
        raise UploadError(
            f"Le fichier « {filename} » est trop volumineux ({len(content) / 1024 / 1024:.1f} Mo) :"
            f" la limite est de {MAX_UPLOAD_LABEL}."
        )
    if not content.strip():
        raise UploadError(f"Le fichier « {filename} » est vide.")
    if content.startswith(_XLS_MAGIC):
        raise UploadError(
            f"Le fichier « {filename} » est au format Excel 97-2003 (.xls), non pris en charge : "
            "enregistrez-le au format .xlsx ou CSV."
        )
    if content.startswith(_XLSX_MAGIC):
        rows = _xlsx_rows(content, filename)
    else:
        rows = _csv_rows(_decode(content, filename))
    return _to_frame(rows, filename)


def _decode(content: bytes, filename: str) -> str:
    """Text of a CSV file: UTF-16 if it has that BOM, else UTF-8 (BOM or not), else cp1252."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in content:
        for encoding in ENCODINGS:
            try:
                return content.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise UploadError(
        f"Le fichier « {filename} » n'est ni un classeur .xlsx ni un fichier texte CSV lisible "
        "(encodages essayés : UTF-8, Windows-1252)."
    )


def _csv_rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of each record of a CSV text."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(first))
    rows = []
    line = 1
    for cells in reader:
        rows.append((line, cells))
        line = reader.line_num + 1
    return rows


def _xlsx_rows(content: bytes, filename: str) -> list[tuple[int, list[str]]]:
    """(row number, cells as text) of the first sheet of a workbook."""
    import openpyxl  # imported here: only uploads of workbooks need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UploadError(
            f"Le fichier « {filename} » ressemble à un classeur .xlsx mais ne peut pas être lu "
            f"({type(exc).__name__})."
        ) from exc
    try:
        sheet = book.worksheets[0]
        rows = [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    return rows


def _cell_text(value: object) -> str:
    """Text of a workbook cell; whole floats lose their ``.0`` (Excel stores 2015 as 2015.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value)


def _to_frame(rows: list[tuple[int, list[str]]], filename: str) -> pd.DataFrame:
    rows = [(line, [cell.strip() for cell in cells]) for line, cells in rows]
    rows = [(line, cells) for line, cells in rows if any(cells)]
    if not rows:
        raise UploadError(f"Le fichier « {filename} » est vide.")
    (_, header), body = rows[0], rows[1:]
    width = max(len(cells) for _, cells in rows)
    names = [
        header[i] if i < len(header) and header[i] else f"colonne {i + 1}" for i in range(width)
    ]
    # Drop empty trailing columns that spreadsheets add (no header, no value).
    while len(names) > len(header) and not any(
        len(cells) >= len(names) and cells[len(names) - 1] for _, cells in body
    ):
        names.pop()
    frame = pd.DataFrame(
        [(cells + [""] * len(names))[: len(names)] for _, cells in body],
        columns=names,
        index=pd.Index([line for line, _ in body], name=LINE_INDEX),
        dtype=object,
    )
    return frame.astype(str) if not frame.empty else frame
