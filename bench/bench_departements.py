"""The département level: how long its numbers and its app runs take.

Pure computations on a fresh data bundle (cold: every table of the level computed once) and on
a warm one (memoised), the 96 profiles the page sends at the switch (summaries and one
domain's details, after the map's numbers), then Streamlit's AppTest: a switch from the 2016
regions to the 96 départements (first visit, then warm) and a click on a département (its
profile). Medians. The first visit is timed twice, each after emptying Streamlit's caches: at
once after the first page, and once the page has been read long enough for the départements'
profiles to be built in the background (ui/prebuild.py).
Run: ``python -m bench.bench_departements``.
"""

import statistics
import time
from pathlib import Path
from unittest.mock import patch

import streamlit as st
from streamlit.testing.v1 import AppTest

from geo.gazetteer import read_communes
from geo.levels import LEVELS
from geo.shapes import read_layer
from geo.units import unit_counts
from layers.indicators.bundle import load_indicator_data
from layers.indicators.profile import domain_indicators, domain_profile
from layers.measures import layer_values
from layers.render.profile_detail import level_details
from layers.render.profile_summary import level_summaries
from layers.view_state import ViewState
from ui import prebuild
from ui.state import FULL_PAGE_KEY

ROOT = Path(__file__).resolve().parents[1]
LEVEL = "departement"
ROUNDS = 5


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def computations() -> dict[str, float]:
    """Seconds of the level's overall index, cold (new bundle) and warm, and of a profile."""
    cold, warm, profile = [], [], []
    for _ in range(ROUNDS):
        data = load_indicator_data()
        view = ViewState(level=LEVEL, layer="global")
        cold.append(_timed(lambda data=data, view=view: layer_values(data, view)))
        warm.append(_timed(lambda data=data, view=view: layer_values(data, view)))
        profile.append(
            _timed(
                lambda data=data: (
                    domain_profile(data, LEVEL, "59"),
                    domain_indicators(data, LEVEL, "59", "pauvrete"),
                )
            )
        )
    units = read_layer(LEVEL)
    counts = unit_counts(read_layer("departements"), read_communes())[LEVEL]
    codes = units["code"].astype(str)
    pages = []
    for _ in range(ROUNDS):
        data = load_indicator_data()
        layer_values(data, ViewState(level=LEVEL, layer="global"))  # the map, drawn first
        pages.append(
            _timed(
                lambda data=data: (
                    level_summaries(
                        data, units, LEVEL, LEVELS[LEVEL].label, counts, "PHARE-2015-citoyens"
                    ),
                    level_details(data, codes, LEVEL, "emploi", "PHARE-2015-citoyens"),
                )
            )
        )
    return {
        "the 96 profiles (summaries + one domain's details), cold": statistics.median(pages),
        "overall index, 96 départements, cold": statistics.median(cold),
        "overall index, 96 départements, warm": statistics.median(warm),
        "profile of a département (16 domains + 1 domain)": statistics.median(profile),
    }


def app_runs(read_first: bool, prebuilding: bool = True) -> dict[str, float]:
    """Seconds of AppTest runs: level switch 2016 -> départements, and a département's profile.

    Streamlit's caches are emptied first. ``read_first``: the user reads the regions' page
    until the départements' profiles are built in the background (ui/prebuild.py) before
    switching; else the switch comes at once, while they are being built. ``prebuilding=False``:
    nothing is built in the background (the app before ui/prebuild.py).
    """
    if not prebuilding:
        with patch.object(prebuild, "submit", lambda key, build: None):
            runs = app_runs(read_first)
        return {f"{label}, nothing prebuilt": seconds for label, seconds in runs.items()}
    st.cache_resource.clear()
    prebuild.clear()
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    app.session_state[FULL_PAGE_KEY] = True  # as after the map's "drawn" (AppTest runs no JS)
    app.run()
    out = {}
    if read_first:
        out["the départements' profiles built in the background (after the page)"] = _timed(
            prebuild.wait_all
        )
    switches, warm, clicks = [], [], []
    for round_ in range(ROUNDS):
        app.radio(key="view_level").set_value(LEVEL)
        (switches if round_ == 0 else warm).append(_timed(app.run))
        app.session_state["view_region"] = "59" if round_ % 2 else "23"
        clicks.append(_timed(app.run))
        app.radio(key="view_level").set_value("2016")
        app.run()
        if app.exception:
            raise RuntimeError(app.exception)
    if read_first:
        return {**out, "switch to départements, first visit, page read first": switches[0]}
    return {
        "switch to départements, first visit, at once (AppTest)": switches[0],
        "switch to départements, warm (AppTest, median)": statistics.median(warm),
        "profile of a département shown (AppTest, median)": statistics.median(clicks),
    }


def main() -> None:
    figures = {
        **computations(),
        **app_runs(read_first=False, prebuilding=False),
        **app_runs(read_first=False),
        **app_runs(read_first=True),
    }
    for label, seconds in figures.items():
        print(f"{label:<66} {seconds * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
