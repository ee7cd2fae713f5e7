"""The app as it was before the map became a component of our own, for side-by-side benchmarks.

The baseline is commit :data:`BASELINE_COMMIT`: ``main`` when this branch last merged it
(catalysers of data13 and the offline base map included), with the map still a folium map in
streamlit-folium's iframe and the whole script rerun on each click. It is extracted with
``git archive`` into a folder of the system's temporary directory (outside the repository, so
that no tool reads it as project code) the first time a benchmark needs it, given the tile
viewer this checkout installed (``static/vendor/protomaps-leaflet``, git-ignored, fetched by
``scripts/vendor_js.sh``), and run from there by its own Streamlit server: the same data, the
same machine, the same browser. It needs folium and streamlit-folium, pinned in
requirements-dev.txt for this purpose only.

Run alone to extract it: ``python -m bench.baseline``.
"""

import io
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

BASELINE_COMMIT = "dd5ad5c"
ROOT = Path(__file__).resolve().parents[1]
VIEWER = Path("static/vendor/protomaps-leaflet")


def baseline_dir(commit: str = BASELINE_COMMIT) -> Path:
    """Folder holding the baseline app's files (extracted from git once)."""
    target = Path(tempfile.gettempdir()) / f"atlas-baseline-{commit}"
    if not (target / "streamlit_app.py").is_file():
        archive = subprocess.run(
            ["git", "archive", "--format=tar", commit],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
    if (ROOT / VIEWER).is_dir() and not (target / VIEWER).is_dir():
        shutil.copytree(ROOT / VIEWER, target / VIEWER)
    return target


if __name__ == "__main__":
    print(baseline_dir())
