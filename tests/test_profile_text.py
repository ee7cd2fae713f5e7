"""The region profile's France column and reading notes, and the "≈" of approximate values."""

import numpy as np
import pandas as pd

from layers.render.formatting import format_value
from layers.render.profile_text import france_text, reading_notes


def test_profile_rows_say_how_to_read_them():
    row = pd.Series(
        {
            "france": 22.8123,
            "decimals": 1,
            "france_approximate": True,
            "france_reference": "France métropolitaine",
            "france_other_source": False,
        }
    )
    assert france_text(row) == "≈ 22,8"
    other = pd.Series({**row.to_dict(), "france_approximate": False, "france_other_source": True})
    assert france_text(other) == "22,8 (autre source)"
    table = pd.DataFrame(
        {
            "label": ["AAH", "Voitures"],
            "approximate": [True, False],
            "france_approximate": [False, False],
            "france_other_source": [False, False],
            "weight_note": ["population totale", ""],
            "caveat": ["", "rupture de série"],
        }
    )
    notes = reading_notes(table)
    assert notes[0].startswith("≈ AAH : valeur calculée") and "population totale" in notes[0]
    assert notes[1] == "Attention, Voitures : rupture de série."


def test_format_value_marks_approximations_but_not_missing_values():
    assert format_value(11.402374557557309, 1) == "11,4"
    assert format_value(2.5, None, approximate=True) == "≈ 2,5"
    assert format_value(np.nan, 1, approximate=True) == "pas de donnée"
