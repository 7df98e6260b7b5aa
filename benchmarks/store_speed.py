#!/usr/bin/env python
"""Speed of the store alone (no NLP): storing and merging extractions, then querying.

    python benchmarks/store_speed.py [--articles 2000] [--db URL]

Builds synthetic extractions in memory: ``--articles`` articles, every protest reported by
``--per-event`` articles (so most arrive as merges into a stored event), spread over 50
towns and 60 days. Reports articles stored per second (one transaction each, as
``clamor ingest`` does), a re-run of the same articles (all skipped), and the time of a
few typical queries and of an ACLED CSV export. Default database: a fresh SQLite file in
a temporary folder; ``--db`` takes a PostgreSQL URL (its tables must be empty).

Absolute times depend on the machine, so the ingest is also given as a ratio to a baseline
run in the same process: writing the same extractions as JSON Lines to a file, the least a
store could do (serialise and write, no transactions, no merging, no indexes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import tempfile
import time
from pathlib import Path

from clamor.models import Article, Event, Evidence, Extraction, SourceAssessment
from clamor.store import EventFilters, open_store


def extractions(n: int, per_event: int):
    for i in range(n):
        protest = i // per_event
        town, day = protest % 50, (protest // 50) % 60
        text = (f"Report {i}: residents of Town {town} protested on day {day}; police used "
                f"tear gas and {i % 7} people were hurt, outlet {i % per_event} said.")
        aid = hashlib.sha256(text.encode()).hexdigest()[:16]
        article = Article(article_id=aid, text=text, title=f"Report {i}", language="en")
        event = Event(
            event_id=f"{aid}:e0", article_id=aid, event_type="Protests",
            sub_event_type="Protest with intervention",
            event_date=dt.date(2024, 1, 1) + dt.timedelta(days=day), time_precision=1,
            country="Kenya", country_code="KE", admin1=f"Region {town % 8}",
            location=f"Town {town}", latitude=-4 + town * 0.2, longitude=34 + town * 0.1,
            geo_precision=1, actor1="Protesters (Kenya)", inter1=6,
            actor2="Police Forces of Kenya (2022-)", inter2=1, interaction=16,
            injuries=i % 7, evidence=[Evidence(field="location", start=0, end=6, text=text[:6])])
        yield Extraction(article=article, events=[event],
                         source=SourceAssessment(publisher=f"Outlet {i % per_event}"))


def jsonl_baseline_seconds(n: int, per_event: int, folder: str) -> float:
    """Seconds to serialise the same extractions to a JSON Lines file (best of 3)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        with open(Path(folder) / "baseline.jsonl", "w", encoding="utf-8") as handle:
            for extraction in extractions(n, per_event):
                handle.write(extraction.model_dump_json() + "\n")
        best = min(best, time.perf_counter() - start)
    return best


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label}: {time.perf_counter() - start:.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-event", type=int, default=3)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.db")
        store = open_store(url)
        print(f"store: {store.dialect}, {args.articles} articles, {args.per_event} per event")
        baseline = jsonl_baseline_seconds(args.articles, args.per_event, tmp)
        print(f"baseline (write the same extractions as JSON Lines): {baseline:.2f} s")
        start = time.perf_counter()
        summary = store.ingest(extractions(args.articles, args.per_event))
        took = time.perf_counter() - start
        print(f"ingest: {took:.2f} s, {args.articles / took:.0f} articles/s, "
              f"{took / baseline:.1f} x baseline "
              f"({summary.new_events} new events, {summary.merged_events} merged)")
        start = time.perf_counter()
        again = store.ingest(extractions(args.articles, args.per_event))
        took = time.perf_counter() - start
        print(f"re-run (all skipped): {took:.2f} s, {args.articles / took:.0f} articles/s "
              f"({again.skipped})")
        timed("query country+since (limit 100)", lambda: store.query_events(
            EventFilters(country="KE", since=dt.date(2024, 2, 1), limit=100)))
        timed("query near 25 km", lambda: store.query_events(EventFilters(near=(-3.0, 34.5, 25))))
        timed("query text 'tear gas' (limit 100)", lambda: store.query_events(
            EventFilters(text="tear gas", limit=100)))
        n = timed("export acled-csv (all)", lambda: store.export("acled-csv", io.StringIO()))
        print(f"exported {n} events")
        store.close()


if __name__ == "__main__":
    main()
