"""The generated parts of docs/method.md: tables and lists written from the data bundle.

:func:`render_method_sections` gives the Markdown of each marked section and
:func:`update_method_page` puts it between the ``<!-- BEGIN name -->`` / ``<!-- END name -->``
markers; ``python -m layers.build.indicators`` calls both, so the page never drifts from the data.
"""

import re
from pathlib import Path

import pandas as pd

from geo.levels import LEVELS
from layers.indicators.bundle import IndicatorData
from layers.indicators.consolidate import france_reference
from layers.indicators.coverage import coverage_table

METHOD_PAGE = Path(__file__).resolve().parents[2] / "docs" / "method.md"


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:(") + "…"


AGGREGATION_FR = {
    "sum": "somme",
    "weighted_mean": "moyenne pondérée",
    "ratio": "rapport de sommes",
    "none": "non consolidable (valeur 2016 publiée)",
}
DIRECTION_FR = {1: "+1", -1: "−1", 0: "0"}


def _consolidation_fr(row: pd.Series) -> str:
    text = AGGREGATION_FR.get(row["aggregation"], row["aggregation"])
    if row["aggregation"] == "weighted_mean":
        return f"{text} (poids `{row['weight_indicator']}`)"
    if row["aggregation"] == "ratio":
        scale = f"{row['scale']} × " if str(row["scale"]) not in ("", "1", "nan") else ""
        return f"{text} ({scale}`{row['numerator']}` / `{row['denominator']}`)"
    return text


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "/").replace("\n", " ")


def render_core_table(data: IndicatorData) -> str:
    """Markdown table of the core indicators, in domain order."""
    order = dict(zip(data.domains["domain"], data.domains["order"], strict=True))
    labels = dict(zip(data.domains["domain"], data.domains["label_fr"], strict=True))
    core = data.catalogue[data.catalogue["core"]].copy()
    core = core.assign(order=core["domain"].map(order)).sort_values(["order", "indicator_id"])
    lines = [
        "| domaine | indicateur | unité | année | sens | consolidation | source |",
        "|---|---|---|---|---|---|---|",
    ]
    for _, row in core.iterrows():
        source = _cell(shorten(row["source"], 90))
        lines.append(
            f"| {labels[row['domain']]} | {_cell(row['label_fr'])} (`{row['indicator_id']}`) | "
            f"{_cell(row['unit'])} | {row['year']} | {DIRECTION_FR[int(row['direction'])]} | "
            f"{_consolidation_fr(row)} | [{source}]({row['source_url']}) |"
        )
    return "\n".join(lines)


def render_coverage(data: IndicatorData) -> str:
    """Markdown table: core indicators and units covered per domain, at every level."""
    wide = coverage_table(data).pivot_table(
        index=["domain", "label_fr"],
        columns="level",
        values=["n_core_indicators", "n_regions_covered", "n_regions"],
        aggfunc="first",
        sort=False,
    )
    header = ["domaine"]
    for level in data.levels:
        header += [f"cœur ({LEVELS[level].plural})", f"{LEVELS[level].plural} couverts"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for (_, label), row in wide.iterrows():
        cells = [label]
        for level in data.levels:
            cells += [
                str(row[("n_core_indicators", level)]),
                f"{row[('n_regions_covered', level)]} / {row[('n_regions', level)]}",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_published_references(data: IndicatorData) -> str:
    """Markdown list of the core indicators whose France value is published, not computed."""
    france = france_reference(data).set_index("indicator_id")
    core = data.catalogue.loc[data.catalogue["core"], "indicator_id"]
    lines = []
    for indicator_id in core:
        ref = france.loc[indicator_id]
        if ref["method"] == "publié":
            note = f" — {shorten(ref['note'], 220)}" if ref["note"] else ""
            value = f"{ref['value']:g}".replace(".", ",")
            lines.append(f"- `{indicator_id}` : {value}, {ref['reference']}{note}")
    return "\n".join(lines) or "- aucun : toutes les références sont calculées."


#: Sections of docs/method.md rewritten by the build, between ``<!-- BEGIN name -->`` and
#: ``<!-- END name -->`` markers, so the page never drifts from the data.
METHOD_SECTIONS = {
    "core-table": render_core_table,
    "coverage": render_coverage,
    "published-references": render_published_references,
}


def render_method_sections(data: IndicatorData) -> dict[str, str]:
    """The generated Markdown of each section of :data:`METHOD_SECTIONS` and of the
    département level's (:data:`layers.build.departements_method.DEPARTEMENT_SECTIONS`)."""
    # Imported here: that module builds on this one's helpers.
    from layers.build.departements_method import DEPARTEMENT_SECTIONS

    sections = {**METHOD_SECTIONS, **DEPARTEMENT_SECTIONS}
    return {name: render(data) for name, render in sections.items()}


def update_method_page(text: str, sections: dict[str, str]) -> str:
    """``text`` with each marked section replaced; a missing marker is an error."""
    for name, body in sections.items():
        pattern = re.compile(
            rf"(<!-- BEGIN {re.escape(name)} -->\n).*?(<!-- END {re.escape(name)} -->)", re.S
        )
        if not pattern.search(text):
            raise ValueError(f"docs/method.md has no <!-- BEGIN {name} --> ... END markers")
        text = pattern.sub(lambda m, body=body: f"{m.group(1)}{body}\n{m.group(2)}", text)
    return text
