"""Event location: link each event to the place where it happened.

Order of evidence: the place mention the extractor attached (``event.location`` with a
``location`` evidence span), resolved with the article as context; else the places in the
event's evidence sentences; else the article's focus place (most mentioned, weighted to
towns, the title and the dateline); else the dateline's place, resolved by name. Mentions in
four contexts are never an event's place: the origin of reinforcements ("reinforcements
from Shiraz"), a politician's home state
("Senator Marco Rubio of Florida"), a destination ("a Mombasa-bound bus"), and places in
a third party's reaction sentence that lie outside the article's focus country
("Washington condemned ...").
"""

from __future__ import annotations

import re
from dataclasses import replace

from clamor.geo.gazetteer import MATCH_DEMONYM
from clamor.geo.geoparser import Geoparser, get_geoparser
from clamor.geo.recognize import is_near
from clamor.geo.resolve import Mention, precision_of
from clamor.models import Article, Event, Evidence
from clamor.options import Options

_REINFORCEMENT = re.compile(
    r"\b(?:reinforcements?|backup|troops?\s+(?:were\s+)?(?:sent|dispatched|brought))\b[^.;]*"
    r"\b(?:from|of)\b[^.;]*$", re.IGNORECASE)
#: "a Mombasa-bound bus": a destination, not where the event happened.
_BOUND = re.compile(r"\s*-\s*bound\b", re.IGNORECASE)
_POLITICIAN = re.compile(
    r"\b(?:Sen\.|Senator|Rep\.|Representative|Congressman|Congresswoman|Gov\.|Governor|MP|"
    r"lawmaker|legislator)\s+(?:[A-Z][\w.'’-]*\s+){0,3}(?:of|from)\s+(?:the\s+state\s+of\s+)?$"
    r"|\([DR]-$")
_REACTION = re.compile(
    r"\b(?:condemn\w*|urg\w*|call(?:ed|s|ing)?\s+(?:on|for)|express\w*|statement|spokes\w*|"
    r"minister|ministry|embassy|state\s+department|secretary|sanction\w*|support(?:s|ed|ing)?\b|"
    r"solidarity|defend\w*|criticis\w*|criticiz\w*|denounc\w*)\b", re.IGNORECASE)

#: How much one mention counts toward the article's focus place, by feature kind.
FOCUS_WEIGHT = {"P": 1.0, "ADM2": 0.6, "ADM1": 0.4, "PCLI": 0.2, "CONT": 0.05}
#: A demonym ("Kenyan police") or a place inside an organisation's name ("University of
#: Nairobi") says less about where things happened than a plain place name.
DEMONYM_FOCUS_FACTOR = 0.1
IN_NAME_FOCUS_FACTOR = 0.5
#: The ends of a road ("Dhaka-Tangail highway") and the region after a place ("Gazipur
#: city (Gazipur Sadar, Dhaka)") are rarely where the event happened.
ROAD_FOCUS_FACTOR = 0.1
QUALIFIER_FOCUS_FACTOR = 0.3
#: A place introduced by a locative ("in Nairobi", "at Maseno", "in the town of Voi") is
#: where something happened more often than a place used as a label ("the Garissa attack",
#: "Siaya Senator", "a Machakos businessman").
LOCATIVE_FOCUS_FACTOR = 1.5
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|throughout|around|within)\s+(?:the\s+)?"
    r"(?:(?:[a-z]+\s+)?(?:town|city|village|district|county|province|area|region)\s+of\s+"
    r"|(?:central|downtown|northern|southern|eastern|western|north|south|east|west|rural)\s+)?$",
    re.IGNORECASE)
#: Extra weight for a mention in the title/first sentence, and for the dateline place.
FOCUS_LEAD_BONUS = 1.0
FOCUS_DATELINE_BONUS = 2.0
#: Characters of the article counted as its lead.
LEAD_CHARS = 300
#: Specificity rank for choosing among places of one evidence sentence (lower is better).
_SPECIFICITY = {"P": 0, "ADM2": 1, "ADM1": 2, "PCLI": 3, "CONT": 4}


def _kind(m: Mention) -> str:
    b = m.best
    return "P" if b.feature_class == "P" else b.feature_code


def _demoted_qualifier(m: Mention) -> bool:
    """A qualifier ("Y" of "X (Y)", "Y - X") whose X was resolved: X is the better place.
    When X is a recognised name the gazetteer lacks ("Mohammadpur upazila (Magura)"), Y
    is where the event happened as far as we know. A region found only in qualifier
    position ("Bogra Sadar, Rajshahi") encloses some other place: demoted too."""
    if m.qualifies is not None:
        return m.qualifies.best is not None
    return m.is_qualifier or m.source == "qualifier"


def _stands_in(m: Mention) -> bool:
    """True for a qualifier standing in for an unresolved or unrecognised place:
    "Mohammadpur upazila (Magura)", "Eidgaon police station (Cox's Bazar)"."""
    if m.qualifies is not None:
        return m.qualifies.best is None
    return m.source == "qualifier"


def _sentence_bounds(doc, char: int) -> tuple[int, int]:
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent.start_char, sent.end_char
    return 0, len(doc.text)


def excluded_mentions(text: str, doc, mentions: list[Mention],
                      countries: set[str] | None = None) -> set[int]:
    """Indexes of mentions that must not be an event's place (see module docstring)."""
    out: set[int] = set()
    focus_cc = next(iter(countries)) if countries and len(countries) == 1 else _focus_country(mentions)
    for i, m in enumerate(mentions):
        s0, _ = _sentence_bounds(doc, m.start)
        before = text[s0:m.start]
        if (_REINFORCEMENT.search(before) or _POLITICIAN.search(before[-80:])
                or _BOUND.match(text, m.end)):
            out.add(i)
            continue
        if m.best is not None and _REACTION.search(text[s0:_sentence_bounds(doc, m.start)[1]]):
            span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.start >= 0 else None
            actor = span is not None and span.root.dep_ in ("nsubj", "nsubjpass", "poss")
            if actor and (m.best.feature_code == "PPLC" or m.best.feature_class == "A"
                          or (focus_cc and m.best.country_code != focus_cc)):
                out.add(i)
            elif focus_cc and m.best.country_code != focus_cc and m.best.feature_code != "PCLI":
                out.add(i)
    return out


_ROAD_AFTER = re.compile(r"^(?:\s*-\s*[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)?)?\s+"
                         r"(?:highway|road|expressway|motorway|railway|rail\s+line|bypass)\b",
                         re.IGNORECASE)
_ROAD_BEFORE = re.compile(r"[A-Z][\w'’.]*\s*-\s*$")
_ROAD_NAME = re.compile(r"^\s+(?:Road|Rd\.?|Highway|Hwy\.?|Street|St\.|Avenue|Ave\.?|Bypass)\b")


def road_endpoints(text: str, mentions: list[Mention]) -> set[int]:
    """Mentions naming the ends of a road ("Dhaka-Tangail highway", "Nairobi - Mombasa road")."""
    out = set()
    for i, m in enumerate(mentions):
        if m.start < 0:
            continue
        after = text[m.end:m.end + 60]
        hyphen_after = after.lstrip().startswith("-")
        if _ROAD_NAME.match(after) or (_ROAD_AFTER.match(after) and (
                hyphen_after or _ROAD_BEFORE.search(text[max(0, m.start - 40):m.start]))):
            out.add(i)
    return out


def _focus_country(mentions: list[Mention]) -> str | None:
    counts: dict[str, float] = {}
    for m in mentions:
        if m.best is not None and m.best.country_code:
            counts[m.best.country_code] = counts.get(m.best.country_code, 0) + 1
    return max(counts, key=counts.get) if counts else None


def focus_place(article: Article, mentions: list[Mention], excluded: set[int],
                countries: set[str] | None = None) -> Mention | None:
    """The article's main place: most mentioned, weighted to towns, lead and dateline.

    With ``countries`` (the event's known country) only places inside them count.
    """
    scores: dict[int, float] = {}
    first: dict[int, Mention] = {}
    dateline = (article.dateline_place or "").strip().lower()
    roads = road_endpoints(article.text, mentions)
    for i, m in enumerate(mentions):
        if m.best is None or i in excluded:
            continue
        if countries and m.best.country_code not in countries:
            continue
        gid = m.best.geonames_id
        base = FOCUS_WEIGHT.get(_kind(m), 0.2)
        w = base
        if m.start < LEAD_CHARS:
            w += FOCUS_LEAD_BONUS * base
        if dateline and m.text.lower() == dateline:
            w += FOCUS_DATELINE_BONUS * base
        # the factors scale the lead and dateline bonus too: a demonym or a qualifier in
        # the lead is still a weak pointer to where things happened
        if m.best.match == MATCH_DEMONYM:
            w *= DEMONYM_FOCUS_FACTOR
        elif i in roads:
            w *= ROAD_FOCUS_FACTOR
        elif _demoted_qualifier(m):
            w *= QUALIFIER_FOCUS_FACTOR
        elif m.source and m.source.startswith("in_"):
            w *= IN_NAME_FOCUS_FACTOR
        elif m.start > 0 and _LOCATIVE.search(article.text[max(0, m.start - 40):m.start]):
            w *= LOCATIVE_FOCUS_FACTOR
        scores[gid] = scores.get(gid, 0.0) + w
        first.setdefault(gid, m)
    if not scores:
        return None
    return first[max(scores, key=scores.get)]


def _from_demonym(geoparser: Geoparser, event: Event) -> bool:
    """The extractor read the event's country only from a demonym: in "Israeli forces
    shelled Gaza" or "Russian forces shelled Donetsk" it names the actor's nationality, and
    forcing the place into that country finds a namesake there. Such a country still helps
    recognise its small towns ("Ghanaian police ... in the capital Accra"), but the places
    the text names decide where (:data:`~clamor.geo.resolve.DEMONYM_VOTE_FACTOR`)."""
    said = [e.text for e in event.evidence if e.field == "country"]
    return bool(said) and all(_is_demonym(geoparser, t) for t in said)


def _country_hint(geoparser: Geoparser, event: Event) -> set[str]:
    if event.country_code:
        return {event.country_code.upper()}
    if event.country:
        for c in geoparser.gazetteer.lookup(event.country, loose=False):
            if c.feature_code == "PCLI":
                return {c.country_code}
    return set()


def _is_demonym(geoparser: Geoparser, text: str) -> bool:
    return any(c.match == MATCH_DEMONYM for c in geoparser.gazetteer.lookup(text, loose=False))


def _pick_in_sentences(doc, text, event, mentions, excluded, hint) -> Mention | None:
    starts = [e.start for e in event.evidence if e.field == "event_type"] or [
        e.start for e in event.evidence]
    pool: list[tuple[int, int, int, Mention]] = []
    roads = road_endpoints(text, mentions)
    for pos in starts:
        s0, s1 = _sentence_bounds(doc, pos)
        for i, m in enumerate(mentions):
            if i in excluded or m.best is None or not (s0 <= m.start < s1):
                continue
            if m.best.match == MATCH_DEMONYM:
                continue
            if hint and m.best.country_code not in hint:
                continue
            pool.append((int(i in roads or _demoted_qualifier(m)), _SPECIFICITY.get(_kind(m), 5),
                         abs(m.start - pos), m))
    if not pool:
        return None
    return min(pool, key=lambda t: t[:3])[3]


def locate_events(article: Article, doc, events: list[Event], options: Options | None = None,
                  geoparser: Geoparser | None = None) -> list[Event]:
    """Fill each event's place fields (new Event objects; unresolvable ones unchanged)."""
    if not events:
        return events
    gp = geoparser or get_geoparser()
    text = article.text
    said = [_country_hint(gp, e) for e in events]
    hints = [set() if _from_demonym(gp, e) else h for e, h in zip(events, said)]
    known = set().union(*hints) if len({frozenset(h) for h in hints}) == 1 else set()
    named = set().union(*said) if len({frozenset(h) for h in said}) == 1 else set()
    mentions = gp.mentions(doc, known, recognize_in=named)
    excluded = excluded_mentions(text, doc, mentions, known)
    focus_any = focus_place(article, mentions, excluded)
    out = []
    for event, hint in zip(events, hints):
        focus = focus_place(article, mentions, excluded, hint) if hint else focus_any
        chosen: Mention | None = None
        loc_ev = next((e for e in event.evidence if e.field == "location"), None)
        if event.location and event.location.strip():
            if loc_ev is not None:
                for m in mentions:
                    if m.best is not None and m.start < loc_ev.end and loc_ev.start < m.end:
                        chosen = m
                        break
            if chosen is None:
                context = [replace(m, best=None, runner_up=None, scores={}) for m in mentions]
                m = gp.resolve_name(event.location, context, hint)
                if m.best is not None:
                    if loc_ev is not None:
                        m.start, m.end, m.near = loc_ev.start, loc_ev.end, is_near(text, loc_ev.start)
                    chosen = m
            if chosen is None and loc_ev is not None:
                chosen = _qualifier(gp, text, loc_ev, mentions, hint)
        if chosen is None:
            chosen = _pick_in_sentences(doc, text, event, mentions, excluded, hint)
            if chosen is not None and focus is not None and focus.best is not None:
                # a country or region in the sentence, and the focus town lies inside it
                if (_SPECIFICITY.get(_kind(chosen), 5) >= 2 and _kind(focus) == "P"
                        and focus.best.country_code == chosen.best.country_code
                        and (chosen.best.feature_code == "PCLI"
                             or chosen.best.admin1_code == focus.best.admin1_code)):
                    chosen = focus
        if chosen is None and focus is not None:
            chosen = focus
        if chosen is None and article.dateline_place:
            chosen = _dateline(gp, article, mentions, hint)
        if chosen is None or chosen.best is None:
            out.append(event)
            continue
        out.append(_fill(gp, event, chosen, loc_ev))
    return out


#: the qualifier written right after a place: "in Kasipul, Homa Bay", "near Barsalogo
#: (Barsalogho, Sanmatenga)": another spelling, or the district, region or town it lies in
_NAME = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
_QUALIFIER = re.compile(rf"\s*(?:\((?P<paren>{_NAME}(?:,\s*{_NAME}){{0,2}})\)|,\s*(?P<comma>{_NAME})(?=\s*[,.;]|\s+[a-z]))")


def _qualifier(gp: Geoparser, text: str, loc_ev: Evidence, mentions: list[Mention],
               hint: set[str]) -> Mention | None:
    """Rule place-qualifier: an event place the gazetteer lacks takes the first place of its
    qualifier that resolves ("Kasipul, Homa Bay" -> Homa Bay; "Barsalogo (Barsalogho,
    Sanmatenga)"), coarser but in the right country; None when none resolves."""
    m = _QUALIFIER.match(text, loc_ev.end)
    if m is None:
        return None
    group = "paren" if m.group("paren") else "comma"
    context = [replace(x, best=None, runner_up=None, scores={}) for x in mentions]
    pos = m.start(group)
    for name in m.group(group).split(","):
        start = text.index(name.strip(), pos)
        pos = start + len(name.strip())
        q = gp.resolve_name(name.strip(), context, hint)
        if q.best is not None:
            q.start, q.end, q.near = start, pos, is_near(text, start)
            return q
    return None


def _dateline(gp: Geoparser, article: Article, mentions: list[Mention], hint: set[str]) -> Mention | None:
    """The dateline's place ("surat: ..."), when the text names no place the geoparser
    resolved: a local report is filed from where it happened more often than not, and an
    ACLED coder with nothing else codes it there."""
    context = [replace(m, best=None, runner_up=None, scores={}) for m in mentions]
    m = gp.resolve_name(article.dateline_place, context, hint)
    if m.best is None:
        return None
    idx = article.text.lower().find(article.dateline_place.lower(), 0, 200)
    if idx >= 0:
        m.start, m.end = idx, idx + len(article.dateline_place)
    return m


def _region_seat(gp: Geoparser, region) -> tuple[float, float] | None:
    """A region's namesake town inside it (Garissa County -> Garissa): ACLED codes a
    region-level event at its main town rather than at the region's centroid. A district
    without a point of its own named for a part of a town ("Kaduna South", "Kisii
    Central") is put at that town rather than at its admin1's centroid. A province with no
    namesake town, and a country, are put at their seat (rule region-seat:
    :meth:`~clamor.geo.gazetteer.Gazetteer.seat`, the province's largest town, the
    country's capital), where a coder codes an event the text places no closer."""
    from clamor.geo.normalize import acled_admin_name, name_key, strip_admin_affix
    from clamor.geo.resolve import DIRECTIONAL_NAME

    names = [acled_admin_name(region.name)]
    part = DIRECTIONAL_NAME.match(strip_admin_affix(name_key(region.name))[0])
    if part and region.lat is None:
        names.append(part.group(1) or part.group(2))
    towns = [c for name in names for c in gp.gazetteer.lookup(name, loose=False)
             if c.feature_class == "P" and c.country_code == region.country_code
             and c.admin1_code == region.admin1_code and c.lat is not None]
    if not towns:
        seat = gp.gazetteer.seat(region)
        return (seat.lat, seat.lon) if seat is not None else None
    best = max(towns, key=lambda c: c.population)
    return best.lat, best.lon


def _fill(gp: Geoparser, event: Event, m: Mention, loc_ev: Evidence | None) -> Event:
    place = gp.gazetteer.to_place(m.best)
    if m.best.feature_code in ("ADM1", "ADM2", "PCLI"):
        seat = _region_seat(gp, m.best)
        if seat is not None:
            place = place.model_copy(update={"lat": seat[0], "lon": seat[1]})
    evidence = list(event.evidence)
    if loc_ev is None and m.start >= 0:
        evidence.append(Evidence(field="location", start=m.start, end=m.end, text=m.text))
    return event.model_copy(update={
        "location": place.name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "country": place.country,
        "country_code": place.country_code,
        "latitude": place.lat,
        "longitude": place.lon,
        # a town standing in for an unknown place inside it ("X upazila (Y)") is approximate
        "geo_precision": precision_of(m.best, m.near or _stands_in(m)),
        "geonames_id": place.geonames_id,
        "evidence": evidence,
    })
