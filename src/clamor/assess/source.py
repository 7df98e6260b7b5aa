"""``assess_source``: publisher, documented affiliation and language signals of an article."""

from __future__ import annotations

from clamor.assess.lexicon import country_regex
from clamor.assess.publisher import PublisherMatch, identify_publisher
from clamor.assess.registry import PublisherEntry, PublisherType, load_registry
from clamor.assess.signals import find_signals, signal_rates, word_count
from clamor.models import Article, SourceAssessment, SourceSignal
from clamor.options import Options

#: Loaded terms per 1,000 words at or above which the summary calls the language
#: "heavily loaded". Set above the 99th percentile of the wire-style corpora (10.7 on
#: GLOCON + IndiaPoliceEvents, docs/source-assessment.md) and far below the seed (38.6).
#: It only changes the wording of the summary, never the partisan flag, which rests on
#: documented affiliation.
HEAVY_LOADED_RATE = 15.0

#: A state-run outlet reports on its own state (and so speaks for a side) when the text
#: names that country (name, demonym, capital, conflict places: country_terms.tsv) at least
#: this many times. One mention is not enough: the dateline of a wire story names the
#: bureau's city ("MOSCOW (Sputnik) - Violence erupted in Stuttgart..."), and a story about
#: elsewhere may quote the outlet's own government once.
OWN_COUNTRY_MIN_MENTIONS = 2

#: How many example loaded terms the summary quotes.
SUMMARY_EXAMPLES = 4


def assess_source(article: Article, options: Options | None = None) -> SourceAssessment:
    """Who published ``article``, their documented affiliation, and how the text speaks.

    ``partisan`` is true when the registry documents the publisher as an opposition or
    advocacy organisation or a party to the conflict, or as a state-run outlet and the
    article is about its own state; language signals are reported beside it, never set it.
    """
    options = options or Options()
    registry = load_registry(tuple(options.registry_paths))
    match = identify_publisher(article, registry)
    signals = find_signals(article.text)
    rates = signal_rates(signals, article.text)
    entry = match.entry
    partisan = is_partisan(entry, article) if entry else False
    return SourceAssessment(
        publisher=match.name,
        publisher_type=entry.type if entry else None,
        affiliation_country=entry.country if entry else None,
        party_to_conflict=entry.party_to_conflict if entry else False,
        partisan=partisan,
        citation=entry.citation if entry else None,
        publisher_evidence=match.evidence,
        signals=signals,
        rates=rates,
        summary=summarise(match, signals, rates, word_count(article.text), partisan),
    )


def reports_on_own_state(entry: PublisherEntry, article: Article) -> bool:
    """Whether ``article`` is about the country ``entry`` is affiliated with."""
    if not entry.country:
        return False
    regex = country_regex(entry.country)
    text = article.text
    if article.title and article.title not in text:
        text = article.title + "\n" + text
    return sum(1 for _ in regex.finditer(text)) >= OWN_COUNTRY_MIN_MENTIONS


def is_partisan(entry: PublisherEntry, article: Article) -> bool:
    """A side speaking: an opposition/advocacy organisation or party to the conflict, or a
    state-run outlet reporting on its own state. Language never sets it."""
    if entry.partisan:
        return True
    return entry.type == PublisherType.STATE_RUN_OUTLET and reports_on_own_state(entry, article)


def summarise(
    match: PublisherMatch, signals: list[SourceSignal], rates: dict[str, float], words: int,
    partisan: bool = False,
) -> str:
    """One or two plain sentences for analysts: who speaks, and how."""
    entry = match.entry
    if entry is not None:
        who = f"Published by {entry.name} ({entry.label}"
        who += f", {entry.country}" if entry.country else ""
        who += "; party to the conflict" if entry.party_to_conflict else ""
        who += f"), identified by {match.evidence}."
        if partisan:
            who += " It is a side in what it reports: corroborate its claims before counting them."
    elif match.name:
        who = f"Published by {match.name} ({match.evidence}); affiliation unknown."
    else:
        who = "Publisher not identified."
    loaded = [s for s in signals if s.kind == "loaded_term"]
    counts = {k: sum(1 for s in signals if s.kind == k) for k in rates}
    if loaded:
        examples = []
        for s in loaded:
            if s.text.casefold() not in (e.casefold() for e in examples):
                examples.append(s.text)
        tone = "heavily loaded" if rates["loaded_term"] >= HEAVY_LOADED_RATE else "some loaded"
        how = (f" Language: {tone} ({_n(len(loaded), 'loaded term')}, "
               f"{rates['loaded_term']:g} per 1,000 words, e.g. "
               + ", ".join(f'"{e}"' for e in examples[:SUMMARY_EXAMPLES]) + ")")
    else:
        how = " Language: no loaded terms"
    how += (f"; {_n(counts['attributed_claim'], 'attributed claim')} and "
            f"{_n(counts['unattributed_claim'], 'unattributed evaluative claim')}")
    extra = [_n(counts[k], noun) for k, noun in
             (("hedge", "hedge"), ("first_person_advocacy", "first-person advocacy phrase"),
              ("call_to_action", "call to action")) if counts[k]]
    how += ("; " + ", ".join(extra) if extra else "") + f" in {words} words."
    return who + how


def _n(count: int, noun: str) -> str:
    """``1 hedge``, ``2 hedges``, ``2 calls to action``."""
    if count == 1:
        return f"{count} {noun}"
    if noun.startswith("call to action"):
        return f"{count} calls to action"
    return f"{count} {noun}s"
