#!/usr/bin/env python
"""Where clamor's time goes on the one-in-ten stream (issue 15), in one process.

    CLAMOR_DATA=../shared/data nice python benchmarks/profile_stream.py [--stream 300]
        [--top 25] [--bare]

Builds the same stream as ``benchmarks/throughput.py`` (its ``stream_texts``), loads and
warms clamor (``--clamor``: the configuration that benchmark's stream section runs) on the
event articles that benchmark warms on (``stream_warm_up``), then profiles ``read_text`` and
``Pipeline.pipe`` over the stream with cProfile and prints the top functions by
cumulative time and the seconds of each stage (cleaning and language identification,
the pre-parse decision, spaCy, clamor's post-parse stages). With ``--bare`` it also
times a bare ``nlp.pipe`` of the packaged model over the same texts in the same process,
so the ratio is read from one run. Profiling slows Python code more than spaCy's
compiled code: read the stage shares, not absolute rates.

With ``--groups`` nothing is profiled: bare ``nlp.pipe`` and clamor are timed, alternately
and ``--repeats`` times, on each part of the stream (the event articles, the event-free dev
documents, the template articles), in one process after the same warm-up; each part's
share of the bare time and clamor's cost on it say where the stream's ratio comes from.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: The functions whose cumulative seconds make the stage table (qualified by file end).
STAGES = {
    "read_text (cleaning, metadata, language)": ("ingest/__init__.py", "read_text"),
    "  language identification": ("nlp/language.py", "identify_language"),
    "  line cleaning": ("ingest/clean.py", "clean_lines"),
    "prefilter (relevance score, trigger word)": ("clamor/pipeline.py", "prefilter"),
    "fast-path scope (trigger sentences)": ("nlp/scope.py", "parse_spans"),
    "spaCy (nlp.pipe, scoped docs)": ("spacy/language.py", "pipe"),
    "post-parse stages (run_stages)": ("clamor/pipeline.py", "run_stages"),
    "  event extraction": ("extract/core.py", "extract_events"),
    "  relevance score": ("clamor/pipeline.py", "_relevance"),
    "  geoparser (locate_events)": ("geo/events.py", "locate_events"),
    "  source assessment": ("assess/source.py", "assess_source"),
}


def stage_seconds(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds of each ``STAGES`` function (0.0 when it did not run)."""
    out = dict.fromkeys(STAGES, 0.0)
    for (path, _, name), row in stats.stats.items():
        for label, (suffix, func) in STAGES.items():
            if name == func and path.replace(os.sep, "/").endswith(suffix):
                out[label] = max(out[label], row[3])
    return out


def stream_groups(data: Path, size: int) -> dict[str, list[str]]:
    """The stream's texts by part, in stream order."""
    from throughput import dev_texts, stream_texts, template_articles

    events = set(dev_texts(data)[0])
    templates = set(template_articles(size))
    groups: dict[str, list[str]] = {"event articles": [], "event-free dev documents": [],
                                     "template articles": []}
    for text in stream_texts(data, size):
        part = ("event articles" if text in events else "template articles"
                if text in templates else "event-free dev documents")
        groups[part].append(text)
    return groups


def time_groups(args) -> int:
    """Bare and clamor seconds on each part of the stream (median of ``--repeats``)."""
    import spacy
    from throughput import CONFIGS, stream_warm_up

    from clamor.ingest import read_text
    from clamor.nlp.model import resolve_model_name
    from clamor.options import Options
    from clamor.pipeline import Pipeline

    groups = stream_groups(args.data, args.stream)
    warm = stream_warm_up(args.data, args.stream)
    nlp = spacy.load(resolve_model_name(os.environ.get("CLAMOR_SPACY_MODEL")))
    pipeline = Pipeline(Options(**CONFIGS[args.clamor]))
    list(nlp.pipe(warm))
    list(pipeline.pipe(read_text(t) for t in warm))

    def bare(texts):
        for _ in nlp.pipe(texts, batch_size=16):
            pass

    def clamor(texts):
        for _ in pipeline.pipe(read_text(t) for t in texts):
            pass

    def cleaning(texts):  # read_text alone: what every article costs before any decision
        for t in texts:
            read_text(t)

    rows = {}
    for part, texts in groups.items():
        times: dict[str, list[float]] = {"bare": [], "clamor": [], "read_text": []}
        for _ in range(args.repeats):
            for name, run in (("bare", bare), ("clamor", clamor), ("read_text", cleaning)):
                start = time.perf_counter()
                run(texts)
                times[name].append(time.perf_counter() - start)
        rows[part] = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
        rows[part]["n"] = len(texts)
    total_bare = sum(r["bare"] for r in rows.values())
    total_clamor = sum(r["clamor"] for r in rows.values())
    print(f"load average {os.getloadavg()[0]:.2f}; medians of {args.repeats} runs, seconds")
    print("| part | articles | bare | clamor | read_text alone | clamor/bare | share of bare "
          "time | clamor's time as a share of bare |")
    print("|---|---|---|---|---|---|---|---|")
    for part, r in list(rows.items()) + [("whole stream", {
            "n": sum(r["n"] for r in rows.values()), "bare": total_bare, "clamor": total_clamor,
            "read_text": sum(r["read_text"] for r in rows.values())})]:
        print(f"| {part} | {r['n']} | {r['bare']:.2f} | {r['clamor']:.2f} | "
              f"{r['read_text']:.2f} | {r['clamor'] / r['bare']:.2f} | "
              f"{r['bare'] / total_bare:.3f} | {r['clamor'] / total_bare:.3f} |")
    print(f"throughput ratio clamor/bare: {total_bare / total_clamor:.2f}x")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("CLAMOR_DATA", "../shared/data")))
    ap.add_argument("--stream", type=int, default=300)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--bare", action="store_true", help="also time bare nlp.pipe here")
    ap.add_argument("--clamor", default="clamor-fast", help="clamor's configuration, as in "
                    "throughput.py's CONFIGS (default: the one its stream section runs)")
    ap.add_argument("--save", type=Path, default=None, help="write the raw profile here "
                    "(pstats format, for `python -m pstats`)")
    ap.add_argument("--groups", action="store_true", help="time each part of the stream, "
                    "bare and clamor, instead of profiling")
    ap.add_argument("--repeats", type=int, default=3, help="--groups: timed runs per part")
    args = ap.parse_args()
    from throughput import CONFIGS, stream_texts, stream_warm_up
    if args.groups:
        return time_groups(args)

    from clamor.ingest import read_text
    from clamor.options import Options
    from clamor.pipeline import Pipeline

    texts = stream_texts(args.data, args.stream)
    pipeline = Pipeline(Options(**CONFIGS[args.clamor]))
    warm = stream_warm_up(args.data, args.stream)
    list(pipeline.pipe(read_text(t) for t in warm))  # load and warm every resource
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    statuses: dict[str, int] = {}
    for e in pipeline.pipe(read_text(t) for t in texts):
        statuses[e.article.status.value] = statuses.get(e.article.status.value, 0) + 1
    profile.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profile)
    if args.save:
        stats.dump_stats(args.save)
    print(f"{len(texts)} articles, profiled wall {wall:.2f} s, statuses {statuses}, "
          f"load average {os.getloadavg()[0]:.2f}")
    for label, seconds in stage_seconds(stats).items():
        print(f"{label:45s} {seconds:7.2f} s")
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("cumulative").print_stats(args.top)
    print(out.getvalue())
    if args.bare:
        import spacy

        from clamor.nlp.model import resolve_model_name

        nlp = spacy.load(resolve_model_name(os.environ.get("CLAMOR_SPACY_MODEL")))
        list(nlp.pipe(warm))
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        print(f"bare nlp.pipe over the same texts (not profiled): {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
