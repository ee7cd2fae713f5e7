import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layers.render.classify import NO_DATA_COLOUR, SCHEMES, classify
from layers.render.formatting import decimals_for, format_number
from layers.render.schemes import MANUAL, SCHEME_LABELS, ClassificationError, parse_breaks

VALUES = pd.Series(
    [80, 95, 100, 104, 130, np.nan, 111, 99, 120, 101, 88, 140, 97],
    index=[f"r{i}" for i in range(13)],
    dtype=float,
)


@pytest.mark.parametrize("scheme", ["quantiles", "jenks", "equal_interval"])
def test_every_present_value_gets_a_class_and_missing_gets_minus_one(scheme):
    result = classify(VALUES, scheme, k=5)
    assert result.classes["r5"] == -1
    present = result.classes.drop("r5")
    assert present.between(0, result.k - 1).all()
    assert result.k == 5
    # classes follow the order of values
    ordered = VALUES.drop("r5").sort_values().index
    assert result.classes[ordered].is_monotonic_increasing


def test_never_more_classes_than_distinct_values():
    result = classify(pd.Series([1.0, 1.0, 2.0, np.nan]), "quantiles", k=5)
    assert result.k <= 2


def test_legend_counts_regions_and_has_a_no_data_entry():
    legend = classify(VALUES, "quantiles", k=4).legend()
    assert sum(count for *_, count in legend) == len(VALUES)
    assert legend[-1] == (NO_DATA_COLOUR, "pas de donnée", 1)


def test_manual_breaks_are_upper_bounds():
    result = classify(VALUES, "manual", breaks=[100, 90])
    assert result.upper == [90.0, 100.0, 140.0]
    assert result.classes["r0"] == 0 and result.classes["r2"] == 1 and result.classes["r4"] == 2


def test_diverging_palette_puts_blue_below_and_red_above_the_centre():
    result = classify(VALUES, "manual", breaks=[90, 99.9, 100.1, 120], diverging_centre=100)
    low, high = result.colours[0], result.colours[-1]
    r_low, b_low = int(low[1:3], 16), int(low[5:7], 16)
    r_high, b_high = int(high[1:3], 16), int(high[5:7], 16)
    assert b_low > r_low and r_high > b_high
    assert len(set(result.colours)) == result.k


def test_all_missing_gives_no_classes():
    result = classify(pd.Series([np.nan, np.nan]), "quantiles", 5)
    assert result.k == 0 and result.legend() == [(NO_DATA_COLOUR, "pas de donnée", 2)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scheme": "nope"}, "Unknown scheme 'nope'"),
        ({"k": 0}, "positive integer"),
        ({"scheme": "manual"}, "at least one break"),
    ],
)
def test_bad_arguments_are_named(kwargs, message):
    with pytest.raises(ClassificationError, match=message):
        classify(VALUES, **kwargs)


def test_input_is_not_modified():
    before = VALUES.copy()
    classify(VALUES, "jenks", 3)
    pd.testing.assert_series_equal(VALUES, before)


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234.56, 1, "1\u202f234,6"),
        (99.95, 2, "99,95"),
        (float("nan"), 1, "pas de donnée"),
        (None, 0, "pas de donnée"),
        (-3.0, 0, "-3"),
    ],
)
def test_format_number_is_french(value, decimals, text):
    assert format_number(value, decimals) == text


def test_decimals_follow_magnitude():
    assert decimals_for([12345.0, 2.0]) == 0
    assert decimals_for([101.2, 99.0]) == 1
    assert decimals_for([0.5, np.nan]) == 2


# --- classification is total (issue 14, finding 9) -------------------------------------------


@pytest.mark.parametrize("scheme", ["quantiles", "jenks", "equal_interval"])
@pytest.mark.parametrize(
    "values",
    [[101.5], [7.0, 7.0, 7.0, np.nan], [1.0, 2.0], [1.0, 2.0, np.nan, 2.0]],
    ids=["one value", "all equal", "two values", "two distinct of three"],
)
@pytest.mark.parametrize("k", [1, 2, 5, 7])
def test_few_distinct_values_give_at_most_that_many_classes(scheme, values, k):
    series = pd.Series(values)
    result = classify(series, scheme, k)
    present = series.dropna()
    assert 1 <= result.k <= min(k, present.nunique())
    assert result.classes[present.index].between(0, result.k - 1).all()
    assert all(colour.startswith("#") for colour in result.colour_of())


def test_a_refusal_from_mapclassify_becomes_a_french_classification_error(monkeypatch):
    import layers.render.classify as module

    def refuse(y, k):
        raise ValueError("Not enough unique values in array to form 3 classes.")

    monkeypatch.setitem(module.SCHEMES, "equal_interval", ("Intervalles égaux", refuse))
    with pytest.raises(ClassificationError, match=r"Intervalles égaux.*impossibles"):
        classify(VALUES, "equal_interval", 3)


def test_a_refused_classification_is_written_in_the_readers_language(monkeypatch):
    import layers.render.classify as module

    def refuse(y, k):
        raise ValueError("Not enough unique values in array to form 3 classes.")

    monkeypatch.setitem(module.SCHEMES, "equal_interval", ("Intervalles égaux", refuse))
    with pytest.raises(ClassificationError) as refused:
        classify(VALUES, "equal_interval", 3)
    assert str(refused.value) == refused.value.in_lang("fr")  # French unless asked otherwise
    assert refused.value.in_lang("fr").startswith("Classes « Intervalles égaux » impossibles")
    english = refused.value.in_lang("en")
    assert english.startswith("“Equal intervals” classes impossible for these")
    assert english.endswith(
        "(3 classes asked): Not enough unique values in array to form 3 classes."
    )


_finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.one_of(_finite, st.just(np.nan)), min_size=1, max_size=22),
    scheme=st.sampled_from(["quantiles", "jenks", "equal_interval"]),
    k=st.integers(min_value=1, max_value=7),
)
def test_any_values_get_classes_with_every_scheme(values, scheme, k):
    series = pd.Series(values, dtype=float)
    result = classify(series, scheme, k)
    present = series.dropna()
    assert (result.classes[series.isna()] == -1).all()
    if not present.empty:
        assert result.classes[present.index].between(0, result.k - 1).all()
        assert result.k <= min(k, present.nunique())
        assert result.lower[0] <= present.min() and result.upper[-1] >= present.max()


# --- manual bounds typed by a user (finding 8) -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nan", "Seuils illisibles"),
        ("-inf;inf", "Seuils illisibles"),
        ("90;inf", "Seuils illisibles"),
        ("1e999", "trop grand"),
        ("100 ; 90", "croissants : « 100 » puis « 90 »"),
        ("90;90", "croissants"),
        (";".join(str(i) for i in range(12)), "Trop de seuils"),
        ("1_000", "Seuils illisibles"),
    ],
)
def test_unusable_manual_bounds_are_refused_in_french(text, message):
    with pytest.raises(ClassificationError, match=message):
        parse_breaks(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type at least one class bound"),
        ("nan", "Unreadable class bounds: “nan”"),
        ("1e999", "“1e999” is too large: type a finite number"),
        ("100 ; 90", "must increase: “100” then “90”"),
        (";".join(str(i) for i in range(12)), r"Too many class bounds \(12\): at most 9 \(10"),
    ],
)
def test_unusable_manual_bounds_are_refused_in_english(text, message):
    with pytest.raises(ClassificationError, match=message) as refused:
        parse_breaks(text, "en")
    assert "«" not in str(refused.value) and "seuil" not in str(refused.value).lower()
    assert refused.value.in_lang("en") == str(refused.value)
    assert "«" in refused.value.in_lang("fr") or "seuil" in refused.value.in_lang("fr").lower()


def test_manual_bounds_keep_their_order_and_decimal_commas():
    assert parse_breaks(" 90 ; 100,5 110 ") == [90.0, 100.5, 110.0]


@pytest.mark.parametrize("breaks", [[np.nan], [-np.inf, np.inf], [90, np.inf]])
def test_classify_refuses_non_finite_manual_bounds(breaks):
    with pytest.raises(ClassificationError, match="finite"):
        classify(VALUES, "manual", breaks=breaks)


def test_every_scheme_a_user_can_pick_is_built_or_manual():
    assert set(SCHEME_LABELS) == {*SCHEMES, MANUAL}
