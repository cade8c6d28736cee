"""Tables of the anonymous statistics: demand events, their terms, feedback events.

Nothing in them identifies a person: no user, chat or message identifier, no exact time
(dates at day granularity only), no coordinates and no free text beyond scrubbed terms.
`counted` says whether an event (or a term) is the first of its kind from its person that
day (bot.stats.people); the two tables that decide it, `stats_salt` and `stats_seen`, hold
only today's rows and nothing that points to an event.
The tables live on the catalogue's declarative Base, so one migration history and one
metadata describe the whole database.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, true
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
    counted: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    __table_args__ = (Index("ix_demand_event_synthetic_day", "synthetic", "day"),)


class DemandTerm(Base):
    """A normalised word of a search: understood by the search, or unmatched but scrubbed."""

    __tablename__ = "demand_term"

    event_id: Mapped[int] = mapped_column(EventId, ForeignKey("demand_event.id", ondelete="CASCADE"), primary_key=True)
    term: Mapped[str] = mapped_column(String(30), primary_key=True)
    understood: Mapped[bool] = mapped_column(Boolean, default=False)
    counted: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    __table_args__ = (Index("ix_demand_term_term", "term"),)


class FeedbackEvent(Base):
    """One press of "informace nejsou správně" on a service card."""

    __tablename__ = "feedback_event"

    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    service_id: Mapped[int] = mapped_column(Integer, index=True)
    reason: Mapped[str] = mapped_column(String(40))
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)


class StatsSalt(Base):
    """Today's random salt of the people counter; deleted when the day is over."""

    __tablename__ = "stats_salt"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    salt: Mapped[str] = mapped_column(String(64))


class StatsSeen(Base):
    """What was already counted today: salted digests of (person, kind of search); deleted
    when the day is over. No event refers to a row, and no row to an event."""

    __tablename__ = "stats_seen"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)


STATS_TABLES = (table_of(DemandEvent), table_of(DemandTerm), table_of(FeedbackEvent))
