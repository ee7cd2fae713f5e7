"""``python -m geo near``: CSV of catalysers around a commune, French messages, exit codes."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEADER = ["name", "commune", "departement", "distance_km", "metiers", "confidence", "family"]


def geo(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geo", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def rows(stdout: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(stdout))
    assert reader.fieldnames == HEADER
    return list(reader)


def test_near_roubaix_lists_fondation_de_lille_sorted_by_distance():
    done = geo("near", "Roubaix", "--km", "30")
    assert done.returncode == 0, done.stderr
    found = rows(done.stdout)
    names = [r["name"] for r in found]
    assert "Fondation de Lille" in names
    lille = found[names.index("Fondation de Lille")]
    assert (lille["commune"], lille["departement"], lille["confidence"]) == ("Lille", "59", "A")
    distances = [float(r["distance_km"]) for r in found]
    assert distances == sorted(distances) and all(d <= 30 for d in distances)
    assert all(len(r["distance_km"].split(".")[1]) == 1 for r in found)


def test_near_with_nothing_within_prints_the_nearest_three():
    done = geo("near", "Aurillac", "--km", "5")
    assert done.returncode == 0, done.stderr
    assert "Aucun catalyseur à moins de 5 km de Aurillac (15)" in done.stderr
    found = rows(done.stdout)
    assert len(found) == 3
    assert all(float(r["distance_km"]) > 5 for r in found)


def test_near_says_when_it_uses_a_close_spelling():
    done = geo("near", "Roubais")
    assert done.returncode == 0
    assert "Pas de commune nommée « Roubais » ; utilisée : Roubaix (59)" in done.stderr


def test_near_unknown_commune_exits_1_with_a_french_message():
    done = geo("near", "Qwxzzk")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Aucune commune ne correspond à « Qwxzzk »" in done.stderr


@pytest.mark.parametrize("km", ["0", "-5", "1001", "abc"])
def test_near_bad_radius_exits_2(km):
    done = geo("near", "Lille", "--km", km)
    assert done.returncode == 2
    assert f"rayon invalide « {km} »" in done.stderr


def test_find_is_still_registered():
    from geo.cli import COMMANDS

    assert {"find", "near"} <= COMMANDS.keys()
