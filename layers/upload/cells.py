"""One cell of an uploaded table -> a number, a level, a region code or a choice, or a French error.

Users type what they know: "1 234,5" or "12,6 %", a region's name instead of its INSEE code,
"anciennes régions" for the pre-2016 level, a domain's French label. Each ``resolve_*`` function
accepts those spellings and raises :class:`CellError` with a French message (the closest valid
values included) otherwise. :mod:`layers.upload.validate` puts line and column on that message.
"""

import difflib
import math
import re
from dataclasses import dataclass

from geo.names import normalise_name
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


def examples(valid: list[str], typed: str, n: int = 5) -> str:
    """Closest valid values to ``typed`` (or the first ones), for a message."""
    close = difflib.get_close_matches(typed, valid, n=3, cutoff=0.6)
    shown = close or valid[:n]
    more = "" if close or len(valid) <= n else f", … ({len(valid)} au total)"
    word = "proche(s)" if close else "valide(s)"
    return f"valeur(s) {word} : {', '.join(shown)}{more}"


#: Longest list of valid units a message spells out in full.
MAX_LISTED = 30


class CellError(Exception):
    """A cell that cannot be resolved; the message is French."""


def resolve_level(text: str, allowed: tuple[str, ...]) -> str:
    level = LEVEL_ALIASES.get(normalise_name(text))
    if level is None or level not in allowed:
        shown = "vide" if not text else f"« {text} »"
        raise CellError(f"niveau {shown} inconnu ; niveaux valides : {', '.join(allowed)}.")
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
        raise CellError("région manquante (code INSEE ou nom).")
    if level == "france":
        code = FRANCE_NAMES.get(normalise_name(text))
        code = france if code and france else code
        if code is None:
            raise CellError(
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
    for other, by_name in ctx.by_name.items():
        if other != level and key in by_name:
            raise CellError(
                f"« {text} » est une région du niveau {other} (code {by_name[key]}), pas "
                f"du niveau {level}."
            )
    if (level, text) in UNIT_HINTS:
        hint = UNIT_HINTS[level, text]
        raise CellError(f"« {text} » n'est pas un code du niveau {level} : {hint}.")
    valid = [f"{code} {name}" for code, name in names.items()]
    if len(valid) > MAX_LISTED:  # 96 départements: the closest ones, not the whole list
        raise CellError(
            f"code ou nom « {text} » inconnu au niveau {level} ; "
            f"{examples(list(names) + list(names.values()), text)}."
        )
    raise CellError(
        f"région « {text} » inconnue au niveau {level} ; codes et noms valides : "
        f"{', '.join(valid)}."
    )


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
        raise CellError(
            f"« {text} » est un département : ajoutez une colonne level = departement (les codes "
            "de région sont aussi des codes de département)."
        )
    if not found:
        raise CellError(
            f"région « {text} » inconnue, ni ancienne région ni région de 2016 ; ajoutez une "
            "colonne level (pre2016, 2016, departement ou france) ou utilisez le code INSEE."
        )
    if len(found) == 2 and found[0][1] != found[1][1]:
        raise CellError(f"« {text} » est ambigu : précisez le niveau (colonne level).")
    return found[0][0]


def _is_departement(ctx: Context, text: str) -> bool:
    names = ctx.regions.get("departement", {})
    return text in names or normalise_name(text) in ctx.by_name.get("departement", {})


def resolve_number(text: str, low: float, high: float, what: str) -> float:
    if not text:
        raise CellError("valeur manquante.")
    value = parse_number(text)
    if value is None:
        raise CellError(_not_a_number(text))
    if not low <= value <= high:
        shown = f"{value:g}".replace(".", ",")
        raise CellError(f"{shown} hors de la plage plausible {what} ({range_text(low, high)}).")
    return value


def _not_a_number(text: str) -> str:
    shown = text if len(text) <= 40 else f"{text[:20]}… ({len(text)} caractères)"
    if len(text) > MAX_NUMBER_CHARS and re.fullmatch(r"[\d\s.,+\-eE%]+", text):
        return f"« {shown} » est trop long pour un nombre (au plus {MAX_NUMBER_CHARS} caractères)."
    if _OVERFLOW.match(text):
        return f"« {shown} » est un nombre trop grand (infini en calcul) : vérifiez l'exposant."
    return f"« {shown} » n'est pas un nombre."


def resolve_choice(text: str, valid: dict[str, str], what: str) -> str:
    """``valid`` maps normalised text -> canonical id; unknown text lists the ids."""
    found = valid.get(normalise_name(text))
    if found is None:
        ids = list(dict.fromkeys(valid.values()))
        shown = "vide" if not text else f"« {text} »"
        raise CellError(f"{what} {shown} inconnu ; {examples(ids, text)}.")
    return found


def domain_names(data: IndicatorData) -> dict[str, str]:
    """Normalised domain id or French label -> domain id."""
    names = {}
    for row in data.domains.itertuples():
        names[normalise_name(row.label_fr)] = row.domain
        names[normalise_name(row.domain)] = row.domain
    return names
