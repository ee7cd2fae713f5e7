"""The state of the atlas view, read from and written to the URL (st.query_params).

A copied link reopens the same view: level, layer, measure, survey/actor, classification,
selected region, the domain the profile lists, whether the base map is shown and the language.
Unknown values in a URL are not fatal: they fall back to the default and are reported as
warnings (in the URL's language) the app shows.
"""

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field, fields, replace

from geo.levels import LEVELS
from i18n import DEFAULT_LANG, parse_lang, t
from layers.render.schemes import SCHEME_LABELS, ClassificationError, parse_breaks

#: Measures a user can map, in the selector's order; their names are ``measure.<id>`` texts.
MEASURE_IDS = ("objectif", "percu", "ecart", "indicateur")
#: Measure id -> French label.
MEASURES = {measure: t(f"measure.{measure}") for measure in MEASURE_IDS}


def measure_labels(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Measure id -> its name in ``lang``."""
    return {measure: t(f"measure.{measure}", lang) for measure in MEASURE_IDS}


#: Base map switch: "1" shown, "0" hidden.
BASEMAP_VALUES = ("1", "0")
MAX_CLASSES = 7


@dataclass(frozen=True)
class ViewState:
    """Everything that defines what the map shows. Strings only, so it fits in a URL."""

    level: str = next(iter(LEVELS))
    layer: str = "global"  # a domain id, "axe:<axis>", or "global"
    measure: str = "objectif"
    indicator: str = ""  # indicator id, used when measure == "indicateur"
    survey: str = ""  # "<survey>-<year>-<actor>", used for percu and ecart
    scheme: str = "quantiles"
    k: str = "5"
    breaks: str = ""  # manual class bounds, "90;100;110", used when scheme == "manual"
    region: str = ""  # selected region code at ``level``, "" for none
    domain: str = ""  # the domain the profile lists, chosen in it; "" for the layer's
    basemap: str = "1"  # "1" = base map shown, "0" = hidden
    lang: str = DEFAULT_LANG  # language of every text, one of i18n.LANGS

    @property
    def show_basemap(self) -> bool:
        return self.basemap != "0"

    @property
    def n_classes(self) -> int:
        return int(self.k)


@dataclass(frozen=True)
class Choices:
    """Valid values for each field, from the data (domains, indicators, regions per level)."""

    layers: Mapping[str, str]
    indicators: Mapping[str, str]
    surveys: Mapping[str, str]
    regions: Mapping[str, Mapping[str, str]]  # level -> code -> name
    #: level -> the indicators with values at that level (★ = its core set); empty: all
    level_indicators: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def domain_ids(self) -> frozenset[str]:
        """The layers that are domains (not an axis, not the overall index)."""
        return frozenset(k for k in self.layers if k != "global" and not k.startswith("axe:"))

    def indicators_at(self, level: str) -> Mapping[str, str]:
        """The indicators worth choosing at ``level`` (all of them if not known)."""
        return self.level_indicators.get(level) or self.indicators


def parse_view_state(
    params: Mapping[str, str], choices: Choices, repeated: Collection[str] = ()
) -> tuple[ViewState, list[str]]:
    """Build a valid :class:`ViewState` from URL parameters; list what was ignored, in the
    language the URL asks for (:func:`i18n.parse_lang`: French unless ``lang`` is a known one).

    ``repeated``: names the link gives more than once (``params`` holds the last value, as
    ``st.query_params`` does); each of the view's gets a warning.
    """
    default = ViewState()
    lang = parse_lang(params)
    state = replace(
        default, **{f.name: str(params[f.name]) for f in fields(ViewState) if f.name in params}
    )
    warnings = [
        t("url.repeated", lang, what=t(f"url.field.{f.name}", lang))
        for f in fields(ViewState)
        if f.name in repeated
    ]

    def fallback(name: str, valid):
        nonlocal state
        value = getattr(state, name)
        if value and value not in valid:
            what = t(f"url.field.{name}", lang)
            warnings.append(t("url.unknown_value", lang, what=what, value=value[:40]))
            state = replace(state, **{name: getattr(default, name)})

    raw_lang = str(params.get("lang", "") or "")
    if raw_lang and raw_lang.strip().lower() != lang:
        warnings.append(
            t("url.unknown_value", lang, what=t("url.field.lang", lang), value=raw_lang[:40])
        )
    state = replace(state, lang=lang)
    fallback("level", LEVELS)
    fallback("layer", choices.layers)
    fallback("measure", MEASURES)
    fallback("indicator", choices.indicators)
    fallback("survey", choices.surveys)
    fallback("scheme", SCHEME_LABELS)
    fallback("k", {str(n) for n in range(2, MAX_CLASSES + 1)})
    fallback("region", choices.regions.get(state.level, {}))
    fallback("domain", choices.domain_ids)
    fallback("basemap", BASEMAP_VALUES)
    if state.breaks:
        try:
            parse_breaks(state.breaks)
        except ClassificationError:
            warnings.append(t("url.unreadable_breaks", lang, value=state.breaks[:40]))
            state = replace(state, breaks="")
    return state, warnings


def to_query_params(state: ViewState) -> dict[str, str]:
    """The non-default fields of ``state``, for st.query_params (short, readable links)."""
    default = asdict(ViewState())
    return {key: value for key, value in asdict(state).items() if value != default[key]}


def map_click(value: object, level: str, codes: Collection[str]) -> tuple[str, int] | None:
    """``(code, seq)`` of a click sent by the browser map, or None if it is not a valid one.

    The browser sends ``{"level", "code", "seq"}`` (code "" when the profile is closed);
    anything else (another level, a code that is not a region of ``level``, a missing or
    negative sequence number) is ignored, whatever the page sent.
    """
    if not isinstance(value, Mapping):
        return None
    code, seq = value.get("code"), value.get("seq")
    if value.get("level") != level or not isinstance(code, str):
        return None
    if code and code not in codes:
        return None
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        return None
    return code, seq
