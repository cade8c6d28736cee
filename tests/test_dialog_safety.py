"""What must hold whatever the data or the input: escaping, limits, validated buttons, privacy."""

from __future__ import annotations

import json
import re

import pytest

from bot.dialog import Button, Command, Location, State, Text, handle
from bot.dialog.context import Situation
from bot.dialog.events import MAX_DATA, MAX_TEXT, Event
from bot.dialog.state import STATE_VERSION, PlaceSlot
from bot.search.documents import CatalogueView
from bot.search.engine import Searcher
from tests.test_dialog_fixtures import (
    KOJETIN,
    PREROV,
    SERVICES,
    TOWNS,
    Chat,
    card_of,
    doc,
    make_context,
)

# --- buttons ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        "",
        "nonsense",
        "g:nobody",
        "t:999999",
        "t:abc",
        "n:no-such-need",
        "s:1",
        "p:x:1",
        "m:424242",
        "w:1:lies",
        "lang:de",
        "x" * 80,
    ],
)
def test_forged_button_data_gets_a_polite_restart(chat, data) -> None:
    chat.say("pečovatelka Kojetín")
    chat.send(Button(data=data))
    assert chat.text.startswith("Tento seznam už neplatí.")
    assert "Senioři" in chat.labels()
    assert chat.state.step == "menu" and chat.state.place is None


def test_a_button_of_an_older_list_is_stale(chat) -> None:
    chat.say("pečovatelka Kojetín")
    old_result = chat.button("1")
    chat.say("pečovatelka Přerov")
    chat.send(old_result)
    assert chat.text.startswith("Tento seznam už neplatí.")


def test_buttons_of_the_current_list_stay_valid_after_opening_a_card(chat) -> None:
    chat.say("pečovatelka Kojetín")
    second = chat.button("2")
    chat.press("1")
    chat.send(second)
    assert "<b>Pečovatelská služba Přerov</b>" in chat.text


def test_card_buttons_work_from_an_older_message_while_the_service_exists(chat) -> None:
    chat.say("pečovatelka Kojetín")
    chat.press("1")
    map_button = chat.button("Mapa")
    chat.start()
    chat.send(map_button)
    assert chat.replies[0].venue is not None


# --- HTML and limits ----------------------------------------------------------------------------


def test_catalogue_values_are_html_escaped(searcher) -> None:
    chat = Chat(make_context(searcher))
    chat.start()
    chat.say("dluhy v Přerově")
    chat.press("1")
    assert "Dům &lt;Naděje&gt; &amp; spol." in chat.text
    assert "<Naděje>" not in chat.text


def test_a_name_with_markup_is_escaped_in_lists_and_cards() -> None:
    evil = doc(1, "Služba <script>alert(1)</script> & <b>x</b>", "pecovatelska", PREROV, field_service=True)
    s = Searcher(CatalogueView([evil], TOWNS, {}))
    chat = Chat(make_context(s, services=[evil]))
    chat.start()
    chat.say("pečovatelská služba Přerov")
    assert "&lt;script&gt;" in chat.text and "<script>" not in chat.text
    chat.press("1")
    assert "&lt;b&gt;x&lt;/b&gt;" in chat.text


def _all_buttons(replies) -> list[Button]:
    return [b for r in replies for row in r.buttons for b in row]


def _check_limits(replies) -> None:
    for reply in replies:
        assert len(reply.text) <= MAX_TEXT
        for button in _all_buttons([reply]):
            assert button.url or len(button.data.encode()) <= MAX_DATA
            assert len(button.label) <= 64


@pytest.fixture(scope="module")
def huge():
    long = "Velmi dlouhý název sociální služby s podrobnostmi " * 10
    services = [
        doc(
            10_000_000 + i,
            f"Pečovatelská služba {i} {long}"[:500],
            "pecovatelska",
            PREROV,
            field_service=True,
            situations=("dovoz-obedu", "x" * 80),
            description="Popis " * 400,
            provider="P" * 500,
        )
        for i in range(300)
    ]
    s = Searcher(CatalogueView(services, TOWNS, {}))
    long_need = Situation("x" * 80, "Situace s dlouhým identifikátorem " * 5, "seniori", 99)
    cards = {
        d.id: card_of(
            d,
            how_to_get_help="Zavolejte. " * 200,
            target_groups=tuple(f"skupina {n} " * 20 for n in range(40)),
            places=card_of(d).places * 20,
            hours="h" * 2000,
            price="c" * 2000,
            webs=("w" * 3000 + ".cz",),
        )
        for d in services
    }
    ctx = make_context(s, services=services)
    ctx.cards = cards.get
    ctx.situations = [*ctx.situations, long_need]
    return ctx


@pytest.mark.parametrize("worker", [False, True])
def test_every_message_and_button_fits_whatever_the_data(huge, worker) -> None:
    chat = Chat(huge, State(worker=worker))
    _check_limits(chat.start())
    _check_limits(chat.say("pečovatelská služba v Přerově"))
    assert "Našlo se 300 služeb." in chat.text
    for _ in range(3):
        _check_limits(chat.press("Další"))
    for number in ("16", "17"):
        chat.say(number)
        _check_limits(chat.replies)
        for label in ("Mapa", "Uložit kontakt", "Poslat dál", "Informace nejsou správně"):
            card = chat.replies
            _check_limits(chat.press(label))
            chat.replies = card
        chat.press("Zpět")
    _check_limits(chat.press("Jiná pomoc"))
    _check_limits(chat.press("Senioři"))  # free text named a need, not a group
    _check_limits(chat.press("Situace s dlouhým"))
    assert chat.state.need == "x" * 80


def test_long_user_text_is_handled_and_not_echoed(chat) -> None:
    chat.say("pomoc " * 5000 + "<b>")
    _check_limits(chat.replies)
    assert "<b>\n" not in chat.text


# --- state --------------------------------------------------------------------------------------


def test_the_state_survives_a_json_round_trip(chat) -> None:
    chat.say("pečovatelka pro mámu v Kojetíně")
    chat.press("2")
    dumped = chat.state.dump()
    assert json.loads(dumped)["version"] == STATE_VERSION
    restored = State.load(dumped)
    assert restored == chat.state
    chat.state = restored
    chat.press("Zpět")
    assert "Pečovatelská služba Kojetín" in chat.text


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "{",
        "[]",
        '{"version": 99, "group": "krize"}',
        '{"group": "krize"}',
        '{"version": 1, "step": "nowhere"}',
    ],
)
def test_an_unknown_or_broken_state_starts_fresh(data) -> None:
    assert State.load(data) == State()


def test_the_state_stays_small(chat) -> None:
    for town in ("Kojetín", "Přerov", "Troubky", "Tovačov") * 30:
        chat.say(f"pečovatelka {town}")
    assert len(chat.state.dump()) < 2000


def test_a_shared_location_is_never_kept_in_the_state(chat) -> None:
    chat.say("domov pro seniory")
    chat.send(Location(49.3518123, 17.3020456))
    dumped = chat.state.dump()
    assert "49.35" not in dumped and "17.30" not in dumped
    assert "Nejblíže k místu, kde jste:" in chat.text
    assert re.search(r"1\. <b>Domov pro seniory Tovačov</b> — domovy pro seniory · Tovačov · \d,\d km", chat.text)


def test_a_location_without_a_need_sets_the_nearest_town_and_asks_on(chat) -> None:
    chat.press("Senioři")
    chat.press("Sdílet polohu")
    assert chat.replies[0].ask_location
    chat.send(Location(49.352, 17.301))
    assert chat.state.place == PlaceSlot(kind="town", name="Kojetín", code=KOJETIN)
    assert "Nejbližší obec, kterou znám: Kojetín." in chat.text
    assert chat.state.step == "need"


def test_a_location_far_away_asks_for_the_town(chat) -> None:
    chat.send(Location(50.08, 14.43))
    assert "Z polohy jsem obec nepoznal" in chat.text
    assert chat.state.step == "town" and chat.state.place is None


# --- worker mode and languages ------------------------------------------------------------------


def test_worker_mode_shortens_prompts_and_shows_full_detail(chat) -> None:
    chat.send(Command("pracovnik"))
    assert "Pracovní režim je zapnutý" in chat.text
    chat.press("Senioři")
    assert "Obec?" in chat.text and "Ve které obci?" not in chat.text
    chat.say("pečovatelka Kojetín")
    assert "📞 581 000 123" in chat.text
    chat.press("1")
    for part in (
        "Registrační číslo:</b> 1000001",
        "IČO poskytovatele:</b> 12345678",
        "Formy:</b> terénní",
        "Cílové skupiny:",
        "Registrovaná kapacita:</b> terénní: 40 klientů",
    ):
        assert part in chat.text
    chat.send(Command("pracovnik"))
    assert "Pracovní režim je vypnutý." in chat.text
    assert "Registrační číslo" not in chat.text


def test_worker_mode_can_be_the_default_of_the_context(searcher) -> None:
    chat = Chat(make_context(searcher, worker=True))
    chat.start()
    assert "Pracovní režim." in chat.text


def test_language_switch_translates_the_dialog_but_not_the_services(chat) -> None:
    chat.send(Command("jazyk"))
    assert chat.labels()[:3] == ["Čeština", "Українська", "English"]
    chat.press("Українська")
    assert "Писатиму українською." in chat.text
    chat.say("pečovatelka Kojetín")
    assert "Підходять 2 послуги." in chat.text
    assert "Pečovatelská služba Kojetín" in chat.text
    chat.press("1")
    assert "<b>Для кого:</b> senioři" in chat.text
    chat.send(Command("jazyk", "en"))
    assert "I will write in English." in chat.text
    assert "<b>For whom:</b> senioři" in chat.text


def test_life_situations_are_offered_in_the_chosen_language(searcher) -> None:
    chat = Chat(make_context(searcher, language="en"))
    chat.start()
    chat.press("Older people")
    chat.press("Kojetín")
    assert "Meals delivered to your home" in chat.labels()
    chat.press("Meals delivered")
    assert "Looking for help for older people in Kojetín: <b>meals delivered to your home</b>." in chat.text
    assert "2 services fit." in chat.text


@pytest.mark.parametrize(
    ("count", "czech", "ukrainian"),
    [
        (1, "Našla se 1 služba.", "Підходить 1 послуга."),
        (2, "Našly se 2 služby.", "Підходять 2 послуги."),
        (5, "Našlo se 5 služeb.", "Підходить 5 послуг."),
    ],
)
def test_result_counts_use_the_right_plural_forms(count, czech, ukrainian) -> None:
    services = [
        doc(200 + i, f"Pečovatelská služba {i}", "pecovatelska", PREROV, field_service=True) for i in range(count)
    ]
    s = Searcher(CatalogueView(services, TOWNS, {}))
    for language, expected in (("cs", czech), ("uk", ukrainian)):
        chat = Chat(make_context(s, services=services, language=language))
        chat.send(Text("pečovatelská služba Přerov"))
        assert expected in chat.text


def test_every_reply_of_a_long_conversation_fits(chat) -> None:
    events: list[Event] = [
        Text("pečovatelka pro mámu v Kojetíně"),
        Button(data="ct"),
        Text("Troubky"),
        Button(data="cn"),
        Text("nechci už žít"),
        Location(49.45, 17.45),
        Command("about"),
        Button(data="here"),
        Command("jazyk", "uk"),
        Text("назад"),
        Text("далі"),
        Command("privacy"),
        Button(data="sos"),
    ]
    for event in events:
        state, replies = handle(chat.state, event, chat.ctx)
        chat.state = state
        _check_limits(replies)
        assert replies


def test_services_list_is_not_needed_for_a_dialog_without_locations(searcher) -> None:
    ctx = make_context(searcher, services=())
    chat = Chat(ctx)
    chat.start()
    chat.send(Location(49.45, 17.45))
    assert "Z polohy jsem obec nepoznal" in chat.text
    assert SERVICES
