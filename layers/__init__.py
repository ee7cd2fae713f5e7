"""Map layers and the numbers behind them; never imports Streamlit (that is ``ui/``).

Subpackages, each answering one question:

- :mod:`layers.indicators` — the numbers: the data bundle, consolidation to 2016, indices,
  perception, region profiles, domain coverage (pandas/numpy and :mod:`geo` only).
- :mod:`layers.render` — what is drawn: classes and colours, the choropleth, catalyser markers,
  offline Leaflet assets, number formatting (French or English), exports (PNG, GeoPackage,
  Shapefile, HTML), the map's text alternative.
- :mod:`layers.upload` — a user's file -> a new bundle for the session: the French CSV dialect,
  reading, the import formats, cell parsing, validation, applying, templates.
- :mod:`layers.build` — build time only: writes ``data/indicators/`` and the generated parts of
  ``docs/method.md`` (``python -m layers.build.indicators``).

Modules at this level: :mod:`layers.view_state` (the view, read from and written to the URL),
:mod:`layers.measures` (view -> one value per region; bridges indicators and the UI),
:mod:`layers.cli` (``python -m layers values|index|coverage|check``).

Dependency rules (checked by ``tests/test_architecture.py``): ``layers`` may import :mod:`geo`
and :mod:`i18n` (the words, in French and English), never ``ui`` nor Streamlit;
``layers.indicators`` imports only pandas, numpy, the standard library, :mod:`geo` and
:mod:`i18n`; ``layers.render`` and ``layers.upload`` do not import each other, except
``layers.upload.dialect`` (the one French CSV writer); nothing at run time imports
``layers.build``.
"""
