"""Recording never slows or breaks the answer, and writes what a search understood."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import logging
import time

import pytest
from sqlalchemy import create_engine, func, select

from bot.db import make_engine
from bot.search.places import PlaceRef
from bot.search.vocabulary import Need
from bot.stats.events import outcome_of
from bot.stats.models import DemandEvent, DemandTerm, FeedbackEvent
from bot.stats.recorder import (
    EventWriter,
    StatsRecorder,
    record_feedback,
    record_search,
)
from tests.test_stats_support import (
    PECOVATELSKA,
    TROUBKY,
    add_towns,
    record,
    search_result,
)

DAY = dt.date(2025, 4, 7)


def events(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(DemandEvent.__table__).order_by(DemandEvent.id)).all()


def count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_search_is_recorded_as_one_event_with_what_it_understood(engine, session) -> None:
    add_towns(session)
    result = search_result(
        town=TROUBKY,
        families=("seniori",),
        needs=(PECOVATELSKA, Need("situace", "dovoz-obedu")),
        labels=("pečovatelská služba", "Dovoz obědů"),
        terms=("pecovatelk",),
        leftover=("zahradka",),
        total=7,
    )
    assert record_search(
        engine, result, channel="inline", language="uk-UA", query="pečovatelka zahrádka Troubky", day=DAY
    )
    [event] = events(engine)
    assert (event.day, event.channel, event.language, event.family) == (DAY, "inline", "uk", "seniori")
    assert (event.place_kind, event.municipality_code, event.orp) == ("town", TROUBKY, "Přerov")
    assert (event.need_kind, event.need_key, event.need_label) == ("druh", PECOVATELSKA.key, "pečovatelská služba")
    assert (event.results, event.outcome, event.synthetic) == (7, "found", False)
    with engine.connect() as conn:
        terms = set(conn.execute(select(DemandTerm.term, DemandTerm.understood)).all())
    assert terms == {("pecovatelk", True), ("zahradka", False)}


def test_a_whole_orp_is_recorded_without_a_municipality(engine, session) -> None:
    result = search_result(place=PlaceRef("orp", "Hranice"), needs=(PECOVATELSKA,), labels=("pečovatelská služba",))
    assert record_search(engine, result, channel="telegram", language=None)
    [event] = events(engine)
    assert (event.place_kind, event.municipality_code, event.orp, event.language) == ("orp", None, "Hranice", "?")


@pytest.mark.parametrize(
    ("kwargs", "outcome"),
    [
        ({"needs": (PECOVATELSKA,)}, "found"),
        ({"needs": ()}, "weak"),
        ({"needs": (PECOVATELSKA,), "score": 0.4}, "weak"),
        ({"reason": "not_in_place"}, "not_in_place"),
        ({"reason": "not_understood"}, "not_understood"),
    ],
)
def test_the_outcome_tells_found_weak_and_why_nothing_was_found(kwargs, outcome) -> None:
    assert outcome_of(search_result(**kwargs)) == outcome


def test_a_failure_to_record_is_logged_and_swallowed(tmp_path, caplog) -> None:
    unmigrated = make_engine(f"sqlite:///{tmp_path / 'prazdna.sqlite3'}")

    def refuse():
        raise ConnectionError("databáze neběží")

    unreachable = create_engine("postgresql+psycopg://", creator=refuse)
    caplog.set_level(logging.ERROR, logger="bot.stats.recorder")
    for broken in (unmigrated, unreachable):
        assert record_search(broken, search_result(needs=(PECOVATELSKA,)), channel="telegram", language="cs") is False
        assert record_feedback(broken, 1, "phone") is False
    assert record_search(unmigrated, search_result(), channel="fax", language="cs") is False
    assert record_search(object(), search_result(), channel="telegram", language="cs") is False
    assert len([r for r in caplog.records if r.levelno == logging.ERROR]) == 6


def test_the_recorder_writes_in_batches_and_everything_is_written_on_close(engine, session, monkeypatch) -> None:
    writer_calls: list[int] = []
    recorder = StatsRecorder(engine, batch_size=50, max_delay=5.0)
    original = recorder.writer.write

    def counting(demand=(), feedback=()):
        writer_calls.append(len(demand) + len(feedback))
        return original(demand=demand, feedback=feedback)

    monkeypatch.setattr(recorder.writer, "write", counting)
    for _ in range(120):
        assert recorder.record_search(search_result(needs=(PECOVATELSKA,)), channel="telegram", language="cs", day=DAY)
    assert recorder.record_feedback(7, "hours", day=DAY)
    recorder.close()
    assert count(engine, DemandEvent.__table__) == 120
    assert count(engine, FeedbackEvent.__table__) == 1
    assert max(writer_calls) == 50 and sum(writer_calls) == 121
    assert recorder.record_search(search_result(), channel="telegram", language="cs") is False  # closed
    assert recorder.dropped == 1


def test_flush_waits_until_everything_queued_is_written(engine, session) -> None:
    with StatsRecorder(engine, max_delay=10.0) as recorder:
        for _ in range(3):
            recorder.record_search(search_result(needs=(PECOVATELSKA,)), channel="console", language="cs")
        assert recorder.flush(timeout=5)
        assert count(engine, DemandEvent.__table__) == 3


async def test_recording_never_blocks_the_event_loop(engine, session, monkeypatch) -> None:
    recorder = StatsRecorder(engine, batch_size=100, max_delay=0.05)
    original = recorder.writer.write

    def slow(demand=(), feedback=()):
        time.sleep(0.05)  # a slow database
        return original(demand=demand, feedback=feedback)

    monkeypatch.setattr(recorder.writer, "write", slow)
    gc.collect()
    gc.freeze()  # a collection of what earlier tests left behind is not the recorder's doing
    lags: list[float] = []
    stop = asyncio.Event()

    async def ticker() -> None:
        while not stop.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.001)
            lags.append(time.perf_counter() - before - 0.001)

    ticking = asyncio.create_task(ticker())
    calls: list[float] = []
    result = search_result(needs=(PECOVATELSKA,), leftover=("zahradka",))
    for i in range(1000):
        started = time.perf_counter()
        recorder.record_search(result, channel="telegram", language="cs", query="zahradka")
        calls.append(time.perf_counter() - started)
        if i % 50 == 0:
            await asyncio.sleep(0)
    await recorder.aflush()
    stop.set()
    await ticking
    await recorder.aclose()
    gc.unfreeze()
    # A write takes 50 ms and comes every 100 events: had recording or the loop waited for it, the
    # slowest 1 % of calls and at least ten ticks would take 50 ms. The margins leave room for a
    # busy machine (speed itself is measured by benchmarks/bench_stats.py, not here).
    calls.sort()
    assert calls[int(len(calls) * 0.99)] < 0.025, "recording an event waited for the database"
    lags.sort()
    assert lags[-3] < 0.05, "the event loop waited for the database"
    assert count(engine, DemandEvent.__table__) == 1000


def test_a_broken_database_costs_events_but_never_the_recorder(engine, session, caplog, monkeypatch) -> None:
    recorder = StatsRecorder(engine, batch_size=10, max_delay=0.01, max_queue=5)
    original = recorder.writer.write
    broken = True

    def flaky(demand=(), feedback=()):
        if broken:
            raise ConnectionError("databáze neběží")
        return original(demand=demand, feedback=feedback)

    monkeypatch.setattr(recorder.writer, "write", flaky)
    caplog.set_level(logging.ERROR, logger="bot.stats.recorder")
    for _ in range(50):
        recorder.record_search(search_result(needs=(PECOVATELSKA,)), channel="telegram", language="cs")
    assert recorder.flush(timeout=5)
    assert recorder.failed + recorder.dropped == 50
    broken = False
    recorder.record_search(search_result(needs=(PECOVATELSKA,)), channel="telegram", language="cs")
    recorder.close()
    assert count(engine, DemandEvent.__table__) == 1
    assert any("nepodařilo zapsat" in r.getMessage() for r in caplog.records)


def test_real_events_are_not_mixed_into_a_database_of_synthetic_ones(engine, session, caplog) -> None:
    EventWriter(engine).write(demand=[record(synthetic=True)])
    caplog.set_level(logging.WARNING, logger="bot.stats.recorder")
    writer = EventWriter(engine)
    assert writer.write(demand=[record()], feedback=[]) == 0
    assert count(engine, DemandEvent.__table__) == 1
    assert any("syntetická" in r.getMessage() for r in caplog.records)
