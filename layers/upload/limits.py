"""The bounds of one uploaded file, stated once: size, lines, columns, cells, decompression, time.

A file is refused with a message (French, or the reader's language) as soon as it crosses one
of them, before the rest is read into memory: a 1.5 kB workbook that declares a cell at
XFD1048576, a zip bomb or a ``/dev/zero`` must cost a user's session a few megabytes and a
fraction of a second, not gigabytes. The shipped tables are far inside them (``values.csv``:
2,107 lines, 7 columns, 130 kB), and so is any table in the import formats of
``docs/import.md``.
"""

import time

from i18n import Number, Text, TextError

#: Largest file accepted, in megabytes of 1,000,000 bytes ("5 Mo"). The upload widget is given
#: the same number (``st.file_uploader(max_upload_size=...)``), and Streamlit's browser side
#: counts a megabyte as 1,000,000 bytes too (1,048,576 only on Windows, which this check then
#: covers with the same French message).
MAX_UPLOAD_MB = 5
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000
#: Lines of a table, header included, as the user's spreadsheet numbers them.
MAX_LINES = 50_001
#: Columns: the formats have 4 to 8; a few extra columns of the user's own are ignored.
MAX_COLUMNS = 50
#: Cells kept in memory (lines x columns of the table).
MAX_CELLS = 1_000_000
#: Characters in one cell: Excel's own limit.
MAX_CELL_CHARS = 32_767
#: Bytes of XML read from a workbook (all the parts read, once decompressed).
MAX_XML_BYTES = 50_000_000
#: Decompressed / compressed size of a workbook part above 1 MB: a zip bomb shows ~1,000.
MAX_ZIP_RATIO = 200
#: XML elements of a worksheet (cells, empty or not, and rows): bounds the parsing time.
MAX_XML_ELEMENTS = 2_000_000
#: CPU seconds to read and check one file (reading and validation together).
MAX_CPU_SECONDS = 20.0
#: Problems listed before the check stops (the first ones are enough to fix the file).
MAX_PROBLEMS = 1_000


class LimitExceeded(TextError, ValueError):
    """A file beyond one of the bounds; the message (a :class:`~i18n.Text`) completes
    "Le fichier « … » …" / "The file “…” …"."""


class CpuBudget:
    """CPU time spent on one file by this thread (a Streamlit server serves other sessions in
    other threads: their work must not count)."""

    def __init__(self, seconds: float = MAX_CPU_SECONDS) -> None:
        self.seconds = seconds
        self.start = time.thread_time()

    def check(self) -> None:
        """Raise :class:`LimitExceeded` once the budget is spent."""
        if time.thread_time() - self.start > self.seconds:
            raise LimitExceeded(Text("upload.file.cpu", seconds=Number(self.seconds, "g")))


def megabytes(n_bytes: int) -> Text:
    """``5_200_000`` -> "5,2 Mo" / "5.2 MB" (1 Mo = 1,000,000 bytes), once rendered."""
    return Text("common.megabytes", n=Number(n_bytes / 1_000_000, ".1f"))


def thousands(n: int) -> Number:
    """``50000`` -> "50 000" / "50,000" (French: a narrow no-break space), once rendered."""
    return Number(n)
