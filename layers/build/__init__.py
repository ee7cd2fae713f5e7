"""Build time only: writes ``data/indicators/`` and the generated parts of ``docs/method.md``.

- :mod:`~layers.build.indicators` — ``python -m layers.build.indicators``: the curation rules
  (core indicators, derived ratios, domain labels) applied to ``../shared/reference``.
- :mod:`~layers.build.method_page` — the tables and lists of ``docs/method.md`` written from
  the data.

May import anything in :mod:`layers` and :mod:`geo`. Nothing at run time (the app, ``ui``,
the other ``layers`` packages, ``geo``) imports this package.
"""
