"""Normalise place names so that accents, case, hyphens, apostrophes and "St" do not matter."""

import re
import unicodedata

#: Abbreviations people type for the saints that name so many communes.
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
#: Articles that start commune names ("Le Havre", "L'Haÿ-les-Roses"); users often omit them.
ARTICLES = ("l", "le", "la", "les", "aux", "las", "los")

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise_name(text: str) -> str:
    """Fold a place name to a comparison key.

    Accents and case are dropped, every run of non-alphanumeric characters (hyphens,
    apostrophes, spaces, dots) becomes one space, and "St"/"Ste" become "saint"/"sainte".

    >>> normalise_name("SAINT-ÉTIENNE") == normalise_name("st etienne") == "saint etienne"
    True
    >>> normalise_name("L'Haÿ-les-Roses")
    'l hay les roses'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    tokens = _NON_ALNUM.sub(" ", ascii_text).split()
    return " ".join(ABBREVIATIONS.get(token, token) for token in tokens)


def strip_article(key: str) -> str:
    """Drop a leading article from a normalised key ("le havre" -> "havre")."""
    first, _, rest = key.partition(" ")
    return rest if first in ARTICLES and rest else key


#: "de" + article, contracted as French writes it; in English, "of" + "the" for any article.
_OF = {
    "fr": ({"le ": "du ", "les ": "des ", "la ": "de la ", "l'": "de l'"}, "de "),
    "en": ({"le ": "of the ", "les ": "of the ", "la ": "of the ", "l'": "of the "}, "of "),
}


def of_name(name: str, lang: str = "fr") -> str:
    """ "de" before a name written with its article ("le Nord" -> "du Nord"); "of" in English
    ("of the Nord").

    >>> [of_name(n) for n in ("le Nord", "la Creuse", "l'Ain", "les Vosges", "Paris")]
    ['du Nord', 'de la Creuse', "de l'Ain", 'des Vosges', 'de Paris']
    >>> [of_name(n, "en") for n in ("le Nord", "l'Ain", "Paris")]
    ['of the Nord', 'of the Ain', 'of Paris']
    """
    articles, plain = _OF[lang]
    for article, contracted in articles.items():
        if name.startswith(article):
            return contracted + name[len(article) :]
    return plain + name
