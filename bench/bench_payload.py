"""Map payload per level (regions, départements): bytes the browser receives for the map.

Ours: the level's contours as the compact GeoJSON file the page fetches once per level
(simplified coverage, 5 decimals, code and name only), plus what a layer switch sends (each
region's colour and value label). Naive baseline: full-resolution contours (the same build
without simplification or rounding) drawn with ``GeoDataFrame.explore()``.
Needs the build dependency: ``pip install --no-deps -r requirements-build.txt``.

Run: ``python -m bench.bench_payload``
"""

import json

import pandas as pd

from geo.build.shapes import full_resolution_layers
from geo.levels import LAYER_FILES, LEVELS
from geo.shapes import read_layer
from layers.render.choropleth import colour_regions, region_geometry, region_styles


def compact(payload: object) -> int:
    return len(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())


def our_payload(level: str) -> tuple[int, int]:
    """(contours once per level, styles per layer switch) in bytes."""
    regions = read_layer(level)
    values = pd.Series(regions["area_km2"].to_numpy(), index=regions["code"])
    coloured, _ = colour_regions(regions, values)
    return compact(region_geometry(regions)), compact(region_styles(coloured))


def naive_payload(full: dict, level: str) -> int:
    # The build keys its layers like LAYER_FILES ("departements" for the département level).
    key = next(k for k in full if LAYER_FILES[k] == LEVELS[level].layer_file)
    html = full[key].explore(column="area_km2").get_root().render()
    return len(html.encode())


def main() -> None:
    full = full_resolution_layers()
    for level in LEVELS:
        (geometry, styles), naive = our_payload(level), naive_payload(full, level)
        ours = geometry + styles
        print(
            f"map payload, level {level:<8} ours {ours / 1000:8.1f} KB (contours "
            f"{geometry / 1000:.1f} KB once, then {styles / 1000:.2f} KB per layer) | naive "
            f"{naive / 1000:8.1f} KB | ratio x{naive / ours:.1f}  goal: <= 150 KB, >= x10"
        )


if __name__ == "__main__":
    main()
