#!/usr/bin/env python
"""Build ``src/clamor/data/extract/regime_years.tsv``: ACLED's regime years of state forces.

ACLED names a state's forces with the years of the regime they serve, "Police Forces of
Kenya (2013-)", "Military Forces of the Philippines (2010-2016)". Those years are a naming
convention, not something a text states, so clamor reads them from a table: for each state
force name seen in the ACLED notes' actor columns (actor1, actor2; the training split only,
:func:`clamor.evaluate.gold.is_heldout` rows are left out), its years and the first and
last event date it was seen on. Only state-force names (Police / Military Forces of X) with
years and no unit suffix are kept, and only those seen on at least ``MIN_ROWS`` rows.

    python scripts/build_regime_years.py [DATA_DIR]   (default $CLAMOR_DATA)

Prints the SHA-256 of each input, to be copied into PROVENANCE.md.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from clamor.evaluate.gold import is_heldout, read_acled
from clamor.evaluate.scorer import corpus_sha256, default_data_dir

FILES = ("acled/acled_dev.csv", "acled/acled_extra.csv")
OUT = Path(__file__).resolve().parents[1] / "src/clamor/data/extract/regime_years.tsv"
#: A name seen on fewer rows is left out: a one-off spelling is more likely a coding slip
#: than a regime.
MIN_ROWS = 3
STATE = re.compile(r"^(?P<force>Police|Military) Forces of (?P<the>the )?(?P<country>[A-Z][^()]*?) "
                   r"\((?P<start>\d{4})-(?P<end>\d{4})?\)$")


def main() -> int:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else default_data_dir()
    seen: dict[tuple, list] = defaultdict(list)
    for name in FILES:
        path = data / name
        print(f"{name}\tsha256 {corpus_sha256(path)}", file=sys.stderr)
        for row in read_acled(path, taxonomy=None):
            if is_heldout(row.event_id) or row.event_date is None:
                continue
            for actor in (row.actor1, row.actor2):
                m = STATE.match(actor or "")
                if m:
                    key = (m["country"], m["force"], bool(m["the"]), m["start"], m["end"] or "")
                    seen[key].append(row.event_date)
    lines = ["# ACLED regime years of state forces, built by scripts/build_regime_years.py from the",
             "# actor columns of the ACLED notes' training split (see PROVENANCE.md). Columns:",
             "# country (as ACLED writes it in the name), force, 'the' before the country (1/0),",
             "# first year, last year (empty: open), first and last event date seen, rows."]
    for key in sorted(seen):
        dates = seen[key]
        if len(dates) < MIN_ROWS:
            continue
        country, force, the, start, end = key
        lines.append("\t".join([country, force, str(int(the)), start, end,
                                min(dates).isoformat(), max(dates).isoformat(), str(len(dates))]))
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{len(lines) - 4} regimes -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
