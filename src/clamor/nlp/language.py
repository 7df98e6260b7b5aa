"""Identify an article's language (py3langid: 97 languages, a numpy model, no network).

py3langid's byte n-gram counts are taken by ``clamor.nlp.ngrams`` in numpy rather than by
its Python loop over every byte: the same counts, the same scores, ~2-3x faster.
"""

from __future__ import annotations

import functools

#: Below this normalised probability the guess is reported but flagged as uncertain.
MIN_CONFIDENT_SCORE = 0.80

#: When the top guess is uncertain, a preferred language (the pipeline's) that still
#: gets at least this probability among the top guesses wins: on tables, tickers and
#: headlines the model's top guess is unreliable, and English-lexified creoles (Nigerian
#: Pidgin) absorb much of English's probability on short or all-caps English copy.
MIN_PREFERRED_SHARE = 0.15

#: How many ranked guesses to look through for a preferred language.
PREFERRED_RANK = 3

#: Text longer than this adds nothing to the guess and costs time on very long pages.
MAX_CHARS_FOR_LANGID = 5000


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE

    from clamor.nlp.ngrams import vector_identifier_class

    return vector_identifier_class().from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str, prefer: tuple[str, ...] = ("en",)) -> tuple[str | None, float]:
    """Return ``(ISO 639-1 code, probability)``; ``(None, 0.0)`` for text with no letters.

    An uncertain top guess yields to a language in ``prefer`` that the model ranks
    close behind (see :data:`MIN_PREFERRED_SHARE`); the low score still flags it.
    """
    sample = text[:MAX_CHARS_FOR_LANGID]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    # All-caps or lower-cased wire copy is scored more reliably after case-folding,
    # which keeps the character n-gram statistics the model relies on.
    ranked = _identifier().rank(sample.lower())[:PREFERRED_RANK]
    lang, score = ranked[0]
    if score < MIN_CONFIDENT_SCORE:
        for alternative, share in ranked[1:]:
            if alternative in prefer and share >= MIN_PREFERRED_SHARE:
                return alternative, float(share)
    return lang, float(score)
