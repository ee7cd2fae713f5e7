"""Memory and CPU time of reading and checking hostile uploads, before and after the bounds.

Each file is read and validated in a fresh subprocess, under an OS limit of 2 GiB of address
space beyond the process's size after imports, and 60 s of CPU (so that the "before" code
cannot take the machine down). Reported: CPU seconds, peak resident memory added by the
check (``ru_maxrss``), and the outcome (the French message, or how the process died).

    python -m bench.bench_hostile [--before GIT_REV]

``--before`` runs the same files through the code of another revision (checked out with
``git archive`` into a temporary folder), e.g. the commit before issue 14's bounds.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import hostile_files as hostile
from i18n import localised_number

REPO = Path(__file__).resolve().parents[1]
FILES = {
    "XLSX, une valeur en XFD1048576": lambda: hostile.far_cell_xlsx(),
    "XLSX bombe zip (1,7 Go de XML)": lambda: hostile.zip_bomb_xlsx(1700),
    "XLSX « billion laughs »": lambda: hostile.billion_laughs_xlsx(),
    "CSV 4,9 Mo de lignes fausses (67 000 lignes)": lambda: hostile.bad_rows_csv(),
    "CSV 4,9 Mo de lignes fausses (42 000 lignes longues)": lambda: hostile.long_bad_rows_csv(),
}
CHILD = """
import json, resource, sys, time
from layers.indicators.bundle import load_indicator_data
from layers.upload.read import read_table
from layers.upload.validate import validate
data = load_indicator_data()
content = open(sys.argv[1], "rb").read()
size = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
resource.setrlimit(resource.RLIMIT_AS, (size + 2 * 2**30,) * 2)
used = resource.getrusage(resource.RUSAGE_SELF)
resource.setrlimit(resource.RLIMIT_CPU, (int(used.ru_utime + used.ru_stime) + 60,) * 2)
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu0 = time.process_time()
try:
    report = validate(read_table(content, "f"), data)
    outcome = report.to_text().splitlines()[0]
except BaseException as exc:
    outcome = f"{type(exc).__name__}: {str(exc)[:150]}"
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0
cpu = round(time.process_time() - cpu0, 2)
print(json.dumps({"cpu_s": cpu, "rss_mb": round(rss / 1024), "outcome": outcome}))
"""


def measure(root: Path, path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(root), "OPENBLAS_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"},
        timeout=600,
    )
    if result.returncode != 0:
        killed = {-9: "tué (SIGKILL)", -24: "tué : limite CPU de 60 s (SIGXCPU)"}
        how = killed.get(result.returncode, f"code {result.returncode}")
        return {"cpu_s": None, "rss_mb": None, "outcome": f"{how} {result.stderr[-200:]}"}
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="git revision to compare with (e.g. f76f7f5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        roots = {"après": REPO}
        if args.before:
            old = Path(tmp) / "before"
            old.mkdir()
            archive = subprocess.run(
                ["git", "archive", args.before], cwd=REPO, capture_output=True, check=True
            )
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            roots = {f"avant ({args.before})": old, **roots}
        print("| fichier | taille | version | CPU (s) | mémoire ajoutée (Mo) | résultat |")
        print("|---|---|---|---|---|---|")
        for name, build in FILES.items():
            path = Path(tmp) / "hostile.bin"
            content = build()
            path.write_bytes(content)
            for label, root in roots.items():
                row = measure(root, path)
                size = localised_number(len(content) / 1000, ",.0f", "fr")
                print(
                    f"| {name} | {size} ko | {label} | {row['cpu_s']} | {row['rss_mb']} | "
                    f"{row['outcome'][:110]} |"
                )
                sys.stdout.flush()


if __name__ == "__main__":
    main()
