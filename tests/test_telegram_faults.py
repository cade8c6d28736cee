"""Faults on the way to Telegram: flood limits (429 with retry_after), 502s and dropped
connections. No update is lost, nothing crashes, every user still gets every answer."""

from __future__ import annotations

import asyncio
import time
from functools import partial

import pytest

from harness.fake_bot_api import User
from tests.test_telegram_fixtures import (  # noqa: F401 - fixtures
    RunningBot,
    bot,
    buttons_of,
    catalogue_template,
    db_url,
    exchange,
)

# PTB itself warns about the type of RetryAfter.retry_after when it builds the error
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

USERS = [User(5000 + i, f"Uživatel {i}", ("cs", "uk", "en", "cs")[i % 4]) for i in range(6)]
GREETINGS: dict[str | None, str] = {"cs": "Dobrý den", "uk": "Добр", "en": "Hello"}


async def test_every_user_is_answered_through_429s_502s_and_dropped_connections(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    api.fail("getUpdates", "502")
    api.fail("getUpdates", "drop")
    api.fail("sendMessage", "429", retry_after=1)
    api.fail("sendMessage", "502", times=2)
    api.fail("sendMessage", "drop", times=2)
    api.fail("answerCallbackQuery", "drop")
    api.fail("editMessageText", "502")
    api.fail("editMessageText", "429", retry_after=1)
    started = time.monotonic()

    for user in USERS:
        api.say(user, "/start")
    for user in USERS:
        api.say(user, "pečovatelka Kojetín")
    for user in USERS:
        menu, results = await api.wait_messages(user.id, 2, timeout=20)
        assert menu["text"].startswith(GREETINGS[user.language_code])
        assert "1. <b>Pečovatelská služba Kojetín</b>" in results["text"]
    for user in (USERS[0], USERS[3]):  # Czech: "Změnit obec"
        await exchange(api, user, partial(api.press_button, user, "Změnit obec"), messages=0, edits=1)

    assert all(fault.times == 0 for fault in api.faults), [f for f in api.faults if f.times]
    await api.wait_for(lambda: api.pending == 0, timeout=5, what="every update confirmed")
    for user in USERS:
        texts = [c.params["text"] for c in api.calls_of("sendMessage") if c.params["chat_id"] == user.id]
        assert len(texts) == 2  # each answer delivered exactly once
    # the dropped answer to a press is retried: wait for it rather than race it
    await api.wait_for(lambda: len(api.calls_of("answerCallbackQuery")) >= 2, timeout=5, what="both presses answered")
    assert len(api.calls_of("answerCallbackQuery")) == 2
    assert "Ve které obci?" in api.sent(USERS[0].id)[1]["text"]  # the list became the question
    assert time.monotonic() - started < 20
    assert bot.app.running and bot.app.updater is not None and bot.app.updater.running


async def test_a_burst_from_many_chats_is_answered_in_order_within_each_chat(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    crowd = [User(6000 + i, f"U{i}", "cs") for i in range(20)]
    api.fail("sendMessage", "502", times=5)
    for user in crowd:
        api.say(user, "/start")
        api.say(user, "/krize")
        api.say(user, "/pomoc")
    await asyncio.wait_for(asyncio.gather(*(api.wait_messages(user.id, 3, timeout=20) for user in crowd)), timeout=25)
    for user in crowd:
        menu, crisis, help_text = api.texts(user.id)
        assert menu.startswith("Dobrý den")
        assert "112" in crisis
        assert "/privacy" in help_text or "/soukromi" in help_text or "hledat" in help_text.lower()


async def test_a_flood_limit_is_retried_by_one_layer_and_given_up_after_its_attempts(bot: RunningBot) -> None:  # noqa: F811
    from bot.telegram.delivery import ATTEMPTS

    api = bot.api
    stubborn = User(7001, "Vytrvalý", "cs")
    api.fail("sendMessage", "429", retry_after=0, times=ATTEMPTS, when=lambda p: p.get("chat_id") == stubborn.id)

    def greetings() -> int:
        return sum(
            1
            for c in api.attempts
            if c.method == "sendMessage"
            and c.params.get("chat_id") == stubborn.id
            and str(c.params.get("text", "")).startswith("Dobrý den")
        )

    api.say(stubborn, "/start")
    (apology,) = await api.wait_messages(stubborn.id, 1, timeout=30)
    assert greetings() == ATTEMPTS  # one retry layer: not the limiter's retries within each attempt
    assert "něco se u mě pokazilo" in apology["text"]  # and the person is told, not left waiting
