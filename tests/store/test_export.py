"""Exports: ACLED columns in order, GeoJSON that validates, Parquet DuckDB reads, JSONL."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from clamor.store.export import ACLED_COLUMNS, COLUMNS, ExportFormatError, iso_codes
from clamor.store.records import StoredEvent

ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]

#: The parts of RFC 7946 an export must satisfy (written for this test).
GEOJSON_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "properties": {"type": ["object", "null"]},
                "geometry": {"oneOf": [{"type": "null"}, {
                    "type": "object", "required": ["type", "coordinates"],
                    "properties": {
                        "type": {"const": "Point"},
                        "coordinates": {"type": "array", "minItems": 2, "maxItems": 3,
                                        "items": {"type": "number"}},
                    }}]},
            }}},
    },
}


@pytest.fixture
def filled(store, extractions):
    store.ingest(extractions)
    return store


def test_iso_numeric_from_alpha2():
    assert iso_codes("KE") == (404, "KEN")
    assert iso_codes("bd") == (50, "BGD")
    assert iso_codes(None) == (None, None)


def test_acled_region_from_the_country_code():
    from clamor.store.regions import acled_region

    assert acled_region("KE") == "Eastern Africa"
    assert acled_region("ir") == "Middle East"          # M49 says Southern Asia; ACLED differs
    assert acled_region("GE") == "Caucasus and Central Asia"
    assert acled_region("ZW") == "Southern Africa"
    assert acled_region("BD") == "South Asia"
    assert acled_region(None) is None and acled_region("XX") is None


def test_acled_csv_has_acled_columns_in_order_then_clamors(filled, tmp_path):
    out = tmp_path / "events.csv"
    assert filled.export("acled-csv", out) == 2
    with out.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames[: len(ACLED_ORDER)] == ACLED_ORDER
        assert list(ACLED_COLUMNS) == ACLED_ORDER
        assert "corroboration" in reader.fieldnames[len(ACLED_ORDER):]
        rows = {r["location"]: r for r in reader}
    nakuru = rows["Nakuru"]
    assert nakuru["iso"] == "404"
    assert nakuru["region"] == "Eastern Africa"
    assert nakuru["event_id_cnty"].startswith("KEN")
    assert nakuru["year"] == "2024"
    assert nakuru["fatalities"] == "2"
    assert nakuru["corroboration"] == "3"
    assert set(nakuru["source"].split("; ")) == {
        "Kenya Wire", "The Daily Lakeside", "Rift Valley Tribune"}
    assert '"fatalities"' in nakuru["disagreements"]
    assert rows["Eldoret"]["disorder_type"] == "Demonstrations"


def test_geojson_validates(filled):
    buffer = io.StringIO()
    filled.export("geojson", buffer)
    doc = json.loads(buffer.getvalue())
    jsonschema.validate(doc, GEOJSON_SCHEMA)
    lons = sorted(f["geometry"]["coordinates"][0] for f in doc["features"])
    assert lons == [35.26972, 36.06667]  # [lon, lat] order


def test_empty_geojson_is_valid(store):
    buffer = io.StringIO()
    assert store.export("geojson", buffer) == 0
    jsonschema.validate(json.loads(buffer.getvalue()), GEOJSON_SCHEMA)


def test_jsonl_round_trips(filled):
    buffer = io.StringIO()
    filled.export("jsonl", buffer)
    events = [StoredEvent.model_validate_json(line) for line in buffer.getvalue().splitlines()]
    assert sorted(e.corroboration for e in events) == [1, 3]


def test_parquet_reads_in_duckdb_and_pyarrow(filled, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    filled.export("parquet", out)
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS)
    rows = duckdb.sql(f"SELECT location, fatalities, iso FROM '{out}' ORDER BY location").fetchall()
    assert rows == [("Eldoret", 0, 404), ("Nakuru", 2, 404)]


def test_parquet_needs_a_file_and_unknown_formats_fail(filled):
    with pytest.raises(ExportFormatError):
        filled.export("parquet", None)
    with pytest.raises(ExportFormatError):
        filled.export("xlsx", io.StringIO())


def test_export_filters(filled):
    from clamor.store import EventFilters

    buffer = io.StringIO()
    assert filled.export("jsonl", buffer, EventFilters(min_sources=2)) == 1
