"""Which package may import which: the layout's rules, checked on the imports the code writes.

Every ``import`` and ``from ... import`` of every module (function-level ones included) is read
with :mod:`ast`; nothing is imported. The rules are those of ``layers/__init__.py``,
``geo/__init__.py`` and ``i18n/__init__.py``. Each rule is also run on a made-up import that
breaks it, so a rule that can no longer fail is noticed.
"""

import ast
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("geo", "i18n", "layers", "ui", "bench", "tests")
#: Top-level names of the project's own code (what i18n must not import).
PROJECT = ("geo", "layers", "ui", "bench", "tests", "streamlit_app")
BUILD = ("geo.build", "layers.build")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Modules named by the imports of ``path`` (``from a import b`` names ``a`` and ``a.b``)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def project_imports() -> dict[str, set[str]]:
    paths = [ROOT / "streamlit_app.py"]
    for package in PACKAGES:
        paths += sorted((ROOT / package).rglob("*.py"))
    return {module_name(path): imports_of(path) for path in paths}


def within(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def top(name: str) -> str:
    return name.split(".")[0]


# --- the rules: each returns "importer -> imported" for every import that breaks it ----------

Imports = dict[str, set[str]]


def geo_imports_no_layers_ui_or_streamlit(imports: Imports) -> list[str]:
    return [
        f"{m} -> {n}"
        for m, names in imports.items()
        if within(m, "geo")
        for n in names
        if within(n, "layers", "ui", "streamlit", "streamlit_folium")
    ]


def layers_imports_no_ui_or_streamlit(imports: Imports) -> list[str]:
    return [
        f"{m} -> {n}"
        for m, names in imports.items()
        if within(m, "layers")
        for n in names
        if within(n, "ui", "streamlit", "streamlit_folium", "streamlit_app")
    ]


def i18n_imports_only_the_standard_library(imports: Imports) -> list[str]:
    """The strings can be read from anywhere (geo, layers, ui) because they import nothing."""
    allowed = set(sys.stdlib_module_names) | {"__future__"}
    return [
        f"{m} -> {n}"
        for m, names in imports.items()
        if within(m, "i18n")
        for n in names
        if not within(n, "i18n") and (top(n) not in allowed or within(n, *PROJECT))
    ]


def indicators_import_only_pandas_numpy_stdlib_and_geo(imports: Imports) -> list[str]:
    allowed = {"pandas", "numpy", "geo", "i18n", "__future__"} | set(sys.stdlib_module_names)
    return [
        f"{m} -> {n}"
        for m, names in imports.items()
        if within(m, "layers.indicators")
        for n in names
        if top(n) not in allowed and not within(n, "layers.indicators")
    ]


def render_and_upload_stay_apart(imports: Imports) -> list[str]:
    """The drawing and the reading of user files share only the French CSV dialect."""
    return [
        f"{m} -> {n}"
        for m, names in imports.items()
        for n in names
        if (
            within(m, "layers.render")
            and within(n, "layers.upload")
            and not within(n, "layers.upload.dialect")
        )
        or (within(m, "layers.upload") and within(n, "layers.render"))
    ]


def nothing_at_run_time_imports_build_code(imports: Imports) -> list[str]:
    return [
        f"{m} -> {n}"
        for m, names in imports.items()
        if not within(m, *BUILD, "bench", "tests")
        for n in names
        if within(n, *BUILD)
    ]


def bench_imports_no_tests_and_tests_import_no_test_module(imports: Imports) -> list[str]:
    """Shared test code lives in tests/helpers.py or conftest.py, never in a test module."""
    return [
        f"{m} -> {n}"
        for m, names in imports.items()
        for n in names
        if (within(m, "bench") and within(n, "tests"))
        or (within(m, "tests") and _is_test_module(n))
    ]


def _is_test_module(name: str) -> bool:
    parts = name.split(".")
    return parts[0] == "tests" and len(parts) > 1 and parts[1].startswith("test_")


RULES: dict[str, Callable[[Imports], list[str]]] = {
    rule.__name__: rule
    for rule in (
        geo_imports_no_layers_ui_or_streamlit,
        i18n_imports_only_the_standard_library,
        layers_imports_no_ui_or_streamlit,
        indicators_import_only_pandas_numpy_stdlib_and_geo,
        render_and_upload_stay_apart,
        nothing_at_run_time_imports_build_code,
        bench_imports_no_tests_and_tests_import_no_test_module,
    )
}

#: One import breaking each rule (importer, imported): the rule must report it.
BREAKS = {
    "geo_imports_no_layers_ui_or_streamlit": ("geo.names", "streamlit"),
    "i18n_imports_only_the_standard_library": ("i18n.catalogue", "geo.levels"),
    "layers_imports_no_ui_or_streamlit": ("layers.measures", "ui.state"),
    "indicators_import_only_pandas_numpy_stdlib_and_geo": ("layers.indicators.indices", "folium"),
    "render_and_upload_stay_apart": ("layers.upload.templates", "layers.render.formatting"),
    "nothing_at_run_time_imports_build_code": ("ui.method_panel", "layers.build.method_page"),
    "bench_imports_no_tests_and_tests_import_no_test_module": (
        "tests.test_e2e_import",
        "tests.test_e2e_atlas",
    ),
}


@pytest.fixture(scope="module")
def imports() -> Imports:
    return project_imports()


def test_the_walk_sees_the_packages(imports):
    assert {
        "streamlit_app",
        "geo.levels",
        "i18n",
        "layers.upload.read",
        "ui.state",
        "tests.helpers",
    } <= (imports.keys())
    assert "layers.upload.read" in imports["ui.import_panel"]


@pytest.mark.parametrize("rule", list(RULES))
def test_the_code_follows_the_rule(imports, rule):
    assert RULES[rule](imports) == []


@pytest.mark.parametrize("rule", list(RULES))
def test_the_rule_reports_an_import_that_breaks_it(imports, rule):
    importer, imported = BREAKS[rule]
    broken = {**imports, importer: imports.get(importer, set()) | {imported}}
    assert RULES[rule](broken) == [f"{importer} -> {imported}"]


def test_allowed_imports_are_not_reported():
    allowed = {
        "layers.render.exports": {"layers.upload.dialect", "layers.indicators.bundle", "i18n"},
        "layers.indicators.profile": {"i18n", "i18n.t", "geo.levels"},
        "geo.levels": {"i18n", "i18n.t"},
        "i18n": {"i18n.catalogue", "string", "collections.abc"},
        "layers.upload.cells": {"geo.names", "layers.indicators.bundle", "pandas", "difflib"},
        "layers.build.indicators": {"layers.upload.formats", "layers.build.method_page"},
        "tests.test_units": {"tests.helpers", "geo.build.coverage", "bench.browser"},
        "bench.bench_payload": {"geo.build.shapes"},
    }
    assert {rule: RULES[rule](allowed) for rule in RULES} == {rule: [] for rule in RULES}
