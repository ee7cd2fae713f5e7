"""Read a user's uploaded table (CSV or XLSX) into text cells, whatever French tools produced.

French Excel writes CSV with ``;`` separators, decimal commas and Windows-1252 (or UTF-8 with a
byte-order mark); LibreOffice often writes UTF-8 with ``,``. :func:`read_table` accepts all of
them (the dialect is :mod:`layers.upload.dialect`), and XLSX workbooks (first sheet). Every
cell comes back as text: parsing numbers, codes and names is the job of
:mod:`layers.upload.cells` and :mod:`layers.upload.validate`, which can then name the line and
column of each problem. The index of the returned table is the line number as the user sees it in a
spreadsheet (the header is line 1). Bounds (size, lines, columns, cells, decompression, CPU time)
are :mod:`layers.upload.limits`; workbooks are read by :mod:`layers.upload.workbook`.
"""

import csv
import io
import re

import pandas as pd

from i18n import Text, TextError
from layers.upload.dialect import ENCODINGS, sniff_separator
from layers.upload.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_LINES,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_MB,
    CpuBudget,
    LimitExceeded,
    megabytes,
    thousands,
)
from layers.upload.workbook import WorkbookError, read_first_sheet

LINE_INDEX = "ligne"
#: Name given to a column without a header cell (N counted from 1): a name of the table, not a
#: text; messages write it in the reader's language (:func:`column_label`).
UNNAMED_COLUMN = "colonne {n}"
_UNNAMED = re.compile(r"colonne (\d+)")

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File (OLE2): .xls, or a protected .xlsx
#: Streams that name what an OLE2 container holds (their names are stored in UTF-16LE).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))


class UploadError(TextError, ValueError):
    """A file that cannot be read as a table; the message says what to do.

    The message is a :class:`~i18n.Text`: ``str(error)`` is French, ``error.in_lang("en")``
    English.
    """


def column_label(column: str) -> str | Text:
    """A column as messages name it: a header as typed, or "colonne N" / "column N" for a
    column without a header (``colonne 5`` in the table)."""
    match = _UNNAMED.fullmatch(column)
    return Text("upload.unnamed_column", n=int(match.group(1))) if match else column


def is_unnamed(column: object) -> bool:
    """Whether ``column`` is a column the reader named (no header cell)."""
    return bool(_UNNAMED.fullmatch(str(column)))


def read_table(content: bytes, filename: str, budget: CpuBudget | None = None) -> pd.DataFrame:
    """Read an uploaded CSV or XLSX file into a table of text cells, within bounds.

    Parameters
    ----------
    content : bytes
        The file's bytes. XLSX is recognised by its content (a zip archive), not its name.
    filename : str
        The name the user gave, quoted in messages.
    budget : CpuBudget, optional
        CPU time allowed for reading (and, shared with the caller, for validating) this file.

    Returns
    -------
    DataFrame
        One column per header cell (stripped; an empty header cell becomes ``colonne N``,
        cells beyond the header also get ``colonne N`` columns, N counted from 1), all values
        ``str`` (empty string for an empty cell), indexed by the line number the user sees in
        a spreadsheet (header = line 1; a quoted CSV cell spanning several text lines is one
        line). Entirely blank lines are dropped.

    Raises
    ------
    UploadError
        Whatever makes the file unreadable, with a message naming it: empty, larger
        than :data:`~layers.upload.limits.MAX_UPLOAD_BYTES` or another bound of
        :mod:`layers.upload.limits`, legacy ``.xls``, password-protected or damaged workbook,
        OpenDocument, bytes that are neither a workbook nor text in UTF-8/Windows-1252/UTF-16.
        Nothing else escapes: an unexpected failure of the reader is reported as such.
    """
    try:
        return _to_frame(_rows(content, budget or CpuBudget()))
    except (LimitExceeded, WorkbookError, _Unreadable) as exc:
        raise UploadError(Text("upload.file", name=filename, what=exc.text)) from None
    except MemoryError:
        raise UploadError(
            Text("upload.file", name=filename, what=Text("upload.file.memory"))
        ) from None
    except Exception as exc:  # a reader bug must still give a sentence, not a traceback
        what = Text("upload.file.unexpected", error=type(exc).__name__)
        raise UploadError(Text("upload.file", name=filename, what=what)) from exc


class _Unreadable(TextError, ValueError):
    """A read error whose message completes "Le fichier « … » …"."""


def _rows(content: bytes, budget: CpuBudget) -> list[tuple[int, list[str]]]:
    if len(content) > MAX_UPLOAD_BYTES:
        raise LimitExceeded(
            Text(
                "upload.file.too_big",
                size=megabytes(len(content)),
                max=Text("common.megabytes", n=MAX_UPLOAD_MB),
                bytes=thousands(MAX_UPLOAD_BYTES),
            )
        )
    if not content.strip():
        raise _Unreadable(Text("upload.file.empty"))
    if content.startswith(_OLE_MAGIC):
        raise _Unreadable(_ole_message(content))
    if content.startswith(_ZIP_MAGIC):
        return read_first_sheet(content, budget)
    return _csv_rows(_decode(content), budget)


def _ole_message(content: bytes) -> Text:
    """What an OLE2 container is: a password-protected workbook, a legacy .xls, or neither."""
    if _ENCRYPTED_STREAM in content:
        return Text("upload.file.encrypted")
    if any(stream in content for stream in _XLS_STREAMS):
        return Text("upload.file.xls")
    return Text("upload.file.ole")


def _decode(content: bytes) -> str:
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
    raise _Unreadable(Text("upload.file.encoding"))


def _csv_rows(text: str, budget: CpuBudget) -> list[tuple[int, list[str]]]:
    """(line number, cells) of each record of a CSV text, within the bounds.

    The line number is the record's position, as a spreadsheet numbers its rows: a quoted
    cell holding a line break does not shift the lines after it.
    """
    first = next((line for line in io.StringIO(text) if line.strip()), "")  # lazily: 5 Mo of \n
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(first))
    rows = []
    n_cells = line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            if line > MAX_LINES:
                raise LimitExceeded(_too_many_lines())
            if len(cells) > MAX_COLUMNS and any(c.strip() for c in cells[MAX_COLUMNS:]):
                raise LimitExceeded(_too_many_columns(line, len(cells)))
            if any(c.strip() for c in cells):
                n_cells += min(len(cells), MAX_COLUMNS)
                if n_cells > MAX_CELLS:
                    too_many = Text("upload.file.too_many_cells", max=thousands(MAX_CELLS))
                    raise LimitExceeded(too_many)
                rows.append((line, cells[:MAX_COLUMNS]))
            if line % 1000 == 0:
                budget.check()
    except csv.Error as exc:
        raise _Unreadable(
            Text("upload.file.bad_csv", line=thousands(line + 1), reason=_csv_reason(exc))
        ) from None
    return rows


def _csv_reason(exc: csv.Error) -> Text:
    text = str(exc)
    if "field larger than field limit" in text:
        return Text("upload.file.csv_long_cell", max=thousands(csv.field_size_limit()))
    return Text("upload.file.csv_error", error=text[:80])


def _too_many_lines() -> Text:
    return Text("upload.file.too_many_lines", max=thousands(MAX_LINES))


def _too_many_columns(line: int, n: int) -> Text:
    return Text(
        "upload.file.too_many_columns", n=thousands(n), line=thousands(line), max=MAX_COLUMNS
    )


def _to_frame(rows: list[tuple[int, list[str]]]) -> pd.DataFrame:
    rows = [(line, [cell.strip() for cell in cells]) for line, cells in rows]
    rows = [(line, cells) for line, cells in rows if any(cells)]
    if not rows:
        raise _Unreadable(Text("upload.file.empty"))
    (_, header), body = rows[0], rows[1:]
    width = max(len(cells) for _, cells in rows)
    names = [
        header[i] if i < len(header) and header[i] else UNNAMED_COLUMN.format(n=i + 1)
        for i in range(width)
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
