"""``--workers N`` on one machine: :class:`ProcessPipeline` runs :class:`clamor.pipeline.Pipeline`
in N worker processes and hands back extractions in input order.

Each worker builds its pipeline once (spaCy model, gazetteer, classifier) when it starts
and keeps it for the pool's life; articles travel in chunks, so the cost of sending them
(pickled pydantic records) is small beside parsing. Workers are *spawned*, not forked: a
fork of a parent that already holds spaCy and threads is not safe everywhere, and a
spawned worker loads exactly what a lone ``clamor extract`` would.
"""

from __future__ import annotations

import importlib
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from clamor.models import Article, Extraction
from clamor.options import Options

#: Articles sent to a worker at once: large enough that a worker parses a full spaCy batch
#: and the round trip is amortised, small enough that N workers share a short input evenly.
CHUNK_ARTICLES = 8

#: Chunks queued per worker: two keep every worker busy while the parent reads ahead.
IN_FLIGHT_PER_WORKER = 2

_worker_pipeline: Any = None


def build_pipeline(options: Options, factory: str | None = None):
    """The pipeline a worker runs: ``Pipeline(options)``, or ``MODULE:FACTORY(options)``."""
    if factory:
        module, _, name = factory.partition(":")
        return getattr(importlib.import_module(module), name)(options)
    from clamor.pipeline import Pipeline

    return Pipeline(options)


#: A short event article each worker runs once when it starts, so that every lazily loaded
#: resource (spaCy model, gazetteer, classifier, lexicons) is loaded by all workers at
#: once, at start-up, instead of by whichever worker receives the first chunk.
#: (A failing initializer would make the pool respawn workers forever, so only the
#: built-in pipeline, whose warm-up is tested, is warmed.)
WARM_UP_TEXT = "Police fired tear gas at protesters in Nairobi, Kenya, on Monday."


def _start_worker(options: Options, factory: str | None) -> None:
    global _worker_pipeline
    from clamor.ingest import read_text

    _worker_pipeline = build_pipeline(options, factory)
    if factory is None:  # a factory's pipeline (tests, plug-ins) loads what it needs itself
        list(_worker_pipeline.pipe([read_text(WARM_UP_TEXT)]))


def _run_chunk(chunk: list[Article]) -> list[Extraction]:
    return list(_worker_pipeline.pipe(chunk, batch_size=max(len(chunk), 1)))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class ProcessPipeline:
    """The :class:`~clamor.pipeline.Pipeline` interface (``pipe``, ``process``) over a pool
    of ``workers`` processes, started on first use and kept until :meth:`close`."""

    def __init__(self, options: Options | None = None, workers: int = 2,
                 factory: str | None = None, chunk_size: int = CHUNK_ARTICLES):
        self.options = options or Options()
        self.workers = workers
        self.factory = factory
        self.chunk_size = chunk_size
        self._pool = None

    def _get_pool(self):
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")
            self._pool = ctx.Pool(self.workers, initializer=_start_worker,
                                  initargs=(self.options, self.factory))
        return self._pool

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
        """Extractions in input order (``batch_size`` is accepted for the Pipeline interface;
        workers receive :data:`CHUNK_ARTICLES` at a time)."""
        # Not Pool.imap: its feeder thread would drain the input at once (memory, and the
        # input generator, e.g. ingest's store look-ups, would run off the main thread).
        pool, pending = self._get_pool(), deque()
        for chunk in _chunks(articles, self.chunk_size):
            pending.append(pool.apply_async(_run_chunk, (chunk,)))
            if len(pending) >= IN_FLIGHT_PER_WORKER * self.workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

    def process(self, article: Article) -> Extraction:
        return next(self.pipe([article]))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> ProcessPipeline:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def pipeline_for(options: Options, workers: int = 1, factory: str | None = None):
    """A pipeline for ``workers`` processes: the plain one in this process for 1."""
    if workers <= 1:
        return build_pipeline(options, factory)
    return ProcessPipeline(options, workers, factory)
