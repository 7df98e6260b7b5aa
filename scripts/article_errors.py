"""Why clamor misses whole-article gold events, and what its extra events are (issue 12).

Runs the pipeline once on ``articles_gold/articles_dev.json`` (gate off, no threshold),
watching the extraction from outside (the typed mentions handed to assembly, the events
before and after the geoparser), and scores it with the one scorer of
``clamor evaluate articles``. Then it puts every gold event the typed matching missed in
one category, the first that applies:

- ``wrong type``: an event is at the right place and date, of another type;
- ``merged``: the event of the gold's type nearest to it is already the match of another
  gold event of the article (two incidents made one);
- ``place wrong`` / ``date wrong`` / ``place and date wrong``: an event of the gold's type
  exists in the article but is elsewhere / on another day (which place, and by which
  rule: ``role`` = a place of the mention's own sentence, ``main-place`` = inherited
  from the article's most-named event place, ``geo-sentence``, ``geo-focus``,
  ``geo-dateline`` = chosen by the geoparser when extraction gave none);
- ``typed, lost in assembly``: a mention of the gold's type exists but its incident took
  another type;
- ``typed as another type``: the gold's evidence sentence holds a mention of another
  type only;
- ``no mention``: nothing typed in the evidence sentence, nor of that type anywhere.

and every predicted event the typed matching left over in one of: ``event-free article``,
``wrong type`` (right place and date, another type), ``duplicate`` (same type and place
as a matched event), ``background`` (dated more than :data:`BACKGROUND_GAP` days before
every gold event and the article date), ``wrong place`` (the gold has an unmatched event
of that type), ``not an event`` (none of these).

Counts by category per dataset go to stdout; ``--rows`` adds one line per case (for
reading categories, never for writing a rule to one row).

    CLAMOR_DATA=../shared/data .venv/bin/python scripts/article_errors.py [--rows]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

import clamor.extract as extract_pkg
import clamor.extract.core as core
import clamor.geo as geo_pkg
from clamor.evaluate.articles import (
    MATCH_DAYS, PredictedEvent, _date_gap, _place_km, gold_articles_as_input, match_events,
    read_articles_gold, score_articles,
)
from clamor.options import Options
from clamor.pipeline import Pipeline

#: A false positive dated this many days before every gold event of its article (and
#: before the article's date) retells an older event.
BACKGROUND_GAP = 7

_seen: dict[str, dict] = {}
_current: list[str] = []


def _watch() -> None:
    """Record, per article, the mentions and incidents of assembly and the events before
    the geoparser (the pipeline runs unchanged)."""
    orig_extract, orig_assemble, orig_locate = (
        extract_pkg.extract_events, core.assemble, geo_pkg.locate_events)

    def extract_events(article, doc, options=None):
        _current[:] = [article.article_id]
        _seen[article.article_id] = {"text": article.text, "mentions": [], "incidents": [],
                                     "pre_geo": [], "dateline": article.dateline_place}
        return orig_extract(article, doc, options)

    def assemble(mentions, place_of, date_of, *rest):
        rec = _seen[_current[0]]
        rec["mentions"] = [(m, place_of(m), date_of(m)) for m in mentions]
        incidents = orig_assemble(mentions, place_of, date_of, *rest)
        rec["incidents"] = sorted(incidents, key=lambda c: min(m.start for m in c.mentions))
        return incidents

    def locate_events(article, doc, events, *rest, **kw):
        _seen[article.article_id]["pre_geo"] = list(events)
        return orig_locate(article, doc, events, *rest, **kw)

    extract_pkg.extract_events = extract_events
    core.assemble = assemble
    geo_pkg.locate_events = locate_events


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    hi = min([i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0] or [len(text)])
    return lo + 1, hi


def _place_rule(rec: dict, n: int, event) -> str:
    """How the n-th event got its place."""
    incidents, pre = rec["incidents"], rec["pre_geo"]
    inc = incidents[n] if n < len(incidents) else None
    before = pre[n] if n < len(pre) else None
    if before is not None and before.location:
        return "role" if inc is not None and inc.placed else "main-place"
    loc = next((e for e in event.evidence if e.field == "location"), None)
    if loc is None:
        return "none"
    if rec["dateline"] and loc.text.lower() == rec["dateline"].lower() and loc.start < 200:
        return "geo-dateline"
    starts = [e.start for e in event.evidence if e.field == "event_type"]
    spans = [_sentence_span(rec["text"], s, s) for s in starts]
    return "geo-sentence" if any(a <= loc.start < b for a, b in spans) else "geo-focus"


def _why_missed(gold, gi, preds, events, typed, rec) -> tuple[str, str]:
    g = gold.events[gi]
    anyt = {a: b for a, b, _ in match_events(gold.events, preds)}
    typed_pred = {b: a for a, b, _ in typed}
    if gi in anyt and preds[anyt[gi]].event_type != g.event_type:
        return "wrong type", f"as {preds[anyt[gi]].event_type}"
    same = [i for i, p in enumerate(preds) if p.event_type == g.event_type]
    if same:
        def closeness(i):
            return (_place_km(g, preds[i]) is None, _date_gap(g, preds[i]) is None)
        i = min(same, key=closeness)
        p = preds[i]
        if i in typed_pred:
            return "merged", f"into gold {typed_pred[i]}"
        place_ok, date_ok = _place_km(g, p) is not None, _date_gap(g, p) is not None
        rule = _place_rule(rec, i, events[i])
        if not place_ok and not date_ok:
            return "place and date wrong", f"{p.location} ({rule}) {p.event_date} vs {g.location} {g.event_date}"
        if not place_ok:
            return "place wrong", f"{p.location} by {rule} vs {g.location}"
        return "date wrong", f"{p.event_date} vs {g.event_date}"
    mentions = rec["mentions"]
    if any(m.event_type == g.event_type for m, _, _ in mentions):
        return "typed, lost in assembly", ""
    text = rec["text"]
    at = text.find(g.evidence or "\0")
    if at >= 0:
        lo, hi = at, at + len(g.evidence)
        inside = [m for m, _, _ in mentions if m.sentence.start < hi and lo < m.sentence.end]
        if inside:
            return "typed as another type", ", ".join(sorted({m.event_type for m in inside}))
    return "no mention", ""


def _why_extra(gold, pi, preds, typed) -> str:
    p = preds[pi]
    if not gold.events:
        return "event-free article"
    anyt = {b: a for a, b, _ in match_events(gold.events, preds)}
    if pi in anyt and gold.events[anyt[pi]].event_type != p.event_type:
        return "wrong type"
    for _gi, qi, _ in typed:
        q = preds[qi]
        if q.event_type == p.event_type and q.latitude is not None and p.latitude is not None:
            from clamor.geo.distance import haversine_km
            if haversine_km(q.latitude, q.longitude, p.latitude, p.longitude) <= 50:
                return "duplicate"
        elif q.event_type == p.event_type and q.location == p.location:
            return "duplicate"
    dates = [g.event_date for g in gold.events if g.event_date] + (
        [gold.article_date] if gold.article_date else [])
    if p.event_date and dates and all((d - p.event_date).days > max(BACKGROUND_GAP, MATCH_DAYS) for d in dates):
        return "background"
    matched = {a for a, _, _ in typed}
    if any(g.event_type == p.event_type and i not in matched for i, g in enumerate(gold.events)):
        return "wrong place"
    return "not an event"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", action="store_true", help="print one line per case")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    data = Path(os.environ.get("CLAMOR_DATA", "../shared/data"))
    gold = read_articles_gold(data / "articles_gold" / "articles_dev.json", args.limit)
    _watch()
    options = Options()
    articles = gold_articles_as_input(gold, data, options)
    results = list(Pipeline(options).pipe(articles))
    predictions = {g.article_id: list(r.events) for g, r in zip(gold, results)}
    figures = score_articles(gold, predictions)["figures"]
    missed: dict[str, Counter] = defaultdict(Counter)
    extra: dict[str, Counter] = defaultdict(Counter)
    rows = []
    for g, art in zip(gold, articles):
        events = predictions[g.article_id]
        preds = [PredictedEvent.of(e) for e in events]
        rec = _seen.get(art.article_id, {"text": art.text, "mentions": [], "incidents": [],
                                         "pre_geo": [], "dateline": None})
        typed = match_events(g.events, preds, typed=True)
        got = {a for a, _, _ in typed}
        for gi, ev in enumerate(g.events):
            if gi in got:
                continue
            cat, detail = _why_missed(g, gi, preds, events, typed, rec)
            missed[g.dataset][cat] += 1
            rows.append(f"MISS {g.dataset} {g.article_id} [{ev.event_type}/{ev.sub_event_type} "
                        f"{ev.location} {ev.event_date}] {cat}: {detail}")
        used = {b for _, b, _ in typed}
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            cat = _why_extra(g, pi, preds, typed)
            extra[g.dataset][cat] += 1
            rows.append(f"EXTRA {g.dataset} {g.article_id} [{p.event_type}/{p.sub_event_type} "
                        f"{p.location} {p.event_date}] {cat} (place by {_place_rule(rec, pi, events[pi])})")
    for ds in sorted(missed.keys() | extra.keys()):
        f = {k: figures.get(f"{ds}_{k}") for k in ("typed_precision", "typed_recall", "typed_f1",
                                                     "place_date_recall", "event_free_with_events")}
        print(f"== {ds}: " + ", ".join(f"{k} {v}" for k, v in f.items()))
        print("  missed gold events: " + ", ".join(f"{k} {v}" for k, v in missed[ds].most_common()))
        print("  extra events:       " + ", ".join(f"{k} {v}" for k, v in extra[ds].most_common()))
    if args.rows:
        print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
