"""Bad input at every entry point gets a clear message and changes nothing shipped."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.gazetteer import GazetteerQueryError, NoMatchError, load_gazetteer
from tests.helpers import run_app

REPO = Path(__file__).resolve().parents[1]
GAZETTEER = load_gazetteer()


def data_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO / "data").rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_gazetteer_query_answers_or_says_why(query):
    try:
        found = GAZETTEER.search(query)
    except (GazetteerQueryError, NoMatchError) as exc:
        assert str(exc)  # a French sentence, never an empty error
    else:
        assert 1 <= len(found) <= 10


@pytest.mark.parametrize(
    "query", ["", " ", "!!!", "'-'", "x" * 5000, "🙂", "DROP TABLE;", "<script>alert(1)</script>"]
)
def test_gazetteer_edge_queries(query):
    with pytest.raises((GazetteerQueryError, NoMatchError)):
        GAZETTEER.search(query)


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["geo", "find", ""], 1, "Saisissez"),
        (["geo", "find", "!!!"], 1, "ni lettre ni chiffre"),
        (["geo", "near", "Roubaix", "--km", "abc"], 2, ""),
        (["geo", "near", "Roubaix", "--km", "-5"], 2, ""),
        (["geo", "near", "Qwxzzy"], 1, "Aucune commune"),
        (["layers", "index", "--level", "2016"], 2, "one of the arguments"),
        (["layers", "values", "--level", "2016", "--indicator", "x" * 500], 2, "Unknown indicator"),
        (["geo"], 2, "required"),
    ],
)
def test_cli_bad_arguments_exit_with_a_message_and_no_traceback(args, code, message):
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "params",
    [
        {"level": "x" * 10_000},
        {"layer": "../../etc/passwd", "measure": "percu", "survey": "NOPE-1-x"},
        {"measure": "indicateur", "indicator": "<img src=x onerror=alert(1)>"},
        {"region": "'; DROP TABLE", "level": "pre2016"},
        {"scheme": "manual", "breaks": "1;;;abc"},
        {"k": "-1", "scheme": "jenks"},
    ],
)
def test_url_parameters_never_break_the_app_nor_the_data(params):
    before = data_fingerprint()
    at = run_app(**params)
    assert not at.exception
    assert data_fingerprint() == before


def test_no_unsafe_html_with_data_in_it():
    # Only the catalyser legend (fixed SVG swatches and fixed labels) may use raw HTML.
    uses = [
        (path.name, line.strip())
        for path in [*(REPO / "ui").glob("*.py"), REPO / "streamlit_app.py"]
        for line in path.read_text().splitlines()
        if "unsafe_allow_html=True" in line
    ]
    assert [name for name, _ in uses] == ["map_panel.py"]


def test_no_cache_key_is_an_object_id():
    # id() is unique only among live objects: a freed bundle's id can name the next one.
    import ast

    calls = [
        (path.name, node.lineno)
        for path in [
            *(REPO / "ui").glob("*.py"),
            REPO / "streamlit_app.py",
            *(REPO / "layers").rglob("*.py"),
        ]
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "id"
    ]
    assert calls == []
