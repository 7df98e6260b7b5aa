"""False-alarm measurement of source assessment (clamor.evaluate.sources)."""

import pytest

from clamor.evaluate.sources import _percentile, evaluate, summarise
from clamor.models import SourceAssessment


def test_percentile_interpolates():
    assert _percentile([], 90) == 0.0
    assert _percentile([0.0, 10.0], 90) == pytest.approx(9.0)
    assert _percentile([3.0, 1.0, 2.0], 50) == 2.0


def test_summarise_counts_partisan_and_rates():
    items = [
        SourceAssessment(partisan=True, publisher_type="opposition_or_advocacy",
                         rates={"loaded_term": 30.0}),
        SourceAssessment(partisan=True, publisher_type="state_run_outlet",
                         rates={"loaded_term": 0.0}),
        SourceAssessment(rates={"loaded_term": 0.0}),
        SourceAssessment(rates={"loaded_term": 2.0}),
    ]
    out = summarise(items, "x")
    assert out["x_docs"] == 4
    assert out["x_partisan_share"] == 0.5
    assert out["x_partisan_not_state_run_share"] == 0.25
    assert out["x_loaded_rate_mean"] == 8.0
    assert out["x_any_loaded_share"] == 0.5


@pytest.mark.devdata
def test_wire_corpora_raise_few_alarms(shared_data):
    results = evaluate(shared_data, limit=40)
    assert results["glocon_docs"] == 40 and results["ipe_docs"] == 40
    assert results["wire_partisan_not_state_run_share"] == 0.0
    if "seed_loaded_rate" in results:
        assert results["wire_loaded_rate_mean"] * 10 < results["seed_loaded_rate"]
