#!/usr/bin/env python
"""How many ACLED held-out notes state a year: the ceiling on `date_exact` for any coder.

    python scripts/acled_note_years.py [../shared/data/acled/acled_dev.csv]

ACLED notes carry no publication date, so a note whose text names no year ("On 23 Sep.")
cannot be dated exactly from its text. Prints counts only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from clamor.evaluate.gold import is_heldout, read_acled

YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/acled/acled_dev.csv")
    rows = [r for r in read_acled(path) if is_heldout(r.event_id)]
    with_year = sum(bool(YEAR.search(r.text)) for r in rows)
    print(f"{with_year} of {len(rows)} held-out notes ({with_year / len(rows):.1%}) state a year")


if __name__ == "__main__":
    main()
