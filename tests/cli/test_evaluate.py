"""``clamor evaluate``: the table, --json and --out agree with the scorer."""

import json

from click.testing import CliRunner

from clamor.cli import cli
from clamor.evaluate import scorer


def test_evaluate_case_fixture(fixtures, tmp_path):
    path = fixtures / "evaluate" / "case_small.tsv"
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["evaluate", "case2021", str(path), "--system", "majority",
                                      "--system", "keyword", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "sub_event_type_weighted_f1" in result.output and "keyword" in result.output
    written = json.loads(out.read_text())
    direct = scorer.evaluate("case2021", path, systems=("majority", "keyword"))
    assert written["figures"] == direct["figures"]
    result = CliRunner().invoke(cli, ["evaluate", "case2021", str(path), "--system",
                                      "keyword", "--json"])
    assert json.loads(result.output)["n"] == 6


def test_evaluate_missing_file_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["evaluate", "case2021", str(tmp_path / "none.tsv")])
    assert result.exit_code == 1
    assert "no such file" in result.output and "Traceback" not in result.output


def test_help_has_example():
    for args in (["evaluate", "--help"], ["train", "event-type", "--help"], ["train", "--help"]):
        assert "Example:" in CliRunner().invoke(cli, args).output
