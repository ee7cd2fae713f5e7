"""Point a folium element's JS/CSS at the vendored copies (benchmark baselines only).

The naive baselines are folium maps; the atlas itself no longer uses folium. Without this,
folium loads Leaflet from CDNs, which never answer on an offline machine.
"""

import folium

from layers.render.offline import LOCAL_FILES, local_url


def offline(element: folium.MacroElement) -> folium.MacroElement:
    """Replace ``element``'s CDN resources by local URLs; drop those the atlas does not vendor."""
    for attr in ("default_js", "default_css"):
        declared = getattr(element, attr, [])
        setattr(
            element,
            attr,
            [(name, local_url(name)) for name, _ in declared if name in LOCAL_FILES],
        )
    return element
