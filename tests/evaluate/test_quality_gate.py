"""The quality gate (benchmarks/quality.py --check): it passes on the committed results
and fails when a figure drops below its floor, a floor is lowered, or the corpus changes."""

import importlib.util
import json

import pytest

from tests.conftest import DATA, ROOT

spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
quality = importlib.util.module_from_spec(spec)
spec.loader.exec_module(quality)


def _results(value):
    return {"datasets": {"acled": {"figures": {"event_type_macro_f1": {"classifier": value}}}}}


FLOORS = {"floors": {"acled.event_type_macro_f1.classifier": 0.8}, "corpus": {"acled": "x"}}


def test_below_floor_fails():
    assert quality.check_results(_results(0.81), FLOORS) == []
    failures = quality.check_results(_results(0.79), FLOORS)
    assert failures and "below floor" in failures[0]


def test_missing_figure_fails_except_in_a_live_run():
    empty = {"datasets": {}}
    assert quality.check_results(empty, FLOORS)[0].startswith("missing figure")
    assert quality.check_results(empty, FLOORS, live=True) == []


def test_floors_only_move_up():
    up = {"floors": {"acled.event_type_macro_f1.classifier": 0.85}}
    down = {"floors": {"acled.event_type_macro_f1.classifier": 0.75}}
    assert quality.check_monotonic(up, FLOORS) == []
    assert "floor lowered" in quality.check_monotonic(down, FLOORS)[0]
    assert "floor removed" in quality.check_monotonic({"floors": {}}, FLOORS)[0]
    assert quality.check_monotonic(down, None) == []  # nothing committed yet
    raised = quality.new_floors(_results(0.5), FLOORS)  # a worse run never lowers a floor
    assert raised["floors"]["acled.event_type_macro_f1.classifier"] == 0.8


def test_changed_corpus_is_noticed(tmp_path):
    (tmp_path / "acled").mkdir()
    (tmp_path / "acled" / "acled_dev.csv").write_text("changed\n")
    failures, _ = quality.check_corpus(FLOORS, tmp_path)
    assert failures and "corpus changed" in failures[0]
    failures, notes = quality.check_corpus(FLOORS, tmp_path / "absent")
    assert failures == [] and "not found" in notes[0]


def test_committed_results_meet_floors_and_floors_did_not_drop():
    floors = quality.load_floors()
    assert floors["floors"], "benchmarks/floors.json holds no floors"
    results = json.loads(quality.RESULTS.read_text())
    assert quality.check_results(results, floors) == []
    assert quality.check_monotonic(floors, quality.committed_floors()) == []
    assert results["model_sha256"] == quality.model_sha256(), \
        "docs/quality.json is stale: re-run benchmarks/quality.py"
    assert (ROOT / "docs" / "quality.md").read_text().startswith("# clamor quality report")


def test_gate_without_data_says_so_and_passes(tmp_path):
    failures, notes = quality.check(tmp_path / "absent", live=True)
    assert failures == []
    assert any("not found" in n for n in notes)


@pytest.mark.devdata
def test_gate_passes_on_shared_data(shared_data):
    failures, notes = quality.check(shared_data, live=True)
    assert failures == [], failures


def test_a_stage_that_raises_fails_the_live_gate(tmp_path, monkeypatch):
    """A dataset whose evaluation raised (data present) must not pass by losing its figures."""
    (tmp_path / "results.json").write_text(json.dumps({**_results(0.9), "model_sha256": "m"}))
    monkeypatch.setattr(quality, "RESULTS", tmp_path / "results.json")
    monkeypatch.setattr(quality, "model_sha256", lambda: "m")
    monkeypatch.setattr(quality, "load_floors", lambda: FLOORS)
    monkeypatch.setattr(quality, "committed_floors", lambda: FLOORS)
    monkeypatch.setattr(quality, "check_corpus", lambda floors, data_dir: ([], []))
    fresh = {"datasets": {}, "notes": ["acled: FAILED (TypeError: boom)"]}
    monkeypatch.setattr(quality, "run", lambda data_dir, limit=None, fast=False: fresh)
    failures, _ = quality.check(tmp_path, live=True)
    assert failures == ["live run: acled: FAILED (TypeError: boom)"]
    fresh["notes"] = ["acled: skipped (No module named 'x')"]  # a missing extra stays a note
    assert quality.check(tmp_path, live=True)[0] == []


@pytest.mark.devdata
def test_gate_fails_when_a_rule_breaks(shared_data, monkeypatch):
    """Break the featurizer on purpose (a refactor that loses the character n-grams the
    shipped weights expect): the live run falls below the floors and the gate fails."""
    from clamor.extract import classifier

    original = classifier._features
    monkeypatch.setattr(classifier, "_features",
                        lambda text, mask=0: (original(text, mask)[0], []))
    failures, _ = quality.check(shared_data, live=True)
    assert any("live run: below floor" in f for f in failures), failures


def test_limited_run_reports_without_judging_and_writes_nothing(monkeypatch, tmp_path, capsys):
    """Floors hold for whole files: a --limit sample below them is a note, not a failure;
    a full run below them fails."""
    monkeypatch.setattr(quality, "run", lambda data_dir, limit=None: _results(0.5))
    monkeypatch.setattr(quality, "load_floors", lambda: FLOORS)
    monkeypatch.setattr(quality, "REPORT", tmp_path / "quality.md")
    monkeypatch.setattr(quality, "render", lambda results, floors: "report")
    assert quality.main(["--limit", "10", "--data", str(tmp_path)]) == 0
    assert "not compared" in capsys.readouterr().out
    assert not (tmp_path / "quality.md").exists()
    assert quality.main(["--data", str(tmp_path)]) == 1
    assert "below floor" in capsys.readouterr().out


def test_lower_is_better_and_among_matches_figures_get_no_floor():
    results = {"datasets": {"articles": {"figures": {
        "all_typed_f1": {"pipeline": 0.237, "lead": 0.04},
        "all_sub_type_accuracy": {"pipeline": 0.68},
        "all_event_free_with_events": {"pipeline": 0.44}}}}}
    floors = quality.new_floors(results, {"floors": {}, "corpus": {}})["floors"]
    assert floors == {"articles.all_typed_f1.pipeline": 0.225}


def test_progress_goes_to_stderr(capsys):
    quality.progress("lgl", {"n": 588, "figures": {}}, 41.94)
    quality.progress("acled-cross-country", {"n": {"Kenya": {"test": 5, "train": 9}}}, 1)
    quality.progress("sources", None, 0.0)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "quality: lgl: n=588, 41.9 s", "quality: acled-cross-country: n=5, 1.0 s",
        "quality: sources: failed or skipped, 0.0 s"]


def _loco_results(with_actors: bool) -> dict:
    figures = {"kenya_event_type_macro_f1": {"classifier": 0.77, "majority": 0.06},
               "kenya_fatalities_exact": {"pipeline": 0.66, "always_0": 0.63}}
    if with_actors:
        figures.update({"kenya_actor1_exact": {"pipeline": 0.412, "pattern_majority": 0.2},
                        "kenya_actor1_match_without_years": {"pipeline": 0.533,
                                                             "pattern_majority": 0.25}})
    return {"datasets": {"acled-loco": {"n": {"Kenya": {"test": 7414, "train": 25000}},
                                        "figures": figures}}}


def test_ood_table_has_actor_columns_and_renders_older_results_blank():
    row = [line for line in quality._ood_table(_loco_results(True)) if line.startswith("| Kenya")][0]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[-5:] == ["0.660", "0.630", "0.412", "0.533", "0.200 / 0.250"]
    lines = quality._ood_table(_loco_results(False))
    head = [line for line in lines if line.startswith("| left out")][0]
    old = [line for line in lines if line.startswith("| Kenya")][0]
    assert head.count("|") == old.count("|") == lines[lines.index(head) + 1].count("|")
    assert [c.strip() for c in old.strip("|").split("|")][-3:] == ["", "", ""]


def test_loco_actor_figures_get_floors_but_the_pattern_baseline_does_not():
    floors = quality.new_floors(_loco_results(True), {"floors": {}, "corpus": {}})["floors"]
    assert floors["acled-loco.kenya_actor1_exact.pipeline"] == 0.405
    assert floors["acled-loco.kenya_actor1_match_without_years.pipeline"] == 0.525
    assert not [k for k in floors if k.endswith((".pattern_majority", ".always_0", ".majority"))]


def test_dense_table_beside_the_sparse_or_the_reason_it_is_skipped():
    res = _loco_results(False)["datasets"]["acled-loco"]
    res["figures"]["kenya_dense_sample_event_type_macro_f1"] = {"sparse": 0.7, "averaged": 0.75}
    res["dense_sample"] = {"n": {"Kenya": 400}}
    row = [line for line in quality._dense_table(res) if line.startswith("| Kenya")][0]
    assert [c.strip() for c in row.strip("|").split("|")][:4] == ["Kenya", "400", "0.700", "0.750"]
    res["dense_sample"] = {"skipped": "no MiniLM embedding cache in /x"}
    assert "Skipped: no MiniLM embedding cache in /x." in quality._dense_table(res)
