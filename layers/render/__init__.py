"""What is drawn: classes, colours, map layers, offline assets and exports of the current view.

- :mod:`~layers.render.schemes` — the scheme ids and labels, manual breaks (no heavy import).
- :mod:`~layers.render.classify` — classification schemes (mapclassify) and palettes.
- :mod:`~layers.render.links` — which data text may become a link (:func:`~.links.is_http_url`).
- :mod:`~layers.render.choropleth` — regions coloured by a value, as a folium FeatureGroup.
- :mod:`~layers.render.markers` — catalyser markers and the search radius.
- :mod:`~layers.render.offline` — Leaflet and its plugins served locally, inlined for HTML.
- :mod:`~layers.render.formatting` — French number formatting ("1 234,5", "≈ 2,5").
- :mod:`~layers.render.profile_text` — the region profile's France column and reading notes.
- :mod:`~layers.render.exports` — PNG map, GeoPackage / Shapefile, offline HTML, profile page.

May import: folium, matplotlib, mapclassify, geopandas/pyogrio, :mod:`geo`,
:mod:`layers.indicators` and :mod:`layers.upload.dialect` (the one French CSV writer); never
the rest of :mod:`layers.upload`, ``layers.build``, ``ui`` or Streamlit.
"""
