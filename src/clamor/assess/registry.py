"""The publisher registry: documented affiliations of news publishers.

The shipped registry (``clamor/data/assess/publishers.toml``) covers major wires and
broadcasters and the state and opposition outlets of a few countries with frequent protest
coverage. It records documented affiliations, not verdicts on truthfulness. Users add or
replace entries with their own TOML or JSON files (``Options.registry_paths``); an entry
whose ``name`` matches a shipped one replaces it.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from clamor.errors import ClamorError


class RegistryError(ClamorError):
    """A publisher registry file is missing or malformed."""


class PublisherType(StrEnum):
    """What kind of publisher an outlet is, by its documented affiliation."""

    #: a news agency selling copy to other outlets, commercially or as a cooperative
    WIRE_SERVICE = "wire_service"
    #: a commercial or non-profit outlet with no documented state or party control
    INDEPENDENT_OUTLET = "independent_outlet"
    #: owned or funded by a state, with documented editorial independence (BBC, DW)
    STATE_OWNED_OUTLET = "state_owned_outlet"
    #: run by, or documented as speaking for, a government or ruling party (IRNA, Xinhua)
    STATE_RUN_OUTLET = "state_run_outlet"
    #: the outlet of an opposition movement or advocacy organisation (PMOI/MEK, HRANA)
    OPPOSITION_OR_ADVOCACY = "opposition_or_advocacy"
    #: the press office of an armed force or armed group (IDF spokesperson, ISPR)
    PARTY_TO_CONFLICT = "party_to_conflict"


PUBLISHER_TYPES: frozenset[str] = frozenset(t.value for t in PublisherType)

#: Types whose reports always speak for a side: events reported only by them are flagged
#: ``partisan_sources_only``. A state-run outlet speaks for a side when it reports on its
#: own state (see :func:`clamor.assess.source.is_partisan`); state-owned outlets with
#: documented editorial independence, wires and independent outlets never do by
#: affiliation alone.
PARTISAN_TYPES: frozenset[str] = frozenset(
    {PublisherType.OPPOSITION_OR_ADVOCACY, PublisherType.PARTY_TO_CONFLICT}
)

#: Where the shipped registry and lexicons live (package data, see PROVENANCE.md there).
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "assess"
_SHIPPED = "publishers.toml"
_FIELDS = {
    "name", "type", "country", "party_to_conflict", "aliases", "domains", "mastheads",
    "citation", "note",
}


@dataclass(frozen=True)
class PublisherEntry:
    """One registry entry: a publisher and its documented affiliation."""

    name: str
    type: str
    country: str | None = None
    party_to_conflict: bool = False
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    mastheads: tuple[str, ...] = ()
    citation: str | None = None
    note: str | None = None
    source_file: str | None = field(default=None, compare=False)

    @property
    def partisan(self) -> bool:
        """True when the documented affiliation makes the publisher a side in anything it
        reports (opposition or advocacy organisations, parties to the conflict)."""
        return self.party_to_conflict or self.type in PARTISAN_TYPES

    @property
    def label(self) -> str:
        """A short human reading of the type, e.g. ``opposition or advocacy``."""
        return self.type.replace("_", " ")


def normalise_name(name: str) -> str:
    """Case-fold, unify apostrophes and squeeze spaces, for alias comparison."""
    name = name.replace("\u2019", "'").replace("\u2018", "'").casefold()
    return re.sub(r"\s+", " ", name).strip(" .:-\u2013\u2014")


def normalise_domain(value: str) -> str:
    """``https://www.Reuters.com/x`` -> ``reuters.com``."""
    value = value.strip().casefold()
    value = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value)
    value = value.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    value = value.rsplit("@", 1)[-1].split(":", 1)[0]
    return value[4:] if value.startswith("www.") else value


class Registry:
    """Publisher entries with look-ups by name or alias, by domain and by masthead."""

    def __init__(self, entries: list[PublisherEntry]):
        self.entries = list(entries)
        self._by_alias: dict[str, PublisherEntry] = {}
        self._by_domain: dict[str, PublisherEntry] = {}
        self._by_masthead: dict[str, PublisherEntry] = {}
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                self._by_alias.setdefault(normalise_name(alias), entry)
            for domain in entry.domains:
                self._by_domain.setdefault(normalise_domain(domain), entry)
            for masthead in entry.mastheads:
                self._by_masthead.setdefault(normalise_name(masthead), entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def by_name(self, name: str) -> PublisherEntry | None:
        """The entry whose name or alias equals ``name`` (case-insensitive)."""
        return self._by_alias.get(normalise_name(name))

    def by_domain(self, url_or_domain: str) -> PublisherEntry | None:
        """The entry for a URL's host or any parent domain of it."""
        host = normalise_domain(url_or_domain)
        parts = host.split(".")
        for i in range(len(parts) - 1):
            entry = self._by_domain.get(".".join(parts[i:]))
            if entry is not None:
                return entry
        return None

    def by_masthead(self, credit: str) -> PublisherEntry | None:
        """The entry whose dateline credit (``Reuters``, ``Sapa-AFP``) equals ``credit``."""
        return self._by_masthead.get(normalise_name(credit))

    @property
    def mastheads(self) -> list[str]:
        """Every masthead credit, longest first (for building one regex)."""
        return sorted({m for e in self.entries for m in e.mastheads}, key=len, reverse=True)


def _entry(raw: dict, source: str, index: int) -> PublisherEntry:
    where = f"{source}: publisher {index}"
    if not isinstance(raw, dict):
        raise RegistryError(f"{where}: expected a table/object")
    unknown = set(raw) - _FIELDS
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RegistryError(f"{where}: missing 'name'")
    ptype = raw.get("type")
    if ptype not in PUBLISHER_TYPES:
        raise RegistryError(
            f"{where} ({name}): type {ptype!r} is not one of {', '.join(sorted(PUBLISHER_TYPES))}"
        )

    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RegistryError(f"{where} ({name}): '{key}' must be a list of strings")
        return tuple(v for v in value if v.strip())

    party = raw.get("party_to_conflict", ptype == PublisherType.PARTY_TO_CONFLICT)
    if not isinstance(party, bool):
        raise RegistryError(f"{where} ({name}): 'party_to_conflict' must be true or false")
    return PublisherEntry(
        name=name.strip(),
        type=ptype,
        country=raw.get("country"),
        party_to_conflict=party,
        aliases=strings("aliases"),
        domains=strings("domains"),
        mastheads=strings("mastheads"),
        citation=raw.get("citation"),
        note=raw.get("note"),
        source_file=source,
    )


def parse_registry(text: str, source: str = "<registry>", fmt: str = "toml") -> list[PublisherEntry]:
    """Parse registry text (TOML with ``[[publisher]]`` tables, or JSON) into entries.

    JSON may be a list of publisher objects or ``{"publisher": [...]}``.
    """
    try:
        data = json.loads(text) if fmt == "json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise RegistryError(f"{source}: not valid {fmt.upper()}: {exc}") from None
    rows = data if isinstance(data, list) else data.get("publisher", data.get("publishers"))
    if not isinstance(rows, list):
        raise RegistryError(f"{source}: expected a list of publishers ([[publisher]] tables)")
    return [_entry(raw, source, i) for i, raw in enumerate(rows, start=1)]


def _read(path: Path) -> list[PublisherEntry]:
    if not path.is_file():
        raise RegistryError(f"{path}: registry file not found")
    fmt = "json" if path.suffix.casefold() == ".json" else "toml"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read registry: {exc}") from None
    return parse_registry(text, str(path), fmt)


def shipped_registry_path() -> Path:
    """Path of the registry file shipped with clamor."""
    return DATA_DIR / _SHIPPED


@functools.lru_cache(maxsize=8)
def load_registry(paths: tuple[str, ...] = ()) -> Registry:
    """The shipped registry with ``paths`` merged over it (later files win), cached."""
    merged: dict[str, PublisherEntry] = {}
    for path in (shipped_registry_path(), *map(Path, paths)):
        for entry in _read(path):
            merged[normalise_name(entry.name)] = entry
    # User entries come first so their aliases win over shipped aliases they share.
    user = [e for e in merged.values() if e.source_file != str(shipped_registry_path())]
    shipped = [e for e in merged.values() if e.source_file == str(shipped_registry_path())]
    return Registry(user[::-1] + shipped)
