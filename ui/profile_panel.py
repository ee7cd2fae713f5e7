"""The region profile's detail, below its summary: the domain it lists, and the printable page.

The summary and the detail (a domain's indicators, catalysers) of every region are drawn in the
browser the moment a region is clicked (ui/atlas_component.py; HTML from
layers/render/profile_summary.py and profile_detail.py). The domain the detail lists is chosen
in it and kept in the view (``domain``, so in the URL); the printable page is the one part the
server draws per region, in a container keyed by level and region, so that the summary can grey
the previous region's button until this one arrives.
"""

from collections.abc import Callable, Sequence

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.catalysers import category_label
from geo.levels import LEVELS
from i18n import t
from layers.indicators.bundle import IndicatorData
from layers.indicators.profile import domain_indicators, domain_profile
from layers.measures import default_survey, domain_name
from layers.render.exports import profile_html
from layers.render.formatting import format_number, format_value
from layers.render.map_payload import detail_key
from layers.render.profile_detail import imported_profile, profile_domain
from layers.render.profile_text import france_text, reading_notes
from layers.view_state import ViewState
from ui.state import set_view


def shown_domain(data: IndicatorData, view: ViewState) -> str:
    """The domain the profile lists: the one chosen in it (``view.domain``, cleared when the
    layer changes), else the layer's (see :func:`layers.render.profile_detail.profile_domain`)."""
    return profile_domain(data, view.layer, view.domain)


def domain_handler(data: IndicatorData, layer: str) -> Callable[[object], None]:
    """The callback of the detail's domain list: keeps a known domain in the view (and so in the
    URL; "" for the layer's own), ignores anything else."""
    known = frozenset(data.domains["domain"])

    def choose(value: object) -> None:
        if isinstance(value, str) and value in known:
            set_view(domain="" if value == layer else value)

    return choose


def show_print(
    data: IndicatorData,
    view: ViewState,
    regions: gpd.GeoDataFrame,
    catalysers: pd.DataFrame,
    domain: str,
) -> None:
    """The printable page of the selected region (``view.region``, a region of ``regions``)."""
    name = regions.loc[regions["code"] == view.region, "nom"].iloc[0]
    with st.container(key=detail_key(view.level, view.region)):
        st.download_button(
            t("profile.print.download", view.lang),
            lambda: printable_profile(data, view, name, catalysers, domain).encode("utf-8"),
            file_name=f"profil_{view.level}_{view.region}.html",
            mime="text/html",
            key="profile_print",
        )


def printable_profile(
    data: IndicatorData, view: ViewState, name: str, catalysers: pd.DataFrame, domain: str
) -> str:
    """The printable page of region ``view.region`` (named ``name``), listing the indicators of
    ``domain`` (the one its profile shows)."""
    survey = profile_survey(data, view)
    table = domain_indicators(data, view.level, view.region, domain, view.lang)
    return printable_page(
        name,
        view,
        domain_profile(data, view.level, view.region, survey),
        printable_indicators(table, view.lang) if not table.empty else table,
        catalysers,
        reading_notes(table, view.lang),
        imported_profile(data, view.level, view.region, survey, table),
    )


def profile_survey(data: IndicatorData, view: ViewState) -> str | None:
    """The survey whose perceived index the profile shows: the map's, else the default one."""
    if view.measure in ("percu", "ecart") and view.survey:
        return view.survey
    return view.survey or default_survey(data) or None


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
                domain_name(d.domain, d.label_fr, lang) for d in domains.itertuples()
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


def _categories(catalysers: pd.DataFrame, lang: str) -> list[str]:
    """Confidence level and, for a local alliance, its family, in words."""
    families = catalysers["family"].fillna("")
    return [
        category_label(c, f, lang) for c, f in zip(catalysers["confidence"], families, strict=True)
    ]
