"""Writing events: never slower than a queue put for the bot, never an error for the user.

Two ways to record:

- `record_search(target, result, ...)` / `record_feedback(target, ...)` write at once, in a
  short transaction of their own. For the command line and scripts.
- `StatsRecorder`: the bot's way. A call only builds the record and puts it on a queue (a few
  microseconds, so an asyncio event loop is never blocked); a background thread writes the
  queue in batches. `flush()` waits until everything queued is written, `close()` (or
  `await aclose()`) flushes and stops the thread on shutdown.

Either way a failure to record is logged and swallowed: the answer to the user never waits
for the statistics or fails because of them. Real events are never written into a database
that holds synthetic ones (`stats simulate`): they are dropped with a warning.
"""

from __future__ import annotations

import asyncio
import atexit
import datetime as dt
import logging
import queue
import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.orm import sessionmaker

from bot.catalog.models import Municipality, table_of
from bot.search.engine import SearchResult
from bot.stats.events import (
    DemandRecord,
    FeedbackRecord,
    demand_from_search,
    feedback_record,
)
from bot.stats.models import DemandEvent, DemandTerm, FeedbackEvent
from bot.stats.people import counted_flags, need_signature

log = logging.getLogger(__name__)

SYNTHETIC_CHECK_SECONDS = 60.0

_DEMAND = table_of(DemandEvent)
_TERMS = table_of(DemandTerm)
_FEEDBACK = table_of(FeedbackEvent)


def engine_of(target: object) -> Engine:
    """The engine behind an Engine, a sessionmaker bound to one, or a StatsRecorder."""
    if isinstance(target, Engine):
        return target
    if isinstance(target, StatsRecorder):
        return target.writer.engine
    if isinstance(target, sessionmaker):
        bind = target.kw.get("bind")
        if isinstance(bind, Engine):
            return bind
    raise TypeError(f"nelze zapisovat do {type(target).__name__}: očekává se Engine nebo sessionmaker")


class EventWriter:
    """Inserts records into one database; knows each municipality's ORP and whether the
    database holds synthetic events (both cached)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._orp: dict[int, str] = {}
        self._unknown: set[int] = set()
        self._synthetic: bool | None = None
        self._synthetic_checked = 0.0
        self._warned = False
        self._lock = threading.Lock()

    def _orp_of(self, conn: Connection, code: int) -> str | None:
        if code not in self._orp and code not in self._unknown:
            self._orp = {c: o for c, o in conn.execute(select(Municipality.code, Municipality.orp))}
            self._unknown = set()
            if code not in self._orp:
                self._unknown.add(code)  # read again only when another unknown code comes
        return self._orp.get(code)

    def _holds_synthetic(self, conn: Connection) -> bool:
        now = time.monotonic()
        if self._synthetic is None or now - self._synthetic_checked > SYNTHETIC_CHECK_SECONDS:
            found = conn.execute(select(_DEMAND.c.id).where(_DEMAND.c.synthetic.is_(True)).limit(1)).first()
            self._synthetic = found is not None
            self._synthetic_checked = now
        return self._synthetic

    def write(self, demand: Sequence[DemandRecord] = (), feedback: Sequence[FeedbackRecord] = ()) -> int:
        """Insert the records in one transaction; return how many were written.

        Real records are dropped (with one warning) when the database holds synthetic events.
        """
        if not demand and not feedback:
            return 0
        with self._lock, self.engine.begin() as conn:
            if self._holds_synthetic(conn):
                records: list[DemandRecord | FeedbackRecord] = [*demand, *feedback]
                real = [r for r in records if not r.synthetic]
                if real:
                    if not self._warned:
                        log.warning(
                            "Databáze obsahuje syntetická data (stats simulate); skutečné události "
                            "se do ní nezapisují. Smažte je příkazem stats purge --synthetic."
                        )
                        self._warned = True
                    demand = [r for r in demand if r.synthetic]
                    feedback = [r for r in feedback if r.synthetic]
            rows = []
            term_counted: list[list[bool]] = []
            for record in demand:
                if record.orp is None and record.municipality_code is not None:
                    record = replace(record, orp=self._orp_of(conn, record.municipality_code))
                counted, terms_counted = counted_flags(
                    conn,
                    record.day,
                    record.person,
                    need_signature(record.need_kind, record.need_key),
                    (term for term, _understood in record.terms),
                )
                rows.append(replace(record, counted=counted).row())
                term_counted.append(terms_counted)
            if len(rows) == 1:
                ids = [conn.execute(insert(_DEMAND).returning(_DEMAND.c.id), rows[0]).scalar_one()]
            elif rows:
                ids = list(
                    conn.execute(insert(_DEMAND).returning(_DEMAND.c.id, sort_by_parameter_order=True), rows).scalars()
                )
            else:
                ids = []
            terms = [
                {"event_id": event_id, "term": term, "understood": understood, "counted": counted}
                for event_id, record, flags in zip(ids, demand, term_counted, strict=True)
                for (term, understood), counted in zip(record.terms, flags, strict=True)
            ]
            if terms:
                conn.execute(insert(_TERMS), terms)
            if feedback:
                conn.execute(insert(_FEEDBACK), [r.row() for r in feedback])
        return len(rows) + len(feedback)


_writers: weakref.WeakKeyDictionary[Engine, EventWriter] = weakref.WeakKeyDictionary()
_writers_lock = threading.Lock()


def writer_for(engine: Engine) -> EventWriter:
    """The shared writer of an engine."""
    with _writers_lock:
        writer = _writers.get(engine)
        if writer is None:
            writer = _writers[engine] = EventWriter(engine)
        return writer


def record_search(
    target: object,
    result: SearchResult,
    *,
    channel: str,
    language: str | None,
    query: str | None = None,
    day: dt.date | None = None,
    person: str | None = None,
) -> bool:
    """Record one finished search at once; False (and a log entry) when it could not be.

    `person` is an opaque key of whoever searched, so that a person counts once a day
    (bot.stats.people); it is never stored.
    """
    if isinstance(target, StatsRecorder):
        return target.record_search(result, channel=channel, language=language, query=query, day=day, person=person)
    try:
        record = demand_from_search(result, channel=channel, language=language, query=query, day=day, person=person)
        return writer_for(engine_of(target)).write(demand=[record]) == 1
    except Exception:  # noqa: BLE001 - statistics must never break the answer
        log.exception("Událost hledání se nepodařilo zapsat do statistik")
        return False


def record_feedback(target: object, service_id: int, reason: str, *, day: dt.date | None = None) -> bool:
    """Record one "informace nejsou správně" press at once; False when it could not be."""
    if isinstance(target, StatsRecorder):
        return target.record_feedback(service_id, reason, day=day)
    try:
        record = feedback_record(service_id, reason, day=day)
        return writer_for(engine_of(target)).write(feedback=[record]) == 1
    except Exception:  # noqa: BLE001 - statistics must never break the answer
        log.exception("Zpětnou vazbu se nepodařilo zapsat do statistik")
        return False


class _Flush:
    def __init__(self) -> None:
        self.done = threading.Event()


class _Stop:
    """Tells the writer to write what it holds and end."""


_STOP = _Stop()
_Item = DemandRecord | FeedbackRecord | _Flush | _Stop


class StatsRecorder:
    """Records events from the bot without blocking it: a queue and a background writer.

    `batch_size` events are written in one transaction; an event waits at most `max_delay`
    seconds for its batch. When the queue holds `max_queue` events (the database is down
    for long), further events are dropped and counted rather than kept in memory.
    """

    def __init__(
        self,
        target: object,
        *,
        batch_size: int = 500,
        max_delay: float = 0.5,
        max_queue: int = 100_000,
    ) -> None:
        self.writer = writer_for(engine_of(target))
        self.batch_size = batch_size
        self.max_delay = max_delay
        self.written = 0
        self.failed = 0
        self.dropped = 0
        self._queue: queue.Queue[_Item] = queue.Queue(maxsize=max_queue)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="stats-recorder", daemon=True)
        self._thread.start()
        atexit.register(self.close)

    # --- the caller's side: cheap and never raising --------------------------------------

    def _put(self, item: DemandRecord | FeedbackRecord) -> bool:
        if self._closed:
            self.dropped += 1
            return False
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 10_000 == 0:
                log.warning("Fronta statistik je plná; zahozeno již %d událostí", self.dropped)
            return False
        return True

    def record_search(
        self,
        result: SearchResult,
        *,
        channel: str,
        language: str | None,
        query: str | None = None,
        day: dt.date | None = None,
        person: str | None = None,
    ) -> bool:
        """Queue one finished search (see `record_search`); False when it cannot be."""
        try:
            record = demand_from_search(result, channel=channel, language=language, query=query, day=day, person=person)
        except Exception:  # noqa: BLE001 - statistics must never break the answer
            self.failed += 1
            log.exception("Událost hledání se nepodařilo připravit pro statistiky")
            return False
        return self._put(record)

    def record_feedback(self, service_id: int, reason: str, *, day: dt.date | None = None) -> bool:
        """Queue one "informace nejsou správně" press."""
        try:
            record = feedback_record(service_id, reason, day=day)
        except Exception:  # noqa: BLE001
            self.failed += 1
            log.exception("Zpětnou vazbu se nepodařilo připravit pro statistiky")
            return False
        return self._put(record)

    def record(self, record: DemandRecord | FeedbackRecord) -> bool:
        """Queue a record made elsewhere."""
        return self._put(record)

    # --- the writer thread -----------------------------------------------------------------

    def _run(self) -> None:
        stop = False
        while not stop:
            item = self._queue.get()
            batch: list[DemandRecord | FeedbackRecord] = []
            flushes: list[_Flush] = []
            deadline = time.monotonic() + self.max_delay
            while True:
                if isinstance(item, _Stop):
                    stop = True
                    break
                if isinstance(item, _Flush):
                    flushes.append(item)
                    break
                batch.append(item)
                if len(batch) >= self.batch_size:
                    break
                try:
                    item = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
            self._write(batch)
            for flush in flushes:
                flush.done.set()

    def _write(self, batch: list[DemandRecord | FeedbackRecord]) -> None:
        if not batch:
            return
        demand = [r for r in batch if isinstance(r, DemandRecord)]
        feedback = [r for r in batch if isinstance(r, FeedbackRecord)]
        try:
            self.written += self.writer.write(demand=demand, feedback=feedback)
        except Exception:  # noqa: BLE001 - a lost batch must not stop the writer
            self.failed += len(batch)
            log.exception("Dávku %d událostí se nepodařilo zapsat do statistik", len(batch))

    # --- flushing and shutting down --------------------------------------------------------

    def flush(self, timeout: float | None = 10.0) -> bool:
        """Wait until everything queued so far is written (or failed); False on timeout."""
        if not self._thread.is_alive():
            return self._queue.empty()
        marker = _Flush()
        try:
            self._queue.put(marker, timeout=timeout)
        except queue.Full:
            return False
        return marker.done.wait(timeout)

    def close(self, timeout: float | None = 10.0) -> None:
        """Write what is queued and stop the writer; later events are dropped."""
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        try:
            self._queue.put(_STOP, timeout=timeout)
        except queue.Full:
            log.warning("Frontu statistik se při ukončení nepodařilo dopsat")
            return
        self._thread.join(timeout)

    async def aclose(self, timeout: float | None = 10.0) -> None:
        """`close()` without blocking the event loop."""
        await asyncio.get_running_loop().run_in_executor(None, self.close, timeout)

    async def aflush(self, timeout: float | None = 10.0) -> bool:
        """`flush()` without blocking the event loop."""
        return await asyncio.get_running_loop().run_in_executor(None, self.flush, timeout)

    def __enter__(self) -> StatsRecorder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
