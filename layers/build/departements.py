"""The département level of data/indicators/, from ../shared/reference/departements (build time).

``python -m layers.build.indicators`` calls :func:`extend` after building the region tables: it
adds the 96 départements' values (level ``departement``), the indicators that exist only at
that level, the France métropolitaine values their sources print, and, per indicator, what the
département level needs: whether it enters the indices there (``core_departement``, with its
reason), how a value was obtained (``computed_how``: empty when read in the source) and whether
region values are computed from the départements (``regions_from_departements``).

The curation rules are in :mod:`layers.build.departements_rules`. Nothing is estimated: every
value is a reference row, and the build checks each rule against the figures (sums of
départements against published region values, ratios against the reference's own computation,
France values of the same series).
"""

import re

import numpy as np
import pandas as pd

from geo.region_mapping import load_units
from i18n import localised_number
from layers.build.departements_rules import (
    APPROXIMATE_WEIGHTS,
    CAVEATS,
    COMPUTED_HOW,
    CORE_DEPARTEMENT,
    EXACT_WEIGHTS,
    LABELS,
    RATIOS,
    REGION_CORE,
    REGION_RATIOS,
    SAME_AS,
    SOURCES,
)

LEVEL = "departement"
REFERENCE_FILE = "departements/indicators_departements.csv"
REFERENCE_LEVEL = "dep96"
FRANCE_CODE = "FRM"
#: The reference files the context series under "contexte"; the region catalogue under "profil".
CONTEXT_DOMAIN = "profil"
_EUROSTAT_TABLE = re.compile(r"Eurostat (\w+)")

#: Catalogue columns this level adds (defaults for the region rows that lack them).
COLUMNS = {
    "source_departement": "",
    "source_url_departement": "",
    "computed_how": "",
    "regions_from_departements": False,
    "core_departement": False,
    "core_departement_reason": "",
}


class ReferenceMismatchError(ValueError):
    """A curation rule of this module disagrees with the reference figures."""


def source_name(source_url: str, note: str) -> str:
    """The publisher and file a reference row was read from, in a few words."""
    match = _EUROSTAT_TABLE.match(note)
    if match:
        return f"Eurostat, table {match.group(1)} (NUTS 3)"
    text = f"{source_url} {note}"
    return next((name for pattern, name in SOURCES if pattern in text), note.split(";")[0])


def read_from_url(text: str) -> str:
    """The address of the file a value was read from, as a link.

    The reference writes some sources as "<publisher page> ; github.com/<repo>/blob/<commit>/
    <file>": the file at a fixed commit is where the value was read, so it wins; a PyPI package
    ("<pypi page> ; <path in the package>") keeps its page.

    >>> read_from_url("https://ec.europa.eu/x ; github.com/a/b/blob/1/f.tsv")
    'https://github.com/a/b/blob/1/f.tsv'
    >>> read_from_url("https://pypi.org/project/p/0.0.3/ ; p/resources/f.csv.tgz")
    'https://pypi.org/project/p/0.0.3/'
    """
    parts = [part.strip() for part in text.split(" ; ")]
    github = [p for p in parts if p.startswith(("github.com/", "https://github.com/"))]
    chosen = github[0] if github else parts[0]
    return chosen if chosen.startswith("http") else f"https://{chosen}"


def read_departement_reference(reference_dir) -> pd.DataFrame:
    """The département reference with :data:`SAME_AS` ids replaced (text cells)."""
    path = reference_dir / REFERENCE_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: ../shared/reference must sit beside the repo")
    ref = pd.read_csv(path, dtype=str, keep_default_na=False)
    unknown = sorted(set(ref["level"]) - {REFERENCE_LEVEL})
    if unknown:
        raise ReferenceMismatchError(f"Unknown levels in {path}: {unknown}")
    ref["source_url"] = ref["source_url"].map(read_from_url)
    ref["original_id"] = ref["indicator_id"]
    ref["indicator_id"] = ref["indicator_id"].replace(SAME_AS)
    ref["weight_indicator"] = ref["weight_indicator"].replace(SAME_AS)
    ref["domain"] = ref["domain"].replace({"contexte": CONTEXT_DOMAIN})
    return ref


def _decimals(values: pd.Series) -> int:
    """Decimals a series is printed with (more than 3 is float noise: 1, as data13 does)."""
    found = values.str.extract(r"\.(\d+)$", expand=False).str.len().fillna(0)
    most = int(found.max()) if len(found) else 0
    return 1 if most > 3 else most


def _catalogue_row(group: pd.DataFrame) -> dict:
    first = group.iloc[0]
    indicator_id = first["indicator_id"]
    ratio = RATIOS.get(indicator_id)
    aggregation = "ratio" if ratio else first["aggregation"] or "none"
    return {
        "indicator_id": indicator_id,
        "domain": first["domain"],
        "label_fr": LABELS.get(indicator_id, first["label_fr"]),
        "unit": first["unit"],
        "year": first["year"],
        "direction": int(first["direction"]),
        "aggregation": aggregation,
        "weight_indicator": "" if ratio else first["weight_indicator"],
        "weight_note": APPROXIMATE_WEIGHTS.get(indicator_id, ""),
        "numerator": ratio[0] if ratio else "",
        "denominator": ratio[1] if ratio else "",
        "scale": ratio[2] if ratio else "",
        "decimals": _decimals(group["value"]),
        "source": source_name(first["source_url"], first["note"]),
        "source_url": group["source_url"].value_counts().index[0],
        "note": first["note"],
        "caveat": CAVEATS.get(indicator_id, ""),
        "partial": False,
        "complete_pre2016": False,
        "core": False,
        "core_reason": "",
    }


def _ratio_how(row: pd.Series) -> str:
    """ "rapport : 100 000 × rpps_medecin_2020 / eurostat_population_1janv_2020"."""
    if row["aggregation"] != "ratio":
        return ""
    scale = int(float(row["scale"] or 1))
    factor = "" if scale == 1 else f"{localised_number(scale, ',', 'fr')} × "
    return f"rapport : {factor}{row['numerator']} / {row['denominator']}"


def _check_ratios(ref: pd.DataFrame) -> None:
    """Each ratio of :data:`RATIOS` recomputed from the counts equals the reference's value to
    its printed precision."""
    wide = _wide(ref)
    specs = {**RATIOS, "nuitees_par_habitant_2023": (
        "eurostat_nuitees_touristiques_2023", "eurostat_population_1janv_2023", 1)}  # fmt: skip
    for ratio, (num, den, scale) in specs.items():
        expected = wide[ratio]
        computed = scale * wide[num] / wide[den]
        tolerance = 0.5 * 10.0 ** -_decimals(ref.loc[ref["indicator_id"] == ratio, "value"])
        worst = (computed - expected).abs().max()
        if not worst <= tolerance * 1.001:
            raise ReferenceMismatchError(
                f"{ratio} = {scale} × {num} / {den} differs from the reference by {worst:g}"
            )


def _wide(ref: pd.DataFrame) -> pd.DataFrame:
    rows = ref[ref["region_code"] != FRANCE_CODE]
    return rows.pivot(index="region_code", columns="indicator_id", values="value").astype(float)


def _check_same_as(ref: pd.DataFrame, values: pd.DataFrame, catalogue: pd.DataFrame) -> None:
    """A :data:`SAME_AS` series must agree with the region series: a count sums to its
    published region values, a rate has the same France value (to the printed precision)."""
    units = load_units().set_index("departement")
    wide = _wide(ref)
    aggregation = catalogue.set_index("indicator_id")["aggregation"]
    # Series of the region catalogue under their own id in the département file (population
    # 2016, Filosofi counts...) are checked like SAME_AS counts: the atlas has one series per
    # concept and year, so the départements must sum to the region values it ships.
    shared_counts = {
        i
        for i in set(ref["indicator_id"]) & set(catalogue["indicator_id"])
        if aggregation.get(i) == "sum"
    }
    for region_id in sorted((set(SAME_AS.values()) | shared_counts) - REGION_RATIOS):
        if region_id not in set(catalogue["indicator_id"]):
            raise ReferenceMismatchError(f"SAME_AS names {region_id!r}, not in the catalogue")
        mine = values[values["indicator_id"] == region_id]
        if aggregation[region_id] == "sum":
            for level, column in (("pre2016", "code_pre2016"), ("2016", "code_2016")):
                published = mine[mine["level"] == level].set_index("region_code")["value"]
                if published.empty:
                    continue
                sums = wide[region_id].groupby(units[column]).sum().reindex(published.index)
                # Counts agree to the unit; Eurostat's NUTS 2 nights differ from the sum of its
                # NUTS 3 by a few nights (its own rounding): one in a million is allowed.
                _agree(region_id, level, sums, published, np.maximum(0.5, 1e-6 * published))
            continue
        france = mine[(mine["level"] == "france") & (mine["region_code"] == FRANCE_CODE)]
        dep_france = ref[(ref["indicator_id"] == region_id) & (ref["region_code"] == FRANCE_CODE)]
        if france.empty or dep_france.empty:
            raise ReferenceMismatchError(f"{region_id}: no France value to compare both series")
        printed = 0.5 * 10.0 ** -_decimals(dep_france["value"])  # e.g. 3.93 for 3.9326
        _agree(region_id, "france", dep_france["value"].astype(float).to_numpy(),
               france["value"].to_numpy(), printed * 1.001)  # fmt: skip


def _agree(indicator_id: str, level: str, ours, published, tolerance) -> None:
    gaps = np.abs(np.asarray(ours, float) - np.asarray(published, float))
    gap = np.nanmax(gaps)
    if not np.all(gaps <= tolerance):
        raise ReferenceMismatchError(
            f"{indicator_id}: the départements differ from the published {level} values by {gap:g}"
        )


def departement_values(ref: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Rows of values.csv: the 96 départements (ratios excepted: computed at run time) and the
    France values of the series the region reference lacks."""
    ratios = set(catalogue.loc[catalogue["aggregation"] == "ratio", "indicator_id"])
    main_url = catalogue.set_index("indicator_id")["source_url"]
    kept = ref[~ref["indicator_id"].isin(ratios)]
    is_france = kept["region_code"] == FRANCE_CODE
    out = pd.DataFrame(
        {
            "indicator_id": kept["indicator_id"],
            "level": np.where(is_france, "france", LEVEL),
            "region_code": kept["region_code"],
            "value": pd.to_numeric(kept["value"]),
            "source_url": kept["source_url"].where(
                kept["source_url"] != kept["indicator_id"].map(main_url), ""
            ),
            "note": np.where(
                is_france,
                "valeur France métropolitaine publiée dans le même fichier : "
                + kept["source_url"].combine(kept["note"], source_name),
                "",
            ),
        }
    )
    return out


def extend(
    reference_dir, domains: pd.DataFrame, catalogue: pd.DataFrame, values: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The region catalogue and values with the département level added.

    Parameters
    ----------
    reference_dir : Path
        ``../shared/reference`` (holds ``departements/indicators_departements.csv``).
    domains : DataFrame
        domains.csv (the 16 domain ids).
    catalogue, values : DataFrame
        The region catalogue and values as :mod:`layers.build.indicators` builds them.

    Returns
    -------
    (DataFrame, DataFrame)
        The catalogue (new indicators appended, the département columns of :data:`COLUMNS`
        filled for every row) and the values (département rows and new France rows appended).

    Raises
    ------
    ReferenceMismatchError
        If a rule of this module disagrees with the reference figures or names an unknown id.
    """
    ref = read_departement_reference(reference_dir)
    _check_rules(ref, catalogue, domains)
    _check_ratios(ref)
    _check_same_as(ref, values, catalogue)
    known = set(catalogue["indicator_id"])
    new_rows = [
        _catalogue_row(group)
        for indicator_id, group in ref.groupby("indicator_id", sort=False)
        if indicator_id not in known
    ]
    out = pd.concat([catalogue, pd.DataFrame(new_rows)], ignore_index=True)
    out = _level_columns(out, ref, values)
    france_known = set(values.loc[values["level"] == "france", "indicator_id"])
    dep_values = departement_values(ref, out)
    dep_values = dep_values[
        (dep_values["level"] == LEVEL) | ~dep_values["indicator_id"].isin(france_known)
    ]
    all_values = pd.concat([values, dep_values], ignore_index=True)
    key = ["indicator_id", "level", "region_code"]
    if all_values.duplicated(key).any():
        raise ReferenceMismatchError(f"Duplicate values: {all_values[all_values.duplicated(key)]}")
    return out, all_values.sort_values(key, ignore_index=True)


def _level_columns(
    catalogue: pd.DataFrame, ref: pd.DataFrame, values: pd.DataFrame
) -> pd.DataFrame:
    """Fill :data:`COLUMNS` (and the region core additions) for every catalogue row."""
    out = catalogue.copy()
    for column, default in COLUMNS.items():
        out[column] = out[column].fillna(default) if column in out else default
    out = out.fillna({"weight_note": "", "caveat": ""})
    ids = out["indicator_id"]
    at_departements = set(ref["indicator_id"])
    exact = out["aggregation"].eq("sum") | ids.isin(EXACT_WEIGHTS)
    flagged = ids.isin(at_departements) & exact
    # A ratio is computed from its counts at every level: from the départements' where one of
    # its counts is not published for the 22 former regions.
    per_region = values[values["level"] == "pre2016"].groupby("indicator_id").size()
    published = set(per_region.index[per_region == 22])
    counts = flagged.groupby(ids).any()
    from_deps = lambda col: out[col].map(counts).fillna(False).astype(bool)  # noqa: E731
    ratio = (out["aggregation"] == "ratio") & (
        (from_deps("numerator") & ~out["numerator"].isin(published))
        | (from_deps("denominator") & ~out["denominator"].isin(published))
    )
    out["regions_from_departements"] = flagged | ratio
    out.loc[ids.isin(EXACT_WEIGHTS), "weight_note"] = ""
    # A former region's value computed from its départements is shown without "≈" (see
    # layers.indicators.consolidate.approximate_cells): only exact rules may feed it.
    inexact = out[out["regions_from_departements"] & (out["weight_note"] != "")]
    if not inexact.empty:
        raise ReferenceMismatchError(
            f"Region values computed from départements with an approximate weight: "
            f"{inexact['indicator_id'].tolist()}"
        )
    how = ids.map(COMPUTED_HOW).fillna("")
    ratio_how = out.apply(_ratio_how, axis=1)
    out["computed_how"] = how.where(how != "", ratio_how)
    out["core_departement"] = ids.isin(CORE_DEPARTEMENT)
    out["core_departement_reason"] = ids.map(CORE_DEPARTEMENT).fillna("")
    regions_core = ids.isin(REGION_CORE)
    out.loc[regions_core, "core"] = True
    out.loc[regions_core, "core_reason"] = ids[regions_core].map(REGION_CORE)
    out.loc[regions_core, "complete_pre2016"] = True
    # The source of the département values (another file than the regions' for shared series).
    first = ref.drop_duplicates("indicator_id").set_index("indicator_id")
    urls = ref.groupby("indicator_id")["source_url"].agg(lambda u: u.value_counts().index[0])
    names = {i: source_name(urls[i], first.loc[i, "note"]) for i in urls.index}
    out["source_departement"] = ids.map(names).fillna("")
    out["source_url_departement"] = ids.map(urls).fillna("")
    caveats = ids.map(CAVEATS).fillna("")
    out["caveat"] = out["caveat"].where(out["caveat"] != "", caveats)
    return out


def _check_rules(ref: pd.DataFrame, catalogue: pd.DataFrame, domains: pd.DataFrame) -> None:
    """Every rule names an indicator of the reference (or the catalogue), with a rule that fits."""
    ids = set(ref["indicator_id"]) | set(catalogue["indicator_id"])
    rules = {
        "SAME_AS": set(SAME_AS), "RATIOS": set(RATIOS), "EXACT_WEIGHTS": set(EXACT_WEIGHTS),
        "CORE_DEPARTEMENT": set(CORE_DEPARTEMENT), "REGION_CORE": set(REGION_CORE),
        "LABELS": set(LABELS), "CAVEATS": set(CAVEATS), "COMPUTED_HOW": set(COMPUTED_HOW),
        "APPROXIMATE_WEIGHTS": set(APPROXIMATE_WEIGHTS),
    }  # fmt: skip
    originals = set(ref["original_id"])
    unknown = {
        name: sorted(rule - (originals if name == "SAME_AS" else ids))
        for name, rule in rules.items()
        if rule - (originals if name == "SAME_AS" else ids)
    }
    first = ref.drop_duplicates("indicator_id").set_index("indicator_id")
    core = first.reindex([i for i in CORE_DEPARTEMENT if i in first.index])
    unfit = sorted(core.index[core["direction"] == "0"])
    counts = ref[ref["region_code"] != FRANCE_CODE].groupby("indicator_id").size()
    thin = sorted(i for i in CORE_DEPARTEMENT if counts.get(i, 0) < 94)
    weighted = set(first.index[first["aggregation"] == "weighted_mean"])
    not_weighted = sorted((set(EXACT_WEIGHTS) | set(APPROXIMATE_WEIGHTS)) - weighted)
    # A weighted mean new to the catalogue needs a decision: exact weight or approximate.
    undecided = sorted(
        weighted - set(catalogue["indicator_id"]) - set(EXACT_WEIGHTS) - set(APPROXIMATE_WEIGHTS)
    )
    bad_domains = sorted(set(ref["domain"]) - set(domains["domain"]) - {CONTEXT_DOMAIN})
    if unknown or unfit or thin or not_weighted or undecided or bad_domains:
        raise ReferenceMismatchError(
            f"Département rules out of date: unknown ids {unknown}, core without direction "
            f"{unfit}, core with fewer than 94 départements {thin}, weight rules that are not "
            f"weighted means {not_weighted}, weighted means with no weight rule {undecided}, "
            f"unknown domains {bad_domains}"
        )
