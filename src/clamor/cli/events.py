"""``clamor events``: query stored events."""

from __future__ import annotations

from dataclasses import replace

import click

from clamor.cli import cli
from clamor.cli.db import db_option, open_existing_store
from clamor.cli.output import RowWriter, output_options

#: The table view shows at most this many events unless --limit is given (a rich table of
#: thousands of rows is unreadable; --csv and --json print everything).
TABLE_LIMIT = 50


class NearType(click.ParamType):
    """``LAT,LON,KM``."""

    name = "lat,lon,km"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        try:
            lat, lon, km = (float(x) for x in str(value).split(","))
        except ValueError:
            self.fail(f"{value!r} is not LAT,LON,KM (e.g. -1.29,36.82,25)", param, ctx)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
            self.fail(f"{value!r}: latitude, longitude or radius out of range", param, ctx)
        return lat, lon, km


@cli.command("events")
@db_option
@click.option("--country", help="Country name or ISO alpha-2 code.")
@click.option("--admin1", help="First-level region (province, state).")
@click.option("--type", "event_type", help="ACLED event type, e.g. Protests.")
@click.option("--sub-type", "sub_event_type", help="ACLED sub-event type, e.g. 'Peaceful protest'.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Events on or after this date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Events on or before this date.")
@click.option("--near", type=NearType(), help="Events within KM of LAT,LON.")
@click.option("--actor", help="Text in an actor or associated actor name.")
@click.option("--text", help="Full-text search over the reporting articles.")
@click.option("--min-sources", type=click.IntRange(1), help="Events reported by at least N articles.")
@click.option("--review", type=click.Choice(["reviewed", "unreviewed", "accepted", "edited",
                                             "rejected"]),
              help="Review state (clamor serve): reviewed is accepted or edited.")
@click.option("--limit", type=click.IntRange(1), default=None,
              help=f"Print at most N events (table default: {TABLE_LIMIT}).")
@output_options()
def events_command(db, fmt, since, until, limit, **filters) -> None:
    """List stored events, newest first, with how many articles report each.

    --json prints each event in full: chosen values, every source, the rule that chose
    each field and the fields the sources disagree on.

    \b
    Example:
      clamor events --country Kenya --since 2024-06-01 --min-sources 2
      clamor events --near -0.28,36.07,20 --type Protests --csv > nakuru.csv
      clamor events --text "tear gas" --json
    """
    from clamor.store import EventFilters
    from clamor.store.records import ROW_COLUMNS

    store = open_existing_store(db)
    query = EventFilters(since=since.date() if since else None,
                         until=until.date() if until else None, limit=limit, **filters)
    if fmt == "table" and limit is None:
        query = replace(query, limit=TABLE_LIMIT)
    writer = RowWriter(fmt, ROW_COLUMNS, title="events")
    n = 0
    events = store.query_events(query) if query.limit else store.iter_events(query)
    for stored in events:
        writer.write(stored.row(), full=stored.model_dump(mode="json"))
        n += 1
    writer.close()
    if fmt == "table":
        total = store.count_events(query)
        more = f" of {total} (use --limit N, --csv or --json for more)" if total > n else ""
        click.echo(f"{n} event{'s' if n != 1 else ''}{more}", err=True)
    store.close()
