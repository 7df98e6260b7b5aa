"""review: an event's review status and reviewer overrides, and the review audit trail

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 21:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "review_status", sa.String(length=16), nullable=True,
            comment="null: not reviewed; accepted, edited or rejected by a reviewer"))
        batch_op.add_column(sa.Column(
            "overrides", sa.JSON(), nullable=True,
            comment="field -> value a reviewer set; re-ingest keeps it"))
        batch_op.create_index("ix_events_review_status", ["review_status"], unique=False)
    op.create_table(
        "review_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=32), nullable=False,
                  comment="no foreign key: the trail outlives an event merged away"),
        sa.Column("action", sa.String(length=16), nullable=False,
                  comment="accept, edit, reject, merge, split"),
        sa.Column("field", sa.String(length=64), nullable=True,
                  comment="the field edited (edit only)"),
        sa.Column("before", sa.JSON(), nullable=True,
                  comment="the value, or the event's fields, before the action"),
        sa.Column("after", sa.JSON(), nullable=True,
                  comment="the value, or the event's fields, after the action"),
        sa.Column("related", sa.JSON(), nullable=False,
                  comment="other event ids the action touched"),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_audit")),
    )
    with op.batch_alter_table("review_audit", schema=None) as batch_op:
        batch_op.create_index("ix_review_audit_event", ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_audit", schema=None) as batch_op:
        batch_op.drop_index("ix_review_audit_event")
    op.drop_table("review_audit")
    op.drop_index("ix_events_review_status", table_name="events")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35 and PostgreSQL): a batch copy of
    # ``events`` would trip over the views and cascade deletes that reference it.
    for column in ("overrides", "review_status"):
        op.execute(f"ALTER TABLE events DROP COLUMN {column}")
