"""Statistics at scale: recording latency and event-loop lag, export time and peak memory.

Fills a fresh database with synthetic demand (`stats simulate`), then measures:

- recording one event: building the record (scrubbing the words) and queueing it, p50/p99;
  and, for comparison, writing one event straight to the database;
- how long an asyncio event loop is held up while events are recorded through the queue;
- the full export (every table counted, protected and written as XLSX and CSV);
- the peak memory of the export, in a process of its own.

Run: python benchmarks/bench_stats.py [--events 1000000] [--engine sqlite|postgresql]
PostgreSQL uses TEST_POSTGRES_URL and a fresh schema of its own, dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, func, select, text  # noqa: E402

from bot.catalog.bundled import load_bundled_data  # noqa: E402
from bot.catalog.readmodel import load_catalogue  # noqa: E402
from bot.db import make_engine, session_factory, upgrade_schema  # noqa: E402
from bot.search.engine import Searcher, SearchResult  # noqa: E402
from bot.stats.events import demand_from_search  # noqa: E402
from bot.stats.export import build_export  # noqa: E402
from bot.stats.files import write_csv, write_xlsx  # noqa: E402
from bot.stats.models import DemandEvent, DemandTerm  # noqa: E402
from bot.stats.recorder import EventWriter, StatsRecorder  # noqa: E402
from bot.stats.simulate import simulate  # noqa: E402

START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
QUERIES = [
    "pečovatelka pro mámu v Kojetíně",
    "domov pro seniory Přerov",
    "dluhy exekuce Hranice",
    "azylový dům pro maminku s dětmi",
    "osobní asistence Lipník nad Bečvou",
    "potřebuji odvoz nábytku a pomoc se zahradou",
    "krizová linka",
    "raná péče Troubky",
]


def engine_for(kind: str, schema: str | None) -> Engine:
    if kind == "sqlite":
        return make_engine(os.environ["BENCH_SQLITE_URL"])
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        raise SystemExit("--engine postgresql needs TEST_POSTGRES_URL")
    return make_engine(url, connect_args={"options": f"-csearch_path={schema}"})


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def records(engine: Engine, n: int) -> Iterator[tuple[str, SearchResult]]:
    """`n` synthetic records made from real searches over the bundled catalogue."""
    with session_factory(engine)() as session:
        searcher = Searcher(load_catalogue(session))
    results = [(q, searcher.search(q)) for q in QUERIES]
    for i in range(n):
        query, result = results[i % len(results)]
        yield query, result


def measure_recording(engine: Engine, n: int) -> None:
    made = list(records(engine, n))
    # the caller's cost with the queue: scrub, build, enqueue
    recorder = StatsRecorder(engine, batch_size=500, max_delay=0.2)
    costs = []
    for query, result in made:
        started = time.perf_counter()
        record = replace(
            demand_from_search(result, channel="telegram", language="cs", query=query, day=END), synthetic=True
        )
        recorder.record(record)
        costs.append(time.perf_counter() - started)
    started = time.perf_counter()
    recorder.close(timeout=600)
    drained = time.perf_counter() - started
    print(
        f"record one event (queued)      p50 {ms(statistics.median(costs))}  p99 {ms(percentile(costs, 0.99))}  "
        f"max {ms(max(costs))}   ({n} events; writer drained the rest in {drained:.2f} s, "
        f"written {recorder.written}, failed {recorder.failed}, dropped {recorder.dropped})"
    )
    # for comparison: one transaction per event, in the caller's thread
    writer = EventWriter(engine)
    direct = []
    for query, result in made[: min(n, 2000)]:
        record = replace(
            demand_from_search(result, channel="telegram", language="cs", query=query, day=END), synthetic=True
        )
        started = time.perf_counter()
        writer.write(demand=[record])
        direct.append(time.perf_counter() - started)
    print(
        f"write one event directly       p50 {ms(statistics.median(direct))}  p99 {ms(percentile(direct, 0.99))}  "
        f"max {ms(max(direct))}   ({len(direct)} events, one transaction each; not what the bot does)"
    )


async def loop_lag(engine: Engine, n: int, *, through_queue: bool, pause: float) -> tuple[list[float], float]:
    made = list(records(engine, n))
    recorder = StatsRecorder(engine, batch_size=500, max_delay=0.05) if through_queue else None
    writer = EventWriter(engine)
    lags: list[float] = []
    stop = asyncio.Event()

    async def ticker() -> None:
        while not stop.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.001)
            lags.append(time.perf_counter() - before - 0.001)

    task = asyncio.create_task(ticker())
    started = time.perf_counter()
    for i, (query, result) in enumerate(made):
        record = replace(
            demand_from_search(result, channel="inline", language="cs", query=query, day=END), synthetic=True
        )
        if recorder:
            recorder.record(record)
        else:
            writer.write(demand=[record])
        if pause:
            await asyncio.sleep(pause)  # the bot answers other users meanwhile
        elif i % 20 == 19:
            await asyncio.sleep(0)
    elapsed = time.perf_counter() - started
    if recorder:
        await recorder.aclose(timeout=600)
    stop.set()
    await task
    return lags, elapsed


def measure_loop(engine: Engine, n: int) -> None:
    """Lag of a 1 ms ticker while events are recorded at ~500/s (a busy bot) and flat out.

    A full collection of Python's garbage collector stops every thread for tens of
    milliseconds once the heap is large, whoever triggers it; a long-running bot should call
    gc.freeze() once its data is loaded. The figures are taken that way, and once more for
    the flat-out case with the default collector.
    """
    gc.collect()
    gc.freeze()
    runs = [
        (0.002, "~500 events/s", True),
        (0.002, "~500 events/s", False),
        (0.0, "flat out", True),
        (0.0, "flat out", False),
    ]
    for pause, pace, through_queue in runs:
        count = min(n, 1000) if pause else n
        lags, elapsed = asyncio.run(loop_lag(engine, count, through_queue=through_queue, pause=pause))
        name = "queued recorder" if through_queue else "direct write (naive)"
        print(
            f"loop lag, {name:21} {pace:14} p50 {ms(statistics.median(lags))}  p99 {ms(percentile(lags, 0.99))}"
            f"  max {ms(max(lags))}   ({count} events in {elapsed:.2f} s)"
        )
    gc.unfreeze()
    lags, elapsed = asyncio.run(loop_lag(engine, n, through_queue=True, pause=0.0))
    print(
        f"loop lag, queued recorder     flat out, default GC  p50 {ms(statistics.median(lags))}  "
        f"p99 {ms(percentile(lags, 0.99))}  max {ms(max(lags))}   ({n} events in {elapsed:.2f} s)"
    )


def export_in_child(kind: str, schema: str | None, out: Path) -> None:
    """Time the export in a process of its own, so its peak memory is its own."""
    command = [sys.executable, __file__, "--engine", kind, "--export-only", str(out)]
    if schema:
        command += ["--schema", schema]
    subprocess.run(command, check=True, env=os.environ.copy())


def export_only(kind: str, schema: str | None, out: Path) -> None:
    engine = engine_for(kind, schema)
    started = time.perf_counter()
    export = build_export(engine, START, END, k=5, period="month")
    counted = time.perf_counter() - started
    started = time.perf_counter()
    write_xlsx(export, out)
    xlsx = time.perf_counter() - started
    started = time.perf_counter()
    write_csv(export, out / "csv")
    csv_time = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    hidden = sum(t.suppressed_total for t in export.tables)
    rows = sum(len(t.rows) for t in export.tables)
    print(
        f"export: count + protect {counted:.2f} s, XLSX {xlsx:.2f} s, CSV {csv_time:.2f} s, "
        f"total {counted + xlsx + csv_time:.2f} s; {len(export.tables)} tables, {rows} rows, {hidden} cells hidden"
    )
    print(f"export peak memory (RSS of its process): {peak_mb:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--record", type=int, default=20_000, help="events recorded for the latency figures")
    parser.add_argument("--schema", help=argparse.SUPPRESS)
    parser.add_argument("--export-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_only:
        export_only(args.engine, args.schema, args.export_only)
        return

    folder = Path(tempfile.mkdtemp(prefix="bench-stats-"))
    schema = None
    admin = None
    if args.engine == "sqlite":
        os.environ["BENCH_SQLITE_URL"] = f"sqlite:///{folder / 'stats.sqlite3'}"
    else:
        url = os.environ.get("TEST_POSTGRES_URL")
        if not url:
            raise SystemExit("--engine postgresql needs TEST_POSTGRES_URL")
        schema = f"bench_stats_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        admin = make_engine(url)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        engine = engine_for(args.engine, schema)
        upgrade_schema(engine)
        load_bundled_data(session_factory(engine))
        print(f"engine {args.engine}, {args.events} synthetic events over {START} – {END}")
        started = time.perf_counter()
        simulate(engine, args.events, start=START, end=END, seed=1)
        with engine.connect() as conn:
            events = conn.execute(select(func.count()).select_from(DemandEvent.__table__)).scalar_one()
            terms = conn.execute(select(func.count()).select_from(DemandTerm.__table__)).scalar_one()
        print(f"simulate: {time.perf_counter() - started:.1f} s ({events} events, {terms} terms)")
        export_in_child(args.engine, schema, folder / "export")
        measure_recording(engine, args.record)
        measure_loop(engine, min(args.record, 10_000))
        engine.dispose()
    finally:
        if admin is not None:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    print(f"files in {folder}")


if __name__ == "__main__":
    main()
