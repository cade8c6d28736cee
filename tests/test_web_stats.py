"""Web searches in the anonymous demand statistics: channel "web", nothing of the request kept."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import Engine, func, select, text

from bot.catalog.bundled import load_bundled_data
from bot.compose import build_context
from bot.db import make_engine, session_factory, upgrade_schema
from bot.dialog.context import Context
from bot.stats.events import demand_from_search
from bot.stats.models import DemandEvent, DemandTerm
from bot.stats.recorder import StatsRecorder
from bot.web.app import make_app

KOJETIN = 514055
QUERY = "pečovatelská služba pro tátu Jaroslava Nováka, volejte 777 123 456"


@pytest.fixture(scope="module")
def stats_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Context, Engine, StatsRecorder]]:
    path: Path = tmp_path_factory.mktemp("webstats") / "web.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    sessions = session_factory(engine)
    load_bundled_data(sessions)
    recorder = StatsRecorder(sessions, max_delay=0.05)
    yield build_context(sessions), engine, recorder
    recorder.close()
    engine.dispose()


@pytest.fixture
async def client(stats_db) -> AsyncIterator[TestClient]:
    ctx, engine, recorder = stats_db
    with engine.begin() as conn:  # each test starts without events
        for table in ("demand_term", "demand_event", "stats_seen", "stats_salt"):
            conn.execute(text(f"DELETE FROM {table}"))
    async with TestClient(TestServer(make_app(ctx, recorder), host="127.0.0.1")) as http:
        yield http


def events(engine: Engine) -> list:
    with engine.connect() as conn:
        return list(conn.execute(select(DemandEvent.__table__).order_by(DemandEvent.id)))


def terms(engine: Engine) -> list[tuple[str, bool]]:
    with engine.connect() as conn:
        return [(r.term, r.understood) for r in conn.execute(select(DemandTerm.term, DemandTerm.understood))]


def every_stored_text(engine: Engine) -> str:
    """Every value of every statistics table, as one text."""
    with engine.connect() as conn:
        return " ".join(
            str(value)
            for table in ("demand_event", "demand_term", "stats_seen", "stats_salt", "feedback_event")
            for row in conn.execute(text(f"SELECT * FROM {table}"))
            for value in row
        )


async def search(client: TestClient, recorder: StatsRecorder, query: str, **headers: str) -> None:
    response = await client.get("/hledat", params={"q": query, "obec": str(KOJETIN)}, headers=headers)
    assert response.status == 200
    assert "Set-Cookie" not in response.headers
    assert await recorder.aflush()


async def test_a_web_search_adds_one_demand_event_with_channel_web_and_no_raw_text(client, stats_db) -> None:
    ctx, engine, recorder = stats_db
    await search(client, recorder, QUERY)
    [event] = events(engine)
    assert event.channel == "web"
    assert event.language == "cs"
    assert event.need_key is not None and event.outcome in ("found", "weak")
    assert event.municipality_code == KOJETIN and event.place_kind == "town"
    # exactly what the conversation's record holds: the same function, the same scrubbing
    expected = demand_from_search(
        ctx.searcher.search(QUERY, town=KOJETIN, limit=20), channel="console", language="cs", query=QUERY
    )
    assert (event.need_kind, event.need_key, event.outcome, event.results) == (
        expected.need_kind,
        expected.need_key,
        expected.outcome,
        expected.results,
    )
    assert sorted(terms(engine)) == sorted(expected.terms)
    stored = every_stored_text(engine)
    # whole words only: the hex digests of stats_seen may contain any run of digits
    for raw in (QUERY, "Nováka", "Jaroslav", "777", "123 456"):
        assert not re.search(rf"\b{re.escape(raw)}\b", stored), raw


async def test_the_page_language_is_the_events_language(client, stats_db) -> None:
    _, engine, recorder = stats_db
    response = await client.get("/hledat", params={"q": "azylový dům", "lang": "uk"})
    assert response.status == 200
    assert await recorder.aflush()
    assert [(e.channel, e.language) for e in events(engine)] == [("web", "uk")]


async def test_the_web_is_one_person_a_day_whatever_the_address(client, stats_db) -> None:
    """No person is made up from the request: two addresses asking the same are counted once
    (an undercount, never an overcount), though both searches are stored."""
    _, engine, recorder = stats_db
    await search(client, recorder, "pečovatelská služba", **{"X-Forwarded-For": "203.0.113.7"})
    await search(client, recorder, "pečovatelská služba", **{"X-Forwarded-For": "198.51.100.9"})
    assert [e.counted for e in events(engine)] == [True, False]
    assert "203.0.113.7" not in every_stored_text(engine) and "198.51.100" not in every_stored_text(engine)


async def test_pages_without_a_search_record_nothing(client, stats_db) -> None:
    ctx, engine, recorder = stats_db
    service_id = ctx.services[0].id
    situation = ctx.situations[0].id
    for path in [
        "/",
        "/hledat",
        "/krizove-linky",
        f"/sluzba/{service_id}",
        f"/obec/{KOJETIN}",
        f"/potreba/{situation}",
    ]:
        response = await client.get(path)
        assert response.status == 200, path
    assert await recorder.aflush()
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(DemandEvent.__table__)).scalar_one() == 0


async def test_without_a_recorder_the_web_still_answers(stats_db) -> None:
    ctx, engine, _ = stats_db
    async with TestClient(TestServer(make_app(ctx), host="127.0.0.1")) as http:
        response = await http.get("/hledat", params={"q": "pečovatelská služba"})
        assert response.status == 200
