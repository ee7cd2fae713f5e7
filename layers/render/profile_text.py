"""The region profile's indicator table in words: the France column and the reading notes.

:func:`~layers.indicators.profile.domain_indicators` computes the rows (pure data); this module
writes what the panel and the printable page show with them: the France value at the source's
precision with what kind of value it is, and one French sentence per "≈", "autre source" and
caveat.
"""

import pandas as pd

from layers.render.formatting import APPROXIMATE_MARK, format_value


def france_text(row: pd.Series) -> str:
    """The France column of a :func:`~layers.indicators.profile.domain_indicators` row: the
    value at the source's precision ("≈" when approximate), and what kind of value it is."""
    text = format_value(row["france"], row.get("decimals"), bool(row.get("france_approximate")))
    if row.get("france_reference") == "France entière":
        text += " (France entière)"
    if row.get("france_other_source"):
        text += " (autre source)"
    return text


def reading_notes(table: pd.DataFrame) -> list[str]:
    """French sentences that go with a :func:`~layers.indicators.profile.domain_indicators`
    table: what ≈ and "autre source" mean for the rows that carry them, and each row's caveat
    (one sentence each)."""
    notes = []
    for row in table.itertuples():
        if row.approximate:
            notes.append(
                f"{APPROXIMATE_MARK} {row.label} : valeur calculée à partir des anciennes régions "
                f"avec un poids approché ({row.weight_note})."
            )
        elif row.france_approximate:
            notes.append(
                f"{APPROXIMATE_MARK} {row.label} : référence France calculée avec un poids "
                f"approché ({row.weight_note})."
            )
        if row.france_other_source:
            notes.append(
                f"{row.label} : la référence France vient d'une autre enquête que les valeurs "
                "régionales (ERFS et non Filosofi) ; ordre de grandeur seulement."
            )
        if row.caveat:
            notes.append(f"Attention, {row.label} : {row.caveat}.")
    return list(dict.fromkeys(notes))
