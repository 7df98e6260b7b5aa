#!/usr/bin/env python
"""Where the geoparser misses: the counts quoted in docs/geoparsing.md.

    python scripts/geo_failures.py [../shared/data] [--limit N]          ACLED dev notes
    python scripts/geo_failures.py [../shared/data] --lgl                 LGL gold toponyms
    python scripts/geo_failures.py [../shared/data] --loco [--limit 150]  the full coder, per country

ACLED: each 2019+ note is located as `clamor.evaluate.geoparsing.evaluate_acled` locates
it; a note that misses 25 km is classed by whether ACLED's location name occurs in the note
and whether the gazetteer holds a place of that name within 25 km of ACLED's point; then
the shares within 25 km and located, by country.

LOCO (``--loco``): the full coder (``clamor.pipeline``, no country given) on each
leave-one-country-out country's sample (the notes ``clamor.evaluate.loco`` scores fatalities
and actors on, first ``--limit`` in hash order, 150 by default): per country the shares
whose country is right, missing (actors then read "(International)") or wrong, within 25 km
and admin1 right; then the wrong or missing countries sorted into categories.

LGL: the gold toponyms beyond 161 km, classed as unresolved, resolved to the gold GeoNames
id (the gold point differs from the gazetteer's), or another place; the gold ids missing
from the gazetteer; the names missed most often. Prints counts and place names only,
never note or article text.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from clamor.evaluate.geoparsing import (
    RADIUS_KM_NARROW, RADIUS_KM_WIDE, locate_acled_notes, names_location, read_gold)
from clamor.geo import get_gazetteer, get_geoparser
from clamor.geo.distance import haversine_km


def cause(row, located, gazetteer) -> str:
    """The reason one note's event is not within 25 km of ACLED's point ("ok" when it is)."""
    if located.latitude is not None and haversine_km(
            row.latitude, row.longitude, located.latitude, located.longitude) <= RADIUS_KM_NARROW:
        return "ok"
    if str(row.geo_precision) == "3":
        return "ACLED's own point is a region (precision 3)"
    if not names_location(row):
        return "ACLED's location is not named in the note"
    in_gazetteer = any(c.lat is not None and haversine_km(row.latitude, row.longitude, c.lat, c.lon)
                       <= RADIUS_KM_NARROW for c in gazetteer.lookup(row.location))
    if not in_gazetteer:
        return "named in the note, but no gazetteer place of that name within 25 km"
    return "clamor's error: named and in the gazetteer, not chosen"


def _print_counts(counts: Counter, total: int, unit: str) -> None:
    for reason, n in counts.most_common():
        print(f"{n:6d}  {n / total:6.1%}  {reason}")
    print(f"{total:6d}  {unit}")


def acled(data: Path, limit: int | None) -> None:
    gazetteer = get_gazetteer()
    causes: Counter = Counter()
    per_country: dict[str, Counter] = {}
    for row, located in locate_acled_notes(data, limit):
        reason = cause(row, located, gazetteer)
        causes[reason] += 1
        tally = per_country.setdefault(row.country, Counter())
        tally.update(notes=1, ok=reason == "ok", located=located.latitude is not None)
    _print_counts(causes, sum(causes.values()), "notes")
    print("\nby country: notes, within 25 km, located")
    for country, t in sorted(per_country.items()):
        print(f"  {country}: {t['notes']}, {t['ok'] / t['notes']:.1%}, {t['located'] / t['notes']:.1%}")


def loco_category(row, event) -> str | None:
    """Why the full coder's main event has no or the wrong country (None: right)."""
    from clamor.extract.arguments import acled_country
    from clamor.geo.normalize import name_key

    if event is None:
        return "no event found"
    if event.country and name_key(acled_country(event.country)) == name_key(acled_country(row.country)):
        return None
    compound = " - " in (row.location or "")
    if not event.country:
        return ("no place resolved, " + ("compound name 'A - B'" if compound else
                "note names ACLED's location" if names_location(row) else "ACLED's location not named"))
    if event.geo_precision == 3:
        return "wrong country: a country or region of another country"
    if compound:
        return "wrong country: compound name 'A - B'"
    if event.location and name_key(event.location)[:4] in name_key(row.location or ""):
        return "wrong country: namesake abroad"
    return "wrong country: another town abroad"


def loco(data: Path, limit: int | None) -> None:
    from clamor.evaluate import loco as loco_eval

    rows = loco_eval.read_rows(loco_eval.acled_paths(data))
    causes: Counter = Counter()
    print("country: notes, country right, missing, wrong, within 25 km, admin1 right")
    for country in loco_eval.eligible_countries(rows):
        sample = sorted((r for r in rows if r.country == country), key=loco_eval._hash_order)
        sample = sample[:limit or loco_eval.FATALITY_SAMPLE]
        t: Counter = Counter()
        for row, e in zip(sample, loco_eval.pipeline_events(sample)):
            why = loco_category(row, e)
            causes[why or "ok"] += 1
            t.update(right=why is None, missing=e is not None and not e.country,
                     wrong=bool(why) and e is not None and bool(e.country))
            if e is not None and e.latitude is not None:
                t["km25"] += haversine_km(row.latitude, row.longitude, e.latitude,
                                          e.longitude) <= RADIUS_KM_NARROW
                t["a1"] += bool(e.admin1) and e.admin1.lower() == (row.admin1 or "").lower()
        n = len(sample)
        print(f"  {country}: {n}, " + ", ".join(f"{t[k] / n:.3f}" for k in
                                               ("right", "missing", "wrong", "km25", "a1")))
    print()
    _print_counts(causes, sum(causes.values()), "notes")


def lgl(data: Path, limit: int | None) -> None:
    gp = get_geoparser()
    kinds: Counter = Counter()
    names: Counter = Counter()
    n_gold = n_absent = 0
    for i, art in enumerate(read_gold(data / "geoparsing" / "lgl.xml", "lgl")):
        if limit is not None and i >= limit:
            break
        resolved = gp.resolve_spans(art.text, [(g.start, g.end) for g in art.toponyms])
        for g, t in zip(art.toponyms, resolved):
            if g.geonames_id is not None:
                n_gold += 1
                n_absent += gp.gazetteer.get(g.geonames_id) is None
            if g.lat is None:
                continue
            p = t.place
            if p is not None and p.lat is not None and haversine_km(
                    g.lat, g.lon, p.lat, p.lon) <= RADIUS_KM_WIDE:
                continue
            kinds["unresolved" if p is None else "the gold id, another point"
                  if p.geonames_id == g.geonames_id else "another place"] += 1
            names[g.text] += 1
    _print_counts(kinds, sum(kinds.values()), f"gold toponyms beyond {RADIUS_KM_WIDE:g} km")
    print(f"\n{n_absent} of {n_gold} gold GeoNames ids ({n_absent / n_gold:.1%}) are not in the gazetteer")
    print("missed most often: " + ", ".join(f"{name} {n}" for name, n in names.most_common(15)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--lgl", action="store_true", help="LGL gold toponyms instead of ACLED notes")
    parser.add_argument("--loco", action="store_true", help="the full coder on each LOCO country's sample")
    args = parser.parse_args()
    (lgl if args.lgl else loco if args.loco else acled)(args.data, args.limit)


if __name__ == "__main__":
    main()
