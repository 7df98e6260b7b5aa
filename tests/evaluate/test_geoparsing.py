from pathlib import Path

import pytest

from clamor.evaluate.geoparsing import evaluate, evaluate_acled, read_gold

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
