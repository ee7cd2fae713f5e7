"""``python -m layers check FILE``: the import validation of the app, from the command line.

Prints the French report on stdout; exit status 0 when the file can be imported, 1 when it
cannot (problems, or a file that cannot be read).
"""

import argparse
import sys
from pathlib import Path

from layers.indicator_data import load_indicator_data
from layers.upload import UploadError, read_table
from layers.validation import KINDS, validate


def cmd_check(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:
        print(f"Impossible de lire « {path} » : {exc.strerror or exc}.")
        return 1
    try:
        table = read_table(content, path.name)
    except UploadError as exc:
        print(exc)
        return 1
    report = validate(table, load_indicator_data(), kind=args.kind)
    print(report.to_text())
    sys.stdout.flush()
    return 0 if report.is_valid else 1


def add_check(sub: argparse._SubParsersAction) -> None:
    """Add the ``check`` subcommand to the ``python -m layers`` parser."""
    p = sub.add_parser(
        "check", help="validate a CSV/XLSX of values or perception scores before import"
    )
    p.add_argument("file", metavar="FILE", help="CSV (; or , separated) or XLSX file")
    p.add_argument("--kind", choices=KINDS, help="file format (detected from the headers)")
    p.set_defaults(handler=cmd_check)
