"""Judging search answers against the evaluation set in tests/search_eval/queries.jsonl."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot import PROJECT_ROOT
from bot.search.documents import ServiceDoc
from bot.search.engine import Searcher

EVAL_FILE = PROJECT_ROOT / "tests" / "search_eval" / "queries.jsonl"
DRUH_PREFIX = "DruhSocialniSluzby/"


@dataclass(frozen=True)
class EvalQuery:
    """One query of the evaluation set with its acceptable answers."""

    bucket: str
    query: str
    town: str | None
    group: str | None
    druhy: frozenset[str]
    kategorie: frozenset[str]
    situace: frozenset[str]
    place: str | None
    expect_empty: bool


def load_queries(path: Path = EVAL_FILE) -> list[EvalQuery]:
    """The evaluation set."""
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        accept = raw.get("accept") or {}
        queries.append(
            EvalQuery(
                bucket=raw["bucket"],
                query=raw["query"],
                town=raw.get("town"),
                group=raw.get("group"),
                druhy=frozenset(f"{DRUH_PREFIX}{d}" for d in accept.get("druhy", [])),
                kategorie=frozenset(accept.get("kategorie", [])),
                situace=frozenset(accept.get("situace", [])),
                place=raw.get("place"),
                expect_empty=raw.get("expect") == "empty",
            )
        )
    return queries


class Judge:
    """Decides whether a service is an acceptable answer, from the catalogue's own facts."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.codes = {t.name: t.code for t in searcher.towns.values()}
        self.index = {item.doc.id: i for i, item in enumerate(searcher.items)}

    def acceptable(self, q: EvalQuery, doc: ServiceDoc) -> bool:
        """True when `doc` answers `q`: the right need, for the group, serving the place."""
        wants_need = bool(q.druhy or q.kategorie or q.situace)
        if wants_need and not (doc.druh_id in q.druhy or doc.category in q.kategorie or doc.situations & q.situace):
            return False
        idx = self.index[doc.id]
        if q.group and q.group not in self.searcher.items[idx].families:
            return False
        if q.place:
            code = self.codes.get(q.place)
            if code is None:
                return False
            level = self.searcher.serving.get(code, {}).get(idx, 0)
            if not level and not doc.serves_everyone:
                return False
        return True


@dataclass
class Scores:
    """Accumulated figures of one bucket."""

    n: int = 0
    s1: int = 0
    s3: int = 0
    rr: float = 0.0
    should_be_empty: int = 0
    was_empty_rightly: int = 0
    should_have_results: int = 0
    false_empty: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, q: EvalQuery, results: Sequence[ServiceDoc], judge: Judge) -> None:
        self.n += 1
        if q.expect_empty:
            self.should_be_empty += 1
            ok = not results
            self.was_empty_rightly += ok
            self.s1 += ok
            self.s3 += ok
            self.rr += ok
            if not ok:
                self.failures.append(f"{q.query!r}: expected nothing, got {results[0].name!r}")
            return
        self.should_have_results += 1
        if not results:
            self.false_empty += 1
            self.failures.append(f"{q.query!r}: nothing found")
            return
        ranks = [i for i, doc in enumerate(results[:5], start=1) if judge.acceptable(q, doc)]
        if ranks:
            self.s1 += ranks[0] == 1
            self.s3 += ranks[0] <= 3
            self.rr += 1 / ranks[0]
        if not ranks or ranks[0] > 3:
            self.failures.append(f"{q.query!r}: top {[r.name for r in results[:3]]}")

    def row(self) -> dict[str, float]:
        n = max(self.n, 1)
        return {
            "n": self.n,
            "s@1": self.s1 / n,
            "s@3": self.s3 / n,
            "MRR": self.rr / n,
            "empty_ok": self.was_empty_rightly / self.should_be_empty if self.should_be_empty else float("nan"),
            "false_empty": self.false_empty / self.should_have_results if self.should_have_results else float("nan"),
        }


def evaluate(
    queries: Sequence[EvalQuery], run: Callable[[EvalQuery], Sequence[ServiceDoc]], judge: Judge
) -> dict[str, Scores]:
    """Scores per bucket and overall ("ALL") of one system."""
    buckets: dict[str, Scores] = defaultdict(Scores)
    for q in queries:
        results = run(q)
        buckets[q.bucket].add(q, results, judge)
        buckets["ALL"].add(q, results, judge)
    return dict(buckets)
