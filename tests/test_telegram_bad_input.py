"""What users send that the bot cannot read, end to end against the fake Bot API: stickers,
documents and other media, edited messages, 10,000-character and emoji-only texts, commands
with arguments, group chats, updates delivered twice, many updates of one chat at once.

Each gets a sensible answer or silence: never an error reaching the user, never a
conversation state other than the one the same messages sent one by one would leave.
(Photos, voice messages, unknown commands and forged button data: test_telegram_dialog.py.)
"""

from __future__ import annotations

import asyncio
import logging
import time
from functools import partial
from typing import Any

import httpx
import pytest

from harness.fake_bot_api import BOT, FakeBotAPI, User
from tests.test_telegram_fixtures import (  # noqa: F401 - fixtures
    STEP_TIMEOUT,
    RunningBot,
    bot,
    buttons_of,
    catalogue_template,
    db_url,
    edits_in,
    exchange,
    free_port,
    start_bot,
)

JANA = User(8001, "Jana", "cs")
PETR = User(8002, "Petr", "cs")
OKSANA = User(8003, "Оксана", "uk")
MEDIA_NOTE = "Obrázky, hlasové zprávy ani soubory neumím přečíst."
APOLOGY = "Omlouvám se"
GROUP: dict[str, Any] = {"id": -1001234567890, "type": "supergroup", "title": "Rodina Novákových"}
OTHER_GROUP: dict[str, Any] = {"id": -4321, "type": "group", "title": "Sousedé"}
GROUP_NOTICE = "Dobrý den, jsem Síť pomoci. Ve skupinách nic nečtu ani neodpovídám"

STICKER = {
    "sticker": {
        "file_id": "s1",
        "file_unique_id": "us1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "🙂",
    }
}
DOCUMENT = {
    "document": {"file_id": "d1", "file_unique_id": "ud1", "file_name": "zadost.pdf", "mime_type": "application/pdf"}
}
MEDIA: dict[str, dict[str, Any]] = {
    "sticker": STICKER,
    "document": DOCUMENT,
    "video note": {"video_note": {"file_id": "n1", "file_unique_id": "un1", "length": 240, "duration": 5}},
    "audio": {"audio": {"file_id": "a1", "file_unique_id": "ua1", "duration": 60}},
    "animation": {
        "animation": {"file_id": "g1", "file_unique_id": "ug1", "width": 10, "height": 10, "duration": 2},
        "document": {"file_id": "g1", "file_unique_id": "ug1"},
    },
    "contact": {"contact": {"phone_number": "+420 777 000 111", "first_name": "Máma"}},
    "dice": {"dice": {"emoji": "🎲", "value": 4}},
}


@pytest.fixture(autouse=True)
def no_failure_reaches_anyone(caplog: pytest.LogCaptureFixture) -> Any:
    """Every test: nothing was logged as an error while answering."""
    caplog.set_level(logging.INFO, logger="bot.telegram")
    yield
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not failures, [r.getMessage() for r in failures]


def apologies(api: FakeBotAPI) -> list[str]:
    """The bot's apologies for a failure, in any chat."""
    return [c.params["text"] for c in api.calls_of("sendMessage") if c.params["text"].startswith(APOLOGY)]


def in_chat(api: FakeBotAPI, chat: dict[str, Any], user: User, **content: Any) -> dict[str, Any]:
    """A message from `user` in `chat` (a group), as an update payload."""
    payload = api.user_message(user, **content)
    payload["message"]["chat"] = chat
    return payload


def push_twice(api: FakeBotAPI, payload: dict[str, Any]) -> int:
    """Queue an update and the same update again (same update_id), as Telegram delivers an
    update it did not learn the bot received."""
    update_id = api.push(payload)
    api._updates.append({"update_id": update_id, **payload})
    return update_id


async def settled(api: FakeBotAPI, user: User) -> None:
    """Wait until the updates queued so far are handled: a /pomoc of `user` is answered after
    them (the updates of one chat are answered in order; the rest need no waiting)."""
    before = len(api.sent(user.id))
    api.say(user, "/pomoc")
    await api.wait_for(lambda: len(api.sent(user.id)) > before, STEP_TIMEOUT, f"the help for {user.id}")
    await api.wait_for(lambda: api.pending == 0, STEP_TIMEOUT, "every update confirmed")


async def test_stickers_documents_and_other_media_get_a_note_and_keep_the_question(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    await exchange(api, JANA, lambda: api.say(JANA, "/start"))
    await exchange(api, JANA, lambda: api.press_button(JANA, "Senioři"), messages=0, edits=1)
    for kind, content in MEDIA.items():
        [answer] = await exchange(api, JANA, partial(api.push, api.user_message(JANA, **content)))
        assert answer["text"].startswith(MEDIA_NOTE), kind
        assert "Ve které obci?" in answer["text"], kind  # the question we were at, again
        assert "Kojetín" in buttons_of(answer), kind
        state = bot.runtime.store.load(JANA.id)
        assert state is not None and state.step == "town" and state.group == "seniori", kind
    captioned = api.user_message(JANA, caption="Kojetín", **DOCUMENT)
    [answer] = await exchange(api, JANA, lambda: api.push(captioned))
    assert "Kojetíně" in answer["text"]
    state = bot.runtime.store.load(JANA.id)
    assert state is not None and state.place is not None and state.place.name == "Kojetín"
    assert not apologies(api)


async def test_edited_messages_are_not_asked_for_and_change_nothing(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    await exchange(api, JANA, lambda: api.say(JANA, "/start"))
    requested = api.calls_of("getUpdates")[-1].params["allowed_updates"]
    assert "edited_message" not in requested and "edited_channel_post" not in requested
    edited = api.user_message(JANA, text="pečovatelka Kojetín")["message"]
    edited["edit_date"] = int(time.time())
    api.push({"edited_message": edited})  # should Telegram send one anyway
    await settled(api, JANA)
    assert len(api.sent(JANA.id)) == 2  # the menu and the help: nothing for the edit
    state = bot.runtime.store.load(JANA.id)
    assert state is not None and state.place is None and state.query is None
    assert not apologies(api)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pečovatelka v Kojetíně " * 435, "Pečovatelská služba Kojetín"),
        ("a" * 10_000, "Tady vám neporadím"),
        (("<b>Kojetín</b> & <script>alert(1)</script> " * 250)[:10_000], ""),
        ("Kojetín\n" * 1250, ""),
    ],
    ids=["words", "one-word", "markup", "lines"],
)
async def test_a_text_of_ten_thousand_characters_gets_an_answer_telegram_accepts(
    bot: RunningBot,  # noqa: F811
    text: str,
    expected: str,
) -> None:
    api = bot.api
    assert len(text) >= 9_990
    [answer] = await exchange(api, JANA, lambda: api.say(JANA, text))
    assert expected in answer["text"]
    assert len(answer["text"]) <= 4096
    assert "<script>" not in answer["text"]
    assert not apologies(api)
    # the conversation goes on
    [menu] = await exchange(api, JANA, lambda: api.say(JANA, "/start"))
    assert menu["text"].startswith("Dobrý den")


async def test_emoji_only_texts_get_a_sensible_answer(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    for text in ("🙂", "❤️🙏", "👍" * 300, "🆘"):
        [answer] = await exchange(api, JANA, partial(api.say, JANA, text))
        assert answer["text"].strip() and buttons_of(answer), text
    await exchange(api, JANA, lambda: api.say(JANA, "/start"))
    await exchange(api, JANA, lambda: api.press_button(JANA, "Senioři"), messages=0, edits=1)
    [answer] = await exchange(api, JANA, lambda: api.say(JANA, "🏠🏠"))
    assert "Ve které obci?" in answer["text"]
    state = bot.runtime.store.load(JANA.id)
    assert state is not None and state.step == "town"
    assert not apologies(api)


async def test_commands_with_arguments_or_the_bots_name(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    answers = {}
    for command in (
        "/start inline",
        "/start@sit_pomoci_test_bot",
        "/START",
        "/krize teď hned prosím",
        "/jazyk klingonsky",
        "/pomoc " + "x" * 4000,
        "/o_botu@sit_pomoci_test_bot a b c",
    ):
        [answer] = await exchange(api, JANA, partial(api.say, JANA, command))
        answers[command.split()[0]] = answer
    for start in ("/start", "/start@sit_pomoci_test_bot", "/START"):
        assert answers[start]["text"].startswith("Dobrý den"), start
    assert "112" in answers["/krize"]["text"]
    assert "Choose a language" in answers["/jazyk"]["text"] and len(buttons_of(answers["/jazyk"])) >= 3
    assert "Jak se mnou hledat" in answers["/pomoc"]["text"]
    assert answers["/o_botu@sit_pomoci_test_bot"]["text"].strip()
    assert not apologies(api)


async def test_in_a_group_the_bot_says_once_that_it_talks_only_in_private(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    api.push(in_chat(api, GROUP, PETR, new_chat_members=[BOT]))
    [notice] = await api.wait_messages(GROUP["id"], 1, STEP_TIMEOUT)
    assert notice["text"].startswith(GROUP_NOTICE)
    assert "@sit_pomoci_test_bot" in notice["text"]

    # whatever is said in the group afterwards: silence
    api.push(in_chat(api, GROUP, PETR, text="/start@sit_pomoci_test_bot"))
    api.push(in_chat(api, GROUP, PETR, text="/start"))
    api.push(in_chat(api, GROUP, JANA, text="pečovatelka pro mámu v Kojetíně"))
    api.push(in_chat(api, GROUP, JANA, **STICKER))
    api.push(in_chat(api, GROUP, PETR, new_chat_members=[JANA.as_dict()]))
    api.push(in_chat(api, GROUP, PETR, text="@sit_pomoci_test_bot pomoc"))
    # a group created with the bot in it: said once, in the language of who created it
    api.push(in_chat(api, OTHER_GROUP, OKSANA, group_chat_created=True))
    # inline mode works from any chat
    api.inline_query(JANA, "pečovatelská Kojetín")
    await api.wait_calls("answerInlineQuery", 1, STEP_TIMEOUT)
    [other] = await api.wait_messages(OTHER_GROUP["id"], 1, STEP_TIMEOUT)
    assert other["text"].startswith("Добрий день, я Síť pomoci.")
    await settled(api, JANA)

    assert api.texts(GROUP["id"]) == [notice["text"]]
    assert api.texts(OTHER_GROUP["id"]) == [other["text"]]
    assert api.calls_of("answerInlineQuery")[0].params["results"]
    assert bot.runtime.store.load(GROUP["id"]) is None  # no conversation was started there
    assert not apologies(api)


async def test_an_update_delivered_twice_is_answered_once(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    push_twice(api, api.user_message(JANA, text="/start"))
    [menu] = await api.wait_messages(JANA.id, 1, STEP_TIMEOUT)
    await settled(api, JANA)
    assert len(api.sent(JANA.id)) == 2  # the menu once, then the help

    press = {
        "callback_query": {
            "id": "dup-1",
            "from": JANA.as_dict(),
            "chat_instance": "ci",
            "message": menu,
            "data": "g:seniori",
        }
    }
    push_twice(api, press)
    await api.wait_for(lambda: len(edits_in(api, JANA)) == 1, STEP_TIMEOUT, "the menu edited")
    # the press is answered alongside the work (and retried on a failure), so it may reach the
    # server after the edit: wait for it, then for everything queued, before counting
    await api.wait_for(lambda: bool(api.calls_of("answerCallbackQuery")), STEP_TIMEOUT, "the press answered")
    await settled(api, JANA)
    assert len(edits_in(api, JANA)) == 1
    assert len(api.calls_of("answerCallbackQuery")) == 1
    state = bot.runtime.store.load(JANA.id)
    assert state is not None and state.step == "town" and state.group == "seniori"
    assert not apologies(api)


async def test_a_webhook_update_posted_twice_is_answered_once(db_url: str) -> None:  # noqa: F811
    port = free_port()
    secret = "twice-Secret_token"
    settings = {
        "telegram_mode": "webhook",
        "webhook_url": "https://pomoc.example.cz/hook",
        "webhook_listen": "127.0.0.1",
        "webhook_port": port,
        "webhook_secret": secret,
    }
    async with FakeBotAPI() as api, start_bot(db_url, api, **settings):
        update = api.update_for(api.user_message(JANA, text="/start"))
        async with httpx.AsyncClient(timeout=5) as client:
            for _ in range(2):  # Telegram posts it again when the first answer was lost
                response = await client.post(
                    f"http://127.0.0.1:{port}/hook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
                )
                assert response.status_code == 200
            await api.wait_messages(JANA.id, 1, STEP_TIMEOUT)
            help_update = api.update_for(api.user_message(JANA, text="/pomoc"))
            response = await client.post(
                f"http://127.0.0.1:{port}/hook", json=help_update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
            )
            assert response.status_code == 200
        await api.wait_messages(JANA.id, 2, STEP_TIMEOUT)
        await asyncio.sleep(0.2)
        assert [t[:9] for t in api.texts(JANA.id)] == ["Dobrý den", "<b>Jak se"]
        assert not apologies(api)


BURST = [
    "/start",
    "pečovatelka",
    "Kojetín",
    "/krize",
    "dovoz obědů",
    "Zpět",
    "Přerov",
    "/pomoc",
    "domov pro seniory",
    "🙂",
    "Začít znovu",
    "pečovatelka Kojetín",
]


async def test_a_burst_from_one_chat_leaves_what_the_same_messages_one_by_one_leave(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    for text in BURST:  # Petr, one message after each answer
        await exchange(api, PETR, partial(api.say, PETR, text))
    for text in BURST:  # Jana, all at once
        api.say(JANA, text)
    await api.wait_messages(JANA.id, len(BURST), 3 * STEP_TIMEOUT)
    await settled(api, JANA)
    await settled(api, PETR)
    assert api.texts(JANA.id) == api.texts(PETR.id)
    jana, petr = bot.runtime.store.load(JANA.id), bot.runtime.store.load(PETR.id)
    assert jana is not None and jana == petr
    assert jana.step == "results" and jana.place is not None and jana.place.name == "Kojetín"
    assert not apologies(api)


async def test_presses_without_a_message_or_data_are_only_acknowledged(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    inline_message = {
        "id": "q-inline",
        "from": JANA.as_dict(),
        "chat_instance": "ci",
        "inline_message_id": "im1",
        "data": "new",
    }
    game = {
        "id": "q-game",
        "from": JANA.as_dict(),
        "chat_instance": "ci",
        "game_short_name": "hra",
        "message": {"message_id": 1, "date": int(time.time()), "chat": JANA.chat(), "from": BOT, "text": "…"},
    }
    api.push({"callback_query": inline_message})
    api.push({"callback_query": game})
    await api.wait_calls("answerCallbackQuery", 2, STEP_TIMEOUT)
    await settled(api, JANA)
    assert len(api.sent(JANA.id)) == 1  # only the help of `settled`
    assert bot.runtime.store.load(JANA.id) is not None  # the help's; the presses stored nothing
    assert not apologies(api)
