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
    result = run("export", "--db", str(db), "--format", "parquet")
    assert result.exit_code == 1
    assert "-o FILE" in result.output
