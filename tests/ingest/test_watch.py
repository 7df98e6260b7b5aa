"""``clamor watch`` (clamor.ingest.watch) against feeds served by a local HTTP server:
only new entries and files are ingested, unchanged feeds cost a 304, and a new watcher
(a restart after a kill) picks up from the state file without storing anything twice."""

from __future__ import annotations

import functools
import html
import http.server
import os
import threading

import pytest
from click.testing import CliRunner

from clamor.cli import cli
from clamor.ingest.watch import Watcher, read_feed_list
from clamor.store import open_store
from tests.store.store_fakes import SyntheticPipeline, synthetic_text

SYNTHETIC = "tests.store.store_fakes:SyntheticPipeline"


def write_feed(path, numbers, mtime):
    items = "".join(
        f"<item><title>Protest {i}</title><link>https://news.example/{i}</link>"
        f"<description>{html.escape(synthetic_text(i))}</description></item>" for i in numbers)
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News'
                    f"</title>{items}</channel></rss>")
    os.utime(path, (mtime, mtime))  # Last-Modified has one-second resolution


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_cycles_ingest_only_what_is_new_and_resume_from_the_state(served, tmp_path):
    root, base = served
    write_feed(root / "a.rss", [1, 2], mtime=1_700_000_000)
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "x.txt").write_text(synthetic_text(10))
    state = tmp_path / "state.json"
    sources = [f"{base}/a.rss", f"{base}/missing.rss", str(folder)]
    with open_store(tmp_path / "w.db") as store:
        watcher = Watcher(store, sources, state, pipeline=SyntheticPipeline())
        first = watcher.cycle()
        assert (first.read, first.stored, first.new_events, first.new_files) == (3, 3, 3, 1)
        assert len(first.failed) == 1 and "HTTP 404" in first.failed[0]
        second = watcher.cycle()
        assert (second.unchanged, second.read, second.stored, second.new_files) == (1, 0, 0, 0)
        write_feed(root / "a.rss", [1, 2, 3], mtime=1_700_000_100)
        (folder / "y.txt").write_text(synthetic_text(11))
        third = watcher.cycle()
        assert (third.read, third.stored, third.new_files) == (4, 2, 1)
        assert "cycle 3:" in third.line() and "2 stored" in third.line()
        restarted = Watcher(store, sources, state, pipeline=SyntheticPipeline())
        fourth = restarted.cycle()
        assert (fourth.number, fourth.unchanged, fourth.read, fourth.stored) == (4, 1, 0, 0)
        assert store.count_events() == 5


def test_a_kill_before_the_state_is_saved_stores_nothing_twice(served, tmp_path):
    root, base = served
    write_feed(root / "a.rss", [1, 2], mtime=1_700_000_000)
    with open_store(tmp_path / "w.db") as store:
        Watcher(store, [f"{base}/a.rss"], tmp_path / "s.json", pipeline=SyntheticPipeline()).cycle()
        (tmp_path / "s.json").unlink()  # as if killed before writing it
        again = Watcher(store, [f"{base}/a.rss"], tmp_path / "s.json",
                        pipeline=SyntheticPipeline()).cycle()
        assert (again.read, again.stored) == (2, 0)
        assert store.count_events() == 2


def test_watch_command_reads_a_feed_list_and_logs_each_cycle(served, tmp_path):
    root, base = served
    write_feed(root / "a.rss", [1, 2], mtime=1_700_000_000)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# our feeds\n{base}/a.rss\n\n")
    assert read_feed_list(str(feeds)) == [f"{base}/a.rss"]
    result = CliRunner().invoke(cli, ["watch", "--feeds", str(feeds), "--db", str(tmp_path / "w.db"),
                                      "--interval", "0", "--cycles", "2", "--pipeline", SYNTHETIC])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("cycle 1: 1 feeds fetched (0 unchanged)") and "2 stored" in lines[0]
    assert lines[1].startswith("cycle 2: 1 feeds fetched (1 unchanged)") and "0 stored" in lines[1]
    assert (tmp_path / "clamor-watch.json").is_file()
    assert CliRunner().invoke(cli, ["watch", "--db", str(tmp_path / "w.db")]).exit_code == 2
