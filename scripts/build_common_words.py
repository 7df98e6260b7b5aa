"""Write ``src/clamor/data/gazetteer/common_words.txt``: gazetteer names that are also
common words of English, for reading case-less text (``clamor.geo.recognize``).

A common word here is an entry of the SCOWL word list ``american-english-large`` (Debian
package ``wamerican-large``, SCOWL size 70) spelt all in lower-case ASCII letters: the
list spells proper nouns with a capital ("Georgia", "Gujarat"), so a lower-case entry is a
word with a common-noun/verb/adjective reading ("store", "mass", "para"). Only the entries
of at least four letters that the gazetteer knows as a place name are kept (shorter names
are never matched by the gazetteer alone).

Usage:  apt-get install wamerican-large
        python scripts/build_common_words.py [--words /usr/share/dict/american-english-large]
"""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

from clamor.geo.gazetteer import MATCH_ALT, MATCH_NAME, get_gazetteer

OUT = Path(__file__).resolve().parents[1] / "src/clamor/data/gazetteer/common_words.txt"
_LOWER_WORD = re.compile(r"[a-z]{4,}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=Path, default=Path("/usr/share/dict/american-english-large"))
    args = ap.parse_args()
    raw = args.words.read_bytes()
    words = sorted({w for w in raw.decode("utf-8").split() if _LOWER_WORD.fullmatch(w)})
    gaz = get_gazetteer()
    kept = [w for w in words
            if any(c.match in (MATCH_NAME, MATCH_ALT) for c in gaz.lookup(w, loose=False))]
    header = [
        "# Gazetteer place names that are also common English words (lower-case entries of",
        f"# SCOWL american-english-large, Debian wamerican-large; sha256 {hashlib.sha256(raw).hexdigest()}).",
        "# Written by scripts/build_common_words.py; do not edit by hand.",
    ]
    OUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(words)} lower-case words written to {OUT}")


if __name__ == "__main__":
    main()
