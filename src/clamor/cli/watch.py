"""``clamor watch``: poll feeds and folders on an interval, ingesting what is new."""

from __future__ import annotations

import click

from clamor.cli import cli
from clamor.cli.db import db_option
from clamor.cli.inputs import build_options, model_options, prefilter_option, registry_option
from clamor.options import DEFAULT_MAX_BYTES

#: Default seconds between cycles: news sites update feeds every few minutes and ask
#: pollers not to come much more often.
DEFAULT_INTERVAL_S = 300


@cli.command("watch")
@click.argument("sources", nargs=-1, metavar="URL|FOLDER...")
@click.option("--feeds", "feed_list", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A file of feed URLs, one a line (# comments).")
@click.option("--interval", type=click.FloatRange(0), default=DEFAULT_INTERVAL_S,
              show_default=True, help="Seconds between cycles.")
@click.option("--cycles", type=click.IntRange(1), default=None,
              help="Stop after this many cycles (default: run until killed).")
@click.option("--state", "state_path", type=click.Path(dir_okay=False), default=None,
              help="State file (default: clamor-watch.json beside a SQLite --db, else here).")
@model_options
@registry_option
@prefilter_option
@db_option
@click.option("--pipeline", "pipeline_spec", hidden=True, default=None,
              help="MODULE:FACTORY building the pipeline (for tests).")
def watch_command(sources, feed_list, interval, cycles, state_path, db, pipeline_spec,
                  **model_kwargs) -> None:
    """Poll RSS/Atom feeds (URLs) and folders, ingesting only new articles into the store.

    Every cycle fetches each feed (conditional GET) and each new or changed file, stores
    the new articles with their events (merged as by clamor ingest) and logs one line.
    Idempotent and resumable: killed at any point, the next start picks up where it was.

    \b
    Example:
      clamor watch https://example.org/news.rss incoming/ --db events.db --interval 600
      clamor watch --feeds feeds.txt --db postgresql://me@dbhost/clamor --prefilter
      clamor watch incoming/ --db events.db --cycles 1
    """
    from pathlib import Path

    from clamor.cli.ingest import _load_pipeline
    from clamor.ingest.watch import Watcher, read_feed_list
    from clamor.store import open_store
    from clamor.store.engine import resolve_url

    sources = list(sources) + (read_feed_list(feed_list) if feed_list else [])
    if not sources:
        raise click.UsageError("give feed URLs, folders or --feeds FILE")
    options = build_options(max_size=DEFAULT_MAX_BYTES, id_column="id", url_column="url",
                            title_column="title", text_column="text",
                            published_column="published", **model_kwargs)
    if state_path is None:
        url = str(resolve_url(db))
        sqlite = url.startswith("sqlite:///") and url != "sqlite:///:memory:"
        state_path = (Path(url[len("sqlite:///"):]).with_name("clamor-watch.json") if sqlite
                      else Path("clamor-watch.json"))
    pipeline = _load_pipeline(pipeline_spec, options) if pipeline_spec else None
    store = open_store(db)
    try:
        Watcher(store, sources, state_path, options, pipeline).run(
            interval, cycles, log=lambda line: click.echo(line, err=True))
    finally:
        store.close()
