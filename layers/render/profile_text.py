"""The region profile's indicator table in words: the France column and the reading notes.

:func:`~layers.indicators.profile.domain_indicators` computes the rows (pure data); this module
writes what the panel and the printable page show with them: the France value at the source's
precision with what kind of value it is, and one sentence per "≈", "autre source" and caveat,
in French or English (indicator labels, weights and caveats are data, quoted as written).
"""

from collections.abc import Mapping

import pandas as pd

from i18n import DEFAULT_LANG, t
from layers.render.formatting import APPROXIMATE_MARK, format_value


def table_rows(table: pd.DataFrame) -> list[dict]:
    """The rows of a small frame as dicts: ``to_dict("records")`` and ``itertuples`` read every
    cell through pandas' indexing (~5 ms for a domain's table with text columns, pandas 3);
    column by column is ten times cheaper, and a level's 96 tables are drawn at once."""
    columns = {name: table[name].tolist() for name in table.columns}
    return [
        dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)
    ]


def france_text(row: Mapping, lang: str = DEFAULT_LANG) -> str:
    """The France column of a :func:`~layers.indicators.profile.domain_indicators` row: the
    value at the source's precision ("≈" when approximate), and what kind of value it is."""
    text = format_value(
        row["france"], row.get("decimals"), bool(row.get("france_approximate")), lang
    )
    if row.get("france_reference") == t("france.FR"):  # the data write the French name
        text += t("profile.france_whole", lang)
    if row.get("france_other_source"):
        text += t("profile.other_source", lang)
    return text


def reading_notes(table: pd.DataFrame, lang: str = DEFAULT_LANG) -> list[str]:
    """Sentences that go with a :func:`~layers.indicators.profile.domain_indicators` table: what
    ≈ and "autre source" mean for the rows that carry them, and each row's caveat (one sentence
    each)."""
    notes = []
    for row in table_rows(table):
        label = row["label"]
        fmt = {"mark": APPROXIMATE_MARK, "label": label, "reason": row["weight_note"]}
        if row["approximate"]:
            notes.append(t("profile.note.approximate", lang, **fmt))
        elif row["france_approximate"]:
            notes.append(t("profile.note.france_approximate", lang, **fmt))
        if row["france_other_source"]:
            notes.append(t("profile.note.other_source", lang, label=label))
        if row["caveat"]:
            notes.append(t("profile.note.caveat", lang, label=label, caveat=row["caveat"]))
    return list(dict.fromkeys(notes))
