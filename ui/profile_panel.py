"""The region profile's detail, below its summary: a domain's indicators, catalysers, print.

The summary (name, key figures, the 16 domains) is drawn in the browser the moment a region is
clicked (layers/render/profile_summary.py); this detail follows from the server in the same
fragment run. It sits in a container keyed by level and region, so that the summary can grey
the previous region's detail until this one arrives.
"""

from collections.abc import Sequence

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.catalysers import category_label
from geo.levels import LEVELS
from i18n import has_key, t
from layers.indicators.bundle import IMPORTED_SOURCE, IndicatorData
from layers.indicators.profile import domain_indicators, domain_profile
from layers.indicators.provenance import changed_by_import
from layers.measures import default_survey
from layers.render.exports import profile_html
from layers.render.formatting import format_number, format_value
from layers.render.indicator_table import indicator_table_html
from layers.render.links import is_http_url
from layers.render.map_payload import detail_key
from layers.render.profile_text import france_text, reading_notes
from layers.view_state import ViewState
from ui.state import select_region
from ui.text import md_escape


def show_detail(
    data: IndicatorData,
    view: ViewState,
    regions: gpd.GeoDataFrame,
    catalysers: pd.DataFrame,
) -> None:
    """The selected region's detail (``view.region`` must be a region of ``regions``)."""
    name = regions.loc[regions["code"] == view.region, "nom"].iloc[0]
    lang = view.lang
    with st.container(key=detail_key(view.level, view.region)):
        st.button(t("profile.close", lang), key="close_profile", on_click=select_region, args=("",))
        survey = profile_survey(data, view)
        domains = domain_profile(data, view.level, view.region, survey)
        indicators, notes = _show_domain_indicators(data, view, domains)
        _show_catalysers(
            catalysers, lang, view.level, f"profile_catalysers_{view.level}_{view.region}"
        )
        imported = (
            changed_by_import(
                data,
                lambda d: domain_profile(d, view.level, view.region, survey)["objective_index"],
            ).any()
            or (indicators.get("source_url", pd.Series(dtype=str)) == IMPORTED_SOURCE).any()
        )
        if imported:
            st.caption(t("profile.imported", lang))
        _offer_printable_page(name, view, domains, indicators, catalysers, notes, imported)


def profile_survey(data: IndicatorData, view: ViewState) -> str | None:
    """The survey whose perceived index the profile shows: the map's, else the default one."""
    if view.measure in ("percu", "ecart") and view.survey:
        return view.survey
    return view.survey or default_survey(data) or None


def _show_domain_indicators(
    data: IndicatorData, view: ViewState, domains: pd.DataFrame
) -> tuple[pd.DataFrame, list[str]]:
    """The chosen domain's indicators (as :func:`domain_indicators` gives them) and their
    reading notes, shown, and returned for the printable page."""
    lang = view.lang
    labels = {
        d.domain: _label(f"domain.{d.domain}", d.label_fr, lang) for d in domains.itertuples()
    }
    proxies = data.proxy_notes(view.level, lang)  # the level's own notes, in ``lang``
    default = view.layer if view.layer in labels else domains["domain"].iloc[0]
    domain = st.selectbox(
        t("profile.domain_select", lang),
        list(labels),
        format_func=labels.get,
        index=list(labels).index(default),
        key=f"profile_domain_{default}",
    )
    table = domain_indicators(data, view.level, view.region, domain, lang)
    notes = reading_notes(table, lang)
    proxy = t("profile.proxy_info", lang, note=proxies[domain]) if proxies.get(domain) else ""
    if table.empty:
        if proxy:
            st.info(md_escape(proxy))
        st.info(t("profile.no_indicators", lang))
        return table, notes
    star = t("profile.star_caption", lang, plural=t(f"level.{view.level}.plural", lang))
    caption = t("profile.indicators_caption", lang, domain=labels[domain])
    # One element for the note, the table and its reading notes: a click redraws every element
    # of the fragment, and each one costs the browser (docs/benchmarks.md, "Instant map").
    st.html(indicator_table_html(table, caption, lang, proxy=proxy, notes=[star, *notes]))
    return table, notes


def printable_indicators(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A domain's indicators (:func:`~layers.indicators.profile.domain_indicators`) with every
    column written out, for the printable page (built only when the user asks for it)."""
    none = t("common.none", lang)
    col = {name: t(f"profile.col.{name}", lang) for name in INDICATOR_COLUMNS}
    return pd.DataFrame(
        {
            col["indicator"]: table["label"] + table["core"].map({True: " ★", False: ""}),
            col["value"]: [
                format_value(v, d, a, lang)
                for v, d, a in zip(
                    table["value"], table["decimals"], table["approximate"], strict=True
                )
            ],
            col["unit"]: table["unit"],
            col["year"]: table["year"],
            col["france"]: [france_text(row, lang) for _, row in table.iterrows()],
            col["share"]: [
                format_number(v, 1, lang) if pd.notna(v) else none
                for v in table["share_of_france_pct"]
            ],
            col["rank"]: [
                f"{r} / {n}" if pd.notna(r) else none
                for r, n in zip(table["rank"], table["n_regions"], strict=True)
            ],
            col["origin"]: table["origin"].replace("", none),
            col["source"]: table["source_url"],
        }
    )


#: Columns of a domain's indicator table (``profile.col.<name>`` texts), in order.
INDICATOR_COLUMNS = (
    "indicator",
    "value",
    "unit",
    "year",
    "france",
    "share",
    "rank",
    "origin",
    "source",
)


def _label(key: str, french: str, lang: str) -> str:
    """The catalogue's text for a data id (a domain, a proxy note), else the data's French
    (a domain an import added)."""
    return t(key, lang) if has_key(key) else french


def _offer_printable_page(
    name: str,
    view: ViewState,
    domains: pd.DataFrame,
    indicators: pd.DataFrame,
    catalysers: pd.DataFrame,
    notes: list[str],
    imported: bool = False,
) -> None:
    """A printable HTML page mirroring the panel, built only when the user asks for it."""
    st.download_button(
        t("profile.print.download", view.lang),
        lambda: printable_page(
            name,
            view,
            domains,
            printable_indicators(indicators, view.lang) if not indicators.empty else indicators,
            catalysers,
            notes,
            imported,
        ).encode("utf-8"),
        file_name=f"profil_{view.level}_{view.region}.html",
        mime="text/html",
        key="profile_print",
    )


def printable_page(
    name: str,
    view: ViewState,
    domains: pd.DataFrame,
    indicators: pd.DataFrame,
    catalysers: pd.DataFrame | None,
    notes: Sequence[str] = (),
    imported: bool = False,
) -> str:
    """The profile as a printable page (escaped by :func:`layers.render.exports.profile_html`),
    in the view's language."""
    lang = view.lang
    domain_table = pd.DataFrame(
        {
            t("profile.col.domain", lang): [
                _label(f"domain.{d.domain}", d.label_fr, lang) for d in domains.itertuples()
            ],
            t("profile.col.objective_index", lang): domains["objective_index"],
            t("profile.col.n_indicators", lang): domains["n_indicators"],
            t("profile.col.rank", lang): domains["rank"],
            t("profile.col.perceived_index", lang): domains["perceived_index"],
        }
    )
    sections = [(t("profile.print.domains", lang), domain_table)]
    if not indicators.empty:
        sections.append((t("profile.print.indicators", lang), indicators))
    if catalysers is not None and not catalysers.empty:
        sections.append(
            (
                t("profile.print.catalysers", lang),
                pd.DataFrame(
                    {
                        t("catalysers.col.name", lang): catalysers["name"],
                        t("catalysers.col.commune", lang): catalysers["commune"],
                        t("catalysers.col.category", lang): _categories(catalysers, lang),
                    }
                ),
            )
        )
    return profile_html(
        t("profile.print.title", lang, name=name, level=LEVELS[view.level].label_in(lang)),
        sections,
        [
            t("profile.print.index_note", lang),
            *notes,
            t("profile.print.method_note", lang),
            *([t("profile.print.imported", lang)] if imported else []),
        ],
        lang,
    )


def _show_catalysers(catalysers: pd.DataFrame, lang: str, level: str, key: str) -> None:
    of_unit = LEVELS[level].of_unit_in(lang)
    # The table is sent only once the expander is opened (a rerun of the profile's fragment):
    # a click on a region does not pay for a closed table.
    box = st.expander(
        t("profile.catalysers", lang, of_unit=of_unit, n=len(catalysers)),
        key=key,
        on_change="rerun",
    )
    if not box.open:
        return
    with box:
        if catalysers.empty:
            st.write(t("profile.no_catalysers", lang, of_unit=of_unit))
            return
        site = t("catalysers.col.website", lang)
        st.dataframe(
            pd.DataFrame(
                {
                    t("catalysers.col.name", lang): catalysers["name"],
                    t("catalysers.col.commune", lang): catalysers["commune"]
                    .fillna("")
                    .replace("", t("common.none", lang)),
                    t("catalysers.col.category", lang): _categories(catalysers, lang),
                    site: catalysers["website"].where(catalysers["website"].map(is_http_url), None),
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={site: st.column_config.LinkColumn(site)},
        )


def _categories(catalysers: pd.DataFrame, lang: str) -> list[str]:
    """Confidence level and, for a local alliance, its family, in words."""
    families = catalysers["family"].fillna("")
    return [
        category_label(c, f, lang) for c, f in zip(catalysers["confidence"], families, strict=True)
    ]
