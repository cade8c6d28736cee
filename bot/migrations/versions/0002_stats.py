"""statistics: demand events, their terms, feedback events

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# SQLite only aliases the rowid (and so autoincrements) for a column typed exactly INTEGER.
EVENT_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "demand_event",
        sa.Column("id", EVENT_ID, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("family", sa.String(length=40), nullable=True),
        sa.Column("place_kind", sa.String(length=10), nullable=True),
        sa.Column("municipality_code", sa.Integer(), nullable=True),
        sa.Column("orp", sa.String(length=120), nullable=True),
        sa.Column("need_kind", sa.String(length=16), nullable=True),
        sa.Column("need_key", sa.String(length=80), nullable=True),
        sa.Column("need_label", sa.String(length=200), nullable=True),
        sa.Column("results", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demand_event")),
    )
    with op.batch_alter_table("demand_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_demand_event_day"), ["day"], unique=False)
        batch_op.create_index("ix_demand_event_synthetic_day", ["synthetic", "day"], unique=False)

    op.create_table(
        "demand_term",
        sa.Column("event_id", EVENT_ID, nullable=False),
        sa.Column("term", sa.String(length=30), nullable=False),
        sa.Column("understood", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["demand_event.id"], name=op.f("fk_demand_term_event_id_demand_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "term", name=op.f("pk_demand_term")),
    )
    with op.batch_alter_table("demand_term", schema=None) as batch_op:
        batch_op.create_index("ix_demand_term_term", ["term"], unique=False)

    op.create_table(
        "feedback_event",
        sa.Column("id", EVENT_ID, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_event")),
    )
    with op.batch_alter_table("feedback_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_event_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_event_service_id"), ["service_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("feedback_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_event_service_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_event_day"))
    op.drop_table("feedback_event")
    with op.batch_alter_table("demand_term", schema=None) as batch_op:
        batch_op.drop_index("ix_demand_term_term")
    op.drop_table("demand_term")
    with op.batch_alter_table("demand_event", schema=None) as batch_op:
        batch_op.drop_index("ix_demand_event_synthetic_day")
        batch_op.drop_index(batch_op.f("ix_demand_event_day"))
    op.drop_table("demand_event")
