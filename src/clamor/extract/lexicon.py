"""Load the extraction lexicons (data files under ``clamor/data/extract``) once, lazily.

Every pattern is a case-insensitive regex compiled with word boundaries, so lower-cased
and ALL-CAPS wire copy match the same way as ordinary text.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

#: Where the lexicon files live (shipped inside the package).
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "extract"


def _read(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


def _tsv_rows(name: str) -> list[list[str]]:
    rows = []
    for line in _read(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


def compile_alternatives(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``patterns`` as whole words."""
    body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class TypeInfo:
    """PLOVER type, ACLED disorder type and CASE label for one ACLED sub-event type."""

    event_type: str
    sub_event_type: str
    plover_type: str
    disorder_type: str
    case_label: str


@dataclass(frozen=True)
class Lexicon:
    """All compiled patterns the extraction stages use."""

    triggers: dict[str, re.Pattern[str]]
    participants: dict[str, tuple[str | None, re.Pattern[str]]]
    tactics: dict[str, re.Pattern[str]]
    state_response: dict[str, re.Pattern[str]]
    stances: dict[str, re.Pattern[str]]
    state_agent: re.Pattern[str]
    protester_target: re.Pattern[str]
    reaction_verbs: re.Pattern[str]
    actor_titles: re.Pattern[str]
    cues: dict[str, re.Pattern[str]]
    quantities: list[tuple[re.Pattern[str], str, int | None, int | None]]
    demonyms: dict[str, str]
    armed_groups: list[tuple[re.Pattern[str], str, int]]
    types: dict[str, TypeInfo]
    case_labels: dict[str, TypeInfo]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and compile the lexicon data files (cached)."""
    triggers_raw = json.loads(_read("triggers.json"))
    triggers = {k: compile_alternatives(v) for k, v in triggers_raw.items() if not k.startswith("_")}
    attrs = json.loads(_read("attributes.json"))
    participants = {
        label: (assoc, compile_alternatives(pats)) for label, (assoc, pats) in attrs["participants"].items()
    }
    tactics = {k: compile_alternatives(v) for k, v in attrs["tactics"].items()}
    state_response = {k: compile_alternatives(v) for k, v in attrs["state_response"].items()}
    stances = {k: compile_alternatives(v) for k, v in attrs["stances"].items()}
    cues_raw = json.loads(_read("cues.json"))
    cues = {k: re.compile(v, re.IGNORECASE) for k, v in cues_raw.items() if not k.startswith("_")}
    quantities = []
    for row in _tsv_rows("quantities.tsv"):
        phrase, low = row[0], int(row[1])
        high = int(row[2]) if len(row) > 2 and row[2] else None
        quantities.append((re.compile(rf"(?<!\w){phrase}(?!\w)", re.IGNORECASE), phrase, low, high))
    quantities.sort(key=lambda q: len(q[1]), reverse=True)
    demonyms = {row[0]: row[1] for row in _tsv_rows("demonyms.tsv")}
    armed_groups = [(re.compile(rf"(?<!\w)(?:{row[0]})(?!\w)", re.IGNORECASE), row[1], int(row[2]))
                    for row in _tsv_rows("armed_groups.tsv")]
    types = {}
    for row in _tsv_rows("types.tsv"):
        info = TypeInfo(*row[:5])
        types[info.sub_event_type] = info
    return Lexicon(
        triggers=triggers,
        participants=participants,
        tactics=tactics,
        state_response=state_response,
        stances=stances,
        state_agent=re.compile(rf"(?<!\w){attrs['state_agent']}(?!\w)", re.IGNORECASE),
        protester_target=re.compile(rf"(?<!\w){attrs['protester_target']}(?!\w)", re.IGNORECASE),
        reaction_verbs=re.compile(rf"(?<!\w){attrs['reaction_verbs']}(?!\w)", re.IGNORECASE),
        actor_titles=re.compile(rf"(?<!\w){attrs['actor_titles']}(?!\w)", re.IGNORECASE),
        cues=cues,
        quantities=quantities,
        demonyms=demonyms,
        armed_groups=armed_groups,
        types=types,
        case_labels={t.case_label: t for t in types.values()},
    )


def type_info(sub_event_type: str) -> TypeInfo:
    """The :class:`TypeInfo` of an ACLED sub-event type (KeyError if unknown)."""
    return load_lexicon().types[sub_event_type]
