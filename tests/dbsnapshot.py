"""Whole-database snapshots, to prove that a failed import changed nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from bot.catalog.models import Base


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every catalogue table, in a stable order."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            result = conn.execute(select(table))
            rows[table.name] = sorted((tuple(r) for r in result), key=repr)
    return rows
