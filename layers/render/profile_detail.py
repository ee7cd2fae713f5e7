"""The profile's detail as HTML, pre-rendered for every unit of a level: a domain's indicator
table and the unit's catalysers.

With the summary (layers/render/profile_summary.py), this is the whole profile a click shows,
in the browser, without waiting for the server: the detail of every unit of the level, for the
domain the profile shows, is sent once with the page (and again when that domain changes). The
indicator tables of a level cost about one unit's (``level_domain_indicators``).

Every text from the data is HTML-escaped here; only ``http(s)://`` URLs become links.
"""

import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

import pandas as pd

from geo.catalysers import category_label
from geo.levels import LEVELS
from i18n import DEFAULT_LANG, t
from layers.indicators.bundle import IMPORTED_SOURCE, IndicatorData
from layers.indicators.profile import domain_indicators, domain_profile
from layers.indicators.provenance import changed_by_import
from layers.measures import domain_label
from layers.render.indicator_table import indicator_table_html
from layers.render.map_payload import CHANNEL
from layers.render.markers import safe_link, web_url
from layers.render.profile_text import reading_notes

_esc = html.escape


def profile_domain(data: IndicatorData, layer: str, chosen: str = "") -> str:
    """The domain whose indicators the profile lists: ``chosen`` (in the profile) if it is one,
    else the map's layer if it is a domain, else the first domain."""
    domains = list(data.domains["domain"])
    for candidate in (chosen, layer):
        if candidate in domains:
            return candidate
    return domains[0]


def _strong(text: str) -> str:
    """Escaped ``text`` with its ``**bold**`` parts (catalogue markdown) as ``<strong>``."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", _esc(text, quote=False))


def domain_detail_html(
    data: IndicatorData,
    level: str,
    code: str,
    domain: str,
    survey: str | None,
    lang: str = DEFAULT_LANG,
) -> str:
    """One unit's indicators for ``domain``: why the domain rests on proxies (if it does), the
    table, how to read it, and whether imported data are part of the profile."""
    return _detail_html(
        data, level, code, domain, survey, lang, _domain_texts(data, level, domain, lang)
    )


def _domain_texts(data: IndicatorData, level: str, domain: str, lang: str) -> tuple[str, str, str]:
    """What every unit's detail says of the domain: proxy note, table caption, star note."""
    note = data.proxy_notes(level, lang).get(domain)
    return (
        t("profile.proxy_info", lang, note=note) if note else "",
        t("profile.indicators_caption", lang, domain=domain_label(data, domain, lang)),
        t("profile.star_caption", lang, plural=t(f"level.{level}.plural", lang)),
    )


def _detail_html(
    data: IndicatorData,
    level: str,
    code: str,
    domain: str,
    survey: str | None,
    lang: str,
    texts: tuple[str, str, str],
) -> str:
    proxy, caption, star = texts
    table = domain_indicators(data, level, code, domain, lang)
    if table.empty:
        parts = [proxy, t("profile.no_indicators", lang)]
        body = "".join(f'<p class="atlas-proxy" role="note">{_esc(p)}</p>' for p in parts if p)
    else:
        notes = [star, *reading_notes(table, lang)]
        body = indicator_table_html(table, caption, lang, proxy=proxy, notes=notes)
    if imported_profile(data, level, code, survey, table):
        body += f'<p class="atlas-imported">{_strong(t("profile.imported", lang))}</p>'
    return body


def imported_profile(
    data: IndicatorData, level: str, code: str, survey: str | None, table: pd.DataFrame
) -> bool:
    """Whether the profile shows numbers an import changed: a domain index, or a value of
    ``table`` (the domain's indicators shown)."""
    if data.origin is None:
        return False
    sources = table.get("source_url", pd.Series(dtype=str))
    return bool(
        (sources == IMPORTED_SOURCE).any()
        or changed_by_import(
            data, lambda d: domain_profile(d, level, code, survey)["objective_index"]
        ).any()
    )


def level_details(
    data: IndicatorData,
    codes: Iterable[str],
    level: str,
    domain: str,
    survey: str | None,
    lang: str = DEFAULT_LANG,
) -> dict[str, str]:
    """``code -> detail HTML`` (:func:`domain_detail_html`) for every unit of ``codes``."""
    texts = _domain_texts(data, level, domain, lang)
    return {
        str(code): _detail_html(data, level, str(code), domain, survey, lang, texts)
        for code in codes
    }


def catalysers_html(catalysers: pd.DataFrame, level: str, lang: str = DEFAULT_LANG) -> str:
    """A unit's catalysers as a disclosure (``<details>``, closed): name (and website, when it
    is an http(s) URL), commune, and what the organisation is."""
    of_unit = LEVELS[level].of_unit_in(lang)
    summary = _esc(t("profile.catalysers", lang, of_unit=of_unit, n=len(catalysers)))
    if catalysers.empty:
        inside = f"<p>{_esc(t('profile.no_catalysers', lang, of_unit=of_unit))}</p>"
    else:
        none = _esc(t("common.none", lang))
        families = (
            catalysers["family"].fillna("") if "family" in catalysers else [""] * len(catalysers)
        )
        rows = []
        for row, family in zip(catalysers.itertuples(), families, strict=True):
            commune = str(row.commune) if isinstance(row.commune, str) and row.commune else ""
            site = getattr(row, "website", "")
            # The website under the name, named by its host: a column of its own broke the
            # addresses letter by letter in the profile's width.
            link = f"<small>{safe_link(site, _host(site))}</small>" if web_url(site) else ""
            rows.append(
                f'<tr><th scope="row">{_esc(str(row.name))}{link}</th>'
                f"<td>{_esc(commune) or none}</td>"
                f"<td>{_esc(category_label(row.confidence, family, lang))}</td></tr>"
            )
        head = "".join(
            f'<th scope="col">{_esc(t(f"catalysers.col.{name}", lang))}</th>'
            for name in ("name", "commune", "category")
        )
        inside = (
            f'<table class="atlas-catalysers"><caption class="atlas-visually-hidden">{summary}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    return f'<details class="atlas-catalysers-box"><summary>{summary}</summary>{inside}</details>'


def _host(url: object) -> str:
    """``https://www.example.org/a`` -> ``example.org``."""
    return urlsplit(web_url(url)).netloc.removeprefix("www.") or web_url(url)


def detail_payload(
    data: IndicatorData,
    level: str,
    domain: str,
    details: Mapping[str, str],
    catalysers: Mapping[str, str],
    assets: dict | None = None,
    lang: str = DEFAULT_LANG,
) -> dict:
    """The profile detail's data: the domain shown and the list to choose another, each unit's
    indicators (``details``) and catalysers (``catalysers``), HTML from this module.

    ``key`` names the content: the browser redraws a unit's detail only when it changes.
    """
    domains = [[d, domain_label(data, d, lang)] for d in data.domains["domain"]]
    digest = hashlib.sha256(
        json.dumps([level, lang, domain, details, catalysers], ensure_ascii=False).encode()
    ).hexdigest()[:16]
    return {
        "channel": CHANNEL,
        "key": digest,
        "level": level,
        "domain": domain,
        "domains": domains,
        "select_label": t("profile.domain_select", lang),
        "close_label": t("profile.close", lang),
        "details": dict(details),
        "catalysers": dict(catalysers),
        "assets": assets or {"scripts": [], "styles": []},
    }
