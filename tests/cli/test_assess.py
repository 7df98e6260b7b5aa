"""`clamor assess`: table, JSON, CSV, per-signal rows, user registry, bad registry."""

import csv
import io
import json

from click.testing import CliRunner

from clamor.cli import cli

STORY = ("TEHRAN (Reuters) - Hundreds of workers protested in Tehran on Monday over unpaid "
         "wages, witnesses said. Police said two people were detained.")


def run(*args):
    return CliRunner().invoke(cli, ["assess", *map(str, args)])


def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_json_has_the_source_record(tmp_path):
    result = run(story(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["source"]["publisher"] == "Reuters"
    assert record["source"]["partisan"] is False
    assert "loaded_term" in record["source"]["rates"]


def test_csv_has_rate_columns(tmp_path):
    result = run(story(tmp_path), "--csv")
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["publisher_type"] == "wire_service"
    assert row["rate_attributed_claim"] not in ("", None)


def test_signal_rows_carry_offsets(tmp_path):
    result = run(story(tmp_path), "--signals", "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all({"kind", "start", "end", "text"} <= set(r) for r in rows)


def test_bad_registry_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[publisher]]\nname="X"\ntype="tabloid"\n', encoding="utf-8")
    result = run(story(tmp_path), "--registry", bad)
    assert result.exit_code == 1
    assert "tabloid" in result.output and "Traceback" not in result.output
