"""ingest_paths and `clamor ingest` in subprocesses: idempotence, crashes, concurrency."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from clamor.store import ingest_paths, open_store
from tests.store.store_fakes import ARTICLES, FixturePipeline, SyntheticPipeline, synthetic_text
from tests.store.test_store import assert_no_orphans

ROOT = Path(__file__).resolve().parents[2]

#: Guard against a hung subprocess; never an assertion about speed.
SUBPROCESS_GUARD_S = 300


def _write_synthetic(folder: Path, n: int, variant: str = "a") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{variant}{i:04d}.txt").write_text(synthetic_text(i, variant), encoding="utf-8")
    return folder


def _ingest_cmd(db_url: str, *paths: Path, batch_size: int = 4) -> list[str]:
    return [sys.executable, "-c", "from clamor.cli import main; main()", "ingest",
            *map(str, paths), "--db", db_url, "--no-progress", "--batch-size", str(batch_size),
            "--pipeline", "tests.store.store_fakes:SyntheticPipeline"]


def _env(delay: float = 0.0) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "src"),
                                         env.get("PYTHONPATH", "")])
    env["CLAMOR_FAKE_DELAY"] = str(delay)
    return env


def test_fixture_articles_end_to_end_with_a_fake_pipeline(store):
    summary = ingest_paths(store, [ARTICLES], pipeline=FixturePipeline())
    assert (summary.read, summary.stored, summary.failed) == (4, 4, [])
    assert (summary.new_events, summary.merged_events) == (2, 2)
    assert sorted(e.corroboration for e in store.query_events()) == [1, 3]


def test_rerun_and_copies_are_skipped_before_extraction(store, tmp_path):
    ingest_paths(store, [ARTICLES], pipeline=FixturePipeline())
    copy = tmp_path / "copy_of_tribune.txt"
    shutil.copy(ARTICLES / "nakuru_tribune.txt", copy)

    class Refuses(FixturePipeline):
        def pipe(self, articles, batch_size=16):
            raise AssertionError("stored articles must not be extracted again")

    summary = ingest_paths(store, [ARTICLES, copy], pipeline=Refuses())
    assert summary.read == 5
    assert summary.skipped == {"already stored": 5}
    assert summary.stored == summary.new_events == 0
    assert store.counts()["articles"] == 4


def test_read_and_extraction_failures_are_reported_and_the_batch_goes_on(store, tmp_path):
    class FailsOnEldoret(FixturePipeline):
        def process(self, article):
            if "Eldoret" in article.text:
                raise RuntimeError("boom")
            return super().process(article)

    missing = tmp_path / "missing.txt"
    summary = ingest_paths(store, [ARTICLES, missing], pipeline=FailsOnEldoret())
    assert summary.stored == 3
    assert len(summary.failed) == 2
    assert any("missing.txt" in line for line in summary.failed)
    assert any("eldoret_kenyawire.txt" in line and "boom" in line for line in summary.failed)
    # the failed article is not stored, so a re-run retries it
    assert ingest_paths(store, [ARTICLES], pipeline=FixturePipeline()).stored == 1


def test_synthetic_pipeline_in_process(store, tmp_path):
    folder = _write_synthetic(tmp_path / "in", 5)
    summary = ingest_paths(store, [folder], pipeline=SyntheticPipeline())
    assert (summary.stored, summary.new_events, summary.reactions) == (5, 5, 5)
    assert_no_orphans(store)


def test_sigkill_part_way_then_rerun_finishes_the_job(db_url, tmp_path):
    n = 120
    folder = _write_synthetic(tmp_path / "in", n)
    open_store(db_url).close()
    proc = subprocess.Popen(_ingest_cmd(db_url, folder, batch_size=2), env=_env(delay=0.03),
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    store = open_store(db_url)
    deadline = time.monotonic() + SUBPROCESS_GUARD_S
    while store.counts()["articles"] < 15 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=SUBPROCESS_GUARD_S)
    assert proc.returncode == -signal.SIGKILL, err.decode()
    stored_before = store.counts()["articles"]
    assert 15 <= stored_before < n
    assert_no_orphans(store)

    rerun = subprocess.run(_ingest_cmd(db_url, folder), env=_env(), cwd=tmp_path,
                           capture_output=True, text=True, timeout=SUBPROCESS_GUARD_S)
    assert rerun.returncode == 0, rerun.stderr
    assert f"stored {n - stored_before}" in rerun.stderr
    counts = store.counts()
    assert counts["articles"] == counts["events"] == counts["event_sources"] == n
    assert counts["reactions"] == counts["source_assessments"] == counts["evidence"] == n
    assert_no_orphans(store)
    store.close()


def test_two_ingests_at_once_lose_and_duplicate_nothing(db_url, tmp_path):
    n = 40
    a = _write_synthetic(tmp_path / "a", n, "a")
    b = _write_synthetic(tmp_path / "b", n, "b")
    open_store(db_url).close()
    # both processes read both folders (in opposite orders): every article is offered
    # twice, and every protest is reported by one article in each folder
    procs = [subprocess.Popen(_ingest_cmd(db_url, *order, batch_size=1), env=_env(delay=0.005),
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
             for order in ((a, b), (b, a))]
    outputs = [p.communicate(timeout=SUBPROCESS_GUARD_S) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    stored = [int(err.split("stored ")[1].split()[0]) for _, err in outputs]
    assert sum(stored) == 2 * n
    store = open_store(db_url)
    counts = store.counts()
    assert counts["articles"] == counts["event_sources"] == 2 * n
    assert counts["events"] == n
    assert {e.corroboration for e in store.iter_events()} == {2}
    assert_no_orphans(store)
    store.close()
