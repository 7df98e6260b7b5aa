"""``clamor geoparse``: every place name in the articles, resolved to GeoNames."""

from __future__ import annotations

from clamor.cli import cli
from clamor.cli.inputs import BatchReport, build_options, input_command, input_options, with_progress
from clamor.cli.output import RowWriter, output_options
from clamor.ingest import read
from clamor.models import Toponym

TABLE_COLUMNS = ("article_id", "text", "start", "end", "place", "admin1", "country_code",
                 "lat", "lon", "geonames_id", "precision", "runner_up", "score")


def _row(article_id: str, t: Toponym) -> dict:
    p, r = t.place, t.runner_up
    return {
        "article_id": article_id, "text": t.text, "start": t.start, "end": t.end,
        "place": p.name if p else None, "admin1": p.admin1 if p else None,
        "country_code": p.country_code if p else None,
        "lat": p.lat if p else None, "lon": p.lon if p else None,
        "geonames_id": p.geonames_id if p else None, "precision": t.precision,
        "runner_up": f"{r.name} ({r.country_code or '-'})" if r else None, "score": t.score,
    }


@cli.command("geoparse")
@input_options
@output_options()
@input_command
def geoparse_command(paths, fmt, progress, **input_kwargs) -> int:
    """Find the place names in articles and resolve each to a GeoNames place.

    Prints one row per toponym: its character offsets in the clean text, the chosen
    place (name, admin1, country, coordinates, GeoNames id, precision 1 town / 2 near or
    district / 3 region or country) and the runner-up. The gazetteer index is built on
    first use (about 15 s) and cached in the user's cache directory.

    \b
    Example:
      clamor geoparse article.txt
      clamor geoparse examples/ --json > toponyms.jsonl
    """
    from clamor.geo import get_geoparser

    options = build_options(**input_kwargs)
    report = BatchReport()
    writer = RowWriter(fmt, TABLE_COLUMNS, title="toponyms")
    geoparser = get_geoparser()
    for article in report.articles(with_progress(read(paths, options), progress)):
        for toponym in geoparser.parse(article.text):
            full = {"article_id": article.article_id, **toponym.model_dump(mode="json")}
            writer.write(_row(article.article_id, toponym), full=full)
    writer.close()
    return report.finish()
