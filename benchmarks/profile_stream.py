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
    args = ap.parse_args()
    from throughput import CONFIGS, stream_texts, stream_warm_up

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
