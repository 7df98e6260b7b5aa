"""The work of one ``clamor run`` partition, on a Dask worker.

:func:`run_partition` reads the partition's shards, runs :mod:`clamor.pipeline` (resources
loaded once per worker process and reused by every later task there) and writes two
Parquet files, each atomically: ``extractions/part-ID.parquet`` (one row per article: id,
status, event count, the whole Extraction as JSON) and ``article_events/part-ID.parquet``
(one row per article-level event, before merging across articles).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from clamor.distributed.partitions import Partition, read_partition
from clamor.models import ReadError
from clamor.options import Options

_WORKER_PIPELINES: dict = {}
#: One pipeline per process (a worker started with several threads shares it); spaCy's
#: pipe is not meant for concurrent calls on one model, so calls are serialised: start
#: workers with one thread each (``--nthreads 1``) and run more processes instead.
_LOCK = threading.Lock()


def _pipeline(options: Options, factory: str | None):
    """This process's pipeline, built once and reused by every task it runs."""
    from clamor.distributed.processes import build_pipeline

    key = (options, factory)
    if key not in _WORKER_PIPELINES:
        _WORKER_PIPELINES[key] = build_pipeline(options, factory)
    return _WORKER_PIPELINES[key]


def run_partition(partition: Partition, options: Options, out_dir: str,
                  factory: str | None = None) -> dict:
    """Extract one partition and write its Parquet files; returns its counts and errors."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    errors: list[str] = []
    articles = []
    for item in read_partition(partition, options):
        if isinstance(item, ReadError):
            errors.append(str(item))
        else:
            articles.append(item)
    with _LOCK:
        extractions = list(_pipeline(options, factory).pipe(articles))
    rows = [{"article_id": e.article.article_id, "status": e.article.status.value,
             "source_path": e.article.source_path, "source_record": e.article.source_record,
             "events": len(e.events), "extraction": e.model_dump_json()} for e in extractions]
    event_rows = [_event_row(e.article.article_id, ev) for e in extractions for ev in e.events]
    _write_atomic(pq, pa.Table.from_pylist(rows, schema=EXTRACTION_SCHEMA(pa)),
                  Path(out_dir) / "extractions" / f"part-{partition.id}.parquet")
    _write_atomic(pq, pa.Table.from_pylist(event_rows, schema=EVENT_SCHEMA(pa)),
                  Path(out_dir) / "article_events" / f"part-{partition.id}.parquet")
    statuses: dict[str, int] = {}
    for e in extractions:
        statuses[e.article.status.value] = statuses.get(e.article.status.value, 0) + 1
    return {"id": partition.id, "articles": len(extractions), "statuses": statuses,
            "errors": errors}


def EXTRACTION_SCHEMA(pa):  # noqa: N802 - a schema, built only where pyarrow is imported
    return pa.schema([("article_id", pa.string()), ("status", pa.string()),
                      ("source_path", pa.string()), ("source_record", pa.int64()),
                      ("events", pa.int64()), ("extraction", pa.string())])


#: Scalar event fields copied into ``article_events`` columns (the whole event is in ``event``).
EVENT_COLUMNS = ("event_id", "event_type", "sub_event_type", "event_date", "country", "admin1",
                 "location", "latitude", "longitude", "actor1", "actor2", "fatalities",
                 "confidence")


def EVENT_SCHEMA(pa):  # noqa: N802
    floats = {"latitude", "longitude", "confidence"}
    fields = [("article_id", pa.string())]
    fields += [(c, pa.float64() if c in floats else pa.int64() if c == "fatalities"
                else pa.string()) for c in EVENT_COLUMNS]
    return pa.schema(fields + [("event", pa.string())])


def _event_row(article_id: str, event) -> dict:
    data = event.model_dump(mode="json")
    row = {"article_id": article_id, **{c: data.get(c) for c in EVENT_COLUMNS}}
    row["event"] = event.model_dump_json()
    return row


def _write_atomic(pq, table, path: Path) -> None:
    """Write then rename: a partition file exists whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)
