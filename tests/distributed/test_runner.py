"""``clamor run`` (clamor.distributed.runner) on a LocalCluster and on a scheduler with two
workers started as separate processes: same events as ``clamor extract`` / ``ingest``,
failed partitions reported without losing the others, re-runs skip finished partitions."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed", reason="clamor run needs the 'distributed' extra")
pq = pytest.importorskip("pyarrow.parquet", reason="clamor run needs pyarrow")

from clamor.cli import cli  # noqa: E402
from tests.distributed.fakes import POISON  # noqa: E402
from tests.store.store_fakes import synthetic_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
POISONED = "tests.distributed.fakes:PoisonPipeline"
#: Longest wait for the external scheduler and workers to come up (they import dask and
#: clamor); a bound, never an assertion on speed.
STARTUP_TIMEOUT_S = 90


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_run_on_a_local_cluster_gives_the_events_of_extract_and_ingest(tmp_path):
    out = tmp_path / "out"
    result = invoke("run", EXAMPLES, "--out", f"parquet:{out}", "--workers", 2,
                    "--partition-size", "2k", "--no-progress")
    assert result.exit_code == 0, result.output
    assert "dashboard: http://" in result.stderr
    extracted = invoke("extract", EXAMPLES, "--json", "--no-progress")
    want = sorted((e["event_id"], e["event_type"], e["sub_event_type"], e["location"])
                  for line in extracted.stdout.splitlines() for e in json.loads(line)["events"])
    rows = pq.read_table(out / "article_events").to_pylist()
    got = sorted((r["event_id"], r["event_type"], r["sub_event_type"], r["location"]) for r in rows)
    assert got == want and want
    runs = pq.read_table(out / "extractions").to_pylist()
    full = {r["article_id"]: json.loads(r["extraction"]) for r in runs}
    for line in extracted.stdout.splitlines():
        record = json.loads(line)
        assert full[record["article"]["article_id"]]["events"] == record["events"]
    db = tmp_path / "ingest.db"
    ingested = invoke("ingest", EXAMPLES, "--db", db, "--no-progress")
    assert ingested.exit_code == 0, ingested.output
    exported = tmp_path / "ingest.parquet"
    assert invoke("export", "--db", db, "--format", "parquet", "-o", exported).exit_code == 0
    def events(path):  # the store's timestamp says when it was written, not what
        return sorted((str({k: v for k, v in row.items() if k != "timestamp"})
                       for row in pq.read_table(path).to_pylist()))

    assert events(out / "events.parquet") == events(exported)
    again = invoke("run", EXAMPLES, "--out", f"parquet:{out}", "--workers", 1,
                   "--partition-size", "2k")
    assert again.exit_code == 0 and "0 run" in again.stderr and "dashboard" not in again.stderr


def _inputs(folder: Path, n: int, poisoned: set[int] = frozenset()) -> Path:
    folder.mkdir()
    for i in range(n):
        text = synthetic_text(i) + (f"\nA march in {POISON}.\n" if i in poisoned else "")
        (folder / f"a{i:02d}.txt").write_text(text)
    return folder


def test_a_failing_partition_is_reported_and_the_others_are_stored(tmp_path):
    inputs = _inputs(tmp_path / "in", 6, poisoned={2})
    db = tmp_path / "events.db"
    args = ("run", inputs, "--db", db, "--work-dir", tmp_path / "work", "--workers", 2,
            "--partition-size", 1, "--retries", 1, "--pipeline", POISONED)
    result = invoke(*args)
    assert result.exit_code == 1, result.output
    assert "1 failed" in result.stderr and "poisoned article" in result.stderr
    assert "5 articles stored, 5 merged events" in result.stderr
    (inputs / "a02.txt").write_text(synthetic_text(2))  # fixed: only that partition runs
    again = invoke(*args)
    assert again.exit_code == 0, again.output
    assert "(5 already done, 1 run, 0 failed)" in again.stderr
    assert "1 articles stored, 6 merged events" in again.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_workers(address: str, n: int) -> None:
    from distributed import Client

    with Client(address, timeout=STARTUP_TIMEOUT_S) as client:
        client.wait_for_workers(n, timeout=STARTUP_TIMEOUT_S)


def test_run_on_a_scheduler_with_two_worker_processes(tmp_path):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    # A delay per article, so the first worker up cannot take every partition alone.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAMOR_FAKE_PIDS": str(tmp_path / "pids"),
           "CLAMOR_FAKE_DELAY": "0.2"}
    (tmp_path / "pids").mkdir()
    procs = [subprocess.Popen([*dask, "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", ":0"], cwd=tmp_path, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                 "--no-dashboard", "--no-nanny"], cwd=tmp_path, env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        _wait_for_workers(address, 2)
        inputs = _inputs(tmp_path / "in", 12)
        result = invoke("run", inputs, "--out", f"parquet:{tmp_path / 'out'}", "--scheduler",
                        address, "--partition-size", 1, "--pipeline", POISONED)
        assert result.exit_code == 0, result.output
        assert "12 partitions (0 already done, 12 run, 0 failed)" in result.stderr
        assert "12 merged events" in result.stderr
        assert len(list((tmp_path / "pids").iterdir())) == 2  # both workers took partitions
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
