"""Cold start: a fresh Python process importing the app's modules and loading its data.

Prints the time of each step, and the five functions that dominate (cProfile, cumulative).
Run: ``python -m bench.bench_cold_start``.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import cProfile, io, pstats, time
steps = {}
t0 = time.perf_counter()
import geopandas, streamlit  # noqa
steps["import libraries"] = time.perf_counter() - t0
t = time.perf_counter()
from geo.catalysers import load_catalysers
from geo.gazetteer import load_gazetteer
from geo.shapes import read_layer
from layers.indicators.bundle import load_indicator_data
from layers.measures import layer_values
from layers.view_state import ViewState
steps["import atlas modules"] = time.perf_counter() - t
profiler = cProfile.Profile()
profiler.enable()
for label, load in [
    ("contours (3 levels)", lambda: [read_layer(l) for l in ("2016", "pre2016", "departements")]),
    ("indicator tables", load_indicator_data),
    ("gazetteer (index of all communes)", load_gazetteer),
    ("catalyser directory", load_catalysers),
]:
    t = time.perf_counter(); result = load(); steps[label] = time.perf_counter() - t
    if label == "indicator tables":
        data = result
t = time.perf_counter()
layer_values(data, ViewState())
steps["first layer (overall index)"] = time.perf_counter() - t
profiler.disable()
steps["total"] = time.perf_counter() - t0
for label, seconds in steps.items():
    print(f"{label:<36} {seconds:6.2f} s")
out = io.StringIO()
pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(6)
print("top functions by own time:")
print("\n".join(l for l in out.getvalue().splitlines() if "{" in l or ".py" in l)[:2000])
"""


def main() -> None:
    subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
