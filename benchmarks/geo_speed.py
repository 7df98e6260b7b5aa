#!/usr/bin/env python
"""Speed and memory of clamor's gazetteer and geoparser.

    python benchmarks/geo_speed.py [--data ../shared/data] [--articles 50]

Measures, each in a fresh subprocess so start-up and memory are honest:

* start-up uncached: building the SQLite index into an empty cache dir;
* start-up cached: opening the cached index and answering the first lookup;
* lookup latency: mean per name over a fixed list (the in-process memo cleared first);
* resolution: mean per article of resolving LGL's gold toponyms together (no spaCy);
* resident memory (max RSS) after loading the gazetteer and resolving those articles.

Absolute times depend on the machine, so each is also given as a ratio to a baseline run
in the same process: ``json.loads`` of a fixed 1 MB document (a fixed amount of Python
work). Targets (issue 4): cached start-up < 2 s, lookup << 1 ms, RSS < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Kazerun", "Kāzerūn", "Kazeroon", "Shiraz", "Fars Province", "Kermanshah", "Alexandria",
         "Springfield", "Rapides Parish", "Paris", "U.S.", "Nairobi", "Dhaka", "Kabul",
         "Mediterranean Sea", "Xqzzyville", "Georgia", "Washington", "Helmand", "Mombasa"]


def baseline_seconds() -> float:
    """Time of a fixed amount of Python work (json.loads of ~1 MB), best of 5."""
    doc = json.dumps([{"id": i, "name": f"place {i}", "lat": i / 7, "alt": ["a", "b"]}
                      for i in range(15_000)])
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        json.loads(doc)
        best = min(best, time.perf_counter() - t)
    return best


CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from clamor.geo.gazetteer import Gazetteer
gaz = Gazetteer()
gaz.lookup("Kazerun")
startup = time.perf_counter() - t0
names = json.loads(sys.argv[1])
n = 0
t = time.perf_counter()
for _ in range(20):
    gaz._lookup_cache.clear()
    for name in names:
        gaz.lookup(name)
        n += 1
lookup = (time.perf_counter() - t) / n
resolve = None
if sys.argv[2]:
    from pathlib import Path
    from clamor.evaluate.geoparsing import read_gold
    from clamor.geo.geoparser import Geoparser
    gp = Geoparser(gazetteer=gaz)
    arts = list(read_gold(Path(sys.argv[2]) / "geoparsing" / "lgl.xml", "lgl"))[: int(sys.argv[3])]
    t = time.perf_counter()
    for a in arts:
        gp.resolve_spans(a.text, [(g.start, g.end) for g in a.toponyms])
    resolve = (time.perf_counter() - t) / max(1, len(arts))
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"startup": startup, "lookup": lookup, "resolve": resolve, "rss_mb": rss_mb}))
"""


def run_child(cache: str, data: str, articles: int) -> dict:
    env = dict(os.environ, CLAMOR_CACHE_DIR=cache)
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(NAMES), data, str(articles)],
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("CLAMOR_DATA", str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--data", default=default)
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    data = args.data if (Path(args.data) / "geoparsing" / "lgl.xml").is_file() else ""
    base = baseline_seconds()
    with tempfile.TemporaryDirectory() as cache:
        t = time.perf_counter()
        cold = run_child(cache, "", 0)
        uncached = time.perf_counter() - t
        warm = run_child(cache, data, args.articles)
    rows = [
        ("baseline json.loads 1 MB", base, None),
        ("start-up uncached (build index, subprocess)", uncached, None),
        ("start-up cached (open + first lookup)", warm["startup"], 2.0),
        ("lookup, mean per name", warm["lookup"], 0.001),
    ]
    if warm["resolve"] is not None:
        rows.append((f"resolve gold toponyms, mean per LGL article (n={args.articles})",
                     warm["resolve"], None))
    print(f"{'measure':58} {'seconds':>10} {'x baseline':>11} {'target':>8}")
    for label, sec, target in rows:
        tgt = f"<{target:g}s" if target else ""
        print(f"{label:58} {sec:10.5f} {sec / base:11.4f} {tgt:>8}")
    print(f"{'max RSS after load + resolution (MB)':58} {warm['rss_mb']:10.1f} {'':>11} {'<500':>8}")
    print(f"{'max RSS while building the index (MB)':58} {cold['rss_mb']:10.1f}")


if __name__ == "__main__":
    main()
