"""Helpers shared by the benchmark scripts: medians, ratios, one printed line per figure."""

import statistics
import time
from collections.abc import Callable


def median_seconds(func: Callable[[], object], repeat: int = 20, warmup: int = 1) -> float:
    """Median wall time of ``func()`` over ``repeat`` runs, after ``warmup`` runs."""
    for _ in range(warmup):
        func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(label: str, ours: float, baseline: float, unit: str = "ms", goal: str = "") -> None:
    """Print ``label: ours | baseline | ratio`` (ratio = baseline / ours, bigger is better)."""
    scale = 1000 if unit == "ms" else 1
    ratio = baseline / ours if ours else float("inf")
    goal_text = f"  goal: {goal}" if goal else ""
    print(
        f"{label:<46} ours {ours * scale:10.2f} {unit} | naive {baseline * scale:10.2f} {unit}"
        f" | ratio x{ratio:.1f}{goal_text}"
    )
