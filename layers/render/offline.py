"""Serve Leaflet and its plugins locally (XStatic packages from PyPI), never from a CDN.

The atlas must work offline and send no request outside the machine (a privacy plus for public
bodies). The files are copied from the XStatic packages into Streamlit's static folder
(``static/vendor``, served at ``app/static/vendor``), where the map's page loads them.
"""

import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_markercluster

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
VENDOR = "vendor"
#: package -> (XStatic module, sub-folder under static/vendor)
PACKAGES = {"leaflet": xs_leaflet, "leaflet_markercluster": xs_markercluster}

#: resource name -> path under static/vendor.
LOCAL_FILES = {
    "leaflet": "leaflet/leaflet.js",
    "leaflet_css": "leaflet/leaflet.css",
    "markerclusterjs": "leaflet_markercluster/leaflet.markercluster.js",
    "markerclustercss": "leaflet_markercluster/MarkerCluster.css",
    "markerclusterdefaultcss": "leaflet_markercluster/MarkerCluster.Default.css",
    # Fetched from npm at set-up by scripts/vendor_js.sh (checksum verified), not from XStatic.
    "protomaps_leaflet": "protomaps-leaflet/protomaps-leaflet.js",
}
#: The atlas's own scripts, committed under static/ (not vendored): name -> path under static/.
OWN_FILES = {"atlas_basemap": "atlas/basemap.js"}


def install_static_assets(static_dir: Path = STATIC_DIR) -> Path:
    """Copy the XStatic files into ``static_dir/vendor`` (once per package version).

    Returns the vendor folder. Safe to call at every start: a version stamp skips the copy.
    """
    vendor = static_dir / VENDOR
    for name, module in PACKAGES.items():
        target = vendor / name
        stamp = target / ".version"
        if stamp.is_file() and stamp.read_text() == module.VERSION:
            continue
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(module.BASE_DIR, target, ignore=shutil.ignore_patterns("*.map", "*.esm.*"))
        stamp.write_text(module.VERSION)
    return vendor


def static_path(resource: str) -> str:
    """Path under static/ of a vendored file or of one of :data:`OWN_FILES`."""
    return OWN_FILES.get(resource) or f"{VENDOR}/{LOCAL_FILES[resource]}"


def local_url(resource: str, base_url: str = "/app/static") -> str:
    """URL of a vendored file as the browser sees it (``base_url`` is Streamlit's static root)."""
    return f"{base_url.rstrip('/')}/{static_path(resource)}"


def vendored_text(resource: str, static_dir: Path = STATIC_DIR) -> str:
    """Content of a vendored file (for pages that must open from disk, with no server)."""
    install_static_assets(static_dir)
    return (static_dir / static_path(resource)).read_text(encoding="utf-8")
