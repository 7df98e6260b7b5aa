"""``--workers N`` (clamor.distributed.processes): the same extractions, in the same order,
as one process."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from clamor.cli import cli
from clamor.distributed.processes import ProcessPipeline, pipeline_for
from clamor.ingest import read_text
from clamor.options import Options
from clamor.pipeline import Pipeline
from tests.store.store_fakes import ARTICLES, FAKE_PIPELINE, SyntheticPipeline, synthetic_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SYNTHETIC = "tests.store.store_fakes:SyntheticPipeline"


def test_order_and_results_match_one_process_over_uneven_chunks():
    articles = [read_text(synthetic_text(i)) for i in range(23)]
    one = [e.model_dump() for e in SyntheticPipeline().pipe(articles)]
    with ProcessPipeline(Options(), workers=2, factory=SYNTHETIC, chunk_size=3) as pool:
        two = [e.model_dump() for e in pool.pipe(iter(articles))]
        assert pool.process(articles[5]).model_dump() == one[5]
    assert two == one


def test_one_worker_is_the_plain_pipeline():
    assert isinstance(pipeline_for(Options(), 1), Pipeline)


def test_extract_with_two_workers_prints_what_one_prints():
    runner = CliRunner()
    one = runner.invoke(cli, ["extract", str(EXAMPLES), "--json", "--no-progress"])
    two = runner.invoke(cli, ["extract", str(EXAMPLES), "--json", "--no-progress", "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert [json.loads(x) for x in two.stdout.splitlines()] == \
        [json.loads(x) for x in one.stdout.splitlines()]
    assert any(json.loads(x)["events"] for x in one.stdout.splitlines())
    assert one.stderr == two.stderr


def test_ingest_with_two_workers_stores_what_one_stores(tmp_path):
    runner = CliRunner()
    out = {}
    for n in (1, 2):
        db = tmp_path / f"w{n}.db"
        result = runner.invoke(cli, ["ingest", str(ARTICLES), "--db", str(db), "--pipeline",
                                     FAKE_PIPELINE, "--workers", str(n), "--no-progress"])
        assert result.exit_code == 0, result.output
        out[n] = result.stderr
    assert out[1] == out[2] and "events:" in out[1]


def test_worker_start_warms_the_built_in_pipeline_on_an_event_article(monkeypatch):
    from clamor.distributed import processes

    monkeypatch.setattr(processes, "_worker_pipeline", None)
    processes._start_worker(Options(), None)
    assert isinstance(processes._worker_pipeline, Pipeline)
    # the warm-up text must itself be an event article, or it would not load the coder's
    # resources (gazetteer, classifier) that the first real chunk needs
    warm = processes._worker_pipeline.process(read_text(processes.WARM_UP_TEXT))
    assert warm.events and warm.events[0].event_type == "Protests"
