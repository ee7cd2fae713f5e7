"""Serve Leaflet and its plugins locally (XStatic packages from PyPI) instead of folium's CDNs.

The atlas must work offline and send no request outside the machine (a privacy plus for public
bodies). folium lists its JavaScript and CSS as CDN URLs in ``default_js``/``default_css``;
:func:`offline` replaces them, on one element, by files copied from the XStatic packages into
Streamlit's static folder (``static/vendor``, served at ``app/static/vendor``).
"""

import re
import shutil
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_markercluster
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
VENDOR = "vendor"
#: package -> (XStatic module, sub-folder under static/vendor)
PACKAGES = {"leaflet": xs_leaflet, "leaflet_markercluster": xs_markercluster}

#: folium resource name -> path under static/vendor. Resources folium declares that the atlas
#: does not use (jQuery, Bootstrap, awesome-markers, Font Awesome) are dropped, not fetched.
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


def offline(element: folium.MacroElement, base_url: str = "/app/static") -> folium.MacroElement:
    """Point ``element``'s JS/CSS at the local copies; drop the resources the atlas does not use.

    The change is made on the instance (class attributes of folium stay untouched), and the
    element is returned for chaining.
    """
    for attr in ("default_js", "default_css"):
        declared = getattr(element, attr, [])
        setattr(
            element,
            attr,
            [
                (name, local_url(name, base_url))
                for name, _ in declared
                if name in LOCAL_FILES or name in OWN_FILES
            ],
        )
    return element


def inline_assets(html: str, static_dir: Path = STATIC_DIR, base_url: str = "/app/static") -> str:
    """Replace links to vendored files by the files' content: a standalone offline HTML page.

    Only the files the page links to are read (the base-map viewer may not be installed).
    Raises ``ValueError`` if a link to ``base_url`` is left (a folium template that writes its
    tags another way): such a page would open blank from disk, so it is never offered.
    """
    install_static_assets(static_dir)
    for resource in [*LOCAL_FILES, *OWN_FILES]:
        url = local_url(resource, base_url)
        if url not in html:
            continue
        rel = static_path(resource)
        text = (static_dir / rel).read_text(encoding="utf-8")
        if rel.endswith(".js"):
            html = html.replace(f'<script src="{url}"></script>', f"<script>{text}</script>")
        else:
            html = html.replace(f'<link rel="stylesheet" href="{url}"/>', f"<style>{text}</style>")
    # Only tags that would fetch count: an inlined script may name the folder in a comment.
    base = re.escape(base_url.rstrip("/"))
    left = sorted(set(re.findall(rf"""(?:src|href)\s*=\s*["']?({base}/[^"'\s>]*)""", html)))
    if left:
        raise ValueError(f"Links to the app's static files left in the standalone page: {left}")
    return html


class _Preload(JSCSSMixin, MacroElement):
    """Declares a plugin's JS/CSS on the base map without drawing anything.

    streamlit-folium loads the scripts of the base map only; layers sent later through
    ``feature_group_to_add`` (e.g. a MarkerCluster) need their plugin already loaded.
    """

    _template = Template("")

    def __init__(self, default_js: list, default_css: list) -> None:
        super().__init__()
        self._name = "Preload"
        self.default_js = default_js
        self.default_css = default_css


def preload_plugins(fmap: folium.Map, *plugins: type, base_url: str = "/app/static") -> folium.Map:
    """Add the local JS/CSS of each plugin class (e.g. ``MarkerCluster``) to ``fmap``."""
    for plugin in plugins:
        element = _Preload(list(plugin.default_js), list(plugin.default_css))
        offline(element, base_url).add_to(fmap)
    return fmap
