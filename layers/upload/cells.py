"""One cell of an uploaded table -> a number, a level, a region code or a choice, or an error.

Users type what they know: "1 234,5" or "12,6 %", a region's name instead of its INSEE code,
"anciennes régions" for the pre-2016 level, a domain's French label. Each ``resolve_*`` function
accepts those spellings and raises :class:`CellError` otherwise, with a message (a
:class:`~i18n.Text`, French unless written in another language) that includes the closest valid
values. :mod:`layers.upload.validate` puts line and column on that message.
"""

import difflib
import math
import re
from dataclasses import dataclass

from geo.names import normalise_name
from i18n import Number, Text, TextError
from layers.indicators.bundle import IndicatorData
from layers.upload.formats import (
    FRANCE_NAMES,
    LEVEL_ALIASES,
    UNIT_HINTS,
    plausible_range,
    range_text,
)

_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_OVERFLOW = re.compile(r"^\s*[+-]?\d[\d\s.,]*[eE]\+?\d{3,}\s*%?\s*$")


def header_key(text: str) -> str:
    return normalise_name(text).replace(" ", "_")


#: Longest number text read (a value has at most 15 significant digits in a spreadsheet; a
#: 400-digit string is not a measurement).
MAX_NUMBER_CHARS = 40


def parse_number(text: str) -> float | None:
    """A number typed the French or English way ("1 234,5", "1234.5", "1.234,5", "12,6 %");
    else None. A trailing "%" is the unit, as spreadsheets display it, not part of the number.
    Numbers too long to be a measurement, or too large for a float ("1e309"), are None: they
    are never read as infinity."""
    if len(text) > MAX_NUMBER_CHARS:
        return None
    cleaned = _SPACES.sub("", text).removesuffix("%")
    if "," in cleaned and "." in cleaned:  # the last one is the decimal mark
        thousands = "." if cleaned.rfind(",") > cleaned.rfind(".") else ","
        cleaned = cleaned.replace(thousands, "")
    cleaned = cleaned.replace(",", ".")
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


def examples(valid: list[str], typed: str, n: int = 5) -> Text:
    """Closest valid values to ``typed`` (or the first ones), for a message."""
    close = difflib.get_close_matches(typed, valid, n=3, cutoff=0.6)
    more = "" if close or len(valid) <= n else Text("upload.examples.more", n=len(valid))
    key = "upload.examples.close" if close else "upload.examples.valid"
    return Text(key, values=tuple(close or valid[:n]), more=more)


def shown(text: str) -> Text:
    """A cell as a message quotes it: « text », or "vide" when it is empty."""
    return Text("upload.quoted", text=text) if text else Text("upload.empty_cell")


#: Longest list of valid units a message spells out in full.
MAX_LISTED = 30


class CellError(TextError):
    """A cell that cannot be resolved; the message is a :class:`~i18n.Text`."""


def resolve_level(text: str, allowed: tuple[str, ...]) -> str:
    level = LEVEL_ALIASES.get(normalise_name(text))
    if level is None or level not in allowed:
        raise CellError(Text("upload.cell.level", shown=shown(text), levels=allowed))
    return level


@dataclass(frozen=True)
class Context:
    """What is valid, looked up once per validation (not once per row)."""

    regions: dict  # level -> {code: name}
    by_name: dict  # level -> {normalised name: code}
    indicators: dict  # indicator id -> (unit, low, high)
    surveys: dict  # upper-case survey -> shipped spelling
    domains: dict  # normalised domain id or label -> domain id

    @classmethod
    def of(cls, data: IndicatorData) -> "Context":
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
        return cls(regions, by_name, indicators, surveys, domain_names(data))


def resolve_region(ctx: Context, level: str, text: str, france: str | None = None) -> str:
    """Code of a region typed as code or name; ``france`` forces the code of France."""
    if not text:
        raise CellError(Text("upload.cell.no_region"))
    if level == "france":
        code = FRANCE_NAMES.get(normalise_name(text))
        code = france if code and france else code
        if code is None:
            raise CellError(Text("upload.cell.not_france", text=text))
        return code
    names = ctx.regions[level]
    if text in names:
        return text
    key = normalise_name(text)
    if key in ctx.by_name[level]:
        return ctx.by_name[level][key]
    for other, by_name in ctx.by_name.items():
        if other != level and key in by_name:
            raise CellError(
                Text(
                    "upload.cell.other_level",
                    text=text,
                    other=other,
                    code=by_name[key],
                    level=level,
                )
            )
    if (level, text) in UNIT_HINTS:
        hint = UNIT_HINTS[level, text]
        raise CellError(Text("upload.cell.hint", text=text, level=level, hint=hint))
    valid = tuple(f"{code} {name}" for code, name in names.items())
    if len(valid) > MAX_LISTED:  # 96 départements: the closest ones, not the whole list
        hint = examples(list(names) + list(names.values()), text)
        raise CellError(Text("upload.cell.unknown_code", text=text, level=level, hint=hint))
    raise CellError(Text("upload.cell.unknown_region", text=text, level=level, valid=valid))


def infer_level(ctx: Context, text: str) -> str:
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
            found.append((level, resolve_region(ctx, level, text)))
        except CellError:
            continue
    if not found and _is_departement(ctx, text):
        # Every two-digit region code is also a département code: a file of départements must
        # say so, or "31" would silently be read as Midi-Pyrénées.
        raise CellError(Text("upload.cell.departement", text=text))
    if not found:
        raise CellError(Text("upload.cell.no_level", text=text))
    if len(found) == 2 and found[0][1] != found[1][1]:
        raise CellError(Text("upload.cell.ambiguous", text=text))
    return found[0][0]


def _is_departement(ctx: Context, text: str) -> bool:
    names = ctx.regions.get("departement", {})
    return text in names or normalise_name(text) in ctx.by_name.get("departement", {})


def resolve_number(text: str, low: float, high: float, what: Text | str) -> float:
    """The number of a cell within [low, high]; ``what`` says for what ("pour une note sur 10")."""
    if not text:
        raise CellError(Text("upload.cell.no_value"))
    value = parse_number(text)
    if value is None:
        raise CellError(_not_a_number(text))
    if not low <= value <= high:
        raise CellError(
            Text(
                "upload.cell.out_of_range",
                value=Number(value, "g"),
                what=what,
                range=range_text(low, high),
            )
        )
    return value


def _not_a_number(text: str) -> Text:
    quoted = text if len(text) <= 40 else Text("upload.truncated", start=text[:20], n=len(text))
    if len(text) > MAX_NUMBER_CHARS and re.fullmatch(r"[\d\s.,+\-eE%]+", text):
        return Text("upload.cell.too_long", text=quoted, max=MAX_NUMBER_CHARS)
    if _OVERFLOW.match(text):
        return Text("upload.cell.overflow", text=quoted)
    return Text("upload.cell.not_a_number", text=quoted)


def resolve_choice(text: str, valid: dict[str, str], what: Text) -> str:
    """``valid`` maps normalised text -> canonical id; unknown text lists the ids."""
    found = valid.get(normalise_name(text))
    if found is None:
        ids = list(dict.fromkeys(valid.values()))
        raise CellError(
            Text("upload.cell.unknown", what=what, shown=shown(text), hint=examples(ids, text))
        )
    return found


def domain_names(data: IndicatorData) -> dict[str, str]:
    """Normalised domain id or French label -> domain id."""
    names = {}
    for row in data.domains.itertuples():
        names[normalise_name(row.label_fr)] = row.domain
        names[normalise_name(row.domain)] = row.domain
    return names
