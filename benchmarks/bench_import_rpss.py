"""Benchmark of the register import: wall time and peak memory at N services and at 2 N.

    python benchmarks/bench_import_rpss.py [--services 7000] [--engine sqlite|postgresql] [--keep DIR]

Generates two synthetic registers (N and 2 N services, N = 7,000 makes over 100 MB), imports
each with --all into a fresh database in a child process pinned to one core (taskset, when
available), and prints file size, wall time and the child's peak RSS, then checks the bars:
under 60 s and 300 MB at N, and peak RSS growing by at most 20 % when the file doubles.
PostgreSQL runs use a throw-away database created next to TEST_POSTGRES_URL's.
Exits 1 when a bar is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TIME_LIMIT_S = 60.0
RSS_LIMIT_MB = 300.0
GROWTH_LIMIT = 0.20


def peak_rss_mb() -> float:
    """This process's peak resident set size (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(directory: str, url: str) -> None:
    """Import one register into the database at `url`; print the figures as JSON."""
    from bot.catalog.rpss import import_rpss
    from bot.db import make_engine, session_factory, upgrade_schema

    engine = make_engine(url)
    upgrade_schema(engine)
    start = time.perf_counter()
    summary = import_rpss(session_factory(engine), Path(directory), keep_all=True)
    seconds = time.perf_counter() - start
    engine.dispose()
    print(
        json.dumps(
            {
                "import_s": seconds,
                "peak_rss_mb": peak_rss_mb(),
                "read": summary.read,
                "added": summary.added,
                "rejected": len(summary.rejected),
            }
        )
    )


class Databases:
    """Fresh databases, one per run: SQLite files or throw-away PostgreSQL databases."""

    def __init__(self, engine: str, workdir: Path) -> None:
        self.engine = engine
        self.workdir = workdir
        self.created: list[str] = []
        if engine == "postgresql":
            base = os.environ.get("TEST_POSTGRES_URL")
            if not base:
                sys.exit("Pro --engine postgresql nastavte TEST_POSTGRES_URL.")
            from sqlalchemy import create_engine
            from sqlalchemy.engine import make_url

            self.base = make_url(base)
            if self.base.drivername == "postgresql":
                self.base = self.base.set(drivername="postgresql+psycopg")
            self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT")

    def fresh(self, name: str) -> str:
        if self.engine == "sqlite":
            path = self.workdir / f"{name}.sqlite3"
            path.unlink(missing_ok=True)
            return f"sqlite:///{path}"
        from sqlalchemy import text

        database = f"bench_rpss_{os.getpid()}_{name}"
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}"'))
            conn.execute(text(f'CREATE DATABASE "{database}"'))
        self.created.append(database)
        return self.base.set(database=database).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if self.engine != "postgresql":
            return
        from sqlalchemy import text

        with self.admin.connect() as conn:
            for database in self.created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        self.admin.dispose()


def measure(directory: Path, url: str) -> dict[str, float]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(directory), url]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"Import selhal:\n{result.stderr[-3000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["wall_s"] = wall
    figures["file_mb"] = (directory / "rpss.json").stat().st_size / 1_000_000
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description="Měření importu registru RPSS.")
    parser.add_argument("--services", type=int, default=7000, help="počet služeb menšího registru")
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--keep", type=Path, help="adresář, kde registry a databáze zůstanou")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("DIR", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0

    from bot.catalog.generator import generate_register

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-rpss-"))
    workdir.mkdir(parents=True, exist_ok=True)
    databases = Databases(args.engine, workdir)
    rows = []
    try:
        for services in (args.services, 2 * args.services):
            directory = workdir / f"rpss-{services}"
            start = time.perf_counter()
            generate_register(directory, services, seed=args.seed)
            generated = time.perf_counter() - start
            figures = measure(directory, databases.fresh(str(services)))
            figures.update(services=services, generate_s=generated)
            rows.append(figures)
    finally:
        databases.drop_all()
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print(f"Databáze: {args.engine}; jedno jádro: {'ano (taskset -c 0)' if shutil.which('taskset') else 'ne'}")
    print(
        f"{'služeb':>7} {'soubor MB':>10} {'import s':>9} {'proces s':>9} "
        f"{'špička RSS MB':>14} {'přidáno':>8} {'odmítnuto':>10}"
    )
    for r in rows:
        print(
            f"{r['services']:>7} {r['file_mb']:>10.1f} {r['import_s']:>9.1f} {r['wall_s']:>9.1f} "
            f"{r['peak_rss_mb']:>14.1f} {r['added']:>8} {r['rejected']:>10}"
        )
    small, large = rows
    growth = large["peak_rss_mb"] / small["peak_rss_mb"] - 1
    print(f"Růst špičky RSS při dvojnásobném souboru: {growth * 100:+.1f} %")
    bars = [
        (f"čas při {small['services']} službách < {TIME_LIMIT_S:.0f} s", small["wall_s"] < TIME_LIMIT_S),
        (
            f"špička RSS při {small['services']} službách < {RSS_LIMIT_MB:.0f} MB",
            small["peak_rss_mb"] < RSS_LIMIT_MB,
        ),
        (f"růst RSS při dvojnásobku ≤ {GROWTH_LIMIT * 100:.0f} %", growth <= GROWTH_LIMIT),
        ("žádná odmítnutá položka", small["rejected"] == 0 and large["rejected"] == 0),
    ]
    for label, ok in bars:
        print(f"  {'splněno' if ok else 'NESPLNĚNO'}: {label}")
    return 0 if all(ok for _, ok in bars) else 1


if __name__ == "__main__":
    sys.exit(main())
