"""Script rerun after a layer switch, warm cache, in Streamlit's AppTest: ours vs naive.

Both apps run in this process; each switch is timed around ``AppTest.run()``. "First visit"
is the first time a layer is shown (its numbers are computed), "warm" a later visit.
Run: ``python -m bench.prepare_full_contours`` once, then ``python -m bench.bench_rerun``.
"""

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.common import report

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["emploi", "sante", "pauvrete", "logement", "education"]
ROUNDS = 4


def switch_times(script: Path) -> tuple[list[float], list[float]]:
    app = AppTest.from_file(str(script), default_timeout=300)
    app.run()
    first, warm = [], []
    for round_ in range(ROUNDS):
        for layer in LAYERS:
            app.selectbox(
                key="view_layer" if script.name == "streamlit_app.py" else "layer"
            ).set_value(layer)
            start = time.perf_counter()
            app.run()
            (first if round_ == 0 else warm).append(time.perf_counter() - start)
            if app.exception:
                raise RuntimeError(app.exception)
    return first, warm


def main() -> None:
    ours_first, ours_warm = switch_times(ROOT / "streamlit_app.py")
    naive_first, naive_warm = switch_times(ROOT / "bench" / "naive_app.py")
    report(
        "rerun after layer switch, first visit (median)",
        statistics.median(ours_first),
        statistics.median(naive_first),
    )
    report(
        "rerun after layer switch, warm (median)",
        statistics.median(ours_warm),
        statistics.median(naive_warm),
        goal="<= 150 ms, >= x5",
    )


if __name__ == "__main__":
    main()
