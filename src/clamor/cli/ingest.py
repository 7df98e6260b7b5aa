"""``clamor ingest``: read, extract and store articles, merging their events."""

from __future__ import annotations

import importlib
import sys

import click

from clamor.cli import cli
from clamor.cli.db import db_option
from clamor.cli.inputs import (build_options, input_command, input_options, model_options,
                               prefilter_option, registry_option, workers_option)
from clamor.store.ingest import DEFAULT_BATCH_SIZE


def _load_pipeline(spec: str, options):
    """``module:factory`` -> factory(options) (used by tests to inject a fake pipeline)."""
    module, _, name = spec.partition(":")
    if not name:
        raise click.BadParameter("use MODULE:FACTORY", param_hint="--pipeline")
    return getattr(importlib.import_module(module), name)(options)


@cli.command("ingest")
@input_options
@model_options
@registry_option
@prefilter_option
@workers_option
@db_option
@click.option("--batch-size", type=click.IntRange(1), default=DEFAULT_BATCH_SIZE,
              show_default=True, help="Articles extracted at once.")
@click.option("--pipeline", "pipeline_spec", hidden=True, default=None,
              help="MODULE:FACTORY building the pipeline (for tests).")
@input_command
def ingest_command(paths, db, batch_size, pipeline_spec, progress, workers, **input_kwargs) -> int:
    """Read articles, extract their events and store them, merging events across articles.

    Articles already stored (the same clean text from any file or URL) are skipped, so
    re-running after an interruption finishes the job. Prints a summary on stderr.
    Exit status: 0 all inputs processed, 1 some inputs failed, 2 usage error.

    \b
    Example:
      clamor ingest articles/ --db events.db
      clamor ingest feed.xml crawl.warc.gz --registry my_outlets.toml
      clamor ingest news.jsonl --prefilter --workers 2
      CLAMOR_DB=postgresql://me@dbhost/clamor clamor ingest news.jsonl
    """
    options = build_options(**input_kwargs)
    if pipeline_spec and ":" not in pipeline_spec:
        raise click.BadParameter("use MODULE:FACTORY", param_hint="--pipeline")
    if workers > 1:
        from clamor.distributed.processes import ProcessPipeline

        # Workers parse while the parent stores: a batch keeps every worker busy.
        pipeline = ProcessPipeline(options, workers, factory=pipeline_spec)
        batch_size *= workers
    else:
        pipeline = _load_pipeline(pipeline_spec, options) if pipeline_spec else None
    try:
        return _ingest(paths, db, options, pipeline, batch_size, progress)
    finally:
        getattr(pipeline, "close", lambda: None)()


def _ingest(paths, db, options, pipeline, batch_size, progress) -> int:
    from clamor.store import ingest_paths, open_store

    store = open_store(db)
    if progress is None:
        progress = sys.stderr.isatty()
    if progress:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                      TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("", total=None)

            def update(summary) -> None:
                bar.update(task, description=(
                    f"{summary.read} read, {summary.stored} stored, "
                    f"{summary.new_events} new events, {summary.merged_events} merged"))

            summary = ingest_paths(store, paths, options, pipeline=pipeline,
                                   batch_size=batch_size, progress=update)
    else:
        summary = ingest_paths(store, paths, options, pipeline=pipeline, batch_size=batch_size)
    for line in summary.lines():
        click.echo(line, err=True)
    store.close()
    return 1 if summary.failed else 0
