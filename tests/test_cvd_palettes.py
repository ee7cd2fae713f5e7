"""Colour-vision deficiency: the palettes keep neighbouring classes apart (ΔE00 at least
MIN_DELTA_E00) in normal vision and simulated protanopia, deuteranopia and tritanopia."""

import numpy as np
import pandas as pd
import pytest

from bench.cvd_palettes import (
    MACHADO_2009,
    MIN_DELTA_E00,
    VISIONS,
    Palette,
    all_palettes,
    chart_palette,
    ciede2000,
    diverging_palettes,
    hex_to_rgb,
    marker_palette,
    min_delta,
    pairs,
    sequential_palettes,
    simulate,
    srgb_to_lab,
)
from layers.render.classify import DIVERGING_STEP, _spread, classify


def delta(a: str, b: str, vision: str = "normale") -> float:
    lab = srgb_to_lab(simulate(hex_to_rgb([a, b]), vision))
    return float(ciede2000(lab[:1], lab[1:])[0])


# --- the measuring instruments --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu & Dalal (2005), test data pairs 1, 7, 17 and 25
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(np.array([lab1]), np.array([lab2]))[0] == pytest.approx(expected, abs=1e-4)


def test_lab_of_white_and_a_known_red():
    lab = srgb_to_lab(hex_to_rgb(["#ffffff", "#ff0000"]))
    assert lab[0] == pytest.approx([100, 0, 0], abs=0.01)
    assert lab[1] == pytest.approx([53.24, 80.09, 67.20], abs=0.05)


def test_simulations_keep_greys_and_confuse_what_they_should():
    for matrix in MACHADO_2009.values():
        assert matrix.sum(axis=1) == pytest.approx([1, 1, 1], abs=2e-3)
    # Red and green: far apart for most readers, close for protans and deutans.
    assert delta("#d62728", "#2ca02c") > 60
    assert delta("#d62728", "#2ca02c", "deutéranopie") < 25
    assert delta("#d62728", "#2ca02c", "protanopie") < 25
    # Blue and green: what tritans confuse.
    assert delta("#1f77b4", "#2ca02c", "tritanopie") < delta("#1f77b4", "#2ca02c")


def test_pairs_of_ordered_and_categorical_palettes():
    assert pairs(Palette("f", "p", ("a", "b", "c", "grey"))) == [
        (0, 1),
        (1, 2),
        (0, 3),
        (1, 3),
        (2, 3),
    ]
    assert len(pairs(Palette("f", "p", ("a", "b", "c", "d"), ordered=False))) == 6


def test_a_palette_with_twin_colours_is_caught():
    twins = Palette("f", "p", ("#4f9bc7", "#4f9bc7", "#bdbdbd"))
    assert min_delta(twins, "normale")[0] == 0


# --- the atlas's palettes -----------------------------------------------------------------------


@pytest.mark.parametrize("vision", VISIONS)
def test_fixed_palettes_keep_classes_apart(vision):
    for palette in [*sequential_palettes(), marker_palette(), chart_palette()]:
        value, pair = min_delta(palette, vision)
        assert value >= MIN_DELTA_E00, (palette.name, vision, pair, round(value, 2))


@pytest.mark.parametrize("vision", VISIONS)
def test_near_equal_diverging_classes_get_distinct_colours(vision):
    # An index capped at 50 (two ties) cut into 7 Jenks classes: 50-50 and 50-51 used to get
    # the same blue.
    values = pd.Series([50, 50, 51.2, 57, 66.7, 108.8, 146.6, 200, 200, 200, 200, 200, 200.0])
    result = classify(values, "jenks", 7, diverging_centre=100.0)
    palette = Palette("carte divergente", "plafonné", (*result.colours, "#bdbdbd"))
    assert min_delta(palette, vision)[0] >= MIN_DELTA_E00


def test_spread_keeps_proportions_when_there_is_room_and_evens_out_otherwise():
    assert _spread(np.array([0.12, 0.3, 0.45])) == pytest.approx([0.12, 0.3, 0.45])
    spread = _spread(np.array([0.12, 0.121, 0.4]))
    assert spread == pytest.approx([0.12, 0.12 + DIVERGING_STEP, 0.4])
    crowded = _spread(np.array([0.12, 0.12, 0.12, 0.12, 0.12, 0.12]))
    assert crowded == pytest.approx(np.linspace(0.12, 0.45, 6))
    assert len(_spread(np.array([]))) == 0


@pytest.mark.slow
def test_every_shipped_diverging_layer_keeps_classes_apart():
    palettes = list(diverging_palettes())
    assert len(palettes) > 500  # both levels, every index/perception/gap layer, scheme and k
    for vision in VISIONS:
        worst = min(palettes, key=lambda p: min_delta(p, vision)[0])
        assert min_delta(worst, vision)[0] >= MIN_DELTA_E00, (worst.name, vision)
    assert len(all_palettes(with_data=False)) == 8
