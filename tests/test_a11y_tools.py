"""The accessibility tooling without a browser: sorting axe's results by owner, and the pinned,
checksum-verified axe-core download."""

import io
import re
import shutil
import subprocess
import tarfile
import tomllib

from bench.a11y import AXE_JS, split_by_owner, summary
from bench.browser import REPO_DIR

RAW = [
    {
        "id": "image-alt",
        "impact": "critical",
        "help": "Images must have alternate text",
        "help_url": "https://dequeuniversity.com/rules/axe/4.14/image-alt",
        "nodes": [
            {"target": "iframe >>> img", "html": "<img>", "why": "", "owner": "ours"},
            {"target": "#x img", "html": "<img>", "why": "", "owner": "streamlit"},
            {"target": "#y img", "html": "<img>", "why": "", "owner": "streamlit"},
        ],
    },
    {
        "id": "region",
        "impact": None,
        "help": "All page content should be contained by landmarks",
        "help_url": "",
        "nodes": [{"target": "p", "html": "<p>", "why": "", "owner": "ours"}],
    },
]


def test_violations_are_split_by_owner_most_severe_first():
    violations = split_by_owner(RAW)
    assert [(v.owner, v.rule, len(v.targets)) for v in violations] == [
        ("ours", "image-alt", 1),
        ("ours", "region", 1),
        ("streamlit", "image-alt", 2),
    ]
    assert violations[1].impact == "minor"  # axe leaves some impacts empty


def test_summary_counts_elements_by_owner_and_impact():
    counts = summary(split_by_owner(RAW))
    assert counts["ours"] == {"critical": 1, "serious": 0, "moderate": 0, "minor": 1}
    assert counts["streamlit"]["critical"] == 2


def _fake_axe(path) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name in ("package/axe.min.js", "package/LICENSE"):
            content = b"window.axe = {};"
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))


def test_vendor_script_refuses_an_axe_tarball_with_another_checksum(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO_DIR / "scripts/vendor_js.sh", tmp_path / "scripts/vendor_js.sh")
    # protomaps-leaflet "already installed" at its pinned version, so only axe is fetched.
    script = (REPO_DIR / "scripts/vendor_js.sh").read_text()
    version = re.search(r"^PROTOMAPS_VERSION=(\S+)", script, re.M).group(1)
    sha = re.search(r"^PROTOMAPS_SHA256=(\S+)", script, re.M).group(1)
    viewer = tmp_path / "static/vendor/protomaps-leaflet"
    viewer.mkdir(parents=True)
    (viewer / "protomaps-leaflet.js").write_text("")
    (viewer / ".version").write_text(f"{version} {sha}\n")
    _fake_axe(tmp_path / "axe.tgz")
    done = subprocess.run(
        ["bash", "scripts/vendor_js.sh", "--dev"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "VENDOR_AXE_TARBALL": str(tmp_path / "axe.tgz")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "axe-core 4." in done.stderr and "mismatch" in done.stderr
    assert not (tmp_path / "static/vendor/axe-core").exists()


def test_installed_axe_is_the_pinned_one_when_present():
    script = (REPO_DIR / "scripts/vendor_js.sh").read_text()
    version = re.search(r"^AXE_VERSION=(\S+)", script, re.M).group(1)
    sha = re.search(r"^AXE_SHA256=(\S+)", script, re.M).group(1)
    assert re.fullmatch(r"\d+\.\d+\.\d+", version) and re.fullmatch(r"[0-9a-f]{64}", sha)
    stamp = AXE_JS.parent / ".version"
    if stamp.is_file():
        assert stamp.read_text().split() == [version, sha]
    assert "/static/vendor/" in (REPO_DIR / ".gitignore").read_text()


def test_streamlit_shows_no_developer_options():
    config = tomllib.loads((REPO_DIR / ".streamlit/config.toml").read_text())
    assert config["client"]["toolbarMode"] == "viewer"
