"""catalogue

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "codelist_term",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("codelist", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_codelist_term")),
    )
    with op.batch_alter_table("codelist_term", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_codelist_term_codelist"), ["codelist"], unique=False)

    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("deactivated", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("rejections", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
    )
    op.create_table(
        "life_situation",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_uk", sa.String(length=200), nullable=True),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.Column("family", sa.String(length=40), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_life_situation")),
    )
    op.create_table(
        "municipality",
        sa.Column("code", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("orp", sa.String(length=120), nullable=False),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("locative", sa.String(length=160), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_municipality")),
    )
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_municipality_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_municipality_orp"), ["orp"], unique=False)

    op.create_table(
        "provider",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ico", sa.String(length=8), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("municipality_code", sa.Integer(), nullable=True),
        sa.Column("phones", sa.JSON(), nullable=False),
        sa.Column("emails", sa.JSON(), nullable=False),
        sa.Column("webs", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider")),
        sa.UniqueConstraint("ico", name=op.f("uq_provider_ico")),
    )
    op.create_table(
        "service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registry_id", sa.String(length=40), nullable=True),
        sa.Column("portal_id", sa.BigInteger(), nullable=True),
        sa.Column("local_id", sa.String(length=60), nullable=True),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("druh_id", sa.String(length=80), nullable=True),
        sa.Column("category", sa.String(length=120), nullable=True),
        sa.Column("age_note", sa.Text(), nullable=True),
        sa.Column("phones", sa.JSON(), nullable=False),
        sa.Column("emails", sa.JSON(), nullable=False),
        sa.Column("webs", sa.JSON(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("how_to_get_help", sa.Text(), nullable=True),
        sa.Column("hours", sa.Text(), nullable=True),
        sa.Column("price", sa.Text(), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("accessibility", sa.Text(), nullable=True),
        sa.Column("last_checked", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("deactivated_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["druh_id"], ["codelist_term.id"], name=op.f("fk_service_druh_id_codelist_term")),
        sa.ForeignKeyConstraint(["provider_id"], ["provider.id"], name=op.f("fk_service_provider_id_provider")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service")),
        sa.UniqueConstraint("local_id", name=op.f("uq_service_local_id")),
        sa.UniqueConstraint("portal_id", name=op.f("uq_service_portal_id")),
        sa.UniqueConstraint("registry_id", name=op.f("uq_service_registry_id")),
    )
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_active"), ["active"], unique=False)
        batch_op.create_index(batch_op.f("ix_service_druh_id"), ["druh_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_service_provider_id"), ["provider_id"], unique=False)

    op.create_table(
        "capacity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.String(length=80), nullable=False),
        sa.Column("type_id", sa.String(length=80), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["form_id"], ["codelist_term.id"], name=op.f("fk_capacity_form_id_codelist_term")),
        sa.ForeignKeyConstraint(
            ["service_id"], ["service.id"], name=op.f("fk_capacity_service_id_service"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["type_id"], ["codelist_term.id"], name=op.f("fk_capacity_type_id_codelist_term")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capacity")),
    )
    with op.batch_alter_table("capacity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_capacity_service_id"), ["service_id"], unique=False)

    op.create_table(
        "place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("house_number", sa.String(length=40), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("municipality_code", sa.Integer(), nullable=True),
        sa.Column("municipality_name", sa.String(length=120), nullable=True),
        sa.Column("part_name", sa.String(length=120), nullable=True),
        sa.Column("address_point", sa.BigInteger(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["service_id"], ["service.id"], name=op.f("fk_place_service_id_service"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place")),
    )
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_municipality_code"), ["municipality_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_place_service_id"), ["service_id"], unique=False)

    op.create_table(
        "service_age_group",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["service.id"], name=op.f("fk_service_age_group_service_id_service"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["term_id"], ["codelist_term.id"], name=op.f("fk_service_age_group_term_id_codelist_term")
        ),
        sa.PrimaryKeyConstraint("service_id", "term_id", name=op.f("pk_service_age_group")),
    )
    op.create_table(
        "service_area",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("municipality_code", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["service.id"], name=op.f("fk_service_area_service_id_service"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("service_id", "municipality_code", name=op.f("pk_service_area")),
    )
    op.create_table(
        "service_form",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.String(length=80), nullable=False),
        sa.Column("continuous", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["codelist_term.id"], name=op.f("fk_service_form_form_id_codelist_term")),
        sa.ForeignKeyConstraint(
            ["service_id"], ["service.id"], name=op.f("fk_service_form_service_id_service"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("service_id", "form_id", name=op.f("pk_service_form")),
    )
    op.create_table(
        "service_life_situation",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("situation_id", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["service.id"],
            name=op.f("fk_service_life_situation_service_id_service"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["situation_id"], ["life_situation.id"], name=op.f("fk_service_life_situation_situation_id_life_situation")
        ),
        sa.PrimaryKeyConstraint("service_id", "situation_id", name=op.f("pk_service_life_situation")),
    )
    op.create_table(
        "service_target_group",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["service.id"], name=op.f("fk_service_target_group_service_id_service"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["term_id"], ["codelist_term.id"], name=op.f("fk_service_target_group_term_id_codelist_term")
        ),
        sa.PrimaryKeyConstraint("service_id", "term_id", name=op.f("pk_service_target_group")),
    )


def downgrade() -> None:
    op.drop_table("service_target_group")
    op.drop_table("service_life_situation")
    op.drop_table("service_form")
    op.drop_table("service_area")
    op.drop_table("service_age_group")
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_service_id"))
        batch_op.drop_index(batch_op.f("ix_place_municipality_code"))

    op.drop_table("place")
    with op.batch_alter_table("capacity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_capacity_service_id"))

    op.drop_table("capacity")
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_provider_id"))
        batch_op.drop_index(batch_op.f("ix_service_druh_id"))
        batch_op.drop_index(batch_op.f("ix_service_active"))

    op.drop_table("service")
    op.drop_table("provider")
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipality_orp"))
        batch_op.drop_index(batch_op.f("ix_municipality_name"))

    op.drop_table("municipality")
    op.drop_table("life_situation")
    op.drop_table("import_run")
    with op.batch_alter_table("codelist_term", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_codelist_term_codelist"))

    op.drop_table("codelist_term")
