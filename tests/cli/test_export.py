"""`clamor export` (a thin layer over clamor.store)."""

from __future__ import annotations

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


def test_export_to_file(db, tmp_path):
    out = tmp_path / "events.geojson"
    result = run("export", "--db", str(db), "--format", "geojson", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text())["features"]) == 2


def test_parquet_to_standard_output_is_a_usage_error(db):
    result = run("export", "--db", str(db), "--format", "parquet")
    assert result.exit_code == 2
    assert "-o FILE" in result.output and "Traceback" not in result.output


def test_a_missing_database_is_refused_not_created(tmp_path):
    missing = tmp_path / "evnts.db"
    result = run("export", "--db", str(missing), "--format", "geojson")
    assert result.exit_code == 2
    assert str(missing) in result.output and "no such database" in result.output
    assert not missing.exists()


def test_reviewed_only_keeps_accepted_and_edited_events(db, tmp_path):
    from clamor.store import open_store
    from clamor.store import review

    store = open_store(db)
    first, second = store.query_events()
    review.edit(store, first.event_id, "fatalities", 1, "ann")
    review.reject(store, second.event_id, "ann")
    store.close()
    out = tmp_path / "reviewed.jsonl"
    result = run("export", "--db", str(db), "--format", "jsonl", "--reviewed-only", "-o", str(out))
    assert result.exit_code == 0, result.output
    (line,) = out.read_text().splitlines()
    assert json.loads(line)["event_id"] == first.event_id
    assert json.loads(line)["event"]["fatalities"] == 1
