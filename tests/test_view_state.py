import subprocess
import sys
from dataclasses import fields
from pathlib import Path

from layers.view_state import Choices, ViewState, map_click, parse_view_state, to_query_params

REPO = Path(__file__).resolve().parents[1]

CHOICES = Choices(
    layers={"global": "Indice global", "emploi": "Emploi", "axe:social": "Axe social"},
    indicators={"taux_chomage_2014": "Taux de chômage"},
    surveys={"PHARE-2015-citoyens": "PHARE 2015, citoyens"},
    regions={
        "2016": {"32": "Hauts-de-France"},
        "pre2016": {"31": "Nord-Pas-de-Calais"},
        "departement": {"59": "Nord", "2A": "Corse-du-Sud", "31": "Haute-Garonne"},
    },
)


def test_round_trip_through_the_url():
    state = ViewState(
        level="pre2016",
        layer="emploi",
        measure="ecart",
        survey="PHARE-2015-citoyens",
        region="31",
        k="4",
    )
    parsed, warnings = parse_view_state(to_query_params(state), CHOICES)
    assert parsed == state and warnings == []


def test_the_profile_s_domain_is_a_domain_not_an_axis_nor_the_overall_index():
    assert CHOICES.domain_ids == {"emploi"}
    parsed, warnings = parse_view_state({"layer": "axe:social", "domain": "emploi"}, CHOICES)
    assert parsed.domain == "emploi" and warnings == []
    assert to_query_params(parsed) == {"layer": "axe:social", "domain": "emploi"}
    for junk in ("global", "axe:social", "<b>x</b>"):
        parsed, warnings = parse_view_state({"domain": junk}, CHOICES)
        assert parsed.domain == "" and len(warnings) == 1, junk
    assert "Domaine du profil" in warnings[0]


def test_default_state_makes_an_empty_url():
    assert to_query_params(ViewState()) == {}


def test_unknown_values_fall_back_with_a_french_warning():
    parsed, warnings = parse_view_state(
        {"level": "1789", "layer": "<script>", "region": "99", "k": "50"}, CHOICES
    )
    assert parsed == ViewState()
    assert len(warnings) == 4
    assert any("Niveau « 1789 »" in w for w in warnings)


def test_a_name_given_twice_is_told_and_its_last_value_kept():
    parsed, warnings = parse_view_state(
        {"region": "32", "lang": "en"}, CHOICES, repeated=["region", "utm_source"]
    )
    assert parsed.region == "32"
    assert warnings == ["Region given more than once in the link: the last value is used."]
    every = [f.name for f in fields(ViewState)]  # each field has its name in the link
    assert len(parse_view_state({}, CHOICES, repeated=every)[1]) == len(every)


def test_region_is_checked_at_its_own_level():
    parsed, warnings = parse_view_state({"level": "2016", "region": "31"}, CHOICES)
    assert parsed.region == "" and warnings
    parsed, _ = parse_view_state({"level": "pre2016", "region": "31"}, CHOICES)
    assert parsed.region == "31"


def test_a_departement_link_reopens_it_and_corsica_20_is_refused():
    state = ViewState(level="departement", layer="pauvrete", region="2A")
    choices = Choices({**CHOICES.layers, "pauvrete": "Pauvreté"}, *list(vars(CHOICES).values())[1:])
    parsed, warnings = parse_view_state(to_query_params(state), choices)
    assert parsed == state and warnings == []
    assert to_query_params(state)["level"] == "departement"
    parsed, warnings = parse_view_state({"level": "departement", "region": "20"}, CHOICES)
    assert parsed.region == "" and warnings
    # Code 31 is Haute-Garonne at this level, Midi-Pyrénées at the other: read at its level.
    parsed, _ = parse_view_state({"level": "departement", "region": "31"}, CHOICES)
    assert (parsed.level, parsed.region) == ("departement", "31")


def test_a_map_click_is_read_only_when_valid():
    codes = {"32", "11"}
    assert map_click({"level": "2016", "code": "32", "seq": 3}, "2016", codes) == ("32", 3)
    # "Fermer le profil" in the profile's detail: no region, through the same sequence.
    assert map_click({"level": "2016", "code": "", "seq": 4}, "2016", codes) == ("", 4)
    for value in (
        None,
        "32",
        {"level": "pre2016", "code": "32", "seq": 1},  # a click sent before a level switch
        {"level": "2016", "code": "99", "seq": 1},
        {"level": "2016", "code": 32, "seq": 1},
        {"level": "2016", "code": "32", "seq": -1},
        {"level": "2016", "code": "32", "seq": True},
        {"level": "2016", "code": "32", "seq": "1"},
        {"level": "2016", "code": "<script>", "seq": 1},
    ):
        assert map_click(value, "2016", codes) is None, value


def test_reading_a_url_loads_neither_mapclassify_nor_matplotlib():
    code = (
        "import sys, layers.view_state; "
        "print(sorted(m for m in ('mapclassify', 'matplotlib', 'folium', 'streamlit')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert out.stdout.strip() == "[]"
