"""The conversation: start menu, guided path, free text filling slots, back, paging, cards."""

from __future__ import annotations

import pytest

from bot.dialog import Button, Command, PlaceSlot, State, Text
from bot.safety.assessment import UNNAMED_DANGER, Assessment
from bot.safety.detector import DangerDetector
from bot.search.documents import CatalogueView
from bot.search.engine import Searcher
from tests.test_dialog_fixtures import (
    KOJETIN,
    PREROV,
    TODAY,
    TOWNS,
    TROUBKY,
    Chat,
    Recorder,
    doc,
    make_context,
)
from tests.test_search_engine import village_searcher


def test_start_menu_offers_the_four_families_own_words_location_and_crisis_lines(chat) -> None:
    assert chat.labels() == [
        "Senioři",
        "Zdravotní postižení",
        "Rodiny a děti",
        "Krize, bydlení, dluhy, závislosti",
        "✍ Napsat vlastními slovy",
        "📍 Sdílet polohu",
        "🆘 Krizové linky",
    ]
    assert "osobní údaje" in chat.text


def test_guided_path_asks_town_then_need_then_shows_results(chat) -> None:
    chat.press("Senioři")
    assert "Ve které obci?" in chat.text
    assert "Přerov" in chat.labels() and "Kdekoli v regionu" in chat.labels()
    chat.press("Kojetín")
    assert "S čím potřebujete pomoci?" in chat.text
    assert "Dovoz obědů" in chat.labels() and "Dluhy" not in chat.labels()
    chat.press("Dovoz obědů")
    assert "Hledám pomoc pro seniory v Kojetíně: <b>dovoz obědů</b>." in chat.text
    assert "Našly se 2 služby." in chat.text
    assert "1. <b>Pečovatelská služba Kojetín</b> — pečovatelská služba · Kojetín" in chat.text
    assert "přijede i k vám" in chat.text.splitlines()[3]


def test_a_town_can_be_typed_in_any_case_form(chat) -> None:
    chat.press("Senioři")
    chat.say("v troubkách")
    assert chat.state.place is not None and chat.state.place.code == TROUBKY
    assert "Hledám pomoc pro seniory v Troubkách." in chat.text


def test_an_unknown_town_is_said_plainly_and_the_question_stays(chat) -> None:
    chat.press("Senioři")
    chat.say("Xyzzyvice")
    assert "Tuto obec neznám" in chat.text
    assert chat.state.step == "town"


def test_free_text_fills_need_and_town_at_once_and_a_family_word_filters_nothing(chat) -> None:
    chat.say("pečovatelka pro mámu v Kojetíně")
    assert chat.state.group is None  # "mámu" says whom the help is for, not a group filter
    assert chat.state.place is not None and chat.state.place.code == KOJETIN
    assert chat.state.step == "results"
    assert "Rozumím.\nHledám pomoc v Kojetíně: <b>pečovatelská služba</b>." in chat.text


def test_a_group_named_without_a_need_is_taken_as_the_group(chat) -> None:
    chat.say("senioři v Kojetíně")
    assert chat.state.group == "seniori"


def test_free_text_asks_only_for_what_is_missing(chat) -> None:
    chat.say("pečovatelská služba")
    assert chat.state.step == "town"
    assert "Hledám: <b>pečovatelská služba</b>." in chat.text
    chat.say("Přerov")
    assert chat.state.step == "results"
    assert "Pečovatelská služba Přerov" in chat.text


def test_free_text_at_the_need_step_fills_the_need(chat) -> None:
    chat.press("Krize")
    chat.press("Přerov")
    chat.say("mám dluhy a exekuce")
    assert chat.state.step == "results"
    assert "Občanská poradna" in chat.text


def test_free_text_naming_another_town_changes_the_town_of_the_results(chat) -> None:
    chat.say("pečovatelka Kojetín")
    chat.say("a v Přerově?")
    assert chat.state.place is not None and chat.state.place.code == PREROV
    assert "v Přerově" in chat.text


def test_text_that_is_not_a_social_need_gets_a_polite_no_and_the_families(chat) -> None:
    chat.say("autoservis přerov")
    assert "Tady vám neporadím" in chat.text
    assert "Senioři" in chat.labels() and "🆘 Krizové linky" in chat.labels()
    assert chat.state.place is None


def test_words_we_do_not_know_beside_a_town_ask_what_help_is_needed_there(chat) -> None:
    chat.say("frnk šrmpl v Kojetíně")
    assert "Tady vám neporadím" not in chat.text
    assert chat.state.place is not None and chat.state.place.code == KOJETIN and chat.state.step in ("group", "need")


def test_a_greeting_shows_the_start_menu(chat) -> None:
    chat.say("Dobrý den")
    assert "Pro koho nebo s čím" in chat.text


def test_back_un_answers_the_last_question(chat) -> None:
    chat.press("Senioři")
    chat.press("Kojetín")
    chat.press("Zpět")
    assert chat.state.step == "town" and chat.state.place is None
    chat.press("Zpět")
    assert chat.state.step == "group" and chat.state.group is None
    chat.press("Zpět")
    assert chat.state.step == "menu"


def test_back_from_a_card_returns_to_the_same_list(chat) -> None:
    chat.say("pečovatelka Kojetín")
    listing = chat.text
    chat.press("2")
    assert chat.state.step == "card"
    chat.press("Zpět")
    assert chat.state.step == "results"
    assert chat.text == listing.replace("Rozumím.\n", "")


def test_typed_back_and_restart_work_everywhere(chat) -> None:
    chat.press("Senioři")
    chat.say("zpět")
    assert chat.state.step == "group" and chat.state.group is None
    chat.say("Zpátky")
    assert chat.state.step == "menu"
    chat.press("Senioři")
    chat.press("Kojetín")
    chat.say("Začít znovu")
    assert chat.state.group is None and chat.state.place is None
    assert "Pro koho nebo s čím" in chat.text


def test_restart_button_clears_the_slots_but_keeps_the_language(chat) -> None:
    chat.send(Command("jazyk", "en"))
    chat.say("pečovatelka Kojetín")
    chat.press("Start again")
    assert chat.state.language == "en" and chat.state.group is None


def test_a_result_number_can_be_typed(chat) -> None:
    chat.say("pečovatelka Kojetín")
    chat.say("2")
    assert chat.state.step == "card"
    assert "<b>Pečovatelská služba Přerov</b>" in chat.text


@pytest.fixture(scope="module")
def big_searcher() -> Searcher:
    services = [
        doc(100 + i, f"Pečovatelská služba {i:02d}", "pecovatelska", PREROV, field_service=True) for i in range(12)
    ]
    return Searcher(CatalogueView(services, TOWNS, {}))


def test_results_come_five_a_page_with_more_and_previous(big_searcher) -> None:
    chat = Chat(make_context(big_searcher, services=[item.doc for item in big_searcher.items]))
    chat.start()
    chat.say("pečovatelská služba v Přerově")
    assert "Našlo se 12 služeb. Zobrazuji 1–5." in chat.text
    assert [label for label in chat.labels() if label.isdigit()] == ["1", "2", "3", "4", "5"]
    chat.press("Další")
    assert "Zobrazuji 6–10." in chat.text and "6. <b>" in chat.text
    assert [label for label in chat.labels() if label.isdigit()] == ["6", "7", "8", "9", "10"]
    chat.say("další")
    assert "Zobrazuji 11–12." in chat.text
    assert "Další ▶" not in chat.labels()
    chat.press("Předchozí")
    assert "Zobrazuji 6–10." in chat.text


def test_a_repeated_search_is_counted_once(searcher) -> None:
    recorder = Recorder()
    chat = Chat(make_context(searcher, on_search=recorder.on_search))
    chat.start()
    chat.say("pečovatelka Kojetín")
    chat.press("1")
    chat.press("Zpět")
    chat.say("pečovatelka Kojetín")
    assert len(recorder.searches) == 1
    understood, total, reason = recorder.searches[0]
    assert understood.town == "Kojetín" and total == 2 and reason is None
    chat.say("pečovatelka Přerov")
    assert len(recorder.searches) == 2


def test_nothing_found_is_reported_to_the_statistics_with_its_reason(searcher) -> None:
    recorder = Recorder()
    chat = Chat(make_context(searcher, on_search=recorder.on_search))
    chat.start()
    chat.say("domov pro seniory v Kroměříži")
    assert recorder.searches[0][1:] == (0, "not_in_place")


def test_the_card_shows_everything_a_resident_needs(chat) -> None:
    chat.say("pečovatelka Kojetín")
    chat.press("1")
    text = chat.text
    for part in (
        "<b>Pečovatelská služba Kojetín</b>",
        "Poskytovatel Pečovatelská služba Kojetín",
        "<i>pečovatelská služba</i>",
        "Pomoc doma: dovoz obědů",
        "<b>Pro koho:</b> senioři",
        "<b>Kde:</b> Náměstí 1, Kojetín",
        "<b>Jak začít:</b>",
        "📞 581 000 123",
        "✉ info@example.cz",
        "🌐 www.example.cz",
        "<b>Kdy:</b> po–pá 7–15",
        "<b>Cena:</b> podle ceníku",
        "Ověřeno: 14. 10. 2026",
    ):
        assert part in text
    assert "Registrační číslo" not in text
    assert {"🗺 Mapa", "👤 Uložit kontakt", "↗ Poslat dál", "⚠ Informace nejsou správně", "Zpět"} <= set(chat.labels())


def test_card_buttons_send_a_venue_a_contact_and_a_message_to_forward(chat) -> None:
    chat.say("pečovatelka Kojetín")
    chat.press("1")
    card = list(chat.replies)
    chat.press("Mapa")
    assert chat.replies[0].venue is not None and chat.replies[0].venue.lat == pytest.approx(49.3518)
    chat.replies = card
    chat.press("Uložit kontakt")
    assert chat.replies[0].contact is not None and chat.replies[0].contact.phone == "+420581000123"
    chat.replies = card
    chat.press("Poslat dál")
    assert len(chat.replies) == 2 and "Pečovatelská služba Kojetín" in chat.replies[0].text
    assert chat.replies[0].buttons == ()


def test_wrong_information_is_reported_with_a_reason(searcher) -> None:
    recorder = Recorder()
    chat = Chat(make_context(searcher, on_feedback=recorder.on_feedback))
    chat.start()
    chat.say("pečovatelka Kojetín")
    chat.press("1")
    chat.press("Informace nejsou správně")
    assert chat.labels()[:5] == [
        "Telefon nebo e-mail",
        "Adresa",
        "Otevírací doba",
        "Služba už nefunguje",
        "Něco jiného",
    ]
    chat.press("Adresa")
    assert recorder.feedback == [(1, "address")]
    assert "Děkuji" in chat.text
    chat.press("Zpět na službu")
    assert "<b>Pečovatelská služba Kojetín</b>" in chat.text


def test_a_shelter_in_the_orps_town_is_listed_for_a_village_without_saying_it_comes(chat) -> None:
    chat.say("azylový dům v Kojetíně")
    assert "<b>Azylový dům pro muže</b> — azylové domy · Přerov" in chat.text
    assert "přijede i k vám" not in chat.text


def test_nothing_in_the_town_shows_the_same_need_in_its_orp(chat) -> None:
    chat.say("domov pro seniory v Kojetíně")
    assert "V Kojetíně žádná taková služba nesídlí ani tam nedojíždí. Ukazuji nabídku na Přerovsku:" in chat.text
    assert "Domov pro seniory Tovačov" in chat.text
    assert "Domov pro seniory Lipník" not in chat.text


def test_nothing_anywhere_says_so_and_offers_related_needs_and_crisis_lines(chat) -> None:
    chat.press("Senioři")
    chat.press("Přerov")
    chat.press("Osamělost")
    assert "Takovou službu v katalogu zatím nemám." in chat.text
    assert "Dovoz obědů" in chat.labels() and "🆘 Krizové linky" in chat.labels()
    assert "Osamělost" not in chat.labels()


def test_a_group_that_would_empty_the_list_is_dropped_and_that_is_said(searcher) -> None:
    place = PlaceSlot(kind="town", name="Přerov", code=PREROV)
    chat = Chat(
        make_context(searcher),
        State(group="seniori", place=place, need="ztrata-bydleni", step="results"),
    )
    chat.send(Button(data="here"))
    assert chat.text.startswith("Takovou službu pro seniory jsem nenašel. Ukazuji ji pro všechny:")
    assert "Azylový dům pro muže" in chat.text
    assert chat.state.group is None  # the next page and the back button keep the wider search


def test_a_place_outside_the_regions_is_said_plainly_with_the_national_lines(chat) -> None:
    chat.say("domov pro seniory v Brně")
    assert "Brno leží mimo oblast, kterou znám" in chat.text
    assert "116 123" in chat.text
    assert "Změnit obec" in chat.labels()


def test_danger_brings_the_crisis_lines_as_the_first_answer_then_local_help(chat) -> None:
    replies = chat.say("manžel mě bije, bydlím v Přerově")
    assert replies[0].kind == "crisis"
    assert replies[0].text.index("116 006") < replies[0].text.index("112")
    assert replies[1].kind == "results" and "Intervenční centrum" in replies[1].text


def test_danger_without_a_need_offers_local_help_after_the_lines(chat) -> None:
    replies = chat.say("chci spáchat sebevraždu")
    assert replies[0].kind == "crisis" and "116 123" in replies[0].text
    assert "Ve které obci?" not in replies[0].text
    assert replies[1].kind == "ask_town"
    replies = chat.send(Command("start")) and chat.say("je mi 12 a bojím se jít domů")
    assert replies[0].kind == "crisis" and replies[0].text.index("116 111") < replies[0].text.index("112")
    assert replies[1].kind == "ask_town" and "seniory" not in replies[1].text


def test_crisis_lines_are_one_tap_away_and_back_returns_to_the_same_step(chat) -> None:
    chat.press("Senioři")
    chat.press("Krizové linky")
    assert "<b>Krizové linky</b>" in chat.text and "📞 <b>116 006</b>" in chat.text
    assert chat.state.step == "town"
    chat.press("Zpět")
    assert "Ve které obci?" in chat.text


def test_help_privacy_and_about_answer_and_return(chat) -> None:
    for command, part in (("help", "Jak se mnou hledat"), ("privacy", "po 24 h"), ("about", "Přerov")):
        chat.send(Command(command))
        assert part in chat.text
    chat.send(Command("privacy"))
    assert "polohu" in chat.text
    chat.send(Command("nesmysl"))
    assert "Tento příkaz neznám" in chat.text


def test_start_clears_a_state_from_another_conversation(searcher) -> None:
    chat = Chat(make_context(searcher), State(group="krize", step="need"))
    chat.send(Command("start"))
    assert chat.state.group is None and chat.state.step == "menu"


def test_every_event_type_answers_from_a_missing_state(searcher) -> None:
    from bot.dialog import handle

    ctx = make_context(searcher)
    for event in (Command("start"), Text("pečovatelka Kojetín"), Button(data="menu")):
        state, replies = handle(None, event, ctx)
        assert replies and isinstance(state, State)


def test_a_message_in_english_is_answered_in_english_and_czech_with_an_english_word_in_czech(searcher) -> None:
    chat = Chat(make_context(searcher))
    chat.start()
    chat.say("hi, I need a carer for my grandmother in Kojetín")
    assert chat.state.language == "en" and "Looking for help" in chat.text
    czech = Chat(make_context(searcher))
    czech.start()
    czech.say("potřebuju pečovatelku pro babičku po stroke v Kojetíně")
    assert czech.state.language is None and "Hledám pomoc" in czech.text


def test_an_age_in_brackets_survives_when_the_place_is_cut_out(searcher) -> None:
    recorder = Recorder()
    chat = Chat(make_context(searcher, on_search=recorder.on_search))
    chat.start()
    chat.say("pečovatelka pro bráchu (19) v Kojetíně")
    assert recorder.events and recorder.events[0].query == "pecovatelka pro brachu (19)"


def test_search_events_carry_what_the_statistics_record(searcher) -> None:
    stats = pytest.importorskip("bot.stats.events")
    recorder = Recorder()
    chat = Chat(make_context(searcher, on_search=recorder.on_search))
    chat.start()
    chat.say("pečovatelka pro mámu v Kojetíně")
    event = recorder.events[0]
    assert event.query == "pecovatelka pro mamu" and event.language == "cs" and event.day == TODAY
    record = stats.demand_from_search(
        event.result, channel="console", language=event.language, query=event.query, day=event.day
    )
    assert (record.family, record.municipality_code, record.results) == ("seniori", KOJETIN, 2)


def test_a_message_in_cyrillic_is_answered_in_ukrainian(chat) -> None:
    chat.say("потрібна доставка обідів у Коєтін")
    assert chat.state.language == "uk"
    assert "Шукаю" in chat.text or "Зрозуміло" in chat.text


def test_a_language_chosen_by_the_person_is_kept_whatever_the_script(searcher) -> None:
    chat = Chat(make_context(searcher), State(language="cs"))
    chat.say("потрібна доставка обідів у Коєтін")
    assert chat.state.language == "cs"
    assert "Hledám" in chat.text or "Rozumím" in chat.text


def test_a_child_hit_at_home_is_offered_crisis_help_not_an_adults_intervention_centre(chat) -> None:
    chat.say("je mi 13 a táta mě mlátí, bydlím v Přerově")
    assert chat.replies[0].kind == "crisis" and "116 111" in chat.replies[0].text
    listed = chat.replies[-1].text
    assert "Linka důvěry" in listed and "Intervenční centrum" not in listed


def test_an_adult_hit_at_home_is_offered_the_intervention_centre(searcher) -> None:
    chat = Chat(make_context(searcher))
    chat.say("manžel mě bije, bydlím v Přerově")
    assert "Intervenční centrum" in chat.replies[-1].text


def test_a_child_in_danger_is_offered_local_help_in_the_words_used_with_children(chat) -> None:
    chat.say("je mi 13 a táta mě mlátí, bydlím v Přerově")
    assert "Jestli chceš, najdu ti i pomoc ve tvém okolí." in chat.replies[-1].text


def test_a_phone_line_is_said_to_answer_by_phone_not_to_come() -> None:
    from bot.dialog.listing import hit_line
    from bot.i18n import Translator

    line = doc(90, "Linka důvěry", "linka", PREROV, groups=("osoby v krizi",))
    text = hit_line(Translator("cs"), make_context(None), 1, line, comes=True)
    assert "po telefonu" in text and "přijede" not in text


def test_a_child_in_despair_is_offered_crisis_help_whatever_the_words_point_to(chat) -> None:
    chat.say("je mi 14 a už nemůžu, nikdo by si nevšiml kdybych tu nebyla, bydlím v Přerově")
    assert chat.replies[0].kind == "crisis" and "116 111" in chat.replies[0].text
    assert "Linka důvěry" in chat.replies[-1].text
    assert "<b>náhlá krize a psychická tíseň</b>" in chat.replies[-1].text  # not respite care


def test_forget_drops_everything_of_the_conversation(searcher) -> None:
    chat = Chat(make_context(searcher), State(group="seniori", step="need", language="uk", query="obědy pro mámu"))
    chat.send(Command("zapomen"))
    assert chat.state.group is None and chat.state.query is None and chat.state.language is None
    assert "Я забув усе" in chat.text  # said in the language the conversation had


class ModelOnlyAlarm(DangerDetector):
    """A detector whose only finding is a danger no rule names (as the learned model raises)."""

    def __init__(self, writer: str) -> None:
        super().__init__(concepts={}, rules=())
        self.writer = writer

    def assess(self, text: str) -> Assessment:
        return Assessment(categories=frozenset({UNNAMED_DANGER}), writer=self.writer)


def test_a_danger_no_rule_names_keeps_the_need_the_words_name(searcher) -> None:
    chat = Chat(make_context(searcher, safety=ModelOnlyAlarm("child")))
    chat.say("dovoz obědů, Kojetín")
    assert chat.replies[0].kind == "crisis"
    assert "Hledám pomoc v Kojetíně: <b>pečovatelská služba</b>" in chat.replies[-1].text


def test_the_town_buttons_offer_the_regions_own_towns_before_a_big_town_where_one_service_sits(searcher) -> None:
    ctx = make_context(searcher)
    names = [town.name for town in ctx.popular_towns]
    # Lipník (8,000 people) holds one home of the catalogue; Kojetín (6,000) and Tovačov are the region's own
    assert names.index("Kojetín") < names.index("Lipník nad Bečvou")
    assert names.index("Tovačov") < names.index("Lipník nad Bečvou")


def test_violence_left_behind_gets_the_answer_first_and_the_victims_line_after_it(searcher) -> None:
    chat = Chat(make_context(searcher))
    chat.start()
    replies = chat.say("kdysi jsem byla obětí domácího násilí, teď sháním pečovatelku pro mámu v Kojetíně")
    assert replies[0].kind != "crisis" and replies[-1].kind == "aside" and "116 006" in replies[-1].text
    chat.say("pečovatelka v Kojetíně")
    assert all(r.kind != "aside" for r in chat.replies)


def test_harm_left_behind_with_no_need_named_looks_for_the_help_for_that_harm_not_for_the_parent(searcher) -> None:
    chat = Chat(make_context(searcher))
    replies = chat.say("jako dítě mě matka bila, teď je mi 40 a chci to s někým probrat, Přerov")
    assert replies[0].kind != "crisis" and chat.state.need == "domaci-nasili" and chat.state.group != "seniori"
    assert "Intervenční centrum" in chat.replies[0].text and replies[-1].kind == "aside"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("im 15 and my stepdad hits me when he drinks, i dont want to go home", "116 111"),
        ("мені 15, вітчим мене б'є, коли п'є, не хочу йти додому", "116 111"),
    ],
)
def test_the_crisis_lines_come_in_the_language_the_message_is_written_in(searcher, text, words) -> None:
    chat = Chat(make_context(searcher))
    chat.start()
    replies = chat.say(text)
    assert replies[0].kind == "crisis" and words in replies[0].text
    czech_heading = Chat(make_context(searcher))
    czech_heading.start()
    czech = czech_heading.say("je mi 15 a otčím mě bije, když pije, nechci jít domů")[0].text
    assert replies[0].text.splitlines()[0] != czech.splitlines()[0]


def village_chat(home_care_reaches: list[int]) -> Chat:
    chat = Chat(make_context(village_searcher(home_care_reaches)))
    chat.start()
    chat.say("kdo by mamince v Troubkách nosil nákup a obědy")
    return chat


def test_the_answer_says_when_the_asked_kind_of_help_does_not_reach_the_village() -> None:
    chat = village_chat([KOJETIN])
    assert "V Troubkách podle katalogu nepůsobí pečovatelská služba" in chat.text
    assert "Osobní asistence Přerov" in chat.text


def test_a_button_looks_for_the_asked_kind_of_help_around_a_village_it_does_not_reach() -> None:
    chat = village_chat([KOJETIN])
    assert "Pečovatelská služba Kojetín" not in chat.text
    chat.press("Pečovatelská služba v okolí")
    assert "V Troubkách žádná taková služba nesídlí ani tam nedojíždí. Ukazuji nabídku na Přerovsku:" in chat.text
    assert chat.text.index("Pečovatelská služba Kojetín") < chat.text.index("Osobní asistence Přerov")
    assert "v okolí" not in " ".join(chat.labels())  # asked once: the wider list offers it no more
    chat.press("Jiná pomoc")
    assert chat.state.widened == ""


def test_no_button_looks_around_when_the_asked_help_reaches_the_village() -> None:
    chat = village_chat([KOJETIN, TROUBKY])
    assert "Pečovatelská služba Kojetín" in chat.text
    assert "v okolí" not in " ".join(chat.labels())


def test_a_look_around_press_under_an_older_screen_shows_where_the_conversation_is(searcher) -> None:
    chat = Chat(make_context(searcher))
    chat.start()
    before = chat.state
    replies = chat.send(Button(data="wd"))
    assert replies and chat.state.widened == "" and chat.state.step == before.step
