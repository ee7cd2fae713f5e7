"""Command line for the gazetteer: ``python -m geo find "QUERY"``.

Output is CSV on stdout; messages go to stderr; exit status 1 when nothing matches, 2 on a
usage error.
"""

import argparse
import sys
from collections.abc import Callable

from geo.gazetteer import GazetteerQueryError, NoMatchError, load_gazetteer

FIND_COLUMNS = ["insee_code", "name", "departement", "population", "lat", "lon"]


def cmd_find(args: argparse.Namespace) -> int:
    """Print the communes matching the query, best first."""
    try:
        found = load_gazetteer().search(args.query, limit=args.limit)
    except (GazetteerQueryError, NoMatchError) as exc:
        print(exc, file=sys.stderr)
        return 1
    if (found["match"] == "approx").all():
        print(f"Pas de commune nommée « {args.query.strip()} » ; noms proches :", file=sys.stderr)
    found[FIND_COLUMNS].to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def add_find(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("find", help="find a commune by name, postcode or INSEE code")
    p.add_argument("query", help='e.g. "st etienne", "59100", "Roubaix"')
    p.add_argument("--limit", type=int, default=10, help="maximum rows (default 10)")
    p.set_defaults(handler=cmd_find)


#: Subcommands: name -> function adding its parser (a registry, so issues can add commands).
COMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {"find": add_find}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for add in COMMANDS.values():
        add(sub)
    args = parser.parse_args(argv)
    return args.handler(args)
