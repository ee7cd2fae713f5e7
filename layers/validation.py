"""Check an uploaded table of indicator values or perception scores before anything uses it.

Two formats, the long format of ``data/indicators/`` (see ``docs/import.md``):

- ``valeurs``: indicator_id, level, region_code, value;
- ``perception``: survey, year, actor, level, region_code, domain, score_10.

:func:`validate` reads the text cells from :func:`layers.upload.read_table`, accepts what French
users type (French column names, region names instead of INSEE codes, domain labels, decimal
commas) and returns a :class:`ValidationReport`: the rows normalised to the shipped format and a
French list of problems, each with its line (header = line 1) and column. :func:`apply_import`
then builds a new :class:`~layers.indicator_data.IndicatorData` in which the imported rows
replace the shipped rows with the same key; the shipped files are never touched.
"""

import dataclasses
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from geo.names import normalise_name
from layers.consolidate import approximate_weights
from layers.indicator_data import IndicatorData, load_indicator_data
from layers.upload import french_csv

IMPORTED_SOURCE = "données importées"
KINDS = ("valeurs", "perception")
#: Required columns per kind, in the order of the shipped files.
COLUMNS = {
    "valeurs": ("indicator_id", "level", "region_code", "value"),
    "perception": ("survey", "year", "actor", "level", "region_code", "domain", "score_10"),
}
#: Columns that may be absent: the level of a region is inferred from its code or name.
INFERABLE = {"valeurs": ("level",)}
#: Rows with the same key are duplicates; an imported row replaces the shipped row with its key.
KEYS = {
    "valeurs": ("indicator_id", "level", "region_code"),
    "perception": ("survey", "year", "actor", "level", "region_code", "domain"),
}
#: Header (normalised: no accent, lower case, ``_`` between words) -> column of the format.
ALIASES = {
    "indicateur": "indicator_id",
    "id_indicateur": "indicator_id",
    "indicator": "indicator_id",
    "niveau": "level",
    "region": "region_code",
    "code_region": "region_code",
    "region_name": "region_code",
    "nom_region": "region_code",
    "valeur": "value",
    "enquete": "survey",
    "annee": "year",
    "acteur": "actor",
    "domaine": "domain",
    "score": "score_10",
    "note_10": "score_10",
    "note_sur_10": "score_10",
}
#: "note" means the score only in a perception file without a score_10 column (in the shipped
#: files "note" is a free-text remark).
SCORE_ALIAS = "note"
OPTIONAL = ("note",)
#: Level as typed (normalised) -> level of the format. "2015" and "anciennes" mean the 22
#: regions that existed until 2015; "nouvelles" the 13 regions of 2016.
LEVEL_ALIASES = {
    "pre2016": "pre2016",
    "pre 2016": "pre2016",
    "avant 2016": "pre2016",
    "2015": "pre2016",
    "anciennes": "pre2016",
    "anciennes regions": "pre2016",
    "2016": "2016",
    "nouvelles": "2016",
    "nouvelles regions": "2016",
    "france": "france",
}
#: France as a region: normalised text -> code. Values use FRM (France métropolitaine) unless
#: FR (France entière) is given; survey national scores are stored as FR, like the shipped ones.
FRANCE_NAMES = {
    "frm": "FRM",
    "france metropolitaine": "FRM",
    "france": "FRM",
    "fr": "FR",
    "france entiere": "FR",
}
ACTORS = ("citoyens", "associations", "entreprises")
SCORE_RANGE = (1.0, 10.0)
YEAR_RANGE = (1990, 2100)
LIFE_EXPECTANCY_RANGE = (60.0, 100.0)
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f']")
TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "data" / "templates"
TEMPLATE_FILES = {"valeurs": "modele_valeurs.csv", "perception": "modele_perception.csv"}
#: Real shipped rows used as templates: (level, region codes) of two regions.
TEMPLATE_REGIONS = {"valeurs": ("pre2016", ("31", "22")), "perception": ("2016", ("32", "75"))}


@dataclass(frozen=True)
class Problem:
    """One problem of an uploaded table: line as the user sees it (header = 1), column, text."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"Ligne {self.row}")
        if self.column is not None:
            where.append(f"colonne « {self.column} »")
        prefix = ", ".join(where)
        if prefix:
            prefix = prefix[0].upper() + prefix[1:] + " : "
        return prefix + self.message


@dataclass(frozen=True)
class ValidationReport:
    """Result of :func:`validate`: the kind, the valid rows in the shipped format, problems.

    ``notices`` are remarks that do not block the import (e.g. a survey without national
    scores, whose perceived index cannot be computed).
    """

    kind: str
    rows: pd.DataFrame
    problems: tuple[Problem, ...]
    n_lines: int = 0
    notices: tuple[str, ...] = field(default=())

    @property
    def is_valid(self) -> bool:
        return not self.problems

    def to_text(self, max_problems: int = 200) -> str:
        """The French report: a summary line, then one line per problem, then the notices."""
        label = {"valeurs": "valeurs d'indicateurs", "perception": "notes de perception"}
        if self.is_valid:
            lines = [
                f"Fichier valide ({label[self.kind]}) : {len(self.rows)} ligne(s) prête(s) à "
                "importer."
            ]
        else:
            n = len(self.problems)
            lines = [
                f"Fichier invalide ({label[self.kind]}) : {n} problème(s) sur {self.n_lines} "
                "ligne(s) de données. Rien n'a été importé."
            ]
            lines += [f"- {problem}" for problem in self.problems[:max_problems]]
            if n > max_problems:
                lines.append(f"- … et {n - max_problems} autre(s) problème(s).")
        lines += [f"Remarque : {notice}" for notice in self.notices]
        return "\n".join(lines)


# --- parsing helpers -------------------------------------------------------------------------


def _header_key(text: str) -> str:
    return normalise_name(text).replace(" ", "_")


def parse_number(text: str) -> float | None:
    """A number typed the French or English way ("1 234,5", "1234.5", "1.234,5", "12,6 %");
    else None. A trailing "%" is the unit, as spreadsheets display it, not part of the number."""
    cleaned = _SPACES.sub("", text).removesuffix("%")
    if "," in cleaned and "." in cleaned:  # the last one is the decimal mark
        thousands = "." if cleaned.rfind(",") > cleaned.rfind(".") else ","
        cleaned = cleaned.replace(thousands, "")
    cleaned = cleaned.replace(",", ".")
    if not _NUMBER.match(cleaned):
        return None
    return float(cleaned)


def _examples(valid: list[str], typed: str, n: int = 5) -> str:
    """Closest valid values to ``typed`` (or the first ones), for a message."""
    close = difflib.get_close_matches(typed, valid, n=3, cutoff=0.6)
    shown = close or valid[:n]
    more = "" if close or len(valid) <= n else f", … ({len(valid)} au total)"
    word = "proche(s)" if close else "valide(s)"
    return f"valeur(s) {word} : {', '.join(shown)}{more}"


def plausible_range(unit: str, indicator_id: str) -> tuple[float, float]:
    """Plausible (low, high) of an indicator's values, from its unit (documented in import.md).

    Percentages 0-100 (an evolution in % may be negative: -100 upwards), life expectancy
    60-100 years, "score 0-100" 0-100, every other quantity (counts, rates, amounts) >= 0.
    """
    unit = unit.strip().lower()
    if "esperance_vie" in indicator_id:
        return LIFE_EXPECTANCY_RANGE
    if unit.startswith("%") or unit.startswith("score 0-100"):
        return (-100.0, np.inf) if indicator_id.startswith("evolution") else (0.0, 100.0)
    return (0.0, np.inf)


def _range_text(low: float, high: float) -> str:
    fmt = lambda x: f"{x:g}".replace(".", ",")  # noqa: E731
    return f"au moins {fmt(low)}" if np.isinf(high) else f"de {fmt(low)} à {fmt(high)}"


# --- resolving cells -------------------------------------------------------------------------


class _CellError(Exception):
    """A cell that cannot be resolved; the message is French."""


def _resolve_level(text: str, allowed: tuple[str, ...]) -> str:
    level = LEVEL_ALIASES.get(normalise_name(text))
    if level is None or level not in allowed:
        shown = "vide" if not text else f"« {text} »"
        raise _CellError(f"niveau {shown} inconnu ; niveaux valides : {', '.join(allowed)}.")
    return level


@dataclass(frozen=True)
class _Context:
    """What is valid, looked up once per validation (not once per row)."""

    regions: dict  # level -> {code: name}
    by_name: dict  # level -> {normalised name: code}
    indicators: dict  # indicator id -> (unit, low, high)
    surveys: dict  # upper-case survey -> shipped spelling
    domains: dict  # normalised domain id or label -> domain id

    @classmethod
    def of(cls, data: IndicatorData) -> "_Context":
        regions = {level: dict(names) for level, names in data.region_names.items()}
        by_name = {
            level: {normalise_name(name): code for code, name in names.items()}
            for level, names in regions.items()
        }
        indicators = {
            row.indicator_id: (str(row.unit), *plausible_range(str(row.unit), row.indicator_id))
            for row in data.catalogue.itertuples()
        }
        surveys = {s.upper(): s for s in data.perception["survey"].unique()}
        return cls(regions, by_name, indicators, surveys, _domain_names(data))


def _resolve_region(ctx: _Context, level: str, text: str, france: str | None = None) -> str:
    """Code of a region typed as code or name; ``france`` forces the code of France."""
    if not text:
        raise _CellError("région manquante (code INSEE ou nom).")
    if level == "france":
        code = FRANCE_NAMES.get(normalise_name(text))
        code = france if code and france else code
        if code is None:
            raise _CellError(
                f"« {text} » n'est pas la France ; pour le niveau france, indiquez FRM "
                "(France métropolitaine) ou FR (France entière)."
            )
        return code
    names = ctx.regions[level]
    if text in names:
        return text
    key = normalise_name(text)
    if key in ctx.by_name[level]:
        return ctx.by_name[level][key]
    other = "2016" if level == "pre2016" else "pre2016"
    if key in ctx.by_name[other]:
        raise _CellError(
            f"« {text} » est une région du niveau {other} (code {ctx.by_name[other][key]}), pas "
            f"du niveau {level}."
        )
    valid = [f"{code} {name}" for code, name in names.items()]
    raise _CellError(
        f"région « {text} » inconnue au niveau {level} ; codes et noms valides : "
        f"{', '.join(valid)}."
    )


def _infer_level(ctx: _Context, text: str) -> str:
    """The level of a region typed without its level.

    A region found at one level only is taken at that level. The six codes shared by both
    levels (11, 24, 52, 53, 93, 94) name regions whose territory did not change in 2016: the
    value is stored as a former region's, and consolidation gives the same 2016 value.
    """
    if normalise_name(text) in FRANCE_NAMES:
        return "france"
    found = []
    for level in ("pre2016", "2016"):
        try:
            found.append((level, _resolve_region(ctx, level, text)))
        except _CellError:
            continue
    if not found:
        raise _CellError(
            f"région « {text} » inconnue, ni ancienne région ni région de 2016 ; ajoutez une "
            "colonne level (pre2016, 2016 ou france) ou utilisez le code INSEE."
        )
    if len(found) == 2 and found[0][1] != found[1][1]:
        raise _CellError(f"« {text} » est ambigu : précisez le niveau (colonne level).")
    return found[0][0]


def _resolve_number(text: str, low: float, high: float, what: str) -> float:
    if not text:
        raise _CellError("valeur manquante.")
    value = parse_number(text)
    if value is None:
        raise _CellError(f"« {text} » n'est pas un nombre.")
    if not low <= value <= high:
        shown = f"{value:g}".replace(".", ",")
        raise _CellError(f"{shown} hors de la plage plausible {what} ({_range_text(low, high)}).")
    return value


def _resolve_choice(text: str, valid: dict[str, str], what: str) -> str:
    """``valid`` maps normalised text -> canonical id; unknown text lists the ids."""
    found = valid.get(normalise_name(text))
    if found is None:
        ids = list(dict.fromkeys(valid.values()))
        shown = "vide" if not text else f"« {text} »"
        raise _CellError(f"{what} {shown} inconnu ; {_examples(ids, text)}.")
    return found


# --- the two formats -------------------------------------------------------------------------


def _values_row(ctx: _Context, cells: dict[str, str]) -> dict:
    """One row of the values format, resolved; raises _RowErrors with (column, message)."""
    out: dict = {}
    errors: list[tuple[str, str]] = []
    indicator = cells["indicator_id"]
    if indicator in ctx.indicators:
        out["indicator_id"] = indicator
    else:
        shown = "vide" if not indicator else f"« {indicator} »"
        hint = _examples(sorted(ctx.indicators), indicator)
        errors.append(("indicator_id", f"indicateur {shown} inconnu ; {hint}."))
    if not cells["level"]:  # no level column (or an empty cell): read it off the region
        try:
            cells = {**cells, "level": _infer_level(ctx, cells["region_code"])}
        except _CellError as exc:
            errors.append(("level", str(exc)))
    for column, resolve in (
        ("level", lambda t: _resolve_level(t, ("pre2016", "2016", "france"))),
        ("region_code", lambda t: _resolve_region(ctx, out["level"], t)),
    ):
        if column == "level" and not cells["level"]:
            continue
        if column == "region_code" and "level" not in out:
            continue
        try:
            out[column] = resolve(cells[column])
        except _CellError as exc:
            errors.append((column, str(exc)))
    low, high, what = -np.inf, np.inf, ""
    if "indicator_id" in out:
        unit, low, high = ctx.indicators[out["indicator_id"]]
        what = f"pour « {out['indicator_id']} » ({unit})"
    try:
        out["value"] = _resolve_number(cells["value"], low, high, what)
    except _CellError as exc:
        errors.append(("value", str(exc)))
    if errors:
        raise _RowErrors(errors)
    return out


def _perception_row(ctx: _Context, cells: dict[str, str]) -> dict:
    """One row of the perception format, resolved; raises _RowErrors with (column, message)."""
    out: dict = {}
    errors: list[tuple[str, str]] = []
    survey = cells["survey"]
    if survey:
        out["survey"] = ctx.surveys.get(survey.upper(), survey)
    else:
        errors.append(("survey", "nom d'enquête manquant (par exemple PHARE ou IMPACT)."))
    year = cells["year"]
    if re.fullmatch(r"\d{4}", year) and YEAR_RANGE[0] <= int(year) <= YEAR_RANGE[1]:
        out["year"] = year
    else:
        shown = "vide" if not year else f"« {year} »"
        errors.append(
            ("year", f"année {shown} invalide : entier de {YEAR_RANGE[0]} à {YEAR_RANGE[1]}.")
        )
    actors = {a: a for a in ACTORS} | {a.rstrip("s"): a for a in ACTORS}
    steps: list[tuple[str, Callable[[str], str]]] = [
        ("actor", lambda t: _resolve_choice(t, actors, "acteur")),
        ("level", lambda t: _resolve_level(t, ("2016", "france"))),
        ("region_code", lambda t: _resolve_region(ctx, out["level"], t, france="FR")),
        ("domain", lambda t: _resolve_choice(t, ctx.domains, "domaine")),
        ("score_10", lambda t: _resolve_number(t, *SCORE_RANGE, "pour une note sur 10")),
    ]
    for column, resolve in steps:
        if column == "region_code" and "level" not in out:
            continue
        try:
            out[column] = resolve(cells[column])
        except _CellError as exc:
            errors.append((column, str(exc)))
    if errors:
        raise _RowErrors(errors)
    return out


def _domain_names(data: IndicatorData) -> dict[str, str]:
    """Normalised domain id or French label -> domain id."""
    names = {}
    for row in data.domains.itertuples():
        names[normalise_name(row.label_fr)] = row.domain
        names[normalise_name(row.domain)] = row.domain
    return names


class _RowErrors(Exception):
    """(column, message) pairs of one row."""


ROW_PARSERS: dict[str, Callable[[_Context, dict[str, str]], dict]] = {
    "valeurs": _values_row,
    "perception": _perception_row,
}


# --- headers and kind ------------------------------------------------------------------------


#: Headers that name a region by its name: used as the region only when no code column exists
#: (``python -m layers values`` prints both ``region_code`` and ``region_name``).
NAME_HEADERS = {"region_name", "nom_region"}


def _canonical_headers(columns: list[str]) -> dict[str, str]:
    """Header as typed -> column of the formats (unknown headers map to themselves)."""
    keys = {column: _header_key(column) for column in columns}
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
            problems.append(
                Problem(1, typed, f"colonne en double : « {seen[column]} » désigne déjà {column}.")
            )
        seen.setdefault(column, typed)
    found = ", ".join(f"« {c} »" for c in table.columns) or "aucune"
    for column in COLUMNS[kind]:
        if column not in seen and column not in INFERABLE.get(kind, ()):
            problems.append(
                Problem(
                    1,
                    column,
                    f"colonne obligatoire absente. Colonnes attendues ({kind}) : "
                    f"{', '.join(COLUMNS[kind])} ; colonnes trouvées : {found}.",
                )
            )
    return {typed: col for col, typed in seen.items()}, problems


# --- entry points ----------------------------------------------------------------------------


def validate(table: pd.DataFrame, data: IndicatorData, kind: str | None = None) -> ValidationReport:
    """Check an uploaded table and normalise its rows to the shipped format.

    Parameters
    ----------
    table : DataFrame
        Text cells from :func:`layers.upload.read_table` (index = line number, header = 1).
    data : IndicatorData
        The bundle whose catalogue, domains and regions define what is valid.
    kind : {"valeurs", "perception"}, optional
        Format of the table; detected from the headers when omitted.

    Returns
    -------
    ValidationReport
        ``rows`` holds the valid rows (shipped columns plus ``source_url`` = "données
        importées" and ``note``); ``problems`` one :class:`Problem` per bad cell, duplicate
        or missing column. The import should only go ahead when ``is_valid``.
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"Unknown kind {kind!r}; expected one of {list(KINDS)}")
    detected = kind or detect_kind(list(table.columns))
    if detected is None:
        problem = Problem(
            1,
            None,
            "type de fichier non reconnu : les en-têtes doivent être ceux des valeurs "
            f"({', '.join(COLUMNS['valeurs'])}) ou de la perception "
            f"({', '.join(COLUMNS['perception'])}).",
        )
        return _report("valeurs", [], [problem], table)
    renames, problems = _header_problems(table, detected)
    if problems:
        return _report(detected, [], problems, table)
    if table.empty:
        return _report(detected, [], [Problem(None, None, "aucune ligne de données.")], table)
    rows, problems = _check_rows(table, data, detected, renames)
    problems += _stray_cells(table)
    problems += _duplicates(rows, detected)
    problems.sort(key=lambda p: p.row or 0)
    return _report(detected, rows, problems, table, _notices(data, rows, detected))


def _check_rows(
    table: pd.DataFrame, data: IndicatorData, kind: str, renames: dict[str, str]
) -> tuple[list[dict], list[Problem]]:
    """Resolved rows (with their line as ``_line``) and the problems of each cell."""
    typed_of = {col: typed for typed, col in renames.items()}
    note_column = typed_of.get("note")
    parse = ROW_PARSERS[kind]
    ctx = _Context.of(data)
    rows, problems = [], []
    columns = COLUMNS[kind]
    for line, record in zip(table.index, table.to_dict("records"), strict=True):
        cells = {
            col: str(record[typed_of[col]]).strip() if col in typed_of else "" for col in columns
        }
        try:
            row = parse(ctx, cells)
        except _RowErrors as exc:
            problems += [Problem(int(line), typed_of.get(c, c), msg) for c, msg in exc.args[0]]
            continue
        row["note"] = str(record[note_column]).strip() if note_column else ""
        rows.append({**row, "_line": int(line)})
    return rows, problems


def _stray_cells(table: pd.DataFrame) -> list[Problem]:
    """Cells beyond the header (often a decimal comma in a ``,``-separated file)."""
    problems = []
    stray = [c for c in table.columns if re.fullmatch(r"colonne \d+", str(c))]
    for column in stray:
        for line, text in table[column].items():
            if str(text).strip():
                problems.append(
                    Problem(
                        int(line),
                        column,
                        f"« {text} » est hors des colonnes de l'en-tête (une virgule décimale "
                        "dans un fichier séparé par des virgules ? utilisez « ; » comme "
                        "séparateur ou mettez la valeur entre guillemets).",
                    )
                )
    return problems


def _duplicates(rows: list[dict], kind: str) -> list[Problem]:
    problems = []
    first: dict[tuple, int] = {}
    for row in rows:
        key = tuple(row[k] for k in KEYS[kind])
        if key in first:
            problems.append(
                Problem(
                    row["_line"],
                    None,
                    f"doublon de la ligne {first[key]} (même clé : "
                    f"{', '.join(f'{k} = {v}' for k, v in zip(KEYS[kind], key, strict=True))}).",
                )
            )
        else:
            first[key] = row["_line"]
    return problems


def _notices(data: IndicatorData, rows: list[dict], kind: str) -> list[str]:
    """Remarks that do not block the import."""
    if not rows:
        return []
    frame = pd.DataFrame(rows)
    if kind == "valeurs":
        return _computed_2016_notices(data, frame)
    national = pd.concat([data.perception, frame])
    national = national[national["level"] == "france"]
    notices = []
    for (survey, year, actor), _ in frame.groupby(["survey", "year", "actor"]):
        has = national[
            (national["survey"] == survey)
            & (national["year"].astype(str) == year)
            & (national["actor"] == actor)
        ]
        if has.empty:
            notices.append(
                f"aucune note nationale (niveau france) pour {survey} {year} {actor} : l'indice "
                "perçu et l'écart ne peuvent pas être calculés sans elle."
            )
    return notices


def _computed_2016_notices(data: IndicatorData, frame: pd.DataFrame) -> list[str]:
    """2016 values of indicators that the atlas computes from the 22 former regions."""
    aggregation = data.catalogue.set_index("indicator_id")["aggregation"]
    imported = frame.loc[frame["level"] == "2016", "indicator_id"].unique()
    # A weighted mean with an approximate weight gives way to a published (or imported) value.
    approximate = approximate_weights(data.catalogue)
    computed = [
        i for i in imported if aggregation.get(i, "none") != "none" and i not in approximate
    ]
    if not computed:
        return []
    return [
        f"les valeurs 2016 de {', '.join(sorted(computed))} sont d'ordinaire calculées à partir "
        "des 22 anciennes régions : une valeur 2016 importée n'est affichée que là où ce calcul "
        "est impossible ; importez plutôt les valeurs des anciennes régions (niveau pre2016)."
    ]


def _report(
    kind: str,
    rows: list[dict],
    problems: list[Problem],
    table: pd.DataFrame,
    notices: list[str] | None = None,
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
    return ValidationReport(kind, frame, tuple(problems), len(table), tuple(notices or ()))


def apply_import(
    data: IndicatorData, report: ValidationReport, *, allow_partial: bool = False
) -> IndicatorData:
    """A new bundle with the report's rows added; the input bundle is left unchanged.

    Imported rows replace the shipped rows with the same key (values: indicator, level,
    region; perception: survey, year, actor, level, region, domain). Pre-2016 values are
    then consolidated to 2016 like the shipped ones, because every computation reads the
    bundle. Raises ``ValueError`` (in French) if the report has problems, unless
    ``allow_partial`` (then only the valid rows are imported).
    """
    if report.problems and not allow_partial:
        raise ValueError(
            f"Import refusé : le fichier a {len(report.problems)} problème(s) ; corrigez-les "
            "ou importez seulement les lignes valides."
        )
    field_name = "values" if report.kind == "valeurs" else "perception"
    shipped: pd.DataFrame = getattr(data, field_name)
    imported = report.rows.reset_index(drop=True)
    if "year" in imported:
        imported = imported.astype({"year": str})
    keys = list(KEYS[report.kind])
    key_of = lambda f: pd.MultiIndex.from_frame(f[keys].astype(str))  # noqa: E731
    kept = shipped[~key_of(shipped).isin(key_of(imported))]
    combined = pd.concat([kept, imported[list(shipped.columns)]], ignore_index=True)
    return dataclasses.replace(data, **{field_name: combined})


def imported_rows(data: IndicatorData, kind: str) -> pd.DataFrame:
    """Rows of ``data`` that came from an import (source "données importées")."""
    frame = data.values if kind == "valeurs" else data.perception
    return frame[frame["source_url"] == IMPORTED_SOURCE]


# --- templates -------------------------------------------------------------------------------


def template_frame(kind: str, data: IndicatorData | None = None) -> pd.DataFrame:
    """A template for ``kind``: real shipped rows of two regions, in the import format.

    Values: the core indicators' stored values of Nord-Pas-de-Calais (31) and Picardie (22).
    Perception: the PHARE 2015 scores of Hauts-de-France (32) and Nouvelle-Aquitaine (75)
    with the national scores of the same survey and actor (needed for the perceived index).
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown kind {kind!r}; expected one of {list(KINDS)}")
    data = data if data is not None else load_indicator_data()
    level, codes = TEMPLATE_REGIONS[kind]
    if kind == "valeurs":
        core = data.catalogue.loc[data.catalogue["core"], "indicator_id"]
        rows = data.values[
            (data.values["level"] == level)
            & data.values["region_code"].isin(codes)
            & data.values["indicator_id"].isin(core)
        ]
        rows = rows.sort_values(["region_code", "indicator_id"], key=_code_order(codes))
    else:
        perception = data.perception
        regional = perception[
            (perception["level"] == level) & perception["region_code"].isin(codes)
        ]
        waves = regional[["survey", "year", "actor"]].drop_duplicates()
        waves = waves[waves["survey"] == "PHARE"]
        national = perception[perception["level"] == "france"].merge(waves)
        rows = pd.concat([regional.merge(waves), national])
    return rows[list(COLUMNS[kind])].reset_index(drop=True)


def _code_order(codes: tuple[str, ...]) -> Callable[[pd.Series], pd.Series]:
    return lambda s: s.map({c: i for i, c in enumerate(codes)}) if s.name == "region_code" else s


def template_csv(kind: str, data: IndicatorData | None = None) -> bytes:
    """:func:`template_frame` as CSV bytes (``;``, decimal comma, UTF-8 with BOM)."""
    return french_csv(template_frame(kind, data))


def write_templates(
    data: IndicatorData | None = None, directory: Path = TEMPLATES_DIR
) -> list[Path]:
    """Write both templates into ``directory`` (``data/templates``); returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, name in TEMPLATE_FILES.items():
        path = directory / name
        path.write_bytes(template_csv(kind, data))
        paths.append(path)
    return paths
