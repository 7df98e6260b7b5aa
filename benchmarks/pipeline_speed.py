#!/usr/bin/env python
"""Throughput of the whole pipeline on real news articles, against spaCy alone.

    python benchmarks/pipeline_speed.py [--data ../shared/data] [--articles 200]

Reads the first ``--articles`` GLOCON documents (real news pages of every length), then in
one process:

* baseline: the spaCy model alone parses the same texts (``nlp.pipe``), the cost every
  spaCy-based coder pays;
* clamor: ``Pipeline.pipe`` on the same articles (parse, extract, geoparse, assess).

It prints articles per second and words per second for both and the ratio clamor/baseline,
so the figure travels between machines. Models and the gazetteer index are loaded (and
warmed on one article) before timing: start-up is ``benchmarks/geo_speed.py``'s subject.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from clamor.evaluate.gold import read_glocon_documents
from clamor.ingest import read_text
from clamor.pipeline import Pipeline

GLOCON_DOCUMENTS = "glocon_sample/document_Sabinet_R.json"


def load_articles(data: Path, limit: int):
    path = data / GLOCON_DOCUMENTS
    if not path.exists():
        sys.exit(f"pipeline_speed: {path} not found (set --data or CLAMOR_DATA)")
    articles = [read_text(row.text, url=row.url) for row in read_glocon_documents(path, limit=limit)]
    return [a for a in articles if a.status == "ok"]


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("CLAMOR_DATA", "../shared/data")))
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    articles = load_articles(args.data, args.articles)
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline()
    pipeline.process(articles[0])  # load spaCy, the classifier and the gazetteer index
    texts = [a.text for a in articles]
    base = timed(lambda: list(pipeline.nlp.pipe(texts)))
    full = timed(lambda: list(pipeline.pipe(articles)))
    print(f"{len(articles)} English articles, {words} words (GLOCON documents)")
    for label, seconds in (("baseline: spaCy parse only", base), ("clamor pipeline", full)):
        print(f"{label:28} {seconds:7.2f} s {len(articles) / seconds:7.1f} articles/s "
              f"{words / seconds:9.0f} words/s")
    print(f"clamor / baseline: {full / base:.2f} x")


if __name__ == "__main__":
    main()
