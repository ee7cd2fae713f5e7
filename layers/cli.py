"""Command line for analysts: ``python -m layers values|index|coverage``.

CSV on stdout (the formats are a contract: scripts depend on them), messages on stderr; exit 2
for an unknown level, indicator, domain or axis, with the list of valid values.
"""

import argparse
import sys
from collections.abc import Callable

import pandas as pd

from layers.check_cli import add_check
from layers.consolidate import FRM, FRM_LABEL, france_reference, indicator_values
from layers.coverage import coverage_table
from layers.indicator_data import LEVELS, UnknownIdError, load_indicator_data
from layers.indices import index_table


def _print_csv(frame: pd.DataFrame) -> None:
    frame.to_csv(sys.stdout, index=False, lineterminator="\n")


def cmd_values(args: argparse.Namespace) -> int:
    data = load_indicator_data()
    table = indicator_values(data, args.level, args.indicator)
    france = france_reference(data).set_index("indicator_id")
    reference = france.loc[args.indicator]
    if reference["reference"] and reference["reference"] != FRM_LABEL:
        print(
            f"Note : la valeur de référence est celle de la {reference['reference']}.",
            file=sys.stderr,
        )
    row = pd.DataFrame(
        {"region_code": [FRM], "region_name": [FRM_LABEL], "value": [reference["value"]]}
    )
    _print_csv(pd.concat([table, row], ignore_index=True).round({"value": 4}))
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    data = load_indicator_data()
    table = index_table(data, args.level, domain=args.domain, axis=args.axis, overall=args.overall)
    _print_csv(table.round({"index": 1}))
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    _print_csv(coverage_table(load_indicator_data()))
    return 0


def add_values(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("values", help="values of one indicator for every region, then France")
    p.add_argument("--level", required=True, choices=LEVELS)
    p.add_argument(
        "--indicator", required=True, help="indicator id (data/indicators/catalogue.csv)"
    )
    p.set_defaults(handler=cmd_values)


def add_index(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("index", help="fragility index (base 100 = France) and rank per region")
    p.add_argument("--level", required=True, choices=LEVELS)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--domain", help="one of the 16 domain ids")
    which.add_argument("--axis", help="economique, social, societal or environnemental")
    which.add_argument("--overall", action="store_true", help="mean of the 16 domains")
    p.set_defaults(handler=cmd_index)


def add_coverage(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("coverage", help="core indicators and regions covered per domain")
    p.set_defaults(handler=cmd_coverage)


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
    except UnknownIdError as exc:
        print(exc, file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return 0
