"""Property-based tests of the name normaliser (hypothesis)."""

import string

from hypothesis import given
from hypothesis import strategies as st

from geo.names import normalise_name, strip_article

ACCENTED = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"
names = st.text(alphabet=string.ascii_letters + ACCENTED + " -'’.", max_size=60)
anything = st.text(max_size=200)


@given(anything)
def test_key_is_idempotent(text):
    key = normalise_name(text)
    assert normalise_name(key) == key


@given(anything)
def test_key_is_plain_lowercase_ascii_words(text):
    key = normalise_name(text)
    assert key == key.strip() and "  " not in key
    assert set(key) <= set(string.ascii_lowercase + string.digits + " ")


@given(names)
def test_case_does_not_matter(text):
    assert normalise_name(text.upper()) == normalise_name(text.lower()) == normalise_name(text)


@given(names)
def test_hyphens_apostrophes_and_spaces_are_the_same_separator(text):
    assert normalise_name(text.replace(" ", "-")) == normalise_name(text.replace("-", "'"))


@given(st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=20))
def test_st_abbreviation_matches_saint(word):
    assert normalise_name(f"St-{word}") == normalise_name(f"Saint {word}")


@given(anything)
def test_strip_article_never_grows_and_is_safe_on_any_key(text):
    key = normalise_name(text)
    assert len(strip_article(key)) <= len(key)
