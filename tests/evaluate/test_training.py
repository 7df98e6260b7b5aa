"""Training from gold files: formats, held-out report, artifact and card."""

import json

import pytest

from clamor.errors import FormatError
from clamor.evaluate.training import read_training_file, train_event_type
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
    assert report["n_train"] + report["n_heldout"] == 60 and report["n_heldout"] > 0
    assert set(report["figures"]["event_type_macro_f1"]) == {"classifier", "majority", "keyword"}
    assert report["figures"]["event_type_macro_f1"]["classifier"] > 0.9
    card = json.loads(card_path(out).read_text())
    assert card["training_data"][0]["kind"] == "own" and card["training_data"][0]["rows"] == 60
    assert "heldout_scores" in card and "never saw" in card["split"]
    assert read_model(out).predict(["Police arrested 5 opposition leaders in Chi."])[0] \
        .sub_event_type == "Arrests"
