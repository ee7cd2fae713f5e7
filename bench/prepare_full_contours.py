"""Write full-resolution region contours (no simplification, no rounding) for the baselines.

Run: ``python -m bench.prepare_full_contours`` (needs ``requirements-build.txt``); writes
``bench/out/regions_full_<level>.geojson`` (gitignored).
"""

from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"


def full_contour_path(level: str) -> Path:
    return OUT_DIR / f"regions_full_{level}.geojson"


def main() -> None:
    from geo.build.shapes import full_resolution_layers

    layers = full_resolution_layers()
    OUT_DIR.mkdir(exist_ok=True)
    for level in ("2016", "pre2016"):
        layers[level].to_file(full_contour_path(level), driver="GeoJSON")
        print(full_contour_path(level), full_contour_path(level).stat().st_size // 1000, "KB")


if __name__ == "__main__":
    main()
