"""`clamor ingest` (a thin layer over clamor.store)."""

from __future__ import annotations


import pytest
from click.testing import CliRunner

from clamor.cli import cli
from tests.store.store_fakes import ARTICLES, FAKE_PIPELINE, cli_ingested_db


@pytest.fixture
def db(tmp_path):
    return cli_ingested_db(tmp_path)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_ingest_twice_skips_everything(db):
    result = run("ingest", str(ARTICLES), "--db", str(db), "--pipeline", FAKE_PIPELINE)
    assert result.exit_code == 0
    assert "skipped 4: already stored" in result.output


def test_ingest_reports_failed_inputs_with_exit_1(db, tmp_path):
    result = run("ingest", str(tmp_path / "nope.txt"), "--db", str(db), "--pipeline", FAKE_PIPELINE)
    assert result.exit_code == 1
    assert "nope.txt" in result.output


def test_registry_reaches_the_sources_of_stored_events(tmp_path):
    import json

    from tests.cli.registry_story import PUBLISHER, write_story_and_registry

    story, registry = write_story_and_registry(tmp_path)
    db = tmp_path / "herald.db"
    result = run("ingest", str(story), "--db", str(db), "--registry", str(registry), "--no-progress")
    assert result.exit_code == 0, result.output
    stored = [json.loads(x) for x in run("events", "--db", str(db), "--json").stdout.splitlines()]
    assert stored
    for event in stored:
        (source,) = event["sources"]
        assert source["publisher"] == PUBLISHER
        assert source["publisher_type"] == "opposition_or_advocacy" and source["partisan"] is True
