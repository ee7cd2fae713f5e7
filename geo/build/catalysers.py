"""Build data/catalysers/catalyseurs.csv from the shared reference list, its updates and the
hand corrections.

Run ``python -m geo.build.catalysers`` (``--check`` compares with the committed files instead of
writing them). The reference's updates (``catalysers_updates.csv``: a field found later for an
existing row, with its source) are applied first, then data/catalysers/corrections.csv. Each
row's commune is resolved through the gazetteer: its name, then its département (or postcode)
to choose among homonyms; a name that matches no commune, or several that nothing tells apart,
or a commune outside the row's stated region, is *unresolved* — never guessed — and the row
falls back to its département or region. Unresolved rows are fixed in corrections.csv, each
with the source that states the fact and the reason. The counts table of
data/catalysers/README.md is rewritten from the result.
"""

import argparse
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from geo.catalysers import (
    CATALYSERS_CSV,
    CATALYSERS_DIR,
    COLUMNS,
    CONFIDENCE_LABELS,
    FAMILY_LABELS,
    KIND_LABELS,
    METIERS,
    PRECISION_LABELS,
)
from geo.gazetteer import Gazetteer, GazetteerQueryError, NoMatchError, load_gazetteer
from geo.paths import DEPARTEMENTS_CSV, REGION_MAPPING_CSV

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "shared" / "reference"
REFERENCE_CSV = REFERENCE_DIR / "catalysers.csv"
UPDATES_CSV = REFERENCE_DIR / "catalysers_updates.csv"
CORRECTIONS_CSV = CATALYSERS_DIR / "corrections.csv"
README = CATALYSERS_DIR / "README.md"
REFERENCE_COLUMNS = [
    "name", "city", "postcode", "departement", "region_new13", "metiers", "kind", "website",
    "description_fr", "source_url", "note", "confidence",
]  # fmt: skip
CORRECTION_COLUMNS = ["name", "field", "old_value", "new_value", "reason", "source_url"]
UPDATE_COLUMNS = ["name_in_catalyseurs_csv", "field", "new_value", "source_url", "note"]
#: Reference fields a correction or an update may change (where an organisation is, what it
#: does).
CORRECTABLE_FIELDS = ("city", "postcode", "departement", "region_new13", "metiers")
#: Families of local alliances (see :data:`geo.catalysers.FAMILY_LABELS`), recognised by their
#: name as the reference writes it (round 3 of the research, reference README): family -> regex.
FAMILY_PATTERNS = {
    "tzcld": r"^Territoire zéro chômeur de longue durée\b",
    "club_entreprises": r"^(?:Club FACE|FACE )|Les entreprises s'engagent|entreprises inclusives"
    r"|^CREPI\b|^Réseau Alliances\b",
}
_OVERSEAS_SUFFIX = " (outre-mer)"


class BuildError(ValueError):
    """The reference list or the corrections cannot be turned into the directory."""


@dataclass(frozen=True)
class Placement:
    """Where one row goes: commune, département and region codes, point, precision."""

    insee_code: str
    commune: str
    departement: str
    region_2016: str
    lat: float | None
    lon: float | None
    precision: str
    problem: str = ""  # why the commune could not be resolved (row then placed more coarsely)
    warning: str = ""  # resolved, but something did not agree (e.g. a Cedex postcode)


def read_table(path: Path, columns: list[str]) -> pd.DataFrame:
    """A CSV as text (empty cells are empty strings), after checking it has ``columns``."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise BuildError(f"{path}: missing column(s) {missing}; expected {columns}")
    return table


def apply_corrections(reference: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``reference`` with each correction applied.

    A correction names the row (``name``), the field, the value it expects to find
    (``old_value``, so that a correction made stale by a new reference fails loudly) and the new
    value; it must give a ``reason`` and a ``source_url``.
    """
    out = reference.copy()
    for row in corrections.itertuples(index=False):
        where = f"correction for {row.name!r} ({row.field})"
        if not (row.reason.strip() and row.source_url.strip()):
            raise BuildError(f"{where}: reason and source_url are required")
        if row.field not in CORRECTABLE_FIELDS:
            raise BuildError(f"{where}: field must be one of {list(CORRECTABLE_FIELDS)}")
        match = out.index[out["name"] == row.name]
        if len(match) != 1:
            raise BuildError(f"{where}: {len(match)} reference rows have this name, expected 1")
        current = out.at[match[0], row.field]
        if current != row.old_value:
            raise BuildError(f"{where}: expected old value {row.old_value!r}, found {current!r}")
        out.at[match[0], row.field] = row.new_value
    return out


def apply_updates(reference: pd.DataFrame, updates: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``reference`` with the reference's own updates applied.

    An update fills a field the reference left empty (a commune found later), names its source
    and says how sure it is (``note``, e.g. "UNCERTAIN"): the row's ``source_url`` and ``note``
    are extended with them so the directory keeps saying where the fact comes from. An update
    whose field already holds its value is skipped (the reference caught up); one that would
    overwrite another value fails: that is a correction, with the old value stated.
    """
    out = reference.copy()
    for row in updates.itertuples(index=False):
        name = row.name_in_catalyseurs_csv
        where = f"update for {name!r} ({row.field})"
        if not (row.source_url.strip() and row.new_value.strip()):
            raise BuildError(f"{where}: new_value and source_url are required")
        if row.field not in CORRECTABLE_FIELDS:
            raise BuildError(f"{where}: field must be one of {list(CORRECTABLE_FIELDS)}")
        match = out.index[out["name"] == name]
        if len(match) != 1:
            raise BuildError(f"{where}: {len(match)} reference rows have this name, expected 1")
        at = match[0]
        current = out.at[at, row.field]
        if current == row.new_value:
            continue
        if current:
            raise BuildError(
                f"{where}: the reference already has {current!r}; overwrite it with a "
                f"correction stating the old value"
            )
        out.at[at, row.field] = row.new_value
        out.at[at, "source_url"] = _joined(out.at[at, "source_url"], row.source_url, " ; ")
        added = f"Mise à jour de la référence ({row.field} = {row.new_value}) : {row.note.strip()}"
        out.at[at, "note"] = _joined(out.at[at, "note"], added, " ")
    return out


def _joined(text: str, extra: str, separator: str) -> str:
    return f"{text.strip()}{separator}{extra.strip()}" if text.strip() else extra.strip()


def families(names: pd.Series) -> pd.Series:
    """The :data:`FAMILY_PATTERNS` family of each name ("" for none); a name matching two
    families is an error."""
    found = pd.DataFrame(
        {
            family: names.str.contains(pattern, regex=True)
            for family, pattern in FAMILY_PATTERNS.items()
        }
    )
    double = names[found.sum(axis=1) > 1].tolist()
    if double:
        raise BuildError(f"names matching several families: {double}")
    return found.idxmax(axis=1).where(found.any(axis=1), "")


def region_codes_by_name(departements: pd.DataFrame, mapping: pd.DataFrame) -> dict[str, str]:
    """2016 region name -> code: metropolitan names from the region mapping, overseas from the
    départements table (an overseas region has the name of its single département)."""
    names = dict(zip(mapping["nom_2016"], mapping["code_2016"], strict=True))
    overseas = departements[departements["departement"].str.startswith("97")]
    names.update(zip(overseas["nom"], overseas["region_2016"], strict=True))
    return names


def normalise_metiers(text: str) -> str:
    """``;``-separated métier ids, checked against :data:`METIERS`, in their canonical order."""
    ids = {part.strip() for part in text.split(";") if part.strip()}
    unknown = sorted(ids - METIERS.keys())
    if unknown:
        raise BuildError(f"unknown métier(s) {unknown}; expected some of {list(METIERS)}")
    return ";".join(m for m in METIERS if m in ids)


def _postcodes(commune: pd.Series) -> set[str]:
    return set(filter(None, commune["postcodes"].split(";")))


def resolve_commune(
    city: str, departement: str, postcode: str, gazetteer: Gazetteer
) -> tuple[pd.Series | None, str, str]:
    """The commune row for ``city`` (COM or, when the postcode names one, its arrondissement).

    Returns ``(row, problem, warning)``: ``row`` is None and ``problem`` says why when the name
    matches no commune or several that the département and postcode do not tell apart. Only
    exact names count (accents, case, hyphens, articles and "St" aside): a close spelling is
    never taken.
    """
    table = gazetteer.communes
    try:
        found = gazetteer.search(city, limit=len(table))
    except (GazetteerQueryError, NoMatchError):
        return None, f"no commune named {city!r}", ""
    codes = set(found.loc[found["match"] == "exact", "insee_code"])
    exact = table[table["insee_code"].isin(codes)]
    candidates = exact[exact["kind"] == "COM"]
    if departement:
        candidates = candidates[candidates["departement"] == departement]
    if len(candidates) > 1 and postcode:
        candidates = candidates[candidates.apply(lambda c: postcode in _postcodes(c), axis=1)]
    if len(candidates) != 1:
        labels = ", ".join(f"{c.name} ({c.insee_code})" for c in exact.itertuples())
        return (
            None,
            f"{city!r} in {departement or '?'}: {len(candidates)} candidates [{labels}]",
            "",
        )
    commune = candidates.iloc[0]
    arrondissement = _arrondissement(table, commune, postcode)
    if arrondissement is not None:
        return arrondissement, "", ""
    if postcode and commune["postcodes"] and postcode not in _postcodes(commune):
        return commune, "", f"postcode {postcode} is not one of {commune['name']}'s (Cedex?)"
    return commune, "", ""


def _arrondissement(table: pd.DataFrame, commune: pd.Series, postcode: str) -> pd.Series | None:
    """The municipal arrondissement of ``commune`` (Paris, Lyon, Marseille) that ``postcode``
    designates, if exactly one does."""
    if not postcode:
        return None
    arms = table[(table["kind"] == "ARM") & (table["departement"] == commune["departement"])]
    prefix = commune["name"] + " "
    keep = [
        name.startswith(prefix) and postcode in codes.split(";")
        for name, codes in zip(arms["name"], arms["postcodes"], strict=True)
    ]
    arms = arms[keep]
    return arms.iloc[0] if len(arms) == 1 else None


def place_row(
    row: pd.Series, gazetteer: Gazetteer, departements: pd.DataFrame, regions: dict[str, str]
) -> Placement:
    """Resolve one (corrected) reference row to a :class:`Placement`."""
    region_name = row["region_new13"].removesuffix(_OVERSEAS_SUFFIX)
    if region_name and region_name not in regions:
        raise BuildError(f"{row['name']!r}: unknown region {row['region_new13']!r}")
    region = regions.get(region_name, "")
    departement = row["departement"]
    if departement and departement not in departements.index:
        raise BuildError(f"{row['name']!r}: unknown département {departement!r}")
    if departement:
        dep_region = departements.at[departement, "region_2016"]
        if region and region != dep_region:
            raise BuildError(
                f"{row['name']!r}: département {departement} is in region {dep_region}, "
                f"not {row['region_new13']!r}"
            )
        region = dep_region
    problem = warning = ""
    if row["city"]:
        commune, problem, warning = resolve_commune(
            row["city"], departement, row["postcode"], gazetteer
        )
        if commune is not None and region and commune["region_2016"] != region:
            problem = (
                f"{row['city']!r}: the only commune of that name, {commune['name']} "
                f"({commune['insee_code']}), is in region {commune['region_2016']}, "
                f"not {row['region_new13']!r}"
            )
            commune = None
        if commune is not None:
            return Placement(
                commune["insee_code"],
                commune["name"],
                commune["departement"],
                commune["region_2016"],
                commune["lat"],
                commune["lon"],
                "commune",
                warning=warning,
            )
    if departement:
        prefecture = departements.loc[departement]
        return Placement(
            "", "", departement, region, prefecture["lat"], prefecture["lon"], "departement",
            problem,
        )  # fmt: skip
    return Placement("", "", "", region, None, None, "region" if region else "national", problem)


def build_directory(
    reference: pd.DataFrame,
    corrections: pd.DataFrame,
    gazetteer: Gazetteer,
    departements: pd.DataFrame,
    mapping: pd.DataFrame,
    updates: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The directory (:data:`geo.catalysers.COLUMNS`, sorted by name) and a per-row report.

    ``updates`` (the reference's ``catalysers_updates.csv``) are applied before
    ``corrections``. The report has ``name, precision, problem, warning`` for every row.
    """
    rows = reference if updates is None else apply_updates(reference, updates)
    rows = apply_corrections(rows, corrections)
    rows = rows.assign(family=families(rows["name"].str.strip()))
    _check_reference(rows)
    deps = departements.set_index("departement")
    regions = region_codes_by_name(departements, mapping)
    placements = [place_row(row, gazetteer, deps, regions) for _, row in rows.iterrows()]
    placed = pd.DataFrame([asdict(p) for p in placements], index=rows.index)
    out = pd.DataFrame(
        {
            "name": rows["name"].str.strip(),
            **{c: placed[c] for c in ("insee_code", "commune", "departement", "region_2016")},
            "lat": placed["lat"].astype(float),
            "lon": placed["lon"].astype(float),
            "precision": placed["precision"],
            "metiers": rows["metiers"].map(normalise_metiers),
            "kind": rows["kind"],
            "family": rows["family"],
            "confidence": rows["confidence"],
            "website": rows["website"].str.strip(),
            "description": rows["description_fr"].str.strip(),
            "source_url": rows["source_url"].str.strip(),
            "note": rows["note"].str.strip(),
        }
    )[COLUMNS]
    report = pd.DataFrame(
        {"name": out["name"], **{c: placed[c] for c in ("precision", "problem", "warning")}}
    )
    order = out["name"].sort_values(kind="stable").index
    return out.loc[order].reset_index(drop=True), report.loc[order].reset_index(drop=True)


def _check_reference(rows: pd.DataFrame) -> None:
    """Raise on values the directory cannot carry (unknown kind or confidence, no source)."""
    problems = []
    for column, valid in (("kind", KIND_LABELS), ("confidence", CONFIDENCE_LABELS)):
        bad = sorted(set(rows[column]) - valid.keys())
        if bad:
            problems.append(f"{column}: unknown {bad}, expected one of {list(valid)}")
    if (rows["source_url"].str.strip() == "").any():
        problems.append(
            f"no source_url: {rows.loc[rows['source_url'].str.strip() == '', 'name'].tolist()}"
        )
    # Local alliances are never presented as catalysers (reference README, round 3).
    alliances = rows[(rows["family"] != "") & (rows["confidence"] != "C")]
    if not alliances.empty:
        problems.append(
            f"rows of a family of local alliances must be confidence C: "
            f"{alliances['name'].tolist()}"
        )
    duplicated = rows.loc[rows["name"].duplicated(), "name"].tolist()
    if duplicated:
        problems.append(f"duplicated names: {duplicated}")
    if problems:
        raise BuildError("; ".join(problems))


def to_csv_text(directory: pd.DataFrame) -> str:
    """The directory as the committed CSV text (UTF-8, ``\\n`` line ends, 5-decimal points)."""
    return directory.to_csv(index=False, lineterminator="\n", float_format="%.5f")


def summary(report: pd.DataFrame) -> str:
    """Rows per precision, then the unresolved rows and the warnings, one per line."""
    counts = report["precision"].value_counts()
    lines = [f"{len(report)} rows"]
    lines += [f"  {p:<12} {counts.get(p, 0):4d}  {label}" for p, label in PRECISION_LABELS.items()]
    unresolved = report[report["problem"] != ""]
    lines.append(f"unresolved communes: {len(unresolved)}")
    lines += [
        f"  {r.name}: {r.problem} -> placed at {r.precision}" for r in unresolved.itertuples()
    ]
    warnings = report[report["warning"] != ""]
    lines += [f"warning: {r.name}: {r.warning}" for r in warnings.itertuples()]
    return "\n".join(lines)


def build(
    reference_csv: Path = REFERENCE_CSV, updates_csv: Path = UPDATES_CSV
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Build the directory from the shipped inputs (see :func:`build_directory`)."""
    return build_directory(
        read_table(reference_csv, REFERENCE_COLUMNS),
        read_table(CORRECTIONS_CSV, CORRECTION_COLUMNS),
        load_gazetteer(),
        pd.read_csv(DEPARTEMENTS_CSV, dtype={"departement": str, "region_2016": str}),
        pd.read_csv(REGION_MAPPING_CSV, dtype=str),
        read_table(updates_csv, UPDATE_COLUMNS),
    )


def render_counts(directory: pd.DataFrame) -> str:
    """Markdown tables of the directory: rows by confidence and precision, then by family."""
    table = pd.crosstab(directory["confidence"], directory["precision"])
    table = table.reindex(index=list(CONFIDENCE_LABELS), columns=list(PRECISION_LABELS))
    table = table.fillna(0).astype(int)
    lines = [
        "| confidence | " + " | ".join(f"`{p}`" for p in PRECISION_LABELS) + " | total |",
        "|---|" + "---:|" * (len(PRECISION_LABELS) + 1),
    ]
    for level, counts in table.iterrows():
        cells = " | ".join(str(n) for n in counts)
        lines.append(f"| {level} | {cells} | {counts.sum()} |")
    totals = " | ".join(str(n) for n in table.sum())
    lines.append(f"| total | {totals} | {len(directory)} |")
    lines += ["", "| family (all confidence C) | rows | placed on the map |", "|---|---:|---:|"]
    for family in FAMILY_LABELS:
        rows = directory[directory["family"] == family]
        lines.append(f"| `{family}` | {len(rows)} | {int(rows['lat'].notna().sum())} |")
    return "\n".join(lines)


COUNTS_MARKERS = ("<!-- BEGIN counts -->\n", "<!-- END counts -->")


def update_readme(text: str, counts: str) -> str:
    """``text`` with the counts section (between :data:`COUNTS_MARKERS`) replaced."""
    begin, end = COUNTS_MARKERS
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise BuildError(f"{README} has no {begin.strip()} ... {end} markers")
    return pattern.sub(lambda _: f"{begin}{counts}\n{end}", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m geo.build.catalysers", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed file, write nothing"
    )
    args = parser.parse_args(argv)
    directory, report = build()
    print(summary(report))
    outputs = {
        CATALYSERS_CSV: to_csv_text(directory),
        README: update_readme(README.read_text(encoding="utf-8"), render_counts(directory)),
    }
    if args.check:
        stale = [p for p, text in outputs.items() if not _same(p, text)]
        for path in outputs:
            print(f"{path} is {'OUT OF DATE: rebuild it' if path in stale else 'up to date'}")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


def _same(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == text


if __name__ == "__main__":
    sys.exit(main())
