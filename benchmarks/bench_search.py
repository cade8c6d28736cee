"""Search quality on the evaluation set and latency on generated catalogues, beside SQLite FTS5.

Run: python benchmarks/bench_search.py [--sizes 7000 70000] [--show-failures]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.catalog.bundled import load_bundled_data  # noqa: E402
from bot.catalog.readmodel import load_catalogue  # noqa: E402
from bot.db import make_engine, session_factory, upgrade_schema  # noqa: E402
from bot.search.documents import CatalogueView, ServiceDoc  # noqa: E402
from bot.search.engine import Searcher  # noqa: E402
from harness.fts_baseline import FtsBaseline  # noqa: E402
from harness.search_eval import EvalQuery, Judge, evaluate, load_queries  # noqa: E402


def sample_catalogue() -> CatalogueView:
    """The bundled sample catalogue, loaded into a fresh SQLite database."""
    folder = Path(tempfile.mkdtemp())
    engine = make_engine(f"sqlite:///{folder / 'bench.sqlite3'}")
    upgrade_schema(engine)
    sessions = session_factory(engine)
    load_bundled_data(sessions)
    with sessions() as session:
        return load_catalogue(session)


def print_quality(name: str, scores: dict) -> None:
    print(f"\n{name}")
    print(f"{'bucket':22} {'n':>4} {'s@1':>6} {'s@3':>6} {'MRR':>6} {'empty_ok':>9} {'false_empty':>12}")
    for bucket in sorted(scores, key=lambda b: (b == "ALL", b)):
        r = scores[bucket].row()
        print(
            f"{bucket:22} {r['n']:>4} {r['s@1']:>6.3f} {r['s@3']:>6.3f} {r['MRR']:>6.3f} "
            f"{r['empty_ok']:>9.3f} {r['false_empty']:>12.3f}"
        )


def quality(catalogue: CatalogueView, show_failures: bool) -> None:
    searcher = Searcher(catalogue)
    fts = FtsBaseline(catalogue.services, catalogue.situations)
    judge = Judge(searcher)
    queries = load_queries()

    def ours(q: EvalQuery) -> list[ServiceDoc]:
        group = None if q.bucket == "group_only" else q.group  # there the group only judges
        return [h.service for h in searcher.search(q.query, town=q.town, group=group, limit=5).hits]

    def baseline(q: EvalQuery) -> list[ServiceDoc]:
        text = " ".join(x for x in (q.query, q.town or "") if x)
        return fts.search(text, 5)

    mine = evaluate(queries, ours, judge)
    base = evaluate(queries, baseline, judge)
    print(f"Evaluation set: {len(queries)} queries, catalogue of {len(catalogue.services)} services")
    print_quality("Síť pomoci search", mine)
    print_quality("Baseline: SQLite FTS5 (unicode61 remove_diacritics 2, OR + bm25)", base)
    ratio = mine["ALL"].row()["s@1"] / max(base["ALL"].row()["s@1"], 1e-9)
    print(f"\nsuccess@1 ratio to baseline: {ratio:.2f}x")
    if show_failures:
        print("\nFailures:")
        for bucket, s in sorted(mine.items()):
            if bucket != "ALL":
                for f in s.failures:
                    print(f"  [{bucket}] {f}")


def generated(catalogue: CatalogueView, size: int, seed: int = 7) -> CatalogueView:
    """A catalogue of `size` services varied from the sample, spread over every loaded town."""
    rng = random.Random(seed)
    towns = list(catalogue.towns)
    base = list(catalogue.services)
    docs: list[ServiceDoc] = []
    for i in range(size):
        proto = rng.choice(base)
        town = rng.choice(towns)
        docs.append(
            replace(
                proto,
                id=i + 1,
                registry_id=str(1_000_000 + i),
                name=f"{proto.name} {town.name}" if rng.random() < 0.7 else proto.name,
                place_codes=frozenset({town.code}),
                place_names=(town.name,),
                area_codes=frozenset(rng.sample([t.code for t in towns], k=min(len(towns), rng.randint(0, 12)))),
            )
        )
    return CatalogueView(docs, towns, catalogue.situations)


def latency(catalogue: CatalogueView, sizes: list[int]) -> None:
    queries = [q for q in load_queries()]
    print("\nLatency (one core, warm; per query over the evaluation set, 3 rounds)")
    print(f"{'services':>9} {'index build s':>14} {'p50 ms':>8} {'p99 ms':>8} {'FTS5 p50':>9} {'FTS5 p99':>9}")
    for size in sizes:
        big = generated(catalogue, size)
        started = time.perf_counter()
        searcher = Searcher(big)
        build = time.perf_counter() - started
        fts = FtsBaseline(big.services, big.situations)
        ours, theirs = [], []
        for q in queries:  # warm-up
            searcher.search(q.query, town=q.town, group=q.group)
        for _ in range(3):
            for q in queries:
                t = time.perf_counter()
                searcher.search(q.query, town=q.town, group=q.group)
                ours.append(time.perf_counter() - t)
                t = time.perf_counter()
                fts.search(q.query)
                theirs.append(time.perf_counter() - t)
        print(
            f"{size:>9} {build:>14.2f} {pct(ours, 50):>8.2f} {pct(ours, 99):>8.2f} "
            f"{pct(theirs, 50):>9.2f} {pct(theirs, 99):>9.2f}"
        )


def database_load(size: int) -> None:
    """Time from a database of `size` registered services to a ready search index."""
    from bot import CATALOG_DATA
    from bot.catalog.generator import generate_register
    from bot.catalog.municipalities import import_municipalities
    from bot.catalog.rpss import import_rpss

    folder = Path(tempfile.mkdtemp())
    generate_register(folder / "register", size, seed=3)
    engine = make_engine(f"sqlite:///{folder / 'db.sqlite3'}")
    upgrade_schema(engine)
    sessions = session_factory(engine)
    for table in sorted((CATALOG_DATA / "obce").glob("*.csv")):
        import_municipalities(sessions, table)
    import_rpss(sessions, folder / "register", keep_all=True)
    started = time.perf_counter()
    with sessions() as session:
        view = load_catalogue(session)
    loaded = time.perf_counter()
    Searcher(view)
    built = time.perf_counter()
    print(
        f"\nDatabase to search index, {len(view.services)} services (SQLite): "
        f"read {loaded - started:.2f} s + index {built - loaded:.2f} s = {built - started:.2f} s (bar: 2 s)"
    )


def pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[7000, 70000])
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--db-load", type=int, default=7000, help="services for the load-time figure; 0 skips it")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    catalogue = sample_catalogue()
    quality(catalogue, args.show_failures)
    if args.sizes:
        latency(catalogue, args.sizes)
    if args.db_load:
        database_load(args.db_load)


if __name__ == "__main__":
    main()
