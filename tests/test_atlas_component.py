"""The component's assets: local, versioned, in load order; the base map only when installed."""

from bench.browser import is_local
from layers.render.basemap import ARCHIVES, BASEMAP, attribution, basemap_spec
from layers.render.offline import install_static_assets
from layers.render.static_files import ATLAS_DIR
from ui.atlas_component import BASEMAP_SCRIPTS, map_assets, profile_assets


def test_assets_are_local_versioned_and_atlas_js_first():
    install_static_assets()
    assets = map_assets("/app/static")
    scripts = assets["scripts"]
    assert scripts[0].startswith("/app/static/atlas/atlas.js?v=")
    assert scripts[1].startswith("/app/static/vendor/leaflet/leaflet.js?v=")
    assert any("markercluster" in url for url in scripts)
    assert any(url.startswith("/app/static/atlas/atlas.css?v=") for url in assets["styles"])
    for url in scripts + assets["styles"]:
        assert is_local("http://127.0.0.1" + url)
    assert profile_assets("/app/static")["scripts"] == scripts[:1]


def test_base_map_is_used_only_when_its_files_are_installed(tmp_path):
    (tmp_path / ATLAS_DIR).mkdir()
    for name in ("atlas.js", "atlas.css"):
        (tmp_path / ATLAS_DIR / name).write_text("x")
    vendor = install_static_assets(tmp_path)
    assert vendor.is_dir()
    assert basemap_spec("/app/static", static_dir=tmp_path) is None
    assert not any("basemap" in url for url in map_assets("/app/static", tmp_path)["scripts"])
    for path in BASEMAP_SCRIPTS:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    assert basemap_spec("/app/static", static_dir=tmp_path) is None  # no archives yet
    (tmp_path / BASEMAP).mkdir()
    for name in ARCHIVES:
        (tmp_path / BASEMAP / name).write_text("x")
    assert basemap_spec("/app/sub/static/", static_dir=tmp_path) == {
        "options": {
            "baseUrl": "/app/sub/static/basemap",
            "labels": True,
            "attribution": attribution(),
        }
    }
    assert map_assets("/app/static", tmp_path)["scripts"][-1].startswith(
        "/app/static/atlas/basemap.js?v="
    )
