"""Send a feature group's JavaScript without rebuilding it when its content has not changed.

streamlit-folium turns each group of ``feature_group_to_add`` into JavaScript at every rerun
(folium renders every element through Jinja: ~140 ms for the 200 catalyser markers, ~70 ms for
the regions). That text depends only on the group's content and position, so it is cached here
under a key that names the content (the view, the filters). The hook wraps
``streamlit_folium._get_feature_group_string`` (streamlit-folium is pinned in requirements.txt;
``tests/test_folium_cache.py`` checks that the cached text equals a fresh one).
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock

import folium
import streamlit_folium

MAX_ENTRIES = 128
_original = streamlit_folium._get_feature_group_string
_cache: OrderedDict = OrderedDict()
_lock = Lock()


def keyed_groups(
    builders: list[tuple[Hashable, Callable[[], folium.FeatureGroup]]],
) -> list[folium.FeatureGroup]:
    """The groups to pass to ``st_folium``, in order, each named by a content key.

    A group whose JavaScript is cached at its position is not built: an empty stand-in
    carrying the key is enough.
    """
    groups = []
    for idx, (key, build) in enumerate(builders):
        with _lock:
            cached = (key, idx) in _cache
        group = folium.FeatureGroup() if cached else build()
        group._atlas_key = key
        groups.append(group)
    return groups


def _feature_group_string(feature_group_to_add, map, idx: int = 0) -> str:
    key = getattr(feature_group_to_add, "_atlas_key", None)
    if key is None:
        return _original(feature_group_to_add, map=map, idx=idx)
    with _lock:
        if (key, idx) in _cache:
            _cache.move_to_end((key, idx))
            return _cache[(key, idx)]
    if not feature_group_to_add._children:  # stand-in, but the entry at this idx is missing
        raise LookupError(f"No cached layer for {key!r} at position {idx}")
    text = _original(feature_group_to_add, map=map, idx=idx)
    with _lock:
        _cache[(key, idx)] = text
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)
    return text


def install() -> None:
    """Route streamlit-folium through the cache (idempotent)."""
    streamlit_folium._get_feature_group_string = _feature_group_string
