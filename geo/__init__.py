"""Geography at run time: contours, the region mapping, the gazetteer, distances, catalysers.

- :mod:`geo.levels` — the levels of the map as data rows (one place), ``check_level``.
- :mod:`geo.paths` — where the shipped geographic data live.
- :mod:`geo.shapes` — load the shipped contours (``data/shapes/``).
- :mod:`geo.names` — normalise place names (accents, case, hyphens, "St").
- :mod:`geo.gazetteer` — find communes by name, postcode or INSEE code.
- :mod:`geo.region_mapping` — pre-2016 -> 2016 regions, derived from départements.
- :mod:`geo.distance` — great-circle distances and radius queries.
- :mod:`geo.catalysers` — the directory of territorial catalysers and its queries.
- :mod:`geo.units` — what a unit of a level holds: départements, communes, catalysers.
- :mod:`geo.cli` — ``python -m geo find|near``.
- :mod:`geo.build` — build time only (``data/shapes``, ``data/gazetteer``, ``data/catalysers``).

Dependency rule (checked by ``tests/test_architecture.py``): ``geo`` never imports ``layers``,
``ui`` or Streamlit (it may import :mod:`i18n`, which imports nothing of the project); nothing
at run time imports ``geo.build``.
"""
