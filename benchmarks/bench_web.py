"""Benchmark of the web catalogue: search pages under many concurrent clients.

    python benchmarks/bench_web.py [--services 7000] [--clients 50] [--think 1.0] [--seconds 30]

A national-size catalogue is built first, as in bench_telegram.py: the municipalities of
catalog_data/obce, the life situations and a generated register of `--services` services,
imported with --all into a fresh SQLite file. The web catalogue then runs in a process of its
own, started as `python -m bot web` starts it (`run_web`: the same app, search, templates and
statistics recorder), pinned to one core; the clients run in this process on another core
(with two or more CPUs) and ask for search pages over real HTTP on 127.0.0.1.

Each client asks for one search page after another: the queries of the evaluation set
(harness/search_eval.py), with the town as people type it, a tenth of them as the guided
path's group page of a municipality. Two phases:
- "paced": each client reads a page for `--think` seconds on average (uniformly 0.5-1.5 times
  that) before the next one: 50 clients reading for a second offer about 50 pages a second.
  The bar applies here: p99 of a search page under 50 ms.
- "flat out": no pause; the throughput is the server's capacity on one core, the latency its
  queue (N clients always waiting make the latency N / throughput).
Latency runs from sending the request to the last byte of the page. Exits 1 when the bar is
missed or a page fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_telegram import Database, load_catalogue, pin  # noqa: E402
from bot.families import FAMILIES  # noqa: E402

MAX_P99_MS = 50.0


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall_s: float = 0.0

    def percentile_ms(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.wall_s if self.wall_s else 0.0


def server_child(url: str, port: str) -> None:
    """Serve the web catalogue over the database at `url`, as `python -m bot web` does."""
    print(pin(0), file=sys.stderr, flush=True)
    os.environ["WEB_HOST"] = "127.0.0.1"
    os.environ["WEB_PORT"] = port
    from bot.config import load_settings
    from bot.db import make_engine, session_factory
    from bot.web import run_web

    sys.exit(run_web(session_factory(make_engine(url)), load_settings()))


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def requests_to_ask(towns: list[int], seed: int) -> list[tuple[str, dict[str, str]]]:
    """Search pages: the evaluation set's queries, and a tenth as a group page of a municipality."""
    from harness.search_eval import load_queries

    rng = random.Random(seed)
    asked: list[tuple[str, dict[str, str]]] = []
    for q in load_queries():
        text = f"{q.query} {q.town}" if q.town and q.town.lower() not in q.query.lower() else q.query
        asked.append(("/hledat", {"q": text}))
        if rng.random() < 0.1:
            asked.append(("/hledat", {"skupina": rng.choice(FAMILIES), "obec": str(rng.choice(towns))}))
    rng.shuffle(asked)
    return asked


async def run_phase(base: str, name: str, clients: int, think: float, seconds: float, asked: list) -> Phase:
    import aiohttp

    phase = Phase(name)
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(base, connector=connector) as http:

        async def client(index: int) -> None:
            rng = random.Random(index)
            if think:
                await asyncio.sleep(rng.uniform(0, 1.5 * think))  # arrivals spread over the first pause
            while time.perf_counter() < deadline:
                path, params = asked[rng.randrange(len(asked))]
                started = time.perf_counter()
                try:
                    async with http.get(path, params=params) as response:
                        body = await response.read()
                        if response.status != 200 or b"</html>" not in body:
                            phase.errors.append(f"{path} {params}: HTTP {response.status}")
                            continue
                except aiohttp.ClientError as error:
                    phase.errors.append(f"{path}: {error!r}")
                    continue
                phase.latencies.append(time.perf_counter() - started)
                if think:
                    await asyncio.sleep(think * rng.uniform(0.5, 1.5))

        started = time.perf_counter()
        await asyncio.gather(*(client(i) for i in range(clients)))
        phase.wall_s = time.perf_counter() - started
    return phase


async def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 300.0) -> None:
    import aiohttp

    deadline = time.perf_counter() + timeout
    async with aiohttp.ClientSession(base) as http:
        while time.perf_counter() < deadline:
            if process.poll() is not None:
                raise SystemExit(f"the web server stopped (exit {process.returncode})")
            try:
                async with http.get("/krizove-linky") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit("the web server did not start in time")


def town_codes(url: str) -> list[int]:
    from sqlalchemy import select

    from bot.catalog.models import Place
    from bot.db import make_engine, session_factory

    engine = make_engine(url)
    with session_factory(engine)() as session:
        codes = sorted({c for c in session.scalars(select(Place.municipality_code)) if c})
    engine.dispose()
    return codes


async def bench(args: argparse.Namespace, workdir: Path) -> bool:
    from bot.catalog.generator import generate_register

    register = workdir / f"register-{args.services}"
    if not (register / "rpss.json").is_file():
        await asyncio.to_thread(generate_register, register, args.services, seed=args.seed)
    with Database("sqlite", workdir) as url:
        loaded = await asyncio.to_thread(load_catalogue, url, register)
        print(f"catalogue: {loaded['services']} services, {loaded['municipalities']} municipalities", flush=True)
        asked = requests_to_ask(town_codes(url), args.seed)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, __file__, "--serve", url, str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=workdir,
        )
        try:
            await wait_until_up(base, process)
            print(f"web server ready in {time.perf_counter() - started:.1f} s", flush=True)
            for path, params in asked[:100]:  # warm-up, not measured
                await run_phase(base, "warm-up", 1, 0.0, 0.0, [(path, params)])
            plan = [("paced", args.think), ("flat out", 0.0)] if args.think else [("flat out", 0.0)]
            phases = [await run_phase(base, n, args.clients, t, args.seconds, asked) for n, t in plan]
        finally:
            process.send_signal(signal.SIGINT)
            try:
                _, err = process.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                _, err = process.communicate()
        server_pin = (err or "").splitlines()[0] if err else "?"
    return report(phases, args, server_pin)


def report(phases: list[Phase], args: argparse.Namespace, server_pin: str) -> bool:
    print(
        f"\n{args.services} services, {args.clients} clients; server {server_pin}, clients {args.client_pin}; "
        f"evaluation-set queries as search pages"
    )
    columns = ("pages", "pages/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors")
    print(f"{'phase':10} " + " ".join(f"{c:>7}" for c in columns))
    for p in phases:
        print(
            f"{p.name:10} {len(p.latencies):>7} {p.rate:>7.1f} {p.percentile_ms(0.5):>7.1f} "
            f"{p.percentile_ms(0.95):>7.1f} {p.percentile_ms(0.99):>7.1f} "
            f"{max(p.latencies, default=0) * 1000:>7.1f} {len(p.errors):>7}"
        )
    for p in phases:
        for error in sorted(set(p.errors))[:5]:
            print(f"{p.name}: {error}")
    paced = next((p for p in phases if p.name == "paced"), None)
    ok = all(not p.errors for p in phases)
    if paced is not None and paced.latencies:
        passed = paced.percentile_ms(0.99) < MAX_P99_MS
        print(
            f"\nbar: paced p99 < {MAX_P99_MS:.0f} ms: {paced.percentile_ms(0.99):.1f} ms {'ok' if passed else 'MISSED'}"
        )
        print(f"mean page latency (paced): {statistics.fmean(paced.latencies) * 1000:.1f} ms")
        ok = ok and passed
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description="Latency of the web catalogue's search pages.")
    parser.add_argument("--services", type=int, default=7000, help="services in the generated register")
    parser.add_argument("--clients", type=int, default=50, help="clients asking at once")
    parser.add_argument("--think", type=float, default=1.0, help="average pause between pages (0: flat out only)")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each phase")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--serve", nargs=2, metavar=("URL", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        server_child(*args.serve)
        return 0
    args.client_pin = pin(1)
    workdir = Path(tempfile.mkdtemp(prefix="bench-web-"))
    try:
        return 0 if asyncio.run(bench(args, workdir)) else 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
