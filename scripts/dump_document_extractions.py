#!/usr/bin/env python
"""Run clamor's pipeline (every gate off) over the labelled documents and write one JSON
line per document: dataset, id, label fields and the Extraction (events as extracted).

The article verifier's training script (scripts/train_article_verifier.py) reads these
lines; running the pipeline is the slow part (about 0.3 s a document), so it is cached.

Usage: .venv/bin/python scripts/dump_document_extractions.py {glocon|ipe} OUT.jsonl [--data DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from clamor.evaluate.gold import read_glocon_documents, read_india_police_events
from clamor.evaluate.scorer import _article, default_data_dir
from clamor.options import Options
from clamor.pipeline import Pipeline

SOURCES = {
    "glocon": ("glocon_sample/document_Sabinet_R.json", read_glocon_documents),
    "ipe": ("india_police_events/docs.csv", read_india_police_events),
}


def dump(dataset: str, out: Path, data: Path, limit: int | None = None) -> int:
    rel_path, reader = SOURCES[dataset]
    rows = list(reader(data / rel_path, limit=limit))
    names = {f.name for f in dataclasses.fields(Options)}
    options = Options(**{k: False for k in ("relevance_gate", "article_verifier") if k in names})
    pipe = Pipeline(options)
    arts = [_article(r.text, r.published, i) for i, r in enumerate(rows)]
    with out.open("w", encoding="utf-8") as fh:
        for row, x in zip(rows, pipe.pipe(arts)):
            fh.write(json.dumps({
                "dataset": dataset, "id": row.id, "raw_label": row.raw_label,
                "labels": row.labels, "published": str(row.published) if row.published else None,
                "extraction": x.model_dump(mode="json", exclude={"source"}),
            }) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", choices=sorted(SOURCES))
    ap.add_argument("out", type=Path)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    n = dump(args.dataset, args.out, args.data or default_data_dir(), args.limit)
    print(f"{args.out}: {n} documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
