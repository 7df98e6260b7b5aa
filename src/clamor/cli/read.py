"""``clamor read``: read and clean articles, print the records."""

from __future__ import annotations

import click

from clamor.cli import cli
from clamor.cli.inputs import BatchReport, build_options, input_command, input_options, with_progress
from clamor.cli.output import RowWriter, output_options
from clamor.ingest import read
from clamor.models import Article

TABLE_COLUMNS = ("article_id", "status", "language", "published", "title", "publisher",
                 "dateline_place", "words", "removed", "source")

#: Table cells are cut to this many characters; --json and --csv print everything.
MAX_TITLE_CELL = 60


def _row(article: Article) -> dict:
    title = article.title or ""
    source = article.source_path or ""
    if article.source_record:
        source += f":{article.source_record}"
    return {
        "article_id": article.article_id,
        "status": article.status.value,
        "language": article.language,
        "published": article.published,
        "title": title if len(title) <= MAX_TITLE_CELL else title[: MAX_TITLE_CELL - 1] + "…",
        "publisher": article.publisher,
        "dateline_place": article.dateline_place,
        "words": len(article.text.split()),
        "removed": len(article.removed),
        "source": source,
    }


@cli.command("read")
@input_options
@output_options()
@input_command
def read_command(paths, fmt, progress, **input_kwargs) -> int:
    """Read and clean articles; print one record per article.

    PATH may be a file (text in any encoding, HTML, WARC, RSS/Atom, JSONL, CSV, or any
    of them gzipped), a directory (read recursively), a glob, or - for standard input.
    Exit status: 0 all inputs read, 1 some inputs failed, 2 usage error.

    \b
    Example:
      clamor read article.txt
      clamor read examples/ --json > articles.jsonl
      cat page.html | clamor read - --csv
    """
    options = build_options(**input_kwargs)
    report = BatchReport()
    writer = RowWriter(fmt, TABLE_COLUMNS, title="articles")
    for article in report.articles(with_progress(read(paths, options), progress)):
        if fmt == "json":
            writer.write(_row(article), full=article.model_dump(mode="json"))
        else:
            writer.write(_row(article))
    writer.close()
    return report.finish()
