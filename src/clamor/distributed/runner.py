"""``clamor run``: the pipeline over a Dask cluster, partition by partition.

1. :func:`clamor.distributed.partitions.plan` shards the inputs into partitions.
2. Each partition is one Dask task (:func:`clamor.distributed.tasks.run_partition`) that
   writes its own Parquet files under the work folder.
3. The driver records each finished partition in ``manifest.json``; a failed partition is
   retried (``retries``), then reported, and the others go on. Re-running with the same
   inputs skips the partitions already done.
4. Events are merged across partitions by the store's own rules: the driver adds each
   partition's extractions, one partition per batch, to the store (``--db``, e.g.
   PostgreSQL) or, for ``--out parquet:DIR``, to ``DIR/clamor.db``, then exports the merged
   events to ``DIR/events.parquet``. Adding is idempotent: stored articles are skipped.

No scheduler address: a ``LocalCluster`` of ``workers`` single-threaded processes.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from clamor.distributed.partitions import DEFAULT_PARTITION_BYTES, Partition, plan
from clamor.distributed.tasks import run_partition
from clamor.errors import ClamorError
from clamor.models import Extraction
from clamor.options import Options

#: A partition is tried this many extra times before it is reported failed: enough to
#: survive a worker lost once (pre-emption, a neighbour's OOM kill), few enough that a
#: partition that always kills its worker does not do so for long.
DEFAULT_RETRIES = 2

MANIFEST = "manifest.json"


class RunnerDependencyError(ClamorError):
    """clamor run needs Dask and pyarrow: pip install 'clamor[distributed]'."""


@dataclass
class RunSummary:
    """What one ``clamor run`` did, printed as one line at the end."""

    partitions: int = 0
    skipped: int = 0
    done: int = 0
    failed_partitions: list[str] = field(default_factory=list)
    articles: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    failed_inputs: list[str] = field(default_factory=list)
    stored: int = 0
    events: int = 0

    def line(self) -> str:
        status = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(self.statuses.items())
                           if s != "ok")
        return (f"{self.partitions} partitions ({self.skipped} already done, {self.done} run, "
                f"{len(self.failed_partitions)} failed), {self.articles} articles"
                + (f" ({status})" if status else "")
                + f", {len(self.failed_inputs)} inputs failed, {self.stored} articles stored, "
                f"{self.events} merged events")

    @property
    def failed(self) -> bool:
        return bool(self.failed_partitions or self.failed_inputs)


@dataclass
class RunConfig:
    """Where results go and how the cluster is reached."""

    work_dir: Path
    db: str | None = None          # a store URL; None: DIR/clamor.db + DIR/events.parquet
    scheduler: str | None = None   # a Dask scheduler address; None: a LocalCluster
    workers: int = 2
    partition_bytes: int = DEFAULT_PARTITION_BYTES
    retries: int = DEFAULT_RETRIES
    factory: str | None = None     # MODULE:FACTORY building the pipeline (tests)


class Manifest:
    """``manifest.json``: partition id -> its result, written after each partition."""

    def __init__(self, work_dir: Path):
        self.path = work_dir / MANIFEST
        self.done: dict[str, dict] = {}
        if self.path.is_file():
            self.done = json.loads(self.path.read_text(encoding="utf-8")).get("partitions", {})

    def is_done(self, partition: Partition, work_dir: Path) -> bool:
        return partition.id in self.done and _part_file(work_dir, partition.id).is_file()

    def record(self, result: dict) -> None:
        self.done[result["id"]] = result
        tmp = self.path.with_name(MANIFEST + ".tmp")
        tmp.write_text(json.dumps({"partitions": self.done}, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


def _part_file(work_dir: Path, pid: str) -> Path:
    return work_dir / "extractions" / f"part-{pid}.parquet"


def run(paths: list[str], options: Options, config: RunConfig,
        log: Callable[[str], None] = print) -> RunSummary:
    """Shard, extract on the cluster, then merge into the store; see the module docstring."""
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        raise RunnerDependencyError(RunnerDependencyError.__doc__) from None
    config.work_dir.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    partitions, errors = plan(paths, config.partition_bytes)
    summary.failed_inputs += [str(e) for e in errors]
    summary.partitions = len(partitions)
    manifest = Manifest(config.work_dir)
    todo = [p for p in partitions if not manifest.is_done(p, config.work_dir)]
    summary.skipped = len(partitions) - len(todo)
    if todo:
        _compute(todo, options, config, manifest, summary, log)
    for p in partitions:
        if p.id in manifest.done:
            _count(summary, manifest.done[p.id])
    _merge([p for p in partitions if p.id in manifest.done], config, summary, log)
    return summary


def _count(summary: RunSummary, result: dict) -> None:
    summary.articles += result["articles"]
    for status, n in result["statuses"].items():
        summary.statuses[status] = summary.statuses.get(status, 0) + n
    summary.failed_inputs += result["errors"]


def _cluster(config: RunConfig):
    """A client for the scheduler, or for a new LocalCluster (closed with the client)."""
    from distributed import Client, LocalCluster

    if config.scheduler:
        return Client(config.scheduler), None
    # Workers still parsing when the cluster closes are killed with a warning: not news.
    cluster = LocalCluster(n_workers=config.workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0", host="127.0.0.1", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _dashboard_note() -> str:
    import importlib.util

    return "" if importlib.util.find_spec("bokeh") else " (pip install bokeh to serve it)"


def _compute(todo: list[Partition], options: Options, config: RunConfig, manifest: Manifest,
             summary: RunSummary, log: Callable[[str], None]) -> None:
    from distributed import as_completed

    client, cluster = _cluster(config)
    try:
        log(f"dashboard: {client.dashboard_link}" + _dashboard_note())
        futures = {client.submit(run_partition, p, options, str(config.work_dir), config.factory,
                                 retries=config.retries, pure=False, key=f"clamor-part-{p.id}"): p
                   for p in todo}
        for n, future in enumerate(as_completed(futures), start=1):
            partition = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a failed partition must not stop the rest
                summary.failed_partitions.append(partition.id)
                log(f"partition {partition.id} failed after {config.retries} retries: "
                    f"{type(exc).__name__}: {exc} ({', '.join(s.path for s in partition.shards)})")
                continue
            manifest.record(result)
            summary.done += 1
            log(f"[{n}/{len(todo)}] partition {partition.id}: {result['articles']} articles")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _merge(done: list[Partition], config: RunConfig, summary: RunSummary,
           log: Callable[[str], None]) -> None:
    """Add every done partition's extractions to the store, a partition per batch."""
    import pyarrow.parquet as pq

    from clamor.store import open_store

    store = open_store(config.db or config.work_dir / "clamor.db")
    try:
        with store.run([f"clamor run: {config.work_dir}"]) as ingest:
            for p in done:
                table = pq.read_table(_part_file(config.work_dir, p.id), columns=["extraction"])
                for text in table.column("extraction").to_pylist():
                    extraction = Extraction.model_validate_json(text)
                    ingest.read += 1
                    store.tally(ingest, extraction, store.add(extraction, ingest.run_id))
        summary.stored = ingest.stored
        summary.events = store.count_events()
        if config.db is None:
            out = config.work_dir / "events.parquet"
            store.export("parquet", str(out))
            log(f"merged events: {out}")
    finally:
        store.close()
