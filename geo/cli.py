"""Command line for the gazetteer: ``python -m geo find "QUERY"``, ``python -m geo near "QUERY"``.

Output is CSV on stdout; messages go to stderr; exit status 1 when nothing matches, 2 on a
usage error.
"""

import argparse
import sys
from collections.abc import Callable

from geo.catalysers import catalysers_near, load_catalysers
from geo.gazetteer import GazetteerQueryError, NoMatchError, load_gazetteer

FIND_COLUMNS = ["insee_code", "name", "departement", "population", "lat", "lon"]
NEAR_COLUMNS = ["name", "commune", "departement", "distance_km", "metiers", "confidence", "family"]
MAX_RADIUS_KM = 1000.0


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


def positive_int(text: str) -> int:
    """An argparse type: an integer of at least 1 (``--limit 0`` is a usage error, not an
    empty answer that would read as "no commune matches")."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"entier attendu, reçu {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"au moins 1, reçu {value}")
    return value


def add_find(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("find", help="find a commune by name, postcode or INSEE code")
    p.add_argument("query", help='e.g. "st etienne", "59100", "Roubaix"')
    p.add_argument(
        "--limit", type=positive_int, default=10, help="maximum rows, at least 1 (default 10)"
    )
    p.set_defaults(handler=cmd_find)


def cmd_near(args: argparse.Namespace) -> int:
    """Print the catalysers within ``--km`` of the commune, nearest first (or the nearest 3)."""
    try:
        found = load_gazetteer().search(args.query, limit=10)
    except (GazetteerQueryError, NoMatchError) as exc:
        print(exc, file=sys.stderr)
        return 1
    commune = found.iloc[0]
    place = f"{commune['name']} ({commune['departement']})"
    if commune["match"] == "approx":
        print(
            f"Pas de commune nommée « {args.query.strip()} » ; utilisée : {place}.", file=sys.stderr
        )
    homonyms = found[(found["match"] == "exact") & (found["name"] == commune["name"])]
    if commune["match"] == "exact" and len(homonyms) > 1:
        others = ", ".join(f"{d}" for d in homonyms["departement"].iloc[1:])
        print(
            f"« {commune['name']} » existe aussi dans : {others} ; utilisée : {place} "
            "(précisez avec le code postal ou le code INSEE).",
            file=sys.stderr,
        )
    if commune[["lat", "lon"]].isna().any():
        print(f"La commune {place} n'a pas de coordonnées dans le gazetteer.", file=sys.stderr)
        return 1
    result = catalysers_near(load_catalysers(), commune["lat"], commune["lon"], args.km)
    if not result.found:
        print(
            f"Aucun catalyseur à moins de {args.km:g} km de {place} ; les plus proches :",
            file=sys.stderr,
        )
    rows = result.rows
    if (rows["precision"] == "departement").any():
        print(
            "Les lignes sans commune ne sont localisées qu'au département : "
            "distance mesurée jusqu'à sa préfecture.",
            file=sys.stderr,
        )
    rows.assign(distance_km=rows["distance_km"].round(1))[NEAR_COLUMNS].to_csv(
        sys.stdout, index=False, lineterminator="\n"
    )
    return 0


def radius_km(text: str) -> float:
    """``--km`` value: a number of km in (0, MAX_RADIUS_KM]."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = float("nan")
    if not 0 < value <= MAX_RADIUS_KM:
        raise argparse.ArgumentTypeError(
            f"rayon invalide « {text} » : un nombre de km > 0 et <= {MAX_RADIUS_KM:g}"
        )
    return value


def add_near(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("near", help="territorial catalysers near a commune, nearest first")
    p.add_argument("query", help='a commune name, postcode or INSEE code, e.g. "Roubaix"')
    p.add_argument("--km", type=radius_km, default=30.0, help="radius in km (default 30)")
    p.set_defaults(handler=cmd_near)


#: Subcommands: name -> function adding its parser (a registry, so issues can add commands).
COMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {
    "find": add_find,
    "near": add_near,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for add in COMMANDS.values():
        add(sub)
    args = parser.parse_args(argv)
    return args.handler(args)
