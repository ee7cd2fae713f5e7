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
from layers.indicators.consolidate import (
    COMPUTED_96_NOTE,
    approximate_weights,
    consolidate_to_2016,
    france_reference,
    level_table,
)
from layers.indicators.coverage import coverage_table
from layers.render.formatting import format_number

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
        approximate = ", approché" if row.get("weight_note") else ""
        return f"{text} (poids `{row['weight_indicator']}`{approximate})"
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


def _domain_order(data: IndicatorData, catalogue: pd.DataFrame) -> pd.DataFrame:
    """``catalogue`` sorted by domain display order (context indicators last), then id."""
    order = dict(zip(data.domains["domain"], data.domains["order"], strict=True))
    ranked = catalogue.assign(order=catalogue["domain"].map(order).fillna(99))
    return ranked.sort_values(["order", "indicator_id"])


def _france_how(ref: pd.Series) -> str:
    """How a France reference was obtained, in French."""
    if ref["method"] == "non disponible":
        return "non disponible"
    if ref["method"] != "publié":
        from_96 = ref["note"].startswith(COMPUTED_96_NOTE)
        where = "96 départements" if from_96 else "22 anciennes régions"
        how = f"calculée sur les {where} ({AGGREGATION_FR[ref['method']]})"
        return f"≈ {how}, poids approché" if ref["approximate"] else how
    if ref["other_source"]:
        note = re.sub(r"^\w+\s+source différente\s*:\s*", "", ref["note"])
        return f"publiée, **autre source** : {shorten(note, 140)}"
    return (
        "publiée par la source (France entière, DOM compris)"
        if ref["reference"] == "France entière"
        else "publiée par la source"
    )


def _regional_indicators(data: IndicatorData) -> set[str]:
    """Ids of the indicators with a value for at least one region (either level)."""
    regional: set[str] = set()
    for level in ("pre2016", "2016"):
        table = level_table(data, level)
        regional |= set(table.columns[table.notna().any()])
    return regional


def render_france_references(data: IndicatorData) -> str:
    """Markdown table: the France value each indicator is compared with, and how it was got."""
    france = france_reference(data).set_index("indicator_id")
    labels = dict(zip(data.domains["domain"], data.domains["label_fr"], strict=True))
    # The region indicators (the département level's have their own table, in
    # layers.build.departements_method).
    regional = _regional_indicators(data)
    compared = data.catalogue[
        (data.catalogue["direction"] != 0)
        & ~data.catalogue["partial"]
        & data.catalogue["indicator_id"].isin(regional)
    ]
    lines = [
        "| domaine | indicateur | référence | valeur | comment |",
        "|---|---|---|---|---|",
    ]
    for _, row in _domain_order(data, compared).iterrows():
        ref = france.loc[row["indicator_id"]]
        value = format_number(ref["value"], int(row["decimals"])) if pd.notna(ref["value"]) else "—"
        lines.append(
            f"| {labels.get(row['domain'], row['domain'])} | `{row['indicator_id']}`"
            f"{' ★' if row['core'] else ''} | {ref['reference'] or '—'} | {value} | "
            f"{_cell(_france_how(ref))} |"
        )
    return "\n".join(lines)


def render_approximate_weights(data: IndicatorData) -> str:
    """Markdown table: weighted means with an approximate weight, why, and what is shown."""
    values = consolidate_to_2016(data)
    approximate = values[values["approximate"]].groupby("indicator_id").size()
    published = values[values["method"] == "publié"].groupby("indicator_id").size()
    cat = data.catalogue.set_index("indicator_id")
    lines = ["| indicateur | poids | pourquoi c'est approché | valeurs 2016 |", "|---|---|---|---|"]
    regional = _regional_indicators(data)
    for indicator_id, reason in sorted(approximate_weights(data.catalogue).items()):
        if indicator_id not in regional:  # a département series: its own section
            continue
        n_approx = int(approximate.get(indicator_id, 0))
        n_published = int(published.get(indicator_id, 0))
        if n_approx == 0 and n_published:
            shown = f"publiées ({_regions(n_published)}) : exactes"
        elif n_approx:
            shown = f"≈ calculées ({_regions(n_approx)})"
        else:
            shown = "non disponibles"
        lines.append(
            f"| `{indicator_id}`{' ★' if cat.loc[indicator_id, 'core'] else ''} | "
            f"`{cat.loc[indicator_id, 'weight_indicator']}` | {_cell(reason)} | {shown} |"
        )
    return "\n".join(lines)


def _regions(n: int) -> str:
    return f"{n} région{'s' if n > 1 else ''}"


def render_proxy_domains(data: IndicatorData) -> str:
    """Markdown list: the domains that rest on proxies, and what they measure instead."""
    proxies = data.domains[data.domains["proxy_note"].fillna("") != ""]
    lines = [f"- **{row.label_fr}** : {row.proxy_note}." for row in proxies.itertuples()]
    return "\n".join(lines) or "- aucun."


def render_caveats(data: IndicatorData) -> str:
    """Markdown list: the indicators shown with a warning (series breaks, edition years...)."""
    rows = _domain_order(data, data.catalogue[data.catalogue["caveat"].fillna("") != ""])
    lines = [f"- `{r.indicator_id}` ({r.label_fr}) : {r.caveat}." for r in rows.itertuples()]
    return "\n".join(lines) or "- aucun."


#: Sections of docs/method.md rewritten by the build, between ``<!-- BEGIN name -->`` and
#: ``<!-- END name -->`` markers, so the page never drifts from the data.
METHOD_SECTIONS = {
    "core-table": render_core_table,
    "coverage": render_coverage,
    "proxy-domains": render_proxy_domains,
    "france-references": render_france_references,
    "approximate-weights": render_approximate_weights,
    "caveats": render_caveats,
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
