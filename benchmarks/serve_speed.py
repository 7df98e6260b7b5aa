#!/usr/bin/env python
"""Latency of ``clamor serve``'s list and map endpoints over 10,000 stored events.

    python benchmarks/serve_speed.py [--events 10000] [--requests 31] [--db FILE]

Stores N synthetic events (one article each, spread over the world and two years, six
event types; built in Python, no spaCy) in a fresh SQLite file (or reuses ``--db``),
serves it with uvicorn on a loopback port, and times each request from an httpx client:
the median and the 90th percentile over ``--requests`` calls, after one warm-up call.

Absolute times depend on the machine, so each median is also given as a ratio to a
baseline run in the same process: ``json.loads`` of a fixed 1 MB document (a fixed
amount of Python work). Target (issue 14): the list and the map data answer in under
300 ms at the median with 10,000 stored events.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

TARGET_MS = 300
TYPES = [("Protests", "Peaceful protest"), ("Protests", "Protest with intervention"),
         ("Riots", "Violent demonstration"), ("Violence against civilians", "Attack"),
         ("Battles", "Armed clash"), ("Strategic developments", "Arrests")]
COUNTRIES = [("Kenya", "KE"), ("Bangladesh", "BD"), ("India", "IN"), ("Nigeria", "NG"),
             ("Brazil", "BR"), ("Iran", "IR"), ("France", "FR"), ("Chile", "CL")]

#: The requests timed: the dashboard's first view, a filtered view, a later page.
ENDPOINTS = {
    "list (page of 50)": "/api/events?limit=50",
    "list, country + type": "/api/events?limit=50&country=KE&type=Protests",
    "list, sorted by sources, page 20": "/api/events?limit=50&offset=950&sort=-sources",
    "map data (all events)": "/api/map",
    "map data, country + type": "/api/map?country=KE&type=Protests",
    "stats (timeline)": "/api/stats",
}


def baseline_seconds() -> float:
    """Time of a fixed amount of Python work (json.loads of ~1 MB), best of 5."""
    doc = json.dumps([{"id": i, "name": f"place {i}", "lat": i / 7, "alt": ["a", "b"]}
                      for i in range(15_000)])
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        json.loads(doc)
        best = min(best, time.perf_counter() - start)
    return best


def synthetic(i: int, rng: random.Random):
    """One article with one event at its own point (so nothing merges)."""
    from clamor.models import Article, Event, Evidence, Extraction, SourceAssessment

    kind, sub = TYPES[i % len(TYPES)]
    country, code = COUNTRIES[i % len(COUNTRIES)]
    text = f"Synthetic report {i}: a {sub.lower()} in Town {i}, {country}."
    article = Article(article_id=f"bench{i:08d}", text=text, title=f"Report {i}",
                      language="en", source_format="text", publisher=f"Outlet {i % 40}")
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
    event = Event(event_id=f"bench{i:08d}:e0", article_id=article.article_id, event_type=kind,
                  sub_event_type=sub, event_date=day, time_precision=1, country=country,
                  country_code=code, admin1=f"Region {i % 30}", location=f"Town {i}",
                  latitude=rng.uniform(-50, 60), longitude=rng.uniform(-170, 170),
                  geo_precision=1, actor1=f"Protesters ({country})",
                  fatalities=rng.choice([None, 0, 1, 3]), notes=f"Synthetic event {i}.",
                  evidence=[Evidence(field="location", start=text.index("Town"),
                                     end=text.index("Town") + len(f"Town {i}"), text=f"Town {i}")])
    return Extraction(article=article, events=[event],
                      source=SourceAssessment(publisher=article.publisher))


def fill(store, n: int) -> float:
    rng = random.Random(14)
    start = time.perf_counter()
    store.ingest(synthetic(i, rng) for i in range(n))
    return time.perf_counter() - start


def serve(store):
    import uvicorn

    from clamor.api import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(store=store), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{sock.getsockname()[1]}"


def time_requests(base: str, requests: int) -> dict[str, dict[str, float]]:
    import httpx

    out = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, path in ENDPOINTS.items():
            client.get(path).raise_for_status()  # warm-up
            times = []
            for _ in range(requests):
                start = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
            times.sort()
            out[name] = {"median_ms": statistics.median(times),
                         "p90_ms": times[int(0.9 * (len(times) - 1))],
                         "bytes": len(response.content)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=31)
    parser.add_argument("--db", type=Path, help="reuse (or create) this SQLite file")
    args = parser.parse_args()
    from clamor.store import open_store

    path = args.db or Path(tempfile.mkdtemp(prefix="clamor-serve-bench-")) / "bench.db"
    store = open_store(path)
    have = store.count_events()
    if have < args.events:
        seconds = fill(store, args.events) if have == 0 else None
        if seconds is None:
            sys.exit(f"{path} holds {have} events, fewer than {args.events}: use a new --db")
        print(f"stored {args.events} synthetic events in {seconds:.1f} s ({path})")
    total = store.count_events()
    server, thread, base = serve(store)
    try:
        results = time_requests(base, args.requests)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    base_s = baseline_seconds()
    print(f"\n{total} stored events; {args.requests} requests each; "
          f"baseline (json.loads 1 MB) {base_s * 1000:.1f} ms; target median < {TARGET_MS} ms")
    print(f"{'endpoint':36} {'median ms':>10} {'p90 ms':>8} {'x baseline':>10} {'KB':>8}  target")
    for name, r in results.items():
        ok = "ok" if r["median_ms"] < TARGET_MS else "MISSED"
        print(f"{name:36} {r['median_ms']:10.1f} {r['p90_ms']:8.1f} "
              f"{r['median_ms'] / (base_s * 1000):10.1f} {r['bytes'] / 1024:8.1f}  {ok}")


if __name__ == "__main__":
    main()
