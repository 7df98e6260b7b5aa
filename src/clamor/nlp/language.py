"""Identify an article's language (py3langid: 97 languages, a numpy model, no network)."""

from __future__ import annotations

import functools

#: Below this normalised probability the guess is reported but flagged as uncertain.
MIN_CONFIDENT_SCORE = 0.80

#: Text longer than this adds nothing to the guess and costs time on very long pages.
MAX_CHARS_FOR_LANGID = 5000


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> tuple[str | None, float]:
    """Return ``(ISO 639-1 code, probability)``; ``(None, 0.0)`` for text with no letters."""
    sample = text[:MAX_CHARS_FOR_LANGID]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    # The model was trained on mixed case; all-caps or lower-cased wire copy is scored
    # more reliably after case-folding, which keeps the character n-gram statistics.
    lang, score = _identifier().classify(sample.lower())
    return lang, float(score)
