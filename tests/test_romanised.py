"""Russian and Ukrainian typed in Latin letters are read in Cyrillic; other text is left alone."""

from __future__ import annotations

import pytest

from bot.dialog.inline import inline_answers
from bot.search.romanised import Lexicon, RomanisedReader, default_reader, restore_romanised
from tests.test_dialog_fixtures import Chat, make_context


@pytest.fixture(scope="module")
def reader() -> RomanisedReader:
    return default_reader()


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("u menja dolgi, nuzhna pomoshch", "у меня долги, нужна помощь"),
        ("mne ochen ploho, ne hochu zhit", "мне очень плохо, не хочу жить"),
        ("menya b'et muzh, chto delat", "меня бьет муж, что делать"),
        ("pryvit, meni treba likar dlia dytyny", "привіт, мені треба лікар для дитини"),
        ("ya ne mozhu pity, vsi dokumenty u nioho", "я не можу піти, всі документи у нього"),
    ],
)
def test_romanised_russian_and_ukrainian_are_read_in_cyrillic(reader, typed, read) -> None:
    assert reader.restore(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("muzh menya bet kazhdyj den", "муж меня бьет каждый день"),
        ("nam nuzhna semya i zhilye", "нам нужна семья и жилье"),
        ("ne mogu bolshe, hochu pomytsya", "не могу больше, хочу помыться"),
    ],
)
def test_unwritten_soft_signs_are_restored(reader, typed, read) -> None:
    assert reader.restore(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "mam dluhy a nevim kudy kam",
        "potrebuju pecovatelku pro mamu v Kojetine",
        "ja chci umrit",
        "ne mam kde spat",
        "tata me bije",
        "i cannot handle these letters from the office",
        "hi, I need help for my grandmother in Prerov",
        "Dobrý den, hledám odlehčovačku pro tátu",
        "moja stará mama je chorá a potrebuje pomoc s upratovaním, kam mám ísť",
    ],
)
def test_czech_and_english_are_left_as_written(reader, text) -> None:
    assert reader.restore(text) == text


@pytest.mark.parametrize("town", ["Citov", "Vidov", "Hodov"])
def test_a_municipality_answered_alone_is_no_romanised_word(reader, town) -> None:
    # "Citov" once read as "китов" (whales) and switched the whole conversation to Ukrainian
    assert reader.restore(town) == town


def test_place_names_keep_their_latin_spelling(reader) -> None:
    restored = reader.restore("potribna dopomoha z zhytlom v Prerovi")
    assert restored.startswith("потрібна допомога з житлом")
    assert restored.endswith("Prerovi")


def test_a_message_is_rewritten_only_when_romanised_words_outnumber_czech_ones() -> None:
    lexicon = Lexicon.from_words(["mam", "dluhy", "nevim"], [["долги", "меня"]])
    reader = RomanisedReader(lexicon)
    assert reader.restore("u menja dolgi") == "u меня долги"  # "у" is not in this lexicon
    assert reader.restore("mam dluhy, menja dolgi nevim") == "mam dluhy, menja dolgi nevim"


def test_the_most_frequent_known_spelling_wins() -> None:
    reader = RomanisedReader(Lexicon.from_words([], [["привіт", "привить"]]))
    assert reader.cyrillic("pryvit") == "привіт"
    reader = RomanisedReader(Lexicon.from_words([], [["привить", "привіт"]]))
    assert reader.cyrillic("privit") == "привить"


def test_a_stem_of_a_safety_pattern_counts_as_a_known_word() -> None:
    reader = RomanisedReader(Lexicon.from_words([], [[]], stems=["самоуб"]))
    assert reader.cyrillic("samoubit") == "самоубит"
    assert reader.cyrillic("samolet") is None


def test_a_short_romanised_wish_to_die_gets_the_crisis_lines_first(searcher) -> None:
    replies = Chat(make_context(searcher)).say("ne hochu zhit")
    assert replies[0].kind == "crisis"
    assert "116 123" in replies[0].text


def test_a_romanised_request_for_care_is_understood_not_turned_away(searcher) -> None:
    replies = Chat(make_context(searcher)).say("babushke nuzhna sidelka v Prerove")
    assert replies[-1].kind == "results"
    assert "Pečovatelská služba Přerov" in replies[-1].text


def test_romanised_debts_are_a_search_for_debt_advice_not_an_alarm(searcher) -> None:
    replies = Chat(make_context(searcher)).say("u menja dolgi, zhivu v Prerove")
    assert [r.kind for r in replies] == ["results"]


def test_the_context_reads_with_the_bundled_reader_by_default(searcher) -> None:
    assert make_context(searcher).read is restore_romanised


def test_inline_mode_reads_romanised_danger_and_puts_the_lines_first(searcher) -> None:
    _, answers = inline_answers("ne hochu zhit", make_context(searcher))
    assert answers[0].id == "crisis"


def test_the_ukrainian_apostrophe_is_read_back() -> None:
    assert restore_romanised("nash tato p'je kozhen den, shcho robyty?").startswith("наш тато п'є")
    assert restore_romanised("synovi p'jat' rokiv, potribna dopomoha").startswith("синові п'ять років")


def test_romanisation_with_hacheks_and_a_czech_place_is_read_in_cyrillic(reader) -> None:
    restored = reader.restore("meni 80, choču v budynok dlja litnich ljudej u Kojetíně")
    assert restored.startswith("мені 80, хочу в будинок для літніх людей") and restored.endswith("Kojetíně")


def test_ukrainian_ie_after_a_consonant_is_ye_and_the_beating_is_heard(reader) -> None:
    from bot.safety.detector import default_detector

    read = reader.restore("vin b'ie mene kozhen vechir, shcho robyty")
    assert "б'є мене" in read
    assert default_detector().assess(read).categories == {"violence"}


def test_the_reflexive_ending_typed_short_is_read_back(reader) -> None:
    assert reader.restore("kak sdelat chtob utrom ne prosnutsa").endswith("не проснуться")


def test_a_doubled_h_after_s_is_read_as_shcha() -> None:
    assert "прощайте" in restore_romanised("ya na mostu, proshhajte vse")
