import pytest

from clamor.extract.quantities import find_counts, find_crowd_size, parse_number


@pytest.mark.parametrize("text,value", [
    ("12", 12), ("1,200", 1200), ("at least three", 3), ("twenty-five", 25), ("two hundred", 200),
    ("a dozen", 12), ("dozens", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def counts(text):
    return {c.field: (c.value, c.quantity.text if c.quantity else None) for c in find_counts(text)}


def test_exact_counts_by_kind():
    got = counts("At least 12 people were killed and 40 injured; police arrested 30 protesters.")
    assert got == {"fatalities": (12, None), "injuries": (40, None), "arrests": (30, None)}


def test_vague_quantity_is_kept_as_text_with_a_range():
    (c,) = find_counts("A number of women are amongst those wounded in these rallies.")
    assert c.field == "injuries" and c.value is None
    assert (c.quantity.text, c.quantity.low, c.quantity.high) == ("A number of", 2, 10)


def test_dozens_range():
    (c,) = find_counts("Dozens were detained after the march.")
    assert c.field == "arrests" and c.quantity.low == 24


def test_verb_first_counts():
    assert counts("Police opened fire, killing three and injuring dozens.") == {
        "fatalities": (3, None), "injuries": (None, "dozens")}


def test_no_number_no_count():
    assert find_counts("Several shops were closed.") == []


def test_crowd_size_skips_casualty_numbers():
    text = "Thousands of protesters marched; three protesters were killed."
    crowd = find_crowd_size(text, 0, find_counts(text))
    assert crowd.quantity.low == 2000 and crowd.start == 0


def test_singular_victim_counts_one():
    assert counts("A woman was shot and killed by gunmen.") == {"fatalities": (1, None)}
    assert counts("Militants killed a farmer near the border.") == {"fatalities": (1, None)}
