"""place cells: an indexed 1-degree cell per event and indexes on lower-cased place names,
so that finding merge candidates reads only nearby events however large the store grows

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 01:40:00
"""

from __future__ import annotations

import math

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: Stored events are filled this many at a time.
BATCH = 5000


def _cell(latitude: float, longitude: float) -> int:
    """clamor.store.cells.place_cell as of this revision (a migration must not change)."""
    return (math.floor(latitude) + 90) * 1000 + (math.floor(longitude) + 180)


def _fill() -> None:
    conn = op.get_bind()
    events = sa.table("events", sa.column("event_id", sa.String), sa.column("latitude", sa.Float),
                      sa.column("longitude", sa.Float), sa.column("place_cell", sa.Integer))
    rows = conn.execute(sa.select(events.c.event_id, events.c.latitude, events.c.longitude)
                        .where(events.c.latitude.is_not(None), events.c.longitude.is_not(None))
                        ).all()
    update = (sa.update(events).where(events.c.event_id == sa.bindparam("key"))
              .values(place_cell=sa.bindparam("cell")))
    for start in range(0, len(rows), BATCH):
        conn.execute(update, [{"key": i, "cell": _cell(lat, lon)}
                              for i, lat, lon in rows[start:start + BATCH]])


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of ``events``: views and cascades reference it).
    op.add_column("events", sa.Column(
        "place_cell", sa.Integer(), nullable=True,
        comment="1-degree cell of the point (clamor.store.cells), for merge lookups"))
    _fill()
    op.create_index("ix_events_family_cell", "events",
                    ["type_family", "place_cell", "event_date"], unique=False)
    op.create_index("ix_events_family_location", "events",
                    ["type_family", sa.text("lower(location)"), "event_date"], unique=False)
    op.create_index("ix_events_family_admin2", "events",
                    ["type_family", sa.text("lower(admin2)"), "event_date"], unique=False)


def downgrade() -> None:
    for name in ("ix_events_family_admin2", "ix_events_family_location",
                 "ix_events_family_cell"):
        op.drop_index(name, table_name="events")
    op.execute("ALTER TABLE events DROP COLUMN place_cell")
