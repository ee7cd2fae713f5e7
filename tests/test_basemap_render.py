"""The base map at run time: files, the map's options and scripts, exports, URL state, set-up."""

import io
import json
import re
import shutil
import subprocess
import tarfile

import matplotlib.image as mpimg
import numpy as np
import pandas as pd
import pytest

from bench.browser import REPO_DIR
from geo.shapes import read_layer
from layers.render import basemap
from layers.render.choropleth import colour_regions, region_geometry, region_styles
from layers.render.exports import map_png
from layers.render.map_page import standalone_map_html
from layers.render.markers import search_circle
from layers.render.offline import STATIC_DIR, static_path
from layers.view_state import Choices, ViewState, parse_view_state, to_query_params
from tests.helpers import run_app
from ui.atlas_component import map_assets

VIEWER_INSTALLED = (STATIC_DIR / "vendor/protomaps-leaflet/protomaps-leaflet.js").is_file()
needs_viewer = pytest.mark.skipif(
    not VIEWER_INSTALLED, reason="protomaps-leaflet not vendored: bash scripts/vendor_js.sh"
)


def test_missing_files_are_named_in_a_french_note(tmp_path):
    (tmp_path / "atlas").mkdir()
    shutil.copy(STATIC_DIR / "atlas/basemap.js", tmp_path / "atlas/basemap.js")
    missing = basemap.missing_files(tmp_path)
    assert missing == [
        "vendor/protomaps-leaflet/protomaps-leaflet.js",
        "basemap/basemap_base.pmtiles",
        "basemap/basemap_ref.pmtiles",
    ]
    note = basemap.unavailable_note(tmp_path)
    assert note.startswith("Fond de carte indisponible")
    assert "static/vendor/protomaps-leaflet/protomaps-leaflet.js" in note
    assert "bash scripts/app.sh" in note


@needs_viewer
def test_everything_the_base_map_needs_is_there():
    assert basemap.missing_files() == [] and basemap.unavailable_note() is None


def test_options_point_at_the_static_route_and_carry_the_attribution():
    options = basemap.basemap_options("/app/static/")
    assert options["baseUrl"] == "/app/static/basemap"
    assert options["labels"] is True
    for source in ("IGN", "INSEE", "Licence Ouverte", "GSHHG", "LGPL", "GeoNames", "CC BY"):
        assert source in options["attribution"]


@needs_viewer
def test_the_map_loads_the_viewer_locally_after_leaflet_then_the_api():
    scripts = [url.split("?")[0] for url in map_assets("/app/static")["scripts"]]
    viewer, api = (
        f"/app/static/{static_path(name)}" for name in ("protomaps_leaflet", "atlas_basemap")
    )
    assert scripts.index("/app/static/vendor/leaflet/leaflet.js") < scripts.index(viewer)
    assert scripts.index(viewer) < scripts.index(api)
    assert basemap.basemap_spec("/app/static") == {"options": basemap.basemap_options()}


@pytest.fixture(scope="module")
def app_runs():
    """The app run with the base map on (the default), then with the switch off."""
    return run_app(), run_app(basemap="0")


def map_data(at) -> dict:
    found = [e.proto for e in at.get("bidi_component") if e.proto.component_name == "atlas_map"]
    return json.loads(found[0].json)


@needs_viewer
def test_the_switch_changes_only_the_base_map_in_the_map_data(app_runs):
    on, off = (map_data(at) for at in app_runs)
    assert on["basemap"] == {"options": basemap.basemap_options()}
    assert off["basemap"] is None
    # The rest is the same: the browser removes the base map in place (the map stays mounted).
    assert {k: v for k, v in on.items() if k != "basemap"} == {
        k: v for k, v in off.items() if k != "basemap"
    }
    assert not any("Fond de carte indisponible" in c.value for c in app_runs[0].caption)


def test_the_offline_export_carries_the_light_base_map_and_says_so(coloured):
    frame, _ = coloured
    page = standalone_map_html(region_geometry(frame), region_styles(frame), "T", "", "Insee")
    assert "window.AtlasBasemap = {" in page  # basemap.js inlined
    data = json.loads(page.split('id="atlas-data">', 1)[1].split("</script>", 1)[0])
    assert data["basemap"]["options"]["note"] == basemap.LIGHT_NOTE
    assert data["basemap"]["light"]["features"]  # the GeoJSON itself, no file to fetch
    assert "baseUrl" not in data["basemap"]["options"]  # no PMTiles from disk (file://)
    assert 'src="/app/static' not in page and "protomaps-leaflet.js" not in page
    plain = standalone_map_html(
        region_geometry(frame), region_styles(frame), "T", "", "Insee", basemap=False
    )
    assert '"basemap":null' in plain


@pytest.fixture(scope="module")
def coloured():
    regions = read_layer("2016")
    values = pd.Series(np.arange(len(regions), dtype=float), index=regions["code"])
    return colour_regions(regions, values, k=4)


def test_png_export_draws_the_sea_and_names_the_base_map_sources(coloured):
    frame, classification = coloured
    args = (frame, classification, "Titre", "indice", "Source X", "01/01/2026")
    plain = mpimg.imread(io.BytesIO(map_png(*args)))
    with_basemap = mpimg.imread(io.BytesIO(map_png(*args, basemap=basemap.light_geojson())))
    sea = np.array([int(basemap.SEA_COLOUR[i : i + 2], 16) / 255 for i in (1, 3, 5)])

    def sea_pixels(image):
        return int((np.abs(image[..., :3] - sea).max(axis=-1) < 0.02).sum())

    assert sea_pixels(plain) == 0
    assert sea_pixels(with_basemap) > 10_000


def test_radius_search_gives_the_map_the_commune_to_write_first():
    circle = search_circle(45.77, 4.88, 10, "Villeurbanne <b>")
    # Raw text: atlas.js hands it to the base map (setPlace) or writes it with textContent.
    assert circle["place"] == "Villeurbanne <b>"
    assert circle["label"] == "Villeurbanne <b> – rayon 10 km"


CHOICES = Choices(layers={"global": "Indice global"}, indicators={}, surveys={}, regions={})


def test_the_base_map_switch_is_kept_in_the_url():
    assert to_query_params(ViewState()) == {}
    off = ViewState(basemap="0")
    assert to_query_params(off) == {"basemap": "0"} and not off.show_basemap
    assert parse_view_state({"basemap": "0"}, CHOICES) == (off, [])
    state, warnings = parse_view_state({"basemap": "<b>"}, CHOICES)
    assert state.show_basemap and "Fond de carte" in warnings[0]


def _tarball(path, content: bytes) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name in ("package/dist/protomaps-leaflet.js", "package/LICENSE"):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))


def test_vendor_script_refuses_a_tarball_with_another_checksum(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO_DIR / "scripts/vendor_js.sh", tmp_path / "scripts/vendor_js.sh")
    _tarball(tmp_path / "fake.tgz", b"window.protomapsL = {};")
    done = subprocess.run(
        ["bash", "scripts/vendor_js.sh"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "VENDOR_JS_TARBALL": str(tmp_path / "fake.tgz")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "checksum mismatch" in done.stderr
    assert not (tmp_path / "static/vendor/protomaps-leaflet").exists()


@needs_viewer
def test_the_installed_viewer_is_the_pinned_one():
    script = (REPO_DIR / "scripts/vendor_js.sh").read_text()
    version = re.search(r"^PROTOMAPS_VERSION=(\S+)", script, re.M).group(1)
    sha = re.search(r"^PROTOMAPS_SHA256=(\S+)", script, re.M).group(1)
    stamp = (STATIC_DIR / "vendor/protomaps-leaflet/.version").read_text().split()
    assert stamp == [version, sha]
