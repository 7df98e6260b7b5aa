"""Read, extract and store: the work behind ``clamor ingest``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from clamor.models import Article, Extraction, ReadError
from clamor.options import Options
from clamor.store.records import IngestSummary
from clamor.store.store import Store

#: Articles sent to the pipeline at once: spaCy parses a batch faster than one at a time,
#: and one batch is all that is lost to re-extraction if the process dies (stored
#: articles are skipped on the re-run before extraction).
DEFAULT_BATCH_SIZE = 16


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    options: Options | None = None,
    pipeline: Any | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Read ``paths``, extract events from new articles and store them, a batch at a time.

    Articles already in the store (same ``article_id``, i.e. the same clean text from
    any file or URL) are skipped before extraction, so re-running after a crash only
    does the missing work. Input errors and extraction errors are counted in the
    summary's ``failed`` lines and the run goes on; store errors stop it.
    """
    from clamor import read

    options = options or Options()
    paths = [str(p) for p in paths]
    return ingest_items(store, read(paths, options), paths, options, pipeline, batch_size,
                        progress)


def ingest_items(
    store: Store,
    items: Iterable[Article | ReadError],
    inputs: Iterable[str] = (),
    options: Options | None = None,
    pipeline: Any | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """:func:`ingest_paths` over articles already read (``clamor watch`` reads fetched
    feeds from memory); ``inputs`` names them in the run record."""
    options = options or Options()
    if pipeline is None:
        from clamor.pipeline import Pipeline

        pipeline = Pipeline(options)
    seen: set[str] = set()
    with store.run(list(inputs)) as summary:

        def new_articles() -> Iterator[Article]:
            for item in items:
                if isinstance(item, ReadError):
                    summary.failed.append(str(item))
                    continue
                summary.read += 1
                if item.article_id in seen or store.has_article(item.article_id):
                    summary.skip("already stored")
                    continue
                seen.add(item.article_id)
                yield item

        for batch in _batches(new_articles(), batch_size):
            for extraction in _extract(pipeline, batch, summary, batch_size):
                Store.tally(summary, extraction, store.add(extraction, summary.run_id))
                if progress:
                    progress(summary)
            if progress:
                progress(summary)
    return summary


def _extract(pipeline: Any, batch: list[Article], summary: IngestSummary,
             batch_size: int) -> list[Extraction]:
    """Extract a batch; when the batch fails, retry one by one to isolate the bad article."""
    try:
        return list(pipeline.pipe(batch, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - an extraction bug must not stop a long ingest
        pass
    out = []
    for article in batch:
        try:
            out.append(pipeline.process(article))
        except Exception as exc:  # noqa: BLE001
            where = article.source_path or article.url or article.article_id
            if article.source_record:
                where = f"{where}:{article.source_record}"
            summary.failed.append(f"{where}: extraction failed: {type(exc).__name__}: {exc}")
    return out
