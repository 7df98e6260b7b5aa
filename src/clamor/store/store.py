"""The store: one transaction per article, merging on the way in, queries and export."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import IO, Any

from sqlalchemy import (Connection, Engine, and_, bindparam, func, insert, or_, select, text, true,
                        union, update)
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from clamor._version import __version__
from clamor.errors import StoreError
from clamor.merge import best_match, canonical_id, merge_group, type_family
from clamor.merge.records import Disagreement, FieldChoice, MergedEvent
from clamor.geo.distance import haversine_km
from clamor.merge.rules import PLACE_RADIUS_KM, PRECISION_HALF_WIDTH_DAYS
from clamor.models import Article, Event, Extraction, Reaction, SourceAssessment
from clamor.store import schema as t
from clamor.store.cells import cells_overlapping, place_cell
from clamor.store.review import REVIEWED, apply_overrides, stored_overrides
from clamor.store.records import (
    ArticleOutcome,
    EventFilters,
    IngestSummary,
    SourceRef,
    StoredEvent,
)

#: The PostgreSQL advisory lock (any fixed number) that serialises the merge step of
#: concurrent ingests: two processes must not each create "the" event for one protest.
MERGE_LOCK_KEY = 727_002

#: Candidate events for a merge are fetched within this many days of the new event's
#: date: twice the widest precision window (a month-precision date stands for +-15 days).
CANDIDATE_WINDOW_DAYS = 2 * max(PRECISION_HALF_WIDTH_DAYS.values()) + 1

#: Candidates are fetched within this many merge radii of the new event's point: a stored
#: event's chosen point can be up to one radius from a member the new event matches.
CANDIDATE_RADIUS_FACTOR = 3

KM_PER_DEGREE_LAT = 111.32

#: Sort keys of :attr:`EventFilters.sort` (a leading ``-`` sorts descending) -> columns.
SORT_COLUMNS = {"date": "event_date", "type": "event_type", "country": "country",
                "admin1": "admin1", "location": "location", "sources": "corroboration",
                "fatalities": "fatalities", "review": "review_status"}


def _degrees(lat: float, km: float) -> tuple[float, float]:
    """Half-sides, in degrees of latitude and longitude, of a box ``km`` around ``lat``."""
    import math

    dlat = km / KM_PER_DEGREE_LAT
    dlon = km / max(1e-6, KM_PER_DEGREE_LAT * math.cos(math.radians(min(89.9, abs(lat)))))
    return dlat, min(180.0, dlon)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _columns(table, values: dict[str, Any]) -> dict[str, Any]:
    """Only the keys that are columns of ``table`` (records may grow new fields)."""
    return {k: v for k, v in values.items() if k in table.c}


def _scoped(article_id: str, local_id: str) -> str:
    """A database-wide id for an article's event or reaction."""
    return local_id if article_id in local_id else f"{article_id}:{local_id}"


@lru_cache(maxsize=None)
def _candidate_query(point: bool, cells: bool, admin2: bool, location: bool, country: bool):
    """The candidate query of one shape, built once (parameters bound at run time).

    One SELECT per kind of nearness, each read through its own index
    (``ix_events_family_cell``, ``ix_events_family_admin2``, ``ix_events_family_location``,
    migration 0003), so the rows read are the nearby ones and not every event of the
    family in the date window; the point's SELECT still tests the box itself, so the
    cells narrow what is read, never what is found."""
    e = t.events.c
    common = [e.type_family == bindparam("family"),
              e.event_date.between(bindparam("first"), bindparam("last"))]
    if country:
        common.append(or_(e.country_code == bindparam("country"), e.country_code.is_(None)))
    near = []
    if point:
        box = [e.latitude.between(bindparam("lat0"), bindparam("lat1")),
               e.longitude.between(bindparam("lon0"), bindparam("lon1"))]
        if cells:
            box.append(e.place_cell.in_(bindparam("cells", expanding=True)))
        near.append(box)
    if admin2:
        near.append([func.lower(e.admin2) == bindparam("admin2")])
    if location:
        near.append([func.lower(e.location) == bindparam("location")])
    found = union(*(select(e.event_id, e.event_date, e.created_at).where(*common, *cond)
                    for cond in near)).subquery()
    # Date, then age: the order the family-and-date index gave them in before 0003
    # (best_match keeps the first of equally good candidates).
    return select(found.c.event_id).order_by(found.c.event_date, found.c.created_at,
                                             found.c.event_id)


class Store:
    """A clamor database (SQLite file or PostgreSQL). Use :func:`clamor.open_store`."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    # ------------------------------------------------------------------ plumbing

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite)."""
        try:
            with self.engine.connect().execution_options(clamor_write=True) as conn:
                with conn.begin():
                    yield conn
        except OperationalError as exc:
            raise StoreError(f"{self}: {exc.orig}") from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise StoreError(f"{self}: {exc.orig}") from exc

    def upgrade(self) -> str:
        """Migrate the database to the newest schema; returns the revision."""
        from clamor.store.migrate import upgrade

        try:
            return upgrade(self.engine)
        except OperationalError as exc:
            raise StoreError(f"{self}: {exc.orig}") from exc

    def revision(self) -> str | None:
        from clamor.store.migrate import current_revision

        return current_revision(self.engine)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self._read() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in t.metadata.tables.items()}

    # ------------------------------------------------------------------ ingest

    def has_article(self, article_id: str) -> bool:
        with self._read() as conn:
            return conn.execute(select(t.articles.c.article_id).where(
                t.articles.c.article_id == article_id)).first() is not None

    def start_run(self, inputs: Iterable[str]) -> str:
        run_id = str(uuid.uuid4())
        with self._write() as conn:
            conn.execute(insert(t.ingest_runs).values(
                run_id=run_id, started_at=_now(), status="running", inputs=list(inputs),
                clamor_version=__version__))
        return run_id

    def finish_run(self, run_id: str, summary: IngestSummary, status: str = "done") -> None:
        with self._write() as conn:
            conn.execute(update(t.ingest_runs).where(t.ingest_runs.c.run_id == run_id).values(
                finished_at=_now(), status=status, summary=summary.model_dump(mode="json")))

    def ingest(self, extractions: Iterable[Extraction], inputs: Iterable[str] = (),
               progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Store extractions, one transaction each; re-storing an article is a no-op."""
        with self.run(inputs) as summary:
            for extraction in extractions:
                summary.read += 1
                self.tally(summary, extraction, self.add(extraction, summary.run_id))
                if progress:
                    progress(summary)
        return summary

    @contextmanager
    def run(self, inputs: Iterable[str] = ()) -> Iterator[IngestSummary]:
        """One recorded ingest run: its summary, marked done (or failed, when the block
        raises) in the ``runs`` table as the block ends."""
        summary = IngestSummary(run_id=self.start_run(inputs))
        status = "failed"
        try:
            yield summary
            status = "done"
        finally:
            self.finish_run(summary.run_id, summary, status)

    @staticmethod
    def tally(summary: IngestSummary, extraction: Extraction, outcome: ArticleOutcome) -> None:
        if not outcome.stored:
            summary.skip("already stored")
            return
        summary.stored += 1
        status = str(extraction.article.status)
        if status != "ok":
            summary.skip(status.replace("_", " "))
        summary.new_events += outcome.new_events
        summary.merged_events += outcome.merged_events
        summary.reactions += outcome.reactions

    def add(self, extraction: Extraction, run_id: str | None = None) -> ArticleOutcome:
        """Store one article with its events, merging them into stored events; atomic."""
        try:
            with self._write() as conn:
                return self._add(conn, extraction, run_id)
        except SQLAlchemyError as exc:
            if isinstance(exc, OperationalError):
                raise
            raise StoreError(f"{extraction.article.article_id}: {exc}") from exc

    def _insert_ignore(self, table, key: str):
        """INSERT ... ON CONFLICT (key) DO NOTHING RETURNING key (parameters passed apart,
        so SQLAlchemy compiles the statement once)."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        return (dialect_insert(table).on_conflict_do_nothing(index_elements=[key])
                .returning(table.c[key]))

    def _add(self, conn: Connection, extraction: Extraction, run_id: str | None) -> ArticleOutcome:
        article = extraction.article
        values = _columns(t.articles, article.model_dump(mode="python"))
        values["status"] = str(article.status)
        values["removed"] = [r.model_dump(mode="json") for r in article.removed]
        values.update(run_id=run_id, ingested_at=_now())
        inserted = conn.execute(self._insert_ignore(t.articles, "article_id"), values).first()
        if inserted is None:
            return ArticleOutcome(stored=False)
        if self.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MERGE_LOCK_KEY})
        outcome = ArticleOutcome(stored=True)
        if extraction.source is not None:
            conn.execute(insert(t.source_assessments), {
                **_columns(t.source_assessments, extraction.source.model_dump(mode="json")),
                "article_id": article.article_id})
        canonical: dict[str, str] = {}
        for event in extraction.events:
            event = event.model_copy(update={
                "event_id": _scoped(article.article_id, event.event_id),
                "article_id": article.article_id})
            event_id, merged = self._merge_in(conn, event, extraction.source)
            canonical[event.event_id] = event_id
            if merged:
                outcome.merged_events += 1
            else:
                outcome.new_events += 1
            self._insert_evidence(conn, article.article_id, "event", event.event_id, event)
        for reaction in extraction.reactions:
            self._insert_reaction(conn, reaction, canonical)
            outcome.reactions += 1
        return outcome

    def _insert_evidence(self, conn, article_id: str, kind: str, owner: str, record) -> None:
        rows = [dict(article_id=article_id, owner_kind=kind, owner_id=owner, field=ev.field,
                     start=ev.start, end=ev.end, text=ev.text) for ev in record.evidence]
        if rows:
            conn.execute(insert(t.evidence), rows)

    def _insert_reaction(self, conn, reaction: Reaction, canonical: dict[str, str]) -> None:
        aid = reaction.article_id
        rid = _scoped(aid, reaction.reaction_id)
        target = _scoped(aid, reaction.target_event_id) if reaction.target_event_id else None
        conn.execute(insert(t.reactions), dict(
            reaction_id=rid, article_id=aid, actor=reaction.actor,
            actor_role=reaction.actor_role, actor_country=reaction.actor_country,
            stance=str(reaction.stance), target_source_event_id=target,
            event_id=canonical.get(target) if target else None,
            record=reaction.model_dump(mode="json")))
        self._insert_evidence(conn, aid, "reaction", rid, reaction)

    # ------------------------------------------------------------------ merging

    def _candidates(self, conn, event: Event) -> list[tuple[str, list[Event], dict[str, list[str]]]]:
        """Stored events that might be ``event``, each with its members and their reasons."""
        ids = self._candidate_ids(conn, event)
        if not ids:
            return []
        groups: dict[str, tuple[list[Event], dict[str, list[str]]]] = {i: ([], {}) for i in ids}
        s = t.event_sources.c
        rows = conn.execute(select(s.event_id, s.event_values, s.match_reasons, s.source_event_id)
                            .where(s.event_id.in_(ids)).order_by(s.id))
        for event_id, values, reasons, source_event_id in rows:
            groups[event_id][0].append(Event.model_validate(values))
            groups[event_id][1][source_event_id] = reasons
        return [(i, evs, rs) for i, (evs, rs) in groups.items()]

    def _candidate_ids(self, conn, event: Event) -> list[str]:
        """Ids of stored events that might be ``event``: same family, nearby date, country
        and place (the chosen point within CANDIDATE_RADIUS_FACTOR radii, or the same admin2
        or location name: members of a stored event may lie a little off its chosen point)."""
        family = type_family(event.event_type)
        if family is None or event.event_date is None:
            return []
        window = dt.timedelta(days=CANDIDATE_WINDOW_DAYS)
        params: dict[str, Any] = dict(family=family, first=event.event_date - window,
                                      last=event.event_date + window,
                                      country=event.country_code,
                                      admin2=(event.admin2 or "").lower(),
                                      location=(event.location or "").lower())
        cells = None
        if event.latitude is not None and event.longitude is not None:
            dlat, dlon = _degrees(event.latitude, PLACE_RADIUS_KM * CANDIDATE_RADIUS_FACTOR)
            params.update(lat0=event.latitude - dlat, lat1=event.latitude + dlat,
                          lon0=event.longitude - dlon, lon1=event.longitude + dlon)
            cells = cells_overlapping(params["lat0"], params["lat1"], params["lon0"],
                                      params["lon1"])
            params["cells"] = cells
        shape = ("lat0" in params, cells is not None, bool(event.admin2),
                 bool(event.location), bool(event.country_code))
        if not any(shape[:1] + shape[2:4]):
            return []
        return [r[0] for r in conn.execute(_candidate_query(*shape), params)]

    def _assessments(self, conn, article_ids: Iterable[str]) -> dict[str, SourceAssessment]:
        c = t.source_assessments.c
        out: dict[str, SourceAssessment] = {}
        rows = conn.execute(select(t.source_assessments).where(c.article_id.in_(list(set(article_ids)))))
        for row in rows.mappings():
            data = dict(row)
            aid = data.pop("article_id")
            out[aid] = SourceAssessment.model_validate(data)
        return out

    def _merge_in(self, conn, event: Event, source: SourceAssessment | None) -> tuple[str, bool]:
        """Attach ``event`` to the stored event it matches, or create one."""
        candidates = self._candidates(conn, event)
        found = best_match(event, [c[1] for c in candidates])
        now = _now()
        if found is None:
            merged = merge_group([event], event_id=canonical_id(event),
                                 sources={event.article_id: source},
                                 reasons={event.event_id: ["first report"]})
            reasons = ["first report"]
            conn.execute(insert(t.events), {**self._event_row(merged), "created_at": now,
                                            "updated_at": now})
            joined = False
        else:
            index, reasons = found
            event_id, members, member_reasons = candidates[index]
            group = members + [event]
            sources = self._assessments(conn, [m.article_id for m in members])
            sources[event.article_id] = source
            merged = merge_group(group, event_id=event_id, sources=sources,
                                 reasons={**member_reasons, event.event_id: reasons})
            # A reviewer's edits outlive every later merge (clamor.store.review).
            row = apply_overrides(self._event_row(merged), stored_overrides(conn, event_id))
            row["key"] = row.pop("event_id")
            conn.execute(update(t.events).where(t.events.c.event_id == bindparam("key")),
                         {**row, "updated_at": now})
            joined = True
        conn.execute(insert(t.event_sources), dict(
            event_id=merged.event_id, article_id=event.article_id,
            source_event_id=event.event_id, event_values=event.model_dump(mode="json"),
            match_reasons=reasons, added_at=now))
        return merged.event_id, joined

    @staticmethod
    def _event_row(merged: MergedEvent) -> dict[str, Any]:
        e = merged.event
        row = {c.name: getattr(e, c.name) for c in t.events.columns if c.name in Event.model_fields}
        record = e.model_dump(mode="json")
        record["evidence"] = []  # evidence lives in its own table, per source event
        row.update(
            event_id=merged.event_id,
            type_family=type_family(e.event_type) or "other",
            place_cell=place_cell(e.latitude, e.longitude),
            corroboration=merged.corroboration,
            record=record,
            choices={k: v.model_dump(mode="json") for k, v in merged.choices.items()},
            disagreements=[d.model_dump(mode="json") for d in merged.disagreements],
        )
        return row

    # ------------------------------------------------------------------ queries

    def _fts_article_ids(self, query: str):
        """A subquery of article ids matching ``query`` (full-text)."""
        a = t.articles.c
        if self.dialect == "sqlite":
            words = re.findall(r"\w+", query)
            if not words:
                return select(a.article_id).where(text("0"))
            match = " ".join(f'"{w}"' for w in words)
            return select(a.article_id).where(text(
                "articles.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q)"
            ).bindparams(q=match))
        return select(a.article_id).where(text(
            "to_tsvector('english', coalesce(articles.title, '') || ' ' || articles.text) "
            "@@ websearch_to_tsquery('english', :q)").bindparams(q=query))

    def _where(self, f: EventFilters) -> list:
        e = t.events.c
        where = []
        if f.country:
            where.append(or_(func.lower(e.country) == f.country.lower(),
                             func.upper(e.country_code) == f.country.upper()))
        if f.admin1:
            where.append(func.lower(e.admin1) == f.admin1.lower())
        if f.event_type:
            where.append(func.lower(e.event_type) == f.event_type.lower())
        if f.sub_event_type:
            where.append(func.lower(e.sub_event_type) == f.sub_event_type.lower())
        if f.since:
            where.append(e.event_date >= f.since)
        if f.until:
            where.append(e.event_date <= f.until)
        if f.min_sources:
            where.append(e.corroboration >= f.min_sources)
        if f.actor:
            pattern = f"%{f.actor.lower()}%"
            where.append(or_(*(func.lower(col).like(pattern) for col in
                               (e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2))))
        if f.near:
            lat, lon, km = f.near
            dlat, dlon = _degrees(lat, km)
            where += [e.latitude.between(lat - dlat, lat + dlat),
                      e.longitude.between(lon - dlon, lon + dlon)]
        if f.review:
            where.append(self._review_clause(f.review))
        if f.text:
            s = t.event_sources.c
            where.append(e.event_id.in_(
                select(s.event_id).where(s.article_id.in_(self._fts_article_ids(f.text)))))
        return where

    @staticmethod
    def _review_clause(state: str):
        """``reviewed`` (accepted or edited), ``unreviewed``, or one stored status."""
        status = t.events.c.review_status
        if state == "reviewed":
            return status.in_(REVIEWED)
        if state == "unreviewed":
            return status.is_(None)
        return status == state

    @staticmethod
    def _order(sort: str | None) -> list:
        """ORDER BY for a sort key (``date``, ``-sources``, ...); newest first by default."""
        e = t.events.c
        if not sort:
            return [e.event_date.desc().nulls_last(), e.event_id]
        column = e[SORT_COLUMNS[sort.lstrip("-")]]
        first = column.desc().nulls_last() if sort.startswith("-") else column.asc().nulls_last()
        return [first, e.event_date.desc().nulls_last(), e.event_id]

    @staticmethod
    def _within(f: EventFilters, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        lat, lon, km = f.near  # type: ignore[misc]
        return [r for r in rows if haversine_km(lat, lon, r["latitude"], r["longitude"]) <= km]

    def query_events(self, filters: EventFilters | None = None, **kwargs: Any) -> list[StoredEvent]:
        """Stored events matching the filters (see :class:`EventFilters`), newest first."""
        f = filters or EventFilters(**kwargs)
        e = t.events.c
        where = and_(true(), *self._where(f))
        with self._read() as conn:
            if not f.near:
                # Sort and page over narrow rows, then fetch the page's full rows: sorting
                # every matching row with its JSON columns is what makes a page slow.
                ids = [r[0] for r in conn.execute(
                    select(e.event_id).where(where).order_by(*self._order(f.sort))
                    .limit(f.limit).offset(f.offset or None))]
                found = {r["event_id"]: dict(r) for r in conn.execute(
                    select(t.events).where(e.event_id.in_(ids))).mappings()}
                return self._hydrate(conn, [found[i] for i in ids if i in found])
            query = select(t.events).where(where).order_by(*self._order(f.sort))
            rows = [dict(r) for r in conn.execute(query).mappings()]
            if f.near:
                rows = self._within(f, rows)
                rows = rows[f.offset:][: f.limit] if f.limit else rows[f.offset:]
            return self._hydrate(conn, rows)

    def count_events(self, filters: EventFilters | None = None, **kwargs: Any) -> int:
        """How many stored events match the filters (``limit`` and ``offset`` ignored)."""
        f = filters or EventFilters(**kwargs)
        e = t.events.c
        with self._read() as conn:
            if f.near:
                query = select(e.latitude, e.longitude).where(and_(true(), *self._where(f)))
                return len(self._within(f, [dict(r) for r in conn.execute(query).mappings()]))
            query = select(func.count()).select_from(t.events).where(and_(true(), *self._where(f)))
            return conn.execute(query).scalar_one()

    def get_event(self, event_id: str) -> StoredEvent | None:
        """One stored event by id."""
        with self._read() as conn:
            rows = [dict(r) for r in conn.execute(
                select(t.events).where(t.events.c.event_id == event_id)).mappings()]
            found = self._hydrate(conn, rows)
        return found[0] if found else None

    def iter_events(self, filters: EventFilters | None = None, page: int = 500) -> Iterator[StoredEvent]:
        """Every matching event, fetched a page at a time."""
        f = filters or EventFilters()
        offset = 0
        while True:
            batch = self.query_events(EventFilters(**{**f.__dict__, "limit": page,
                                                      "offset": offset}))
            yield from batch
            if len(batch) < page:
                return
            offset += page

    def _hydrate(self, conn, rows: list[dict[str, Any]]) -> list[StoredEvent]:
        if not rows:
            return []
        ids = [r["event_id"] for r in rows]
        s, a, sa = t.event_sources.c, t.articles.c, t.source_assessments.c
        query = (select(s.event_id, s.article_id, s.source_event_id, s.event_values, a.title,
                        a.url, a.published, a.publisher, sa.publisher.label("sa_publisher"),
                        sa.publisher_type, sa.partisan)
                 .select_from(t.event_sources.join(t.articles, a.article_id == s.article_id)
                              .outerjoin(t.source_assessments, sa.article_id == s.article_id))
                 .where(s.event_id.in_(ids)).order_by(s.id))
        sources: dict[str, list[SourceRef]] = {i: [] for i in ids}
        source_events: dict[str, list[Event]] = {i: [] for i in ids}
        for r in conn.execute(query).mappings():
            sources[r["event_id"]].append(SourceRef(
                article_id=r["article_id"], source_event_id=r["source_event_id"],
                title=r["title"], url=r["url"], published=r["published"],
                publisher=r["sa_publisher"] or r["publisher"],
                publisher_type=r["publisher_type"], partisan=r["partisan"]))
            source_events[r["event_id"]].append(Event.model_validate(r["event_values"]))
        out = []
        for r in rows:
            event = Event.model_validate(r["record"])
            out.append(StoredEvent(
                event_id=r["event_id"], event=event, corroboration=r["corroboration"],
                sources=sources[r["event_id"]], source_events=source_events[r["event_id"]],
                choices={k: FieldChoice.model_validate(v) for k, v in r["choices"].items()},
                disagreements=[Disagreement.model_validate(d) for d in r["disagreements"]],
                created_at=r["created_at"], updated_at=r["updated_at"],
                review_status=r.get("review_status")))
        return out

    def get_article(self, article_id: str) -> Article | None:
        """One stored article (with its cleaning record) by id."""
        with self._read() as conn:
            row = conn.execute(select(t.articles).where(
                t.articles.c.article_id == article_id)).mappings().first()
        if row is None:
            return None
        data = {k: v for k, v in row.items() if k in Article.model_fields}
        return Article.model_validate(data)

    # ------------------------------------------------------------------ review

    def add_review(self, event_id: str, action: str, field: str | None = None,
                   old_value: Any = None, new_value: Any = None, reviewer: str | None = None,
                   comment: str | None = None) -> int:
        """Append one review action (confirm, correct, reject, note) to ``review_log``.

        The log only records; applying a correction to the event is the caller's choice.
        """
        if self.get_event(event_id) is None:
            raise StoreError(f"{event_id}: no such event")
        with self._write() as conn:
            result = conn.execute(insert(t.review_log).returning(t.review_log.c.id), dict(
                event_id=event_id, field=field, action=action, old_value=old_value,
                new_value=new_value, reviewer=reviewer, comment=comment, created_at=_now()))
            return result.scalar_one()

    def reviews(self, event_id: str) -> list[dict[str, Any]]:
        """The review log of one event, oldest first."""
        c = t.review_log.c
        with self._read() as conn:
            return [dict(r) for r in conn.execute(
                select(t.review_log).where(c.event_id == event_id).order_by(c.id)).mappings()]

    # ------------------------------------------------------------------ export

    def export(self, fmt: str, out: str | IO | None = None,
               filters: EventFilters | None = None) -> int:
        """Write events as ``acled-csv``, ``geojson``, ``jsonl`` or ``parquet``; returns the count."""
        from clamor.store.export import export_events

        return export_events(self.iter_events(filters), fmt, out)
