"""The store's tables (SQLAlchemy 2 Core). Alembic migrations under ``migrations/`` build them.

Change a table here only together with a new migration (``alembic revision
--autogenerate`` against a database at head, then review it).

Full-text search and the read-only views are dialect-specific and live in the
migrations only: SQLite gets an FTS5 table ``articles_fts`` kept in step by triggers,
PostgreSQL a GIN index over ``to_tsvector('english', title || text)``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

ingest_runs = Table(
    "ingest_runs", metadata,
    Column("run_id", String(36), primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False, comment="running, done, failed"),
    Column("inputs", JSON, nullable=False, comment="paths or URLs given"),
    Column("summary", JSON, comment="counts: read, stored, skipped, failed, events"),
    Column("clamor_version", String(32)),
)

articles = Table(
    "articles", metadata,
    Column("article_id", String(64), primary_key=True, comment="hash of the clean text"),
    Column("url", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published", Date),
    Column("published_from", String(32)),
    Column("publisher", Text),
    Column("author", Text),
    Column("byline", Text),
    Column("language", String(16)),
    Column("language_score", Float),
    Column("status", String(16), nullable=False),
    Column("dateline_place", Text),
    Column("dateline_date", Date),
    Column("source_path", Text),
    Column("source_format", String(16)),
    Column("source_record", Integer),
    Column("removed", JSON, nullable=False, comment="the cleaning record: dropped lines"),
    Column("warnings", JSON, nullable=False),
    Column("run_id", String(36), ForeignKey("ingest_runs.run_id")),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events", metadata,
    Column("event_id", String(32), primary_key=True),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("type_family", String(32), nullable=False),
    Column("disorder_type", String(64)),
    Column("plover_type", String(32)),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("country", Text),
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("geonames_id", Integer),
    Column("actor1", Text),
    Column("assoc_actor_1", Text),
    Column("inter1", Integer),
    Column("actor2", Text),
    Column("assoc_actor_2", Text),
    Column("inter2", Integer),
    Column("interaction", Integer),
    Column("civilian_targeting", Boolean, nullable=False),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("arrests", Integer),
    Column("notes", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("partisan_sources_only", Boolean),
    Column("corroboration", Integer, nullable=False, comment="distinct articles reporting it"),
    Column("record", JSON, nullable=False, comment="the chosen Event, in full"),
    Column("choices", JSON, nullable=False, comment="field -> chosen value and rule"),
    Column("disagreements", JSON, nullable=False, comment="fields sources disagree on"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("review_status", String(16),
           comment="null: not reviewed; accepted, edited or rejected by a reviewer"),
    Column("overrides", JSON, comment="field -> value a reviewer set; re-ingest keeps it"),
    Column("place_cell", Integer,
           comment="1-degree cell of the point (clamor.store.cells), for merge lookups"),
    Index("ix_events_date", "event_date"),
    Index("ix_events_review_status", "review_status"),
    Index("ix_events_country", "country_code", "admin1"),
    Index("ix_events_family_date", "type_family", "event_date"),
    Index("ix_events_latlon", "latitude", "longitude"),
    Index("ix_events_family_cell", "type_family", "place_cell", "event_date"),
)

# Same-name places for the merge lookup (Store._candidates compares lower-cased names).
Index("ix_events_family_location", events.c.type_family, func.lower(events.c.location),
      events.c.event_date)
Index("ix_events_family_admin2", events.c.type_family, func.lower(events.c.admin2),
      events.c.event_date)

event_sources = Table(
    "event_sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), ForeignKey("events.event_id", ondelete="CASCADE"),
           nullable=False),
    Column("article_id", String(64), ForeignKey("articles.article_id", ondelete="CASCADE"),
           nullable=False),
    Column("source_event_id", String(128), nullable=False, comment="the article's own event id"),
    Column("event_values", JSON, nullable=False, comment="the article's own Event, in full"),
    Column("match_reasons", JSON, nullable=False, comment="why it joined this event"),
    Column("added_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source_event_id"),
    Index("ix_event_sources_event", "event_id"),
    Index("ix_event_sources_article", "article_id"),
)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.article_id", ondelete="CASCADE"),
           nullable=False),
    Column("owner_kind", String(16), nullable=False, comment="event or reaction"),
    Column("owner_id", String(128), nullable=False, comment="source event id or reaction id"),
    Column("field", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_evidence_owner", "owner_kind", "owner_id"),
    Index("ix_evidence_article", "article_id"),
)

reactions = Table(
    "reactions", metadata,
    Column("reaction_id", String(128), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.article_id", ondelete="CASCADE"),
           nullable=False),
    Column("actor", Text, nullable=False),
    Column("actor_role", Text),
    Column("actor_country", Text),
    Column("stance", String(32), nullable=False),
    Column("target_source_event_id", String(128), comment="the article's own event id"),
    Column("event_id", String(32), ForeignKey("events.event_id", ondelete="SET NULL"),
           comment="the merged event it is about"),
    Column("record", JSON, nullable=False),
    Index("ix_reactions_article", "article_id"),
    Index("ix_reactions_event", "event_id"),
)

source_assessments = Table(
    "source_assessments", metadata,
    Column("article_id", String(64), ForeignKey("articles.article_id", ondelete="CASCADE"),
           primary_key=True),
    Column("publisher", Text),
    Column("publisher_type", String(64)),
    Column("affiliation_country", Text),
    Column("party_to_conflict", Boolean, nullable=False),
    Column("partisan", Boolean, nullable=False),
    Column("citation", Text),
    Column("publisher_evidence", Text),
    Column("signals", JSON, nullable=False),
    Column("rates", JSON, nullable=False),
    Column("summary", Text, nullable=False),
)

review_log = Table(
    "review_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), ForeignKey("events.event_id", ondelete="CASCADE"),
           nullable=False),
    Column("field", String(64), comment="the field reviewed (null: the whole event)"),
    Column("action", String(32), nullable=False, comment="confirm, correct, reject, note"),
    Column("old_value", JSON),
    Column("new_value", JSON),
    Column("reviewer", Text),
    Column("comment", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_review_log_event", "event_id"),
)

review_audit = Table(
    "review_audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), nullable=False,
           comment="no foreign key: the trail outlives an event merged away"),
    Column("action", String(16), nullable=False, comment="accept, edit, reject, merge, split"),
    Column("field", String(64), comment="the field edited (edit only)"),
    Column("before", JSON, comment="the value, or the event's fields, before the action"),
    Column("after", JSON, comment="the value, or the event's fields, after the action"),
    Column("related", JSON, nullable=False, comment="other event ids the action touched"),
    Column("reviewer", Text, nullable=False),
    Column("comment", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_review_audit_event", "event_id"),
)

#: Objects the migrations create outside this metadata (full-text search).
UNMANAGED_PREFIXES = ("articles_fts", "ix_articles_fts")


def include_name(name: str | None, type_: str, parent_names) -> bool:
    """For Alembic autogenerate: ignore the full-text objects the migrations manage by hand."""
    return not (name or "").startswith(UNMANAGED_PREFIXES)
