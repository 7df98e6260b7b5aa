"""`clamor db` and the database file in peer tools (a thin layer over clamor.store)."""

from __future__ import annotations

import sqlite3
import subprocess

import pytest
from click.testing import CliRunner

from clamor.cli import cli
from tests.store.store_fakes import cli_ingested_db


@pytest.fixture
def db(tmp_path):
    return cli_ingested_db(tmp_path)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_db_upgrade_and_info(tmp_path):
    path = tmp_path / "new.db"
    result = run("db", "upgrade", "--db", str(path))
    assert result.exit_code == 0
    assert "migrated" in result.output
    assert "up to date" in run("db", "upgrade", "--db", str(path)).output
    info = run("db", "info", "--db", str(path)).output
    assert "revision: 0003" in info and "events: 0" in info


def test_db_info_refuses_a_missing_database_and_creates_nothing(tmp_path):
    missing = tmp_path / "evnts.db"
    result = run("db", "info", "--db", str(missing))
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert str(missing) in line and "no such database" in line
    assert not missing.exists()


def test_ingest_creates_a_missing_database(db):
    assert db.is_file()  # the fixture's `clamor ingest --db` made it


def test_db_opens_in_the_sqlite3_module_with_readable_views(db):
    conn = sqlite3.connect(db)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "events", "event_sources", "event_list", "article_list"} <= names
    rows = conn.execute("SELECT location, corroboration FROM event_list ORDER BY location").fetchall()
    assert rows == [("Eldoret", 1), ("Nakuru", 3)]
    hits = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'mortuary'")
    assert hits.fetchone() == (1,)


def test_db_opens_in_the_sqlite3_shell(db):
    out = subprocess.run(["sqlite3", "-header", "-csv", str(db),
                          "SELECT location, corroboration FROM event_list ORDER BY location;"],
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["location,corroboration", "Eldoret,1", "Nakuru,3"]


@pytest.mark.parametrize("command", [["ingest"], ["events"], ["export"], ["db"],
                                     ["db", "upgrade"], ["db", "info"]])
def test_help_has_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
