#!/usr/bin/env python
"""Why ACLED dev notes miss the 25 km mark: counts per cause (the table in docs/geoparsing.md).

    python scripts/geo_failures.py [../shared/data] [--limit N]

Each 2019+ note is located as `clamor.evaluate.geoparsing.evaluate_acled` locates it; a
note that misses is classed by whether ACLED's location name occurs in the note and whether
the gazetteer holds a place of that name within 25 km of ACLED's point. Prints counts only,
never note text.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from clamor.evaluate.geoparsing import RADIUS_KM_NARROW, locate_acled_notes
from clamor.geo import get_gazetteer
from clamor.geo.distance import haversine_km
from clamor.geo.normalize import name_key


def cause(row, located, gazetteer) -> str:
    """The reason one note's event is not within 25 km of ACLED's point ("ok" when it is)."""
    if located.latitude is not None and haversine_km(
            row.latitude, row.longitude, located.latitude, located.longitude) <= RADIUS_KM_NARROW:
        return "ok"
    if str(row.geo_precision) == "3":
        return "ACLED's own point is a region (precision 3)"
    if not row.location or name_key(row.location) not in name_key(row.text):
        return "ACLED's location is not named in the note"
    in_gazetteer = any(c.lat is not None and haversine_km(row.latitude, row.longitude, c.lat, c.lon)
                       <= RADIUS_KM_NARROW for c in gazetteer.lookup(row.location))
    if not in_gazetteer:
        return "named in the note, but no gazetteer place of that name within 25 km"
    return "clamor's error: named and in the gazetteer, not chosen"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    gazetteer = get_gazetteer()
    counts = Counter(cause(row, located, gazetteer)
                     for row, located in locate_acled_notes(args.data, args.limit))
    total = sum(counts.values())
    for reason, n in counts.most_common():
        print(f"{n:6d}  {n / total:6.1%}  {reason}")
    print(f"{total:6d}  notes")


if __name__ == "__main__":
    main()
