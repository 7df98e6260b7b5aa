#!/usr/bin/env python
"""Throughput on one machine (issue 15), every figure beside its baseline from the same run.

    CLAMOR_DATA=../shared/data nice python benchmarks/throughput.py [--events 60]
        [--stream 300] [--store-sizes 1000,10000,100000] [--repeats 3] [--json out.json]

Each measurement runs in a fresh process (so peak memory is that process's own) and
times processing after the models are loaded and warmed on one text; each comparison is
``--repeats`` pairs of runs, alternating, reported as the median run and every pair's ratio:

1. event articles (GLOCON protest documents, IndiaPoliceEvents KILL/FORCE documents, the
   gold event articles): bare ``nlp.pipe`` of the packaged spaCy model against clamor end
   to end (cleaning included; ``--clamor``: by default the fast path and the prefilter),
   articles/s, words/s and the ratio;
2. a stream where one article in ten reports contention (those event articles) and the
   rest are dev documents that report no event (GLOCON label 0, IPE with no police
   action) and, half of them, articles from templates written here (sport, business,
   weather, culture): bare ``nlp.pipe`` against clamor (``--clamor``);
3. one worker against two (``ProcessPipeline``) on the event articles, with each worker's
   peak memory;
4. storing and merging as the store grows: seconds per 1,000 articles added when it holds
   1k, 10k, ... articles (extractions replicated from a real one with new ids, places and
   dates, so the cost measured is the store's and the merge's, not the parser's).

Before timing, the stream section warms both sides on ``STREAM_WARM_UP`` event articles
that the stream does not hold, so that clamor's lazily loaded tables are loaded.

The machine may be shared: run with ``nice`` and read ratios, not absolute rates.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
TEMPLATES = (
    "{team} beat {rival} {a}-{b} on {day} in front of a crowd of {n} at the {city} stadium. "
    "The coach praised the defence and said the squad would rest two players before next "
    "week's match. {player} scored twice in the second half after a slow start, and the "
    "club now sits third in the league table with eleven games left to play this season.",
    "Shares in {company} rose {a} per cent on {day} after the company reported quarterly "
    "profits ahead of forecasts. Analysts in {city} said demand for its products had held "
    "up despite higher interest rates, and the board proposed a larger dividend. The firm "
    "plans to open {n} new stores next year and to hire more staff for its online business.",
    "Forecasters expect heavy rain across {city} on {day}, with up to {n} millimetres in the "
    "hills. Temperatures will stay around {a} degrees, and winds will ease by the evening. "
    "Farmers welcomed the rain after a dry month, while the roads agency advised drivers to "
    "slow down on the coastal highway and to check the latest travel updates before leaving.",
    "The {city} book fair opens on {day} with {n} publishers and readings by {player} and "
    "other authors. Organisers said ticket sales were {a} per cent higher than last year, and "
    "a new children's tent will host storytelling every afternoon. The fair closes on Sunday "
    "with a concert by the city orchestra in the main square, which is free for everyone.",
)
WORDS = dict(team=["Rovers", "United", "City", "Athletic"], rival=["Wanderers", "Rangers", "Town"],
             day=["Monday", "Tuesday", "Saturday"], city=["Harbourside", "Millbrook", "Eastvale"],
             player=["Sam Okoro", "Lea Brandt", "Ravi Nair"], company=["Acme", "Nordwind", "Kestrel"])


def template_articles(n: int, seed: int = 0) -> list[str]:
    """``n`` event-free articles from the templates (sport, business, weather, culture)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        fill = {k: rng.choice(v) for k, v in WORDS.items()}
        fill.update(a=rng.randint(1, 9), b=rng.randint(0, 4), n=rng.randint(100, 90000))
        body = " ".join(rng.choice(TEMPLATES).format(**fill) for _ in range(2))
        out.append(f"Article {i}\n\n{body}")
    return out


def dev_texts(data: Path) -> tuple[list[str], list[str]]:
    """(event documents, event-free documents) of the labelled dev data."""
    from clamor.evaluate.gold import read_glocon_documents, read_india_police_events

    events, quiet = [], []
    for d in read_glocon_documents(data / "glocon_sample/document_Sabinet_R.json"):
        (events if d.raw_label == 1 else quiet if d.raw_label == 0 else []).append(d.text)
    for d in read_india_police_events(data / "india_police_events/docs.csv"):
        if d.labels["kill"] or d.labels["force"]:
            events.append(d.text)
        elif not d.labels["any_action"]:
            quiet.append(d.text)
    return events, quiet


def stream_texts(data: Path, size: int) -> list[str]:
    """The one-in-ten stream of ``size`` articles: event dev documents, one in ten, among
    event-free dev documents and template articles, half each (seed 0; the same stream as
    the ``stream`` section has always used)."""
    rng = random.Random(0)
    events, quiet = dev_texts(data)
    rng.shuffle(events)
    rng.shuffle(quiet)
    n_events = size // 10
    n_quiet = size - n_events
    others = quiet[:n_quiet // 2] + template_articles(n_quiet - n_quiet // 2)
    rng.shuffle(others)
    stream: list[str] = []
    for i, text in enumerate(others):
        if i % 9 == 0 and len(stream) // 10 < n_events:
            stream.append(events[-(1 + len(stream) // 10)])
        stream.append(text)
    return stream


def stream_warm_up(data: Path, size: int) -> list[str]:
    """``STREAM_WARM_UP`` event articles that the stream of ``size`` does not hold."""
    rng = random.Random(0)
    events, _ = dev_texts(data)
    rng.shuffle(events)
    n_events = size // 10
    return events[-(n_events + STREAM_WARM_UP):-n_events]


# ------------------------------------------------------------------ one measurement each

#: clamor's configurations measured: everything parsed; the pre-parse relevance filter;
#: the fast path (only sentences that can hold an event parsed) with the filter.
CONFIGS = {"clamor": {}, "clamor-prefilter": {"prefilter": True},
           "clamor-fast": {"prefilter": True, "fast_path": True}}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


#: Event articles (not in the timed stream) processed before the stream is timed: clamor
#: loads some resources only when a stage first needs them (the town table of actor and
#: place naming, the geoparser's indexes: ~1-2 s), which warming on one stream article, often
#: event-free, left inside the timed run. Bare spaCy warms on the same texts.
STREAM_WARM_UP = 5


def measure(kind: str, texts: list[str], workers: int = 1,
            warm: list[str] | None = None) -> dict:
    """Run in a child process: time ``kind`` over ``texts`` after a warm-up on ``warm``
    (default: the first text, one per worker)."""
    warm = warm or texts[:max(1, workers)]
    words = sum(len(t.split()) for t in texts)
    if kind == "bare":
        import spacy

        from clamor.nlp.model import resolve_model_name

        nlp = spacy.load(resolve_model_name(os.environ.get("CLAMOR_SPACY_MODEL")))
        list(nlp.pipe(warm))
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "articles": len(texts), "words": words, "peak_mb": _peak_mb()}
    from clamor.distributed.processes import pipeline_for
    from clamor.ingest import read_text
    from clamor.options import Options

    options = Options(**CONFIGS[kind])
    pipeline = pipeline_for(options, workers)
    list(pipeline.pipe([read_text(t) for t in warm]))  # load and warm
    start = time.perf_counter()
    statuses: dict[str, int] = {}
    for e in pipeline.pipe(read_text(t) for t in texts):
        statuses[e.article.status.value] = statuses.get(e.article.status.value, 0) + 1
    seconds = time.perf_counter() - start
    getattr(pipeline, "close", lambda: None)()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "articles": len(texts), "words": words, "statuses": statuses,
            "peak_mb": _peak_mb(), "peak_worker_mb": children if workers > 1 else _peak_mb()}


def in_child(kind: str, texts: list[str], workers: int = 1,
             warm: list[str] | None = None) -> dict:
    payload = json.dumps({"kind": kind, "texts": texts, "workers": workers, "warm": warm})
    proc = subprocess.run([sys.executable, str(HERE), "--child"], input=payload, text=True,
                          capture_output=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def paired(a: tuple, b: tuple, repeats: int) -> tuple[dict, dict, list[float]]:
    """Run ``a`` and ``b`` (each ``(kind, texts, workers)``) alternately ``repeats`` times in
    fresh processes: on a shared machine only a ratio of neighbouring runs means much. The
    median run of each, and every pair's time ratio b/a."""
    runs_a, runs_b = [], []
    for _ in range(repeats):
        runs_a.append(in_child(*a))
        runs_b.append(in_child(*b))
    ratios = [round(y["seconds"] / x["seconds"], 2) for x, y in zip(runs_a, runs_b)]

    def median(runs):
        return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]

    return rates(median(runs_a)), rates(median(runs_b)), ratios


def rates(m: dict) -> dict:
    return {**m, "articles_per_s": round(m["articles"] / m["seconds"], 2),
            "words_per_s": round(m["words"] / m["seconds"]), "seconds": round(m["seconds"], 2),
            "peak_mb": round(m["peak_mb"])}


# ------------------------------------------------------------------ store growth


def store_growth(sizes: list[int], texts: list[str], work: Path, baseline: bool = True) -> list[dict]:
    """Seconds per 1,000 articles added (with their events merged) at each store size; with
    ``baseline``, beside a second store fed the same replicas whose candidate lookup is the
    whole-family scan of schema 0002 (``_scan_store_class``), the timed additions alternating
    between the two in blocks of 100 so that a shared machine's load hits both alike."""
    from clamor.ingest import read_text
    from clamor.pipeline import Pipeline
    from clamor.store import open_store

    template = next(e for e in Pipeline().pipe(read_text(t) for t in texts) if e.events)
    rng = random.Random(0)
    stores = {"indexed": open_store(work / "growth.db")}
    if baseline:
        scan = open_store(work / "growth-scan.db")
        stores["family_scan"] = _scan_store_class()(scan.engine, scan.url)
    out, added = [], 0
    for size in sizes:
        seconds = dict.fromkeys(stores, 0.0)
        while added < size:
            block = [_replica(template, added + k, rng) for k in range(min(100, size - added))]
            timed = added >= size - 1000
            for name, store in stores.items():
                start = time.perf_counter()
                for extraction in block:
                    store.add(extraction)
                seconds[name] += time.perf_counter() - start
            added += len(block)
            if not timed:
                seconds = dict.fromkeys(stores, 0.0)
        row = {"store_articles": size}
        for name, store in stores.items():
            row[name] = {"seconds_per_1000": round(seconds[name], 2),
                         "events_in_store": store.count_events()}
        if baseline:
            row["time_ratio"] = round(seconds["indexed"] / seconds["family_scan"], 3)
        out.append(row)
        print(json.dumps(row), flush=True)  # a long run shows each size as it ends
    for store in stores.values():
        store.close()
    return out


def _scan_store_class():
    """The baseline store class (made on first use: clamor is imported late here)."""
    from sqlalchemy import and_, func, or_, select

    from clamor.merge import type_family
    from clamor.merge.rules import PLACE_RADIUS_KM
    from clamor.store import schema as t
    from clamor.store.store import (CANDIDATE_RADIUS_FACTOR, CANDIDATE_WINDOW_DAYS, Store,
                                    _degrees)

    class ScanStore(Store):
        """The baseline: the candidate query as it was before migration 0003 (one OR over
        point, admin2 and location, read through the family-and-date index)."""

        def _candidate_ids(self, conn, event):
            import datetime as dt

            family = type_family(event.event_type)
            if family is None or event.event_date is None:
                return []
            window = dt.timedelta(days=CANDIDATE_WINDOW_DAYS)
            e = t.events.c
            where = [e.type_family == family,
                     e.event_date.between(event.event_date - window, event.event_date + window)]
            if event.country_code:
                where.append(or_(e.country_code == event.country_code, e.country_code.is_(None)))
            near = []
            if event.latitude is not None and event.longitude is not None:
                dlat, dlon = _degrees(event.latitude, PLACE_RADIUS_KM * CANDIDATE_RADIUS_FACTOR)
                near.append(and_(e.latitude.between(event.latitude - dlat, event.latitude + dlat),
                                 e.longitude.between(event.longitude - dlon,
                                                     event.longitude + dlon)))
            if event.admin2:
                near.append(func.lower(e.admin2) == event.admin2.lower())
            if event.location:
                near.append(func.lower(e.location) == event.location.lower())
            if not near:
                return []
            where.append(or_(*near))
            return [r[0] for r in conn.execute(select(e.event_id).where(and_(*where)))]

    return ScanStore


def _replica(extraction, i: int, rng: random.Random):
    """The extraction as if from article ``i``: its own id, and events moved to one of 500
    places (2 degrees apart, no admin names, so only the same place matches) and one of
    365 days, so some merge with earlier ones as real reports do."""
    import datetime as dt

    aid = f"bench{i:07d}"
    article = extraction.article.model_copy(update={"article_id": aid})
    events = []
    for j, e in enumerate(extraction.events):
        place = rng.randrange(500)
        events.append(e.model_copy(update={
            "event_id": f"{aid}:e{j}", "article_id": aid,
            "event_date": dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(365)),
            "latitude": -30 + (place % 25) * 2.0, "longitude": 10 + (place // 25) * 2.0,
            "location": f"Place {place}", "admin1": None, "admin2": None,
            "geonames_id": None}))
    return extraction.model_copy(update={"article": article, "events": events, "reactions": []})


# ------------------------------------------------------------------ main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("CLAMOR_DATA", "../shared/data")))
    ap.add_argument("--events", type=int, default=60, help="event articles (sections 1 and 3)")
    ap.add_argument("--stream", type=int, default=300, help="articles in the one-in-ten stream")
    ap.add_argument("--store-sizes", default="1000,10000")
    ap.add_argument("--no-store-baseline", action="store_true",
                    help="store section: skip the pre-0003 family-scan store fed alongside")
    ap.add_argument("--skip", default="", help="comma-separated sections to skip: "
                    "events,stream,workers,store")
    ap.add_argument("--repeats", type=int, default=3, help="paired runs per comparison")
    ap.add_argument("--clamor", default="clamor-fast", choices=sorted(CONFIGS),
                    help="clamor's configuration in the events and stream sections")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if args.child:
        job = json.loads(sys.stdin.read())
        print(json.dumps(measure(job["kind"], job["texts"], job["workers"], job.get("warm"))))
        return 0
    skip = set(filter(None, args.skip.split(",")))
    rng = random.Random(0)
    events, quiet = dev_texts(args.data)
    rng.shuffle(events)
    rng.shuffle(quiet)
    report: dict = {"machine": {"platform": platform.platform(), "python": platform.python_version(),
                                "cpus": os.cpu_count()},
                    "command": " ".join(sys.argv)}
    sample = events[:args.events]
    if "events" not in skip:
        bare, clamor, ratios = paired(("bare", sample, 1), (args.clamor, sample, 1), args.repeats)
        report["event_articles"] = {"bare_nlp_pipe": bare, args.clamor: clamor,
                                    "time_ratio_per_pair": ratios,
                                    "time_ratio_median": sorted(ratios)[len(ratios) // 2]}
        print(json.dumps(report["event_articles"]), flush=True)
    if "stream" not in skip:
        n_events = args.stream // 10
        n_quiet = args.stream - n_events
        stream = stream_texts(args.data, args.stream)
        warm = stream_warm_up(args.data, args.stream)
        bare, clamor, ratios = paired(("bare", stream, 1, warm), (args.clamor, stream, 1, warm),
                                      args.repeats)
        report["one_in_ten_stream"] = {
            "composition": {"event_dev_docs": n_events, "event_free_dev_docs": n_quiet // 2,
                            "template_articles": n_quiet - n_quiet // 2},
            "bare_nlp_pipe": bare, args.clamor: clamor,
            "throughput_ratio_per_pair": [round(1 / r, 2) for r in ratios],
            "throughput_ratio_median": round(1 / sorted(ratios)[len(ratios) // 2], 2)}
        print(json.dumps(report["one_in_ten_stream"]), flush=True)
    if "workers" not in skip:
        one, two, ratios = paired((args.clamor, sample, 1), (args.clamor, sample, 2),
                                  args.repeats)
        report["workers"] = {"one": one, "two": two,
                             "speed_up_per_pair": [round(1 / r, 2) for r in ratios],
                             "speed_up_median": round(1 / sorted(ratios)[len(ratios) // 2], 2)}
        print(json.dumps(report["workers"]), flush=True)
    if "store" not in skip:
        sizes = [int(s) for s in args.store_sizes.split(",")]
        with tempfile.TemporaryDirectory() as work:
            report["store_growth"] = store_growth(sizes, events, Path(work),
                                                  baseline=not args.no_store_baseline)
        print(json.dumps(report["store_growth"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
