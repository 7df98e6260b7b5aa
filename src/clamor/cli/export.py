"""``clamor export``: write stored events as ACLED CSV, GeoJSON, JSON Lines or Parquet."""

from __future__ import annotations

import click

from clamor.cli import cli
from clamor.cli.db import db_option, open_existing_store
from clamor.store.export import FORMATS


@cli.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="acled-csv",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file (default: standard output; Parquet needs a file).")
@click.option("--country", help="Only events in this country (name or alpha-2 code).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Events on or after this date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Events on or before this date.")
@click.option("--min-sources", type=click.IntRange(1), help="Events reported by at least N articles.")
@click.option("--reviewed-only", is_flag=True,
              help="Only events a reviewer accepted or edited (clamor serve), not rejected ones.")
def export_command(db, fmt, output, country, since, until, min_sources, reviewed_only) -> None:
    """Export stored events.

    acled-csv has ACLED's columns in ACLED's order (scripts written for ACLED exports
    run unchanged), then clamor's own (corroboration, publishers, disagreements, ...).

    \b
    Example:
      clamor export --format acled-csv -o events.csv
      clamor export --format geojson --country KE -o kenya.geojson
      clamor export --format parquet -o events.parquet
      clamor export --reviewed-only -o reviewed.csv
    """
    from clamor.store import EventFilters

    if fmt == "parquet" and output == "-":
        raise click.UsageError("Parquet is binary: give an output file with -o FILE")
    store = open_existing_store(db)
    filters = EventFilters(country=country, since=since.date() if since else None,
                           until=until.date() if until else None, min_sources=min_sources,
                           review="reviewed" if reviewed_only else None)
    n = store.export(fmt, None if output == "-" else output, filters)
    click.echo(f"exported {n} event{'s' if n != 1 else ''} as {fmt}", err=True)
    store.close()
