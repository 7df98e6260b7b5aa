"""Parse only the sentences that can hold an event (issue 15's fast path, ``Options.fast_path``).

Every event clamor codes starts from a trigger of the extraction lexicon in a sentence
(``clamor.extract.triggers``). So before any parse, the raw text is split into sentences
(the punctuation rule of ``clamor.extract.sentences``), the sentences holding a trigger
word are found, and spaCy parses those, their neighbours (``CONTEXT_SENTENCES`` either
side: the actors, numbers and places of a report often sit next to its verb) and the
article's lead (``LEAD_SENTENCES``: headline, dateline and first sentence, which place and
date the whole report). Everything else is blanked to spaces in the text spaCy sees, so
the doc keeps ``Article.text``'s character offsets, and each blanked run is a sentence of
its own, never joined to a parsed one. An article with no trigger word is not parsed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

#: Sentences parsed on either side of a sentence holding a trigger word.
CONTEXT_SENTENCES = 1

#: Sentences at the start of the text always parsed: headline, dateline and lead sentence.
LEAD_SENTENCES = 3


#: Where ``scoped_doc`` leaves the starts of the sentences it blanked (``Doc.user_data``),
#: for ``clamor.extract.sentences.split_sentences``: the same sentences as the full parse.
UNPARSED_STARTS = "clamor_unparsed_sentence_starts"


@functools.lru_cache(maxsize=1)
def trigger_pattern() -> re.Pattern[str]:
    """Every trigger pattern of the extraction lexicon as one regex, for LOWER-CASED text.

    The same matches as trying the lexicon's case-insensitive patterns one by one (none
    holds an upper-case letter), at about half the cost: one scan instead of one per
    trigger type, and no case folding inside the regex engine (tests/nlp/test_scope.py).
    """
    from clamor.extract.lexicon import load_lexicon

    body = "|".join(f"(?:{p.pattern})" for p in load_lexicon().triggers.values())
    return re.compile(body)


#: Letters that IGNORECASE matches to i or s but lower-casing does not turn into them
#: (dotted capital I, dotless i, long s): a text holding one takes the patterns one by one.
_CASE_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")


def has_trigger_word(text: str) -> bool:
    """Whether any trigger of the extraction lexicon occurs in ``text``."""
    if not text.isascii() and any(c in text for c in _CASE_EXCEPTIONS):
        from clamor.extract.lexicon import load_lexicon

        return any(p.search(text) for p in load_lexicon().triggers.values())
    return trigger_pattern().search(text.lower()) is not None


#: Sentences whose trigger test is remembered (a few hundred KB): the fast path tests each
#: sentence of an article before the parse and the extractor (``find_triggers``) tests the
#: same sentences again after it; the test is a pure function of the sentence's text.
SENTENCE_CACHE = 4096


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def sentence_has_trigger_word(sentence: str) -> bool:
    """:func:`has_trigger_word` of one sentence, remembered (see :data:`SENTENCE_CACHE`)."""
    return has_trigger_word(sentence)


def parse_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of ``text`` to parse, merged, in order; empty when
    no sentence holds a trigger word."""
    from clamor.extract.lexicon import load_lexicon
    from clamor.extract.sentences import split_sentences

    sentences = split_sentences(text)
    lexicon = load_lexicon()
    hits = [i for i, s in enumerate(sentences) if sentence_has_trigger_word(s.text)]
    if not hits:
        return []
    # third parties' statements (reactions) need their sentence parsed too
    hits += [i for i, s in enumerate(sentences) if lexicon.reaction_verbs.search(s.text)]
    keep = set(range(min(LEAD_SENTENCES, len(sentences))))
    for i in hits:
        keep.update(range(max(0, i - CONTEXT_SENTENCES), i + CONTEXT_SENTENCES + 1))
    spans: list[tuple[int, int]] = []
    for i in sorted(k for k in keep if k < len(sentences)):
        start, end = sentences[i].start, sentences[i].end
        if spans and i - 1 in keep:
            spans[-1] = (spans[-1][0], end)  # neighbours: one span, with what lies between
        else:
            spans.append((start, end))
    return spans


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with everything outside ``spans`` replaced by spaces (line breaks kept)."""
    chars = [c if c == "\n" else " " for c in text]
    for start, end in spans:
        chars[start:end] = text[start:end]
    return "".join(chars)


def scoped_doc(nlp, text: str, spans: list[tuple[int, int]]):
    """A tokenised (not yet parsed) doc of ``text`` with only ``spans`` left to parse: the
    rest blanked, and a sentence start fixed at each span and at each blank run, so the
    parser never joins a parsed sentence to blanked text."""
    from clamor.extract.sentences import split_sentences

    doc = nlp.make_doc(blanked(text, spans))
    doc.user_data[UNPARSED_STARTS] = [
        s.start for s in split_sentences(text)
        if not any(start <= s.start < end for start, end in spans)]
    bounds = sorted({0, *(b for span in spans for b in span)})  # spans and gaps alternate
    at = 0
    for token in doc[1:]:
        while at + 1 < len(bounds) and token.idx >= bounds[at + 1]:
            at += 1
            if token.idx < (bounds[at + 1] if at + 1 < len(bounds) else len(text)):
                token.is_sent_start = True  # first token of a span or of a gap
    return doc
