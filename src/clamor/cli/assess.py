"""``clamor assess``: who published each article, their affiliation, and how it speaks."""

from __future__ import annotations

import click

from clamor.cli import cli
from clamor.cli.inputs import (BatchReport, build_options, input_command, input_options, registry_option,
                               with_progress)
from clamor.cli.output import RowWriter, output_options
from clamor.ingest import read
from clamor.models import Article, SourceAssessment

TABLE_COLUMNS = ("article_id", "publisher", "publisher_type", "affiliation_country", "partisan",
                 "loaded_per_1k", "unattributed_per_1k", "signals", "publisher_evidence")
CSV_COLUMNS = ("article_id", "publisher", "publisher_type", "affiliation_country",
               "party_to_conflict", "partisan", "citation", "publisher_evidence",
               "rate_loaded_term", "rate_intensifier", "rate_hedge", "rate_attributed_claim",
               "rate_unattributed_claim", "rate_first_person_advocacy", "rate_call_to_action",
               "signals", "summary", "source")
SIGNAL_COLUMNS = ("article_id", "kind", "category", "start", "end", "text")


def _row(article: Article, assessment: SourceAssessment) -> dict:
    source = article.source_path or ""
    if article.source_record:
        source += f":{article.source_record}"
    row = {
        "article_id": article.article_id,
        **assessment.model_dump(exclude={"signals", "rates"}),
        "loaded_per_1k": assessment.rates.get("loaded_term"),
        "unattributed_per_1k": assessment.rates.get("unattributed_claim"),
        "signals": len(assessment.signals),
        "source": source,
    }
    row.update({f"rate_{kind}": rate for kind, rate in assessment.rates.items()})
    return row


@cli.command("assess")
@input_options
@registry_option
@click.option("--signals", "per_signal", is_flag=True,
              help="Print one row per language signal (kind, category, offsets, text).")
@output_options()
@input_command
def assess_command(paths, fmt, progress, per_signal, **input_kwargs) -> int:
    """Assess each article's source: publisher, documented affiliation, language signals.

    The publisher comes from the byline, site name, URL or a dateline masthead and is
    looked up in the publisher registry, which records documented affiliations (wire,
    independent, state-owned, state-run, opposition or advocacy, party to the conflict),
    not verdicts on truthfulness. Rates are signals per 1,000 words.

    \b
    Example:
      clamor assess article.txt
      clamor assess examples/ --json > sources.jsonl
      clamor assess article.txt --signals --csv
      clamor assess feed.xml --registry my_outlets.toml
    """
    from clamor.assess import assess_source

    options = build_options(**input_kwargs)
    report = BatchReport()
    if per_signal:
        writer = RowWriter(fmt, SIGNAL_COLUMNS, title="source signals")
    else:
        columns = CSV_COLUMNS if fmt == "csv" else TABLE_COLUMNS
        writer = RowWriter(fmt, columns, title="sources")
    for article in report.articles(with_progress(read(paths, options), progress)):
        assessment = assess_source(article, options)
        if per_signal:
            for signal in assessment.signals:
                writer.write({"article_id": article.article_id, **signal.model_dump()})
        elif fmt == "json":
            writer.write({}, full={"article_id": article.article_id,
                                   "source_path": article.source_path,
                                   "source": assessment.model_dump(mode="json")})
        else:
            writer.write(_row(article, assessment))
    writer.close()
    return report.finish()
