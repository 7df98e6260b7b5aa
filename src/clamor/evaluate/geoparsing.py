"""Geoparsing evaluation: LGL and GeoVirus gold (toponym spans with GeoNames ids and
coordinates) and ACLED dev notes (event coordinates and admin1).

* toponym precision / recall / F1: exact span match of recognised vs gold toponyms;
* on the gold toponyms (gold spans resolved together, as one article): exact GeoNames id
  (LGL only; GeoVirus has Wikipedia pages, not ids) and the share within 161 km / 25 km
  of the gold point (unresolved gold toponyms count as misses);
* end to end (``recognized_within_161km`` / ``_25km``): the share of gold toponyms with
  coordinates that recognition finds (exact span) and resolves within the radius;
* beside them, the most-populous-place baseline: each gold toponym resolved to the
  gazetteer entry of that name with the largest population (the literature's reference);
* ACLED: each 2019+ note geoparsed as an article; its focus place is the event location.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from clamor.geo.distance import haversine_km
from clamor.geo.normalize import name_key

#: ACLED's and the literature's tolerance radii (161 km = 100 miles).
RADIUS_KM_WIDE = 161.0
RADIUS_KM_NARROW = 25.0

_FILES = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}

#: Casing variants of the article text the geoparser can be scored on: real text is
#: sometimes lower-cased (IndiaPoliceEvents) or ALL CAPS (wire copy).
CASINGS = ("as-is", "lower", "upper")


def recase(text: str, casing: str) -> str:
    """``text`` lower- or upper-cased character by character, keeping its length.

    A character whose case mapping is longer than one character (``ß`` -> ``SS``,
    ``İ`` -> ``i̇``) is kept as it is, so every gold offset stays valid.
    """
    if casing == "as-is":
        return text
    if casing not in CASINGS:
        raise ValueError(f"unknown casing {casing!r}; one of {', '.join(CASINGS)}")
    change = str.lower if casing == "lower" else str.upper
    return "".join(c2 if len(c2 := change(c)) == 1 else c for c in text)


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    geonames_id: int | None
    lat: float | None
    lon: float | None


@dataclass
class GoldArticle:
    doc_id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def _align(text: str, name: str, start: int) -> int:
    """GeoVirus offsets are mostly one past the name: find it at, or nearest to, ``start``."""
    for shift in (0, -1, 1):
        if text[start + shift:start + shift + len(name)] == name:
            return start + shift
    hits = [i for i in range(len(text)) if text.startswith(name, i)]
    return min(hits, key=lambda i: abs(i - start)) if hits else start


def read_gold(path: Path, dataset: str) -> Iterator[GoldArticle]:
    """Articles of LGL (``lgl``) or GeoVirus (``geovirus``) with their gold toponyms."""
    root = ET.parse(path).getroot()
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        gold = []
        if dataset == "lgl":
            for t in art.iter("toponym"):
                g = t.find("gaztag")
                gold.append(GoldToponym(
                    start=int(t.findtext("start")), end=int(t.findtext("end")),
                    text=t.findtext("phrase") or "",
                    geonames_id=int(g.get("geonameid")) if g is not None else None,
                    lat=_float(g.findtext("lat")) if g is not None else None,
                    lon=_float(g.findtext("lon")) if g is not None else None))
            doc_id = art.get("docid") or str(n)
        else:
            for t in art.iter("location"):
                name = t.findtext("name") or ""
                start = _align(text, name, int(t.findtext("start")))
                gold.append(GoldToponym(
                    start=start, end=start + len(name), text=name, geonames_id=None,
                    lat=_float(t.findtext("lat")), lon=_float(t.findtext("lon"))))
            doc_id = art.findtext("source") or str(n)
        yield GoldArticle(doc_id, text, sorted(gold, key=lambda g: g.start))


def most_populous(gazetteer, name: str):
    """The baseline's choice for a name: the gazetteer candidate with the largest
    population (ties: more alternate names, then the lower GeoNames id), else None."""
    candidates = gazetteer.lookup(name)
    return max(candidates, key=lambda c: (c.population or 0, c.n_alt, -c.geonames_id),
               default=None)


class _Resolution:
    """Counts of one system's resolutions of the gold toponyms."""

    def __init__(self):
        self.n_id_gold = self.n_id = self.n_coord = self.n_res = self.n_161 = self.n_25 = 0

    def add(self, gold: GoldToponym, geonames_id: int | None, lat: float | None,
            lon: float | None) -> None:
        if gold.geonames_id is not None:
            self.n_id_gold += 1
            self.n_id += int(geonames_id is not None and geonames_id == gold.geonames_id)
        if gold.lat is None or gold.lon is None:
            return
        self.n_coord += 1
        if lat is not None and lon is not None:
            self.n_res += 1
            d = haversine_km(gold.lat, gold.lon, lat, lon)
            self.n_161 += d <= RADIUS_KM_WIDE
            self.n_25 += d <= RADIUS_KM_NARROW

    def figures(self, prefix: str = "") -> dict[str, float]:
        out = {}
        if self.n_id_gold:
            out[f"{prefix}exact_geonames_id"] = round(self.n_id / self.n_id_gold, 4)
        if self.n_coord:
            out[f"{prefix}resolved"] = round(self.n_res / self.n_coord, 4)
            out[f"{prefix}within_161km"] = round(self.n_161 / self.n_coord, 4)
            out[f"{prefix}within_25km"] = round(self.n_25 / self.n_coord, 4)
        return out


#: Prefix of the end-to-end figures: the share of gold toponyms that recognition finds
#: (exact span) and places within the radius, so casing moves them.
END_TO_END_PREFIX = "recognized_"
#: Prefix of the most-populous-place baseline's figures in :func:`evaluate`'s output.
BASELINE_PREFIX = "most_populous_"


def evaluate(data_dir: Path, dataset: str, limit: int | None = None,
             recognition: bool = True, casing: str = "as-is") -> dict[str, float | int]:
    """Score clamor's geoparser on LGL or GeoVirus under ``data_dir/geoparsing``.

    ``casing`` (one of :data:`CASINGS`) re-cases each article's text first (:func:`recase`);
    the gold spans and the baseline's names are re-cased alike.

    Beside clamor's resolution figures, the same figures for the most-populous-place
    baseline (:func:`most_populous` for each gold toponym), prefixed ``most_populous_``.
    """
    from clamor.geo import get_geoparser

    dataset = dataset.lower()
    path = Path(data_dir) / "geoparsing" / _FILES[dataset]
    gp = get_geoparser()
    n_art = n_gold = n_pred = n_match = n_coord = 0
    clamor, baseline, found = _Resolution(), _Resolution(), _Resolution()
    for i, art in enumerate(read_gold(path, dataset)):
        if limit is not None and i >= limit:
            break
        n_art += 1
        text = recase(art.text, casing)
        gold = art.toponyms
        n_gold += len(gold)
        n_coord += sum(g.lat is not None and g.lon is not None for g in gold)
        if recognition:
            predicted = gp.parse(text)
            spans = {(t.start, t.end) for t in predicted}
            n_pred += len(spans)
            n_match += len(spans & {(g.start, g.end) for g in gold})
            by_span = {(t.start, t.end): t.place for t in predicted}
            for g in gold:  # end to end: found by recognition and placed right
                p = by_span.get((g.start, g.end))
                found.add(g, p.geonames_id if p else None, p.lat if p else None,
                          p.lon if p else None)
        resolved = gp.resolve_spans(text, [(g.start, g.end) for g in gold])
        for g, t in zip(gold, resolved):
            p = t.place
            clamor.add(g, p.geonames_id if p else None, p.lat if p else None,
                       p.lon if p else None)
            c = most_populous(gp.gazetteer, recase(g.text, casing))
            lat, lon = gp.gazetteer.point(c) if c else (None, None)
            baseline.add(g, c.geonames_id if c else None, lat, lon)
    out: dict[str, float | int] = {"n_articles": n_art, "n_gold_toponyms": n_gold,
                                   "n_gold_with_coords": n_coord}
    if recognition:
        prec = n_match / n_pred if n_pred else 0.0
        rec = n_match / n_gold if n_gold else 0.0
        out.update(n_predicted_toponyms=n_pred, toponym_precision=round(prec, 4),
                   toponym_recall=round(rec, 4),
                   toponym_f1=round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0)
        out.update({k: v for k, v in found.figures(END_TO_END_PREFIX).items()
                    if k.endswith("km")})
    out.update(clamor.figures())
    out.update(baseline.figures(BASELINE_PREFIX))
    return out


def locate_acled_notes(data_dir: Path, limit: int | None = None) -> Iterator[tuple]:
    """(gold row, located event) for each ACLED dev note of the 2019+ taxonomy.

    Each note is read as a short article holding one event whose country is known (as when
    the extractor sets ``event.country``) and no attached place mention, so the event's
    place comes from :func:`clamor.geo.locate_events`' own choice among the note's places.
    """
    from clamor.evaluate.gold import read_acled
    from clamor.geo import get_geoparser, locate_events
    from clamor.models import Article, Event

    gp = get_geoparser()
    rows = list(read_acled(Path(data_dir) / "acled" / "acled_dev.csv", limit=limit))
    for row, doc in zip(rows, gp.nlp.pipe([r.text for r in rows], batch_size=64)):
        article = Article(article_id=row.event_id, text=row.text)
        event = Event(event_id=row.event_id, article_id=row.event_id,
                      event_type=row.event_type or "Protests",
                      sub_event_type=row.sub_event_type or "", country=row.country)
        (located,) = locate_events(article, doc, [event], None, geoparser=gp)
        yield row, located


def names_location(row) -> bool:
    """The note names ACLED's location (as written in ACLED's ``location`` column)."""
    return bool(row.location) and name_key(row.location) in name_key(row.text)


def evaluate_acled(data_dir: Path, limit: int | None = None) -> dict[str, float | int]:
    """Share of ACLED dev notes (2019+ rows) geolocated within 25 km, and admin1 match.

    Shares are over all rows (an event left without a place counts as a miss); see
    :func:`locate_acled_notes` for how each note is read. ``within_25km_named`` is the
    same share over the notes that name ACLED's location at all (a quarter of the notes
    name no place ACLED chose: no geoparser can place those from the text).
    """
    n = n_loc = n_25 = n_161 = n_a1 = n_named = n_named_25 = 0
    for row, located in locate_acled_notes(data_dir, limit):
        n += 1
        named = names_location(row)
        n_named += named
        if located.latitude is None:
            continue
        n_loc += 1
        d = haversine_km(row.latitude, row.longitude, located.latitude, located.longitude)
        n_25 += d <= RADIUS_KM_NARROW
        n_named_25 += named and d <= RADIUS_KM_NARROW
        n_161 += d <= RADIUS_KM_WIDE
        n_a1 += bool(located.admin1) and name_key(located.admin1) == name_key(row.admin1 or "")
    return {
        "n_events": n,
        "located": round(n_loc / n, 4) if n else 0.0,
        "within_25km": round(n_25 / n, 4) if n else 0.0,
        "within_161km": round(n_161 / n, 4) if n else 0.0,
        "admin1_match": round(n_a1 / n, 4) if n else 0.0,
        "n_naming_location": n_named,
        "within_25km_named": round(n_named_25 / n_named, 4) if n_named else 0.0,
    }
