"""Colour-vision deficiency check of every palette the atlas draws: are adjacent classes still
told apart by a reader with protanopia, deuteranopia or tritanopia?

Each palette is taken from where the app defines it — the choropleth classes from
:func:`layers.render.classify.classify` (sequential YlOrRd for every class count; diverging RdBu
for every shipped index, perception and gap layer, at both levels, for every scheme and class
count, since its class colours follow the data), the no-data grey, the catalyser markers
(:mod:`layers.render.markers`) and the profile's domain bars (read from static/atlas/atlas.css,
the summary's stylesheet). Each colour is simulated with the Machado, Oliveira
& Fernandes (2009) matrices at full severity (dichromacy), applied in linear RGB, and the
difference between colours is CIEDE2000 (ΔE00) in CIELAB (D65).

A choropleth's classes are ordered: what matters is each pair of adjacent classes (and the
no-data grey against every class); categorical colours (markers, chart) are checked pair by
pair. Usage: ``python -m bench.cvd_palettes`` prints the minimum ΔE00 per palette family and
vision (docs/method.md, "Couleurs et daltonisme").
"""

import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from bench.browser import REPO_DIR

#: Machado et al. 2009, Table 1, severity 1.0: linear-RGB matrices simulating dichromacy.
MACHADO_2009 = {
    "protanopie": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deutéranopie": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopie": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}
VISIONS = ("normale", *MACHADO_2009)
#: ΔE00 below which two neighbouring classes are at risk of being read as one. About 2.3 is a
#: just noticeable difference side by side; map colours are compared across the map and with
#: the legend, so we ask for twice that and a margin (tests/test_cvd_palettes.py uses it).
MIN_DELTA_E00 = 5.0
#: Class counts a user can choose (layers.view_state: 2 to MAX_CLASSES).
CLASS_COUNTS = range(2, 8)
_XYZ_FROM_LINEAR = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_D65 = np.array([0.95047, 1.0, 1.08883])


def hex_to_rgb(colours: list[str]) -> np.ndarray:
    """``["#rrggbb", ...]`` -> array (n, 3) of sRGB in [0, 1]."""
    return np.array([[int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)] for c in colours])


def _linear(srgb: np.ndarray) -> np.ndarray:
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _gamma(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0, 1)
    return np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)


def simulate(srgb: np.ndarray, vision: str) -> np.ndarray:
    """sRGB colours as seen with ``vision`` ("normale" returns them unchanged)."""
    if vision == "normale":
        return srgb
    return _gamma(_linear(srgb) @ MACHADO_2009[vision].T)


def srgb_to_lab(srgb: np.ndarray) -> np.ndarray:
    """sRGB in [0, 1] -> CIELAB (D65)."""
    xyz = (_linear(srgb) @ _XYZ_FROM_LINEAR.T) / _D65
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack(
        [116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1
    )


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    """CIEDE2000 colour difference of paired rows of two (n, 3) CIELAB arrays (Sharma 2005)."""
    L1, a1, b1 = lab1.T
    L2, a2, b2 = lab2.T
    c_bar = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_bar**7 / (c_bar**7 + 25.0**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    dLp, dCp = L2 - L1, c2p - c1p
    dh = h2p - h1p
    dh = np.where(
        c1p * c2p == 0, 0, np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    )
    dHp = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    Lp_bar, Cp_bar = (L1 + L2) / 2, (c1p + c2p) / 2
    h_sum = h1p + h2p
    hp_bar = np.where(
        c1p * c2p == 0,
        h_sum,
        np.where(
            np.abs(h1p - h2p) <= 180,
            h_sum / 2,
            np.where(h_sum < 360, (h_sum + 360) / 2, (h_sum - 360) / 2),
        ),
    )
    t = (
        1
        - 0.17 * np.cos(np.radians(hp_bar - 30))
        + 0.24 * np.cos(np.radians(2 * hp_bar))
        + 0.32 * np.cos(np.radians(3 * hp_bar + 6))
        - 0.20 * np.cos(np.radians(4 * hp_bar - 63))
    )
    s_l = 1 + 0.015 * (Lp_bar - 50) ** 2 / np.sqrt(20 + (Lp_bar - 50) ** 2)
    s_c = 1 + 0.045 * Cp_bar
    s_h = 1 + 0.015 * Cp_bar * t
    r_t = (
        -2
        * np.sqrt(Cp_bar**7 / (Cp_bar**7 + 25.0**7))
        * np.sin(np.radians(60 * np.exp(-(((hp_bar - 275) / 25) ** 2))))
    )
    return np.sqrt(
        (dLp / s_l) ** 2 + (dCp / s_c) ** 2 + (dHp / s_h) ** 2 + r_t * (dCp / s_c) * (dHp / s_h)
    )


@dataclass(frozen=True)
class Palette:
    """Colours drawn together; ``ordered``: classes of a choropleth (adjacent pairs matter)."""

    family: str
    name: str
    colours: tuple[str, ...]
    ordered: bool = True


def pairs(palette: Palette) -> list[tuple[int, int]]:
    """Index pairs to compare: adjacent classes (plus the no-data grey, last, against every
    class) for a choropleth; every pair for categorical colours."""
    n = len(palette.colours)
    if not palette.ordered:
        return list(itertools.combinations(range(n), 2))
    return [(i, i + 1) for i in range(n - 2)] + [(i, n - 1) for i in range(n - 1)]


def min_delta(palette: Palette, vision: str) -> tuple[float, tuple[str, str]]:
    """Smallest ΔE00 among :func:`pairs` of ``palette`` seen with ``vision``, and that pair."""
    lab = srgb_to_lab(simulate(hex_to_rgb(list(palette.colours)), vision))
    index = np.array(pairs(palette))
    deltas = ciede2000(lab[index[:, 0]], lab[index[:, 1]])
    worst = int(np.argmin(deltas))
    i, j = index[worst]
    return float(deltas[worst]), (palette.colours[i], palette.colours[j])


# --- the palettes, from where the app defines them ------------------------------------------------


def sequential_palettes() -> Iterator[Palette]:
    """YlOrRd classes for every class count (their colours do not depend on the data)."""
    from layers.render.classify import NO_DATA_COLOUR, _colours

    for k in CLASS_COUNTS:
        bounds = list(range(k))
        yield Palette(
            "carte séquentielle", f"k={k}", (*_colours(bounds, bounds, None, False), NO_DATA_COLOUR)
        )


def diverging_palettes() -> Iterator[Palette]:
    """RdBu classes of every shipped index, perception and gap layer, both levels, every
    scheme and class count: the class colours depend on the class bounds."""
    from geo.levels import LEVELS
    from layers.indicators.bundle import load_indicator_data
    from layers.measures import layer_options, layer_values
    from layers.render.classify import NO_DATA_COLOUR, SCHEMES, classify
    from layers.view_state import ViewState

    data = load_indicator_data()
    for level, layer, measure in itertools.product(
        LEVELS, layer_options(data), ("objectif", "percu", "ecart")
    ):
        values = layer_values(data, ViewState(level=level, layer=layer, measure=measure))
        if values.values.notna().sum() < 2:
            continue
        for scheme, k in itertools.product(SCHEMES, CLASS_COUNTS):
            result = classify(values.values, scheme, k, diverging_centre=values.diverging_centre)
            if result.k >= 2:
                name = f"{level} {layer} {measure} {scheme} k={result.k}"
                yield Palette("carte divergente", name, (*result.colours, NO_DATA_COLOUR))


def marker_palette() -> Palette:
    from layers.render.markers import CONFIDENCE_COLOURS, FAMILY_COLOUR

    return Palette("marqueurs", "catalyseurs", (*CONFIDENCE_COLOURS.values(), FAMILY_COLOUR), False)


def chart_palette() -> Palette:
    """The colours of the profile's domain bars (above 100: more fragile; below: less), read
    from the summary's stylesheet (static/atlas/atlas.css, rules ``.atlas-summary .more`` and
    ``.less``), so that nothing needs to be imported or run."""
    css = (REPO_DIR / "static" / "atlas" / "atlas.css").read_text(encoding="utf-8")
    colours = [
        re.search(rf"\.atlas-summary \.{kind}\s*\{{\s*background:\s*(#[0-9a-fA-F]{{6}})", css)
        for kind in ("more", "less")
    ]
    if not all(colours):
        raise LookupError("No bar colours found in static/atlas/atlas.css")
    return Palette("graphique du profil", "domaines", tuple(m.group(1) for m in colours), False)


def all_palettes(with_data: bool = True) -> list[Palette]:
    """Every palette; ``with_data=False`` skips the diverging ones (which need the data)."""
    palettes = [*sequential_palettes(), marker_palette(), chart_palette()]
    return palettes + (list(diverging_palettes()) if with_data else [])


def worst_by_family(palettes: list[Palette]) -> dict[tuple[str, str], tuple[float, Palette, tuple]]:
    """(family, vision) -> (min ΔE00, palette, colour pair) over the family's palettes."""
    worst: dict[tuple[str, str], tuple[float, Palette, tuple]] = {}
    for palette, vision in itertools.product(palettes, VISIONS):
        delta, pair = min_delta(palette, vision)
        key = (palette.family, vision)
        if key not in worst or delta < worst[key][0]:
            worst[key] = (delta, palette, pair)
    return worst


def main() -> int:
    palettes = all_palettes()
    worst = worst_by_family(palettes)
    print(f"{len(palettes)} palettes ; ΔE00 minimal entre classes voisines (seuil {MIN_DELTA_E00})")
    print(f"{'famille':22} {'vision':13} {'ΔE00 min':>8}  palette / couleurs")
    for (family, vision), (delta, palette, pair) in sorted(worst.items()):
        print(f"{family:22} {vision:13} {delta:8.1f}  {palette.name} {pair[0]}/{pair[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
