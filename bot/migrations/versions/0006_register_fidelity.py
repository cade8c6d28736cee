"""register fidelity: places with a hidden address, the register's opening hours

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address_hidden", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.add_column(sa.Column("register_hours", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_column("register_hours")
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.drop_column("address_hidden")
