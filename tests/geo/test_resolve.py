import pytest

from clamor.geo import get_geoparser
from clamor.geo.resolve import precision_of


@pytest.fixture(scope="module")
def gp():
    return get_geoparser()


def _resolve(gp, text, names):
    spans = []
    for name in names:
        start = text.index(name)
        spans.append((start, start + len(name)))
    return {t.text: t for t in gp.resolve_spans(text, spans)}


def test_context_admin1_picks_the_local_town(gp):
    text = "Alexandria police and Rapides Parish deputies searched the house."
    out = _resolve(gp, text, ["Alexandria", "Rapides Parish"])
    assert out["Alexandria"].place.country_code == "US"
    assert out["Alexandria"].place.admin1 == "Louisiana"
    assert out["Rapides Parish"].precision == 2


def test_population_prior_without_context(gp):
    out = _resolve(gp, "Protesters gathered in Alexandria.", ["Alexandria"])
    assert out["Alexandria"].place.country_code == "EG"


def test_qualifier_in_parentheses(gp):
    text = "Protests spread to Kazerun (Fars) on Tuesday."
    out = _resolve(gp, text, ["Kazerun", "Fars"])
    assert out["Kazerun"].place.admin1 == "Fars" and out["Kazerun"].precision == 1
    assert out["Fars"].place.feature_code == "ADM1" and out["Fars"].precision == 3


def test_us_state_abbreviation_qualifier(gp):
    text = "He was born in Paris, Tenn., and moved away."
    out = _resolve(gp, text, ["Paris"])
    assert out["Paris"].place.country_code == "US"


def test_near_gives_precision_2(gp):
    text = "Clashes broke out near Kazerun, Iran."
    out = _resolve(gp, text, ["Kazerun", "Iran"])
    assert out["Kazerun"].precision == 2 and out["Iran"].precision == 3


def test_unknown_and_seas_resolve_to_nothing(gp):
    text = "Ships in the Mediterranean Sea sailed from Xqzzyvillebrook."
    out = _resolve(gp, text, ["Mediterranean Sea", "Xqzzyvillebrook"])
    assert out["Mediterranean Sea"].place is None
    assert out["Xqzzyvillebrook"].place is None


def test_precision_of_none():
    assert precision_of(None) is None
