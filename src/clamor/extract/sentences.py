"""Stage 1: sentence splitting that never crosses a paragraph or list-item break."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from clamor.nlp.scope import UNPARSED_STARTS

#: Lines shorter than this that end without sentence punctuation are headings or list
#: items: they stand alone rather than being joined to the next line.
HEADING_MAX_CHARS = 80

_END_PUNCT = re.compile(r"[.!?:;\"”’)\]]\s*$")
_FALLBACK_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its offsets in ``Article.text`` and its text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


def _blocks(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of blocks: paragraphs, and lines that stand alone."""
    blocks: list[tuple[int, int, int]] = []
    paragraph = 0
    for para in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        lines = [(m.start() + para.start(), m.end() + para.start()) for m in re.finditer(r"[^\n]+", para.group())]
        cur_start, cur_end = None, None
        for start, end in lines:
            line = text[start:end]
            if not line.strip():
                continue
            if cur_start is None:
                cur_start, cur_end = start, end
                continue
            prev = text[cur_start:cur_end]
            next_starts_lower = line.lstrip()[:1].islower()
            wrapped = not _END_PUNCT.search(prev) and (next_starts_lower or len(prev) > HEADING_MAX_CHARS)
            if wrapped:
                cur_end = end
            else:
                blocks.append((cur_start, cur_end, paragraph))
                cur_start, cur_end = start, end
        if cur_start is not None:
            blocks.append((cur_start, cur_end, paragraph))
        paragraph += 1
    return blocks


def split_sentences(text: str, doc: Any | None = None) -> list[Sentence]:
    """Split ``text`` into sentences; ``doc`` (a spaCy Doc of ``text``) supplies boundaries.

    Paragraph breaks (blank lines) and stand-alone lines (headings, list items) always end a
    sentence; inside a block, spaCy's sentence starts are used, else a punctuation rule.
    """
    starts: list[int] = []
    if doc is not None and doc.has_annotation("SENT_START"):
        starts = [s.start_char for s in doc.sents]
        # text the fast path left unparsed: its sentences by the punctuation rule
        starts = sorted({*starts, *doc.user_data.get(UNPARSED_STARTS, ())})
    sentences: list[Sentence] = []
    for b_start, b_end, paragraph in _blocks(text):
        cuts = [s for s in starts if b_start < s < b_end]
        if not starts:
            cuts = [b_start + m.end() for m in _FALLBACK_SPLIT.finditer(text[b_start:b_end])]
        bounds = [b_start, *cuts, b_end]
        for start, end in zip(bounds, bounds[1:]):
            piece = text[start:end]
            stripped_left = len(piece) - len(piece.lstrip())
            stripped_right = len(piece) - len(piece.rstrip())
            s, e = start + stripped_left, end - stripped_right
            if e > s:
                sentences.append(Sentence(len(sentences), s, e, text[s:e], paragraph))
    return sentences


#: The label a news site prints before its list of links to other stories ("related
#: stories:"), from the cleaning rule ``read_more`` (``data/ingest/cleaning_rules.json``),
#: which drops such a list only when it is a line of its own; scraped pages often run it on
#: at the end of the last paragraph. Not "related news" or "also read": prose uses them
#: ("In related news, police ...", "he also read out").
_LINK_LIST_LABEL = re.compile(r"\brelated (?:stories|articles)\b", re.I)


def link_list_starts(sentences: list[Sentence]) -> dict[int, int]:
    """Paragraph -> the offset where a list of links to other stories starts in it (rule
    link-list): the headlines after the label are other articles' events, not this one's,
    up to the end of the paragraph."""
    out: dict[int, int] = {}
    for s in sentences:
        m = _LINK_LIST_LABEL.search(s.text)
        if m is not None and s.paragraph not in out:
            out[s.paragraph] = s.start + m.start()
    return out
