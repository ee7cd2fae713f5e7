"""The generated parts of docs/method.md about the département level (build time).

Same mechanism as :mod:`layers.build.method_page` (sections between ``<!-- BEGIN name -->`` and
``<!-- END name -->`` markers, rewritten by ``python -m layers.build.indicators``): the core set
of the level with how each value was obtained and the France value it is compared with, the
coverage per domain, the France reference of every indicator of the level, and the region values
computed from the départements (with the check against published values).
"""

import numpy as np
import pandas as pd

from geo.levels import LEVELS
from i18n import localised_number
from layers.build.method_page import AGGREGATION_FR, DIRECTION_FR, shorten
from layers.build.method_page import _cell as cell
from layers.indicators.bundle import IndicatorData
from layers.indicators.consolidate import (
    COMPUTED_96_NOTE,
    DEPARTEMENT,
    france_reference,
    level_table,
)

LEVEL = DEPARTEMENT
READ = "lu"
#: Enough départements for an indicator to count as complete at the level (the issue's target).
COMPLETE_AT = 94


def _computed(row) -> str:
    how = str(getattr(row, "computed_how", "") or "")
    return f"calculé ({how})" if how else READ


def _france_text(ref: pd.Series, decimals: int = 1) -> str:
    """The France value an indicator is compared with, and where it comes from."""
    if ref["method"] == "non disponible":
        return "non disponible"
    value = localised_number(ref["value"], f",.{decimals}f", "fr")
    if ref["method"] == "publié":
        other = " (autre source)" if str(ref["note"]).startswith("ATTENTION") else ""
        return f"{value}, publiée{other}"
    where = "96 départements" if ref["note"].startswith(COMPUTED_96_NOTE) else "22 régions"
    approximate = " ≈ poids approché" if _approximate(ref) else ""
    return f"{value}, calculée sur les {where}{approximate}"


def _approximate(ref: pd.Series) -> bool:
    return bool(ref.get("approximate", False)) or "poids approché" in str(ref["note"])


def _ordered(data: IndicatorData, catalogue: pd.DataFrame) -> pd.DataFrame:
    order = dict(zip(data.domains["domain"], data.domains["order"], strict=True))
    out = catalogue.assign(order=catalogue["domain"].map(order).fillna(99))
    return out.sort_values(["order", "indicator_id"])


def _decimals(row) -> int:
    value = getattr(row, "decimals", None)
    return 1 if value is None or pd.isna(value) or value == "" else int(float(value))


def render_core_table(data: IndicatorData) -> str:
    """Markdown table of the core indicators of the département level."""
    labels = dict(zip(data.domains["domain"], data.domains["label_fr"], strict=True))
    france = france_reference(data).set_index("indicator_id")
    table = level_table(data, LEVEL)
    core = _ordered(data, data.catalogue[data.core(LEVEL)])
    lines = [
        "| domaine | indicateur | année | sens | valeur | départements | référence France "
        "| source |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in core.itertuples():
        source, url = data.source(row.indicator_id, LEVEL)
        n = int(table[row.indicator_id].notna().sum()) if row.indicator_id in table else 0
        lines.append(
            f"| {labels[row.domain]} | {cell(row.label_fr)} (`{row.indicator_id}`) | {row.year} "
            f"| {DIRECTION_FR[int(row.direction)]} | {cell(_computed(row))} | {n} / 96 | "
            f"{cell(_france_text(france.loc[row.indicator_id], _decimals(row)))} | "
            f"[{cell(shorten(source, 70))}]({url}) |"
        )
    return "\n".join(lines)


def coverage_rows(data: IndicatorData) -> pd.DataFrame:
    """Per domain at the département level: core indicators read / computed and complete."""
    table = level_table(data, LEVEL)
    counts = table.notna().sum()
    cat = data.catalogue.assign(
        n=data.catalogue["indicator_id"].map(counts).fillna(0).astype(int),
        core_here=data.core(LEVEL),
        read=data.catalogue.get("computed_how", pd.Series("", index=data.catalogue.index))
        .fillna("")
        .eq(""),
    )
    rows = []
    for domain in data.domains.itertuples():
        mine = cat[(cat["domain"] == domain.domain) & (cat["n"] > 0)]
        core = mine[mine["core_here"]]
        complete = core[core["n"] >= COMPLETE_AT]
        rows.append(
            {
                "domain": domain.domain,
                "label_fr": domain.label_fr,
                "n_indicators": len(mine),
                "n_core": len(core),
                "n_core_read": int((complete["read"]).sum()),
                "n_core_computed": int((~complete["read"]).sum()),
                "min_departements": int(core["n"].min()) if len(core) else 0,
            }
        )
    return pd.DataFrame(rows)


def render_coverage(data: IndicatorData) -> str:
    """Markdown table: the département level's coverage per domain, read vs computed."""
    rows = coverage_rows(data)
    lines = [
        "| domaine | indicateurs au niveau | cœur | dont lus (≥ 94 dép.) | dont calculés "
        "(≥ 94 dép.) | départements couverts (min. des indicateurs cœur) |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows.itertuples():
        covered = f"{row.min_departements} / 96" if row.n_core else "pas de donnée"
        lines.append(
            f"| {row.label_fr} | {row.n_indicators} | {row.n_core} | {row.n_core_read} | "
            f"{row.n_core_computed} | {covered} |"
        )
    at_two = rows[rows["n_core_read"] + rows["n_core_computed"] >= 2]
    read_two = rows[rows["n_core_read"] >= 2]
    lines.append("")
    lines.append(
        f"**{len(at_two)} domaines sur 16** ont au moins 2 indicateurs cœur sourcés complets pour "
        f"au moins {COMPLETE_AT} départements (dont {len(read_two)} avec 2 indicateurs lus "
        "directement dans la source)."
    )
    return "\n".join(lines)


def render_france_references(data: IndicatorData) -> str:
    """Markdown table: the France value of every indicator with a direction at the level."""
    labels = dict(zip(data.domains["domain"], data.domains["label_fr"], strict=True))
    france = france_reference(data).set_index("indicator_id")
    table = level_table(data, LEVEL)
    present = set(table.columns[table.notna().any()])
    cat = data.catalogue[
        data.catalogue["indicator_id"].isin(present) & (data.catalogue["direction"] != 0)
    ]
    lines = ["| domaine | indicateur | référence France utilisée |", "|---|---|---|"]
    for row in _ordered(data, cat).itertuples():
        star = " ★" if data.core(LEVEL)[row.Index] else ""
        ref = france.loc[row.indicator_id]
        lines.append(
            f"| {labels.get(row.domain, row.domain)} | `{row.indicator_id}`{star} | "
            f"{cell(_france_text(ref, _decimals(row)))} |"
        )
    return "\n".join(lines)


def render_regions_from_departements(data: IndicatorData) -> str:
    """Markdown table: region values computed from the départements, and the published check."""
    flagged = data.catalogue["regions_from_departements"].astype(str).str.lower() == "true"
    cat = data.catalogue[flagged]
    tables = {level: level_table(data, level) for level in ("pre2016", "2016")}
    lines = [
        "| indicateur | règle | anciennes régions | régions 2016 | cœur régional | publié aussi "
        "(écart max.) |",
        "|---|---|---|---|---|---|",
    ]
    for row in _ordered(data, cat).itertuples():
        counts = [
            int(tables[lv][row.indicator_id].notna().sum()) if row.indicator_id in tables[lv] else 0
            for lv in ("pre2016", "2016")
        ]
        if max(counts) == 0:
            continue
        lines.append(
            f"| `{row.indicator_id}` | {_rule(row)} | {counts[0]} / 22 | {counts[1]} / 13 | "
            f"{'oui' if row.core else '—'} | {_published_gap(data, row.indicator_id)} |"
        )
    return "\n".join(lines)


def _rule(row) -> str:
    if row.aggregation == "weighted_mean":
        return f"moyenne pondérée par `{row.weight_indicator}` (son dénominateur)"
    if row.aggregation == "ratio":
        return "rapport des sommes"
    return AGGREGATION_FR.get(row.aggregation, row.aggregation)


def _published_gap(data: IndicatorData, indicator_id: str) -> str:
    """Largest gap between the départements' consolidation and a published region value."""
    units = data.units.set_index("departement")
    deps = data.values[
        (data.values["level"] == DEPARTEMENT) & (data.values["indicator_id"] == indicator_id)
    ].set_index("region_code")["value"]
    row = data.indicator(indicator_id)
    gaps = []
    for level in ("pre2016", "2016"):
        published = data.values[
            (data.values["level"] == level) & (data.values["indicator_id"] == indicator_id)
        ].set_index("region_code")["value"]
        if published.empty or deps.empty or row["aggregation"] != "sum":
            continue
        sums = deps.groupby(units[LEVELS[level].mapping_code]).sum()
        gaps.append(float(np.nanmax(np.abs(sums.reindex(published.index) - published))))
    if not gaps:
        return "—"
    return f"oui ({localised_number(max(gaps), ',.0f', 'fr')})"


def render_proxy_domains(data: IndicatorData) -> str:
    """Markdown list: the domains whose core set rests on proxies at the département level."""
    notes = data.proxy_notes(LEVEL)
    labels = dict(zip(data.domains["domain"], data.domains["label_fr"], strict=True))
    lines = [f"- **{labels[d]}** : {note}." for d, note in notes.items() if note]
    return "\n".join(lines) or "- aucun."


#: Sections of docs/method.md about the département level.
DEPARTEMENT_SECTIONS = {
    "departements-proxy-domains": render_proxy_domains,
    "departements-core-table": render_core_table,
    "departements-coverage": render_coverage,
    "departements-france-references": render_france_references,
    "regions-from-departements": render_regions_from_departements,
}
