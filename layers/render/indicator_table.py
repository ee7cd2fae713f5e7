"""A domain's indicator table, as the profile shows it: a light, semantic HTML table.

One row per indicator with four columns that fit the profile's column at 1280 px (indicator,
value, France, rank; the year, unit, origin and source under the indicator's name),
where a 9-column data grid scrolled sideways and took the browser a noticeable time to draw at
each click. It is a real ``<table>`` (caption, column and row headers), so a screen reader
reads it cell by cell. The printable page keeps the full table
(:func:`ui.profile_panel.printable_page`). Its styles are in static/atlas/atlas.css (the
profile's detail draws it, layers/render/profile_detail.py).

Every text from the data is HTML-escaped here; only ``http(s)://`` URLs become links.
"""

import html
from collections.abc import Sequence
from urllib.parse import urlsplit

import pandas as pd

from i18n import DEFAULT_LANG, t
from layers.render.formatting import format_number, format_value
from layers.render.markers import safe_link
from layers.render.profile_text import france_text, table_rows

#: Marks a core indicator (the domain's index rests on it), after its name.
CORE_MARK = "★"

_esc = html.escape


def indicator_table_html(
    table: pd.DataFrame,
    caption: str,
    lang: str = DEFAULT_LANG,
    proxy: str = "",
    notes: Sequence[str] = (),
) -> str:
    """The rows of :func:`layers.indicators.profile.domain_indicators` as an HTML table.

    ``caption`` names the table for screen readers (e.g. "Indicateurs : Santé"). Numbers are
    written at the source's precision in the way of ``lang`` ("≈" when approximate); a missing
    value says "pas de donnée" / "no data". ``proxy`` (why the domain rests on proxies) comes
    before the table as a note, ``notes`` (how to read it) after it, as a list.

    >>> row = {"label": "Taux <b>", "core": True, "value": 12.04, "unit": "%", "year": "2014",
    ...        "france": 9.9, "decimals": 1, "approximate": False, "share_of_france_pct": None,
    ...        "rank": 2, "n_regions": 13, "origin": "", "source": "Insee",
    ...        "source_url": "https://www.insee.fr/x"}
    >>> page = indicator_table_html(pd.DataFrame([row]), "Indicateurs", "en")
    >>> "Taux &lt;b&gt; ★" in page, ">12.0<" in page, "2/13" in page, ">insee.fr</a>" in page
    (True, True, True, True)
    """
    none = t("common.none", lang)  # no rank: "—", as in every table of the atlas
    head = "".join(
        f'<th scope="col"{cls}>{_esc(t(f"profile.col.{name}", lang))}{note}</th>'
        for name, cls, note in (
            ("indicator", "", ""),
            ("value", ' class="num"', ""),
            ("france", ' class="num"', ""),
            ("rank", ' class="num"', f"<small>{_esc(t('profile.col.rank_help', lang))}</small>"),
        )
    )
    rows = []
    for row in table_rows(table):
        name = _esc(str(row["label"])) + (f" {CORE_MARK}" if row["core"] else "")
        details = [
            _esc(str(part)) for part in (row["year"], row["unit"], row["origin"]) if _given(part)
        ]
        source = _source(row["source_url"], row["source"])
        if source:
            details.append(_esc(t("profile.source_is", lang)) + source)
        value = _esc(format_value(row["value"], row["decimals"], bool(row["approximate"]), lang))
        share = row.get("share_of_france_pct")
        if _given(share):
            share_text = t("profile.share_of_france", lang, share=format_number(share, 1, lang))
            value += f"<small>{_esc(share_text)}</small>"
        # "2/13", as the summary writes ranks (no space for the line to break at)
        rank = f"{int(row['rank'])}/{int(row['n_regions'])}" if _given(row["rank"]) else none
        rows.append(
            f'<tr><th scope="row">{name}<small>{" · ".join(details)}</small></th>'
            f'<td class="num">{value}</td>'
            f'<td class="num">{_esc(france_text(row, lang))}</td>'
            f'<td class="num">{_esc(rank)}</td></tr>'
        )
    before = f'<p class="atlas-proxy" role="note">{_esc(proxy)}</p>' if proxy else ""
    after = "".join(f"<li>{_esc(note)}</li>" for note in notes)
    return (
        f'{before}<table class="atlas-indicators"><caption>{_esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + (f'<ul class="atlas-notes">{after}</ul>' if after else "")
    )


def _given(value: object) -> bool:
    """Neither missing (None, NaN, NA) nor empty text."""
    if value is None or value is pd.NA:
        return False
    return not (pd.api.types.is_scalar(value) and pd.isna(value)) and value != ""


def _source(url: object, source: object) -> str:
    """A link named by the URL's host, "www." aside (the source's full name on hover), else
    the source's text (e.g. "données importées"), else nothing."""
    text = str(source) if _given(source) else ""
    if _given(url) and str(url) != text:
        host = urlsplit(str(url).strip()).netloc.removeprefix("www.")
        return safe_link(url, host or None, title=text)
    return _esc(text)
