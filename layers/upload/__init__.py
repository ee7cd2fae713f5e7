"""A user's file -> a new data bundle for the session (the shipped files are never touched).

In the order a file goes through them:

- :mod:`~layers.upload.dialect` — the French CSV dialect (``;``, decimal comma, BOM), read and
  written in one place: every CSV download of the atlas uses :func:`~.dialect.french_csv`.
- :mod:`~layers.upload.read` — bytes (CSV or XLSX) -> a table of text cells, line numbers kept.
- :mod:`~layers.upload.formats` — the two import formats: columns, keys, aliases, ranges.
- :mod:`~layers.upload.cells` — one cell -> a number, level, region code or choice, or a
  French error.
- :mod:`~layers.upload.validate` — a whole table -> normalised rows and a French report.
- :mod:`~layers.upload.apply` — a valid report -> a new bundle.
- :mod:`~layers.upload.templates` — the downloadable templates (``data/templates/``).

May import: pandas, numpy, openpyxl (lazily), :mod:`geo` and :mod:`layers.indicators`; never
:mod:`layers.render`, ``layers.build``, ``ui`` or Streamlit.
"""
