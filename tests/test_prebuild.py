"""Builds started ahead of need (ui/prebuild.py), and the first switch to the départements
finding its profiles built (ui/sources.py ``prebuild_levels``)."""

import threading
import uuid

import streamlit as st

from geo.gazetteer import read_communes
from geo.levels import LEVELS
from geo.shapes import read_layer
from geo.units import unit_counts
from layers.indicators.bundle import load_indicator_data
from layers.render.profile_detail import level_details
from layers.render.profile_summary import level_summaries
from tests.helpers import component_data, run_app
from ui import prebuild


def key() -> tuple:
    """A key no other test uses (the jobs are process-wide)."""
    return ("test", uuid.uuid4().hex)


def test_a_key_without_a_job_is_built_by_the_caller():
    assert prebuild.take(key(), lambda: 42) == 42


def test_a_submitted_job_runs_in_the_background_and_is_taken_once():
    k = key()
    started, release = threading.Event(), threading.Event()
    threads = []

    def build() -> str:
        threads.append(threading.current_thread().name)
        started.set()
        release.wait(10)
        return "built in the background"

    prebuild.submit(k, build)
    assert started.wait(10)
    assert k in prebuild.pending()
    release.set()
    # The caller waits for the running job instead of building a second time.
    assert prebuild.take(k, lambda: "built again") == "built in the background"
    assert threads[0].startswith("atlas-prebuild")
    assert k not in prebuild.pending()
    # Taken: its result lives in the caller's cache, so no job starts for it again.
    prebuild.submit(k, build)
    assert k not in prebuild.pending()
    assert len(threads) == 1


def test_a_second_submit_of_a_pending_key_starts_nothing():
    k = key()
    calls = []
    prebuild.submit(k, lambda: calls.append(1) or "first")
    prebuild.submit(k, lambda: calls.append(2) or "second")
    prebuild.wait_all(timeout_s=10)
    assert prebuild.take(k, lambda: "here") == "first"
    assert calls == [1]


def test_a_job_not_started_yet_is_built_by_the_caller_not_waited_for():
    busy, queued = key(), key()
    release = threading.Event()
    ran = []
    prebuild.submit(busy, lambda: release.wait(10))  # the one worker is busy
    prebuild.submit(queued, lambda: ran.append("background") or "background")
    try:
        assert prebuild.take(queued, lambda: "here") == "here"
    finally:
        release.set()
    prebuild.wait_all(timeout_s=10)
    assert ran == []
    prebuild.take(busy, lambda: None)


def test_a_key_is_wanted_until_submitted_or_taken():
    submitted, taken = key(), key()
    assert prebuild.wanted(submitted) and prebuild.wanted(taken)
    prebuild.submit(submitted, lambda: 1)
    prebuild.take(taken, lambda: 2)
    assert not prebuild.wanted(submitted) and not prebuild.wanted(taken)
    prebuild.take(submitted, lambda: None)


def test_a_failed_job_is_built_again_by_the_caller():
    k = key()

    def broken() -> str:
        raise RuntimeError("disk full")

    prebuild.submit(k, broken)
    prebuild.wait_all(timeout_s=10)
    assert prebuild.take(k, lambda: "built here") == "built here"


def test_the_departements_profiles_are_built_while_the_user_reads_the_regions():
    """A full page at the regions starts the départements' summaries and the details of the
    layer's domain; the switch takes them, and they are what a build on demand gives."""
    st.cache_resource.clear()
    prebuild.clear()
    at = run_app(lang="en", layer="sante")
    keys = prebuild.pending()
    summaries_key = next(k for k in keys if k[:2] == ("summaries", "departement"))
    details_key = next(k for k in keys if k[:3] == ("details", "departement", "sante"))
    assert summaries_key[-2:] == ("shipped", "en")
    prebuild.wait_all(timeout_s=120)
    at.radio(key="view_level").set_value("departement").run()
    assert summaries_key not in prebuild.pending() and details_key not in prebuild.pending()

    survey = summaries_key[2]
    data, departements = load_indicator_data(), read_layer("departements")
    codes = departements["code"].astype(str)
    counts = unit_counts(departements, read_communes())["departement"]
    label = LEVELS["departement"].label_in("en")
    summaries = level_summaries(data, departements, "departement", label, counts, survey, "en")
    assert component_data(at, "atlas_summary")["summaries"] == summaries
    details = level_details(data, codes, "departement", "sante", survey, "en")
    assert component_data(at, "atlas_detail")["details"] == details
