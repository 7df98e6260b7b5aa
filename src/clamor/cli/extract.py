"""``clamor extract``: read articles and print their events and reactions."""

from __future__ import annotations

import click

from clamor.cli import cli
from clamor.cli.inputs import (BatchReport, build_options, input_command, input_options, model_options,
                               prefilter_option, registry_option, with_progress, workers_option)
from clamor.cli.output import RowWriter, output_options
from clamor.models import Event, Extraction

TABLE_COLUMNS = ("article_id", "event_id", "event_type", "sub_event_type", "event_date", "location",
                 "country", "actor1", "actor2", "fatalities", "injuries", "confidence")


def _row(extraction: Extraction, event: Event | None) -> dict:
    row = {"article_id": extraction.article.article_id}
    if event is not None:
        row.update(event.model_dump(include=set(TABLE_COLUMNS)))
        if event.injuries is None and event.injuries_estimate is not None:
            row["injuries"] = event.injuries_estimate.text
    return row


@cli.command("extract")
@input_options
@model_options
@registry_option
@prefilter_option
@workers_option
@output_options()
@input_command
def extract_command(paths, fmt, progress, workers, **input_kwargs) -> int:
    """Extract events (ACLED taxonomy) and third-party reactions from articles.

    --json prints one object per article: {"article", "events", "reactions", "source"},
    every event with evidence offsets into the article's clean text. --table and --csv
    print one row per event. Exit status: 0 all inputs read, 1 some inputs failed.

    \b
    Example:
      clamor extract article.txt --json
      clamor extract news/ --csv > events.csv
      clamor extract page.html --model my_model.npz --table
      clamor extract news.jsonl --spacy-model en_core_web_lg --json
      clamor extract feed.xml --registry my_outlets.toml --json
      clamor extract news.jsonl --prefilter --workers 2 --csv > events.csv
    """
    from clamor.ingest import read
    from clamor.distributed.processes import pipeline_for

    options = build_options(**input_kwargs)
    report = BatchReport()
    writer = RowWriter(fmt, TABLE_COLUMNS, title="events")
    articles = report.articles(with_progress(read(paths, options), progress, label="extracting"))
    pipeline = pipeline_for(options, workers)
    try:
        for extraction in pipeline.pipe(articles):
            report.extracted(extraction)
            if fmt == "json":
                writer.write(_row(extraction, None), full=extraction.model_dump(mode="json"))
                continue
            for event in extraction.events:
                writer.write(_row(extraction, event))
    finally:
        getattr(pipeline, "close", lambda: None)()
    writer.close()
    return report.finish()
