"""ACLED-style notes written from a finished event record (one to three sentences).

The note is a summary of the event's own fields and nothing else, so it is written last:
by :func:`clamor.pipeline.run_stages` once the place is resolved and the actors carry
their country, and again by :func:`clamor.merge.merge_group` from the merged fields.
"""

from __future__ import annotations

from collections.abc import Iterable

from clamor.models import Event, Quantity

#: One clause per ACLED sub-event type, in the past tense ACLED's coders write notes in:
#: (clause with ``{a1}`` for actor 1, what follows it when actor 2 is known). A clause that
#: needs an object says ``{a2|words}``: actor 2, else those words.
#: Written by the clamor developers from the ACLED codebook's sub-event definitions.
_CLAUSES = {
    "Peaceful protest": ("{a1} held a demonstration", " involving {a2}"),
    "Protest with intervention": ("{a1} held a demonstration that was met with intervention by "
                                  "{a2|the authorities}", ""),
    "Excessive force against protesters": ("{a1} used potentially lethal force against "
                                           "{a2|demonstrators}", ""),
    "Violent demonstration": ("{a1} held a violent demonstration", " and clashed with {a2}"),
    "Mob violence": ("{a1} engaged in mob violence", " against {a2}"),
    "Armed clash": ("{a1} clashed with {a2|an unidentified armed group}", ""),
    "Government regains territory": ("{a1} regained control of territory", " from {a2}"),
    "Non-state actor overtakes territory": ("{a1} took control of territory", " from {a2}"),
    "Chemical weapon": ("{a1} used chemical weapons", " against {a2}"),
    "Air/drone strike": ("{a1} carried out an air or drone strike", " on {a2}"),
    "Suicide bomb": ("{a1} carried out a suicide bombing", " against {a2}"),
    "Shelling/artillery/missile attack": ("{a1} fired shells, artillery or missiles", " at {a2}"),
    "Remote explosive/landmine/IED": ("{a1} detonated a remote explosive device", " against {a2}"),
    "Grenade": ("{a1} threw a grenade", " at {a2}"),
    "Sexual violence": ("{a1} committed sexual violence against {a2|civilians}", ""),
    "Attack": ("{a1} attacked {a2|civilians}", ""),
    "Abduction/forced disappearance": ("{a1} abducted {a2|civilians}", ""),
    "Agreement": ("{a1} reached an agreement", " with {a2}"),
    "Arrests": ("{a1} arrested {a2|people}", ""),
    "Change to group/activity": ("{a1} changed their activity or organisation", " involving {a2}"),
    "Disrupted weapons use": ("{a1} seized or defused weapons", " of {a2}"),
    "Headquarters or base established": ("{a1} established a headquarters or base", " involving {a2}"),
    "Looting/property destruction": ("{a1} looted or destroyed property", " of {a2}"),
    "Non-violent transfer of territory": ("{a1} took over territory without fighting", " from {a2}"),
    "Other": ("{a1} were involved in a strategic development", " with {a2}"),
}
_GENERIC_CLAUSE = ("{a1} were involved in an event coded as {type}", " with {a2}")
#: Demonstrators and rioters (ACLED inter codes 5 and 6): the participants belong to them.
_CROWD_INTERS = (5, 6)
_UNIDENTIFIED = "unidentified actors"
_SINGULAR = {"fatalities": "fatality", "injuries": "injury", "arrests": "arrest"}


def actor_phrase(actor: str | None) -> str | None:
    """An ACLED actor as the note names it: the name without its country or period
    ("Police Forces of Kenya (2013-)" -> "Police Forces of Kenya"; "Protesters (Kenya)" ->
    "protesters", a common noun in mid-sentence)."""
    if not actor:
        return None
    name = actor.split(";")[0].split(" (")[0].strip()
    if " " not in name and name[:1].isupper() and name[1:].islower():
        return name.lower()
    return name


def date_phrase(event: Event) -> str:
    """'On 4 March 2019', 'Around 4 March 2019 (week of)', 'In March 2019 (month of)'."""
    if event.event_date is None:
        return "On an unknown date"
    d = event.event_date
    if event.time_precision == 3:
        return f"In {d:%B %Y} (month of)"
    if event.time_precision == 2:
        return f"Around {d.day} {d:%B %Y} (week of)"
    return f"On {d.day} {d:%B %Y}"


def place_phrase(event: Event) -> str:
    """'in Nakuru (Nakuru, Kenya)', or 'at an unspecified location in Kenya'."""
    region = ", ".join(p for p in (event.admin1, event.country) if p)
    if event.location:
        return f"in {event.location}" + (f" ({region})" if region else "")
    return "at an unspecified location" + (f" in {region}" if region else "")


def _join(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _clause(event: Event) -> str:
    template, with_actor2 = _CLAUSES.get(event.sub_event_type, _GENERIC_CLAUSE)
    who, other = actor_phrase(event.actor1) or _UNIDENTIFIED, actor_phrase(event.actor2)
    if event.participants:
        including = f" (including {_join(event.participants)})"
        crowd_is_actor2 = event.inter2 in _CROWD_INTERS and event.inter1 not in _CROWD_INTERS
        if crowd_is_actor2 and other:
            other += including
        else:
            who += including
    head, _, rest = template.partition("{a2|")
    if rest:
        fallback, _, tail = rest.partition("}")
        head += (other or fallback) + tail
    elif other:
        head += with_actor2.replace("{a2}", other)
    return head.replace("{a1}", who).replace("{type}", event.sub_event_type.lower())


def _count(label: str, exact: int | None, estimate: Quantity | None) -> str | None:
    if exact is not None:
        return f"{exact} {_SINGULAR[label] if exact == 1 else label}"
    if estimate is not None:
        return f"{label}: {estimate.text}"
    return None


def _counts(event: Event) -> str | None:
    counts = [c for c in (_count("fatalities", event.fatalities, event.fatalities_estimate),
                          _count("injuries", event.injuries, event.injuries_estimate),
                          _count("arrests", event.arrests, event.arrests_estimate)) if c]
    if not counts:
        return None
    return "Reported: " + "; ".join(counts) + "."


def _details(event: Event) -> str | None:
    details = []
    if event.tactics:
        details.append(f"tactics: {_join(event.tactics)}")
    if event.state_response:
        details.append(f"state response: {_join(event.state_response)}")
    if event.demands:
        details.append(f"demands: {event.demands[0].rstrip('. ')}")
    if not details:
        return None
    joined = "; ".join(details)
    return joined[0].upper() + joined[1:] + "."


def make_notes(event: Event) -> str:
    """A short summary of ``event`` in ACLED's style, made only from its fields."""
    parts = [f"{date_phrase(event)}, {_clause(event)} {place_phrase(event)}."]
    parts += [p for p in (_details(event), _counts(event)) if p]
    return " ".join(parts)


def with_notes(events: Iterable[Event]) -> list[Event]:
    """``events`` with their notes (re)written from their final fields."""
    return [e.model_copy(update={"notes": make_notes(e)}) for e in events]
