"""The dead of this event: a learned choice among the numbers a sentence gives.

The casualty rules of :mod:`clamor.extract.quantities` find "N killed" wherever it is
written, but a note or article also gives the wounded, the arrested, the attackers, earlier
tolls and totals over a campaign, often in the same words. Every number, number word,
vague quantity ("several", "dozens") and singular victim ("a man was shot dead") of a
sentence is a *candidate*; a logistic model over its context (hashed words around it, the
casualty words after it, whether a rule read it as a fatality, injury or arrest count, its
size) gives the probability that it is this event's dead. The sentence's fatalities are the
most probable candidate at or above the model's threshold, else none (read as 0, as ACLED
codes "none reported"). A figure the text states as the coded one ("Fatalities coded as 0")
still wins (:func:`clamor.extract.quantities._stated_fatalities`).

Trained by ``scripts/train_fatalities.py`` on ACLED notes; weights are plain numpy arrays
(``data/models/fatalities.npz``) with a model card (``fatalities.card.json``). **No model is
shipped**: measured leave-one-country-out it did not beat the casualty rules (docs/
coding-rules.md, "Fatalities out of country"), so without ``Options.fatality_model`` the
rules decide, exactly as before this module.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from clamor.errors import ModelNotFoundError
from clamor.extract.quantities import NUMBER, Count, find_counts, parse_number, vague_quantity
from clamor.extract.lexicon import load_lexicon

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "fatalities.npz"
#: Hashed feature space: 2**16 columns keep collisions rare for a few hundred thousand
#: distinct context features while the weights stay small (0.5 MB as float64).
N_FEATURES = 2 ** 16
#: Words of context read on each side of a candidate, position-tagged for the nearest
#: ``NEAR`` and as a bag for the rest: "killing [N]" and "[N] people were killed" sit within
#: three words, "[N] ... injured in an attack earlier this month" within eight.
NEAR = 3
WINDOW = 8

_TOKEN = re.compile(r"[a-z]+|\d+")
_SINGLE = re.compile(
    r"(?<![\w-])(?:an?|one|the)\s+(?:(?!and\b|or\b|with\b|in\b|at\b)[\w'’-]+\s+){0,4}?"
    r"(?:man|woman|boy|girl|child|person|civilian|protester|demonstrator|student|soldier|"
    r"policeman|officer|journalist|farmer|trader|teacher|worker|resident|villager|youth|leader|"
    r"member|driver|official|militant|teenager|suspect|herder|guard|pastor|fisherman|"
    r"passenger|motorist|boda|infant|baby|elder|chief|victim|body|corpse)(?!\w)",
    re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A number in a text that could be the event's dead (offsets into that text)."""

    start: int
    end: int
    value: int
    kind: str  # "digit", "word", "vague", "single"


def _vague_regex() -> re.Pattern[str]:
    vague = "|".join(q[1] for q in load_lexicon().quantities)
    return re.compile(rf"(?<![\w-])(?:{NUMBER}|{vague})(?![\w-])", re.IGNORECASE)


_QUANTITY: re.Pattern[str] | None = None


def candidates(text: str) -> list[Candidate]:
    """Every exact or vague quantity and singular victim in ``text``, left to right.

    A vague quantity's value is the low end of its range: ACLED keeps the lower figure of a
    vague or conflicting report.
    """
    global _QUANTITY
    if _QUANTITY is None:
        _QUANTITY = _vague_regex()
    out: list[Candidate] = []
    for m in _QUANTITY.finditer(text):
        q = m.group(0)
        value = parse_number(q)
        if value is not None:
            kind = "digit" if re.search(r"\d", q) else "word"
        else:
            vq = vague_quantity(q)
            if vq is None or vq.low is None:
                continue
            value, kind = vq.low, "vague"
        out.append(Candidate(m.start(), m.end(), value, kind))
    for m in _SINGLE.finditer(text):
        if not any(c.start < m.end() and m.start() < c.end for c in out):
            out.append(Candidate(m.start(), m.start() + len(m.group(0).split()[0]), 1, "single"))
    return sorted(out, key=lambda c: c.start)


def _bucket(value: int) -> str:
    for top, name in ((0, "0"), (1, "1"), (5, "2-5"), (20, "6-20"), (100, "21-100"), (1899, "101+")):
        if value <= top:
            return name
    return "year" if value <= 2100 else "huge"


def candidate_features(text: str, cands: list[Candidate], counts: list[Count] | None = None) -> list[list[str]]:
    """The named features of each candidate (hashed by :func:`hash_features`).

    ``counts``: the rules' counts of ``text`` (offsets into it), when already found.
    """
    counts = find_counts(text) if counts is None else counts
    rules = [(c.field, c.start, c.end) for c in counts]
    low = text.lower()
    sentence_words = {f"S={w}" for w in _TOKEN.findall(low)}
    out = []
    for i, c in enumerate(cands):
        left = _TOKEN.findall(low[max(0, c.start - 120):c.start])[-WINDOW:]
        right = _TOKEN.findall(low[c.end:c.end + 120])[:WINDOW]
        f = [f"kind={c.kind}", f"v={_bucket(c.value)}", f"kind_v={c.kind}_{_bucket(c.value)}",
             f"idx={min(i, 3)}", f"n={min(len(cands), 4)}"]
        f += [f"L{k + 1}={w}" for k, w in enumerate(reversed(left[-NEAR:]))]
        f += [f"R{k + 1}={w}" for k, w in enumerate(right[:NEAR])]
        f += [f"Lb={w}" for w in left] + [f"Rb={w}" for w in right]
        if len(right) >= 2:
            f.append(f"R12={right[0]}_{right[1]}")
        if left and right:
            f.append(f"L1R1={left[-1]}_{right[0]}")
        for field, s, e in rules:
            if s <= c.start < e or c.start <= s < c.end:
                f.append(f"rule={field}")
        f += sentence_words
        out.append(f)
    return out


def hash_features(names: list[str]) -> np.ndarray:
    """Column indices of named features (crc32: stable across runs and machines)."""
    return np.array(sorted({zlib.crc32(n.encode("utf-8")) % N_FEATURES for n in names}),
                    dtype=np.int64)


class FatalityModel:
    """Logistic weights over hashed candidate features, and the decision threshold."""

    def __init__(self, coef: np.ndarray, intercept: float, threshold: float):
        self.coef, self.intercept, self.threshold = coef, float(intercept), float(threshold)

    @classmethod
    def load(cls, path: str | Path) -> FatalityModel:
        with np.load(path, allow_pickle=False) as z:
            return cls(z["coef"], float(z["intercept"]), float(z["threshold"]))

    def save(self, path: str | Path) -> None:
        np.savez_compressed(path, coef=self.coef.astype(np.float32),
                            intercept=np.array(self.intercept), threshold=np.array(self.threshold))

    def proba(self, text: str, cands: list[Candidate], counts: list[Count] | None = None) -> np.ndarray:
        """P(candidate is the event's dead) for each candidate."""
        scores = [self.coef[hash_features(f)].sum() + self.intercept
                  for f in candidate_features(text, cands, counts)]
        return 1.0 / (1.0 + np.exp(-np.asarray(scores, dtype=float)))

    def choose(self, text: str, counts: list[Count] | None = None) -> Candidate | None:
        """The most probable candidate at or above the threshold, else None."""
        cands = candidates(text)
        if not cands:
            return None
        p = self.proba(text, cands, counts)
        best = int(np.argmax(p))
        return cands[best] if p[best] >= self.threshold else None


@lru_cache(maxsize=4)
@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> FatalityModel | None:
    """The model at ``path`` (default: the shipped one, if any ships), or None when none
    ships or ``path`` is ``"rules"`` (the casualty rules alone). Loaded once per path; a
    named file that is missing or not a fatality model is an error, never a silent switch
    to the rules."""
    if path == "rules":
        return None
    if not path:
        return FatalityModel.load(MODEL_PATH) if MODEL_PATH.is_file() else None
    try:
        return FatalityModel.load(path)
    except (KeyError, ValueError, OSError) as exc:
        raise ModelNotFoundError(f"{path}: not a clamor fatality model ({exc})") from None


def card(path: str | Path | None = None) -> dict:
    """The model card beside the weights."""
    p = Path(path) if path else MODEL_PATH
    return json.loads(p.with_suffix(".card.json").read_text(encoding="utf-8"))


def select_fatalities(text: str, offset: int, counts: list[Count], model: FatalityModel | None) -> list[Count]:
    """``counts`` of one sentence with the rules' fatality count replaced by the model's.

    A stated figure ("Fatalities coded as 3") stays; without a model the rules' count stays.
    """
    if model is None or any(c.field == "fatalities" and c.stated for c in counts):
        return counts
    kept = [c for c in counts if c.field != "fatalities"]
    best = model.choose(text, [replace(c, start=c.start - offset, end=c.end - offset) for c in counts])
    if best is not None:
        kept.append(Count("fatalities", best.value, None, offset + best.start, offset + best.end))
    return kept
