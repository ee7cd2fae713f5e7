"""Gazetteer lookups over all communes: ours against a naive scan, in the same process.

Naive baseline: what a first version does — fold every name of the table at each query and
compare (exact + prefix), and ``difflib.get_close_matches`` over all names for misspellings.

Run: ``python -m bench.bench_gazetteer``
"""

import difflib

from bench.common import median_seconds, report
from geo.gazetteer import load_gazetteer, read_communes
from geo.names import normalise_name

QUERIES = {"exact": "Lille", "accent-folded": "st etienne", "postcode": "59100"}
FUZZY_QUERY = "Roubais"


def naive_search(communes, query: str):
    keys = communes["name"].map(normalise_name)
    key = normalise_name(query)
    found = communes[keys.str.startswith(key)]
    return found.sort_values("population", ascending=False).head(10)


def naive_fuzzy(names: list[str], query: str):
    return difflib.get_close_matches(query, names, n=10, cutoff=0.8)


def main() -> None:
    gazetteer = load_gazetteer()
    communes = read_communes()
    names = communes["name"].tolist()
    for label, query in QUERIES.items():
        ours = median_seconds(lambda q=query: gazetteer.search(q), repeat=50)
        naive = median_seconds(lambda q=query: naive_search(communes, q), repeat=5)
        report(f"gazetteer lookup ({label}: {query!r})", ours, naive, goal="<= 5 ms")
    ours = median_seconds(lambda: gazetteer.search(FUZZY_QUERY), repeat=30)
    naive = median_seconds(lambda: naive_fuzzy(names, FUZZY_QUERY), repeat=3)
    report(f"gazetteer fuzzy suggestion ({FUZZY_QUERY!r})", ours, naive, goal="<= 30 ms")


if __name__ == "__main__":
    main()
