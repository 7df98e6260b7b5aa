"""Build the dashboard's offline country outlines: src/clamor/web/static/world-110m.geojson.

Source: the npm package world-atlas 2.0.2 (ISC licence; Natural Earth 1:110m Admin 0
countries, public domain), its ``countries-110m.json`` TopoJSON. Run once when updating:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_outline.py /tmp/package/countries-110m.json

TopoJSON is decoded here (quantized, delta-encoded arcs shared between neighbours) so the
build needs nothing but Python. Coordinates are rounded to COORD_DECIMALS.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "clamor" / "web" / "static" / "world-110m.geojson"

#: Decimal places kept: 0.01 degree is about 1 km, far finer than a 1:110m outline's
#: own accuracy, and halves the file against full precision.
COORD_DECIMALS = 2


def decode_arcs(topology: dict) -> list[list[list[float]]]:
    """Every arc as absolute lon/lat points (undoing quantization and delta encoding)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points, x, y = [], 0, 0
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append([round(x * sx + tx, COORD_DECIMALS), round(y * sy + ty, COORD_DECIMALS)])
            else:
                points.append([round(dx, COORD_DECIMALS), round(dy, COORD_DECIMALS)])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    """A closed ring from arc indexes (a negative index ~i is arc i reversed)."""
    points: list[list[float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def geometry(geom: dict, arcs) -> dict | None:
    if geom["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r, arcs) for r in geom["arcs"]]}
    if geom["type"] == "MultiPolygon":
        return {"type": "MultiPolygon",
                "coordinates": [[ring(r, arcs) for r in poly] for poly in geom["arcs"]]}
    return None


def convert(topology: dict, layer: str = "countries") -> dict:
    arcs = decode_arcs(topology)
    features = []
    for geom in topology["objects"][layer]["geometries"]:
        shape = geometry(geom, arcs)
        if shape is None:
            continue
        features.append({"type": "Feature", "id": geom.get("id"),
                         "properties": {"name": (geom.get("properties") or {}).get("name")},
                         "geometry": shape})
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    collection = convert(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.output.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(collection['features'])} countries")


if __name__ == "__main__":
    main()
