"""Load: N concurrent app sessions (Streamlit AppTest, one per thread) looping over
switch layer / select region / search commune for a bounded time.

AppTest runs the real script with the real caches (st.cache_resource is per process, shared by
all sessions, as on a server), so it exercises the same code as browser sessions, without the
browser. AppTest swaps Streamlit's process-wide Runtime for each run, so the runs of different
sessions are serialised by a lock: sessions interleave (20 live session states, shared caches)
rather than execute in parallel. Used by tests/test_load.py (short form); runnable alone:
``python -m bench.load_sessions --sessions 20 --seconds 60``.
"""

import argparse
import os
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.state import FULL_PAGE_KEY

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
LAYERS = ["global", "emploi", "sante", "pauvrete", "axe:social", "logement"]
REGIONS = {"2016": ["32", "75", "11", "94"], "pre2016": ["31", "22", "72", "94"]}
QUERIES = ["Roubaix", "st etienne", "59100", "Qwxzzy", "", "Lyon"]


@dataclass
class LoadResult:
    runs: int = 0
    errors: list = field(default_factory=list)
    seconds: float = 0.0


def rss_mb() -> float:
    """Resident memory of this process, MB (Linux /proc)."""
    with open(f"/proc/{os.getpid()}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


_RUN_LOCK = threading.Lock()


def _run(app: AppTest) -> list[str]:
    with _RUN_LOCK:
        app.run()
    return [repr(e) for e in app.exception]


def session_loop(seed: int, deadline: float, result: LoadResult, lock: threading.Lock) -> None:
    rng = random.Random(seed)
    level = rng.choice(["2016", "pre2016"])
    runs, errors = 0, []
    try:
        app = AppTest.from_file(APP, default_timeout=300)
        app.query_params["level"] = level
        errors += _run(app)  # a session's first run draws the map alone (streamlit_app.py)
        # ... until the map's "drawn" trigger, which AppTest (no JavaScript) cannot send
        app.session_state[FULL_PAGE_KEY] = True
        errors += _run(app)
        runs += 2
        while time.monotonic() < deadline and not errors:
            action = rng.choice(["layer", "region", "search"])
            if action == "layer":
                app.selectbox(key="view_layer").set_value(rng.choice(LAYERS))
            elif action == "region":
                app.session_state["view_region"] = rng.choice(REGIONS[level])
            else:
                app.text_input(key="near_query").set_value(rng.choice(QUERIES))
            errors += _run(app)
            runs += 1
    except Exception as exc:  # a crash of the harness counts as an error too
        errors.append(repr(exc))
    with lock:
        result.runs += runs
        result.errors += errors


def run_load(sessions: int, seconds: float) -> tuple[LoadResult, float, float]:
    """Run the sessions; return the result, RSS before and after (MB)."""
    before = rss_mb()
    result, lock = LoadResult(), threading.Lock()
    start = time.monotonic()
    deadline = start + seconds
    threads = [
        threading.Thread(target=session_loop, args=(i, deadline, result, lock))
        for i in range(sessions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 600)
    result.seconds = time.monotonic() - start
    return result, before, rss_mb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    result, before, after = run_load(args.sessions, args.seconds)
    print(
        f"{args.sessions} sessions, {result.seconds:.0f} s: {result.runs} script runs, "
        f"{len(result.errors)} errors; RSS {before:.0f} -> {after:.0f} MB "
        f"({(after - before) / args.sessions:.1f} MB per session)"
    )
    for error in result.errors[:5]:
        print("error:", error)


if __name__ == "__main__":
    main()
