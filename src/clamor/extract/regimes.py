"""ACLED's names for state forces: "Military Forces of the Philippines (2016-)".

ACLED writes a state's forces with the country as it names countries and the years of the
regime they serve. The years are a naming convention no text states, so they come from
``data/extract/regime_years.tsv`` (built by ``scripts/build_regime_years.py``, see
PROVENANCE.md); a country the table lacks keeps the name without years.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from clamor.extract.lexicon import _tsv_rows

#: GeoNames country names (what the geoparser gives) that ACLED writes otherwise.
ACLED_COUNTRY = {
    "Democratic Republic of the Congo": "Democratic Republic of Congo",
    "Republic of the Congo": "Republic of Congo",
    "Palestinian Territory": "Palestine",
    "Czechia": "Czech Republic",
    "Timor Leste": "East Timor",
    "Eswatini": "eSwatini",
}
#: Countries written with "the" in English ("Military Forces of the United States") when
#: the table has no row to say so: plural names, unions and named republics.
_WITH_THE = re.compile(r"^(?:United |Central African Republic$|Dominican Republic$|Czech Republic$|Gambia$|"
                       r"Netherlands$|Philippines$|Bahamas$|Comoros$|Maldives$|Seychelles$|"
                       r"(?:Solomon|Marshall|Cayman|Cook|Faroe) Islands$)")
_FORCE = re.compile(r"^(?P<force>Police|Military) Forces(?: of (?:the )?(?P<country>[^()]+?))?$")


@dataclass(frozen=True)
class Regime:
    """One row of the regime-years table."""

    country: str
    force: str
    the: bool
    start: int
    end: int | None
    first_seen: dt.date
    rows: int

    @property
    def years(self) -> str:
        return f"({self.start}-{self.end or ''})"


@functools.lru_cache(maxsize=1)
def load_regimes() -> dict[tuple[str, str], list[Regime]]:
    """(ACLED country, "Police"/"Military") -> its regimes, earliest first."""
    out: dict[tuple[str, str], list[Regime]] = {}
    for row in _tsv_rows("regime_years.tsv"):
        country, force, the, start, end, first, _last, rows = row
        out.setdefault((country, force), []).append(Regime(
            country, force, the == "1", int(start), int(end) if end else None,
            dt.date.fromisoformat(first), int(rows)))
    for regimes in out.values():
        regimes.sort(key=lambda r: (r.start, r.first_seen))
    return out


def acled_country(country: str) -> str:
    """``country`` as ACLED writes it."""
    return ACLED_COUNTRY.get(country, country)


def regime(country: str, force: str, date: dt.date | None) -> Regime | None:
    """The regime of ``country``'s ``force`` on ``date`` (the latest when undated).

    An open regime ends where the next one starts; a year both share goes to the later one
    once that was seen in use by ``date``."""
    regimes = load_regimes().get((acled_country(country), force))
    if not regimes:
        # a country's police named like its military (same regime) when only that is known
        other = "Military" if force == "Police" else "Police"
        regimes = load_regimes().get((acled_country(country), other))
        if not regimes:
            return None
    if date is None:
        return max(regimes, key=lambda r: (r.end is None, r.start, r.rows))
    starts = sorted({r.start for r in regimes})
    inside = []
    for r in regimes:
        end = r.end if r.end is not None else next((s for s in starts if s > r.start), None)
        if r.start <= date.year and (end is None or date.year <= end):
            inside.append(r)
    if not inside:
        earlier = [r for r in regimes if r.start <= date.year]
        return max(earlier, key=lambda r: (r.start, r.rows)) if earlier else regimes[0]
    used = [r for r in inside if r.first_seen <= date]
    return max(used or inside[:1], key=lambda r: (r.start, r.rows))


def state_force_name(force: str, country: str | None, date: dt.date | None = None) -> str:
    """ACLED's name of ``force`` ("Police"/"Military") of ``country`` on ``date``."""
    if not country:
        return f"{force} Forces"
    found = regime(country, force, date)
    name = acled_country(country)
    the = found.the if found is not None and found.country == name else bool(_WITH_THE.match(name))
    return f"{force} Forces of {'the ' if the else ''}{name}" + (f" {found.years}" if found else "")


def with_regime(actor: str | None, country: str | None, date: dt.date | None) -> str | None:
    """A state force's name given its country and regime years; other names unchanged.

    "Police Forces" + Kenya, 2019 -> "Police Forces of Kenya (2013-)"; "Military Forces of
    Israel" stays Israel's (its own country, named by the text) with Israel's years."""
    m = _FORCE.match(actor or "")
    if not m:
        return actor
    return state_force_name(m.group("force"), m.group("country") or country, date)
