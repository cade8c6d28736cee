"""Held-out conversations, danger and everyday messages through the dialog, with the targets beside them.

Run: python benchmarks/bench_conversations.py [--set a|b|all] [--dir FOLDER] [--show-failures] [--json]

Also prints the short-query success@3 and the search p99 latency of benchmarks/bench_search.py.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_search import generated, pct  # noqa: E402
from bot.catalog.bundled import load_bundled_data  # noqa: E402
from bot.catalog.readmodel import load_catalogue  # noqa: E402
from bot.console.prompt import build_context  # noqa: E402
from bot.db import make_engine, session_factory, upgrade_schema  # noqa: E402
from bot.search.documents import CatalogueView, ServiceDoc  # noqa: E402
from bot.search.engine import Searcher  # noqa: E402
from harness.everyday import load_everyday, score_everyday  # noqa: E402
from harness.held_out import (  # noqa: E402
    HELD_OUT,
    Judge,
    compare_search,
    dialog_of,
    load_sets,
    score_conversations,
    score_danger,
    set_dirs,
)
from harness.search_eval import EvalQuery, evaluate, load_queries  # noqa: E402
from harness.search_eval import Judge as ShortJudge  # noqa: E402

# (key, label, target, higher is better)
TARGETS: list[tuple[str, str, float, bool]] = [
    ("danger_recall_adults", "danger recall, adults", 0.98, True),
    ("linka_bezpeci_first", "Linka bezpečí first, children", 0.95, True),
    ("false_alarms", "false alarms", 0.05, False),
    ("crisis_on_everyday", "crisis first, everyday messages", 0.05, False),
    ("crisis_on_requests", "crisis first, conversations", 0.05, False),
    ("crisis_on_ordinary", "crisis first, read as ordinary", 0.05, False),
    ("conversation_s3", "conversational success@3", 0.9, True),
    ("conversation_s3_answerable", "  ...where the catalogue can", 0.9, True),
    ("turned_away", "social need turned away (count)", 0, False),
    ("short_query_s3", "short-query success@3", 0.95, True),
    ("p99_ms", "search p99 latency ms", 10.0, False),
]


def fmt(value: float | int | None) -> str:
    """A figure for the tables."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_tallies(title: str, tallies: dict[str, dict[str, Any]]) -> None:
    print(f"\n{title}")
    print(f"  {'':18} {'n':>4} {'s@1':>6} {'s@3':>6} {'turned':>7} {'nothing':>8} {'ask_grp':>8} {'crisis':>7}")
    for key, r in tallies.items():
        print(
            f"  {key[:18]:18} {r['n']:>4} {r['s@1']:>6.3f} {r['s@3']:>6.3f} {r['turned_away']:>7} "
            f"{r['nothing']:>8} {r['asked_group']:>8} {r['crisis_first']:>7}"
        )


def print_ratios(title: str, ratios: dict[str, dict[str, Any]]) -> None:
    print(f"\n{title}")
    for key, r in ratios.items():
        print(f"  {key[:24]:24} {fmt(r['value']):>6}  ({r['hits']}/{r['n']})")


def short_queries(catalogue: CatalogueView, searcher: Searcher) -> float:
    """success@3 on tests/search_eval, computed as bench_search.quality does."""

    def ours(q: EvalQuery) -> list[ServiceDoc]:
        group = None if q.bucket == "group_only" else q.group  # there the group only judges
        return [h.service for h in searcher.search(q.query, town=q.town, group=group, limit=5).hits]

    return evaluate(load_queries(), ours, ShortJudge(searcher))["ALL"].row()["s@3"]


def p99_latency(catalogue: CatalogueView, size: int) -> float:
    """p99 ms of the search over a generated catalogue of `size`, as bench_search.latency does."""
    big = generated(catalogue, size)
    searcher = Searcher(big)
    queries = load_queries()
    for q in queries:  # warm-up
        searcher.search(q.query, town=q.town, group=q.group)
    times = []
    for _ in range(3):
        for q in queries:
            t = time.perf_counter()
            searcher.search(q.query, town=q.town, group=q.group)
            times.append(time.perf_counter() - t)
    return pct(times, 99)


def run(folders: list[Path], latency_size: int) -> dict[str, Any]:
    """Every figure, as one dictionary."""
    with tempfile.TemporaryDirectory() as work:
        engine = make_engine(f"sqlite:///{Path(work) / 'held-out.sqlite3'}")
        try:
            return _run(engine, folders, latency_size)
        finally:
            engine.dispose()


def _run(engine: Engine, folders: list[Path], latency_size: int) -> dict[str, Any]:
    """The figures over the bundled catalogue loaded into `engine`."""
    upgrade_schema(engine)
    sessions = session_factory(engine)
    load_bundled_data(sessions)
    ctx = build_context(sessions)
    judge = Judge.from_sessions(sessions, today=ctx.today)
    with sessions() as session:
        catalogue = load_catalogue(session)
    dialog = dialog_of(ctx)
    conversations, danger = load_sets(folders)
    out: dict[str, Any] = {
        "sets": [str(f) for f in folders],
        "catalogue_services": len(catalogue.services),
        "conversations": None,
        "danger": None,
        "search_vs_fts5": None,
        "everyday": None,
    }
    if conversations:
        out["conversations"] = score_conversations(conversations, dialog, judge).as_dict()
        out["search_vs_fts5"] = compare_search(
            conversations, ctx.searcher, catalogue.services, judge, catalogue.situations
        ).as_dict()
    if danger:
        out["danger"] = score_danger(danger, dialog).as_dict()
    everyday = load_everyday(folders)
    if everyday:
        out["everyday"] = score_everyday(everyday, dialog).as_dict()
    out["short_query_s3"] = short_queries(catalogue, Searcher(catalogue))
    out["p99_ms"] = p99_latency(catalogue, latency_size) if latency_size else None
    out["latency_size"] = latency_size
    out["targets"] = targets(out)
    return out


def targets(out: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with its value and whether it is met (None when not measured)."""
    conv, danger = out["conversations"], out["danger"]
    values: dict[str, float | int | None] = {
        "danger_recall_adults": danger["recall_adults"]["value"] if danger else None,
        "linka_bezpeci_first": danger["linka_bezpeci_first"]["value"] if danger else None,
        "false_alarms": danger["false_alarms"]["value"] if danger else None,
        "crisis_on_everyday": out["everyday"]["crisis_first"]["value"] if out["everyday"] else None,
        "crisis_on_requests": conv["all"]["crisis_first"] / max(conv["all"]["n"], 1) if conv else None,
        "crisis_on_ordinary": (
            conv["all"]["crisis_on_ordinary"] / conv["all"]["read_ordinary"]
            if conv and conv["all"]["read_ordinary"]
            else None
        ),
        "conversation_s3": conv["all"]["s@3"] if conv else None,
        "conversation_s3_answerable": conv["all"]["s@3_answerable"] if conv else None,
        "turned_away": conv["all"]["turned_away"] if conv else None,
        "short_query_s3": out["short_query_s3"],
        "p99_ms": out["p99_ms"],
    }
    rows = []
    for key, label, target, higher in TARGETS:
        value = values[key]
        met = None if value is None else (value >= target if higher else value <= target)
        rows.append({"key": key, "label": label, "value": value, "target": target, "higher": higher, "met": met})
    return rows


def show(out: dict[str, Any], show_failures: bool) -> None:
    """The figures as text."""
    print(f"Held-out sets: {', '.join(out['sets']) or 'none found'}; catalogue of {out['catalogue_services']} services")
    conv = out["conversations"]
    if conv is None:
        print("\nConversations: no conversations.jsonl in the set(s) — skipped")
    else:
        print_tallies("Conversations through the dialog", {"ALL": conv["all"]})
        whole = conv["all"]
        print(
            f"  the catalogue holds an acceptable service for {whole['answerable']} of {whole['n']}; "
            f"success@3 on those {whole['s@3_answerable']:.3f}"
        )
        print_tallies("  per persona", conv["persona"])
        print_tallies("  per language", conv["language"])
        labelled = conv["all"]
        if labelled["read_ordinary"] or labelled["read_danger"]:
            print(
                f"\n  as an independent reader judged them: crisis lines first on {labelled['crisis_on_ordinary']} "
                f"of {labelled['read_ordinary']} ordinary requests and on {labelled['crisis_on_danger']} "
                f"of {labelled['read_danger']} messages that show danger"
            )
        cmp = out["search_vs_fts5"]
        print("\nSearch level, same town filter (Searcher.search vs FTS5 over the services serving lives_in)")
        for name, r in (("Síť pomoci", cmp["ours"]), ("SQLite FTS5", cmp["fts5"])):
            print(f"  {name:12} n={r['n']:<4} s@1={r['s@1']:.3f} s@3={r['s@3']:.3f}")
        if show_failures and conv["failures"]:
            print("\nConversation failures:")
            for f in conv["failures"]:
                print(
                    f"  {f['id']} [{f['persona']}/{f['language']}] {f['end']} rank={f['rank']} "
                    f"{f['understood']} top3={f['top3']}"
                )
    danger = out["danger"]
    if danger is None:
        print("\nDanger: no danger.jsonl in the set(s) — skipped")
    else:
        print_ratios(
            "Danger messages (first reply)",
            {
                "recall, adults": danger["recall_adults"],
                "recall, children": danger["recall_children"],
                "false alarms": danger["false_alarms"],
                "Linka bezpečí first": danger["linka_bezpeci_first"],
                "acute: 155/112 first": danger["acute_emergency_first"],
                "acute: 155/112 (158 police) first": danger["acute_right_first"],
            },
        )
        print(f"  asked for the town before the lines: {danger['asked_town_first']}")
        print_ratios("  recall per category", danger["by_category"])
        print_ratios("  recall per language", danger["by_language"])
        if show_failures and danger["failures"]:
            print("\nDanger failures:")
            for f in danger["failures"]:
                print(
                    f"  {f['id']} [{f['writer']}/{f['category']}/{f['language']}"
                    f"{'/acute' if f['acute'] else ''}] {'; '.join(f['problems'])} numbers={f['numbers']}"
                )
    everyday = out["everyday"]
    if everyday is None:
        print("\nEveryday messages: no everyday.jsonl in the set(s) — skipped")
    else:
        print_ratios(
            "Everyday messages (first reply is the crisis lines)",
            {"all": everyday["crisis_first"], **everyday["by_writer"], **everyday["by_language"]},
        )
        searched = everyday["searched"]
        print(f"  taken for a request (a search began): {searched['value']:.3f} ({searched['hits']}/{searched['n']})")
        if show_failures and everyday["failures"]:
            print("\nEveryday messages answered with the crisis lines:")
            for f in everyday["failures"]:
                print(f"  {f['id']} [{f['writer']}/{f['language']}/{f['kind']}]")
    print(f"\nShort-query set (tests/search_eval): success@3 {out['short_query_s3']:.3f}")
    if out["p99_ms"] is not None:
        print(f"Search latency at {out['latency_size']} services: p99 {out['p99_ms']:.2f} ms")
    print(f"\n{'target':34} {'value':>8} {'bar':>8}  met")
    for t in out["targets"]:
        bar = f"{'≥' if t['higher'] else '≤'} {fmt(t['target'])}"
        met = {True: "yes", False: "NO", None: "not measured"}[t["met"]]
        print(f"  {t['label']:32} {fmt(t['value']):>8} {bar:>8}  {met}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="a", help="a, b, a,b,c or all (folders of tests/eval_held_out)")
    parser.add_argument(
        "--dir", type=Path, help="a folder with conversations.jsonl/danger.jsonl/everyday.jsonl instead of --set"
    )
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--json", action="store_true", help="print every figure as one JSON object")
    parser.add_argument("--latency-size", type=int, default=7000, help="services for the p99 figure; 0 skips it")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as bench_search
    if args.dir:
        folders = [args.dir] if args.dir.is_dir() else []
        missing = f"{args.dir} does not exist"
    else:
        folders = set_dirs(args.set)
        missing = f"set {args.set!r} not found in {HELD_OUT}"
    if not folders:
        print(f"Held-out: {missing}; the held-out parts are skipped.", file=sys.stderr)
    out = run(folders, args.latency_size)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        show(out, args.show_failures)


if __name__ == "__main__":
    main()
