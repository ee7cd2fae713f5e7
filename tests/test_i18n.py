"""The strings catalogue: every text in every language, the same placeholders, no dead keys,
and the French of the catalogue equal to the French the data files write."""

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

from geo.catalysers import (
    CONFIDENCE_LABELS,
    FAMILY_LABELS,
    KIND_LABELS,
    METIERS,
    PRECISION_LABELS,
    category_label,
    labels_in,
)
from geo.levels import LEVELS
from i18n import (
    DEFAULT_LANG,
    LANG_NAMES,
    LANGS,
    STRINGS,
    Number,
    Text,
    TextError,
    UnknownKeyError,
    UnknownLangError,
    localised_number,
    parse_lang,
    placeholders,
    render,
    t,
)
from layers.indicators.bundle import FRANCE_CODES, INDICATORS_DIR
from layers.render.schemes import SCHEME_LABELS, scheme_labels
from layers.upload.formats import ACTORS
from layers.view_state import MEASURES, measure_labels

ROOT = Path(__file__).resolve().parents[1]

#: Keys of the catalogue no code uses yet (empty: every UI text is wired, issue 15 phase 2). The
#: dead-key test fails when a key is neither used nor listed here.
NOT_YET_WIRED: set[str] = set()


# --- the catalogue itself ------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_has_a_text_in_every_language(key):
    texts = STRINGS[key]
    assert isinstance(texts, tuple) and len(texts) == len(LANGS), key
    assert all(isinstance(text, str) and text.strip() for text in texts), key


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_placeholders_are_the_same_in_every_language(key):
    names = [placeholders(text) for text in STRINGS[key]]
    assert all(n == names[0] for n in names), f"{key}: {names}"


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_english_is_written_the_english_way(key):
    english = STRINGS[key][LANGS.index("en")]
    # French quotes and the French space before ":" or ";" betray an untranslated text.
    assert "«" not in english and "»" not in english, key
    assert not re.search(r"\w \s?[:;?!]", english), key


def test_the_checks_above_can_fail():
    assert placeholders("{n} régions") != placeholders("{count} regions")
    assert re.search(r"\w \s?[:;?!]", "Source : x")


def test_keys_are_stable_ids():
    assert all(re.fullmatch(r"[a-z_]+(\.[\w-]+)+", key) for key in STRINGS)


def test_lookup_and_format():
    assert t("sidebar.level") == "Niveau" and t("sidebar.level", "en") == "Level"
    assert t("caption.reading.-1", "en") == "higher = less fragile"
    assert t("url.unknown_value", "en", what="Level", value="x").startswith("Level “x”")
    assert LANGS[0] == DEFAULT_LANG == "fr" and set(LANG_NAMES) == set(LANGS)


def test_unknown_key_language_or_placeholder_raise():
    with pytest.raises(UnknownKeyError, match="nope"):
        t("nope")
    with pytest.raises(UnknownLangError, match="expected one of"):
        t("sidebar.level", "de")
    with pytest.raises(KeyError):
        t("profile.code", "fr", level="x")


# --- messages written when shown (i18n.Text) ----------------------------------------------------


def test_a_text_is_written_in_the_language_it_is_rendered_in():
    size = Text("common.megabytes", n=Number(5.25, ".1f"))
    nested = Text("upload.file", name="a_b.csv", what=Text("upload.file.too_many_cells", max=size))
    assert (
        str(nested)
        == nested.render("fr")
        == "Le fichier « a_b.csv » a trop de cellules (plus de 5,2 Mo)."
    )
    assert nested.render("en") == "The file “a_b.csv” has too many cells (more than 5.2 MB)."
    listed = Text("upload.cell.level", shown=Text("upload.empty_cell"), levels=("2016", "france"))
    assert listed.render("en") == "unknown level (empty); valid levels: 2016, france."
    assert render(("a", Number(1234.5, ",.1f")), "fr") == "a, 1\u202f234,5"
    assert render(("a", Number(1234.5, ",.1f")), "en") == "a, 1,234.5"
    assert render(7, "en") == "7" and render("user *text*", "en") == "user *text*"


@pytest.mark.parametrize(
    ("value", "spec", "french", "english"),
    [
        (16384, ",", "16\u202f384", "16,384"),
        (19.7, "g", "19,7", "19.7"),
        (1.5e9, "g", "1,5e+09", "1.5e+09"),
        (-0.5, ",.2f", "-0,50", "-0.50"),
    ],
)
def test_numbers_follow_the_language(value, spec, french, english):
    assert localised_number(value, spec, "fr") == french
    assert localised_number(value, spec, "en") == english


def test_a_text_checks_its_key_and_placeholders_when_built():
    with pytest.raises(UnknownKeyError):
        Text("upload.nope")
    with pytest.raises(KeyError, match="needs"):
        Text("upload.file", name="x")
    assert Text("upload.quoted", text=["a"]) == Text("upload.quoted", text=("a",))  # hashable


def test_a_text_error_is_french_unless_asked():
    error = TextError(Text("upload.file.empty"))
    assert str(error) == "est vide." and error.in_lang("en") == "is empty."
    assert str(TextError(Text("upload.file.empty"), "en")) == "is empty."
    assert render(error, "en") == "is empty."
    assert str(TextError("Unknown scheme 'x'")) == TextError("Unknown scheme 'x'").in_lang("en")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"lang": "en"}, "en"),
        ({"lang": " EN "}, "en"),
        ({"lang": "fr"}, "fr"),
        ({}, "fr"),
        ("en", "en"),
        (None, "fr"),
        ({"lang": "de"}, "fr"),
        ({"lang": ""}, "fr"),
        ({"lang": ["en"]}, "fr"),
        ({"lang": "<script>alert(1)</script>"}, "fr"),
        ({"lang": "en" * 10_000}, "fr"),
        ({"lang": "e\u0301n"}, "fr"),
    ],
)
def test_parse_lang_accepts_only_known_languages(value, expected):
    assert parse_lang(value) == expected


# --- the French of the catalogue is the French of the data ------------------------------------


@pytest.fixture(scope="module")
def domains() -> pd.DataFrame:
    return pd.read_csv(INDICATORS_DIR / "domains.csv", dtype=str, keep_default_na=False)


def test_domain_and_axis_names_match_the_data(domains):
    for row in domains.itertuples():
        assert t(f"domain.{row.domain}") == row.label_fr
        assert t(f"axis.{row.axis}") == row.axis_label_fr
        assert (
            t(f"axis_short.{row.axis}") == row.axis_label_fr.removeprefix("Critères ").capitalize()
        )
        if row.proxy_note:
            assert t(f"proxy.{row.domain}") == row.proxy_note
        if row.proxy_note_departement:
            assert t(f"proxy.{row.domain}.departement") == row.proxy_note_departement
    assert t("domain.emploi", "en") == "Employment / unemployment / integration"


def test_every_proxy_and_domain_key_names_a_shipped_domain(domains):
    ids = set(domains["domain"])
    assert {k.removeprefix("domain.") for k in STRINGS if k.startswith("domain.")} <= ids
    proxies = [k.removeprefix("proxy.").split(".") for k in STRINGS if k.startswith("proxy.")]
    assert {p[0] for p in proxies} <= ids
    # proxy.<domain> for the region levels, proxy.<domain>.departement for the départements.
    for suffix, column in (([], "proxy_note"), (["departement"], "proxy_note_departement")):
        assert {p[0] for p in proxies if p[1:] == suffix} == set(
            domains.loc[domains[column] != "", "domain"]
        ), column


def test_levels_have_their_words_in_every_language():
    for level in LEVELS.values():
        assert t(f"level.{level.id}.noun") == level.noun
        assert t(f"level.{level.id}.plural") == level.plural
        assert level.label_in("fr") == level.label
        assert level.a_unit_in("fr") == level.a_unit and level.of_unit_in("fr") == level.of_unit
    assert LEVELS["2016"].label_in("en") == "2016 regions (13)"
    assert LEVELS["pre2016"].noun_in("en") == "region"
    assert LEVELS["departement"].label_in("en") == "Départements (96)"
    assert LEVELS["departement"].of_unit_in("en") == "of the département"


def test_key_figures_of_the_profiles_are_named(domains):
    profiles = pd.read_csv(INDICATORS_DIR / "profiles.csv", dtype=str, keep_default_na=False)
    for metric, label in profiles[profiles["metric"] != "area"][["metric", "label_fr"]].values:
        assert t(f"keyfig.{metric}") == label


def test_label_families_follow_the_catalogue():
    assert measure_labels("fr") == MEASURES and list(measure_labels("en")) == list(MEASURES)
    assert scheme_labels("fr") == SCHEME_LABELS
    assert scheme_labels("en")["jenks"] == "Natural breaks (Jenks)"
    assert {code: t(f"france.{code}") for code in FRANCE_CODES} == FRANCE_CODES
    assert all(t(f"actor.{actor}", "en") for actor in ACTORS)
    for prefix, labels in [
        ("metier", METIERS),
        ("confidence", CONFIDENCE_LABELS),
        ("family", FAMILY_LABELS),
        ("kind", KIND_LABELS),
        ("precision", PRECISION_LABELS),
    ]:
        assert labels_in(prefix, labels, "fr") == labels
        assert list(labels_in(prefix, labels, "en")) == list(labels)
    assert category_label("A", lang="en") == "A – Recognised catalyser"
    assert category_label("C", "tzcld").startswith("C – Territoire zéro chômeur")
    assert category_label("Z") == "Z – Z"


# --- no dead keys -------------------------------------------------------------------------------


#: Functions called with a key family's prefix, whose ids are the module's constants
#: (``_french("metier", ("dialogue_territorial", ...))`` -> ``t(f"{prefix}.{id}")``).
FAMILY_HELPERS = {"_french", "labels_in"}


def _key_patterns() -> tuple[set[str], list[re.Pattern], set[str]]:
    """String constants, f-strings (as patterns) and family keys of the project's code (tests
    and the catalogue itself excluded)."""
    constants: set[str] = set()
    patterns: list[re.Pattern] = []
    families: set[str] = set()
    paths = [ROOT / "streamlit_app.py"]
    for package in ("geo", "layers", "ui", "bench"):
        paths += sorted((ROOT / package).rglob("*.py"))
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        mine = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
        constants |= {c for c in mine if isinstance(c, str)}
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if not (isinstance(first, ast.Constant) and "." in first.value):
                    continue  # "{prefix}.{id}": a family, see FAMILY_HELPERS
                regex = "".join(
                    re.escape(v.value) if isinstance(v, ast.Constant) else r"[\w-]+"
                    for v in node.values
                )
                patterns.append(re.compile(regex))
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) in FAMILY_HELPERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                families |= {f"{node.args[0].value}.{c}" for c in mine if isinstance(c, str)}
    return constants, patterns, families


def _used(key: str, constants, patterns, families) -> bool:
    return key in constants or key in families or any(p.fullmatch(key) for p in patterns)


def test_every_key_is_used_or_listed_as_not_yet_wired():
    found = _key_patterns()
    unused = {key for key in STRINGS if not _used(key, *found)}
    assert sorted(unused - NOT_YET_WIRED) == [], "unused keys: remove them or use them"
    assert sorted(NOT_YET_WIRED - unused) == [], "now used: remove them from NOT_YET_WIRED"
    assert STRINGS.keys() >= NOT_YET_WIRED


# --- no French left in the UI's code ---------------------------------------------------------

#: Text a reader sees: two words, or one accented letter (French words in code are a sign of a
#: text that skipped the catalogue). Markup, CSS and JavaScript constants are not texts.
_WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}[ '’][A-Za-zÀ-ÿ]{2,}|[À-ÿ]")
_CODE = re.compile(r"[<={};]")


def _ui_texts(path: Path) -> list[str]:
    """String constants of a module that read like sentences (docstrings left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    # Errors raised for programmers (a bad argument) are English by design, not UI texts.
    raised = {id(n) for r in ast.walk(tree) if isinstance(r, ast.Raise) for n in ast.walk(r)}
    return [
        f"{path.name}:{node.lineno}: {node.value[:60]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings | raised
        and _WORDS.search(node.value)
        and not _CODE.search(node.value)
    ]


def test_the_ui_writes_no_text_outside_the_catalogue():
    # Every text of the page goes through i18n.t, so it has its English twin (the tests above):
    # a French literal in a panel would stay French in an English page.
    paths = [ROOT / "streamlit_app.py", *sorted((ROOT / "ui").glob("*.py"))]
    for module in ("markers", "profile_summary", "legend", "map_page", "map_payload"):
        paths.append(ROOT / "layers" / "render" / f"{module}.py")
    assert [text for path in paths for text in _ui_texts(path)] == []


def test_the_upload_and_classification_code_writes_no_message_outside_the_catalogue():
    # An uploaded file's messages are i18n.Text values: a French sentence written in this code
    # would reach an English reader. formats.py holds what users type (level and France
    # aliases, unit keys): spellings, not messages.
    paths = [p for p in sorted((ROOT / "layers" / "upload").glob("*.py")) if p.name != "formats.py"]
    paths += [ROOT / "layers" / "render" / "classify.py", ROOT / "layers" / "render" / "schemes.py"]
    found = [text.split(": ", 1)[1] for path in paths for text in _ui_texts(path)]
    assert found == ["'field larger than field limit'"]  # the csv module's own message, matched


def test_the_scan_above_finds_a_french_label(tmp_path):
    panel = tmp_path / "panel.py"
    panel.write_text('"""Doc."""\nst.button("Fermer le profil")\nst.html("<b>x y</b>")\n')
    assert [text.split(": ", 1)[1] for text in _ui_texts(panel)] == ["'Fermer le profil'"]


def test_every_heading_of_the_method_page_has_its_english_twin():
    from ui.method_panel import METHOD_MD, heading_slug, headings, localised

    text = METHOD_MD.read_text(encoding="utf-8")
    for heading in headings(text):
        assert t(f"method.heading.{heading_slug(heading)}") == heading
    english = localised(text, "en")
    assert "## Method and sources" in english and "# Méthode" not in english
    assert not re.search(r"^# ", localised(text, "fr"), re.MULTILINE)  # h1 is the page's title


# --- the language in the URL ------------------------------------------------------------------


def test_the_language_is_part_of_the_view_and_its_link():
    from layers.view_state import Choices, ViewState, parse_view_state, to_query_params

    choices = Choices(layers={"global": "x"}, indicators={}, surveys={}, regions={"2016": {}})
    assert to_query_params(ViewState(lang="en")) == {"lang": "en"}
    state, warnings = parse_view_state({"lang": "en", "level": "1789"}, choices)
    assert state.lang == "en" and warnings == [
        "Level “1789” unknown in the link: default value used."
    ]
    state, warnings = parse_view_state({"lang": "<b>xx</b>"}, choices)
    assert state.lang == "fr" and warnings == [
        "Langue « <b>xx</b> » inconnu(e) dans le lien : valeur par défaut."
    ]
    assert parse_view_state({"lang": "EN"}, choices) == (ViewState(lang="en"), [])


def test_the_region_selector_lists_names_in_reading_order():
    import geopandas as gpd

    from ui.atlas_view import region_options

    regions = gpd.GeoDataFrame(
        {"code": ["24", "11", "32", "28"], "nom": ["Normandie", "Île-de-France", "Hauts", "Bz"]}
    )
    assert list(region_options(regions).values()) == ["Bz", "Hauts", "Île-de-France", "Normandie"]


def test_the_layer_table_and_its_csv_speak_the_views_language():
    from geo.shapes import read_layer
    from layers.indicators.bundle import load_indicator_data
    from layers.measures import layer_values
    from layers.render.choropleth import colour_regions
    from layers.view_state import ViewState
    from ui.data_panel import layer_csv, layer_frame

    data = load_indicator_data()
    view = ViewState(lang="en")
    values = layer_values(data, view)
    coloured, _ = colour_regions(read_layer("2016"), values.values, lang="en")
    frame = layer_frame(values, coloured, "en")
    assert {"value", "class", "colour", "rank"} <= set(frame.columns)
    assert "valeur" not in frame.columns
    assert frame["provenance"].iloc[0] == "official source (see legend)"
    assert layer_csv(values, coloured, "en").decode("utf-8-sig").startswith("code;region;value")
    french = layer_frame(layer_values(data, ViewState()), coloured)
    assert {"valeur", "classe", "rang"} <= set(french.columns)
