"""Whatever people type, the search answers in bounded time without an exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.search.documents import CatalogueView
from bot.search.engine import MAX_QUERY_WORDS, NOT_UNDERSTOOD, Searcher
from tests.test_search_engine import TOWNS, service


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    services = [
        service("Pečovatelská služba Kojetín", "pecovatelska", TOWNS[1].code, field=True),
        service("Azylový dům pro muže", "azyl", TOWNS[0].code, groups=("osoby bez přístřeší",)),
    ]
    return Searcher(CatalogueView(services, TOWNS, {}))


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "?!…,,;",
        "🙏🙏😢",
        "\x00\x07\x1b[31m",
        "'; DROP TABLE service; --",
        "<script>alert(1)</script>",
        "pečovatelská \u200b služba \u00a0 Kojetín",
        "Пошук pečovatelská служба Kojetín",
    ],
)
def test_odd_input_gives_an_empty_or_sensible_answer(searcher, query) -> None:
    result = searcher.search(query)
    assert result.hits == [] or result.hits[0].service.name
    if not any(ch.isalpha() for ch in query):
        assert result.reason == NOT_UNDERSTOOD


def test_a_very_long_message_is_read_only_from_its_beginning(searcher) -> None:
    query = "pečovatelská služba v Kojetíně " + "bla " * 2500
    result = searcher.search(query)
    assert result.understood.town == "Kojetín"
    assert len(result.understood.leftover) <= MAX_QUERY_WORDS


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_breaks_the_search(searcher, text) -> None:
    result = searcher.search(text, limit=3)
    assert len(result.hits) <= 3
    assert result.total >= len(result.hits)
    assert (result.reason is None) == bool(result.hits)
