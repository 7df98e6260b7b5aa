"""Derive clamor's shipped gazetteer tables from ../shared/data/gazetteer.

Reads GeoNames' ``admin1CodesASCII.txt`` and ``admin2Codes.txt`` (CC BY 4.0) and
``admin_coords.tsv`` (GeoNames CC BY 4.0 + OpenWeatherMap CC BY-SA 4.0, see its
PROVENANCE) and writes three compact TSVs under ``src/clamor/data/gazetteer``:

* ``countries.tsv``  iso2, geonameid, latitude, longitude, alternatenames
* ``admin1.tsv``     code, geonameid, name, asciiname, latitude, longitude, alternatenames
* ``admin2.tsv``     code, geonameid, name ('' when equal to asciiname), asciiname,
                     latitude, longitude ('' when no point is known)

Usage:  python scripts/build_gazetteer_tables.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "clamor" / "data" / "gazetteer"

HEADER = (
    "# Derived from GeoNames (https://www.geonames.org, CC BY 4.0) admin1CodesASCII.txt /\n"
    "# admin2Codes.txt; coordinates and alternate names from admin_coords.tsv (GeoNames CC BY 4.0\n"
    "# and OpenWeatherMap city list CC BY-SA 4.0; see PROVENANCE.md). Built by\n"
    "# scripts/build_gazetteer_tables.py. This table is shared under CC BY-SA 4.0.\n"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("CLAMOR_DATA", str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--data", default=default, help="the development data folder")
    args = parser.parse_args()
    src = Path(args.data) / "gazetteer"

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
        out.write("code\tgeonameid\tname\tasciiname\tlatitude\tlongitude\n")
        for line in fh:
            code, name, ascii_name, gid = line.rstrip("\n").split("\t")[:4]
            p = coords.get(gid)
            lat, lon = (_coord(p[7]), _coord(p[8])) if p else ("", "")
            out.write(f"{code}\t{gid}\t{'' if name == ascii_name else name}\t{ascii_name}\t{lat}\t{lon}\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
