"""The retention policy: events older than a date, or all synthetic events, are deleted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, select

from bot.catalog.models import table_of
from bot.stats.models import DemandEvent, DemandTerm, FeedbackEvent

E = table_of(DemandEvent)
T = table_of(DemandTerm)
F = table_of(FeedbackEvent)


@dataclass(frozen=True)
class Purged:
    """How many events were (or would be) deleted."""

    demand: int
    feedback: int


def purge(engine: Engine, *, before: dt.date | None = None, synthetic: bool = False, dry_run: bool = False) -> Purged:
    """Delete the events of days before `before` and/or every synthetic event, in one transaction."""
    if before is None and not synthetic:
        raise ValueError("zadejte datum, nebo syntetická data")
    demand_filter = []
    feedback_filter = []
    if before is not None:
        demand_filter.append(E.c.day < before)
        feedback_filter.append(F.c.day < before)
    if synthetic:
        demand_filter.append(E.c.synthetic.is_(True))
        feedback_filter.append(F.c.synthetic.is_(True))
    with engine.begin() as conn:
        demand = conn.execute(select(func.count()).select_from(E).where(*demand_filter)).scalar_one()
        feedback = conn.execute(select(func.count()).select_from(F).where(*feedback_filter)).scalar_one()
        if not dry_run:
            conn.execute(delete(T).where(T.c.event_id.in_(select(E.c.id).where(*demand_filter))))
            conn.execute(delete(E).where(*demand_filter))
            conn.execute(delete(F).where(*feedback_filter))
    return Purged(int(demand), int(feedback))
