import json

from click.testing import CliRunner

from clamor.cli import cli


def test_geoparse_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Hundreds protested in Kazerun, Iran, on Friday against the government.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["geoparse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    kaz = [r for r in rows if r["text"] == "Kazerun"]
    assert kaz and kaz[0]["place"]["geonames_id"] == 128321
    assert {"start", "end", "runner_up", "precision"} <= set(kaz[0])


def test_geoparse_help_has_example():
    result = CliRunner().invoke(cli, ["geoparse", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
