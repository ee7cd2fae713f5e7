import pytest

from geo.names import normalise_name, strip_article


@pytest.mark.parametrize(
    "text",
    [
        "Saint-Étienne",
        "Saint Etienne",
        "st-etienne",
        "SAINT-ÉTIENNE",
        "St Étienne",
        " saint  etienne ",
    ],
)
def test_saint_etienne_spellings_share_one_key(text):
    assert normalise_name(text) == "saint etienne"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("L'Haÿ-les-Roses", "l hay les roses"),
        ("L’Haÿ-les-Roses", "l hay les roses"),  # typographic apostrophe
        ("Sainte-Foy-lès-Lyon", "sainte foy les lyon"),
        ("Ste Foy les Lyon", "sainte foy les lyon"),
        ("Œuilly", "oeuilly"),
        ("Paris 15e Arrondissement", "paris 15e arrondissement"),
        ("---", ""),
    ],
)
def test_normalise_name(text, key):
    assert normalise_name(text) == key


def test_st_inside_a_word_is_not_expanded():
    assert normalise_name("Staple") == "staple"


@pytest.mark.parametrize(
    ("key", "bare"),
    [
        ("le havre", "havre"),
        ("l hay les roses", "hay les roses"),
        ("les", "les"),
        ("lille", "lille"),
    ],
)
def test_strip_article(key, bare):
    assert strip_article(key) == bare
