"""``clamor evaluate``: the table, --json and --out agree with the scorer."""

import csv
import io
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


def test_evaluate_articles_table_beside_the_lead_baseline(fixtures, tmp_path):
    folder = fixtures / "evaluate" / "articles"
    path = folder / "articles_gold" / "articles_small.json"
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["evaluate", "articles", str(path), "--data", str(folder),
                                      "--out", str(out), "--csv"])
    assert result.exit_code == 0, result.output
    lines = list(csv.reader(io.StringIO(result.output)))
    assert lines[0] == ["figure", "pipeline", "lead"]
    names = [row[0] for row in lines[1:]]
    for ds in ("glocon", "ipe", "all"):
        for figure in ("typed_precision", "typed_recall", "typed_f1", "place_date_recall",
                       "sub_type_accuracy"):
            assert f"{ds}_{figure}" in names
    # figures with nothing to count are left out: the fixture's GLOCON gold gives no
    # fatalities and its IPE article is not event-free
    assert {"ipe_fatalities_exact", "all_fatalities_exact"} <= set(names)
    assert "all_event_free_with_events" in names and "ipe_event_free_with_events" not in names
    assert "glocon_fatalities_exact" not in names
    written = json.loads(out.read_text())
    assert [d["article_id"] for d in written["diagnostics"]["lead"]] == ["g1", "g2", "i1"]


def test_evaluate_data_option_is_for_articles_only(fixtures):
    path = fixtures / "evaluate" / "case_small.tsv"
    result = CliRunner().invoke(cli, ["evaluate", "case2021", str(path), "--data",
                                      str(fixtures)])
    assert result.exit_code == 2 and "articles" in result.output


def test_sentence_detector_flag_reaches_the_options(fixtures, monkeypatch):
    import clamor.cli.evaluate as command

    seen = []

    def fake(dataset, path, limit=None, options=None, systems=(), **kwargs):
        seen.append(options.sentence_detector)
        return {"figures": {}, "notes": [], "n": 0}

    monkeypatch.setattr(command, "evaluate", fake)
    path = str(fixtures / "evaluate" / "case_small.tsv")
    for args in ([], ["--sentence-detector"]):
        result = CliRunner().invoke(cli, ["evaluate", "case2021", path, "--json", *args])
        assert result.exit_code == 0, result.output
    assert seen == [False, True]


def test_article_verifier_flag_reaches_the_options(fixtures, monkeypatch):
    import clamor.cli.evaluate as command

    seen = []

    def fake(dataset, path, limit=None, options=None, systems=(), **kwargs):
        seen.append(options.article_verifier)
        return {"figures": {}, "notes": [], "n": 0}

    monkeypatch.setattr(command, "evaluate", fake)
    path = str(fixtures / "evaluate" / "case_small.tsv")
    for args in ([], ["--article-verifier"]):
        result = CliRunner().invoke(cli, ["evaluate", "case2021", path, "--json", *args])
        assert result.exit_code == 0, result.output
    assert seen == [False, True]


def test_casing_is_for_the_geoparsing_datasets(fixtures):
    path = fixtures / "evaluate" / "case_small.tsv"
    result = CliRunner().invoke(cli, ["evaluate", "case2021", str(path), "--casing", "lower"])
    assert result.exit_code == 2 and "lgl" in result.output


def test_casing_reaches_the_geoparsing_scorer(fixtures):
    path = fixtures / "geo" / "geoparsing" / "lgl.xml"
    result = CliRunner().invoke(cli, ["evaluate", "lgl", str(path), "--casing", "upper", "--json"])
    assert result.exit_code == 0, result.output
    assert "recognized_within_161km" in json.loads(result.output)["figures"]


def test_typer_flags_override_the_environment(fixtures, monkeypatch):
    import clamor.cli.evaluate as command

    seen = []

    def fake(dataset, path, limit=None, options=None, systems=(), **kwargs):
        seen.append(options.dense_typer)
        return {"figures": {}, "notes": [], "n": 0}

    monkeypatch.setattr(command, "evaluate", fake)
    path = str(fixtures / "evaluate" / "case_small.tsv")
    for env, args in (("0", []), ("1", []), ("1", ["--sparse-typer"]), ("0", ["--dense-typer"])):
        monkeypatch.setenv("CLAMOR_DENSE_TYPER", env)
        result = CliRunner().invoke(cli, ["evaluate", "case2021", path, "--json", *args])
        assert result.exit_code == 0, result.output
    assert seen == [False, True, False, True]
