"""Store fixtures: every store test runs on SQLite and, when CLAMOR_TEST_PG is set, on
PostgreSQL (a fresh database per test on that server; .ci/start-postgres.sh starts one)."""

from __future__ import annotations

import os
import uuid

import pytest

PG_ENV = "CLAMOR_TEST_PG"


def _pg_admin_engine(url: str):
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = make_url(url).set(database="postgres")
    return create_engine(admin, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template():
    """A migrated PostgreSQL database that each test's database is copied from (fast)."""
    base = os.environ.get(PG_ENV)
    if not base:
        yield None
        return
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from clamor.store import open_store

    name = f"clamor_tmpl_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine(base)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        open_store(make_url(base).set(database=name).render_as_string(hide_password=False)).close()
        yield name
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin, name: str) -> None:
    from sqlalchemy import text

    with admin.connect() as conn:
        conn.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
            {"d": name})
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A URL of a database on each backend (PostgreSQL: already migrated, from a template)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clamor.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set (run .ci/start-postgres.sh)")
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    template = request.getfixturevalue("pg_template")
    name = f"clamor_t_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine(base)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


@pytest.fixture
def store(db_url):
    """An open, migrated store on each backend."""
    from clamor.store import open_store

    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def extractions():
    """The four team-written fixture articles with hand-built extractions."""
    from tests.store.store_fakes import fixture_extractions

    return fixture_extractions()
