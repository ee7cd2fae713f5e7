"""Values of every indicator at both region levels, and the France métropolitaine reference.

Consolidation 22 -> 13 follows the catalogue's ``aggregation`` column (semantics in data, not
code): ``sum`` for counts, ``weighted_mean`` with the named weight indicator for rates,
``ratio`` for a ratio of two summed counts, ``none`` where the value cannot be consolidated
(medians...): then only a published 2016 value is used. A 2016 region is computed only when all
its former regions have a value (and a weight): otherwise it is "non disponible".

Départements (level ``departement``) are read as stored, ratios computed from their counts. They
also feed the regions: for an indicator whose catalogue says ``regions_from_departements`` (a
count, a ratio of counts, or a rate weighted by its own denominator: exact), a former region
without a published value gets the consolidation of its départements, when all of them have
one; 2016 regions then follow from the former regions as above. The France reference of an
indicator without 22 former-region values is computed from the 96 départements.

A weighted mean whose ``weight_note`` is set has an *approximate* weight (not the rate's own
denominator, e.g. a sub-population's poverty rate weighted by the whole population): its
computed values are approximations. A published value then wins over the computation (a 2016
region's, or France métropolitaine's from the same source); where there is none the computed
value is used and flagged (:func:`approximate_cells`, ``approximate`` in
:func:`france_reference`). Otherwise a computed value wins over a published one.
"""

import numpy as np
import pandas as pd

from geo.levels import check_level
from layers.indicators.bundle import FRANCE_CODES, IndicatorData, UnknownIdError

FRM = "FRM"
FRM_LABEL = FRANCE_CODES[FRM]
COMPUTED_NOTE = "calculé sur les 22 anciennes régions, même règle que la consolidation"
COMPUTED_96_NOTE = "calculé sur les 96 départements, même règle que la consolidation"
DEPARTEMENT = "departement"
#: The reference opens the note of a France value taken from another survey (ERFS rather than
#: Filosofi...) with this word: such a value never replaces a computation.
OTHER_SOURCE_FLAG = "ATTENTION"


def _stored(data: IndicatorData, level: str) -> pd.DataFrame:
    """Stored values of a level as a wide table: index region code, one column per indicator."""
    rows = data.values[data.values["level"] == level]
    return rows.pivot_table(
        index="region_code", columns="indicator_id", values="value", aggfunc="first"
    )


def _complete(column: pd.Series, key: pd.Series) -> pd.Series:
    """Per group: True when every former region of the group has a value."""
    return column.notna().groupby(key).all()


def _sum(pre: pd.DataFrame, key: pd.Series, row: pd.Series) -> pd.Series | None:
    """Counts: new = sum of the former regions."""
    if row["indicator_id"] not in pre:
        return None
    values = pre[row["indicator_id"]]
    return values.groupby(key).sum(min_count=1).where(_complete(values, key))


def _weighted_mean(pre: pd.DataFrame, key: pd.Series, row: pd.Series) -> pd.Series | None:
    """Rates: new = sum(value * weight) / sum(weight), with the catalogue's weight indicator."""
    if row["indicator_id"] not in pre or row["weight_indicator"] not in pre:
        return None
    values, weights = pre[row["indicator_id"]], pre[row["weight_indicator"]]
    num = (values * weights).groupby(key).sum(min_count=1)
    den = weights.groupby(key).sum(min_count=1)
    return (num / den).where(_complete(values, key) & _complete(weights, key))


def _ratio(pre: pd.DataFrame, key: pd.Series, row: pd.Series) -> pd.Series | None:
    """Derived ratios: new = scale * sum(numerator) / sum(denominator), exact."""
    if row["numerator"] not in pre or row["denominator"] not in pre:
        return None
    num, den = pre[row["numerator"]], pre[row["denominator"]]
    ok = _complete(num, key) & _complete(den, key)
    return (_scale(row) * num.groupby(key).sum() / den.groupby(key).sum()).where(ok)


def _scale(row: pd.Series) -> float:
    return float(row["scale"] or 1) if pd.notna(row["scale"]) else 1.0


#: How each ``aggregation`` of the catalogue consolidates former regions into a group; ``none``
#: never does (medians...): only published values are used.
AGGREGATORS = {"sum": _sum, "weighted_mean": _weighted_mean, "ratio": _ratio}
AGGREGATIONS = (*AGGREGATORS, "none")
#: Catalogue columns that the aggregators read, with their value when a catalogue lacks them.
OPTIONAL_COLUMNS = {
    "weight_indicator": "",
    "weight_note": "",
    "numerator": "",
    "denominator": "",
    "scale": "",
}


def approximate_weights(catalogue: pd.DataFrame) -> dict[str, str]:
    """indicator_id -> why its consolidation weight is only an approximation (weighted means
    with a ``weight_note``)."""
    rows = _catalogue(catalogue)
    rows = rows[(rows["aggregation"] == "weighted_mean") & (rows["weight_note"] != "")]
    return dict(zip(rows["indicator_id"], rows["weight_note"], strict=True))


def _catalogue(catalogue: pd.DataFrame) -> pd.DataFrame:
    """The catalogue with the optional columns filled in and its aggregations checked."""
    defaults = {c: catalogue.get(c, d) for c, d in OPTIONAL_COLUMNS.items()}
    out = catalogue.assign(**defaults)
    unknown = sorted(set(out["aggregation"]) - set(AGGREGATIONS))
    if unknown:
        raise UnknownIdError(
            f"Unknown aggregation {unknown[0]!r} in the catalogue; expected one of "
            f"{list(AGGREGATIONS)}"
        )
    return out.fillna(OPTIONAL_COLUMNS)


def _aggregate(pre: pd.DataFrame, groups: pd.Series, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Aggregate the wide pre-2016 table by ``groups`` (one group key per former region).

    A group gets a value only if all its former regions have one (and a weight): otherwise NaN.
    The rules of :data:`AGGREGATORS`, applied to all the indicators of a rule at once (one
    groupby per rule rather than per indicator: the département level tripled the work).
    """
    key = groups.reindex(pre.index)
    cat = _catalogue(catalogue)
    present = cat["indicator_id"].isin(pre.columns)
    parts = []
    sums = cat[(cat["aggregation"] == "sum") & present]
    if not sums.empty:
        values = pre[sums["indicator_id"].tolist()]
        parts.append(values.groupby(key).sum(min_count=1).where(_all_present(values, key)))
    weighted = cat["weight_indicator"].isin(pre.columns)
    means = cat[(cat["aggregation"] == "weighted_mean") & present & weighted]
    if not means.empty:
        values = pre[means["indicator_id"].tolist()]
        weights = _columns_as(pre, means["weight_indicator"], values.columns)
        ok = _all_present(values, key) & _all_present(weights, key)
        num = (values * weights).groupby(key).sum(min_count=1)
        parts.append((num / weights.groupby(key).sum(min_count=1)).where(ok))
    ratios = cat[
        (cat["aggregation"] == "ratio")
        & cat["numerator"].isin(pre.columns)
        & cat["denominator"].isin(pre.columns)
    ]
    if not ratios.empty:
        ids = pd.Index(ratios["indicator_id"])
        num = _columns_as(pre, ratios["numerator"], ids)
        den = _columns_as(pre, ratios["denominator"], ids)
        scale = pd.Series([_scale(row) for _, row in ratios.iterrows()], index=ids)
        ok = _all_present(num, key) & _all_present(den, key)
        parts.append((num.groupby(key).sum() / den.groupby(key).sum() * scale).where(ok))
    if not parts:
        return pd.DataFrame()
    out = pd.concat(parts, axis=1)
    return out[[i for i in cat["indicator_id"] if i in out.columns]]


def _all_present(table: pd.DataFrame, key: pd.Series) -> pd.DataFrame:
    """Per group and column: True when every unit of the group has a value."""
    return table.notna().groupby(key).all()


def _columns_as(pre: pd.DataFrame, ids: pd.Series, names: pd.Index) -> pd.DataFrame:
    """The columns ``ids`` of ``pre`` (repeats allowed), renamed ``names``."""
    return pd.DataFrame(pre[ids.tolist()].to_numpy(), index=pre.index, columns=names)


def _with_ratios(wide: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Add the derived ratio indicators to a wide table of one level (one group per region)."""
    key = pd.Series(wide.index, index=wide.index)
    ratios = _catalogue(catalogue)
    ratios = ratios[ratios["aggregation"] == "ratio"]
    computed = {
        row["indicator_id"]: result
        for _, row in ratios.iterrows()
        if (result := _ratio(wide, key, row)) is not None
    }
    return wide.assign(**computed) if computed else wide.copy()


def level_table(data: IndicatorData, level: str) -> pd.DataFrame:
    """Every indicator's value for every region of a level.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle.
    level : str
        A level of :data:`geo.levels.LEVELS` ("2016", "pre2016", "departement").

    Returns
    -------
    DataFrame
        Index: region codes of the level (all of them, in code order); one column per indicator
        that has values at that level; NaN = non disponible. Read-only (memoised per bundle).
    """
    check_level(level)
    return data.memoised(("level_table", level), lambda: _level_table(data, level))


def _level_table(data: IndicatorData, level: str) -> pd.DataFrame:
    codes = list(data.regions(level))
    if level == "2016":
        values, _ = _chosen_2016(data)
        return values.reindex(index=codes)
    stored = _pre2016(data) if level == "pre2016" else _stored(data, level)
    return _with_ratios(stored, data.catalogue).reindex(index=codes)


def approximate_cells(data: IndicatorData, level: str) -> pd.DataFrame:
    """Which values of :func:`level_table` are approximations: True where a 2016 value was
    computed with an approximate weight (see :func:`approximate_weights`) from two or more
    former regions.

    Same index and columns as ``level_table(data, level)``; all False for the former regions
    (their values are published, or computed exactly from their départements: only exact rules
    feed them) and for the départements (read in their sources). Read-only (memoised per
    bundle).
    """
    table = level_table(data, level)
    if level != "2016":
        return pd.DataFrame(False, index=table.index, columns=table.columns)
    return data.memoised(("approximate_cells",), lambda: _approximate_cells(data, table))


def _approximate_cells(data: IndicatorData, table: pd.DataFrame) -> pd.DataFrame:
    _, computed = _chosen_2016(data)
    approximate = set(approximate_weights(data.catalogue))
    flags = computed.reindex(index=table.index, columns=table.columns, fill_value=False)
    flags = flags & pd.Series(table.columns.isin(approximate), index=table.columns)
    # A region of 2016 with the limits of one former region (Corse, Bretagne...) takes that
    # region's value whatever the weight: exact.
    merged = data.mapping.groupby("code_2016")["code_pre2016"].nunique() > 1
    return flags.mul(merged.reindex(table.index, fill_value=False), axis=0)


def _chosen_2016(data: IndicatorData) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The 2016 value of every cell, and where it was computed (True) rather than published."""
    return data.memoised(("chosen_2016",), lambda: _choose_2016(data))


def _choose_2016(data: IndicatorData) -> tuple[pd.DataFrame, pd.DataFrame]:
    computed, published = _computed_and_published_2016(data)
    index = computed.index.union(published.index)
    columns = computed.columns.union(published.columns)
    computed = computed.reindex(index=index, columns=columns)
    published = published.reindex(index=index, columns=columns)
    # An exact computation wins; an approximate one gives way to a published value.
    approximate = pd.Series(columns.isin(list(approximate_weights(data.catalogue))), columns)
    use_published = published.notna() & (computed.isna() | approximate)
    # copy(): one block per dtype (the where/& results come fragmented, and pandas warns).
    chosen = published.where(use_published, computed).copy()
    return chosen, (computed.notna() & ~use_published).copy()


def _computed_and_published_2016(data: IndicatorData) -> tuple[pd.DataFrame, pd.DataFrame]:
    """2016 values computed from the 22 former regions, and the published 2016 values."""
    groups = data.mapping.set_index("code_pre2016")["code_2016"]
    computed = _aggregate(_pre2016(data), groups, data.catalogue)
    published = _with_ratios(_stored(data, "2016"), data.catalogue)
    return computed, published


def _pre2016(data: IndicatorData) -> pd.DataFrame:
    """Stored former-region values, completed by the consolidation of their départements where
    the catalogue says it is exact (``regions_from_departements``); a stored value wins."""
    return data.memoised(
        ("pre2016_values",),
        lambda: _stored(data, "pre2016").combine_first(from_departements(data)),
    )


def from_departements(data: IndicatorData) -> pd.DataFrame:
    """Former-region values consolidated from the départements.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle (its unit table says which former region holds each département).

    Returns
    -------
    DataFrame
        Index: former-region codes; one column per indicator whose catalogue row has
        ``regions_from_departements`` (ratios excepted: they follow from their counts); NaN
        where a département of the region has no value. Empty without a unit table.
    """
    if data.units is None or "regions_from_departements" not in data.catalogue:
        return pd.DataFrame()
    flagged = data.catalogue["regions_from_departements"].astype(str).str.lower() == "true"
    catalogue = data.catalogue[flagged & (data.catalogue["aggregation"] != "ratio")]
    groups = data.units.set_index("departement")["code_pre2016"]
    return _aggregate(_stored(data, DEPARTEMENT), groups, catalogue)


def consolidate_to_2016(data: IndicatorData) -> pd.DataFrame:
    """The 2016 values of every indicator, in long format.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle.

    Returns
    -------
    DataFrame
        ``indicator_id, region_code, value, method, approximate``: ``method`` is the
        aggregation when the value was computed from the 22 former regions, ``publié`` for a
        published 2016 value (``none`` indicators, series published only for the 2016 regions,
        and weighted means with an approximate weight where a 2016 value is published);
        ``approximate`` flags values computed with an approximate weight (see
        :func:`approximate_cells`). Otherwise a computed value wins over a published one. Non
        disponible values are absent. Read-only (memoised per bundle: a profile asks for it
        at every click).
    """
    return data.memoised(("consolidate_to_2016",), lambda: _consolidate_to_2016(data))


def _consolidate_to_2016(data: IndicatorData) -> pd.DataFrame:
    values, computed = _chosen_2016(data)
    aggregation = data.catalogue.set_index("indicator_id")["aggregation"]
    flags = approximate_cells(data, "2016")

    def long(frame: pd.DataFrame, name: str) -> pd.DataFrame:
        return (
            frame.rename_axis(index="region_code", columns="indicator_id")
            .reset_index()
            .melt(id_vars="region_code", var_name="indicator_id", value_name=name)
        )

    out = long(values, "value").merge(long(computed, "computed"))
    out = out.merge(long(flags, "approximate"), how="left").dropna(subset=["value"])
    out["method"] = out["indicator_id"].map(aggregation).where(out["computed"], "publié")
    out["approximate"] = out["approximate"].fillna(False).astype(bool)
    columns = ["indicator_id", "region_code", "value", "method", "approximate"]
    return out[columns].sort_values(["indicator_id", "region_code"], ignore_index=True)


def france_reference(data: IndicatorData) -> pd.DataFrame:
    """The France value each indicator is compared with.

    Parameters
    ----------
    data : IndicatorData
        The indicator bundle.

    Returns
    -------
    DataFrame
        One row per catalogue indicator: ``indicator_id``, ``value``, ``reference``
        ('France métropolitaine', 'France entière' or '' when non disponible), ``method`` (the
        aggregation when computed over the 22 former regions, 'publié' for a published value,
        'non disponible'), ``note`` (how it was obtained, or the source's caveat for a
        published value), ``approximate`` (computed with an approximate weight) and
        ``other_source`` (a published value from another survey than the regions', e.g. ERFS
        for Filosofi). Consolidable indicators use the same rule as 22 -> 13 over all 22 former
        regions, except that a weighted mean with an approximate weight takes the published
        France métropolitaine value of the same source when there is one; the others use the
        published France métropolitaine value, else France entière.
        Read-only (memoised per bundle).
    """
    return data.memoised(("france_reference",), lambda: _france_reference(data))


def _computed_france(data: IndicatorData) -> tuple[pd.Series, pd.Series]:
    """France métropolitaine computed with the consolidation rule, and the note saying over
    what: the 22 former regions' published values, else the 96 départements, else the former
    regions completed from their départements."""
    tables = [("pre2016", _stored(data, "pre2016"), COMPUTED_NOTE)]
    if data.units is not None:
        tables.append((DEPARTEMENT, _stored(data, DEPARTEMENT), COMPUTED_96_NOTE))
        tables.append(("pre2016", _pre2016(data), COMPUTED_NOTE))
    parts, notes = [], []
    for level, table, note in tables:
        groups = pd.Series(FRM, index=list(data.regions(level)))
        computed = _aggregate(table.reindex(groups.index), groups, data.catalogue)
        values = computed.iloc[0].dropna() if not computed.empty else pd.Series(dtype=float)
        parts.append(values)
        notes.append(pd.Series(note, index=values.index, dtype=object))
    first = lambda parts: pd.concat(parts).groupby(level=0, sort=False).first()  # noqa: E731
    return first(parts), first(notes)


FRANCE_COLUMNS = ["indicator_id", "value", "reference", "method", "note", "approximate",
                  "other_source"]  # fmt: skip


def _france_reference(data: IndicatorData) -> pd.DataFrame:
    computed, computed_notes = _computed_france(data)
    approximate = approximate_weights(data.catalogue)
    published = _published_france(data)
    rows = []
    for row in data.catalogue.itertuples():
        ind = row.indicator_id
        value = computed.get(ind, np.nan)
        if pd.notna(value) and not _gives_way(ind, approximate, published):
            note = computed_notes[ind]
            if ind in approximate:
                note += f" ; poids approché : {approximate[ind]}"
            rows.append((ind, float(value), FRM_LABEL, row.aggregation, note, ind in approximate))
            continue
        code = next((c for c in (FRM, "FR") if (ind, c) in published), None)
        if code is None:
            rows.append((ind, np.nan, "", "non disponible", "", False))
        else:
            value, note = published[(ind, code)]
            rows.append((ind, float(value), FRANCE_CODES[code], "publié", note, False))
    out = pd.DataFrame(rows, columns=FRANCE_COLUMNS[:-1])
    return out.assign(
        other_source=(out["method"] == "publié") & out["note"].str.startswith(OTHER_SOURCE_FLAG)
    )


def _gives_way(indicator_id: str, approximate: dict, published: dict) -> bool:
    """An approximate computation (over the 22 former regions or the 96 départements) gives way
    to France métropolitaine as published by the indicator's own source (not by another
    survey)."""
    frm = published.get((indicator_id, FRM))
    return (
        indicator_id in approximate and frm is not None and not frm[1].startswith(OTHER_SOURCE_FLAG)
    )


def _published_france(data: IndicatorData) -> dict[tuple[str, str], tuple[float, str]]:
    """(indicator, FRM or FR) -> (published value, its note)."""
    france = data.values[data.values["level"] == "france"]
    notes = france["note"] if "note" in france else pd.Series("", index=france.index)
    return {
        (ind, code): (value, str(note or ""))
        for ind, code, value, note in zip(
            france["indicator_id"], france["region_code"], france["value"], notes, strict=True
        )
        if pd.notna(value)
    }


def indicator_values(data: IndicatorData, level: str, indicator_id: str) -> pd.DataFrame:
    """region_code, region_name, value for every region of ``level`` (NaN = non disponible)."""
    data.indicator(indicator_id)
    table = level_table(data, level)
    names = data.regions(level)
    values = table[indicator_id] if indicator_id in table else pd.Series(np.nan, index=table.index)
    return pd.DataFrame(
        {
            "region_code": list(names),
            "region_name": list(names.values()),
            "value": values.reindex(list(names)).to_numpy(),
        }
    )
