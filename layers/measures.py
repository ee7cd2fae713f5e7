"""What the map shows: one value per region for a view (level, layer, measure).

A registry maps each measure to the function that computes it, so the app makes one lookup.
Every builder returns a :class:`LayerValues`: the values by region code plus everything the
legend needs (title, unit, years, source, palette centre), written in the view's language
(``view.lang``; the texts are the :mod:`i18n` catalogue's; data texts such as indicator labels
and sources stay as their files write them).
"""

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.levels import LEVELS
from i18n import DEFAULT_LANG, has_key, t
from layers.indicators.bundle import FRANCE_CODES, IMPORTED_SOURCE, IndicatorData, UnknownIdError
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
from layers.indicators.provenance import changed_by_import, imported_note
from layers.render.formatting import APPROXIMATE_MARK, format_value
from layers.view_state import Choices, ViewState

GLOBAL = "global"
DEFAULT_LEVEL = next(iter(LEVELS))
AXIS_PREFIX = "axe:"


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
    #: +1: a higher value is more fragile; -1: less fragile; 0: no reading (context indicator).
    direction: int = 1
    #: Region codes whose value an import changed (see layers.indicators.provenance).
    imported: tuple[str, ...] = ()

    def source_of(self, code: str, lang: str = DEFAULT_LANG) -> str:
        """Provenance of one region's value, for exports: imported or the caption's sources.

        The imported marker is :data:`~layers.indicators.bundle.IMPORTED_SOURCE` in every
        language: it is the value the imported rows carry, which the profile compares with.
        """
        return IMPORTED_SOURCE if code in self.imported else t("provenance.official", lang)

    @property
    def unit_short(self) -> str:
        """Unit written after each value in tooltips ("" for indices)."""
        return "" if self.diverging_centre is not None else self.unit


def layer_label(data: IndicatorData, layer: str, lang: str = DEFAULT_LANG) -> str:
    """Name of a layer in ``lang``: a domain, an axis or the overall index."""
    if layer == GLOBAL:
        return t("layer.global", lang)
    if layer.startswith(AXIS_PREFIX):
        axis = layer.removeprefix(AXIS_PREFIX)
        rows = data.domains.loc[data.domains["axis"] == axis, "axis_label_fr"]
        if rows.empty:
            raise UnknownIdError(f"Unknown axis {axis!r}")
        return _label(f"axis.{axis}", rows.iloc[0], lang)
    rows = data.domains.loc[data.domains["domain"] == layer, "label_fr"]
    if rows.empty:
        raise UnknownIdError(f"Unknown layer {layer!r}")
    return _label(f"domain.{layer}", rows.iloc[0], lang)


def _label(key: str, french: str, lang: str) -> str:
    """The catalogue's text for an id read from the data; the data's own French label for an id
    the catalogue does not know (an imported bundle may not name its domains as ours)."""
    return t(key, lang) if has_key(key) else french


def domain_name(domain: str, french: str, lang: str = DEFAULT_LANG) -> str:
    """A domain's name in ``lang``; ``french`` (the data's label) for a domain the catalogue
    does not know (an imported domain keeps its label)."""
    return _label(f"domain.{domain}", french, lang)


def domain_label(data: IndicatorData, domain: str, lang: str = DEFAULT_LANG) -> str:
    """A domain's name in ``lang``, its French label read from ``data``."""
    rows = data.domains.loc[data.domains["domain"] == domain, "label_fr"]
    return domain_name(domain, rows.iloc[0] if len(rows) else domain, lang)


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
        count_word = "caption.word.domains"
    elif layer.startswith(AXIS_PREFIX):
        table = index_table(data, view.level, axis=layer.removeprefix(AXIS_PREFIX))
        count_word = "caption.word.domains"
    else:
        table = index_table(data, view.level, domain=layer)
        count_word = "caption.word.indicators"
    n = table["n_indicators"].max()
    lang = view.lang
    domains = _layer_domains(data, layer)
    caption = t(
        "caption.objective",
        lang,
        n=n,
        count_word=t(count_word, lang),
        thin=t("caption.thin_domain", lang) if n == 1 else "",
        years=_core_years(data, view.level, domains),
        method_source=t("caption.method_source", lang),
        proxies=_proxy_sentence(data, view.level, domains, lang),
    )
    return LayerValues(
        values=table.set_index("region_code")["index"],
        title=t("title.objective", lang, layer=layer_label(data, layer, lang)),
        unit=t("unit.objective", lang),
        caption=caption,
        diverging_centre=100.0,
        table=table.rename(columns={"index": "value"}),
    )


def _proxy_sentence(data: IndicatorData, level: str, domains: list[str], lang: str) -> str:
    """ " Domaine reposant sur des approximations : ..." for a proxy domain; for an axis or the
    overall index, which of its domains rest on proxies; "" when none does."""
    proxies = data.proxy_notes(level, lang).reindex(domains).fillna("")
    proxies = proxies[proxies != ""]
    if proxies.empty:
        return ""
    if len(domains) == 1:
        return t("caption.proxy_one", lang, note=proxies.iloc[0])
    labels = [domain_label(data, domain, lang) for domain in proxies.index]
    return t("caption.proxy_many", lang, labels=t("common.list_sep", lang).join(labels))


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
    lang = view.lang
    who = _actor(actor, lang)
    caption = t(
        "caption.perceived",
        lang,
        actor=who,
        survey=survey,
        year=year,
        mean=t("caption.perceived_mean", lang) if len(domains) > 1 else "",
        source=_perception_source(data, survey, year, actor),
    )
    layer = layer_label(data, view.layer, lang)
    return LayerValues(
        values=table.set_index("region_code")["value"],
        title=t("title.perceived", lang, layer=layer, actor=who, survey=survey, year=year),
        unit=t("unit.perceived", lang),
        caption=caption,
        diverging_centre=100.0,
        table=table,
    )


def _gap(data: IndicatorData, view: ViewState) -> LayerValues:
    (survey, year, actor), _, table = _survey_table(data, view, perception_gap, "gap")
    lang = view.lang
    caption = t(
        "caption.gap",
        lang,
        actor=_actor(actor, lang),
        survey=survey,
        year=year,
        source=_perception_source(data, survey, year, actor),
        method_source=t("caption.method_source", lang),
    )
    return LayerValues(
        values=table.set_index("region_code")["value"],
        title=t("title.gap", lang, layer=layer_label(data, view.layer, lang)),
        unit=t("unit.gap", lang),
        caption=caption,
        diverging_centre=0.0,
        table=table,
    )


def _actor(actor: str, lang: str) -> str:
    """Survey respondents in words ("citoyens" / "citizens")."""
    return _label(f"actor.{actor}", actor, lang)


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
    lang = view.lang
    direction = int(row["direction"])
    source, source_url = data.source(indicator_id, view.level)
    caption = t(
        "caption.indicator",
        lang,
        label=row["label_fr"],
        unit=row["unit"],
        year=row["year"],
        reading=t(f"caption.reading.{direction}", lang),
        france=_france_text(france, decimals, lang),
        approximation=_approximation_sentence(data, indicator_id, approximate, france, lang),
        caveat=_caveat_sentence(row, lang),
        source=source,
        url=source_url,
    )
    return LayerValues(
        values=table.set_index("region_code")["value"],
        title=row["label_fr"],
        unit=str(row["unit"]),
        caption=caption,
        reverse=direction == -1,
        table=table.assign(approche=approximate.to_numpy()),
        decimals=decimals,
        approximate=pd.Series(approximate.to_numpy(), index=table["region_code"]),
        direction=direction,
    )


def _france_text(france: pd.Series, decimals: int | None, lang: str) -> str:
    """ "France métropolitaine : 9,9" (the reference the indicator has), or "non disponible"."""
    if np.isnan(france["value"]):
        return t("caption.france_missing", lang)
    codes = {name: code for code, name in FRANCE_CODES.items()}
    reference = france["reference"]
    return t(
        "caption.france_value",
        lang,
        reference=t(f"france.{codes[reference]}", lang) if reference in codes else reference,
        value=format_value(france["value"], decimals, bool(france["approximate"]), lang),
        other=t("caption.france_other_source", lang) if france["other_source"] else "",
    )


def _approximation_sentence(
    data: IndicatorData,
    indicator_id: str,
    approximate: pd.Series,
    france: pd.Series,
    lang: str = DEFAULT_LANG,
) -> str:
    """Why some values (or the France reference) carry the ≈ mark; "" when none does."""
    if not (approximate.any() or france["approximate"]):
        return ""
    n = int(approximate.sum())
    one_or_many = "many" if n > 1 else "one"
    parts = [t(f"caption.approx.regional_{one_or_many}", lang, n=n)] if n else []
    if france["approximate"]:
        parts.append(t("caption.approx.france", lang))
    plural = n > 1 or len(parts) > 1
    return t(
        "caption.approx.sentence",
        lang,
        mark=APPROXIMATE_MARK,
        parts=t("common.and", lang).join(parts),
        verb=t("caption.approx.verb_many" if plural else "caption.approx.verb_one", lang),
        reason=approximate_weights(data.catalogue)[indicator_id],
    )


def _caveat_sentence(row: pd.Series, lang: str = DEFAULT_LANG) -> str:
    caveat = str(row.get("caveat", "") or "")
    return t("caption.caveat", lang, caveat=caveat) if caveat else ""


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
    values = builder(data, view)
    if data.origin is None:
        return values
    changed = changed_by_import(data, lambda d: builder(d, view).values)
    codes = tuple(changed.index[changed.to_numpy()])
    names = data.regions(view.level)
    note = imported_note(
        [names.get(c, c) for c in codes], int(values.values.notna().sum()), view.lang, view.level
    )
    if view.measure == "indicateur" and _france_changed(data, view):
        # The caption quotes the France reference: an imported one is not the source's.
        note = f"{note} {t('provenance.france_imported', view.lang)}".strip()
    if not note:
        return values
    return dataclasses.replace(values, caption=f"{values.caption} {note}", imported=codes)


def _france_changed(data: IndicatorData, view: ViewState) -> bool:
    indicator_id = view.indicator or default_indicator(data, view.level)
    france = changed_by_import(
        data, lambda d: france_reference(d).set_index("indicator_id")["value"]
    )
    return bool(france.get(indicator_id, False))


def default_survey(data: IndicatorData) -> str:
    """The survey with the most regional scores (PHARE 2015 citizens in the shipped data).

    Memoised per bundle: a click's profile and the summaries ask for it at every run (a filter
    and a sort, ~13 ms each time).
    """
    return data.memoised(("default_survey",), lambda: _default_survey(data))


def _default_survey(data: IndicatorData) -> str:
    surveys = available_surveys(data)
    regional = surveys[surveys["n_regions"] > 0]
    pool = regional if not regional.empty else surveys
    best = pool.sort_values(["n_domains", "key"], ascending=[False, True])
    return best["key"].iloc[0] if not best.empty else ""


def default_indicator(data: IndicatorData, level: str = DEFAULT_LEVEL) -> str:
    """The first core indicator of ``level`` ("" when the level has none)."""
    core = data.catalogue[data.core(level)]
    return core["indicator_id"].iloc[0] if not core.empty else ""


def layer_options(data: IndicatorData, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Layer id -> label, grouped: overall, the 4 axes, then the 16 domains by axis."""
    options = {GLOBAL: t("layer.global", lang)}
    for axis, label in data.domains.drop_duplicates("axis")[["axis", "axis_label_fr"]].values:
        options[AXIS_PREFIX + axis] = t(
            "layer.axis_option", lang, label=_label(f"axis.{axis}", label, lang)
        )
    for row in data.domains.itertuples():
        axis_word = row.axis_label_fr.replace("Critères ", "").capitalize()
        options[row.domain] = t(
            "layer.domain_option",
            lang,
            axis=_label(f"axis_short.{row.axis}", axis_word, lang),
            label=_label(f"domain.{row.domain}", row.label_fr, lang),
        )
    return options


def indicator_options(
    data: IndicatorData, level: str | None = None, lang: str = DEFAULT_LANG
) -> dict[str, str]:
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
        r.indicator_id: t(
            "indicator.option",
            lang,
            domain=domain_label(data, r.domain, lang)
            if isinstance(r.domain_label, str)
            else t("indicator.context", lang),
            label=r.label_fr,
            year=r.year,
            star=" ★" if r.core_here else "",
        )
        for r in cat.itertuples()
    }


def survey_options(data: IndicatorData, lang: str = DEFAULT_LANG) -> dict[str, str]:
    surveys = available_surveys(data)
    return {
        r.key: t(
            "survey.option",
            lang,
            survey=r.survey,
            year=r.year,
            actor=_actor(r.actor, lang),
            n=r.n_regions,
        )
        for r in surveys.itertuples()
    }


def view_choices(data: IndicatorData, region_layers: dict, lang: str = DEFAULT_LANG) -> Choices:
    """Valid values of every view field, for URL parsing and the widgets (labels in ``lang``)."""
    return Choices(
        layers=layer_options(data, lang),
        indicators=indicator_options(data, lang=lang),
        level_indicators={level: indicator_options(data, level, lang) for level in region_layers},
        surveys=survey_options(data, lang),
        regions={
            level: dict(zip(gdf["code"], gdf["nom"], strict=True))
            for level, gdf in region_layers.items()
        },
    )


#: What the app and ui/ use: the values of a view, and the valid choices for the URL and widgets.
__all__ = ["LayerValues", "default_survey", "layer_values", "view_choices"]
