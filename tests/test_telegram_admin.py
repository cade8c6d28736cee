"""Admin commands (/stats, /reload) only for ADMIN_USER_IDS; statistics without a person in them."""

from __future__ import annotations

import datetime as dt
import functools

from sqlalchemy import MetaData, create_engine, select, text

from bot.stats.events import DemandRecord, FeedbackRecord
from bot.stats.recorder import EventWriter
from bot.telegram.admin import demand_totals
from harness.fake_bot_api import User
from tests.test_telegram_fixtures import (  # noqa: F401 - fixtures
    ADMIN,
    RunningBot,
    bot,
    buttons_of,
    catalogue_template,
    db_url,
    exchange,
    start_bot,
)

VISITOR = User(987654321, "Květoslava", "cs")
UNKNOWN = "Tento příkaz neznám. Co umím, najdete v /help."


async def test_admin_commands_are_unknown_to_everyone_else(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    snapshot = bot.runtime.snapshot
    [stats] = await exchange(api, VISITOR, lambda: api.say(VISITOR, "/stats"))
    [reload] = await exchange(api, VISITOR, lambda: api.say(VISITOR, "/reload"))
    assert stats["text"] == reload["text"] == UNKNOWN
    assert bot.runtime.snapshot is snapshot


async def test_stats_counts_the_searches_of_today(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    await exchange(api, VISITOR, lambda: api.say(VISITOR, "pečovatelka pro mámu v Kojetíně"))
    await exchange(api, VISITOR, lambda: api.say(VISITOR, "autoservis"))
    assert bot.recorder.flush(5)
    [stats] = await exchange(api, ADMIN, lambda: api.say(ADMIN, "/stats"))
    assert stats["text"].startswith("<b>Statistiky</b>")
    assert "Hledání dnes: 1, za 7 dní: 1, za 30 dní: 1" in stats["text"]
    assert "Probíhající rozhovory: 1" in stats["text"]  # the visitor's; the admin's answer keeps none
    assert f"Služeb v katalogu: {bot.runtime.snapshot.services}" in stats["text"]


async def test_reload_rebuilds_the_search_and_the_cards_without_a_restart(bot: RunningBot, db_url: str) -> None:  # noqa: F811
    api = bot.api
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE service SET name = 'Pečovatelská služba Kojetín a okolí' "
                "WHERE name = 'Pečovatelská služba Kojetín'"
            )
        )
    engine.dispose()
    [before] = await exchange(api, VISITOR, lambda: api.say(VISITOR, "pečovatelka Kojetín"))
    assert "Kojetín a okolí" not in before["text"]

    [done] = await exchange(api, ADMIN, lambda: api.say(ADMIN, "/reload"))
    assert done["text"].startswith("Katalog je znovu načtený. Služeb v katalogu:")
    [after] = await exchange(api, VISITOR, lambda: api.say(VISITOR, "/start"))
    [after] = await exchange(api, VISITOR, lambda: api.say(VISITOR, "pečovatelka Kojetín"))
    assert "Pečovatelská služba Kojetín a okolí" in after["text"]


async def test_a_failed_reload_keeps_the_catalogue_in_use(bot: RunningBot, monkeypatch) -> None:  # noqa: F811
    api = bot.api
    snapshot = bot.runtime.snapshot

    def broken() -> None:
        raise RuntimeError("database unreachable")

    monkeypatch.setattr(bot.runtime, "load", broken)
    [answer] = await exchange(api, ADMIN, lambda: api.say(ADMIN, "/reload"))
    assert answer["text"].startswith("Katalog se nepodařilo načíst")
    assert bot.runtime.snapshot is snapshot


async def test_nothing_in_the_database_identifies_the_person(db_url: str) -> None:  # noqa: F811
    """After a conversation with a search, a report of wrong information and a location, no
    table holds the user's id, name, words or position."""
    async with start_bot(db_url) as running:
        api = running.api
        await exchange(api, VISITOR, lambda: api.say(VISITOR, "Jmenuji se Květoslava, pečovatelka pro mámu v Kojetíně"))
        [card] = await exchange(api, VISITOR, lambda: api.press_button(VISITOR, "1"))
        assert "Informace nejsou správně" in " ".join(buttons_of(card))
        await exchange(api, VISITOR, lambda: api.press_button(VISITOR, "Informace nejsou správně"))
        await exchange(api, VISITOR, lambda: api.press_button(VISITOR, "Telefon"))
        await exchange(api, VISITOR, lambda: api.share_location(VISITOR, 49.4551, 17.4509), messages=2)
        assert running.recorder.flush(5)
    engine = create_engine(db_url)
    metadata = MetaData()
    metadata.reflect(engine)
    values: list[str] = []
    with engine.connect() as conn:
        for name in ("demand_event", "demand_term", "feedback_event", "conversation"):
            values += [str(v) for row in conn.execute(select(metadata.tables[name])) for v in row]
        assert conn.scalar(text("SELECT count(*) FROM demand_event WHERE channel = 'telegram'")) >= 1
        assert conn.scalar(text("SELECT count(*) FROM feedback_event")) == 1
    engine.dispose()
    dump = " ".join(values)
    for secret in (str(VISITOR.id), "Květoslava", "Kvetoslava", "Jmenuji", "49.4551", "17.4509"):
        assert secret not in dump


def test_demand_totals_count_real_events_by_age_on_each_engine(engine, sessions) -> None:
    # `sessions` empties the tables before and after the test
    today = dt.date(2026, 11, 23)

    def event(days_ago: int, outcome: str = "found", synthetic: bool = False) -> DemandRecord:
        return DemandRecord(
            day=today - dt.timedelta(days=days_ago),
            channel="telegram",
            language="cs",
            outcome=outcome,
            synthetic=synthetic,
        )

    records = [
        event(0),
        event(0, "no_service"),
        event(3),
        event(20, "not_in_place"),
        event(40),
        event(0, synthetic=True),
    ]
    writer = EventWriter(engine)
    writer.write(
        demand=[r for r in records if not r.synthetic],
        feedback=[FeedbackRecord(day=today, service_id=1, reason="phone")],
    )
    writer.write(demand=[r for r in records if r.synthetic])
    assert demand_totals(engine, today) == {"today": 2, "week": 3, "month": 4, "unmet": 2, "feedback": 1}


async def test_a_chat_repeating_a_search_counts_as_one_person(db_url: str) -> None:  # noqa: F811
    """Three searches for the same need from one chat and one from another chat: four events,
    two people; neither chat's id is in the tables that decided it."""
    second = User(987654322, "Bohumil", "cs")
    async with start_bot(db_url) as running:
        api = running.api
        for words in ("pečovatelka pro mámu v Kojetíně", "pečovatelská služba Kojetín", "pečovatelka Přerov"):
            await exchange(api, VISITOR, functools.partial(api.say, VISITOR, words))
        await exchange(api, second, lambda: api.say(second, "pečovatelka pro mámu v Kojetíně"))
        assert running.recorder.flush(5)
    engine = create_engine(db_url)
    with engine.connect() as conn:
        events = conn.scalar(text("SELECT count(*) FROM demand_event"))
        counted = conn.scalar(text("SELECT count(*) FROM demand_event WHERE counted"))
        kept = " ".join(str(v) for row in conn.execute(text("SELECT * FROM stats_seen")) for v in row)
    engine.dispose()
    assert (events, counted) == (4, 2)
    for chat in (VISITOR, second):
        assert str(chat.id) not in kept
