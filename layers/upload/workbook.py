"""The first sheet of an XLSX workbook as text cells, read within bounds, trusting nothing declared.

An XLSX file is a zip of XML parts. This module reads the few parts it needs (the workbook and
its relationships, the styles for number formats, the shared strings, the first sheet) with a
streaming expat parser, so that every bound of :mod:`layers.upload.limits` is checked while
reading, not after:

- each part's declared size and compression ratio are checked before it is opened (Python's
  zip reader never returns more bytes than declared: a lying header fails its CRC);
- a document type declaration or an entity declaration is refused outright (Excel never
  writes one; it is how "billion laughs" and external-entity attacks start);
- the sheet's declared dimension (``<dimension ref="A1:XFD1048576"/>``) is ignored: the cells
  themselves are counted, and the first one beyond the lines or columns allowed stops reading;
- a number formatted as a percentage reads as the percentage shown (19,7 %, stored 0.197,
  reads "19.7"), numbers as Excel displays them (15 significant digits).

Every problem raises :class:`WorkbookError` with a message (a :class:`~i18n.Text`) that
completes the sentence "Le fichier « … » …" / "The file “…” …".
"""

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from xml.parsers import expat

from i18n import Text, TextError
from layers.upload.limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_LINES,
    MAX_XML_BYTES,
    MAX_XML_ELEMENTS,
    MAX_ZIP_RATIO,
    CpuBudget,
    LimitExceeded,
    megabytes,
    thousands,
)

_CHUNK = 64 * 1024
_RATIO_FLOOR = 1_000_000  # small parts may compress well (a few repeated tags): not a bomb
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
#: Number formats that Excel builds in as percentages (ids 9 and 10: "0%" and "0.00%").
_PERCENT_FORMAT_IDS = {9, 10}
_BOOLEANS = {"0": "FAUX", "1": "VRAI"}


class WorkbookError(TextError, ValueError):
    """A workbook that cannot be read; the message completes "Le fichier « … » …"."""


class _Refused(TextError):
    """Raised from inside expat handlers (expat re-raises it from Parse)."""


def read_first_sheet(
    content: bytes, budget: CpuBudget | None = None
) -> list[tuple[int, list[str]]]:
    """(row number, cells as text) of each non-empty row of the first sheet.

    Raises :class:`WorkbookError` (damaged or unsupported workbook) or
    :class:`~layers.upload.limits.LimitExceeded` (beyond a bound).
    """
    budget = budget or CpuBudget()
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise WorkbookError(Text("upload.workbook.bad_zip")) from exc
    with archive:
        reader = _Reader(archive, budget)
        return reader.first_sheet_rows()


class _Reader:
    """The parts of one open archive, read once each, within one shared byte budget."""

    def __init__(self, archive: zipfile.ZipFile, budget: CpuBudget) -> None:
        self.archive = archive
        self.budget = budget
        self.names = set(archive.namelist())
        self.xml_bytes = 0
        self._check_kind()

    def _check_kind(self) -> None:
        if "mimetype" in self.names and self._small("mimetype").startswith(
            b"application/vnd.oasis.opendocument"
        ):
            raise WorkbookError(Text("upload.workbook.ods"))
        if "xl/workbook.bin" in self.names:
            raise WorkbookError(Text("upload.workbook.xlsb"))

    def _small(self, name: str) -> bytes:
        info = self.archive.getinfo(name)
        if info.file_size > 1000:
            return b""
        with self.archive.open(info) as part:
            return part.read(1000)

    # --- parts ------------------------------------------------------------------------------

    def parse(self, name: str, handlers: dict[str, Callable], what: Text) -> None:
        """Stream part ``name`` through expat with ``handlers``; enforce every bound."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise WorkbookError(
                Text("upload.workbook.missing_part", what=what, part=name)
            ) from None
        self._check_size(info)
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.buffer_size = _CHUNK
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = _refuse_dtd
        parser.EntityDeclHandler = _refuse_dtd
        parser.ExternalEntityRefHandler = _refuse_dtd
        for event, handler in handlers.items():
            setattr(parser, event, handler)
        try:
            with self.archive.open(info) as part:
                while chunk := part.read(_CHUNK):
                    self.xml_bytes += len(chunk)
                    if self.xml_bytes > MAX_XML_BYTES:  # a lying header would stop here
                        raise LimitExceeded(_too_big(name, self.xml_bytes))
                    parser.Parse(chunk, False)
                    self.budget.check()
                parser.Parse(b"", True)
        except _Refused as exc:
            raise WorkbookError(exc.text) from None
        except expat.ExpatError as exc:
            raise WorkbookError(
                Text(
                    "upload.workbook.bad_xml",
                    what=what,
                    part=name,
                    line=exc.lineno,
                    column=exc.offset + 1,
                )
            ) from None
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise WorkbookError(
                Text("upload.workbook.no_inflate", what=what, part=name, error=type(exc).__name__)
            ) from None

    def _check_size(self, info: zipfile.ZipInfo) -> None:
        if info.flag_bits & 0x1:
            raise WorkbookError(Text("upload.workbook.encrypted_zip"))
        if self.xml_bytes + info.file_size > MAX_XML_BYTES:
            raise LimitExceeded(_too_big(info.filename, self.xml_bytes + info.file_size))
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > MAX_ZIP_RATIO:
            raise LimitExceeded(
                Text(
                    "upload.workbook.ratio",
                    part=info.filename,
                    ratio=thousands(int(ratio)),
                    packed=megabytes(info.compress_size),
                    unpacked=megabytes(info.file_size),
                    max=MAX_ZIP_RATIO,
                )
            )

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id -> (type, target path in the archive) of the relationships of ``part``."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        found: dict[str, tuple[str, str]] = {}
        if rels not in self.names:
            return found

        def start(name: str, attrs: dict[str, str]) -> None:
            if _local(name) == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                path = (
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
                found[attrs.get("Id", "")] = (attrs.get("Type", ""), posixpath.normpath(path))

        self.parse(rels, {"StartElementHandler": start}, Text("upload.part.links"))
        return found

    def workbook_path(self) -> str:
        for kind, target in self.relationships("").values():
            if kind.endswith("/officeDocument"):
                return target
        if "xl/workbook.xml" in self.names:
            return "xl/workbook.xml"
        raise WorkbookError(Text("upload.workbook.not_excel"))

    def first_sheet(self, workbook: str) -> tuple[str, str]:
        """(name, relationship id) of the first sheet listed by the workbook."""
        sheets: list[tuple[str, str]] = []

        def start(name: str, attrs: dict[str, str]) -> None:
            if _local(name) == "sheet" and not sheets:
                rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
                sheets.append((attrs.get("name", "?"), rid))

        self.parse(workbook, {"StartElementHandler": start}, Text("upload.part.sheets"))
        if not sheets:
            raise WorkbookError(Text("upload.workbook.no_sheet"))
        return sheets[0]

    def percent_styles(self, path: str | None) -> set[int]:
        """Indices of the cell styles whose number format shows a percentage."""
        if path is None or path not in self.names:
            return set()
        custom: dict[int, str] = {}
        xf_formats: list[int] = []
        in_xfs = []

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "numFmt":
                custom[_int(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
            elif local == "cellXfs":
                in_xfs.append(True)
            elif local == "xf" and in_xfs:
                xf_formats.append(_int(attrs.get("numFmtId")))

        def end(name: str) -> None:
            if _local(name) == "cellXfs":
                in_xfs.clear()

        self.parse(
            path,
            {"StartElementHandler": start, "EndElementHandler": end},
            Text("upload.part.styles"),
        )
        return {
            index
            for index, fmt in enumerate(xf_formats)
            if fmt in _PERCENT_FORMAT_IDS or is_percent_format(custom.get(fmt, ""))
        }

    def shared_strings(self, path: str | None) -> list[str]:
        if path is None or path not in self.names:
            return []
        strings: list[str] = []
        text: list[str] = []
        state = {"depth_si": 0, "in_t": False, "in_phonetic": 0, "chars": 0}

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "si":
                text.clear()
                state["chars"] = 0
                state["depth_si"] = 1
            elif local == "rPh":
                state["in_phonetic"] += 1
            elif local == "t" and state["depth_si"] and not state["in_phonetic"]:
                state["in_t"] = True

        def end(name: str) -> None:
            local = _local(name)
            if local == "si":
                strings.append("".join(text))
                state["depth_si"] = 0
            elif local == "rPh":
                state["in_phonetic"] -= 1
            elif local == "t":
                state["in_t"] = False

        def chars(data: str) -> None:
            if state["in_t"]:
                state["chars"] += len(data)
                if state["chars"] > MAX_CELL_CHARS:
                    where = Text("upload.part.shared_string", n=len(strings) + 1)
                    raise _Refused(_cell_too_long(where))
                text.append(data)

        self.parse(
            path,
            {"StartElementHandler": start, "EndElementHandler": end, "CharacterDataHandler": chars},
            Text("upload.part.strings"),
        )
        return strings

    def first_sheet_rows(self) -> list[tuple[int, list[str]]]:
        workbook = self.workbook_path()
        links = self.relationships(workbook)
        name, rid = self.first_sheet(workbook)
        if rid not in links:
            raise WorkbookError(Text("upload.workbook.sheet_unlinked", name=name[:40]))
        by_type = {kind.rsplit("/", 1)[-1]: target for kind, target in links.values()}
        percent = self.percent_styles(by_type.get("styles"))
        strings = self.shared_strings(by_type.get("sharedStrings"))
        sheet = _Sheet(strings, percent)
        self.parse(
            links[rid][1],
            {
                "StartElementHandler": sheet.start,
                "EndElementHandler": sheet.end,
                "CharacterDataHandler": sheet.chars,
            },
            Text("upload.part.sheet", name=name[:40]),
        )
        return sheet.rows()


class _Sheet:
    """Expat handlers that collect the cells of a worksheet, checking bounds cell by cell."""

    def __init__(self, strings: list[str], percent_styles: set[int]) -> None:
        self.strings = strings
        self.percent = percent_styles
        self.cells: dict[int, dict[int, str]] = {}
        self.elements = 0
        self.row = 0
        self.next_column = 1
        self.cell: dict | None = None
        self.text: list[str] = []
        self.n_chars = 0
        self.in_value = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local in ("c", "row"):
            self.elements += 1
            if self.elements > MAX_XML_ELEMENTS:
                raise _Refused(
                    Text("upload.workbook.too_many_elements", max=thousands(MAX_XML_ELEMENTS))
                )
        if local == "row":
            self.row = _int(attrs.get("r"), self.row + 1)
            self.next_column = 1
        elif local == "c":
            row, column = _position(attrs.get("r"), self.row, self.next_column)
            self.row, self.next_column = row, column + 1
            self.cell = {"row": row, "column": column, "t": attrs.get("t", "n")}
            self.cell["s"] = _int(attrs.get("s"))
            self.text.clear()
            self.n_chars = 0
        elif local in ("v", "t") and self.cell is not None:
            self.in_value = True

    def chars(self, data: str) -> None:
        if self.in_value:
            self.n_chars += len(data)
            if self.n_chars > MAX_CELL_CHARS:
                raise _Refused(_cell_too_long(Text("upload.part.cell", cell=_ref(self.cell))))
            self.text.append(data)

    def end(self, name: str) -> None:
        local = _local(name)
        if local in ("v", "t"):
            self.in_value = False
        elif local == "c" and self.cell is not None:
            text = self._value("".join(self.text))
            if text.strip():
                self._keep(self.cell["row"], self.cell["column"], text)
            self.cell = None

    def _keep(self, row: int, column: int, text: str) -> None:
        cell = f"{_letters(column)}{row}"
        if column > MAX_COLUMNS:
            raise _Refused(
                Text(
                    "upload.workbook.far_column",
                    letters=_letters(column),
                    n=thousands(column),
                    cell=cell,
                    max=MAX_COLUMNS,
                )
            )
        if row > MAX_LINES:
            raise _Refused(
                Text(
                    "upload.workbook.far_row",
                    line=thousands(row),
                    cell=cell,
                    max=thousands(MAX_LINES),
                )
            )
        self.cells.setdefault(row, {})[column] = text

    def _value(self, raw: str) -> str:
        kind = self.cell["t"]
        if kind == "s":
            index = _int(raw, -1)
            if not 0 <= index < len(self.strings):
                raise _Refused(
                    Text("upload.workbook.missing_string", cell=_ref(self.cell), index=raw[:12])
                )
            return self.strings[index]
        if kind in ("inlineStr", "str", "e"):
            return raw
        if kind == "b":
            return _BOOLEANS.get(raw.strip(), raw)
        return number_text(raw, percent=self.cell["s"] in self.percent)

    def rows(self) -> list[tuple[int, list[str]]]:
        out = []
        for row in sorted(self.cells):
            cells = self.cells[row]
            width = max(cells)
            out.append((row, [cells.get(c, "") for c in range(1, width + 1)]))
        return out


# --- cell values -----------------------------------------------------------------------------


def number_text(raw: str, *, percent: bool = False) -> str:
    """Text of a numeric cell as Excel shows it: 15 significant digits, no ``.0``; a cell
    formatted as a percentage gives the percentage (stored 0.197, shown 19,7 %, read "19.7")."""
    try:
        value = float(raw)
    except ValueError:
        return raw.strip()  # not a number after all: let validation name it
    if percent:
        value *= 100
    shown = float(f"{value:.15g}")
    if shown.is_integer() and abs(shown) < 1e15:
        return str(int(shown))
    return repr(shown)


def is_percent_format(code: str) -> bool:
    """True when an Excel number format multiplies by 100: a ``%`` outside quotes, escapes and
    brackets (``0"%"`` and ``0\\%`` only print the sign)."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)
    return "%" in bare


# --- small helpers ---------------------------------------------------------------------------


def _refuse_dtd(*_args) -> None:
    raise _Refused(Text("upload.workbook.dtd"))


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _position(ref: str | None, row: int, column: int) -> tuple[int, int]:
    """(row, column) of a cell reference such as ``B3``; the running position without one."""
    if not ref:
        return row, column
    match = _REF.match(ref)
    if not match:
        raise _Refused(Text("upload.workbook.bad_ref", ref=ref[:20]))
    letters, digits = match.groups()
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return int(digits), number


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _ref(cell: dict | None) -> str:
    return f"{_letters(cell['column'])}{cell['row']}" if cell else "?"


def _too_big(name: str, n_bytes: int) -> Text:
    return Text(
        "upload.workbook.too_much_xml",
        size=megabytes(n_bytes),
        part=name,
        max=megabytes(MAX_XML_BYTES),
    )


def _cell_too_long(what: Text) -> Text:
    return Text("upload.workbook.long_cell", what=what, max=thousands(MAX_CELL_CHARS))
