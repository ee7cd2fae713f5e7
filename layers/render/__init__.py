"""What is drawn: classes, colours, the browser map's data, offline assets and exports.

- :mod:`~layers.render.schemes` — the scheme ids and labels, manual breaks (no heavy import).
- :mod:`~layers.render.classify` — classification schemes (mapclassify) and palettes.
- :mod:`~layers.render.links` — which data text may become a link (:func:`~.links.is_http_url`).
- :mod:`~layers.render.choropleth` — regions coloured by a value; contours and styles for the map.
- :mod:`~layers.render.markers` — catalyser markers and the search radius, as data for the map.
- :mod:`~layers.render.map_payload` — what the browser map (static/atlas/atlas.js) is sent.
- :mod:`~layers.render.basemap` — the offline base map's options, its light fallback, checks.
- :mod:`~layers.render.legend` — the layer's legend as light HTML.
- :mod:`~layers.render.profile_summary` — every region's profile summary, pre-rendered.
- :mod:`~layers.render.static_files` — the static files the browser fetches (contours, markers).
- :mod:`~layers.render.offline` — Leaflet and its plugins served locally, read for HTML pages.
- :mod:`~layers.render.map_page` — the offline HTML map, drawn by the screen's own atlas.js.
- :mod:`~layers.render.formatting` — French number formatting ("1 234,5", "≈ 2,5").
- :mod:`~layers.render.profile_text` — the region profile's France column and reading notes.
- :mod:`~layers.render.exports` — PNG map, GeoPackage / Shapefile, printable profile page.

May import: matplotlib, mapclassify, geopandas/pyogrio, :mod:`geo`, :mod:`layers.indicators`
and :mod:`layers.upload.dialect` (the one French CSV writer); never the rest of
:mod:`layers.upload`, ``layers.build``, ``ui`` or Streamlit.
"""
