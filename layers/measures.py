"""What the map shows: one value per region for a view (level, layer, measure).

A registry maps each measure to the function that computes it, so the app makes one lookup.
Every builder returns a :class:`LayerValues`: the values by region code plus everything the
legend needs (title, unit, years, source, palette centre).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.levels import LEVELS
from layers.indicators.bundle import IndicatorData, UnknownIdError
from layers.indicators.consolidate import (
    approximate_cells,
    approximate_weights,
    france_reference,
    indicator_values,
    level_table,
)
from layers.indicators.indices import index_table
from layers.indicators.perception import (
    available_surveys,
    parse_survey_key,
    perceived_index,
    perception_gap,
    wave_rows,
)
from layers.render.formatting import APPROXIMATE_MARK, format_value
from layers.view_state import Choices, ViewState

GLOBAL = "global"
DEFAULT_LEVEL = next(iter(LEVELS))
AXIS_PREFIX = "axe:"
METHOD_SOURCE = "sources et années : page « Méthode et sources »"


@dataclass(frozen=True)
class LayerValues:
    """Values of one map layer and the words around them."""

    values: pd.Series  # float by region code; NaN = pas de donnée
    title: str
    unit: str
    caption: str
    diverging_centre: float | None = None
    reverse: bool = False
    table: pd.DataFrame | None = None  # the data view: one row per region
    decimals: int | None = None  # the source's precision (None: chosen from the magnitude)
    approximate: pd.Series | None = None  # bool by region code: computed with an approx. weight

    @property
    def unit_short(self) -> str:
        """Unit written after each value in tooltips ("" for indices)."""
        return "" if self.diverging_centre is not None else self.unit


def layer_label(data: IndicatorData, layer: str) -> str:
    """French name of a layer: a domain, an axis or the overall index."""
    if layer == GLOBAL:
        return "Indice global (16 domaines)"
    if layer.startswith(AXIS_PREFIX):
        axis = layer.removeprefix(AXIS_PREFIX)
        rows = data.domains.loc[data.domains["axis"] == axis, "axis_label_fr"]
        if rows.empty:
            raise UnknownIdError(f"Unknown axis {axis!r}")
        return rows.iloc[0]
    rows = data.domains.loc[data.domains["domain"] == layer, "label_fr"]
    if rows.empty:
        raise UnknownIdError(f"Unknown layer {layer!r}")
    return rows.iloc[0]


def _layer_domains(data: IndicatorData, layer: str) -> list[str]:
    if layer == GLOBAL:
        return list(data.domains["domain"])
    if layer.startswith(AXIS_PREFIX):
        axis = layer.removeprefix(AXIS_PREFIX)
        return list(data.domains.loc[data.domains["axis"] == axis, "domain"])
    return [layer]


def _objective(data: IndicatorData, view: ViewState) -> LayerValues:
    layer = view.layer
    if layer == GLOBAL:
        table = index_table(data, view.level, overall=True)
        count_word = "domaines"
    elif layer.startswith(AXIS_PREFIX):
        table = index_table(data, view.level, axis=layer.removeprefix(AXIS_PREFIX))
        count_word = "domaines"
    else:
        table = index_table(data, view.level, domain=layer)
        count_word = "indicateurs"
    n = table["n_indicators"].max()
    years = _core_years(data, view.level, _layer_domains(data, layer))
    caption = (
        f"Indice objectif, base 100 = France métropolitaine ; au-dessus de 100 = plus "
        f"fragile. Moyenne de {n} {count_word}"
        f"{' (1 seul indicateur : domaine mince)' if n == 1 else ''} ; années {years} ; "
        f"{METHOD_SOURCE}.{_proxy_sentence(data, view.level, _layer_domains(data, layer))}"
    )
    return LayerValues(
        values=table.set_index("region_code")["index"],
        title=f"{layer_label(data, layer)} — indice objectif",
        unit="indice, base 100 = France",
        caption=caption,
        diverging_centre=100.0,
        table=table.rename(columns={"index": "value"}),
    )


def _proxy_sentence(data: IndicatorData, level: str, domains: list[str]) -> str:
    """ " Domaine reposant sur des approximations : ..." for a proxy domain; for an axis or the
    overall index, which of its domains rest on proxies; "" when none does."""
    proxies = data.proxy_notes(level).reindex(domains).fillna("")
    proxies = proxies[proxies != ""]
    if proxies.empty:
        return ""
    if len(domains) == 1:
        return f" Domaine reposant sur des approximations : {proxies.iloc[0]}."
    labels = data.domains.set_index("domain").loc[proxies.index, "label_fr"]
    return f" Domaines reposant sur des approximations : {', '.join(labels)}."


def _core_years(data: IndicatorData, level: str, domains: list[str]) -> str:
    cat = data.catalogue[data.core(level) & data.catalogue["domain"].isin(domains)]
    # The first 4-digit year: "2014T4" -> 2014, "2006-2008" -> 2006, "édition 2016" -> 2016.
    years = sorted({m.group(0) for y in cat["year"] if (m := re.search(r"\d{4}", str(y)))})
    return f"{years[0]}-{years[-1]}" if len(years) > 1 else (years[0] if years else "—")


def _survey(data: IndicatorData, view: ViewState) -> tuple[str, str, str]:
    return parse_survey_key(data, view.survey or default_survey(data))


def _mean_by_region(
    table: pd.DataFrame, column: str, domains: list[str], names: dict[str, str]
) -> pd.DataFrame:
    rows = table[table["domain"].isin(domains)].dropna(subset=[column])
    stats = rows.groupby("region_code")[column].agg(["mean", "count"]).reindex(list(names))
    out = pd.DataFrame(
        {
            "region_code": list(names),
            "region_name": list(names.values()),
            "value": stats["mean"].to_numpy(),
            "n_domains": stats["count"].fillna(0).astype(int).to_numpy(),
        }
    )
    return out


def _survey_table(data: IndicatorData, view: ViewState, compute, column: str):
    """(survey, year, actor), the layer's domains, and ``column`` of ``compute(...)`` averaged
    over those domains per region (the shared part of the perceived and gap layers)."""
    survey, year, actor = _survey(data, view)
    domains = _layer_domains(data, view.layer)
    per_domain = compute(data, survey, year, actor, view.level)
    table = _mean_by_region(per_domain, column, domains, data.regions(view.level))
    return (survey, year, actor), domains, table


def _perceived(data: IndicatorData, view: ViewState) -> LayerValues:
    (survey, year, actor), domains, table = _survey_table(
        data, view, perceived_index, "perceived_index"
    )
    source = _perception_source(data, survey, year, actor)
    caption = (
        f"Fragilité perçue par les {actor} ({survey} {year}) : note régionale / note "
        f"nationale × 100 ; au-dessus de 100 = ressentie comme plus fragile qu'en France"
        f"{' (moyenne des domaines renseignés)' if len(domains) > 1 else ''}. "
        f"Régions sans enquête publiée : pas de donnée. Source : {source}."
    )
    return LayerValues(
        values=table.set_index("region_code")["value"],
        title=f"{layer_label(data, view.layer)} — fragilité perçue ({actor}, {survey} {year})",
        unit="indice perçu, base 100 = France",
        caption=caption,
        diverging_centre=100.0,
        table=table,
    )


def _gap(data: IndicatorData, view: ViewState) -> LayerValues:
    (survey, year, actor), _, table = _survey_table(data, view, perception_gap, "gap")
    caption = (
        f"Écart = indice perçu ({actor}, {survey} {year}) − indice objectif, en points ; "
        f"positif = ressenti plus fragile que ne le disent les statistiques. Seulement là "
        f"où les deux existent. Source : {_perception_source(data, survey, year, actor)} ; "
        f"{METHOD_SOURCE}."
    )
    return LayerValues(
        values=table.set_index("region_code")["value"],
        title=f"{layer_label(data, view.layer)} — écart perception − objectif",
        unit="points d'indice",
        caption=caption,
        diverging_centre=0.0,
        table=table,
    )


def _perception_source(data: IndicatorData, survey: str, year: str, actor: str) -> str:
    urls = wave_rows(data.perception, survey, year, actor)["source_url"].value_counts()
    return urls.index[0] if len(urls) else "—"


def _indicator(data: IndicatorData, view: ViewState) -> LayerValues:
    row = data.indicator(view.indicator or default_indicator(data, view.level))
    indicator_id = row["indicator_id"]
    decimals = data.decimals(indicator_id)
    table = indicator_values(data, view.level, indicator_id)
    cells = approximate_cells(data, view.level)
    flags = cells[indicator_id] if indicator_id in cells else pd.Series(False, index=cells.index)
    approximate = flags.reindex(table["region_code"]).fillna(False).astype(bool)
    france = france_reference(data).set_index("indicator_id").loc[indicator_id]
    france_text = (
        "France : non disponible"
        if np.isnan(france["value"])
        else f"{france['reference']} : "
        f"{format_value(france['value'], decimals, bool(france['approximate']))}"
        + (" (autre source : ERFS, pas Filosofi)" if france["other_source"] else "")
    )
    reading = {
        1: "plus élevé = plus fragile",
        -1: "plus élevé = moins fragile",
        0: "indicateur de contexte",
    }[int(row["direction"])]
    source, source_url = data.source(row["indicator_id"], view.level)
    caption = (
        f"{row['label_fr']} ({row['unit']}, {row['year']}) — {reading} ; {france_text}. "
        f"{_approximation_sentence(data, indicator_id, approximate, france)}"
        f"{_caveat_sentence(row)}"
        f"Source : {source} — {source_url}"
    )
    return LayerValues(
        values=table.set_index("region_code")["value"],
        title=row["label_fr"],
        unit=str(row["unit"]),
        caption=caption,
        reverse=int(row["direction"]) == -1,
        table=table.assign(approche=approximate.to_numpy()),
        decimals=decimals,
        approximate=pd.Series(approximate.to_numpy(), index=table["region_code"]),
    )


def _approximation_sentence(
    data: IndicatorData, indicator_id: str, approximate: pd.Series, france: pd.Series
) -> str:
    """Why some values (or the France reference) carry the ≈ mark; "" when none does."""
    if not (approximate.any() or france["approximate"]):
        return ""
    reason = approximate_weights(data.catalogue)[indicator_id]
    n = int(approximate.sum())
    parts = [f"{n} valeur{'s' if n > 1 else ''} régionale{'s' if n > 1 else ''}"] if n else []
    if france["approximate"]:
        parts.append("la référence France")
    plural = n > 1 or len(parts) > 1
    verb = "sont calculées" if plural else "est calculée"
    return f"{APPROXIMATE_MARK} : {' et '.join(parts)} {verb} avec un poids approché ({reason}). "


def _caveat_sentence(row: pd.Series) -> str:
    caveat = str(row.get("caveat", "") or "")
    return f"Attention : {caveat}. " if caveat else ""


#: Measure -> builder (a registry, not an if-chain).
BUILDERS: dict[str, Callable[[IndicatorData, ViewState], LayerValues]] = {
    "objectif": _objective,
    "percu": _perceived,
    "ecart": _gap,
    "indicateur": _indicator,
}


def layer_values(data: IndicatorData, view: ViewState) -> LayerValues:
    """The values to map for ``view``; raises UnknownIdError naming the valid measures."""
    try:
        builder = BUILDERS[view.measure]
    except KeyError:
        raise UnknownIdError(
            f"Unknown measure {view.measure!r}; expected one of {list(BUILDERS)}"
        ) from None
    return builder(data, view)


def default_survey(data: IndicatorData) -> str:
    """The survey with the most regional scores (PHARE 2015 citizens in the shipped data)."""
    surveys = available_surveys(data)
    regional = surveys[surveys["n_regions"] > 0]
    pool = regional if not regional.empty else surveys
    best = pool.sort_values(["n_domains", "key"], ascending=[False, True])
    return best["key"].iloc[0] if not best.empty else ""


def default_indicator(data: IndicatorData, level: str = DEFAULT_LEVEL) -> str:
    """The first core indicator of ``level`` ("" when the level has none)."""
    core = data.catalogue[data.core(level)]
    return core["indicator_id"].iloc[0] if not core.empty else ""


def layer_options(data: IndicatorData) -> dict[str, str]:
    """Layer id -> label, grouped: overall, the 4 axes, then the 16 domains by axis."""
    options = {GLOBAL: "Indice global (16 domaines)"}
    for axis, label in data.domains.drop_duplicates("axis")[["axis", "axis_label_fr"]].values:
        options[AXIS_PREFIX + axis] = f"Axe — {label}"
    for row in data.domains.itertuples():
        axis_word = row.axis_label_fr.replace("Critères ", "")
        options[row.domain] = f"{axis_word.capitalize()} · {row.label_fr}"
    return options


def indicator_options(data: IndicatorData, level: str | None = None) -> dict[str, str]:
    """Indicator id -> "Domaine · label (année)", core indicators first, context last.

    With ``level``, only the indicators with a value for at least one unit of that level, and
    ★ marks the level's core set; without, every indicator (★: core at a region level).
    """
    core = data.core(level or DEFAULT_LEVEL)
    cat = data.catalogue.assign(core_here=core)
    if level is not None:
        table = level_table(data, level)
        cat = cat[cat["indicator_id"].isin(table.columns[table.notna().any()])]
    cat = cat.merge(
        data.domains[["domain", "label_fr", "order"]].rename(columns={"label_fr": "domain_label"}),
        on="domain",
        how="left",
    )
    cat["order"] = cat["order"].fillna(99)
    cat = cat.sort_values(["order", "core_here", "label_fr"], ascending=[True, False, True])
    return {
        r.indicator_id: f"{r.domain_label if isinstance(r.domain_label, str) else 'Contexte'}"
        f" · {r.label_fr} ({r.year}){' ★' if r.core_here else ''}"
        for r in cat.itertuples()
    }


def survey_options(data: IndicatorData) -> dict[str, str]:
    surveys = available_surveys(data)
    return {
        r.key: f"{r.survey} {r.year} — {r.actor} ({r.n_regions} région(s) publiée(s))"
        for r in surveys.itertuples()
    }


def view_choices(data: IndicatorData, region_layers: dict) -> Choices:
    """Valid values of every view field, for URL parsing and the widgets."""
    return Choices(
        layers=layer_options(data),
        indicators=indicator_options(data),
        level_indicators={level: indicator_options(data, level) for level in region_layers},
        surveys=survey_options(data),
        regions={
            level: dict(zip(gdf["code"], gdf["nom"], strict=True))
            for level, gdf in region_layers.items()
        },
    )


#: What the app and ui/ use: the values of a view, and the valid choices for the URL and widgets.
__all__ = ["LayerValues", "default_survey", "layer_values", "view_choices"]
