"""A published count stands for people: one person repeating a search counts once a day."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import MetaData, select

from bot.search.vocabulary import Need
from bot.stats.aggregate import count_events, scope_for
from bot.stats.events import DemandRecord
from bot.stats.export import build_export
from bot.stats.recorder import EventWriter
from tests.test_stats_support import NASILI, PECOVATELSKA, add_towns, record

DAY = dt.date(2025, 3, 4)
RARE_WORD = ("zahradka", False)


def searched(
    person: str | None, day: dt.date = DAY, *, need: Need = PECOVATELSKA, terms: tuple[tuple[str, bool], ...] = ()
) -> DemandRecord:
    return dataclasses.replace(record(day, need=need, label=need.key, terms=terms), person=person)


def total(engine) -> int:
    with engine.connect() as conn:
        counts = count_events(conn, scope_for(dt.date(2025, 1, 1), dt.date(2025, 12, 31), (), None), ())
    return sum(counts.values())


def published_words(engine, k: int = 5) -> list[object]:
    export = build_export(engine, dt.date(2025, 1, 1), dt.date(2025, 3, 31), k=k, period="quarter")
    return [row[0] for row in export.table("slova").rows]


def test_a_person_repeating_a_search_counts_once_a_day(engine, session) -> None:
    add_towns(session)
    writer = EventWriter(engine)
    writer.write(demand=[searched("p1") for _ in range(6)])
    assert total(engine) == 1
    writer.write(demand=[searched("p2")])
    assert total(engine) == 2
    writer.write(demand=[searched("p1", DAY + dt.timedelta(days=1))])
    assert total(engine) == 3


def test_a_person_counts_again_for_another_need_the_same_day(engine, session) -> None:
    add_towns(session)
    writer = EventWriter(engine)
    writer.write(demand=[searched("p1"), searched("p1", need=NASILI)])
    assert total(engine) == 2


def test_a_word_one_person_repeats_is_never_published(engine, session) -> None:
    add_towns(session)
    writer = EventWriter(engine)
    writer.write(demand=[searched("p1", terms=(RARE_WORD,)) for _ in range(6)])
    assert "zahradka" not in published_words(engine)
    writer.write(demand=[searched(f"p{i}", terms=(RARE_WORD,)) for i in range(2, 6)])
    assert "zahradka" in published_words(engine)


def test_a_search_without_a_person_counts_every_time(engine, session) -> None:
    add_towns(session)
    EventWriter(engine).write(demand=[searched(None) for _ in range(3)])
    assert total(engine) == 3


def test_yesterdays_salt_and_digests_are_gone_after_the_first_write_of_a_day(engine, session) -> None:
    add_towns(session)
    writer = EventWriter(engine)
    writer.write(demand=[searched("p1", terms=(RARE_WORD,))])
    writer.write(demand=[searched("p1", DAY + dt.timedelta(days=1))])
    metadata = MetaData()
    metadata.reflect(engine, only=["stats_salt", "stats_seen"])
    with engine.connect() as conn:
        salt_days = set(conn.execute(select(metadata.tables["stats_salt"].c.day)).scalars())
        seen_days = set(conn.execute(select(metadata.tables["stats_seen"].c.day)).scalars())
    assert salt_days == seen_days == {DAY + dt.timedelta(days=1)}


def test_the_person_key_is_never_stored(engine, session) -> None:
    add_towns(session)
    key = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2"
    EventWriter(engine).write(demand=[searched(key, terms=(RARE_WORD,))])
    metadata = MetaData()
    metadata.reflect(engine, only=["demand_event", "demand_term", "stats_salt", "stats_seen"])
    with engine.connect() as conn:
        stored = " ".join(
            str(v) for table in metadata.tables.values() for row in conn.execute(select(table)) for v in row
        )
    assert key[:12] not in stored
    assert "stats_seen" not in {fk.column.table.name for t in metadata.tables.values() for fk in t.foreign_keys}
