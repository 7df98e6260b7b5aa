"""Database URLs and SQLite connection settings."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from clamor.errors import DatabaseNotFoundError, StoreError
from clamor.store import open_store
from clamor.store.engine import default_path, make_engine, require_existing, resolve_url


def test_resolve_url(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAMOR_DB", raising=False)
    assert resolve_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("CLAMOR_DB", str(tmp_path / "env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"


def test_default_path_is_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAMOR_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "clamor" / "clamor.db"
    assert resolve_url() == f"sqlite:///{tmp_path / 'data' / 'clamor' / 'clamor.db'}"
    assert (tmp_path / "data" / "clamor").is_dir()


def test_sqlite_uses_wal_and_foreign_keys(tmp_path):
    store = open_store(tmp_path / "s.db")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    store.close()


def test_bad_urls_are_store_errors(tmp_path):
    with pytest.raises(StoreError):
        make_engine("mysql://u@h/db")
    with pytest.raises(StoreError):
        open_store(tmp_path / "no" / "such" / "folder" / "x.db")


def test_require_existing_refuses_only_a_missing_sqlite_file(tmp_path):
    missing = tmp_path / "nope.db"
    with pytest.raises(DatabaseNotFoundError, match="nope.db"):
        require_existing(resolve_url(missing))
    assert not missing.exists()
    open_store(tmp_path / "made.db").close()
    require_existing(resolve_url(tmp_path / "made.db"))
    require_existing("postgresql+psycopg://nobody@localhost/none")  # servers are not checked
    require_existing("sqlite://")  # in memory
