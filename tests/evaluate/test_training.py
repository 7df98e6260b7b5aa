"""Training from gold files: formats, held-out report, artifact and card."""

import json

import pytest

from clamor.errors import FormatError
import numpy as np

from clamor.evaluate.training import (
    expected_calibration_error,
    fit_temperature,
    read_training_file,
    train_event_type,
)
from clamor.extract.classifier import card_path, read_model

TEMPLATES = {
    "Peaceful protest": "{n} residents marched peacefully in {p} to demand clean water.",
    "Armed clash": "Soldiers clashed with militants near {p}; {n} fighters were killed.",
    "Arrests": "Police arrested {n} opposition leaders in {p} on charges of sedition.",
}
PLACES = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota",
          "Kappa", "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau", "Upsilon"]


@pytest.fixture
def own_file(tmp_path):
    path = tmp_path / "own.jsonl"
    with path.open("w") as handle:
        for sub, template in TEMPLATES.items():
            for i, place in enumerate(PLACES):
                text = template.format(n=i + 2, p=place)
                handle.write(json.dumps({"id": f"{sub}-{i}", "text": text,
                                         "sub_event_type": sub}) + "\n")
    return path


def test_read_training_file_kinds(fixtures, own_file, tmp_path):
    kind, rows = read_training_file(fixtures / "evaluate" / "acled_small.csv")
    assert kind == "acled" and len(rows) == 5
    kind, rows = read_training_file(fixtures / "evaluate" / "case_small.tsv")
    assert kind == "case2021" and len(rows) == 4  # out-of-taxonomy snippets left out
    kind, rows = read_training_file(own_file)
    assert kind == "own" and len(rows) == 60
    bad = tmp_path / "bad.csv"
    bad.write_text("text,sub_event_type\nsomething happened,Picnic\n")
    with pytest.raises(FormatError, match="not an ACLED sub-event type"):
        read_training_file(bad)


def test_train_reports_heldout_and_saves_card(own_file, tmp_path):
    pytest.importorskip("sklearn")
    out = tmp_path / "model.npz"
    model, report = train_event_type([own_file], out=out)
    assert report["n_train"] + report["n_calibration"] + report["n_heldout"] == 60
    assert report["n_heldout"] > 0 and report["n_calibration"] > 0
    assert set(report["figures"]["event_type_macro_f1"]) == {"classifier", "majority", "keyword"}
    assert report["figures"]["event_type_macro_f1"]["classifier"] > 0.9
    card = json.loads(card_path(out).read_text())
    assert card["training_data"][0]["kind"] == "own" and card["training_data"][0]["rows"] == 60
    assert "heldout_scores" in card and "never saw" in card["split"]
    assert card["calibration"]["temperature"] == pytest.approx(model.temperature, abs=1e-4)
    assert read_model(out).temperature == pytest.approx(model.temperature, rel=1e-5)
    assert read_model(out).predict(["Police arrested 5 opposition leaders in Chi."])[0] \
        .sub_event_type == "Arrests"


def test_fit_temperature_softens_overconfident_probabilities():
    rng = np.random.default_rng(0)
    gold = rng.integers(0, 3, 2000)
    # Right 70 % of the time but always 99 % sure: the fitted temperature must soften.
    pred = np.where(rng.random(2000) < 0.7, gold, (gold + 1) % 3)
    probs = np.full((2000, 3), 0.005)
    probs[np.arange(2000), pred] = 0.99
    t = fit_temperature(probs, gold)
    assert t > 1.5
    soft = np.exp(np.log(probs) / t)
    soft /= soft.sum(axis=1, keepdims=True)
    assert soft.max(axis=1).mean() == pytest.approx(0.7, abs=0.05)
    assert fit_temperature(np.eye(3)[gold] * 0.98 + 0.01, gold) < 1.0  # right and sure


def test_expected_calibration_error():
    assert expected_calibration_error([0.9] * 10, [True] * 9 + [False]) == pytest.approx(0.0)
    assert expected_calibration_error([0.95] * 4, [True, False, True, False]) \
        == pytest.approx(0.45)
    assert expected_calibration_error([], []) == 0.0
