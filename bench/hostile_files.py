"""Broken and hostile upload files, built in memory (none is committed to the repository).

Used by ``tests/test_upload_hostile.py`` and ``bench/bench_hostile.py``. Each builder returns the
file's bytes; the sizes in the docstrings are those of the default arguments.
"""

import io
import struct
import zipfile

import openpyxl

SHEET = "xl/worksheets/sheet1.xml"
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
VALUES_ROWS = [
    ["indicator_id", "level", "region_code", "value"],
    ["taux_chomage_2014", "pre2016", "22", 12.5],
]


def xlsx(rows: list[list], number_formats: dict[str, str] | None = None) -> bytes:
    """A real workbook written by openpyxl; ``number_formats`` maps a cell ("D2") to a format."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for ref, fmt in (number_formats or {}).items():
        sheet[ref].number_format = fmt
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite(content: bytes, parts: dict[str, bytes | None]) -> bytes:
    """The workbook with some parts replaced (bytes) or removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in parts:
                continue
            dst.writestr(info, src.read(info), compress_type=zipfile.ZIP_DEFLATED)
        for name, data in parts.items():
            if data is not None:
                dst.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def far_cell_xlsx() -> bytes:
    """~5 kB: a header and one value at XFD1048576 (declared dimension A1:XFD1048576)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(VALUES_ROWS[0])
    sheet["XFD1048576"] = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def declared_dimension_only_xlsx() -> bytes:
    """A valid small table whose sheet *declares* A1:XFD1048576 (styled whole sheet)."""
    content = xlsx(VALUES_ROWS)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read(SHEET).decode()
    start = sheet.index('<dimension ref="') + len('<dimension ref="')
    end = sheet.index('"', start)
    return rewrite(content, {SHEET: (sheet[:start] + "A1:XFD1048576" + sheet[end:]).encode()})


def zip_bomb_xlsx(megabytes: int = 60) -> bytes:
    """A workbook whose sheet inflates to ``megabytes`` MB of blanks (~1,000x compression)."""
    out = io.BytesIO()
    base = xlsx(VALUES_ROWS)
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != SHEET:
                dst.writestr(info, src.read(info), compress_type=zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo(SHEET)
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=megabytes > 2000) as sheet:
            sheet.write((_SHEET_HEAD + "<sheetData>").encode())
            blank = b" " * 1_000_000
            for _ in range(megabytes):
                sheet.write(blank)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def lying_size_xlsx() -> bytes:
    """A sheet whose zip headers declare 1 kB while its data inflates to 20 MB."""
    bomb = zip_bomb_xlsx(20)
    info = zipfile.ZipFile(io.BytesIO(bomb)).getinfo(SHEET)
    data = bytearray(bomb)
    _patch_sizes(data, info, 1000)
    return bytes(data)


def _patch_sizes(data: bytearray, info: zipfile.ZipInfo, size: int) -> None:
    """Overwrite the uncompressed size of ``info`` in its local and central headers."""
    struct.pack_into("<I", data, info.header_offset + 22, size)  # local header
    name = info.filename.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + length] == name:
            struct.pack_into("<I", data, central + 24, size)
            return
        central = data.find(b"PK\x01\x02", central + 4)
    raise LookupError(info.filename)


def billion_laughs_xlsx() -> bytes:
    """A sheet that declares nested entities expanding to ~3 GB (the "billion laughs")."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    return rewrite(xlsx(VALUES_ROWS), {SHEET: sheet.encode()})


def external_entity_xlsx() -> bytes:
    """A sheet that asks for a file of the server (XXE)."""
    sheet = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    return rewrite(xlsx(VALUES_ROWS), {SHEET: sheet.encode()})


def malformed_sheet_xlsx() -> bytes:
    """The sheet's XML is cut in the middle of a cell."""
    content = xlsx(VALUES_ROWS)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read(SHEET)
    return rewrite(content, {SHEET: sheet[: len(sheet) // 2]})


def missing_sheet_xlsx() -> bytes:
    """The workbook lists a sheet whose part is not in the archive."""
    return rewrite(xlsx(VALUES_ROWS), {SHEET: None})


def no_sheet_xlsx() -> bytes:
    """The workbook lists no sheet at all."""
    content = xlsx(VALUES_ROWS)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    start, end = workbook.index("<sheets>"), workbook.index("</sheets>") + len("</sheets>")
    return rewrite(content, {"xl/workbook.xml": (workbook[:start] + workbook[end:]).encode()})


def ods() -> bytes:
    """An OpenDocument spreadsheet (LibreOffice): a zip whose first member is its mimetype."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return out.getvalue()


def not_a_workbook_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photo.txt", "not a workbook")
    return out.getvalue()


def ole2(streams: dict[str, bytes]) -> bytes:
    """A Compound File (OLE2, version 3, 512-byte sectors) holding ``streams`` of >= 4 kB each.

    Office saves a password-protected .xlsx as such a file with the streams ``EncryptionInfo``
    and ``EncryptedPackage``; a legacy .xls holds a ``Workbook`` stream.
    """
    free, end, fat_sector, nostream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    names = list(streams)
    data_sectors: list[bytes] = []
    starts = []
    for name in names:
        body = streams[name].ljust(4096, b"\0")
        body += b"\0" * (-len(body) % 512)
        starts.append(2 + len(data_sectors))
        data_sectors += [body[i : i + 512] for i in range(0, len(body), 512)]
    fat = [fat_sector, end]
    for name, start in zip(names, starts, strict=True):
        n = (len(streams[name].ljust(4096, b"\0")) + 511) // 512
        fat += [start + i + 1 for i in range(n - 1)] + [end]
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child=nostream, right=nostream, start=end, size=0) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", nostream, right, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    entries = [entry("Root Entry", 5, child=1)]
    for i, (name, start) in enumerate(zip(names, starts, strict=True)):
        right = i + 2 if i + 1 < len(names) else nostream
        entries.append(entry(name, 2, right=right, start=start, size=len(streams[name])))
    directory = b"".join(entries).ljust(512, b"\0")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    return header + struct.pack("<128I", *fat) + directory + b"".join(data_sectors)


def encrypted_xlsx() -> bytes:
    """What Excel writes for a workbook saved with a password (agile encryption container)."""
    return ole2(
        {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": b"\x01"}
    )


def legacy_xls() -> bytes:
    """An Excel 97-2003 file: a Compound File with a ``Workbook`` stream."""
    return ole2({"Workbook": b"\x09\x08\x10\x00"})


def bad_rows_csv(megabytes: float = 4.9) -> bytes:
    """A values file of ~``megabytes`` MB whose every row is wrong in every column."""
    header = b"indicator_id;level;region_code;value\n"
    row = b"indicateur_qui_n_existe_pas;niveau_inconnu;region_inconnue;pas_un_nombre\n"
    return header + row * int(megabytes * 1_000_000 // len(row))


def many_columns_csv() -> bytes:
    """One header line with 100,000 columns (a tab file read as ';'?)."""
    return b";".join(b"c%d" % i for i in range(100_000)) + b"\n" + b"1;" * 99_999 + b"1\n"


def blank_lines_csv() -> bytes:
    """A header and 4.9 million blank lines."""
    return b"indicator_id;level;region_code;value\n" + b"\n" * 4_900_000


def long_bad_rows_csv(megabytes: float = 4.9) -> bytes:
    """~``megabytes`` MB of wrong rows in fewer lines than the line bound (long rows)."""
    header = b"indicator_id;level;region_code;value;note\n"
    row = b"indicateur_qui_n_existe_pas;niveau_inconnu;region_inconnue;pas_un_nombre;" + b"x" * 40
    row += b"\n"
    return header + row * int(megabytes * 1_000_000 // len(row))
