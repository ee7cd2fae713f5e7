"""The French CSV dialect, read and written in one place.

French Excel writes CSV with ``;`` separators, decimal commas and Windows-1252 (or UTF-8 with a
byte-order mark); LibreOffice often writes UTF-8 with ``,``. Reading tries :data:`ENCODINGS`
and sniffs one of :data:`SEPARATORS`; every CSV the atlas offers for download goes through
:func:`french_csv`.
"""

import pandas as pd

#: Separators tried on the header line, in order of preference when counts tie.
SEPARATORS = (";", ",", "\t")
#: Encodings tried in order: UTF-8 (with or without BOM), then Windows-1252 (French Excel).
ENCODINGS = ("utf-8-sig", "cp1252")


def sniff_separator(header_line: str) -> str:
    """The separator of a CSV file from its header line: the most frequent of ``; , tab``."""
    counts = {sep: header_line.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])  # ties keep the order of SEPARATORS
    return best if counts[best] else ";"


def french_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes as French Excel writes them: ``;`` separator, decimal comma, UTF-8 with BOM.

    Floats are written with the shortest text that reads back to the same number, so that a
    table exported then imported again has exactly the same values.
    """
    text = frame.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")
