"""Database URLs and engines: SQLite (embedded default) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from clamor.errors import DatabaseNotFoundError, StoreError

#: Seconds a SQLite writer waits for another process's write lock before giving up.
#: Ingest transactions are one article each (milliseconds), so a minute is only ever
#: reached when another process holds the database for a long migration or is stuck.
SQLITE_BUSY_TIMEOUT_S = 60.0

#: Environment variable naming the database (a URL or a SQLite file path).
ENV_VAR = "CLAMOR_DB"


def default_path() -> Path:
    """The default SQLite file: ``clamor.db`` in the platform's user data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("clamor", appauthor=False)) / "clamor.db"


def resolve_url(url: str | os.PathLike | None = None) -> str:
    """The database URL: ``url``, else ``$CLAMOR_DB``, else the default SQLite file.

    A bare path means a SQLite file; ``postgresql://`` and ``postgres://`` URLs use
    psycopg 3.
    """
    raw = str(url) if url is not None else os.environ.get(ENV_VAR) or ""
    if not raw:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in raw:
        path = Path(raw).expanduser().resolve()
        return f"sqlite:///{path}"
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


def require_existing(url: str) -> None:
    """Raise :class:`DatabaseNotFoundError` when ``url`` (resolved) names a SQLite file that
    does not exist: opening it would silently create an empty database, so a mistyped
    ``--db`` on a command that only reads would report 0 events. Server URLs pass."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{url}: not a database URL or path") from exc
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    if not Path(parsed.database).expanduser().is_file():
        raise DatabaseNotFoundError(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine configured for clamor's transactions on ``url``."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{url}: not a database URL or path") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if backend == "postgresql":
        if parsed.get_driver_name() != "psycopg":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'clamor[postgres]'") from exc
    raise StoreError(f"{url}: unsupported database (use a SQLite path or a postgresql:// URL)")


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        parent = Path(database).expanduser().parent
        if not parent.is_dir():
            raise StoreError(f"{database}: folder {parent} does not exist")
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        cur.execute("PRAGMA foreign_keys = ON")
        if database and database != ":memory:":
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # Writers take the write lock up front (BEGIN IMMEDIATE), so two processes never
        # deadlock upgrading read locks; readers use a plain deferred BEGIN.
        if conn.get_execution_options().get("clamor_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine
