#!/usr/bin/env python
"""What the dense half of the event typer costs on event articles, alone (issue 13/15).

On a loaded machine the end-to-end ratio of ``throughput.py`` (clamor against bare
``nlp.pipe``) moves more with the load than with the encoder, so this times the encoder by
itself: the event articles of ``throughput.py`` (same sample: ``--events`` of them after
the same shuffle) go through clamor with the averaged typer on, every batch of texts the
typer encodes is recorded, and then those batches are encoded again, timed, alternating
``--repeats`` times with bare ``nlp.pipe`` of the same articles. Reports milliseconds per
article for each and the encoder's share of the bare parse.

    CLAMOR_DATA=../shared/data nice python benchmarks/dense_cost.py [--events 60] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import dev_texts  # noqa: E402


def recorded_batches(texts: list[str]) -> list[list[str]]:
    """The batches the averaged typer encodes while clamor (fast path) runs ``texts``."""
    from clamor.extract.dense import load_dense
    from clamor.extract.classifier import SHIPPED_MODEL
    from clamor.ingest import read_text
    from clamor.options import Options
    from clamor.pipeline import Pipeline

    typer = load_dense(str(SHIPPED_MODEL))
    if typer is None:
        raise SystemExit("no dense typer (the 'dense' extra or the head is missing)")
    batches: list[list[str]] = []
    encode = typer.encoder

    def spy(batch):
        batches.append(list(batch))
        return encode(batch)

    typer.encoder = spy
    try:
        options = Options(prefilter=True, fast_path=True, dense_typer=True)
        list(Pipeline(options).pipe(read_text(t) for t in texts))
    finally:
        typer.encoder = encode
    return batches


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("CLAMOR_DATA", "../shared/data")))
    ap.add_argument("--events", type=int, default=60)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    events, _ = dev_texts(args.data)
    random.Random(0).shuffle(events)  # throughput.py's order
    sample = events[:args.events]
    batches = recorded_batches(sample)
    from clamor.extract.encoder import load_encoder
    from clamor.nlp import load_spacy

    encoder, nlp = load_encoder(), load_spacy()
    enc_ms, nlp_ms = [], []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for batch in batches:
            encoder(batch)
        enc_ms.append(1000 * (time.perf_counter() - start) / len(sample))
        start = time.perf_counter()
        for _ in nlp.pipe(sample, batch_size=16):
            pass
        nlp_ms.append(1000 * (time.perf_counter() - start) / len(sample))
    texts = [t for b in batches for t in b]
    print(json.dumps({
        "articles": len(sample), "encoder_calls": len(batches), "texts_encoded": len(texts),
        "mean_chars_encoded": round(sum(map(len, texts)) / max(len(texts), 1)),
        "encoder_ms_per_article": [round(x, 1) for x in enc_ms],
        "bare_nlp_pipe_ms_per_article": [round(x, 1) for x in nlp_ms],
        "encoder_share_of_bare_parse": [round(e / n, 3) for e, n in zip(enc_ms, nlp_ms)],
    }, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
