"""The geoparser: recognise place names, resolve them to GeoNames places."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources

from clamor.geo.gazetteer import Gazetteer, get_gazetteer
from clamor.geo.recognize import attach_qualifiers, is_near, kind_hint, recognize
from clamor.geo.resolve import Mention, Resolver, precision_of
from clamor.models import Toponym


@functools.lru_cache(maxsize=1)
def us_state_abbreviations() -> dict[str, str]:
    """USPS and AP-style abbreviations ("La.", "LA") to the GeoNames admin1 code."""
    out: dict[str, str] = {}
    path = resources.files("clamor") / "data" / "gazetteer" / "us_states.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "admin1_code")) or not line.strip():
            continue
        code, usps, ap = line.split("\t")
        out[usps] = code
        if ap.endswith("."):
            out[ap] = code
    return out


class Geoparser:
    """Recognise and resolve toponyms. Loads the gazetteer and spaCy lazily, once."""

    def __init__(self, gazetteer: Gazetteer | None = None, nlp=None):
        self._gaz = gazetteer
        self._nlp = nlp
        self._resolver: Resolver | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = get_gazetteer()
        return self._gaz

    @property
    def nlp(self):
        if self._nlp is None:
            from clamor.nlp import load_spacy

            self._nlp = load_spacy()
        return self._nlp

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(self.gazetteer, us_state_abbreviations())
        return self._resolver

    # ------------------------------------------------------------------ API

    def __call__(self, text: str) -> list[Toponym]:
        return self.parse(text)

    def parse(self, text: str) -> list[Toponym]:
        """Every toponym in ``text`` with its chosen place and runner-up."""
        if not text or not text.strip():
            return []
        return self.parse_doc(self.nlp(text))

    def parse_doc(self, doc, known_countries: Iterable[str] = ()) -> list[Toponym]:
        """Toponyms of an already parsed spaCy doc."""
        return [self.to_toponym(m) for m in self.mentions(doc, known_countries)]

    def mentions(self, doc, known_countries: Iterable[str] = (),
                 recognize_in: Iterable[str] | None = None) -> list[Mention]:
        """Recognised and resolved mentions (the internal form :func:`locate_events` uses);
        ``recognize_in``: countries whose small towns count in recognition only (default
        ``known_countries``)."""
        known = set(known_countries)
        mentions = recognize(doc, self.gazetteer, known if recognize_in is None else set(recognize_in))
        return self.resolver.resolve(mentions, known)

    def resolve_spans(self, text: str, spans: Iterable[tuple[int, int]],
                      known_countries: Iterable[str] = ()) -> list[Toponym]:
        """Resolve given toponym spans (e.g. gold spans) of ``text`` together, as one article."""
        mentions = [Mention(text=text[s:e], start=s, end=e, source="given", near=is_near(text, s))
                    for s, e in sorted(spans)]
        attach_qualifiers(text, mentions)
        for m in mentions:
            m.kind_hint = kind_hint(text, m.end) or ("ADM1" if m.is_qualifier else None)
        self.resolver.resolve(mentions, set(known_countries))
        return [self.to_toponym(m) for m in mentions]

    def resolve_name(self, name: str, context: list[Mention] | None = None,
                     known_countries: Iterable[str] = ()) -> Mention:
        """Resolve one place name (with other mentions as context); ``best`` may be None."""
        m = Mention(text=name, start=-1, end=-1, source="given")
        self.resolver.resolve([m, *(context or [])], set(known_countries))
        return m

    def to_toponym(self, m: Mention) -> Toponym:
        gaz = self.gazetteer
        return Toponym(
            text=m.text,
            start=m.start,
            end=m.end,
            place=gaz.to_place(m.best) if m.best else None,
            runner_up=gaz.to_place(m.runner_up) if m.runner_up else None,
            score=m.margin if m.best else None,
            precision=precision_of(m.best, m.near),
            source=m.source,
        )


@functools.lru_cache(maxsize=1)
def get_geoparser() -> Geoparser:
    """The process-wide :class:`Geoparser`."""
    return Geoparser()


def geoparse(text: str) -> list[Toponym]:
    """Recognise and resolve every place name in ``text``."""
    return get_geoparser().parse(text)
