"""The top of a region's profile as HTML, pre-rendered for every region of a level.

A click on the map shows the clicked region's summary at once, in the browser: its name (as the
profile's ``h2`` heading), level and code, how it relates to the other level, its key figures
and its 16 domains against France (bars from 100, the value and the rank written out, never
colour alone). The summaries of all regions of a level are built once per data bundle, level
and survey and sent once to the page (about 5 KB a region); the detail (a domain's
indicators, catalysers, printable page) follows from the server.

Every text from the data is HTML-escaped here; only ``http(s)://`` URLs become links.
"""

import html
import math

import geopandas as gpd
import pandas as pd

from geo.levels import LEVELS
from i18n import DEFAULT_LANG, t
from layers.indicators.bundle import IndicatorData
from layers.indicators.indices import INDEX_BOUNDS, domain_indices
from layers.indicators.profile import domain_profile, key_figures, relations
from layers.measures import domain_name
from layers.render.formatting import format_number, no_data_label
from layers.render.markers import safe_link, web_url
from layers.render.profile_text import table_rows

#: The bars' index scale: a domain index is a mean of indicator indices, which are bounded
#: (layers.indicators.indices.INDEX_BOUNDS), so no domain bar is ever cut; a perceived index
#: beyond is.
BAR_SCALE = INDEX_BOUNDS
_NOTE_CHARS = 32

_esc = html.escape


def _text(key: str, lang: str, **html_parts: str) -> str:
    """A catalogue text, escaped, with placeholders filled by HTML built (and escaped) here."""
    return _esc(t(key, lang), quote=False).format(**html_parts)


def relation_html(data: IndicatorData, level: str, code: str, lang: str = DEFAULT_LANG) -> str:
    """One sentence linking the unit to the other levels (names escaped)."""
    rel = relations(data, level, code)
    if "regions" in rel:  # a département: its region at both levels
        (new, new_name), (old, old_name) = rel["regions"]["2016"], rel["regions"]["pre2016"]
        return _text(
            "profile.departement_regions",
            lang,
            name=f"<strong>{_esc(new_name)}</strong>",
            code=_esc(new),
            old_name=f"<strong>{_esc(old_name)}</strong>",
            old_code=_esc(old),
        )
    if "parent" in rel:
        parent_code, name = rel["parent"]
        strong = f"<strong>{_esc(name)}</strong>"
        return _text("profile.parent", lang, name=strong, code=_esc(parent_code))
    names = _esc(t("common.list_sep", lang)).join(_esc(name) for _, name in rel["children"])
    key = "profile.same_limits" if len(rel["children"]) == 1 else "profile.children"
    return _text(key, lang, names=names)


def key_figure_text(value: float, unit: str, lang: str = DEFAULT_LANG) -> str:
    """``1234567.0, "habitants"`` -> ``"1 234 567 habitants"`` (a decimal only below 100)."""
    decimals = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    return f"{format_number(value, decimals, lang)} {unit}".strip()


def _source(url: object, note: str, lang: str = DEFAULT_LANG) -> str:
    """A short source: "lien" to an http(s) URL, else the note cut at 32 characters; the
    full note in the title (shown on hover)."""
    if web_url(url):
        return safe_link(url, t("common.link", lang), title=note)
    title = f' title="{_esc(note)}"' if note else ""
    short = note if len(note) <= _NOTE_CHARS else note[: _NOTE_CHARS - 1].rstrip() + "…"
    return f"<span{title}>{_esc(short)}</span>"


def key_figures_html(figures: pd.DataFrame, lang: str = DEFAULT_LANG) -> str:
    """The key figures as a table: figure, value with unit, year and source (linked if a URL)."""
    rows = "".join(
        f'<tr><th scope="row">{_esc(str(f["label"]))}</th>'
        f'<td class="num">{_esc(key_figure_text(f["value"], str(f["unit"]), lang))}</td>'
        f'<td class="atlas-note">{_esc(str(f["year"]))} · '
        f"{_source(f['source_url'], str(f['source'] or ''), lang)}</td></tr>"
        for f in table_rows(figures)
    )
    return (
        '<table class="atlas-keyfig"><caption class="atlas-visually-hidden">'
        f"{_text('profile.key_figures', lang)}</caption><thead><tr>"
        f'<th scope="col">{_text("profile.col.key_figure", lang)}</th>'
        f'<th scope="col">{_text("profile.col.value", lang)}</th>'
        f'<th scope="col">{_text("profile.col.year_source", lang)}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _position(index: float) -> float:
    low, high = BAR_SCALE
    return 100 * (min(max(index, low), high) - low) / (high - low)


def _bar(objective: float, perceived: float) -> str:
    base = _position(100.0)
    parts = [f'<span class="base" style="left:{base:.2f}%"></span>']
    if not math.isnan(objective) and objective != 100:
        end = _position(objective)
        kind = "more" if objective > 100 else "less"
        parts.append(
            f'<span class="fill {kind}" style="left:{min(base, end):.2f}%;'
            f'width:{abs(end - base):.2f}%"></span>'
        )
    if not math.isnan(perceived):
        parts.append(f'<span class="perceived" style="left:{_position(perceived):.2f}%"></span>')
    return f'<div class="atlas-bar" aria-hidden="true">{"".join(parts)}</div>'


def _index_text(value: float, lang: str = DEFAULT_LANG) -> str:
    return no_data_label(lang) if math.isnan(value) else format_number(value, 1, lang)


def domains_html(
    domains: pd.DataFrame,
    ranked: pd.Series,
    survey: str | None,
    lang: str = DEFAULT_LANG,
    level: str = "pre2016",
) -> str:
    """The 16 domains: label, bar from 100 (red above, blue below), index, perceived, rank.

    ``ranked`` is the number of units with an index, by domain (the rank's denominator);
    ``level`` names the units a proxy domain has no direct measure for.
    """
    perceived = bool(domains["perceived_index"].notna().any())
    rows = []
    for d in table_rows(domains):  # 96 units' summaries are built at once
        objective = float(d["objective_index"])
        felt = float(d["perceived_index"])
        rank = d["rank"]
        rank = f"{int(rank)}/{int(ranked.get(d['domain'], 0))}" if pd.notna(rank) else "—"
        if math.isnan(objective):
            sense = no_data_label(lang)
        else:
            sense = t("profile.chart.more" if objective > 100 else "profile.chart.less", lang)
        felt_cell = f'<td class="num">{_esc(_index_text(felt, lang))}</td>' if perceived else ""
        label = domain_name(d["domain"], str(d["label_fr"]), lang)
        rows.append(
            f'<tr><th scope="row">{_esc(label)}</th>'
            f'<td class="bar">{_bar(objective, felt)}</td>'
            f'<td class="num" title="{_esc(sense)}">{_esc(_index_text(objective, lang))}</td>'
            f'{felt_cell}<td class="num">{_esc(rank)}</td></tr>'
        )
    felt_head = f'<th scope="col">{_text("profile.col.perceived", lang)}</th>' if perceived else ""
    key = [
        f'<span><span class="swatch more"></span>{_text("profile.key.more", lang)}</span>',
        f'<span><span class="swatch less"></span>{_text("profile.key.less", lang)}</span>',
    ]
    note = ""
    if perceived and survey:
        key.append(
            f'<span><span class="swatch diamond"></span>{_text("profile.key.perceived", lang)}'
            "</span>"
        )
        survey_text = _esc(survey.replace("-", " "))
        caption = _text("profile.perceived_caption", lang, survey=survey_text)
        note = f'<p class="atlas-note">{caption}</p>'
    if "proxy_note" in domains:
        proxies = domains[domains["proxy_note"].fillna("") != ""]
        if not proxies.empty:
            labels = t("common.list_sep", lang).join(
                domain_name(p.domain, str(p.label_fr), lang) for p in proxies.itertuples()
            )
            plural = _esc(t(f"level.{level}.plural", lang))  # the units without a direct measure
            note += (
                '<p class="atlas-note">'
                f"{_text('profile.proxies_caption', lang, labels=_esc(labels), plural=plural)}</p>"
            )
    return (
        f"<h3>{_text('profile.domains_heading', lang)}</h3>"
        f'<p class="atlas-note">{_text("profile.domains_note", lang)}</p>'
        '<table class="atlas-domains"><thead><tr>'
        f'<th scope="col">{_text("profile.col.domain", lang)}</th>'
        f'<th scope="col"><span class="atlas-visually-hidden">{_text("profile.col.bar", lang)}'
        "</span></th>"
        f'<th scope="col">{_text("profile.chart.index", lang)}</th>{felt_head}'
        f'<th scope="col">{_text("profile.col.rank", lang)}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p class="atlas-key atlas-note">{"".join(key)}</p>{note}'
    )


def summary_html(
    name: str,
    level_label: str,
    code: str,
    relation: str,
    figures: pd.DataFrame,
    domains: pd.DataFrame,
    ranked: pd.Series,
    survey: str | None,
    lang: str = DEFAULT_LANG,
    level: str = "pre2016",
) -> str:
    """One unit's summary. ``relation`` is HTML (from :func:`relation_html`)."""
    return (
        f'<section class="atlas-summary" lang="{_esc(lang)}">'
        f"<h2>{_esc(name)}</h2>"
        f'<p class="atlas-meta">{_esc(t("profile.code", lang, level=level_label, code=code))}</p>'
        f"<p>{relation}</p>"
        f"{key_figures_html(figures, lang)}"
        f"{domains_html(domains, ranked, survey, lang, level)}"
        "</section>"
    )


def level_summaries(
    data: IndicatorData,
    regions: gpd.GeoDataFrame,
    level: str,
    level_label: str,
    counts: dict[str, tuple[int, int]],
    survey: str | None,
    lang: str = DEFAULT_LANG,
) -> dict[str, str]:
    """``code -> summary HTML`` for every region of ``regions`` (one level).

    ``counts`` gives (communes, départements) by region code; ``survey`` the perception survey
    whose perceived index is drawn (None: none).
    """
    indices = domain_indices(data, level)
    ranked = indices.dropna(subset=["index"]).groupby("domain").size()
    out = {}
    for row in regions.itertuples():
        communes, departements = counts.get(row.code, (None, None))
        figures = key_figures(
            data,
            level,
            row.code,
            float(row.area_km2),
            communes=communes,
            departements=departements if LEVELS[level].of_departements else None,
            lang=lang,
        )
        out[str(row.code)] = summary_html(
            str(row.nom),
            level_label,
            str(row.code),
            relation_html(data, level, row.code, lang),
            figures,
            domain_profile(data, level, row.code, survey),
            ranked,
            survey,
            lang,
            level,
        )
    return out
