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
from layers.indicators.bundle import IndicatorData
from layers.indicators.indices import INDEX_BOUNDS, domain_indices
from layers.indicators.profile import domain_profile, key_figures, relations
from layers.render.formatting import NO_DATA_LABEL, format_number
from layers.render.markers import safe_link, web_url

#: The bars' index scale: a domain index is a mean of indicator indices, which are bounded
#: (layers.indicators.indices.INDEX_BOUNDS), so no domain bar is ever cut; a perceived index
#: beyond is.
BAR_SCALE = INDEX_BOUNDS
MORE_FRAGILE, LESS_FRAGILE = "plus fragile", "moins fragile"
_NOTE_CHARS = 32

_esc = html.escape


def relation_html(data: IndicatorData, level: str, code: str) -> str:
    """One sentence linking the unit to the other levels (names escaped)."""
    rel = relations(data, level, code)
    if "regions" in rel:  # a département: its region at both levels
        (new, new_name), (old, old_name) = rel["regions"]["2016"], rel["regions"]["pre2016"]
        return (
            f"Département de la région <strong>{_esc(new_name)}</strong> ({_esc(new)}) ; "
            f"avant 2016, de l'ancienne région <strong>{_esc(old_name)}</strong> ({_esc(old)})."
        )
    if "parent" in rel:
        parent_code, name = rel["parent"]
        return (
            f"Ancienne région, partie de la région <strong>{_esc(name)}</strong> "
            f"({_esc(parent_code)}) depuis 2016."
        )
    names = ", ".join(_esc(name) for _, name in rel["children"])
    if len(rel["children"]) == 1:
        return f"Région de 2016 aux mêmes limites que l'ancienne région {names}."
    return f"Région de 2016 formée des anciennes régions : {names}."


def key_figure_text(value: float, unit: str) -> str:
    """``1234567.0, "habitants"`` -> ``"1 234 567 habitants"`` (a decimal only below 100)."""
    decimals = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    return f"{format_number(value, decimals)} {unit}".strip()


def _source(url: object, note: str) -> str:
    """A short source: "lien" to an http(s) URL, else the note cut at 32 characters; the
    full note in the title (shown on hover)."""
    if web_url(url):
        return safe_link(url, "lien", title=note)
    title = f' title="{_esc(note)}"' if note else ""
    short = note if len(note) <= _NOTE_CHARS else note[: _NOTE_CHARS - 1].rstrip() + "…"
    return f"<span{title}>{_esc(short)}</span>"


def key_figures_html(figures: pd.DataFrame) -> str:
    """The key figures as a table: figure, value with unit, year and source (linked if a URL)."""
    rows = "".join(
        f'<tr><th scope="row">{_esc(str(f.label))}</th>'
        f'<td class="num">{_esc(key_figure_text(f.value, str(f.unit)))}</td>'
        f'<td class="atlas-note">{_esc(str(f.year))} · '
        f"{_source(f.source_url, str(f.source or ''))}</td></tr>"
        for f in figures.itertuples()
    )
    return (
        '<table class="atlas-keyfig"><caption class="atlas-visually-hidden">Chiffres clés'
        '</caption><thead><tr><th scope="col">Chiffre clé</th><th scope="col">Valeur</th>'
        '<th scope="col">Année · source</th></tr></thead>'
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


def _index_text(value: float) -> str:
    return NO_DATA_LABEL if math.isnan(value) else format_number(value, 1)


def domains_html(
    domains: pd.DataFrame, ranked: pd.Series, survey: str | None, level: str = "pre2016"
) -> str:
    """The 16 domains: label, bar from 100 (red above, blue below), index, perceived, rank.

    ``ranked`` is the number of units with an index, by domain (the rank's denominator);
    ``level`` names the units a proxy domain has no direct measure for.
    """
    perceived = bool(domains["perceived_index"].notna().any())
    rows = []
    for d in domains.itertuples():
        objective = float(d.objective_index)
        felt = float(d.perceived_index)
        rank = f"{int(d.rank)}/{int(ranked.get(d.domain, 0))}" if pd.notna(d.rank) else "—"
        sense = (
            NO_DATA_LABEL
            if math.isnan(objective)
            else (MORE_FRAGILE if objective > 100 else LESS_FRAGILE)
        )
        felt_cell = f'<td class="num">{_esc(_index_text(felt))}</td>' if perceived else ""
        rows.append(
            f'<tr><th scope="row">{_esc(str(d.label_fr))}</th>'
            f'<td class="bar">{_bar(objective, felt)}</td>'
            f'<td class="num" title="{_esc(sense)}">{_esc(_index_text(objective))}</td>'
            f'{felt_cell}<td class="num">{_esc(rank)}</td></tr>'
        )
    felt_head = '<th scope="col">Perçu</th>' if perceived else ""
    key = [
        '<span><span class="swatch more"></span>au-dessus de 100 : plus fragile</span>',
        '<span><span class="swatch less"></span>en dessous : moins fragile</span>',
    ]
    note = ""
    if perceived and survey:
        key.append('<span><span class="swatch diamond"></span>indice perçu</span>')
        note = (
            f'<p class="atlas-note">Perçu : enquête {_esc(survey.replace("-", " "))} '
            "(note régionale / nationale × 100).</p>"
        )
    if "proxy_note" in domains:
        proxies = domains.loc[domains["proxy_note"].fillna("") != "", "label_fr"]
        if not proxies.empty:
            note += (
                '<p class="atlas-note">Domaines qui reposent sur des approximations (aucune '
                f"mesure directe pour les {_esc(LEVELS[level].plural)}) : "
                f"{_esc(', '.join(map(str, proxies)))} — voir « Méthode et sources ».</p>"
            )
    return (
        '<h3>Les 16 domaines face à la France</h3><p class="atlas-note">Indice, base 100 = '
        "France métropolitaine ; au-dessus = plus fragile. Rang : 1 = le plus fragile.</p>"
        '<table class="atlas-domains"><thead><tr><th scope="col">Domaine</th>'
        '<th scope="col"><span class="atlas-visually-hidden">Barre</span></th>'
        f'<th scope="col">Indice</th>{felt_head}<th scope="col">Rang</th></tr></thead>'
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
    level: str = "pre2016",
) -> str:
    """One unit's summary. ``relation`` is HTML (from :func:`relation_html`)."""
    return (
        '<section class="atlas-summary">'
        f"<h2>{_esc(name)}</h2>"
        f'<p class="atlas-meta">{_esc(level_label)} · code INSEE {_esc(code)}</p>'
        f"<p>{relation}</p>"
        f"{key_figures_html(figures)}"
        f"{domains_html(domains, ranked, survey, level)}"
        "</section>"
    )


def level_summaries(
    data: IndicatorData,
    regions: gpd.GeoDataFrame,
    level: str,
    level_label: str,
    counts: dict[str, tuple[int, int]],
    survey: str | None,
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
        )
        out[str(row.code)] = summary_html(
            str(row.nom),
            level_label,
            str(row.code),
            relation_html(data, level, row.code),
            figures,
            domain_profile(data, level, row.code, survey),
            ranked,
            survey,
            level,
        )
    return out
