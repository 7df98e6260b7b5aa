"""Resolution: rank each toponym's gazetteer candidates using the article's context.

A candidate's score adds a prior (population, prominence as the number of alternate
names, feature type, how loosely the name matched) to context: an explicit qualifier
("Kazerun (Fars)", "Alexandria, La."), the countries and admin1 regions of the article's
other places and of the dateline. Mentions with the same name in one article resolve to
the same place (one sense per discourse); a town or district close to a plausible place of
another name gets a small coherence bonus. Three passes: each uses the previous picks.
"""

from __future__ import annotations

import functools
import math
import re
from importlib import resources
from dataclasses import dataclass, field

from clamor.geo.gazetteer import (
    MATCH_AFFIX, MATCH_ALT, MATCH_DEMONYM, MATCH_NAME, MATCH_SKELETON, Candidate, Gazetteer,
    with_match)
from clamor.geo.normalize import name_key, strip_admin_affix

#: Population assumed for admin2 regions (GeoNames' admin2 table carries none): about a
#: median US county, so a "X County" mention competes with towns of that size.
ADM2_PRIOR_POPULATION = 30_000
#: GeoNames' cities500 lists admin seats whatever their population, and gives many of
#: them population 0 (Magura, Chimtal): such a town is assumed this big.
SEAT_PRIOR_POPULATION = 10_000
#: Added to log10(population) by feature code: a bare country or continent name almost
#: always means the country; capitals are named in news far beyond their population.
FEATURE_BONUS = {"PCLI": 2.0, "CONT": 2.0, "ADM1": 0.0, "ADM2": 0.0, "PPLC": 1.5}
#: Weight of log(1 + number of GeoNames alternate names): a proxy for prominence.
ALT_NAMES_WEIGHT = 0.3
#: Subtracted by how the name matched: official name, alternate name, without an admin
#: affix ("Fars Province" -> Fars), transliteration skeleton (Kazeroon -> Kazerun).
MATCH_PENALTY = {MATCH_NAME: 0.0, MATCH_ALT: 1.0, MATCH_AFFIX: 0.3, MATCH_SKELETON: 2.0,
                 MATCH_DEMONYM: 0.0}
#: Extra penalty for a town matched by an alternate name when another place bears the
#: name officially ("Berea" is an old name of Aleppo, and a town in Kentucky; not when the
#: namesake is the region the town lies in, see ``_encloses``): with the
#: alternate-name penalty the alias needs ~10,000 times the population to win. Measured
#: on LGL/GeoVirus (161 km share +0.000/+0.007, neutral on ACLED notes).
ALT_SHADOWED_PENALTY = 3.0
#: A mention's own suffix ("Rapides Parish", "Fars Province") naming the candidate's kind.
AFFIX_AGREES_BONUS = 3.0
#: An admin region that shares its name with a town inside it: news usually means the town.
SAME_NAME_REGION_PENALTY = 2.0
#: ... also when the town bears the name only as an alternate one, if it is a city this
#: big ("Chittagong" is GeoNames' Chattogram: "protest in Chittagong" is in the city, not
#: the division; "in New York" is New York City). LGL's annotators gave the state to a dozen
#: non-locative "New York"s ("New York Fed", "the New York border"): -0.3 points there,
#: neutral on the ACLED notes, and the city is what a protest map needs.
ALT_TOWN_REGION_MIN_POPULATION = 100_000
#: A small town named like a country or admin1 region elsewhere ("Oregon", Wisconsin):
#: the bare name almost always means the region.
TOWN_LIKE_REGION_PENALTY = 1.0
TOWN_LIKE_REGION_MAX_POPULATION = 100_000
#: "X, Y" or "X (Y)" where Y is the candidate's admin1 or country.
QUALIFIER_BONUS = 6.0
#: The candidate's country / admin1 is that of another place in the article.
CONTEXT_COUNTRY_BONUS = 3.0
CONTEXT_ADMIN1_BONUS = 3.0
#: The candidate is, or lies in, a district / county the article names or places another
#: town in ("Paris" beside "Henry County": the Paris in Henry County, Tennessee).
CONTEXT_ADMIN2_BONUS = 2.0
#: The caller knows the country (the event's country, the dateline).
KNOWN_COUNTRY_BONUS = 6.0
#: A town within NEARBY_KM of another place the article names (distance coherence).
NEARBY_KM = 100.0
#: spaCy labels LOC for non-political places (regions, seas, mountains): such a name may
#: only be a town if the town is at least this big, or lies in the article's known country
#: (the small model calls many a Kenyan town LOC: "arrived in Mbita").
LOC_MIN_TOWN_POPULATION = 50_000
NEARBY_BONUS = 1.0
#: See ``_add_coherence``: towns/districts of two names in one admin2 or this close are
#: coherent. The bonus is small on purpose: with the softmax votes it tips local namesakes
#: ("Paris" beside "Henry County"), but a bigger one drags places to chance pairs of
#: namesakes (LGL within 161 km: +0.3 points at 0.5, +0.7 at 1.0, +0.6 at 2.0 with
#: GeoVirus -0.5; the radius hardly matters between 15 and 50 km; ACLED notes neutral).
COHERENT_KM = 30.0
COHERENCE_BONUS = 1.0
#: Only this many of the other name's likeliest places (by prior) may make a pair.
COHERENCE_TOP_K = 10
#: A town matched only by an alternate name, in a country none of the article's other
#: places points to ("Pompeo" is an alternate name of Pompéu, Brazil; the article is about
#: Iran and Washington): this much less, unless a city this big.
ALT_OUT_OF_CONTEXT_PENALTY = 3.0
ALT_OUT_OF_CONTEXT_MAX_POPULATION = 100_000
#: Score given to a transliteration-skeleton match in a country the article is not about.
SKELETON_OUT_OF_CONTEXT = -50.0
#: Below this a candidate is not taken at all (the name stays unresolved rather than
#: landing on a random hamlet): about a 500-person town matched by an alternate name.
MIN_RESOLVE_SCORE = 1.5
#: See ``DIRECTIONAL_NAME``.
PART_MIN_POPULATION = 15_000
#: A demonym's vote for its country, as a share of a place name's: "Israeli forces shelled
#: Gaza", "Russian forces shelled Donetsk" name the actor's nationality, not the country
#: the event is in, so the demonym must not pull a place to its namesake there (Gaza to an
#: Israeli district, Donetsk to a Russian town). Developed on the LOCO samples of Palestine
#: and Ukraine; see scripts/geo_failures.py --loco for the other countries.
DEMONYM_VOTE_FACTOR = 0.2


#: A compass or position word before or after a name: "Lamu West", "South Los Angeles".
#: Such a part of a place resolves to the whole only when the whole is a region or a town
#: at least PART_MIN_POPULATION strong ("Upper East Side" is not a hamlet called East Side).
DIRECTIONAL_NAME = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower)\s+(.+)$"
    r"|^(.+?)\s+(?:north|south|east|west|central)$")


@dataclass
class Mention:
    """One toponym occurrence to resolve; ``qualifier`` is the text of "(Fars)" / ", La."."""

    text: str
    start: int
    end: int
    qualifier: str | None = None
    source: str | None = None
    near: bool = False
    #: feature code a following word names ("Chittagong city", "Helmand province")
    kind_hint: str | None = None
    #: the "Y" of "X, Y" / "X (Y)": names a region containing X
    is_qualifier: bool = False
    #: the qualifier is in brackets or after a kind word ("X upazila (Y)", "Y - X"):
    #: X must lie inside Y, or X stays unresolved (and the event falls to Y)
    strict_qualifier: bool = False
    #: for a qualifier: the mention it qualifies (X of "X (Y)")
    qualifies: "Mention | None" = field(default=None, repr=False, compare=False)
    candidates: tuple[Candidate, ...] = ()
    best: Candidate | None = None
    runner_up: Candidate | None = None
    margin: float = 0.0
    scores: dict[int, float] = field(default_factory=dict)


def prior(c: Candidate) -> float:
    pop = c.population or (ADM2_PRIOR_POPULATION if c.feature_code == "ADM2"
                           else SEAT_PRIOR_POPULATION if c.feature_class == "P" else 0)
    score = math.log10(pop + 1) + FEATURE_BONUS.get(c.feature_code, 0.0)
    score += ALT_NAMES_WEIGHT * math.log1p(c.n_alt) - MATCH_PENALTY[c.match]
    return score


class Resolver:
    """Resolve a list of mentions together, as one article."""

    def __init__(self, gazetteer: Gazetteer, us_states: dict[str, str] | None = None):
        self.gaz = gazetteer
        self.us_states = us_states or {}

    def qualifier_regions(self, text: str, towns: bool = False) -> set[tuple[str, str]]:
        """Regions a qualifier names: {(cc, a1)} with a1 '' for a whole country.

        A district ("(Magura, Khulna)") names the admin1 it lies in; so does a town with
        ``towns`` (strict qualifiers only: "Y - X"; in "X, Y" a town Y is a list item).
        """
        out: set[tuple[str, str]] = set()
        key = text.strip()
        if key in self.us_states:
            return {("US", self.us_states[key])}
        for c in self.gaz.lookup(key, loose=False):
            if c.feature_code == "PCLI":
                out.add((c.country_code, ""))
            elif c.feature_code in ("ADM1", "ADM2") or (
                    towns and c.feature_class == "P" and c.match == MATCH_NAME):
                out.add((c.country_code, c.admin1_code))
        return out

    def part_of(self, m: Mention) -> tuple[Candidate, ...]:
        """For an unknown "Lamu West" / "South Los Angeles" / "Embu West district": the
        towns and admin regions named by the rest, as an approximate place ("near")."""
        hit = DIRECTIONAL_NAME.match(strip_admin_affix(name_key(m.text))[0])
        rest = hit and (hit.group(1) or hit.group(2))
        if not rest or len(rest) < 4:
            return ()
        out = tuple(with_match(c, MATCH_AFFIX) for c in self.gaz.lookup(rest, loose=False)
                    if c.match == MATCH_NAME and c.feature_code not in ("PCLI", "CONT")
                    and (c.feature_class != "P" or c.population >= PART_MIN_POPULATION))
        if out:
            m.near = True
        return out

    def _static_scores(self, ms: list[Mention], known_countries: set[str]) -> dict[int, float]:
        """Scores of one name's candidates before the other names are heard: prior, kind
        words and affixes, town-versus-region, qualifiers, the known country. Narrows the
        mentions' candidates (regions that are never towns, strict qualifiers)."""
        nkey = name_key(ms[0].text)
        if nkey in not_towns() or any(m.source == "LOC" for m in ms):
            # world regions, seas, mountains: never a (small) town of the same name
            if nkey in not_towns():
                keep = tuple(c for c in ms[0].candidates
                             if c.feature_code in ("CONT", "PCLI", "ADM1"))
            else:
                keep = tuple(c for c in ms[0].candidates if c.feature_class != "P"
                             or c.population >= LOC_MIN_TOWN_POPULATION
                             or c.country_code in known_countries)
            for m in ms:
                m.candidates = keep
        _, affix = strip_admin_affix(nkey)
        affix = affix or next((m.kind_hint for m in ms if m.kind_hint), None)
        cands = ms[0].candidates
        town_regions = {(c.country_code, c.admin1_code) for c in cands
                        if c.feature_class == "P" and (
                            c.match == MATCH_NAME or (c.match == MATCH_ALT and c.population
                                                      >= ALT_TOWN_REGION_MIN_POPULATION))}
        region_named = any(c.feature_code == "ADM1" and c.match == MATCH_NAME
                           for c in cands)
        quals = set()
        for m in ms:
            if m.qualifier:
                quals |= self.qualifier_regions(m.qualifier, towns=m.strict_qualifier)
        if quals and any(m.strict_qualifier for m in ms):
            cands = _inside(cands, quals)
            for m in ms:
                m.candidates = cands
        official = [c for c in cands if c.match == MATCH_NAME]
        scores = {}
        for c in cands:
            s = prior(c)
            if c.match == MATCH_ALT and c.feature_class == "P" and any(
                    not _encloses(o, c) for o in official):
                s -= ALT_SHADOWED_PENALTY
            if affix and (c.feature_code == affix or (affix == "PPL" and c.feature_class == "P")):
                s += AFFIX_AGREES_BONUS
            if (not affix and c.feature_code in ("ADM1", "ADM2")
                    and (c.country_code, c.admin1_code) in town_regions):
                s -= SAME_NAME_REGION_PENALTY
            elif (region_named and c.feature_class == "P"
                  and c.population < TOWN_LIKE_REGION_MAX_POPULATION
                  and not any((c.country_code, c.admin1_code) == (r.country_code, r.admin1_code)
                              for r in cands if r.feature_code == "ADM1")):
                s -= TOWN_LIKE_REGION_PENALTY
            if quals and ((c.country_code, "") in quals
                          or (c.country_code, c.admin1_code) in quals):
                s += QUALIFIER_BONUS
            if c.country_code in known_countries:
                s += KNOWN_COUNTRY_BONUS
            scores[c.geonames_id] = s
        return scores

    def resolve(self, mentions: list[Mention], known_countries: set[str] | None = None,
                passes: int = 3) -> list[Mention]:
        known_countries = known_countries or set()
        groups: dict[str, list[Mention]] = {}
        for m in mentions:
            if not m.candidates:
                m.candidates = self.gaz.lookup(m.text) or self.part_of(m)
            stem, affix = strip_admin_affix(name_key(m.text))
            # "Platte Co." and "Platte County" are one name: they must not vote for each other
            groups.setdefault(f"{stem}|{affix or ''}", []).append(m)
        static = {key: self._static_scores(ms, known_countries) for key, ms in groups.items()}
        _add_coherence(groups, static)
        current = {k: dict(v) for k, v in static.items()}
        for _ in range(passes):
            support = {k: _support(groups[k][0].candidates, current[k]) for k in groups}
            points = {k: _top_points(groups[k][0].candidates, current[k]) for k in groups}
            current = {key: _with_context(ms[0].candidates, static[key],
                                          _votes(support, key), _others(points, key),
                                          known_countries)
                       for key, ms in groups.items()}
        for key, ms in groups.items():
            for m in ms:
                m.scores = current[key]
        for key, ms in groups.items():
            ranked = sorted(ms[0].candidates, key=lambda c: -ms[0].scores.get(c.geonames_id, -99))
            ranked = [c for c in ranked if ms[0].scores.get(c.geonames_id, -99) >= MIN_RESOLVE_SCORE]
            region_word = strip_admin_affix(name_key(ms[0].text))[1] in ("ADM1", "ADM2")
            for m in ms:
                m.best = ranked[0] if ranked else None
                m.runner_up = ranked[1] if len(ranked) > 1 else None
                if region_word and m.best is not None and m.best.feature_class == "P":
                    m.near = True  # a town standing in for "X district": approximate
                if m.best is not None:
                    gap = m.scores[m.best.geonames_id] - (
                        m.scores[m.runner_up.geonames_id] if m.runner_up else 0.0)
                    m.margin = round(1.0 - math.exp(-max(gap, 0.0)), 3)
        return mentions


@functools.lru_cache(maxsize=1)
def not_towns() -> frozenset[str]:
    """Names of regions and natural features that must not resolve to a town."""
    path = resources.files("clamor") / "data" / "gazetteer" / "not_towns.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(l) for l in lines if l.strip() and not l.startswith("#"))


def _votes(support: dict, key: str) -> tuple[dict, dict, dict]:
    """The other names' summed soft votes for countries, admin1 and admin2 regions."""
    cc_w: dict[str, float] = {}
    a1_w: dict[tuple[str, str], float] = {}
    a2_w: dict[tuple[str, str, str], float] = {}
    for other, parts in support.items():
        if other == key:
            continue
        for total, part in zip((cc_w, a1_w, a2_w), parts):
            for region, p in part.items():
                total[region] = total.get(region, 0.0) + p
    return cc_w, a1_w, a2_w


def _others(points: dict, key: str) -> list[list[tuple[float, float, float]]]:
    return [pts for other, pts in points.items() if other != key]


def _with_context(cands, static: dict[int, float], votes: tuple[dict, dict, dict],
                  other_points: list, known_countries: set[str]) -> dict[int, float]:
    """One name's scores: its static scores plus what the article's other names say."""
    cc_w, a1_w, a2_w = votes
    scores = dict(static)
    for c in cands:
        gid = c.geonames_id
        if c.match == MATCH_SKELETON and not (
                cc_w.get(c.country_code, 0) > 0.5 or c.country_code in known_countries):
            # transliteration variants only within countries the article is about
            scores[gid] = SKELETON_OUT_OF_CONTEXT
            continue
        scores[gid] += CONTEXT_COUNTRY_BONUS * min(1.0, cc_w.get(c.country_code, 0.0))
        if (c.match == MATCH_ALT and c.feature_class == "P" and cc_w
                and cc_w.get(c.country_code, 0.0) < 0.05
                and c.population < ALT_OUT_OF_CONTEXT_MAX_POPULATION):
            scores[gid] -= ALT_OUT_OF_CONTEXT_PENALTY
        if c.feature_code != "PCLI":
            scores[gid] += CONTEXT_ADMIN1_BONUS * min(
                1.0, a1_w.get((c.country_code, c.admin1_code), 0.0))
        if c.admin2_code:
            scores[gid] += CONTEXT_ADMIN2_BONUS * min(
                1.0, a2_w.get((c.country_code, c.admin1_code, c.admin2_code), 0.0))
        if (c.feature_class == "P" or c.feature_code == "ADM2") and c.lat is not None:
            near = sum(max((p for lat, lon, p in pts if _km(c.lat, c.lon, lat, lon) <= NEARBY_KM),
                           default=0.0) for pts in other_points)
            scores[gid] += NEARBY_BONUS * min(1.0, near)
    return scores


def _encloses(region: Candidate, town: Candidate) -> bool:
    """``region`` is the admin1 or admin2 the town lies in (the region officially named
    like the town's old name does not shadow it: Chittagong division, Chattogram city)."""
    return (region.feature_code in ("ADM1", "ADM2") and region.country_code == town.country_code
            and region.admin1_code == town.admin1_code
            and (region.feature_code == "ADM1" or region.admin2_code == town.admin2_code
                 or not town.admin2_code))


def _inside(cands, regions: set[tuple[str, str]]) -> tuple[Candidate, ...]:
    """Candidates that may lie inside ``regions``: towns and districts must (even a big
    namesake elsewhere: on the ACLED dev notes keeping towns over 50,000 that contradict
    their qualifier cost more than it gained); a country or admin1 of the same name is
    left for the usual ranking."""
    return tuple(c for c in cands if not (c.feature_class == "P" or c.feature_code == "ADM2")
                 or (c.country_code, "") in regions or (c.country_code, c.admin1_code) in regions)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in km (accurate enough below a few hundred km)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


def _local(c: Candidate) -> bool:
    return (c.feature_class == "P" or c.feature_code == "ADM2") and c.lat is not None \
        and c.match != MATCH_SKELETON


def _add_coherence(groups: dict[str, list[Mention]], static: dict[str, dict[int, float]]) -> None:
    """Spatial coherence, whatever the priors: a town or district lying in the same admin2
    as, or within COHERENT_KM of, a plausible place of another name in the article gets
    COHERENCE_BONUS ("Paris" beside "Henry County": Paris, Tennessee lies in Henry County,
    Tennessee, while Paris, France is near no Henry County). Plausible: among that name's
    COHERENCE_TOP_K best by prior, so one name cannot drag in an obscure namesake of another."""
    pools = {}
    for key, scores in static.items():
        ranked = sorted((c for c in groups[key][0].candidates if _local(c)),
                        key=lambda c: -scores.get(c.geonames_id, -99))[:COHERENCE_TOP_K]
        pools[key] = [c for c in ranked if scores.get(c.geonames_id, -99) >= MIN_RESOLVE_SCORE]
    if len(pools) < 2:
        return
    for key, scores in static.items():
        for c in pools[key]:
            for other, pool in pools.items():
                if other != key and any(_coherent(c, o) for o in pool):
                    scores[c.geonames_id] += COHERENCE_BONUS
                    break


def _coherent(a: Candidate, b: Candidate) -> bool:
    if a.geonames_id == b.geonames_id:
        return False
    if a.admin2_code and (a.country_code, a.admin1_code, a.admin2_code) == (
            b.country_code, b.admin1_code, b.admin2_code):
        return True
    return _km(a.lat, a.lon, b.lat, b.lon) <= COHERENT_KM


def _top_points(cands, scores, k: int = 3) -> list[tuple[float, float, float]]:
    """The ``k`` likeliest towns of one name: (lat, lon, probability)."""
    usable = [c for c in cands if scores.get(c.geonames_id, -99) >= MIN_RESOLVE_SCORE
              and c.match != MATCH_SKELETON]
    if not usable:
        return []
    top = max(scores[c.geonames_id] for c in usable)
    total = sum(math.exp(scores[c.geonames_id] - top) for c in usable)
    ranked = sorted(usable, key=lambda c: -scores[c.geonames_id])[:k]
    return [(c.lat, c.lon, math.exp(scores[c.geonames_id] - top) / total)
            for c in ranked if (c.feature_class == "P" or c.feature_code == "ADM2") and c.lat is not None]


def _support(cands, scores) -> tuple[dict[str, float], dict[tuple[str, str], float],
                                     dict[tuple[str, str, str], float]]:
    """Soft votes of one name for countries, admin1 and admin2 regions (softmax over its
    candidates)."""
    usable = [c for c in cands if scores.get(c.geonames_id, -99) >= MIN_RESOLVE_SCORE
              and c.match != MATCH_SKELETON]
    if not usable:
        return {}, {}, {}
    top = max(scores[c.geonames_id] for c in usable)
    weights = [(c, math.exp(scores[c.geonames_id] - top)) for c in usable]
    total = sum(w for _, w in weights)
    cc_p: dict[str, float] = {}
    a1_p: dict[tuple[str, str], float] = {}
    a2_p: dict[tuple[str, str, str], float] = {}
    for c, w in weights:
        p = w / total * (DEMONYM_VOTE_FACTOR if c.match == MATCH_DEMONYM else 1.0)
        if c.country_code:
            cc_p[c.country_code] = max(cc_p.get(c.country_code, 0.0), p)
        if c.feature_code not in ("PCLI", "CONT") and c.admin1_code:
            key = (c.country_code, c.admin1_code)
            a1_p[key] = max(a1_p.get(key, 0.0), p)
        if c.admin2_code:
            key2 = (c.country_code, c.admin1_code, c.admin2_code)
            a2_p[key2] = max(a2_p.get(key2, 0.0), p)
    return cc_p, a1_p, a2_p


def precision_of(c: Candidate | None, near: bool = False) -> int | None:
    """ACLED geo_precision: 1 town, 2 near a town or a district, 3 region/country."""
    if c is None:
        return None
    if c.feature_class == "P":
        return 2 if near else 1
    if c.feature_code == "ADM2":
        return 2
    return 3
