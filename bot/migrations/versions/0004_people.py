"""people: events and terms say whether they are the first of their kind from their person that day

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("demand_event", "demand_term"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("counted", sa.Boolean(), server_default=sa.true(), nullable=False))
    op.create_table(
        "stats_salt",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("salt", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_stats_salt")),
    )
    op.create_table(
        "stats_seen",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_stats_seen")),
    )
    with op.batch_alter_table("stats_seen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stats_seen_day"), ["day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stats_seen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stats_seen_day"))
    op.drop_table("stats_seen")
    op.drop_table("stats_salt")
    for table in ("demand_term", "demand_event"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("counted")
