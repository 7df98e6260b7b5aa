"""Sentence-level event detector: mentions in sentences the trigger lexicon does not see.

The lexicon finds an event only through its words; a procession, a rampage or an attack
told without an actor can pass unseen (issue 12). A logistic model over hashed word uni-
and bigrams (the relevance gate's model family, :mod:`clamor.extract.relevance`), trained
on labelled sentences by ``scripts/train_sentence_detector.py``, scores each sentence that
has no trigger at all; one at or above the model's threshold (chosen on the training
data's cross-validation, see the card) is typed by the event-type classifier and becomes a
mention with rule ``detector``. It then goes through assembly as any mention.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from clamor.extract.coding import Mention
from clamor.extract.relevance import load_relevance_model
from clamor.extract.sentences import Sentence
from clamor.extract.triggers import Trigger

#: Where the default model ships inside the package.
SHIPPED_DETECTOR_MODEL = (
    Path(__file__).resolve().parent.parent / "data" / "models" / "sentence_event.npz"
)
#: Longer "sentences" are usually unsplit paragraphs or tables; the detector and the typer
#: were trained on single sentences (the same bound the rule path uses for the typer).
MAX_SENTENCE_CHARS = 600
#: Event types a detector mention may have: the detector learned protests and violence
#: (GLOCON protests, IPE police killings and force); a sentence the typer calls a strategic
#: development is outside what it was trained to see.
DETECTOR_TYPES = ("Protests", "Riots", "Battles", "Explosions/Remote violence",
                  "Violence against civilians")
#: The trigger kind of a detector mention's span (not a lexicon kind).
DETECTOR_KIND = "detector"


def load_detector(path: str | None = None):
    """The detector at ``path`` or the shipped one; None when none ships."""
    if path is None and not SHIPPED_DETECTOR_MODEL.is_file():
        return None
    return load_relevance_model(str(path or SHIPPED_DETECTOR_MODEL))


def detect_mentions(candidates: Iterable[Sentence], detector: Any, typer: Any,
                    types: Iterable[str] | None = None) -> list[Mention]:
    """Mentions for the ``candidates`` (sentences with no trigger) the detector accepts.

    ``typer`` is the event-type classifier; a sentence it types outside ``types`` (when
    given) is dropped. The mention's span is the whole sentence: the detector has no word
    to point at, its evidence is the sentence."""
    if detector is None or typer is None:
        return []
    chosen = [s for s in candidates
              if len(s.text) < MAX_SENTENCE_CHARS and detector.score(s.text) >= detector.threshold]
    if not chosen:
        return []
    allowed = set(types) if types is not None else None
    out = []
    for s, pred in zip(chosen, typer.predict([s.text for s in chosen])):
        if allowed is not None and pred.event_type not in allowed:
            continue
        span = Trigger(DETECTOR_KIND, s.start, s.end, s.text, s)
        out.append(Mention(pred.event_type, pred.sub_event_type, "detector", s, [span]))
    return out
