#!/usr/bin/env python
"""Build ``src/clamor/data/extract/named_actors.tsv``: how ACLED's notes name its named actors.

For every non-state actor name in the actor1 / actor2 columns of the ACLED notes' training
split (:func:`clamor.evaluate.gold.is_heldout` rows are left out) that is not one of ACLED's
generic patterns (protesters, rioters, civilians, state forces, governments, unidentified
groups, ethnic / communal militias, which clamor names by rule), the forms a note may use
for it are derived from the name alone: the acronym before ": " ("JNIM"), the words after
it ("Group for Support of Islam and Muslims"), the name without its country ("Ambazonian
Separatists"), without a final "Movement"/"Group"/"Gang" ("Hamas"), the initials of a name
of three or more capitalised words ("ISGS" for "Islamic State (Greater Sahara)"). Each form is counted
per country: notes containing it whose row has the name among its actors (support), and
all notes containing it. `clamor.extract.named_actors` keeps a form with enough support
and precision, after dropping a left-out country's counts in a leave-one-country-out fold.
A name holding its row's country ("Ambazonian Separatists (Cameroon)") is stored with
``{country}`` so that its counts pool over countries.

    python scripts/build_named_actors.py [DATA_DIR]   (default $CLAMOR_DATA)

Prints the SHA-256 of each input, to be copied into PROVENANCE.md. Only names, the forms
derived from them and counts are written: no note text, no event row.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from clamor.evaluate.gold import is_heldout, read_acled
from clamor.evaluate.scorer import corpus_sha256, default_data_dir

FILES = ("acled/acled_dev.csv", "acled/acled_extra.csv")
OUT = Path(__file__).resolve().parents[1] / "src/clamor/data/extract/named_actors.tsv"
#: a name needs this many rows of its own before its forms are counted (and the table's
#: row floor, `named_actors.MIN_SUPPORT`, applies again per fold at load time)
MIN_NAME_ROWS = 5
_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
#: ACLED's generic patterns: clamor names these by rule (arguments.py), not from a table
GENERIC = re.compile(r"^(?:Protesters|Rioters|Civilians|Police Forces|Military Forces|Government|Unidentified|"
                     r"Sole Perpetrator|Private Security|Prison Guards|Labou?r Group|Students|Women|Refugees|"
                     r"Former Military|Former Police|Journalists|Health Workers|Teachers|Farmers|Lawyers)\b"
                     r"|\b(?:Ethnic|Communal|Clan|Sub-Clan) Militia\b|\band/or\b")
_COUNTRY_SUFFIX = re.compile(r"\s*\(([^()]+)\)$")
_GENERIC_TAIL = re.compile(r"\s+(?:Movement|Group|Gang)$")
_IDENTITY = re.compile(r"\b(?:Ethnic|Communal|Clan|Tribal) Militia\b")
_PARTY = re.compile(r"\b(?:Party|Congress|Alliance|League|Union)\b")
#: a form shorter than this (or a lower-case common word) is too ambiguous to stand for a name
MIN_ALIAS_CHARS = 3


def template(name: str, country: str) -> str:
    """``name`` with its row's country as ``{country}``."""
    m = _COUNTRY_SUFFIX.search(name)
    if m and m.group(1) == country:
        return name[:m.start()] + " ({country})"
    return name


def aliases(name: str) -> set[tuple[str, bool]]:
    """(form, case-sensitive) pairs a note may use for ``name``."""
    base = _COUNTRY_SUFFIX.sub("", name.replace(" ({country})", "")).strip()
    out: set[tuple[str, bool]] = set()
    if ": " in base:
        acronym, _, long = base.partition(": ")
        if re.fullmatch(r"[A-Z][A-Z0-9-]+", acronym):
            out.add((acronym, True))
        out.add((long, False))
    else:
        out.add((base, False))
        short = _GENERIC_TAIL.sub("", base)
        if short != base:
            out.add((short, False))
    # the initials of a name of three or more capitalised words, its region included:
    # "Islamic State (Greater Sahara)" -> "ISGS"
    words = re.findall(r"\b[A-Z][\w'-]*", name.replace("({country})", ""))
    if len(words) >= 3 and ": " not in name:
        out.add(("".join(w[0] for w in words), True))
    return {(a, cs) for a, cs in out if len(a) >= MIN_ALIAS_CHARS and (cs or a[:1].isupper())}


def inter_code(name: str) -> int:
    """ACLED's actor type from the name's form (the notes carry no inter column): identity
    militia 4, a party or political movement 3, otherwise a rebel group 2."""
    if _IDENTITY.search(name):
        return 4
    if _PARTY.search(name):
        return 3
    return 2


def main() -> int:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else default_data_dir()
    rows = []
    for name in FILES:
        path = data / name
        print(f"{name}\tsha256 {corpus_sha256(path)}", file=sys.stderr)
        rows.extend(r for r in read_acled(path, taxonomy=None) if not is_heldout(r.event_id))
    names: Counter = Counter()
    for r in rows:
        for actor in {r.actor1, r.actor2} - {None}:
            plain = _YEARS.sub("", actor).strip()
            if not GENERIC.search(plain):
                names[template(plain, r.country or "")] += 1
    forms: dict[tuple[str, bool], set[str]] = defaultdict(set)
    for name, n in names.items():
        if n >= MIN_NAME_ROWS:
            for form in aliases(name):
                forms[form].add(name)
    counts: dict[tuple[str, bool, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    patterns = {f: re.compile(rf"(?<![\w-]){re.escape(f[0])}(?![\w-])", 0 if f[1] else re.I) for f in forms}
    for r in rows:
        actors = " | ".join(_YEARS.sub("", a) for a in (r.actor1, r.actor2, r.assoc_actor_1, r.assoc_actor_2) if a)
        actors = actors.replace(f"({r.country})", "({country})") if r.country else actors
        for form, pattern in patterns.items():
            if pattern.search(r.text):
                for name in forms[form]:
                    c = counts[(form[0], form[1], name)][r.country or ""]
                    c[1] += 1
                    c[0] += name in actors
    lines = ["# Forms ACLED's notes use for named non-state actors, built by",
             "# scripts/build_named_actors.py from the ACLED notes' training split (PROVENANCE.md).",
             "# Columns: form, case-sensitive (1/0), ACLED name ({country}: the event's), inter code,",
             "# per country 'support/notes with the form' (support: the name among the row's actors)."]
    for (form, cs, name), per in sorted(counts.items()):
        if sum(s for s, _ in per.values()) < MIN_NAME_ROWS:
            continue
        field = ";".join(f"{c}:{s}/{h}" for c, (s, h) in sorted(per.items()) if h)
        lines.append("\t".join([form, str(int(cs)), name, str(inter_code(name)), field]))
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{len(lines) - 4} forms -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
