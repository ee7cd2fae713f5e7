"""The base map at run time: files, folium elements, exports, URL state, the set-up script."""

import io
import json
import re
import shutil
import subprocess
import tarfile

import folium
import matplotlib.image as mpimg
import numpy as np
import pandas as pd
import pytest

from bench.browser import REPO_DIR
from geo.shapes import read_layer
from layers.render import basemap
from layers.render.choropleth import colour_regions
from layers.render.exports import map_png, standalone_map_html
from layers.render.markers import radius_layer
from layers.render.offline import STATIC_DIR, inline_assets, local_url
from layers.view_state import Choices, ViewState, parse_view_state, to_query_params
from ui.map_panel import base_map

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


def test_script_json_cannot_close_the_script_element():
    text = basemap._script_json({"name": "</script><script>alert(1)</script>"})
    assert "</script" not in text and json.loads(text)["name"].startswith("</script>")


@needs_viewer
def test_the_on_screen_map_loads_the_viewer_locally_and_calls_the_api():
    page = base_map("tiles").get_root().render()
    assert page.count("AtlasBasemap.add(") == 1
    assert local_url("protomaps_leaflet") in page and local_url("atlas_basemap") in page
    assert '"baseUrl":"/app/static/basemap"' in page
    assert page.index(local_url("protomaps_leaflet")) < page.index(local_url("atlas_basemap"))


def test_without_base_map_the_map_has_no_base_map_script():
    page = base_map("none").get_root().render()
    assert "AtlasBasemap" not in page and "basemap.js" not in page


def test_the_on_screen_script_is_the_same_at_every_run():
    """streamlit-folium re-mounts the map (and loses the zoom) when its script changes."""

    def script():
        return re.sub(r"_[0-9a-f]{32}", "", base_map("tiles").get_root().render())

    assert script() == script()


def test_the_offline_export_carries_the_light_base_map_and_says_so():
    page = standalone_map_html(base_map("light"))
    assert "window.AtlasBasemap = {" in page  # basemap.js inlined
    assert "AtlasBasemap.addLight(" in page and basemap.LIGHT_NOTE in page
    assert '"baseUrl":' not in page  # no PMTiles from disk (no range requests on file://)
    assert 'src="/app/static' not in page and "protomaps-leaflet.js" not in page


def test_inline_assets_skips_files_the_page_does_not_link(tmp_path):
    """The export works even where the tile viewer was never installed."""
    shutil.copytree(STATIC_DIR / "atlas", tmp_path / "atlas")
    page = inline_assets(f'<script src="{local_url("atlas_basemap")}"></script>', tmp_path)
    assert "window.AtlasBasemap" in page


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


def test_radius_search_asks_the_base_map_to_write_the_commune_first():
    fmap = folium.Map(tiles=None)
    radius_layer(45.77, 4.88, 10, "Villeurbanne <b>").add_to(fmap)
    page = fmap.get_root().render()
    assert "basemap.setPlace(name)" in page and '"Villeurbanne <b>"' in page
    assert '"Villeurbanne &lt;b&gt;"' in page  # the fallback tooltip is escaped HTML
    assert '"pane": "markerPane"' in page  # above the base map's names


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
