"""Benchmark of the Telegram adapter: many users talking to the real bot at once.

    python benchmarks/bench_telegram.py [--users 200] [--engine sqlite|postgresql|both]
                                        [--think 0.6] [--services 7000] [--keep DIR] [--profile FILE]

A national-size catalogue is built first: the municipalities of catalog_data/obce, the life
situations, and a generated register of `--services` services imported with --all, into a
fresh SQLite file or a throw-away PostgreSQL database next to TEST_POSTGRES_URL's (dropped
afterwards). The bot then runs in a process of its own, set up as `python -m bot` sets it up
(the same Application, handlers, HTTP client, conversation store, statistics recorder and
interpreter settings), long-polling the fake Bot API (harness/fake_bot_api.py),
which runs in this process on 127.0.0.1 with the simulated users. With two or more CPUs the
bot is pinned to one core and the fake server with its users to another.

The Application is built without AIORateLimiter: in production it holds the bot to
Telegram's flood limits (about 30 messages a second in all), which would measure Telegram's
limits rather than the bot.

Each user holds a full conversation of 8-10 updates (/start, a group button, a typed town,
a need button, the need in words when the button finds nothing, a result card, back to the
list, the next page, another card, a new typed search). A user's next update is queued only
after the bot answered the previous one; latency runs from the moment an update is queued
for getUpdates to the moment the fake server receives the bot's sendMessage or
editMessageText for that chat.

Two phases per engine:
- "paced": each user reads for a while (`--think` seconds on average, uniformly 0.5-1.5 times
  that) before the next update; users start spread over the first 1.5 think times. 200 users
  pausing 0.6 s offer about 330 updates/s. The bars apply here: at least 300 updates/s with
  p99 under 100 ms. (Without any pause, N users always waiting make the latency N / throughput:
  200 users within 100 ms would take 2,000 updates/s. That measures the queue, not the bot.)
- "flat out": no pause at all; the throughput is the bot's capacity, the latency its queue.
Throughput and latency percentiles are taken while every user is in the middle of a
conversation (the arrivals at the start and the last stragglers left out); "overall" is all
updates over the whole phase. The third bar is the bot process's peak RSS (VmHWM) under
200 MB with the catalogue loaded. Exits 1 when a bar is missed.

`--profile FILE` writes a cProfile of the bot's event loop (for pstats; the worker threads'
own time is not in it).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import os
import random
import resource
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from harness.fake_bot_api import APIError, FakeBotAPI, User  # noqa: E402

MIN_RATE = 300.0
MAX_P99_MS = 100.0
MAX_RSS_MB = 200.0
ANSWER_TIMEOUT_S = 15.0
PHASE_TIMEOUT_S = 180.0
START_TIMEOUT_S = 180.0
ANSWERS = ("sendMessage", "editMessageText")

# what a user of each group types when the need button finds nothing
NEED_WORDS = {
    "seniori": "pečovatelská služba",
    "zdravotni-postizeni": "osobní asistence",
    "rodiny-deti": "sociálně aktivizační služby pro rodiny s dětmi",
    "krize": "odborné sociální poradenství",
}
# a new search typed at the end of the conversation
NEW_SEARCHES = (
    "domov pro seniory {town}",
    "pečovatelka pro mámu v {town}",
    "dluhová poradna {town}",
    "odlehčovací služba {town}",
)


# --- memory ------------------------------------------------------------------------------


def status_mb(field_name: str) -> float:
    """A memory figure of this process from /proc/self/status (VmHWM, VmRSS), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin(cpu: int) -> str:
    """Pin this process to CPU `cpu` when the machine has at least two; says what was done."""
    if not hasattr(os, "sched_setaffinity") or (os.cpu_count() or 1) < 2:
        return "not pinned"
    core = cpu % (os.cpu_count() or 1)
    try:
        os.sched_setaffinity(0, {core})
    except OSError:  # a core this process may not use
        return "not pinned"
    return f"pinned to core {core}"


# --- the bot process ---------------------------------------------------------------------


def bot_child(url: str, api_base_url: str, token: str) -> None:
    """Run the bot against the fake server until "stop" arrives on stdin; report as JSON lines."""
    import logging
    from concurrent.futures import ThreadPoolExecutor

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    pinned = pin(0)

    from bot.config import load_settings
    from bot.db import make_engine, session_factory
    from bot.interpreter import keep_out_of_collections, tune_interpreter
    from bot.telegram import Runtime, build_application, running

    settings = load_settings(
        database_url=url,
        telegram_bot_token=token,
        telegram_api_base_url=api_base_url,
        telegram_mode="polling",
        webhook_url=None,
        webhook_secret=None,
        default_language="cs",
        conversation_ttl_hours=24.0,
        admin_user_ids=frozenset(),
        state_secret=secrets.token_hex(32),
    )
    engine = make_engine(url)
    tune_interpreter()  # as `bot.telegram.run` does, and the freeze below
    started = time.perf_counter()
    runtime = Runtime.create(settings, session_factory(engine))
    load_s = time.perf_counter() - started
    app = build_application(settings, runtime, rate_limit=False)
    keep_out_of_collections()

    def say(**values: Any) -> None:
        print(json.dumps(values), flush=True)

    async def serve() -> None:
        stdin = ThreadPoolExecutor(1)  # not the default executor: that one is the bot's
        loop = asyncio.get_running_loop()
        async with running(app, settings):
            say(ready=True, load_s=load_s, services=runtime.snapshot.services, rss_mb=status_mb("VmRSS"), pinned=pinned)
            while (await loop.run_in_executor(stdin, sys.stdin.readline)).strip() not in ("stop", ""):
                pass
        stdin.shutdown(wait=False)

    profile_path = os.environ.get("BENCH_TELEGRAM_PROFILE")
    try:
        if profile_path:  # the event loop's thread only; the worker threads' time shows as waiting
            import cProfile

            cProfile.runctx("asyncio.run(serve())", globals(), {"asyncio": asyncio, "serve": serve}, profile_path)
        else:
            asyncio.run(serve())
    finally:
        runtime.close()
        engine.dispose()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    say(peak_rss_mb=status_mb("VmHWM"), rss_mb=status_mb("VmRSS"), cpu_s=usage.ru_utime + usage.ru_stime)


class BotProcess:
    """The bot in a child process (this script with --bot-child)."""

    def __init__(self, workdir: Path) -> None:
        self.log = workdir / "bot.log"
        self.process: asyncio.subprocess.Process | None = None
        self.ready: dict[str, Any] = {}

    async def start(self, url: str, api: FakeBotAPI) -> dict[str, Any]:
        command = [sys.executable, str(Path(__file__).resolve()), "--bot-child", url, api.base_url, api.token]
        with self.log.open("w") as log:
            self.process = await asyncio.create_subprocess_exec(
                *command, cwd=ROOT, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=log
            )
        self.ready = await asyncio.wait_for(self._line(), START_TIMEOUT_S)
        return self.ready

    async def _line(self) -> dict[str, Any]:
        assert self.process is not None and self.process.stdout is not None
        line = await self.process.stdout.readline()
        if not line:
            await self.process.wait()
            raise RuntimeError(f"the bot process ended ({self.process.returncode}):\n{self.tail()}")
        return dict(json.loads(line))

    async def stop(self) -> dict[str, Any]:
        process = self.process
        if process is None or process.returncode is not None:
            return {}
        assert process.stdin is not None
        process.stdin.write(b"stop\n")
        await process.stdin.drain()
        try:
            figures = await asyncio.wait_for(self._line(), 60)
            await asyncio.wait_for(process.wait(), 30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
        return figures

    def tail(self) -> str:
        try:
            return self.log.read_text()[-3000:]
        except OSError:
            return ""


# --- the fake server with simulated users -------------------------------------------------


class BenchAPI(FakeBotAPI):
    """The fake Bot API that tells a waiting user when the bot answers in their chat."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, asyncio.Future[tuple[float, int | None, str | None]]] = {}

    async def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method not in ANSWERS:
            return await super()._answer(method, params)
        received = time.perf_counter()
        chat = int(params.get("chat_id") or 0)
        message_id = int(params["message_id"]) if params.get("message_id") else None
        try:
            result = await super()._answer(method, params)
        except APIError as error:
            self._answered(chat, received, message_id, error.description)
            raise
        self._answered(chat, received, int(result["message_id"]), None)
        return result

    def _answered(self, chat: int, received: float, message_id: int | None, error: str | None) -> None:
        waiter = self.waiting.pop(chat, None)
        if waiter is not None and not waiter.done():
            waiter.set_result((received, message_id, error))


@dataclass
class Phase:
    """What one phase measured."""

    name: str
    latencies: list[float] = field(default_factory=list)
    answered: list[float] = field(default_factory=list)  # when each answer came
    errors: list[str] = field(default_factory=list)
    timeouts: int = 0
    conversations: int = 0
    wall_s: float = 0.0
    driver_cpu_s: float = 0.0
    all_talking: float = 0.0  # every user has sent a first update
    first_done: float = 0.0  # a first user has had the last answer

    @property
    def updates(self) -> int:
        return len(self.latencies)

    @property
    def steady(self) -> bool:
        """True when every user was mid-conversation for at least a second."""
        return self.first_done - self.all_talking >= 1.0

    def _in_window(self) -> list[float]:
        if not self.steady:
            return self.latencies
        return [
            lat
            for at, lat in zip(self.answered, self.latencies, strict=True)
            if self.all_talking <= at <= self.first_done
        ]

    @property
    def rate(self) -> float:
        """Updates answered per second while every user was in the middle of a conversation
        (leaving out the start, when users are still arriving, and the end, when the last
        ones finish alone); over the whole phase when that window is too short."""
        if self.steady:
            return len(self._in_window()) / (self.first_done - self.all_talking)
        return self.overall_rate

    @property
    def overall_rate(self) -> float:
        return self.updates / self.wall_s if self.wall_s else 0.0

    def percentile_ms(self, q: float, *, everything: bool = False) -> float:
        """The latency below which a share `q` of the answers came, in ms: of the answers in
        the steady window, or of all of them."""
        latencies = self.latencies if everything else self._in_window()
        if not latencies:
            return float("nan")
        ordered = sorted(latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def buttons(message: dict[str, Any] | None, prefix: str) -> list[tuple[str, str]]:
    """(label, data) of the message's callback buttons whose data starts with `prefix`."""
    rows = ((message or {}).get("reply_markup") or {}).get("inline_keyboard", [])
    return [
        (b["text"], b["callback_data"]) for row in rows for b in row if b.get("callback_data", "").startswith(prefix)
    ]


class Person:
    """One simulated user holding one conversation."""

    def __init__(self, api: BenchAPI, phase: Phase, user: User, index: int, think: float, rng: random.Random):
        self.api = api
        self.phase = phase
        self.user = user
        self.index = index
        self.think = think
        self.rng = rng
        self.message: dict[str, Any] | None = None
        self.first_queued: float | None = None
        self.last_answered = 0.0

    async def turn(self, push: Callable[[], object]) -> bool:
        """Queue one update, wait for the bot's answer, then read it; False when none came."""
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[tuple[float, int | None, str | None]] = loop.create_future()
        self.api.waiting[self.user.id] = waiter
        queued = time.perf_counter()
        push()
        try:
            received, message_id, error = await asyncio.wait_for(waiter, ANSWER_TIMEOUT_S)
        except TimeoutError:
            self.api.waiting.pop(self.user.id, None)
            self.phase.timeouts += 1
            return False
        self.phase.latencies.append(received - queued)
        self.phase.answered.append(received)
        if self.first_queued is None:
            self.first_queued = queued
        self.last_answered = received
        if error:
            self.phase.errors.append(error)
        if message_id is not None:
            self.message = self.api.messages.get(self.user.id, {}).get(message_id, self.message)
        if self.think:
            await asyncio.sleep(self.think * self.rng.uniform(0.5, 1.5))
        return True

    async def say(self, text: str) -> bool:
        return await self.turn(lambda: self.api.say(self.user, text))

    async def press(self, data: str) -> bool:
        message_id = (self.message or {}).get("message_id", 0)
        return await self.turn(lambda: self.api.press(self.user, message_id, data))

    async def converse(self, delay: float) -> None:
        """/start, group, town, need (in words when the button finds nothing), a card, back,
        the next page, another card, a new search."""
        await asyncio.sleep(delay)
        i = self.index
        if not await self.say("/start"):
            return
        groups = buttons(self.message, "g:")
        group = groups[i % len(groups)][1] if groups else "g:seniori"
        if not await self.press(group):
            return
        towns = [label for label, data in buttons(self.message, "t:") if data != "t:*"] or ["Přerov"]
        town = towns[(i // 4) % len(towns)]
        if not await self.say(town):
            return
        needs = buttons(self.message, "n:")
        if needs and not await self.press(needs[(i // 24) % len(needs)][1]):
            return
        if not buttons(self.message, "s:") and not await self.say(NEED_WORDS.get(group[2:], "poradna")):
            return
        results = buttons(self.message, "s:")
        if results:
            if not await self.press(results[0][1]):
                return
            back = buttons(self.message, "b:")
            if back and not await self.press(back[0][1]):
                return
            pages = [data for label, data in buttons(self.message, "p:") if "◀" not in label]
            if pages and not await self.press(pages[0]):
                return
            results = buttons(self.message, "s:")
            if results and not await self.press(results[-1][1]):
                return
        if await self.say(NEW_SEARCHES[i % len(NEW_SEARCHES)].format(town=town)):
            self.phase.conversations += 1


async def run_phase(api: BenchAPI, name: str, users: int, think: float, first_id: int, seed: int) -> Phase:
    """`users` people talking at once; the phase ends when every conversation has."""
    phase = Phase(name)
    rng = random.Random(seed)
    people = [
        Person(api, phase, User(first_id + i, f"Uživatel {i}", "cs"), i, think, random.Random(rng.random()))
        for i in range(users)
    ]
    started = time.perf_counter()
    cpu = time.process_time()
    tasks = [asyncio.create_task(p.converse(rng.uniform(0, 1.5 * think) if think else 0.0)) for p in people]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), PHASE_TIMEOUT_S)
    except TimeoutError:
        phase.errors.append(f"the phase did not end within {PHASE_TIMEOUT_S:.0f} s")
    phase.wall_s = time.perf_counter() - started
    phase.driver_cpu_s = time.process_time() - cpu
    phase.all_talking = max(p.first_queued or started for p in people)
    phase.first_done = min(p.last_answered for p in people)
    await api.wait_for(lambda: api.pending == 0, timeout=10, what="every update confirmed")
    return phase


# --- the catalogue -----------------------------------------------------------------------


class Database:
    """A fresh database for one engine: a SQLite file, or a PostgreSQL database dropped at the end."""

    def __init__(self, engine: str, workdir: Path) -> None:
        self.engine = engine
        self.workdir = workdir
        self.name = f"bench_telegram_{os.getpid()}"
        self.admin: Any = None
        self.url = ""

    def __enter__(self) -> str:
        if self.engine == "sqlite":
            path = self.workdir / "bench_telegram.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            self.url = f"sqlite:///{path}"
            return self.url
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        base = os.environ.get("TEST_POSTGRES_URL")
        if not base:
            sys.exit("--engine postgresql needs TEST_POSTGRES_URL (postgresql+psycopg://user@127.0.0.1:5432/db)")
        parsed = make_url(base)
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.host not in ("127.0.0.1", "localhost", "::1"):
            sys.exit("TEST_POSTGRES_URL must point at this machine (127.0.0.1)")
        self.admin = create_engine(parsed, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}"'))
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = parsed.set(database=self.name).render_as_string(hide_password=False)
        return self.url

    def __exit__(self, *exc: object) -> None:
        if self.admin is None:
            return
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


def load_catalogue(url: str, register: Path) -> dict[str, Any]:
    """Municipalities, life situations and the register (--all) into the empty database."""
    from bot.catalog.bundled import MUNICIPALITY_TABLES, SITUATIONS
    from bot.catalog.municipalities import import_municipalities
    from bot.catalog.rpss import import_rpss
    from bot.catalog.situations import import_situations
    from bot.db import make_engine, session_factory, upgrade_schema

    started = time.perf_counter()
    engine = make_engine(url)
    try:
        upgrade_schema(engine)
        sessions = session_factory(engine)
        municipalities = sum(
            import_municipalities(sessions, t).added for t in sorted(MUNICIPALITY_TABLES.glob("*.csv"))
        )
        import_situations(sessions, SITUATIONS)
        summary = import_rpss(sessions, register, keep_all=True)
    finally:
        engine.dispose()
    return {"municipalities": municipalities, "services": summary.added, "import_s": time.perf_counter() - started}


# --- one engine --------------------------------------------------------------------------


async def bench_engine(engine: str, register: Path, workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    with Database(engine, workdir) as url:
        loaded = await asyncio.to_thread(load_catalogue, url, register)
        print(
            f"[{engine}] catalogue: {loaded['services']} services, {loaded['municipalities']} municipalities "
            f"(imported in {loaded['import_s']:.1f} s)",
            flush=True,
        )
        bot = BotProcess(workdir)
        async with BenchAPI() as api:
            try:
                ready = await bot.start(url, api)
                print(
                    f"[{engine}] bot ready: catalogue loaded in {ready['load_s']:.1f} s, "
                    f"RSS {ready['rss_mb']:.0f} MB, {ready['pinned']}",
                    flush=True,
                )
                phases = []
                plan = [("paced", args.think), ("flat out", 0.0)] if args.think else [("flat out", 0.0)]
                for number, (name, think) in enumerate(plan):
                    phase = await run_phase(api, name, args.users, think, 100_000 * (number + 1), args.seed + number)
                    requests = collections.Counter(call.method for call in api.attempts)
                    api.attempts.clear()
                    api.calls.clear()
                    print(
                        f"[{engine}] {name}: {phase.updates} updates in {phase.wall_s:.1f} s, "
                        f"{phase.conversations}/{args.users} conversations to the end "
                        f"(fake server and users: {phase.driver_cpu_s:.1f} s CPU); requests of the bot: "
                        + ", ".join(f"{method} {count}" for method, count in requests.most_common()),
                        flush=True,
                    )
                    phases.append(phase)
            finally:
                figures = await bot.stop()
        if not figures:
            raise RuntimeError(f"the bot process gave no figures:\n{bot.tail()}")
    return {"engine": engine, "ready": ready, "phases": phases, **figures}


def report(results: list[dict[str, Any]], args: argparse.Namespace, driver_pin: str) -> bool:
    print()
    print(
        f"Telegram adapter: {args.users} users at once, each a full conversation; real Application "
        f"(long polling) against the fake Bot API on 127.0.0.1."
    )
    print("Built WITHOUT AIORateLimiter (in production it holds the bot to Telegram's ~30 messages/s).")
    print(
        f"Paced: {args.think:g} s average pause before a user's next update; flat out: none. "
        f"Fake server and users: {driver_pin}."
    )
    print(
        "Latency: update queued for getUpdates -> the bot's answer received. updates/s, p50 and p99: while "
        "every user was mid-conversation; overall, p99 all, max: the whole phase."
    )
    print()
    header = (
        f"{'engine':11} {'phase':9} {'updates':>7} {'wall s':>7} {'updates/s':>9} {'overall':>7} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'p99 all':>7} {'max ms':>7} {'errors':>6} {'timeouts':>8}"
    )
    print(header)
    print("-" * len(header))
    ok = True
    for result in results:
        for phase in result["phases"]:
            print(
                f"{result['engine']:11} {phase.name:9} {phase.updates:>7} {phase.wall_s:>7.1f} {phase.rate:>9.0f} "
                f"{phase.overall_rate:>7.0f} "
                f"{phase.percentile_ms(0.50):>7.1f} {phase.percentile_ms(0.99):>7.1f} "
                f"{phase.percentile_ms(0.99, everything=True):>7.1f} {phase.percentile_ms(1.0, everything=True):>7.1f} "
                f"{len(phase.errors):>6} {phase.timeouts:>8}"
            )
            ok = ok and not phase.errors and not phase.timeouts and phase.conversations == args.users
    print()
    for result in results:
        updates = sum(p.updates for p in result["phases"])
        print(
            f"{result['engine']:11} bot process: peak RSS {result['peak_rss_mb']:.0f} MB (VmHWM), "
            f"RSS after loading {result['ready']['rss_mb']:.0f} MB, at the end {result['rss_mb']:.0f} MB; "
            f"CPU {result['cpu_s']:.1f} s ({1000 * result['cpu_s'] / max(updates, 1):.2f} ms per update "
            f"including start-up); {result['ready']['services']} services loaded in "
            f"{result['ready']['load_s']:.1f} s; {result['ready']['pinned']}"
        )
    print()
    for result in results:
        paced = next((p for p in result["phases"] if p.name == "paced"), None)
        checks = [(f"peak RSS < {MAX_RSS_MB:.0f} MB", result["peak_rss_mb"] < MAX_RSS_MB)]
        if paced is not None:
            checks[:0] = [
                (f"≥ {MIN_RATE:.0f} updates/s", paced.rate >= MIN_RATE),
                (f"p99 < {MAX_P99_MS:.0f} ms", paced.percentile_ms(0.99) < MAX_P99_MS),
            ]
        for name, passed in checks:
            print(f"{result['engine']:11} {name:22} {'ok' if passed else 'MISSED'}")
            ok = ok and passed
        for phase in result["phases"]:
            for error in sorted(set(phase.errors))[:5]:
                print(f"{result['engine']:11} {phase.name}: {error}")
    return ok


async def main_async(args: argparse.Namespace) -> int:
    from bot.catalog.generator import generate_register

    driver_pin = pin(1)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-telegram-"))
    workdir.mkdir(parents=True, exist_ok=True)
    register = workdir / f"register-{args.services}"
    if not (register / "rpss.json").is_file():
        started = time.perf_counter()
        await asyncio.to_thread(generate_register, register, args.services, seed=args.seed)
        print(f"register of {args.services} services generated in {time.perf_counter() - started:.1f} s", flush=True)
    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    try:
        results = [await bench_engine(engine, register, workdir, args) for engine in engines]
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0 if report(results, args, driver_pin) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description="Throughput and latency of the Telegram adapter.")
    parser.add_argument("--users", type=int, default=200, help="simulated users talking at once")
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="sqlite")
    parser.add_argument(
        "--think",
        type=float,
        default=0.6,
        help="average pause of a user before the next update in the paced phase (0: flat out only)",
    )
    parser.add_argument("--services", type=int, default=7000, help="services in the generated register")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="a folder where the register and the SQLite database stay")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the bot's event loop to this file")
    parser.add_argument("--bot-child", nargs=3, metavar=("URL", "API", "TOKEN"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.profile:
        os.environ["BENCH_TELEGRAM_PROFILE"] = str(args.profile.resolve())
    if args.bot_child:
        bot_child(*args.bot_child)
        return 0
    with contextlib.suppress(KeyboardInterrupt):
        return asyncio.run(main_async(args))
    return 130


if __name__ == "__main__":
    sys.exit(main())
