"""The numbers: indicator tables and what is computed from them (no drawing, no Streamlit).

- :mod:`~layers.indicators.bundle` — the tables of ``data/indicators/`` as one immutable
  :class:`~layers.indicators.bundle.IndicatorData`, the levels, ``UnknownIdError``.
- :mod:`~layers.indicators.consolidate` — values at both region levels (pre-2016 values
  consolidated to 2016) and the France métropolitaine reference.
- :mod:`~layers.indicators.indices` — fragility indices, base 100 = France, and ranks.
- :mod:`~layers.indicators.perception` — perceived fragility (survey scores) and the gap.
- :mod:`~layers.indicators.profile` — a region's fragility profile (key figures, domains).
- :mod:`~layers.indicators.coverage` — how much of each domain the data cover, per level.

May import: pandas, numpy, the standard library, :mod:`geo` and this package; nothing else
(no folium, matplotlib, mapclassify, pyogrio, Streamlit).
"""
