"""The app as it was before the map became a component of our own, for side-by-side benchmarks.

The baseline is commit :data:`BASELINE_COMMIT` (folium map in streamlit-folium's iframe, the
whole script rerun on each click). It is extracted with ``git archive`` into
``bench/out/baseline-<commit>/`` (ignored by git) the first time a benchmark needs it, and run
from there by its own Streamlit server: the same data, the same machine, the same browser. It
needs folium and streamlit-folium, pinned in requirements-dev.txt for this purpose only.

Run alone to extract it: ``python -m bench.baseline``.
"""

import io
import subprocess
import tarfile
from pathlib import Path

BASELINE_COMMIT = "16db92c"
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def baseline_dir(commit: str = BASELINE_COMMIT) -> Path:
    """Folder holding the baseline app's files (extracted from git once)."""
    target = OUT / f"baseline-{commit}"
    if (target / "streamlit_app.py").is_file():
        return target
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


if __name__ == "__main__":
    print(baseline_dir())
