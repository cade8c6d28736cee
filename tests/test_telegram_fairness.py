"""One chat flooding the bot cannot keep others waiting: each chat has a cap on waiting updates."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.telegram.fairness import FairUpdateProcessor
from harness.fake_bot_api import User
from tests.test_telegram_fixtures import RunningBot, bot, catalogue_template, db_url, exchange  # noqa: F401

FLOODER = User(6001, "Flood", "cs")
NEIGHBOUR = User(6002, "Soused", "cs")


def message_update(update_id: int, chat_id: int) -> Update:
    data = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "X"},
            "text": "ahoj",
        },
    }
    return Update.de_json(data, None)


async def test_a_sender_over_the_cap_is_dropped_while_another_is_served() -> None:
    told: list[int] = []
    processor = FairUpdateProcessor(
        max_concurrent_updates=16, per_chat=3, on_drop=lambda update: told.append(update.update_id)
    )
    release = asyncio.Event()
    served: list[int] = []

    async def answer(update_id: int) -> None:
        await release.wait()
        served.append(update_id)

    flood = [asyncio.create_task(processor.process_update(message_update(i, FLOODER.id), answer(i))) for i in range(10)]
    await asyncio.sleep(0)
    neighbour = asyncio.create_task(processor.process_update(message_update(99, NEIGHBOUR.id), answer(99)))
    await asyncio.sleep(0.01)
    assert processor.dropped == 7
    assert told == [3]  # the first skipped update of the burst, once
    release.set()
    await asyncio.gather(*flood, neighbour)
    assert sorted(served) == [0, 1, 2, 99]


async def test_a_flood_from_one_chat_does_not_stop_the_bot_answering_another(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    for i in range(300):
        api.say(FLOODER, f"pečovatelská služba {i}")
    [answer] = await exchange(api, NEIGHBOUR, lambda: api.say(NEIGHBOUR, "/start"))
    assert answer["text"]
    processor = bot.app.update_processor
    assert isinstance(processor, FairUpdateProcessor)
    await api.wait_for(lambda: api.pending == 0, 10.0, "every update fetched")
    assert processor.dropped > 0
    assert len(api.sent(FLOODER.id)) < 300
    notices = [t for t in api.texts(FLOODER.id) if "některé jsem proto přeskočil" in t]
    assert 1 <= len(notices) < processor.dropped  # told, not once per skipped message
