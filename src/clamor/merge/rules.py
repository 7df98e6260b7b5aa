"""When two article-level events are the same real-world event, and which value wins.

Pure functions over :class:`clamor.models.Event`; no database. See docs/merging.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clamor.extract.notes import make_notes
from clamor.geo.distance import haversine_km
from clamor.merge.records import Disagreement, FieldChoice, MergedEvent, ReportedValue
from clamor.models import Event, SourceAssessment

#: ACLED event types grouped into families that outlets describe interchangeably: one
#: outlet's "peaceful protest" is another's "riot"; a shelling may be reported as an
#: attack on civilians. Events of different families never merge.
TYPE_FAMILIES: dict[str, str] = {
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Battles": "political_violence",
    "Explosions/Remote violence": "political_violence",
    "Violence against civilians": "political_violence",
    "Strategic developments": "strategic_developments",
}

#: Two points closer than this are the same place. Geocoders put a town at its centroid
#: and a neighbourhood a few km off it; 10 km keeps a city's districts together while
#: keeping neighbouring towns (usually 15+ km apart) apart.
PLACE_RADIUS_KM = 10.0

#: Half-width, in days, of the window an event date stands for, by ACLED time_precision:
#: 1 the exact day, 2 a day in a known week (the mid-week day is coded), 3 only the
#: month (its middle day is coded). Unknown precision is treated as a known day.
PRECISION_HALF_WIDTH_DAYS: dict[int, int] = {1: 0, 2: 3, 3: 15}

#: Actor-type codes (inter1/inter2) that name the same crowd: an outlet's protesters (6)
#: are another's rioters (5).
CROWD_CODES = frozenset({5, 6})

#: Fields chosen together from one source, so a place never mixes two geocodes.
PLACE_FIELDS = (
    "country", "country_code", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "geonames_id",
)
#: Counts: the lowest reported count wins (ACLED's conservative rule), all kept visible.
COUNT_FIELDS = ("fatalities", "injuries", "arrests")
#: Estimates that travel with a count.
ESTIMATE_FIELDS = {"fatalities": "fatalities_estimate", "injuries": "injuries_estimate",
                   "arrests": "arrests_estimate"}
#: Actor fields, chosen by majority as a block so actor and inter code stay consistent.
ACTOR_FIELDS = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                "interaction")
LIST_FIELDS = ("participants", "tactics", "state_response", "demands")


# --------------------------------------------------------------------------- matching


def type_family(event_type: str | None) -> str | None:
    """The family of an ACLED event type (``None`` when unknown)."""
    return TYPE_FAMILIES.get(event_type or "")


def date_window(event: Event) -> tuple[dt.date, dt.date] | None:
    """The days an event's date may stand for, given its time precision."""
    if event.event_date is None:
        return None
    half = PRECISION_HALF_WIDTH_DAYS.get(event.time_precision or 1, 0)
    delta = dt.timedelta(days=half)
    return event.event_date - delta, event.event_date + delta


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def actor_keys(event: Event) -> set[str]:
    """Normalised actor names and crowd codes an event names (for the overlap test)."""
    keys: set[str] = set()
    for value in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2):
        for part in (value or "").split(";"):
            if _norm(part):
                keys.add("name:" + _norm(part))
    for code in (event.inter1, event.inter2):
        if code is not None:
            keys.add("inter:crowd" if code in CROWD_CODES else f"inter:{code}")
    return keys


def place_match(a: Event, b: Event) -> str | None:
    """Why two events are at the same place, or ``None``."""
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return None
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if km <= PLACE_RADIUS_KM:
            return f"place: {km:.1f} km apart"
    same_country = bool(a.country_code and a.country_code == b.country_code) or bool(
        a.country and _norm(a.country) == _norm(b.country)
    )
    if not same_country:
        return None
    if a.admin2 and _norm(a.admin2) == _norm(b.admin2):
        return f"place: same admin2 ({a.admin2})"
    if a.location and _norm(a.location) == _norm(b.location):
        return f"place: same location ({a.location})"
    return None


def date_match(a: Event, b: Event) -> str | None:
    """Why two events' dates are compatible (their windows overlap), or ``None``."""
    wa, wb = date_window(a), date_window(b)
    if wa is None or wb is None:
        return None
    if wa[0] <= wb[1] and wb[0] <= wa[1]:
        if a.event_date == b.event_date:
            return f"date: same day {a.event_date}"
        return f"date: {a.event_date} ~ {b.event_date} within precision"
    return None


def actor_match(a: Event, b: Event) -> str | None:
    """Why two events' actors are compatible (overlap, or one side names none)."""
    ka, kb = actor_keys(a), actor_keys(b)
    if not ka or not kb:
        return "actors: one side names none"
    shared = ka & kb
    if shared:
        return "actors: share " + ", ".join(sorted(k.split(":", 1)[1] for k in shared))
    return None


def match_reasons(a: Event, b: Event) -> list[str] | None:
    """The reasons ``a`` and ``b`` are one event, or ``None`` when any test fails."""
    fam_a, fam_b = type_family(a.event_type), type_family(b.event_type)
    if fam_a is None or fam_a != fam_b:
        return None
    reasons = [f"type family: {fam_a}"]
    for test in (place_match, date_match, actor_match):
        why = test(a, b)
        if why is None:
            return None
        reasons.append(why)
    return reasons


def match_score(a: Event, b: Event) -> float:
    """Closeness of two matching events (higher is closer), to pick the best cluster."""
    score = 0.0
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        score -= haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) / PLACE_RADIUS_KM  # type: ignore[arg-type]
    if a.event_date and b.event_date:
        score -= abs((a.event_date - b.event_date).days) / 7
    score += len(actor_keys(a) & actor_keys(b)) * 0.1
    if a.sub_event_type == b.sub_event_type:
        score += 0.5
    return score


def best_match(event: Event, groups: Sequence[Sequence[Event]]) -> tuple[int, list[str]] | None:
    """The index of the group ``event`` joins (matching any member, closest wins)."""
    best: tuple[float, int, list[str]] | None = None
    for index, group in enumerate(groups):
        for member in group:
            if member.article_id == event.article_id:
                continue  # one article's events are distinct by construction
            reasons = match_reasons(event, member)
            if reasons is None:
                continue
            score = match_score(event, member)
            if best is None or score > best[0]:
                best = (score, index, reasons)
    return None if best is None else (best[1], best[2])


# --------------------------------------------------------------------------- choosing


def canonical_id(first: Event) -> str:
    """A stable canonical id from the event that created the merged event."""
    return "E" + hashlib.sha1(first.event_id.encode("utf-8")).hexdigest()[:15]


def _key(value: Any) -> str:
    if hasattr(value, "model_dump_json"):
        return value.model_dump_json()
    return repr(value)


@dataclass
class _Votes:
    events: list[Event]
    trust: Mapping[str, float]

    def majority(self, values: list[tuple[Any, Event]]) -> tuple[Any, str]:
        """Most reported non-empty value; ties go to the most trusted, then earliest source."""
        present = [(v, e) for v, e in values if v not in (None, "", [], ())]
        if not present:
            return None, "none_reported"
        if len(present) == 1 and len(self.events) == 1:
            return present[0][0], "only_source"
        counts = Counter(_key(v) for v, _ in present)
        top = max(counts.values())
        tied = [(v, e) for v, e in present if counts[_key(v)] == top]
        winner = max(tied, key=lambda ve: (self.trust.get(ve[1].article_id, 1.0), ve[1].confidence,
                                           -self.events.index(ve[1])))
        if len({_key(v) for v, _ in tied}) > 1:
            return winner[0], f"tie of {top} broken by trust/confidence"
        if top == len(present) and len(present) > 1:
            return winner[0], "unanimous"
        if len(present) == 1:
            return winner[0], "only_reporting_source"
        return winner[0], f"majority {top} of {len(present)}"


def _disagreement(field: str, values: list[tuple[Any, Event]]) -> Disagreement | None:
    grouped: dict[str, ReportedValue] = {}
    for value, event in values:
        if value in (None, "", [], ()):
            continue
        key = _key(value)
        dumped = value.model_dump(mode="json") if hasattr(value, "model_dump") else value
        if isinstance(dumped, (dt.date,)):
            dumped = dumped.isoformat()
        rv = grouped.setdefault(key, ReportedValue(value=dumped, article_ids=[]))
        if event.article_id not in rv.article_ids:
            rv.article_ids.append(event.article_id)
    if len(grouped) < 2:
        return None
    return Disagreement(field=field, values=list(grouped.values()))


class _FieldChooser:
    """Chooses each field of a merged event from its reports, recording the rule that chose
    it and the disagreements; one method per block of fields that must stay consistent."""

    def __init__(self, events: list[Event], sources: Mapping[str, SourceAssessment | None]):
        self.events = events
        self.sources = sources
        self.trust = {aid: (0.5 if (s is not None and s.partisan) else 1.0)
                      for aid, s in sources.items()}
        self.votes = _Votes(events, self.trust)
        self.chosen: dict[str, Any] = {}
        self.choices: dict[str, FieldChoice] = {}
        self.disagreements: list[Disagreement] = []

    def record(self, field: str, value: Any, rule: str) -> None:
        self.chosen[field] = value
        dumped = value.model_dump(mode="json") if hasattr(value, "model_dump") else value
        self.choices[field] = FieldChoice(field=field, rule=rule, value=dumped)

    def record_none(self, fields: Iterable[str]) -> None:
        for field in fields:
            self.record(field, None, "none_reported")

    def disagree(self, field: str, values: list[tuple[Any, Event]]) -> None:
        d = _disagreement(field, values)
        if d is not None:
            self.disagreements.append(d)

    def choose_type(self) -> None:
        """The (event_type, sub_event_type) pair votes as one value."""
        events = self.events
        (etype, subtype), rule = self.votes.majority([((e.event_type, e.sub_event_type), e) for e in events])
        winner = next(e for e in events if (e.event_type, e.sub_event_type) == (etype, subtype))
        self.record("event_type", etype, rule)
        self.record("sub_event_type", subtype, rule)
        for field in ("disorder_type", "plover_type"):
            self.record(field, getattr(winner, field), "with event_type")
        self.disagree("sub_event_type", [(f"{e.event_type}: {e.sub_event_type}", e) for e in events])

    def choose_date(self) -> None:
        """The most precise report; among equally precise ones, the majority."""
        dated = [e for e in self.events if e.event_date is not None]
        if dated:
            best_precision = min(e.time_precision or 1 for e in dated)
            precise = [e for e in dated if (e.time_precision or 1) == best_precision]
            value, rule = self.votes.majority([(e.event_date, e) for e in precise])
            if len({e.time_precision or 1 for e in dated}) > 1:
                rule = f"most_precise (time_precision {best_precision}), {rule}"
            self.record("event_date", value, rule)
            self.record("time_precision", best_precision if any(e.time_precision for e in dated) else None,
                        "with event_date")
        else:
            self.record_none(("event_date", "time_precision"))
        self.disagree("event_date", [(e.event_date.isoformat() if e.event_date else None, e)
                                     for e in self.events])

    def choose_place(self) -> None:
        """The most precise geocode, taken as a block so coordinates match the place name."""
        placed = [e for e in self.events if e.location or e.latitude is not None or e.admin1 or e.country]
        if placed:
            best_geo = min(e.geo_precision or 3 for e in placed)
            precise = [e for e in placed if (e.geo_precision or 3) == best_geo]
            def key(e: Event):
                return (e.geonames_id, e.location, e.latitude, e.longitude)
            key_value, rule = self.votes.majority([(key(e), e) for e in precise])
            source = next(e for e in precise if key(e) == key_value)
            if len({e.geo_precision or 3 for e in placed}) > 1:
                rule = f"most_precise (geo_precision {best_geo}), {rule}"
            for field in PLACE_FIELDS:
                self.record(field, getattr(source, field), rule if field == "location" else "with location")
        else:
            self.record_none(PLACE_FIELDS)
        self.disagree("location", [(e.location, e) for e in self.events])

    def choose_actors(self) -> None:
        """actor1 by majority, then the whole actor block from the most trusted, most
        confident source naming that actor1 (so actors and inter codes stay consistent)."""
        events = self.events
        named = [(e.actor1, e) for e in events if e.actor1]
        if named:
            actor1, rule = self.votes.majority(named)
            source = max((e for v, e in named if v == actor1),
                         key=lambda e: (self.trust.get(e.article_id, 1.0), e.confidence, -events.index(e)))
            for field in ACTOR_FIELDS:
                self.record(field, getattr(source, field), rule if field == "actor1" else "with actor1")
        else:
            self.record_none(ACTOR_FIELDS)
        self.disagree("actor1", [(e.actor1, e) for e in events])
        self.disagree("actor2", [(e.actor2, e) for e in events])

    def choose_counts(self) -> None:
        """The lowest count reported by a trusted source; every count kept visible."""
        for field in COUNT_FIELDS:
            reported = [(getattr(e, field), e) for e in self.events if getattr(e, field) is not None]
            if not reported:
                self.record_none((field, ESTIMATE_FIELDS[field]))
                continue
            trusted = [(v, e) for v, e in reported if self.trust.get(e.article_id, 1.0) >= 1.0] or reported
            value, src = min(trusted, key=lambda ve: ve[0])
            distinct = {v for v, _ in reported}
            rule = "only_reporting_source" if len(reported) == 1 else (
                "unanimous" if len(distinct) == 1 else "lowest_reported")
            if len(trusted) < len(reported):
                rule += " (non-partisan sources)"
            self.record(field, value, rule)
            self.record(ESTIMATE_FIELDS[field], getattr(src, ESTIMATE_FIELDS[field]), f"with {field}")
            self.disagree(field, reported)

    def choose_rest(self) -> None:
        """Crowd size (no arithmetic on vague ranges), list unions, flags, confidence."""
        events = self.events
        crowd, rule = self.votes.majority([(e.crowd_size, e) for e in events])
        self.record("crowd_size", crowd, rule)
        self.disagree("crowd_size", [(e.crowd_size.text if e.crowd_size else None, e) for e in events])
        for field in LIST_FIELDS:
            merged = dict.fromkeys(item for e in events for item in getattr(e, field))
            self.record(field, list(merged), "union")
        self.record("civilian_targeting", any(e.civilian_targeting for e in events), "any_source")
        self.disagree("civilian_targeting", [(str(e.civilian_targeting), e) for e in events])
        self.record("confidence", max(e.confidence for e in events), "max")
        partisan = [self.sources[e.article_id].partisan if self.sources.get(e.article_id) is not None
                    else e.partisan_sources_only for e in events]
        known = [flag for flag in partisan if flag is not None]
        self.record("partisan_sources_only", (all(known) if known else None), "all_sources_partisan")


def merge_group(
    events: Sequence[Event],
    event_id: str | None = None,
    sources: Mapping[str, SourceAssessment | None] | None = None,
    reasons: Mapping[str, list[str]] | None = None,
) -> MergedEvent:
    """Merge article-level events already judged the same event into one.

    ``sources`` maps article ids to their source assessment: a partisan source loses
    ties and never sets a count alone when a non-partisan source reports one.
    """
    if not events:
        raise ValueError("merge_group needs at least one event")
    events = list(events)
    chooser = _FieldChooser(events, sources or {})
    for choose in (chooser.choose_type, chooser.choose_date, chooser.choose_place,
                   chooser.choose_actors, chooser.choose_counts, chooser.choose_rest):
        choose()
    event_id = event_id or canonical_id(events[0])
    fields = {k: v for k, v in chooser.chosen.items()
              if k in Event.model_fields and k not in ("event_id", "article_id", "evidence")}
    canonical = Event(event_id=event_id, article_id=events[0].article_id,
                      evidence=[ev for e in events for ev in e.evidence], **fields)
    # The note summarises the merged fields (place, actors, date, counts), never one
    # source's note, which may name another place or count.
    chooser.record("notes", make_notes(canonical), "written_from_merged_fields")
    canonical = canonical.model_copy(update={"notes": chooser.chosen["notes"]})
    return MergedEvent(
        event_id=event_id,
        event=canonical,
        source_events=events,
        corroboration=len({e.article_id for e in events}),
        choices=chooser.choices,
        disagreements=chooser.disagreements,
        match_reasons=dict(reasons or {}),
    )


def merge_events(
    events: Iterable[Event],
    sources: Mapping[str, SourceAssessment | None] | None = None,
) -> list[MergedEvent]:
    """Group article-level events into real-world events, in input order.

    Each event joins the closest existing group with any member it matches (see
    :func:`match_reasons`), else starts a new group. Groups are never fused afterwards,
    so the result depends on input order only when an event matches two groups.
    """
    groups: list[list[Event]] = []
    reasons: list[dict[str, list[str]]] = []
    for event in events:
        found = best_match(event, groups)
        if found is None:
            groups.append([event])
            reasons.append({event.event_id: ["first report"]})
        else:
            index, why = found
            groups[index].append(event)
            reasons[index][event.event_id] = why
    return [merge_group(g, sources=sources, reasons=r) for g, r in zip(groups, reasons, strict=True)]
