from pathlib import Path

import pytest

from clamor.evaluate.geoparsing import evaluate, evaluate_acled, read_gold, recase

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "geo"


def test_read_gold_fixture():
    (art,) = list(read_gold(FIXTURE / "geoparsing" / "lgl.xml", "lgl"))
    assert [t.text for t in art.toponyms] == ["Kazerun", "Fars", "Xqzzyville"]
    assert art.text[14:21] == "Kazerun" and art.toponyms[2].geonames_id is None


def test_evaluate_fixture():
    out = evaluate(FIXTURE, "lgl")
    assert out["n_articles"] == 1 and out["n_gold_toponyms"] == 3
    assert out["exact_geonames_id"] == 1.0 and out["within_161km"] == 1.0
    assert 0 < out["toponym_recall"] <= 0.67
    assert out["toponym_precision"] > 0


@pytest.mark.slow
def test_evaluate_lgl_sample(shared_data):
    out = evaluate(shared_data, "lgl", limit=40, recognition=False)
    assert out["n_articles"] == 40 and out["exact_geonames_id"] > 0.6


@pytest.mark.slow
def test_evaluate_acled_sample(shared_data):
    out = evaluate_acled(shared_data, limit=50)
    assert out["n_events"] == 50 and 0.2 < out["within_25km"] <= out["within_161km"] <= 1


def test_most_populous_baseline_beside_clamor():
    out = evaluate(FIXTURE, "lgl", recognition=False)
    # both gold places with ids are their name's most populous namesake in the gazetteer
    # (Xqzzyville has no gold id or point, so it counts in neither denominator)
    assert out["most_populous_exact_geonames_id"] == 1.0
    assert out["most_populous_within_161km"] == out["within_161km"] == 1.0


def test_most_populous_picks_the_largest_namesake():
    from clamor.geo import get_gazetteer
    from clamor.evaluate.geoparsing import most_populous

    gaz = get_gazetteer()
    best = most_populous(gaz, "Paris")
    assert best.country_code == "FR"
    assert all(c.population <= best.population for c in gaz.lookup("Paris"))
    assert most_populous(gaz, "Xqzzyville") is None


def test_recase_keeps_length_and_offsets():
    text = "Straße in İstanbul and Kazerun"
    assert recase(text, "as-is") == text
    assert recase(text, "lower") == "straße in İstanbul and kazerun"  # İ lowers to 2 chars
    assert recase(text, "upper") == "STRAßE IN İSTANBUL AND KAZERUN"  # ß uppers to "SS"
    assert all(len(recase(text, c)) == len(text) for c in ("lower", "upper"))
    with pytest.raises(ValueError):
        recase(text, "title")


def test_evaluate_recased_fixture_keeps_gold_offsets():
    out = evaluate(FIXTURE, "lgl", casing="upper")
    assert out["n_gold_toponyms"] == 3 and out["within_161km"] == 1.0
    assert 0 <= out["recognized_within_25km"] <= out["recognized_within_161km"] <= 1
