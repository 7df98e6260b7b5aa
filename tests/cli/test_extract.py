"""`clamor extract`: JSON per article with evidence, rows per event, exit 1 on a bad input."""

import json
from pathlib import Path

from click.testing import CliRunner

from clamor.cli import cli

STORY = ("NAKURU, Kenya, March 12, 2019 - Hundreds of traders marched through the centre of Nakuru "
         "on Tuesday to protest against new market levies. Police fired tear gas and arrested 12.")


def run(*args):
    return CliRunner().invoke(cli, ["extract", *map(str, args)])


def test_json_one_object_per_article_with_exact_evidence(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = run(path, "--json")
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.stdout.splitlines() if x.strip()]
    record = json.loads(line)
    assert {"article", "events", "reactions", "source"} <= set(record)
    text = record["article"]["text"]
    (event,) = record["events"]
    assert event["sub_event_type"] == "Protest with intervention"
    for ev in event["evidence"]:
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_csv_rows_per_event_and_failure_exit_code(tmp_path):
    good = tmp_path / "story.txt"
    good.write_text(STORY)
    result = run(good, tmp_path / "missing.txt", "--csv")
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    rows = result.stdout.strip().splitlines()
    assert rows[0].startswith("article_id,event_id,event_type") and len(rows) == 2


def test_unknown_spacy_model_is_a_usage_error_before_any_article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = run(path, "--spacy-model", "no_such_spacy_model", "--json")
    assert result.exit_code == 2
    assert "no_such_spacy_model" in result.output and "not installed" in result.output
    assert result.stdout.count("{") == 0


def test_registry_reaches_the_source_and_the_events(tmp_path):
    from tests.cli.registry_story import PUBLISHER, write_story_and_registry

    story, registry = write_story_and_registry(tmp_path)
    without = json.loads(run(story, "--json").stdout.splitlines()[0])
    assert without["source"]["publisher_type"] is None
    result = run(story, "--registry", registry, "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["source"]["publisher"] == PUBLISHER
    assert record["source"]["publisher_type"] == "opposition_or_advocacy"
    assert record["events"] and all(e["partisan_sources_only"] for e in record["events"])


def test_a_missing_registry_is_a_usage_error(tmp_path):
    result = run(tmp_path, "--registry", tmp_path / "nope.toml", "--json")
    assert result.exit_code == 2 and "nope.toml" in result.output


def test_prefilter_skips_are_counted_in_the_summary(tmp_path):
    dull = " ".join(["The council met on Tuesday to discuss the budget for a new library."] * 12)
    (tmp_path / "dull.txt").write_text(dull)
    (tmp_path / "story.txt").write_text(STORY)
    result = run(tmp_path, "--prefilter", "--prefilter-threshold", "1", "--json")
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert sorted(r["article"]["status"] for r in records) == ["not_relevant", "ok"]
    assert "2 articles read, 1 not relevant, 0 inputs failed" in result.stderr
    plain = run(tmp_path, "--full-parse", "--csv")
    assert "not relevant" not in plain.stderr


def test_fast_path_skips_an_article_without_a_trigger_word_and_keeps_the_story(tmp_path):
    dull = " ".join(["The council met on Tuesday to discuss the budget for a new library."] * 12)
    (tmp_path / "dull.txt").write_text(dull)
    example = Path(__file__).resolve().parents[2] / "examples" / "nakuru_traders.txt"
    (tmp_path / "story.txt").write_bytes(example.read_bytes())
    result = run(tmp_path, "--fast-path", "--json")
    assert result.exit_code == 0, result.output
    records = {r["article"]["status"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert sorted(records) == ["not_relevant", "ok"]
    assert "1 not relevant" in result.stderr
    full = [json.loads(x) for x in run(tmp_path, "--full-parse", "--json").stdout.splitlines()]
    assert [r["article"]["status"] for r in full] == ["ok", "ok"]  # parsed, both
    (story,) = [r for r in full if r["events"]]
    assert records["ok"]["events"] == story["events"]
