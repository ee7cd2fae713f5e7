"""Values of every indicator at both region levels, and the France métropolitaine reference.

Consolidation 22 -> 13 follows the catalogue's ``aggregation`` column (semantics in data, not
code): ``sum`` for counts, ``weighted_mean`` with the named weight indicator for rates,
``ratio`` for a ratio of two summed counts, ``none`` where the value cannot be consolidated
(medians...): then only a published 2016 value is used. A 2016 region is computed only when all
its former regions have a value (and a weight): otherwise it is "non disponible".
"""

import numpy as np
import pandas as pd

from layers.indicator_data import FRANCE_CODES, IndicatorData, check_level

FRM = "FRM"
FRM_LABEL = FRANCE_CODES[FRM]


def _stored(data: IndicatorData, level: str) -> pd.DataFrame:
    """Stored values of a level as a wide table: index region code, one column per indicator."""
    rows = data.values[data.values["level"] == level]
    return rows.pivot_table(
        index="region_code", columns="indicator_id", values="value", aggfunc="first"
    )


def _group_all(codes: pd.Index, groups: pd.Series) -> pd.Series:
    """Group key per former region: its 2016 code, or FRM for the whole of France."""
    return groups.reindex(codes)


def _aggregate(pre: pd.DataFrame, groups: pd.Series, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Aggregate the wide pre-2016 table by ``groups`` (one group key per former region)."""
    out = {}
    key = groups.reindex(pre.index)
    complete = lambda col: col.notna().groupby(key).all()  # noqa: E731
    for row in catalogue.itertuples():
        ind = row.indicator_id
        if row.aggregation == "sum" and ind in pre:
            total = pre[ind].groupby(key).sum(min_count=1)
            out[ind] = total.where(complete(pre[ind]))
        elif row.aggregation == "weighted_mean" and ind in pre and row.weight_indicator in pre:
            v, w = pre[ind], pre[row.weight_indicator]
            num = (v * w).groupby(key).sum(min_count=1)
            den = w.where(v.notna()).groupby(key).sum(min_count=1)
            ok = complete(v) & complete(w)
            out[ind] = (num / den).where(ok)
        elif row.aggregation == "ratio" and row.numerator in pre and row.denominator in pre:
            n, d = pre[row.numerator], pre[row.denominator]
            ok = complete(n) & complete(d)
            scale = float(row.scale or 1)
            out[ind] = (scale * n.groupby(key).sum() / d.groupby(key).sum()).where(ok)
    return pd.DataFrame(out)


def _with_ratios(wide: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Add the derived ratio indicators to a wide table of one level."""
    wide = wide.copy()
    for row in catalogue[catalogue["aggregation"] == "ratio"].itertuples():
        if row.numerator in wide and row.denominator in wide:
            wide[row.indicator_id] = (
                float(row.scale or 1) * wide[row.numerator] / wide[row.denominator]
            )
    return wide


def level_table(data: IndicatorData, level: str) -> pd.DataFrame:
    """Every indicator's value for every region of ``level``: index region code, one column per
    indicator (NaN = non disponible). Read-only (memoised per bundle)."""
    check_level(level)
    return data.memoised(("level_table", level), lambda: _level_table(data, level))


def _level_table(data: IndicatorData, level: str) -> pd.DataFrame:
    codes = list(data.regions(level))
    if level == "pre2016":
        wide = _with_ratios(_stored(data, "pre2016"), data.catalogue)
        return wide.reindex(index=codes)
    pre = _stored(data, "pre2016")
    groups = data.mapping.set_index("code_pre2016")["code_2016"]
    computed = _aggregate(pre, groups, data.catalogue)
    published = _with_ratios(_stored(data, "2016"), data.catalogue)
    wide = computed.combine_first(published) if not published.empty else computed
    return wide.reindex(index=codes)


def consolidate_to_2016(data: IndicatorData) -> pd.DataFrame:
    """Long table of 2016 values: indicator_id, region_code, value, method.

    ``method`` says how each value was obtained: the aggregation (computed from the 22 former
    regions) or ``publié`` (a published 2016 value, for ``none`` indicators or 2016-only data).
    """
    pre = _stored(data, "pre2016")
    groups = data.mapping.set_index("code_pre2016")["code_2016"]
    computed = _aggregate(pre, groups, data.catalogue)
    published = _with_ratios(_stored(data, "2016"), data.catalogue)
    aggregation = data.catalogue.set_index("indicator_id")["aggregation"]
    parts = []
    for frame, method in ((computed, None), (published, "publié")):
        long = (
            frame.rename_axis("region_code")
            .reset_index()
            .melt(id_vars="region_code", var_name="indicator_id", value_name="value")
            .dropna()
        )
        long["method"] = long["indicator_id"].map(aggregation) if method is None else method
        parts.append(long)
    out = pd.concat(parts).drop_duplicates(["indicator_id", "region_code"], keep="first")
    return out.sort_values(["indicator_id", "region_code"], ignore_index=True)


def france_reference(data: IndicatorData) -> pd.DataFrame:
    """France reference per indicator: indicator_id, value, reference, method.

    Consolidable indicators: the same rule over all 22 former regions (France métropolitaine,
    ``method`` = the aggregation). Others: the published value, France métropolitaine if the
    source has one, else France entière (``reference`` says which). Read-only (memoised).
    """
    return data.memoised(("france_reference",), lambda: _france_reference(data))


def _france_reference(data: IndicatorData) -> pd.DataFrame:
    pre = _stored(data, "pre2016")
    groups = pd.Series(FRM, index=list(data.regions("pre2016")))
    computed = _aggregate(pre.reindex(groups.index), groups, data.catalogue)
    computed = computed.iloc[0] if not computed.empty else pd.Series(dtype=float)
    france = data.values[data.values["level"] == "france"]
    rows = []
    for row in data.catalogue.itertuples():
        ind = row.indicator_id
        value = computed.get(ind, np.nan)
        if pd.notna(value):
            rows.append((ind, float(value), FRM_LABEL, row.aggregation))
            continue
        published = france[france["indicator_id"] == ind].set_index("region_code")["value"]
        for code in (FRM, "FR"):
            if code in published and pd.notna(published[code]):
                rows.append((ind, float(published[code]), FRANCE_CODES[code], "publié"))
                break
        else:
            rows.append((ind, np.nan, "", "non disponible"))
    return pd.DataFrame(rows, columns=["indicator_id", "value", "reference", "method"])


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
