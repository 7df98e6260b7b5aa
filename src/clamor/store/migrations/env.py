"""Alembic environment for clamor's store.

Run through :func:`clamor.store.migrate.upgrade` (``clamor db upgrade``), which passes
an open connection in ``config.attributes["connection"]``; the plain ``alembic`` command
also works with ``-x url=...``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, text

from clamor.store.schema import include_name, metadata

#: Any fixed 64-bit number: the PostgreSQL advisory lock that serialises migrations run
#: by several processes at once (the second waits, then finds the schema at head).
MIGRATION_LOCK_KEY = 727_001


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


if context.is_offline_mode():
    raise SystemExit("clamor's migrations run online only: use `clamor db upgrade`")
run_migrations_online()
