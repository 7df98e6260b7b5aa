"""Place cells (clamor.store.cells, migration 0003): the candidate lookup reads only nearby
events and still finds every event the whole-family scan found, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random

from click.testing import CliRunner
from sqlalchemy import inspect, select, text

from clamor.models import Article, Event, Extraction
from clamor.store import open_store
from clamor.store import schema as t
from clamor.store.cells import MAX_CELLS, cells_overlapping, place_cell
from clamor.store.migrate import MIGRATIONS
from clamor.store.store import CANDIDATE_RADIUS_FACTOR, CANDIDATE_WINDOW_DAYS, _degrees
from clamor.merge import type_family
from clamor.merge.rules import PLACE_RADIUS_KM

DAY0 = dt.date(2024, 3, 1)


def _event(i: int, lat: float | None, lon: float | None, day: int, *, location=None,
           admin2=None, country="KE", event_type="Protests") -> Extraction:
    aid = f"a{i:05d}"
    event = Event(event_id=f"{aid}:e0", article_id=aid, event_type=event_type,
                  sub_event_type="Peaceful protest" if event_type == "Protests" else "Mob violence",
                  event_date=DAY0 + dt.timedelta(days=day), time_precision=1,
                  country_code=country, location=location, admin2=admin2,
                  latitude=lat, longitude=lon, geo_precision=1 if lat is not None else None,
                  actor1="Protesters (Kenya)", inter1=6)
    return Extraction(article=Article(article_id=aid, text=f"report {i}", language="en"),
                      events=[event])


def test_a_cell_is_the_degree_square_of_the_point():
    assert place_cell(None, 36.8) is None
    assert place_cell(-1.29, 36.82) == place_cell(-1.01, 36.01)
    assert place_cell(-0.999, 36.5) != place_cell(-1.001, 36.5)
    assert place_cell(0.5, -0.001) != place_cell(0.5, 0.001)
    assert place_cell(-1.29, 36.82) in cells_overlapping(-1.3, -1.2, 36.8, 36.9)


def test_a_box_over_a_corner_overlaps_four_cells_and_a_polar_box_falls_back():
    assert len(cells_overlapping(-0.1, 0.1, 36.9, 37.1)) == 4
    assert len(cells_overlapping(0.1, 0.2, 36.1, 36.2)) == 1
    assert cells_overlapping(89.0, 89.9, -180.0, 180.0) is None
    assert MAX_CELLS >= 9


def test_the_migration_fills_cells_with_the_same_formula():
    path = next(MIGRATIONS.glob("versions/0003_*.py"))
    spec = importlib.util.spec_from_file_location("m0003", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rng = random.Random(3)
    for _ in range(500):
        lat, lon = rng.uniform(-90, 90), rng.uniform(-180, 180)
        assert module._cell(lat, lon) == place_cell(lat, lon)


def test_an_event_across_a_cell_border_still_merges(store):
    store.add(_event(1, -0.02, 36.99, 0))   # south-west of the corner (0, 37)
    outcome = store.add(_event(2, 0.02, 37.01, 0))  # north-east: another cell, 6 km away
    assert outcome.merged_events == 1
    assert store.count_events() == 1


def _scan(rows, event: Event) -> set[str]:
    """The candidate set as the whole-family scan before migration 0003 defined it."""
    window = dt.timedelta(days=CANDIDATE_WINDOW_DAYS)
    out = set()
    dlat = dlon = None
    if event.latitude is not None:
        dlat, dlon = _degrees(event.latitude, PLACE_RADIUS_KM * CANDIDATE_RADIUS_FACTOR)
    for r in rows:
        if r.type_family != type_family(event.event_type) or r.event_date is None:
            continue
        if abs(r.event_date - event.event_date) > window:
            continue
        if r.country_code not in (None, event.country_code):
            continue
        near = (dlat is not None and r.latitude is not None and r.longitude is not None
                and abs(r.latitude - event.latitude) <= dlat
                and abs(r.longitude - event.longitude) <= dlon)
        near |= bool(event.admin2 and (r.admin2 or "").lower() == event.admin2.lower())
        near |= bool(event.location and (r.location or "").lower() == event.location.lower())
        if near:
            out.add(r.event_id)
    return out


def test_candidates_are_those_of_the_whole_family_scan(store):
    """Events scattered around cell borders, some placed only by name, some in another
    country or family: the indexed lookup finds exactly what the full scan found."""
    rng = random.Random(7)
    names = ["Kisumu", "kisumu", "Nakuru", None, None]
    for i in range(150):
        lat = round(rng.uniform(-1.3, 1.3), 3) if rng.random() > 0.15 else None
        lon = round(rng.uniform(35.7, 38.3), 3) if lat is not None else None
        store.add(_event(i, lat, lon, rng.randrange(80), location=rng.choice(names),
                         admin2=rng.choice(["Kisumu East", None, None]),
                         country=rng.choice(["KE", "KE", "UG"]),
                         event_type=rng.choice(["Protests", "Protests", "Riots"])))
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.events)).all()
        assert {r.place_cell for r in rows if r.latitude is not None} == {
            place_cell(r.latitude, r.longitude) for r in rows if r.latitude is not None}
        checked = 0
        for j in range(60):
            lat = round(rng.uniform(-1.2, 1.2), 3) if j % 5 else None
            probe = _event(1000 + j, lat, round(rng.uniform(35.8, 38.2), 3) if lat else None,
                           rng.randrange(80), location=rng.choice(["KISUMU", "Nakuru", None]),
                           admin2=rng.choice(["kisumu east", None])).events[0]
            found = {c[0] for c in store._candidates(conn, probe)}
            assert found == _scan(rows, probe)
            checked += bool(found)
    assert checked >= 20  # the probes did meet stored events


def test_the_candidate_query_reads_the_cell_index_on_sqlite(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'plan.db'}")
    with store.engine.connect() as conn:
        plan = conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT event_id FROM events WHERE type_family = 'protest' "
            "AND event_date BETWEEN '2024-01-01' AND '2024-03-01' AND place_cell IN (1, 2) "
            "AND latitude BETWEEN 0 AND 1 AND longitude BETWEEN 0 AND 1")).all()
        named = conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT event_id FROM events WHERE type_family = 'protest' "
            "AND event_date BETWEEN '2024-01-01' AND '2024-03-01' "
            "AND lower(location) = 'kisumu'")).all()
    store.close()
    assert "ix_events_family_cell" in " ".join(str(r) for r in plan)
    assert "ix_events_family_location" in " ".join(str(r) for r in named)


def _migrate(url: str, revision: str) -> None:
    from alembic import command

    from clamor.store.migrate import alembic_config

    store = open_store(url, upgrade=False)
    config = alembic_config()
    with store.engine.connect().execution_options(clamor_write=True) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
        conn.commit()
    store.close()


def test_db_upgrade_fills_cells_of_a_0002_database(db_url):
    from clamor.cli import cli

    store = open_store(db_url)
    store.add(_event(1, -1.29, 36.82, 0, location="Nairobi"))
    store.add(_event(2, None, None, 3, location="Kisumu"))
    store.close()
    _migrate(db_url, "0002")
    store = open_store(db_url, upgrade=False)
    assert store.revision() == "0002"
    assert "place_cell" not in {c["name"] for c in inspect(store.engine).get_columns("events")}
    store.close()
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 0, result.output
    store = open_store(db_url)
    assert store.revision() == "0003"
    with store.engine.connect() as conn:
        cells = dict(conn.execute(select(t.events.c.location, t.events.c.place_cell)).all())
    assert cells == {"Nairobi": place_cell(-1.29, 36.82), "Kisumu": None}
    # and the upgraded store merges a report a few km off, across nothing but the upgrade
    assert store.add(_event(3, -1.27, 36.84, 0)).merged_events == 1
    store.close()


def test_a_reviewer_moving_an_event_moves_its_cell(store):
    from clamor.store import review

    store.add(_event(1, -1.29, 36.82, 0))
    event_id = store.query_events()[0].event_id
    review.edit(store, event_id, "latitude", 0.5, "tester")
    with store.engine.connect() as conn:
        cell = conn.execute(select(t.events.c.place_cell)).scalar_one()
    assert cell == place_cell(0.5, 36.82)
    # a report near the new point finds the event among its candidates (whether it then
    # merges is the merge rules' call, made against the articles' own points)
    probe = _event(2, 0.55, 36.82, 0).events[0]
    with store.engine.connect() as conn:
        assert [c[0] for c in store._candidates(conn, probe)] == [event_id]
