"""Map payload per level (regions, départements): bytes the browser receives for the map.

Ours: the choropleth FeatureGroup's JavaScript as streamlit-folium sends it (simplified
coverage, 5 decimals, only the needed properties). Naive baseline: full-resolution contours
(the same build without simplification or rounding) drawn with ``GeoDataFrame.explore()``.
Needs the build dependency: ``pip install --no-deps -r requirements-build.txt``.

Run: ``python -m bench.bench_payload``
"""

import folium
import pandas as pd
from streamlit_folium import _get_feature_group_string

from geo.build.shapes import full_resolution_layers
from geo.levels import LAYER_FILES, LEVELS
from geo.shapes import read_layer
from layers.render.choropleth import choropleth_layer, colour_regions
from layers.render.offline import offline


def our_payload(level: str) -> int:
    regions = read_layer(level)
    values = pd.Series(regions["area_km2"].to_numpy(), index=regions["code"])
    coloured, _ = colour_regions(regions, values)
    fmap = offline(folium.Map(location=[46.6, 2.4], zoom_start=6, tiles=None))
    group = choropleth_layer(coloured, "Superficie")
    return len(_get_feature_group_string(group, map=fmap).encode())


def naive_payload(full: dict, level: str) -> int:
    # The build keys its layers like LAYER_FILES ("departements" for the département level).
    key = next(k for k in full if LAYER_FILES[k] == LEVELS[level].layer_file)
    html = full[key].explore(column="area_km2").get_root().render()
    return len(html.encode())


def main() -> None:
    full = full_resolution_layers()
    for level in LEVELS:
        ours, naive = our_payload(level), naive_payload(full, level)
        print(
            f"map payload, level {level:<8} ours {ours / 1000:8.1f} KB | naive "
            f"{naive / 1000:8.1f} KB | ratio x{naive / ours:.1f}  goal: <= 150 KB, >= x10"
        )


if __name__ == "__main__":
    main()
