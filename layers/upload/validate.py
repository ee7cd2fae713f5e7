"""Check an uploaded table of indicator values or perception scores before anything uses it.

Two formats, the long format of ``data/indicators/`` (see ``docs/import.md``):

- ``valeurs``: indicator_id, level, region_code, value;
- ``perception``: survey, year, actor, level, region_code, domain, score_10.

:func:`validate` reads the text cells from :func:`layers.upload.read.read_table`, accepts what
French users type (French column names, region names instead of INSEE codes, domain labels, decimal
commas) and returns a :class:`ValidationReport`: the rows normalised to the shipped format and a
list of problems, each with its line (header = line 1) and column. Messages are
:class:`~i18n.Text` values, written in French or English only when shown
(:meth:`Problem.in_lang`, :meth:`ValidationReport.to_text`).
:func:`layers.upload.apply.apply_import` then builds a new
:class:`~layers.indicators.bundle.IndicatorData` in which the imported rows replace the shipped
rows with the same key; the shipped files are never touched.
"""

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from i18n import DEFAULT_LANG, Text, render, t
from layers.indicators.bundle import IndicatorData
from layers.indicators.consolidate import (
    COMPUTED_96_NOTE,
    approximate_weights,
    france_reference,
    level_table,
)
from layers.indicators.perception import wave_rows
from layers.upload.cells import (
    CellError,
    Context,
    examples,
    header_key,
    infer_level,
    resolve_choice,
    resolve_level,
    resolve_number,
    resolve_region,
    shown,
)
from layers.upload.formats import (
    ACTORS,
    ALIASES,
    COLUMNS,
    IMPORTED_SOURCE,
    INFERABLE,
    KEYS,
    KINDS,
    SCORE_ALIAS,
    SCORE_RANGE,
    VALUE_LEVELS,
    YEAR_RANGE,
)
from layers.upload.limits import MAX_PROBLEMS, CpuBudget, LimitExceeded
from layers.upload.read import UploadError, column_label, is_unnamed, read_table


@dataclass(frozen=True)
class Problem:
    """One problem of an uploaded table: line as the user sees it (header = 1), column, and the
    message, a :class:`~i18n.Text` (``message`` is its French, :meth:`in_lang` any language)."""

    row: int | None
    column: str | None
    text: Text

    @property
    def message(self) -> str:
        """The message in French."""
        return self.text.render(DEFAULT_LANG)

    def column_in(self, lang: str = DEFAULT_LANG) -> str:
        """The column as the reader's language names it ("" when the problem has none)."""
        return "" if self.column is None else render(column_label(self.column), lang)

    def in_lang(self, lang: str = DEFAULT_LANG) -> str:
        """ "Ligne 3, colonne « value » : …" / "Row 3, column “value”: …"."""
        message, column = self.text.render(lang), self.column_in(lang)
        if self.row is not None and self.column is not None:
            return t("upload.where.row_column", lang, row=self.row, column=column, message=message)
        if self.row is not None:
            return t("upload.where.row", lang, row=self.row, message=message)
        if self.column is not None:
            return t("upload.where.column", lang, column=column, message=message)
        return message

    def __str__(self) -> str:
        return self.in_lang(DEFAULT_LANG)


@dataclass(frozen=True)
class ValidationReport:
    """Result of :func:`validate`: the kind, the valid rows in the shipped format, problems.

    ``notices`` are remarks that do not block the import (e.g. a survey without national
    scores, whose perceived index cannot be computed), as :class:`~i18n.Text` values.
    """

    kind: str
    rows: pd.DataFrame
    problems: tuple[Problem, ...]
    n_lines: int = 0
    notices: tuple[Text, ...] = field(default=())
    #: Line at which the check stopped after :data:`~layers.upload.limits.MAX_PROBLEMS`
    #: problems (None: every line was checked). A stopped check imports nothing.
    stopped_at: int | None = None

    @property
    def complete(self) -> bool:
        return self.stopped_at is None

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def usable(self) -> bool:
        """Whether its valid rows may be imported: there are some, and every line was checked."""
        return not self.rows.empty and self.complete

    def to_text(self, max_problems: int = 200, lang: str = DEFAULT_LANG) -> str:
        """The report in ``lang`` (French by default): a summary line, then one line per
        problem, then the notices."""
        kind = Text(f"upload.kind.{self.kind}")
        if self.is_valid:
            lines = [t("upload.report.valid", lang, kind=render(kind, lang), n=len(self.rows))]
        else:
            n = len(self.problems)
            summary = Text("upload.report.invalid", kind=kind, n=n, lines=self.n_lines)
            lines = [summary.render(lang)]
            lines += [f"- {problem.in_lang(lang)}" for problem in self.problems[:max_problems]]
            if n > max_problems:
                lines.append(t("upload.report.more", lang, n=n - max_problems))
            if self.stopped_at is not None:
                lines.append(t("upload.report.stopped", lang, line=self.stopped_at, n=n))
        lines += [
            t("upload.report.notice", lang, notice=render(notice, lang)) for notice in self.notices
        ]
        return "\n".join(lines)


# --- the two formats -------------------------------------------------------------------------


def _values_row(ctx: Context, cells: dict[str, str]) -> dict:
    """One row of the values format, resolved; raises _RowErrors with (column, message)."""
    out: dict = {}
    errors: list[tuple[str, Text]] = []
    indicator = cells["indicator_id"]
    if indicator in ctx.indicators:
        out["indicator_id"] = indicator
    else:
        hint = examples(sorted(ctx.indicators), indicator)
        what = Text("upload.what.indicator")
        errors.append(
            (
                "indicator_id",
                Text("upload.cell.unknown", what=what, shown=shown(indicator), hint=hint),
            )
        )
    if not cells["level"]:  # no level column (or an empty cell): read it off the region
        try:
            cells = {**cells, "level": infer_level(ctx, cells["region_code"])}
        except CellError as exc:
            errors.append(("level", exc.text))
    for column, resolve in (
        ("level", lambda t: resolve_level(t, VALUE_LEVELS)),
        ("region_code", lambda t: resolve_region(ctx, out["level"], t)),
    ):
        if column == "level" and not cells["level"]:
            continue
        if column == "region_code" and "level" not in out:
            continue
        try:
            out[column] = resolve(cells[column])
        except CellError as exc:
            errors.append((column, exc.text))
    low, high, what = -np.inf, np.inf, ""
    if "indicator_id" in out:
        unit, low, high = ctx.indicators[out["indicator_id"]]
        what = Text("upload.range.for_indicator", indicator=out["indicator_id"], unit=unit)
    try:
        out["value"] = resolve_number(cells["value"], low, high, what)
    except CellError as exc:
        errors.append(("value", exc.text))
    if errors:
        raise _RowErrors(errors)
    return out


def _perception_row(ctx: Context, cells: dict[str, str]) -> dict:
    """One row of the perception format, resolved; raises _RowErrors with (column, message)."""
    out: dict = {}
    errors: list[tuple[str, Text]] = []
    survey = cells["survey"]
    if survey:
        out["survey"] = ctx.surveys.get(survey.upper(), survey)
    else:
        errors.append(("survey", Text("upload.cell.no_survey")))
    year = cells["year"]
    if re.fullmatch(r"\d{4}", year) and YEAR_RANGE[0] <= int(year) <= YEAR_RANGE[1]:
        out["year"] = year
    else:
        low, high = YEAR_RANGE
        errors.append(("year", Text("upload.cell.year", shown=shown(year), low=low, high=high)))
    actors = {a: a for a in ACTORS} | {a.rstrip("s"): a for a in ACTORS}
    score = Text("upload.range.for_score")
    steps: list[tuple[str, Callable[[str], str]]] = [
        ("actor", lambda v: resolve_choice(v, actors, Text("upload.what.actor"))),
        ("level", lambda v: resolve_level(v, ("2016", "france"))),
        ("region_code", lambda v: resolve_region(ctx, out["level"], v, france="FR")),
        ("domain", lambda v: resolve_choice(v, ctx.domains, Text("upload.what.domain"))),
        ("score_10", lambda v: resolve_number(v, *SCORE_RANGE, score)),
    ]
    for column, resolve in steps:
        if column == "region_code" and "level" not in out:
            continue
        try:
            out[column] = resolve(cells[column])
        except CellError as exc:
            errors.append((column, exc.text))
    if errors:
        raise _RowErrors(errors)
    return out


class _RowErrors(Exception):
    """(column, message) pairs of one row."""


ROW_PARSERS: dict[str, Callable[[Context, dict[str, str]], dict]] = {
    "valeurs": _values_row,
    "perception": _perception_row,
}


# --- headers and kind ------------------------------------------------------------------------


#: Headers that name a region by its name: used as the region only when no code column exists
#: (``python -m layers values`` prints both ``region_code`` and ``region_name``).
NAME_HEADERS = {"region_name", "nom_region"}


def _canonical_headers(columns: list[str]) -> dict[str, str]:
    """Header as typed -> column of the formats (unknown headers map to themselves)."""
    keys = {column: header_key(column) for column in columns}
    has_code = any(
        ALIASES.get(key, key) == "region_code" and key not in NAME_HEADERS for key in keys.values()
    )
    return {
        column: ("region_name" if has_code and key in NAME_HEADERS else ALIASES.get(key, key))
        for column, key in keys.items()
    }


def detect_kind(columns: list[str]) -> str | None:
    """``valeurs`` or ``perception`` from the headers, or None if neither is recognisable."""
    canon = set(_canonical_headers(columns).values())
    if canon & {"indicator_id", "value"}:
        return "valeurs"
    if canon & {"survey", "actor", "domain", "score_10", "year"}:
        return "perception"
    return None


def _header_problems(table: pd.DataFrame, kind: str) -> tuple[dict[str, str], list[Problem]]:
    """Typed header -> format column for the required columns, and header problems."""
    canon = _canonical_headers(list(table.columns))
    if kind == "perception" and "score_10" not in canon.values():
        canon = {k: ("score_10" if v == SCORE_ALIAS else v) for k, v in canon.items()}
    problems = []
    seen: dict[str, str] = {}
    for typed, column in canon.items():
        if column in seen and column in COLUMNS[kind]:
            duplicate = Text("upload.table.duplicate_column", first=seen[column], column=column)
            problems.append(Problem(1, typed, duplicate))
        seen.setdefault(column, typed)
    found = tuple(Text("upload.quoted", text=column_label(c)) for c in table.columns)
    missing = Text(
        "upload.table.missing_column",
        kind=Text(f"upload.format.{kind}"),
        expected=COLUMNS[kind],
        found=found or Text("upload.none"),
    )
    for column in COLUMNS[kind]:
        if column not in seen and column not in INFERABLE.get(kind, ()):
            problems.append(Problem(1, column, missing))
    return {typed: col for col, typed in seen.items()}, problems


# --- entry points ----------------------------------------------------------------------------


def validate(
    table: pd.DataFrame,
    data: IndicatorData,
    kind: str | None = None,
    budget: CpuBudget | None = None,
) -> ValidationReport:
    """Check an uploaded table and normalise its rows to the shipped format.

    Parameters
    ----------
    table : DataFrame
        Text cells from :func:`layers.upload.read.read_table` (index = line number, header = 1).
    data : IndicatorData
        The bundle whose catalogue, domains and regions define what is valid.
    kind : {"valeurs", "perception"}, optional
        Format of the table; detected from the headers when omitted.
    budget : CpuBudget, optional
        CPU time left for this file (shared with reading it); exhausting it raises
        :class:`~layers.upload.limits.LimitExceeded`.

    Returns
    -------
    ValidationReport
        ``rows`` holds the valid rows (shipped columns plus ``source_url`` = "données
        importées" and ``note``); ``problems`` one :class:`Problem` per bad cell, duplicate,
        missing column, or value the atlas would not display (it computes it from other
        values: see :func:`_unused_values`). The check stops after
        :data:`~layers.upload.limits.MAX_PROBLEMS` problems (``stopped_at``). The import
        should only go ahead when ``is_valid``.
    """
    budget = budget or CpuBudget()
    if kind is not None and kind not in KINDS:
        raise ValueError(f"Unknown kind {kind!r}; expected one of {list(KINDS)}")
    detected = kind or detect_kind(list(table.columns))
    if detected is None:
        problem = Problem(
            1,
            None,
            Text(
                "upload.table.unknown_kind",
                values=COLUMNS["valeurs"],
                perception=COLUMNS["perception"],
            ),
        )
        return _report("valeurs", [], [problem], table)
    renames, problems = _header_problems(table, detected)
    if problems:
        return _report(detected, [], problems, table)
    if table.empty:
        return _report(detected, [], [Problem(None, None, Text("upload.table.no_rows"))], table)
    rows, problems, stopped_at = _check_rows(table, data, detected, renames, budget)
    checked = table if stopped_at is None else table.loc[:stopped_at]
    problems += _stray_cells(checked)
    notices = []
    if detected == "valeurs":
        rows, notices = _as_unchanged_territories(data, rows)
    problems += _duplicates(rows, detected)
    problems.sort(key=lambda p: p.row or 0)
    if len(problems) >= MAX_PROBLEMS:
        stopped_at = stopped_at or max(p.row or 0 for p in problems)
    elif detected == "valeurs":
        problems += _unused_values(data, rows, {p.row for p in problems})
        problems.sort(key=lambda p: p.row or 0)
    notices += _notices(data, rows, detected)
    return _report(detected, rows, problems, table, notices, stopped_at)


def _check_rows(
    table: pd.DataFrame,
    data: IndicatorData,
    kind: str,
    renames: dict[str, str],
    budget: CpuBudget,
) -> tuple[list[dict], list[Problem], int | None]:
    """Resolved rows (with their line as ``_line``), the problems of each cell, and the line
    where the check stopped (None when every line was checked)."""
    typed_of = {col: typed for typed, col in renames.items()}
    note_column = typed_of.get("note")
    parse = ROW_PARSERS[kind]
    ctx = Context.of(data)
    rows, problems = [], []
    columns = COLUMNS[kind]
    for i, (line, record) in enumerate(zip(table.index, table.to_dict("records"), strict=True)):
        if len(problems) >= MAX_PROBLEMS:
            return rows, problems, int(table.index[i - 1])
        if i % 500 == 0:
            budget.check()
        cells = {
            col: str(record[typed_of[col]]).strip() if col in typed_of else "" for col in columns
        }
        try:
            row = parse(ctx, cells)
        except _RowErrors as exc:
            problems += [Problem(int(line), typed_of.get(c, c), text) for c, text in exc.args[0]]
            continue
        row["note"] = str(record[note_column]).strip() if note_column else ""
        rows.append({**row, "_line": int(line)})
    return rows, problems, None


def _stray_cells(table: pd.DataFrame) -> list[Problem]:
    """Cells beyond the header (often a decimal comma in a ``,``-separated file)."""
    problems = []
    stray = [c for c in table.columns if is_unnamed(c)]
    for column in stray:
        for line, text in table[column].items():
            if len(problems) >= MAX_PROBLEMS:
                return problems
            if str(text).strip():
                stray_cell = Text("upload.table.stray_cell", text=text)
                problems.append(Problem(int(line), column, stray_cell))
    return problems


def _duplicates(rows: list[dict], kind: str) -> list[Problem]:
    problems = []
    first: dict[tuple, int] = {}
    for row in rows:
        key = tuple(row[k] for k in KEYS[kind])
        if key in first:
            same = tuple(f"{k} = {v}" for k, v in zip(KEYS[kind], key, strict=True))
            duplicate = Text("upload.table.duplicate_row", line=first[key], key=same)
            problems.append(Problem(row["_line"], None, duplicate))
        else:
            first[key] = row["_line"]
    return problems


def _notices(data: IndicatorData, rows: list[dict], kind: str) -> list[Text]:
    """Remarks that do not block the import."""
    if not rows:
        return []
    frame = pd.DataFrame(rows)
    if kind == "valeurs":
        return []
    national = pd.concat([data.perception, frame])
    national = national[national["level"] == "france"]
    notices = []
    for (survey, year, actor), _ in frame.groupby(["survey", "year", "actor"]):
        if wave_rows(national, survey, year, actor).empty:
            notices.append(
                Text(
                    "upload.notice.no_national",
                    survey=survey,
                    year=year,
                    actor=Text(f"actor.{actor}"),
                )
            )
    return notices


def _as_unchanged_territories(
    data: IndicatorData, rows: list[dict]
) -> tuple[list[dict], list[Text]]:
    """2016 values of a region whose territory did not change in 2016 (codes 11, 24, 52, 53,
    93, 94), for an indicator the atlas consolidates: stored as the former region's value, the
    one the 2016 value is computed from (same territory). Anything else is left as typed,
    including a weighted mean with an approximate weight: there a 2016 value wins over the
    computation (see :mod:`layers.indicators.consolidate`), so it is displayed as typed."""
    aggregation = data.catalogue.set_index("indicator_id")["aggregation"]
    approximate = approximate_weights(data.catalogue)
    children = data.mapping.groupby("code_2016")["code_pre2016"].agg(list)
    unchanged = {code: kids[0] for code, kids in children.items() if len(kids) == 1}
    moved: dict[str, list[str]] = {}
    shipped = _shipped_values(data)
    out = []
    for row in rows:
        if (
            not _is_shipped(shipped, row)
            and row["level"] == "2016"
            and row["region_code"] in unchanged
            and aggregation.get(row["indicator_id"], "none") in ("sum", "weighted_mean")
            and row["indicator_id"] not in approximate
        ):
            row = {**row, "level": "pre2016", "region_code": unchanged[row["region_code"]]}
            moved.setdefault(row["indicator_id"], []).append(row["region_code"])
        out.append(row)
    notices = [
        Text("upload.notice.unchanged", indicator=indicator, codes=tuple(sorted(codes)))
        for indicator, codes in sorted(moved.items())
    ]
    return out, notices


def _shipped_values(data: IndicatorData) -> dict[tuple[str, str, str], float]:
    """(indicator, level, region) -> value of the shipped bundle."""
    values = (data.origin or data).values
    keys = zip(values["indicator_id"], values["level"], values["region_code"], strict=True)
    return dict(zip(keys, values["value"], strict=True))


def _is_shipped(shipped: dict, row: dict) -> bool:
    key = (row["indicator_id"], row["level"], row["region_code"])
    return bool(np.isclose(shipped.get(key, np.nan), row["value"], rtol=1e-9, atol=0.0))


def _unused_values(data: IndicatorData, rows: list[dict], bad_lines: set) -> list[Problem]:
    """A problem for each value the atlas would not display once imported: one it computes
    from other values (a 2016 value of a consolidated indicator, a ratio, a France value).

    The rows are tried on a copy of the bundle and each displayed value compared with the
    imported one: "accepted, then silently ignored" cannot happen. A row equal to the shipped
    row of the same key changes nothing and is no problem (a re-imported export).
    """
    from layers.upload.apply import merged_rows  # apply imports this module's report type

    good = [r for r in rows if r["_line"] not in bad_lines]
    if not good:
        return []
    frame = pd.DataFrame(good)
    frame["source_url"], frame["note"] = IMPORTED_SOURCE, frame.get("note", "")
    trial = dataclasses.replace(data, values=merged_rows(data.values, frame, "valeurs"))
    catalogue = data.catalogue.set_index("indicator_id")
    reference = france_reference(trial).set_index("indicator_id")
    france = reference["value"]
    levels = {row["level"] for row in good} - {"france"}
    tables = {level: level_table(trial, level) for level in levels}
    shipped = _shipped_values(data)
    problems = []
    for row in good:
        ind, level, code = row["indicator_id"], row["level"], row["region_code"]
        if _is_shipped(shipped, row):
            continue  # the shipped row itself (a re-imported export): nothing changes
        if level == "france":
            shown = france.get(ind, np.nan)
        else:
            table = tables[level]
            shown = table[ind].get(code, np.nan) if ind in table else np.nan
        if np.isclose(shown, row["value"], rtol=1e-9, atol=0.0):
            continue
        from_96 = str(reference["note"].get(ind, "")).startswith(COMPUTED_96_NOTE)
        why = _why_unused(data, catalogue.loc[ind], level, code, from_96)
        problems.append(Problem(row["_line"], "value", why))
    return problems


def _why_unused(
    data: IndicatorData, indicator: pd.Series, level: str, code: str, from_96: bool = False
) -> Text:
    """Why a value is not displayed; ``from_96``: the France reference is computed from the
    96 départements (no value for the 22 former regions)."""
    name = indicator.name
    if indicator["aggregation"] == "ratio":
        return Text(
            "upload.unused.ratio",
            name=name,
            numerator=indicator["numerator"],
            denominator=indicator["denominator"],
        )
    if level == "france":
        return Text("upload.unused.france_96" if from_96 else "upload.unused.france", name=name)
    if level == "2016":
        kids = data.mapping.loc[data.mapping["code_2016"] == code]
        pairs = zip(kids["code_pre2016"], kids["nom_pre2016"], strict=True)
        names = tuple(f"{c} {n}" for c, n in pairs)
        return Text("upload.unused.2016", name=name, code=code, names=names)
    return Text("upload.unused.other", name=name, code=code)


def _report(
    kind: str,
    rows: list[dict],
    problems: list[Problem],
    table: pd.DataFrame,
    notices: list[Text] | None = None,
    stopped_at: int | None = None,
) -> ValidationReport:
    columns = [*COLUMNS[kind], "source_url", "note"]
    bad_lines = {p.row for p in problems}
    good = [r for r in rows if r["_line"] not in bad_lines]
    frame = (
        pd.DataFrame(good, columns=[*columns, "_line"])
        if good
        else pd.DataFrame(columns=[*columns, "_line"])
    )
    frame["source_url"] = IMPORTED_SOURCE
    frame = frame.set_index("_line").rename_axis("ligne")[columns]
    numeric = "value" if kind == "valeurs" else "score_10"
    frame[numeric] = frame[numeric].astype(float)
    text = [c for c in columns if c != numeric]
    frame[text] = frame[text].astype(str)
    return ValidationReport(
        kind, frame, tuple(problems), len(table), tuple(notices or ()), stopped_at
    )


def check_file(
    content: bytes, filename: str, data: IndicatorData, kind: str | None = None
) -> ValidationReport:
    """Read and check an uploaded file: the one entry point of the page and ``layers check``.

    Raises :class:`~layers.upload.read.UploadError` when the file cannot be read or crosses a
    bound of :mod:`layers.upload.limits`, CPU time included (reading and checking share one
    budget).
    """
    budget = CpuBudget()
    table = read_table(content, filename, budget)
    try:
        return validate(table, data, kind, budget)
    except LimitExceeded as exc:
        raise UploadError(Text("upload.file", name=filename, what=exc.text)) from None
