"""The Telegram adapter end to end: the real Application over real HTTP against the fake Bot API.

Conversations in private chats: the guided path to a card with its venue and contact, free
text, a shared location, paging by editing, forged button data, languages, other media.
"""

from __future__ import annotations

from sqlalchemy import create_engine, text

from bot.storage import ConversationStore
from harness.fake_bot_api import User
from tests.test_telegram_fixtures import (  # noqa: F401 - fixtures
    RunningBot,
    bot,
    buttons_of,
    catalogue_template,
    db_url,
    edits_in,
    exchange,
    start_bot,
)

JANA = User(1001, "Jana", "cs")
OKSANA = User(1002, "Оксана", "uk")
HANS = User(1003, "Hans", "de")
KOJETIN_LAT, KOJETIN_LON = 49.3519, 17.3022


def place_service_on_the_map(url: str, name: str) -> None:
    """Give the places of one service coordinates (the bundled sample has none)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE place SET latitude = :lat, longitude = :lon "
                "WHERE service_id IN (SELECT id FROM service WHERE name = :name)"
            ),
            {"lat": KOJETIN_LAT, "lon": KOJETIN_LON, "name": name},
        )
    engine.dispose()


async def test_the_guided_path_ends_with_a_card_a_venue_and_a_contact(db_url: str) -> None:  # noqa: F811
    place_service_on_the_map(db_url, "Pečovatelská služba Kojetín")
    async with start_bot(db_url) as running:
        api = running.api
        [menu] = await exchange(api, JANA, lambda: api.say(JANA, "/start"))
        assert menu["text"].startswith("Dobrý den")
        assert "osobní údaje" in menu["text"]
        assert {"Senioři", "🆘 Krizové linky", "📍 Sdílet polohu"} <= set(buttons_of(menu))

        # group, town and need replace the menu message: no chat flooding
        await exchange(api, JANA, lambda: api.press_button(JANA, "Senioři"), messages=0, edits=1)
        await exchange(api, JANA, lambda: api.press_button(JANA, "Kojetín"), messages=0, edits=1)
        await exchange(api, JANA, lambda: api.press_button(JANA, "Dovoz obědů"), messages=0, edits=1)
        [results] = api.sent(JANA.id)
        assert results["message_id"] == menu["message_id"]
        assert "Hledám pomoc pro seniory v Kojetíně: <b>dovoz obědů</b>." in results["text"]
        assert "1. <b>Pečovatelská služba Kojetín</b>" in results["text"]

        [card] = await exchange(api, JANA, lambda: api.press_button(JANA, "1"))
        assert card["text"].startswith("<b>Pečovatelská služba Kojetín</b>")
        assert "📞 058 100 301" in card["text"]
        assert {"🗺 Mapa", "👤 Uložit kontakt", "↗ Poslat dál"} <= set(buttons_of(card))

        note, venue = await exchange(api, JANA, lambda: api.press_button(JANA, "Mapa"), messages=2)
        assert "na mapě" in note["text"]
        assert venue["venue"]["title"] == "Pečovatelská služba Kojetín"
        assert venue["venue"]["location"] == {"latitude": KOJETIN_LAT, "longitude": KOJETIN_LON}
        assert "Kojetín" in venue["venue"]["address"]

        note, contact = await exchange(api, JANA, lambda: api.press_button(JANA, "Uložit kontakt"), messages=2)
        assert contact["contact"]["first_name"] == "Pečovatelská služba Kojetín"
        assert contact["contact"]["phone_number"].replace(" ", "").endswith("58100301")

        presses = 6
        await api.wait_for(lambda: len(api.calls_of("answerCallbackQuery")) == presses, what="every press answered")
        assert all(c.params.get("parse_mode") == "HTML" for c in api.calls_of("sendMessage"))
        state = running.runtime.store.load(JANA.id)
        assert state is not None and state.step == "card"


async def test_free_text_fills_the_slots_and_says_what_it_understood(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    [answer] = await exchange(api, JANA, lambda: api.say(JANA, "pečovatelka pro mámu v Kojetíně"))
    assert answer["text"].startswith("Rozumím.")
    assert "Kojetín" in answer["text"]
    assert "Pečovatelská služba Kojetín" in answer["text"]


async def test_a_shared_location_is_used_once_and_its_keyboard_removed(db_url: str) -> None:  # noqa: F811
    place_service_on_the_map(db_url, "Pečovatelská služba Kojetín")  # towns get centres from places
    async with start_bot(db_url) as running:
        api = running.api
        await exchange(api, JANA, lambda: api.say(JANA, "/start"))
        [ask] = await exchange(api, JANA, lambda: api.press_button(JANA, "Sdílet polohu"))
        asked = api.calls_of("sendMessage")[-1].params["reply_markup"]
        assert asked["keyboard"][0][0]["request_location"] is True
        assert [b["text"] for b in asked["keyboard"][1]] == ["Zpět", "Začít znovu"]
        assert asked["one_time_keyboard"] is True
        assert "neukládám" in ask["text"]

        point = (KOJETIN_LAT + 0.001, KOJETIN_LON)
        thanks, answer = await exchange(api, JANA, lambda: api.share_location(JANA, *point), messages=2)
        assert thanks["text"] == "Děkuji. Hledám podle vaší polohy."
        removal = next(c for c in api.calls_of("sendMessage") if c.params["text"] == thanks["text"])
        assert removal.params["reply_markup"] == {"remove_keyboard": True}
        assert "Kojetín" in answer["text"]
        state = running.runtime.store.load(JANA.id)
        assert state is not None
        assert "49.35" not in state.dump()


async def test_paging_edits_the_list_instead_of_sending_a_new_one(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    [page_one] = await exchange(api, JANA, lambda: api.say(JANA, "domov Přerov"))
    assert "Další ▶" in buttons_of(page_one)
    assert "1. " in page_one["text"]

    await exchange(api, JANA, lambda: api.press_button(JANA, "Další"), messages=0, edits=1)
    [page_two] = api.sent(JANA.id)
    assert page_two["message_id"] == page_one["message_id"]
    assert "6. " in page_two["text"] and "1. " not in page_two["text"]
    assert "◀ Předchozí" in buttons_of(page_two)
    [edit] = edits_in(api, JANA)
    assert edit.params["message_id"] == page_one["message_id"]

    await exchange(api, JANA, lambda: api.press_button(JANA, "Předchozí"), messages=0, edits=1)
    assert "1. " in api.sent(JANA.id)[0]["text"]
    assert len(api.sent(JANA.id)) == 1


async def test_forged_or_stale_button_data_restarts_politely(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    [menu] = await exchange(api, JANA, lambda: api.say(JANA, "/start"))
    [answer] = await exchange(api, JANA, lambda: api.press(JANA, menu["message_id"], "s:999:1; DROP TABLE service"))
    assert answer["text"].startswith("Tento seznam už neplatí. Začněme znovu.")
    assert "Senioři" in buttons_of(answer)
    # a page of a list that is gone: the list's message itself now says so
    [list_message] = await exchange(api, JANA, lambda: api.say(JANA, "domov Přerov"))
    await exchange(api, JANA, lambda: api.press(JANA, list_message["message_id"], "p:77:1"), messages=0, edits=1)
    assert api.sent(JANA.id)[-1]["text"].startswith("Tento seznam už neplatí.")
    await api.wait_for(lambda: len(api.calls_of("answerCallbackQuery")) == 2, what="both presses answered")


async def test_the_language_comes_from_telegram_and_the_state_can_change_it(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    [menu] = await exchange(api, OKSANA, lambda: api.say(OKSANA, "/start"))
    assert menu["text"].startswith("Добр")
    [german] = await exchange(api, HANS, lambda: api.say(HANS, "/start"))
    assert german["text"].startswith("Dobrý den")  # not one of ours: DEFAULT_LANGUAGE
    [english] = await exchange(api, HANS, lambda: api.say(HANS, "/language en"))
    assert "English" in english["text"]
    [again] = await exchange(api, HANS, lambda: api.say(HANS, "/start"))
    assert again["text"].startswith("Hello")
    voice = {"file_id": "v1", "file_unique_id": "u1", "duration": 3}
    [note] = await exchange(api, HANS, lambda: api.push(api.user_message(HANS, voice=voice)))
    assert note["text"].startswith("I cannot read pictures, voice messages or files.")  # the adapter's own text too


async def test_pictures_get_a_plain_note_and_their_captions_are_read(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    photo = [{"file_id": "f1", "file_unique_id": "u1", "width": 10, "height": 10}]
    [answer] = await exchange(api, JANA, lambda: api.push(api.user_message(JANA, photo=photo)))
    assert answer["text"].startswith("Obrázky, hlasové zprávy ani soubory neumím přečíst.")
    assert "Senioři" in buttons_of(answer)
    captioned = api.user_message(JANA, photo=photo, caption="pečovatelka Kojetín")
    [found] = await exchange(api, JANA, lambda: api.push(captioned))
    assert "Pečovatelská služba Kojetín" in found["text"]


async def test_unknown_commands_get_the_dialogs_answer(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    [answer] = await exchange(api, JANA, lambda: api.say(JANA, "/neznamy"))
    assert answer["text"] == "Tento příkaz neznám. Co umím, najdete v /help."


async def test_the_command_menu_is_registered_in_each_language(bot: RunningBot) -> None:  # noqa: F811
    calls = bot.api.calls_of("setMyCommands")
    by_language = {c.params.get("language_code"): c.params["commands"] for c in calls}
    assert set(by_language) == {"cs", "uk", "en", None}
    assert [c["command"] for c in by_language["cs"]][:3] == ["start", "krize", "jazyk"]
    assert by_language["uk"][1] == {"command": "sos", "description": "Кризові лінії та номери екстреної допомоги"}
    assert by_language[None] == by_language["cs"]
    assert all(3 <= len(c["description"]) <= 256 for cs in by_language.values() for c in cs)


async def test_a_failure_is_logged_and_the_user_gets_a_polite_answer(bot: RunningBot, monkeypatch, caplog) -> None:  # noqa: F811
    api = bot.api

    def broken(*_args: object) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(bot.runtime, "answer", broken)
    [sorry] = await exchange(api, JANA, lambda: api.say(JANA, "/start"))
    assert sorry["text"].startswith("Omlouvám se, něco se u mě pokazilo.")
    assert buttons_of(sorry) == ["Začít znovu", "🆘 Krizové linky"]
    assert "database on fire" in caplog.text
    monkeypatch.undo()
    [menu] = await exchange(api, JANA, lambda: api.press_button(JANA, "Začít znovu"))
    assert menu["text"].startswith("Dobrý den")


async def test_a_restart_in_the_middle_of_a_conversation_loses_nothing(db_url: str) -> None:  # noqa: F811
    async with start_bot(db_url) as first:
        api = first.api
        await exchange(api, JANA, lambda: api.say(JANA, "/start"))
        await exchange(api, JANA, lambda: api.press_button(JANA, "Senioři"), messages=0, edits=1)
        await exchange(api, JANA, lambda: api.press_button(JANA, "Kojetín"), messages=0, edits=1)
    async with start_bot(db_url) as second:  # a new process: only the database is shared
        api = second.api
        store: ConversationStore = second.runtime.store
        state = store.load(JANA.id)
        assert state is not None and state.step == "need" and state.place and state.place.name == "Kojetín"
        [answer] = await exchange(api, JANA, lambda: api.say(JANA, "dovoz obědů"))
        assert "Hledám pomoc pro seniory v Kojetíně" in answer["text"]
        assert "Pečovatelská služba Kojetín" in answer["text"]


async def test_a_message_about_danger_gets_the_crisis_lines_before_anything_else(bot: RunningBot) -> None:  # noqa: F811
    api = bot.api
    lines, follow_up = await exchange(api, JANA, lambda: api.say(JANA, "nevlastní táta mi ubližuje"), messages=2)
    assert lines["text"].index("116 111") < lines["text"].index("112")
    assert "Ve které obci?" not in lines["text"]
    assert "seniory" not in follow_up["text"]
