"""Command line for analysts: ``python -m layers values|index|coverage|check``.

CSV on stdout (the formats are a contract: scripts depend on them), messages on stderr; exit 2
for an unknown level, indicator, domain or axis, with the list of valid values. ``check FILE``
runs the app's import validation: the report on stdout, exit 0 when the file can be imported, 1
when it has problems, 2 when it cannot be read at all (not a regular file, too large, damaged or
unsupported workbook...). ``values``'s notes and ``check``'s report are in French, or in English
with ``--lang en``.
"""

import argparse
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from geo.levels import LEVELS, UnknownLevelError
from i18n import DEFAULT_LANG, LANGS, Text, t
from layers.indicators.bundle import FRANCE_CODES, UnknownIdError, load_indicator_data
from layers.indicators.consolidate import (
    FRM,
    FRM_LABEL,
    approximate_cells,
    approximate_weights,
    france_reference,
    indicator_values,
)
from layers.indicators.coverage import coverage_table
from layers.indicators.indices import index_table
from layers.upload.formats import KINDS
from layers.upload.limits import MAX_UPLOAD_BYTES
from layers.upload.read import UploadError
from layers.upload.validate import check_file

#: Decimals printed for indicator values whose catalogue gives no precision (indices get one).
VALUE_DECIMALS = 4


def _print_csv(frame: pd.DataFrame) -> None:
    frame.to_csv(sys.stdout, index=False, lineterminator="\n")


def _number(value: float, decimals: int, strip: bool = True) -> str:
    """``value`` rounded to ``decimals`` places ("" when non disponible); ``strip`` drops
    trailing zeros (a count prints as 63697865, not 63697865.0000)."""
    if pd.isna(value):
        return ""
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if strip and "." in text else text


def _note(lang: str, key: str, **fmt: object) -> None:
    """A note on stderr in ``lang``; ``key`` names a text of the catalogue (data texts it quotes,
    such as a source's note, stay as the data has them: in French)."""
    print(t("cli.note", lang, text=t(key, lang, **fmt)), file=sys.stderr)


def cmd_values(args: argparse.Namespace) -> int:
    """Values of one indicator, then the France reference row (FRM, or FR if France entière)."""
    lang = args.lang
    data = load_indicator_data()
    table = indicator_values(data, args.level, args.indicator)
    ref = france_reference(data).set_index("indicator_id").loc[args.indicator]
    code, name = FRM, FRM_LABEL
    if ref["reference"] == FRANCE_CODES["FR"]:
        code, name = "FR", ref["reference"]
        _note(lang, "cli.values.ref_france_entiere")
    elif ref["method"] == "non disponible":
        _note(lang, "cli.values.ref_missing")
    elif ref["method"] == "publié" and ref["note"]:
        _note(lang, "cli.values.ref_published", note=ref["note"])
    elif ref["approximate"]:
        _note(lang, "cli.values.ref_approximate", note=ref["note"])
    if table["value"].isna().any():
        missing = ", ".join(table.loc[table["value"].isna(), "region_code"])
        _note(lang, "cli.values.missing", codes=missing)
    flags = approximate_cells(data, args.level)
    if args.indicator in flags and flags[args.indicator].any():
        codes = ", ".join(flags.index[flags[args.indicator]])
        reason = approximate_weights(data.catalogue)[args.indicator]
        _note(lang, "cli.values.approximate", reason=reason, codes=codes)
    caveat = str(data.indicator(args.indicator).get("caveat", "") or "")
    if caveat:
        print(t("cli.note", lang, text=caveat), file=sys.stderr)
    france = pd.DataFrame({"region_code": [code], "region_name": [name], "value": [ref["value"]]})
    out = pd.concat([table, france], ignore_index=True)
    # The source's precision (float noise such as 11.402374557557309 is not printed).
    decimals = data.decimals(args.indicator)
    decimals = VALUE_DECIMALS if decimals is None else decimals
    _print_csv(out.assign(value=[_number(v, decimals) for v in out["value"]]))
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    data = load_indicator_data()
    table = index_table(data, args.level, domain=args.domain, axis=args.axis, overall=args.overall)
    _print_csv(table.assign(index=[_number(v, 1, strip=False) for v in table["index"]]))
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    _print_csv(coverage_table(load_indicator_data(), [args.level] if args.level else None))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 0: the file can be imported; 1: it has problems (listed); 2: it cannot be read."""
    try:
        content = _read_upload(Path(args.file))
        report = check_file(content, Path(args.file).name, load_indicator_data(), args.kind)
    except UploadError as exc:
        print(exc.in_lang(args.lang))
        return 2
    print(report.to_text(lang=args.lang))
    sys.stdout.flush()
    return 0 if report.is_valid else 1


def _read_upload(path: Path) -> bytes:
    """The bytes of ``path``, refused like an upload: only a regular file, at most the upload
    limit (read with that cap, so ``/dev/zero`` or a growing file cannot fill the memory)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UploadError(Text("upload.path.folder", path=path))
        if not stat.S_ISREG(info.st_mode):
            raise UploadError(Text("upload.path.special", path=path))
        with path.open("rb") as handle:
            content = handle.read(MAX_UPLOAD_BYTES + 1)
    except OSError as exc:
        error = exc.strerror or exc
        raise UploadError(Text("upload.path.unreadable", path=path, error=error)) from None
    return content  # read_table refuses it if it is over the limit


def add_values(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "values", help="values of one indicator for every unit of a level, then France"
    )
    p.add_argument("--level", required=True, choices=list(LEVELS))
    p.add_argument(
        "--indicator", required=True, help="indicator id (data/indicators/catalogue.csv)"
    )
    _add_lang(p, "language of the notes on stderr (default: fr)")
    p.set_defaults(handler=cmd_values)


def add_index(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("index", help="fragility index (base 100 = France) and rank per unit")
    p.add_argument("--level", required=True, choices=list(LEVELS))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--domain", help="one of the 16 domain ids")
    which.add_argument("--axis", help="economique, social, societal or environnemental")
    which.add_argument("--overall", action="store_true", help="mean of the 16 domains")
    p.set_defaults(handler=cmd_index)


def add_coverage(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("coverage", help="core indicators and units covered per domain")
    p.add_argument("--level", choices=list(LEVELS), help="one level (default: every level)")
    p.set_defaults(handler=cmd_coverage)


def add_check(sub: argparse._SubParsersAction) -> None:
    """Add the ``check`` subcommand to the ``python -m layers`` parser."""
    p = sub.add_parser(
        "check", help="validate a CSV/XLSX of values or perception scores before import"
    )
    p.add_argument("file", metavar="FILE", help="CSV (; or , separated) or XLSX file")
    p.add_argument("--kind", choices=KINDS, help="file format (detected from the headers)")
    _add_lang(p, "language of the report (default: fr)")
    p.set_defaults(handler=cmd_check)


def _add_lang(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help=help_text)


#: Subcommands: name -> function adding its parser (later issues add theirs here).
COMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {
    "values": add_values,
    "index": add_index,
    "coverage": add_coverage,
    "check": add_check,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layers", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for add in COMMANDS.values():
        add(sub)
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except (UnknownIdError, UnknownLevelError) as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return 0
