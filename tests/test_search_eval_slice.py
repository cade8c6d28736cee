"""A representative slice of the evaluation set, answered right by the search over the sample.

The whole set, with its figures per bucket and the FTS5 baseline, runs as
`python benchmarks/bench_search.py`.
"""

from __future__ import annotations

import pytest

from bot.catalog.bundled import load_bundled_data
from bot.catalog.readmodel import load_catalogue
from bot.db import make_engine, session_factory, upgrade_schema
from bot.search.engine import Searcher
from harness.search_eval import Judge, load_queries

QUERIES = load_queries()
SLICE = QUERIES[::4]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory) -> Searcher:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('eval') / 'db.sqlite3'}")
    upgrade_schema(engine)
    sessions = session_factory(engine)
    load_bundled_data(sessions)
    with sessions() as session:
        return Searcher(load_catalogue(session))


def test_the_slice_covers_every_bucket() -> None:
    assert {q.bucket for q in SLICE} == {q.bucket for q in QUERIES}


@pytest.mark.parametrize("query", SLICE, ids=[f"{q.bucket}:{q.query}" for q in SLICE])
def test_query_is_answered_within_the_first_three(searcher, query) -> None:
    group = None if query.bucket == "group_only" else query.group
    hits = [h.service for h in searcher.search(query.query, town=query.town, group=group, limit=3).hits]
    if query.expect_empty:
        assert hits == []
    else:
        judge = Judge(searcher)
        assert any(judge.acceptable(query, doc) for doc in hits), [d.name for d in hits]
