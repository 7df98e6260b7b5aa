"""ACLED-style notes generated from an event record (one to three sentences)."""

from __future__ import annotations

from clamor.models import Event

_VERBS = {
    "Peaceful protest": "held a demonstration",
    "Protest with intervention": "demonstrated and were met with intervention by the authorities",
    "Excessive force against protesters": "used potentially lethal force against demonstrators",
    "Violent demonstration": "held a violent demonstration",
    "Mob violence": "engaged in mob violence",
}


def _date_phrase(event: Event) -> str:
    if event.event_date is None:
        return "On an unknown date"
    d = event.event_date
    if event.time_precision == 3:
        return f"In {d:%B %Y} (month of)"
    if event.time_precision == 2:
        return f"Around {d.day} {d:%B %Y} (week of)"
    return f"On {d.day} {d:%B %Y}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def make_notes(event: Event) -> str:
    """A short summary of ``event`` in ACLED's style, made only from its fields."""
    who = (event.actor1 or "Unidentified actors").split(" (")[0]
    if event.participants:
        who += f" (including {_join(event.participants)})"
    place = event.location or "an unspecified location"
    if event.country and event.location:
        place += f" ({event.admin1 + ', ' if event.admin1 else ''}{event.country})"
    verb = _VERBS.get(event.sub_event_type, f"were involved in an event coded {event.sub_event_type.lower()}")
    parts = [f"{_date_phrase(event)}, {who.lower() if who[0].isupper() and ' ' not in who else who} {verb} in {place}."]
    if event.sub_event_type == "Excessive force against protesters" and event.actor2:
        parts[0] = f"{_date_phrase(event)}, {event.actor1} used potentially lethal force against {event.actor2.split(' (')[0].lower()} in {place}."
    details = []
    if event.tactics:
        details.append(f"Tactics: {_join(event.tactics)}")
    if event.state_response:
        details.append(f"state response: {_join(event.state_response)}")
    if event.demands:
        details.append(f"demands: {event.demands[0]}")
    if details:
        joined = "; ".join(details)
        parts.append(joined[0].upper() + joined[1:] + ".")
    counts = []
    for label, exact, est in (("fatalities", event.fatalities, event.fatalities_estimate),
                              ("injuries", event.injuries, event.injuries_estimate),
                              ("arrests", event.arrests, event.arrests_estimate)):
        if exact is not None:
            counts.append(f"{exact} {label}")
        elif est is not None:
            counts.append(f"{label}: {est.text.lower()}")
    if counts:
        parts.append(_join(counts).capitalize() + " reported.")
    return " ".join(parts[:3])
