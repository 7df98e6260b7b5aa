"""``clamor db``: create or migrate the store; the ``--db`` option the store commands share."""

from __future__ import annotations

from collections.abc import Callable

import click

from clamor.cli import cli

DB_HELP = ("Database: a SQLite file path or a postgresql:// URL "
           "(default: $CLAMOR_DB, else clamor.db in the user data folder).")


def db_option(func: Callable) -> Callable:
    """Add ``--db URL`` (the command receives ``db``)."""
    return click.option("--db", "db", metavar="URL", envvar="CLAMOR_DB", default=None,
                        help=DB_HELP)(func)


def open_existing_store(db: str | None, upgrade: bool = True):
    """Open the store for a command that only reads: a SQLite file that does not exist is
    refused (:class:`clamor.errors.DatabaseNotFoundError`, exit 2) rather than created
    empty; only ``ingest`` and ``db upgrade`` create a database."""
    from clamor.store import open_store
    from clamor.store.engine import require_existing, resolve_url

    url = resolve_url(db)
    require_existing(url)
    return open_store(url, upgrade=upgrade)


@cli.group("db")
def db_group() -> None:
    """Create, migrate and inspect the event store.

    \b
    Example:
      clamor db upgrade --db events.db
      clamor db info
    """


@db_group.command("upgrade")
@db_option
def upgrade_command(db: str | None) -> None:
    """Create the database or migrate it to the newest schema.

    \b
    Example:
      clamor db upgrade
      clamor db upgrade --db postgresql://clamor@localhost/clamor
    """
    from clamor.store import open_store

    store = open_store(db, upgrade=False)
    before = store.revision()
    after = store.upgrade()
    click.echo(f"{store.url}: {'up to date' if before == after else 'migrated'} "
               f"(revision {before or 'none'} -> {after})", err=True)


@db_group.command("info")
@db_option
def info_command(db: str | None) -> None:
    """Print the database URL, schema revision and rows per table.

    \b
    Example:
      clamor db info --db events.db
    """
    store = open_existing_store(db, upgrade=False)
    click.echo(f"database: {store.url}")
    click.echo(f"revision: {store.revision() or 'none (run clamor db upgrade)'}")
    if store.revision():
        for table, n in store.counts().items():
            click.echo(f"{table}: {n}")
