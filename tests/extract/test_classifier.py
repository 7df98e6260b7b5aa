"""The event-type classifier: features, fitting, plain-data artifacts, the shipped model."""

import json

import numpy as np
import pytest

from clamor.errors import ModelNotFoundError
from clamor.extract import classifier
from clamor.extract.classifier import (
    EventTypeModel,
    _features,
    card_path,
    load_event_model,
    read_model,
)

TRAIN = [
    ("Hundreds of teachers marched peacefully to demand higher pay.", "Peaceful protest"),
    ("Students held a peaceful rally outside parliament.", "Peaceful protest"),
    ("Traders staged a peaceful demonstration against new taxes.", "Peaceful protest"),
    ("Farmers marched peacefully to the governor's office.", "Peaceful protest"),
    ("Soldiers clashed with rebel fighters near the border.", "Armed clash"),
    ("Militants and the army exchanged fire for hours in the hills.", "Armed clash"),
    ("Rebels fought government troops outside the town.", "Armed clash"),
    ("The army clashed with insurgents at a checkpoint.", "Armed clash"),
    ("Youths threw stones at police and burned tyres.", "Violent demonstration"),
    ("Rioters torched cars and hurled stones at officers.", "Violent demonstration"),
    ("Demonstrators pelted police with stones and set a bus on fire.", "Violent demonstration"),
    ("Protesters burned tyres and threw rocks at the police station.", "Violent demonstration"),
]


@pytest.fixture(scope="module")
def tiny_model():
    pytest.importorskip("sklearn")
    texts, labels = zip(*TRAIN)
    return classifier.fit_event_model(list(texts), list(labels), c=10.0)


def test_features_are_lower_case():
    words, chars = _features("Police FIRED")
    assert words == ["police", "fired", "police fired"]
    assert " po" in chars and all(c == c.lower() for c in chars)


def test_predictions_consistent_with_taxonomy(tiny_model):
    preds = tiny_model.predict(["Teachers marched peacefully.", "Troops clashed with rebels.",
                                "Youths threw stones and burned tyres.", ""])
    assert [p.sub_event_type for p in preds[:3]] == [
        "Peaceful protest", "Armed clash", "Violent demonstration"]
    assert [p.event_type for p in preds[:3]] == ["Protests", "Battles", "Riots"]
    for p in preds:
        assert 0.0 < p.sub_score <= p.score <= 1.0


def test_robust_to_casing(tiny_model):
    a = tiny_model.predict_proba(["Troops clashed with rebels."])
    b = tiny_model.predict_proba(["TROOPS CLASHED WITH REBELS."])
    assert np.allclose(a, b)


def test_save_and_load_plain_data(tiny_model, tmp_path):
    path = tiny_model.save(tmp_path / "m.npz", {"name": "test", "licence": "test data"})
    assert path.is_file() and card_path(path).is_file()
    card = json.loads(card_path(path).read_text())
    assert card["licence"] == "test data" and card["sizes"]["classes"] == 3
    with np.load(path, allow_pickle=False) as data:  # no object arrays, no pickle
        assert all(data[k].dtype != object for k in data.files)
    loaded = read_model(path)
    texts = ["Teachers marched peacefully.", "Rioters hurled stones."]
    assert np.allclose(loaded.predict_proba(texts), tiny_model.predict_proba(texts), atol=2e-3)
    assert loaded.card["name"] == "test"


def test_temperature_softens_without_changing_the_answer(tiny_model, tmp_path):
    texts = ["Teachers marched peacefully.", "Rioters hurled stones."]
    sharp = tiny_model.predict(texts)
    tiny_model.temperature = 3.0
    try:
        soft = tiny_model.predict(texts)
        path = tiny_model.save(tmp_path / "t.npz")
    finally:
        tiny_model.temperature = 1.0
    assert [p.sub_event_type for p in soft] == [p.sub_event_type for p in sharp]
    assert all(s.score < h.score for s, h in zip(soft, sharp))
    assert read_model(path).temperature == pytest.approx(3.0)
    with np.load(path) as data:  # an artifact from before calibration: temperature 1
        np.savez(tmp_path / "old.npz", **{k: data[k] for k in data.files if k != "temperature"})
    assert read_model(tmp_path / "old.npz").temperature == 1.0


def test_fit_from_counts_equals_fitting_the_subset(tiny_model):
    texts = [t for t, _ in TRAIN] + ["Unrelated filler about the weather in the hills."]
    counts = classifier.FeatureCounts(texts)
    rows = np.arange(len(TRAIN))
    model = classifier.fit_from_counts(counts, rows, [label for _, label in TRAIN], c=10.0)
    assert list(model.word_index) == list(tiny_model.word_index)
    assert np.allclose(model.predict_proba(texts), tiny_model.predict_proba(texts), atol=1e-4)
    x = counts.matrix(rows, model.columns)
    assert np.allclose(x.toarray(), model.transform(texts[: len(TRAIN)]).toarray(), atol=1e-6)


def test_missing_or_bad_artifact(tmp_path):
    with pytest.raises(ModelNotFoundError):
        read_model(tmp_path / "missing.npz")
    bad = tmp_path / "bad.npz"
    np.savez(bad, x=np.zeros(3))
    with pytest.raises(ModelNotFoundError, match="not a clamor"):
        read_model(bad)


def test_fit_rejects_labels_outside_taxonomy():
    pytest.importorskip("sklearn")
    with pytest.raises(ValueError, match="outside the taxonomy"):
        classifier.fit_event_model(["a b", "c d"], ["Peaceful protest", "Picnic"])


def test_shipped_model_loads_and_types_the_obvious(monkeypatch):
    model = load_event_model()
    if not classifier.SHIPPED_MODEL.is_file():
        assert model is None
        pytest.skip("no model shipped")
    assert isinstance(model, EventTypeModel)
    assert load_event_model() is model  # cached
    card = model.card
    assert "ACLED" in card["licence"] and "non-commercial" in card["licence"]
    assert card["heldout_scores"]["event_type_macro_f1"]["classifier"] > 0.5
    assert classifier.SHIPPED_MODEL.stat().st_size < 10_000_000
    preds = model.predict([
        "On 3 June, hundreds of traders marched peacefully in the town to protest new taxes.",
        "On 3 June, soldiers clashed with militants in the district; four were killed.",
    ])
    assert [p.event_type for p in preds] == ["Protests", "Battles"]


def test_mask_names_hides_where_and_who_but_not_what():
    masked = classifier.mask_names(
        "On 3 May 2020, Israeli forces fired at Palestinians in Beit Ummar (Hebron). "
        "Police said an IED exploded.")
    assert "Israeli" not in masked and "Palestinians" not in masked
    assert "Beit" not in masked and "Hebron" not in masked and "May" not in masked
    assert masked.count(classifier.NORP_TOKEN) == 2
    # "Beit Ummar" is one placeholder, "(Hebron)" another; sentence starts and acronyms stay
    assert masked.count(classifier.NAME_TOKEN) == 3
    assert masked.startswith("On 3 ") and "Police said an IED exploded." in masked
    assert "forces fired at" in masked


def test_masked_features_ignore_the_place(tmp_path):
    pytest.importorskip("sklearn")
    texts, labels = zip(*TRAIN)
    model = classifier.fit_event_model(list(texts), list(labels), c=10.0, mask=True)
    assert model.mask == 1 and model.card["hyperparameters"]["mask_names"] == 1
    a = model.predict_proba(["Rebels clashed with the army near Kismayo."])
    b = model.predict_proba(["Rebels clashed with the army near Donetsk."])
    assert np.allclose(a, b)
    unmasked = classifier.fit_event_model(list(texts), list(labels), c=10.0, mask=False)
    assert not np.allclose(unmasked.predict_proba(["Rebels clashed near Kismayo."]),
                           unmasked.predict_proba(["Rebels clashed near Donetsk."]))
    loaded = read_model(model.save(tmp_path / "masked.npz"))
    assert loaded.mask
    with np.load(tmp_path / "masked.npz") as data:  # an artifact from before masking
        np.savez(tmp_path / "old.npz", **{k: data[k] for k in data.files if k != "mask"})
    assert not read_model(tmp_path / "old.npz").mask


def test_type_balanced_weights_share_weight_by_type_then_sub_type():
    types = {"Peaceful protest": "Protests", "Protest with intervention": "Protests",
             "Armed clash": "Battles"}
    labels = ["Peaceful protest"] * 6 + ["Protest with intervention"] * 2 + ["Armed clash"] * 4
    w = classifier.type_balanced_weights(labels, types)
    assert w.mean() == pytest.approx(1.0)
    total = {s: w[[i for i, x in enumerate(labels) if x == s]].sum() for s in types}
    assert total["Armed clash"] == pytest.approx(
        total["Peaceful protest"] + total["Protest with intervention"])
    assert total["Peaceful protest"] == pytest.approx(total["Protest with intervention"])


def test_mask_demonyms_only_keeps_the_other_names():
    masked = classifier.mask_names("Israeli forces shelled Beit Hanoun.", demonyms_only=True)
    assert classifier.NORP_TOKEN in masked and "Beit Hanoun" in masked
    assert classifier.NAME_TOKEN not in masked
