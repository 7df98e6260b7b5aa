"""`clamor events` (a thin layer over clamor.store)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from clamor.cli import cli
from tests.store.store_fakes import cli_ingested_db


@pytest.fixture
def db(tmp_path):
    return cli_ingested_db(tmp_path)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_events_json_and_filters(db):
    result = run("events", "--db", str(db), "--json", "--min-sources", "2")
    lines = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    assert len(lines) == 1
    assert lines[0]["corroboration"] == 3
    assert {d["field"] for d in lines[0]["disagreements"]} >= {"fatalities"}
    result = run("events", "--db", str(db), "--csv", "--near", "0.5,35.27,10")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["location"] for r in rows] == ["Eldoret"]
    result = run("events", "--db", str(db), "--text", "tear gas", "--since", "2024-06-01")
    assert "Nakuru" in result.output and "Eldoret" not in result.output


def test_events_bad_near_is_a_usage_error(db):
    result = run("events", "--db", str(db), "--near", "north")
    assert result.exit_code == 2


def test_env_var_names_the_database(db, monkeypatch):
    monkeypatch.setenv("CLAMOR_DB", str(db))
    result = run("events", "--csv")
    assert result.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(result.output)))) == 2


def test_table_shows_a_count_and_a_hint_when_limited(db):
    result = run("events", "--db", str(db), "--limit", "1")
    assert "1 event of 2" in result.output


@pytest.mark.parametrize("via_env", [False, True])
def test_a_missing_database_is_refused_not_created(tmp_path, monkeypatch, via_env):
    missing = tmp_path / "evnts.db"
    if via_env:
        monkeypatch.setenv("CLAMOR_DB", str(missing))
    result = run("events", *([] if via_env else ["--db", str(missing)]), "--csv")
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert str(missing) in line and "no such database" in line
    assert not missing.exists()
