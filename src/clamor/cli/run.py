"""``clamor run``: extract and store a corpus on a Dask cluster (clamor.distributed.runner)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from clamor.cli import cli
from clamor.cli.inputs import (ByteSize, build_options, input_command, input_options, model_options,
                               prefilter_option, registry_option)
from clamor.distributed.partitions import DEFAULT_PARTITION_BYTES
from clamor.distributed.runner import DEFAULT_RETRIES

#: Where partition files and the manifest go with --db when no --work-dir is given.
DEFAULT_WORK_DIR = "clamor-run"


def _out_dir(value: str | None) -> Path | None:
    if value is None:
        return None
    kind, sep, folder = value.partition(":")
    if kind != "parquet" or not sep or not folder:
        raise click.BadParameter("use parquet:DIR", param_hint="--out")
    return Path(folder)


@cli.command("run")
@input_options
@model_options
@registry_option
@prefilter_option
@click.option("--db", metavar="URL", default=None,
              help="Store merged events here (SQLite path or postgresql:// URL).")
@click.option("--out", metavar="parquet:DIR", default=None,
              help="Write partitioned Parquet and the merged events (DIR/events.parquet) here.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler (tcp://host:8786); default: a local cluster.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Worker processes of the local cluster (default: CPU count).")
@click.option("--work-dir", type=click.Path(file_okay=False), default=None,
              help=f"Partition files and manifest (default: the --out DIR, else ./{DEFAULT_WORK_DIR}).")
@click.option("--partition-size", type=ByteSize(), default=DEFAULT_PARTITION_BYTES,
              show_default="1MB", help="Input bytes per partition.")
@click.option("--retries", type=click.IntRange(0), default=DEFAULT_RETRIES, show_default=True,
              help="Extra tries of a failed partition before it is reported.")
@click.option("--pipeline", "pipeline_spec", hidden=True, default=None,
              help="MODULE:FACTORY building the pipeline (for tests).")
@input_command
def run_command(paths, db, out, scheduler, workers, work_dir, partition_size, retries,
                pipeline_spec, progress, **input_kwargs) -> int:
    """Extract and store a corpus on a Dask cluster, partition by partition.

    Inputs are sharded into partitions (large files split by record); each worker loads
    its models once; partitions land in WORK_DIR as Parquet, recorded in a manifest, so a
    re-run skips what is done. A failed partition is retried, then reported; the others
    go on. Events are then merged across partitions with the store's rules, into --db or
    into DIR/clamor.db and DIR/events.parquet. Exit status: 0 ok, 1 some inputs or
    partitions failed, 2 usage error.

    \b
    Example:
      clamor run news/ --out parquet:results --workers 4
      clamor run crawl.warc.gz --db postgresql://me@dbhost/clamor --scheduler tcp://head:8786
      clamor run news.jsonl --out parquet:results --prefilter
    """
    from clamor.distributed.runner import RunConfig, run

    folder = _out_dir(out)
    if (folder is None) == (db is None):
        raise click.UsageError("give exactly one of --db URL or --out parquet:DIR")
    if scheduler and workers:
        raise click.UsageError("--workers sizes the local cluster; a --scheduler has its own")
    options = build_options(**input_kwargs)
    config = RunConfig(work_dir=Path(work_dir) if work_dir else folder or Path(DEFAULT_WORK_DIR),
                       db=db, scheduler=scheduler, workers=workers or os.cpu_count() or 1,
                       partition_bytes=partition_size, retries=retries, factory=pipeline_spec)
    summary = run(list(paths), options, config, log=lambda line: click.echo(line, err=True))
    for line in summary.failed_inputs[:20]:
        click.echo(f"error: {line}", err=True)
    click.echo(summary.line(), err=True)
    return 1 if summary.failed else 0
