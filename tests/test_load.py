"""Short load test: 20 interleaved app sessions loop for a few seconds (see bench/load_sessions)."""

import pytest
import streamlit as st

import layers.indicators.bundle
import ui.sources
from bench.load_sessions import run_load

pytestmark = pytest.mark.slow


def test_20_sessions_run_without_error_and_share_the_cached_data(monkeypatch):
    calls = []
    original = layers.indicators.bundle.load_indicator_data

    def counting_loader(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    st.cache_resource.clear()
    # Where the app looks it up: ui/sources.py's cached loader (imported once per process).
    monkeypatch.setattr(ui.sources, "load_indicator_data", counting_loader)
    result, before_mb, after_mb = run_load(sessions=20, seconds=12)
    assert result.errors == []
    assert result.runs >= 20
    assert len(calls) == 1, "each session reloaded the indicator tables"
    assert (after_mb - before_mb) / 20 < 60, f"{after_mb - before_mb:.0f} MB for 20 sessions"
