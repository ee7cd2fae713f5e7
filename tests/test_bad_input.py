"""Bad input at every entry point gets a clear message and changes nothing shipped."""

import hashlib
import re
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
        (["geo", "find", "Roubaix", "--limit", "0"], 2, "--limit: au moins 1"),
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
    # Raw HTML reaches the page through one Streamlit element only: the block below the map
    # (st.html: the layer legend, escaped by layers/render/legend.py, tests/test_legend.py; its
    # caption and the map's description, escaped by ui.map_panel.legend_block_html; the marker
    # key, fixed CSS swatches and labels). The components' HTML (summaries, details, popups)
    # is escaped where it is built (tests/test_profile_summary.py, test_profile_detail.py,
    # test_indicator_table.py, test_catalysers_layer.py).
    uses = [
        (path.name, line.strip())
        for path in [*(REPO / "ui").glob("*.py"), REPO / "streamlit_app.py"]
        for line in path.read_text().splitlines()
        if "unsafe_allow_html=True" in line or "st.html(" in line
    ]
    assert sorted(name for name, _ in uses) == ["map_panel.py"]


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


# --- Markdown from users is never rendered (issue 14, finding 5) -----------------------------

#: Markdown that would fetch a remote image, show a link, or inject HTML if it were rendered.
PAYLOADS = [
    "![x](http://evil.invalid/p.png)",
    "[clic](https://evil.invalid)",
    "<img src=http://evil.invalid/i.png>",
    "www.evil.invalid",
]
_MARKUP = re.compile(r"(?<!\\)(!\[|\]\(|<img|<a\b|https?://|www\.)")


def rendered_markdown(at) -> list[str]:
    """Every text the app sends to a Markdown renderer in this run."""
    kinds = ["markdown", "caption", "info", "warning", "error", "success", "toast"]
    kinds += ["subheader", "header", "title"]
    return [str(element.value) for kind in kinds for element in at.get(kind)]


#: What GitHub-flavoured Markdown links by itself once escapes are resolved (Chromium showed
#: "http\\://host" rendered as a link).
_AUTOLINKED = re.compile(r"https?://|www\.|\w@\w")


def assert_no_user_markup(at) -> None:
    hostile = [text for text in rendered_markdown(at) if "evil" in text]
    assert hostile, "the payload should be shown, escaped"
    for text in hostile:
        assert not _MARKUP.search(text), text
        assert not _AUTOLINKED.search(re.sub(r"\\(.)", r"\1", text)), text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_in_url_parameters_is_shown_as_text(payload):
    at = run_app(layer=payload, survey=payload, scheme="manual", breaks=payload)
    assert not at.exception
    assert_no_user_markup(at)


@pytest.mark.parametrize("payload", PAYLOADS[:2])
def test_markdown_in_the_commune_box_is_shown_as_text(payload):
    at = run_app()
    at.text_input(key="near_query").set_value(payload).run()
    assert not at.exception
    assert_no_user_markup(at)


def test_markdown_in_an_uploaded_file_name_and_survey_is_shown_as_text():
    payload = PAYLOADS[0]
    content = (
        "survey;year;actor;level;region_code;domain;score_10\n"
        f"{payload};2024;citoyens;france;FR;emploi;6\n"
        f"{payload};2024;citoyens;2016;53;emploi;5\n"
        f"{payload};2024;citoyens;2016;53;inconnu;5\n"
    ).encode()
    at = run_app(layer="emploi")
    at.session_state["tab"] = "Importer des données"  # tabs compute only when open
    at.run()
    at.file_uploader(key="upload_file").set_value((f"{payload}.csv", content, "text/csv")).run()
    assert_no_user_markup(at)
    at.button(key="accept_import").click().run()
    at.radio(key="view_measure").set_value("percu").run()
    at.selectbox(key="view_survey").set_value(f"{payload}-2024-citoyens").run()
    assert not at.exception
    assert_no_user_markup(at)


def test_md_escape_leaves_no_markup_and_reads_back_as_the_text():
    from ui.text import md_escape

    for payload in [*PAYLOADS, "a $x$ b", ":red[x]", "# titre\n- liste", "nom@site.fr"]:
        escaped = md_escape(payload)
        assert not _MARKUP.search(escaped)
        shown = re.sub(r"\\(.)", r"\1", escaped)
        assert not _AUTOLINKED.search(shown)
        assert shown.replace("\u2060", "") == " ".join(payload.splitlines())


#: Streamlit calls whose first argument is rendered as Markdown (labels of widgets included).
_SINKS = {"markdown", "caption", "info", "warning", "error", "success", "toast", "write"}
_SINKS |= {"subheader", "header", "title", "expander", "button", "checkbox", "radio"}
#: Calls that make a text safe for Markdown (escaped, or digits and French number punctuation).
_SAFE_CALLS = {"md_escape", "format_number", "format_value", "len", "int"}
#: Arguments checked by hand, per file: built only of escaped parts, or of the code's own words.
_VETTED = {
    ("map_panel.py", "unit"),  # md_escape(values.unit)
    ("map_panel.py", "items"),  # the catalyser legend: fixed SVG, fixed labels
    ("map_panel.py", "note"),  # layers.render.basemap.unavailable_note: the app's file paths
    ("method_panel.py", "localised(method_text(), lang)"),  # docs/method.md, shipped Markdown
    ("data_panel.py", "label"),  # the export labels of the builders dict
    ("import_panel.py", "names"),  # md_escape of each imported file name
    ("catalysers_panel.py", "where"),  # md_escape of the commune and its département
    ("catalysers_panel.py", "filter_caption(summarise_filter(directory, **criteria), lang)"),
    ("catalysers_panel.py", "km"),  # f"{result.radius_km:g}": a number
    # The searched commune's département (i18n texts): names md_escape'd, numbers formatted.
    ("catalysers_panel.py", "abroad"),
    ("catalysers_panel.py", "heading"),
    ("catalysers_panel.py", "worst_line"),
    ("catalysers_panel.py", "opening"),
    ("streamlit_app.py", "banner"),  # import_panel.imported_banner: md_escape of file names
}


def _escaped(node, file: str) -> bool:
    import ast

    if isinstance(node, ast.Constant) or (file, ast.unparse(node)) in _VETTED:
        return True
    if isinstance(node, ast.JoinedStr):
        return all(
            part.format_spec is not None or _escaped(part.value, file)  # {x:g}: a number
            for part in node.values
            if isinstance(part, ast.FormattedValue)
        )
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name == "t":  # i18n.t: the catalogue's own words, filled with what must be escaped
            return all(_escaped(keyword.value, file) for keyword in node.keywords)
        return name in _SAFE_CALLS
    if isinstance(node, ast.BinOp):
        return _escaped(node.left, file) and _escaped(node.right, file)
    if isinstance(node, ast.IfExp):
        return _escaped(node.body, file) and _escaped(node.orelse, file)
    return False


def test_every_markdown_sink_escapes_what_it_formats():
    # A new caption, note or label that formats data or user text without md_escape fails
    # here, before a hostile file shows a link or fetches a remote image (finding 5).
    import ast

    unescaped = [
        f"{path.name}:{node.lineno}: {ast.unparse(node)[:90]}"
        for path in [*(REPO / "ui").glob("*.py"), REPO / "streamlit_app.py"]
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in _SINKS
        and node.args
        and not _escaped(node.args[0], path.name)
    ]
    assert unescaped == []
