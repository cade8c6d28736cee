"""The statistics tables come from migration 0002, exactly as the models describe them."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.catalog.models import Base
from bot.db import alembic_config, make_engine, upgrade_schema
from bot.stats.models import STATS_TABLES

NAMES = {t.name for t in STATS_TABLES}


def test_the_statistics_migration_matches_the_models(engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)

    def table_of(diff) -> str | None:
        """The table an autogenerate difference is about."""
        for part in diff if isinstance(diff, list) else [diff]:
            for item in part[1:]:
                if isinstance(item, str):
                    return item
                if getattr(item, "table", None) is not None:
                    return item.table.name
                if getattr(item, "name", None):
                    return item.name
        return None

    assert [d for d in differences if table_of(d) in NAMES] == []
    assert set(inspect(engine).get_table_names()) >= NAMES


def test_the_statistics_migration_can_be_undone_and_redone(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade_schema(engine)
    command.downgrade(alembic_config(engine), "0001")
    assert not NAMES & set(inspect(engine).get_table_names())
    upgrade_schema(engine)
    assert set(inspect(engine).get_table_names()) >= NAMES
    indexes = {i["name"] for i in inspect(engine).get_indexes("demand_event")}
    assert {"ix_demand_event_day", "ix_demand_event_synthetic_day"} <= indexes
