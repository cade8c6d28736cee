"""Tables of the anonymous statistics: demand events, their terms, feedback events.

Nothing in them identifies a person: no user, chat or message identifier, no exact time
(dates at day granularity only), no coordinates and no free text beyond scrubbed terms.
The tables live on the catalogue's declarative Base, so one migration history and one
metadata describe the whole database.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.catalog.models import Base, table_of

# SQLite only aliases the rowid (and so autoincrements) for a column typed exactly INTEGER.
EventId = BigInteger().with_variant(Integer(), "sqlite")


class DemandEvent(Base):
    """One completed search: what was asked for, where, for whom, and how it ended."""

    __tablename__ = "demand_event"

    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    family: Mapped[str | None] = mapped_column(String(40))
    place_kind: Mapped[str | None] = mapped_column(String(10))
    municipality_code: Mapped[int | None] = mapped_column(Integer)
    orp: Mapped[str | None] = mapped_column(String(120))
    need_kind: Mapped[str | None] = mapped_column(String(16))
    need_key: Mapped[str | None] = mapped_column(String(80))
    need_label: Mapped[str | None] = mapped_column(String(200))
    results: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(20))
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_demand_event_synthetic_day", "synthetic", "day"),)


class DemandTerm(Base):
    """A normalised word of a search: understood by the search, or unmatched but scrubbed."""

    __tablename__ = "demand_term"

    event_id: Mapped[int] = mapped_column(EventId, ForeignKey("demand_event.id", ondelete="CASCADE"), primary_key=True)
    term: Mapped[str] = mapped_column(String(30), primary_key=True)
    understood: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_demand_term_term", "term"),)


class FeedbackEvent(Base):
    """One press of "informace nejsou správně" on a service card."""

    __tablename__ = "feedback_event"

    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    service_id: Mapped[int] = mapped_column(Integer, index=True)
    reason: Mapped[str] = mapped_column(String(40))
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)


STATS_TABLES = (table_of(DemandEvent), table_of(DemandTerm), table_of(FeedbackEvent))
