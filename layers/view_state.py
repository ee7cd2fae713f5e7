"""The state of the atlas view, read from and written to the URL (st.query_params).

A copied link reopens the same view: level, layer, measure, survey/actor, classification,
selected region and whether the base map is shown. Unknown values in a URL are not fatal: they
fall back to the default and are reported as French warnings the app shows.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace

from geo.levels import LEVELS
from layers.render.schemes import SCHEME_LABELS, ClassificationError, parse_breaks

#: Measures a user can map: key -> French label.
MEASURES = {
    "objectif": "Indice objectif (base 100 = France métropolitaine)",
    "percu": "Fragilité perçue (enquêtes)",
    "ecart": "Écart perception − objectif",
    "indicateur": "Un indicateur du catalogue",
}
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
    basemap: str = "1"  # "1" = base map shown, "0" = hidden

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

    def indicators_at(self, level: str) -> Mapping[str, str]:
        """The indicators worth choosing at ``level`` (all of them if not known)."""
        return self.level_indicators.get(level) or self.indicators


def parse_view_state(params: Mapping[str, str], choices: Choices) -> tuple[ViewState, list[str]]:
    """Build a valid :class:`ViewState` from URL parameters; list what was ignored, in French."""
    default = ViewState()
    state = replace(
        default, **{f.name: str(params[f.name]) for f in fields(ViewState) if f.name in params}
    )
    warnings: list[str] = []

    def fallback(name: str, valid, what: str):
        nonlocal state
        value = getattr(state, name)
        if value and value not in valid:
            warnings.append(f"{what} « {value[:40]} » inconnu(e) dans le lien : valeur par défaut.")
            state = replace(state, **{name: getattr(default, name)})

    fallback("level", LEVELS, "Niveau")
    fallback("layer", choices.layers, "Couche")
    fallback("measure", MEASURES, "Mesure")
    fallback("indicator", choices.indicators, "Indicateur")
    fallback("survey", choices.surveys, "Enquête")
    fallback("scheme", SCHEME_LABELS, "Méthode de classes")
    fallback("k", {str(n) for n in range(2, MAX_CLASSES + 1)}, "Nombre de classes")
    fallback("region", choices.regions.get(state.level, {}), "Région")
    fallback("basemap", BASEMAP_VALUES, "Fond de carte")
    if state.breaks:
        try:
            parse_breaks(state.breaks)
        except ClassificationError:
            warnings.append(f"Seuils « {state.breaks[:40]} » illisibles dans le lien : ignorés.")
            state = replace(state, breaks="")
    return state, warnings


def to_query_params(state: ViewState) -> dict[str, str]:
    """The non-default fields of ``state``, for st.query_params (short, readable links)."""
    default = asdict(ViewState())
    return {key: value for key, value in asdict(state).items() if value != default[key]}
