"""``clamor watch``: poll feeds and folders, ingesting only what is new.

Each cycle fetches every feed URL (a conditional GET: an unchanged feed costs one
request) and lists every folder, then ingests through :func:`clamor.store.ingest.ingest_items`,
which skips articles already stored. A state file (JSON, rewritten atomically after each
source) remembers each feed's ETag / Last-Modified and each file's size and mtime, so
unchanged files are not even read again; killed at any point, the next start redoes at
most the source it was on, and the store's idempotence keeps that from duplicating anything.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from clamor.models import Article, ReadError
from clamor.options import Options

#: Seconds to wait for a feed server: a stalled feed must not hold up the others for long.
FETCH_TIMEOUT_S = 30
USER_AGENT = "clamor-watch (+https://example.invalid/clamor)"


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_feed_list(path: str) -> list[str]:
    """URLs from a file, one a line; blank lines and ``#`` comments skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass
class CycleReport:
    """What one cycle did, logged as one line."""

    number: int
    feeds: int = 0
    unchanged: int = 0
    new_files: int = 0
    read: int = 0
    stored: int = 0
    new_events: int = 0
    merged_events: int = 0
    failed: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"cycle {self.number}: {self.feeds} feeds fetched ({self.unchanged} unchanged), "
                f"{self.new_files} new or changed files, {self.read} articles read, "
                f"{self.stored} stored, {self.new_events} new events, {self.merged_events} merged, "
                f"{len(self.failed)} failed")


class Watcher:
    """Polls ``sources`` (feed URLs, folders, files) into ``store``."""

    def __init__(self, store, sources: Iterable[str], state_path: str | Path,
                 options: Options | None = None, pipeline=None):
        self.store = store
        self.sources = list(sources)
        self.state_path = Path(state_path)
        self.options = options or Options()
        self.pipeline = pipeline
        self.state = self._load_state()
        self.cycles = int(self.state.get("cycles", 0))

    def _load_state(self) -> dict:
        if self.state_path.is_file():
            return json.loads(self.state_path.read_text(encoding="utf-8"))
        return {"feeds": {}, "files": {}, "cycles": 0}

    def _save_state(self) -> None:
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        tmp.write_text(json.dumps(self.state, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.state_path)

    def cycle(self) -> CycleReport:
        """One pass over every source."""
        self.cycles += 1
        report = CycleReport(self.cycles)
        for source in self.sources:
            items = self._feed(source, report) if is_url(source) else self._files(source, report)
            self._ingest(items, source, report)
            self._save_state()  # after each source: a kill loses at most this one
        self.state["cycles"] = self.cycles
        self._save_state()
        return report

    def _ingest(self, items: Iterator[Article | ReadError] | None, source: str,
                report: CycleReport) -> None:
        from clamor.store.ingest import ingest_items

        if items is None:
            return
        summary = ingest_items(self.store, items, [source], self.options, self.pipeline)
        report.read += summary.read
        report.stored += summary.stored
        report.new_events += summary.new_events
        report.merged_events += summary.merged_events
        report.failed += summary.failed

    def _feed(self, url: str, report: CycleReport) -> Iterator[Article | ReadError] | None:
        """The feed's articles, or None when the server says it has not changed."""
        from clamor.ingest import read_bytes

        known = self.state["feeds"].get(url, {})
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        if known.get("etag"):
            request.add_header("If-None-Match", known["etag"])
        if known.get("modified"):
            request.add_header("If-Modified-Since", known["modified"])
        report.feeds += 1
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
                data = response.read(self.options.max_bytes + 1)
                headers = response.headers
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                report.unchanged += 1
                return None
            report.failed.append(f"{url}: HTTP {exc.code} {exc.reason}")
            return None
        except (urllib.error.URLError, OSError) as exc:
            report.failed.append(f"{url}: cannot fetch ({getattr(exc, 'reason', exc)})")
            return None
        if len(data) > self.options.max_bytes:
            report.failed.append(f"{url}: larger than the size limit (--max-size)")
            return None
        self.state["feeds"][url] = {"etag": headers.get("ETag"),
                                    "modified": headers.get("Last-Modified")}
        return read_bytes(data, url, self.options)

    def _files(self, source: str, report: CycleReport) -> Iterator[Article | ReadError] | None:
        """Articles of the files (under a folder) that are new or changed since last seen."""
        from clamor.ingest import read

        paths = [source] if Path(source).is_file() else sorted(
            str(p) for p in Path(source).rglob("*") if p.is_file() and not p.name.startswith("."))
        changed = []
        for path in paths:
            st = os.stat(path)
            key = [st.st_size, st.st_mtime_ns]
            if self.state["files"].get(path) != key:
                changed.append(path)
                self.state["files"][path] = key
        report.new_files += len(changed)
        return read(changed, self.options) if changed else None

    def run(self, interval: float, cycles: int | None = None,
            log: Callable[[str], None] = print, sleep: Callable[[float], None] = time.sleep) -> None:
        """Cycle every ``interval`` seconds, ``cycles`` times (forever when None)."""
        done = 0
        while cycles is None or done < cycles:
            log(self.cycle().line())
            done += 1
            if cycles is None or done < cycles:
                sleep(interval)
