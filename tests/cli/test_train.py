"""``clamor train event-type`` writes an artifact + card and prints held-out scores."""

import json

import pytest
from click.testing import CliRunner

from clamor.cli import cli


def test_train_event_type_own_data(tmp_path):
    pytest.importorskip("sklearn")
    gold = tmp_path / "own.csv"
    lines = ["id,text,sub_event_type"]
    for i in range(15):
        lines.append(f"p{i},Residents of Town{i} marched peacefully for water,Peaceful protest")
        lines.append(f"c{i},Troops clashed with rebels near Town{i},Armed clash")
    gold.write_text("\n".join(lines) + "\n")
    out = tmp_path / "m.npz"
    result = CliRunner().invoke(cli, ["train", "event-type", str(gold), "--out", str(out),
                                      "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    # every row is used once: fitted, held out for temperature calibration, or scored
    assert report["n_train"] + report["n_calibration"] + report["n_heldout"] == 30
    assert out.is_file() and (tmp_path / "m.card.json").is_file()


def test_train_bad_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("text,sub_event_type\nx,Picnic\n")
    result = CliRunner().invoke(cli, ["train", "event-type", str(bad)])
    assert result.exit_code == 1 and "Picnic" in result.output
