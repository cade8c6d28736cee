"""Text normalisation for search: folding, tokens, stop words and search terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search.stemmer import stem
from bot.search.text import STOP_WORDS_FILE, fold, load_stop_words, normalise, tokenize, tokens

# --- fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Kroměříž", "kromeriz"),
        ("Přerov", "prerov"),
        ("PEČOVATELSKÁ SLUŽBA", "pecovatelska sluzba"),
        ("Dřevohostice, Tovačov, Kojetín", "drevohostice, tovacov, kojetin"),
        ("ďábelské úterý, ťukání, ňadro, ůžasné", "dabelske utery, tukani, nadro, uzasne"),
        ("Brodek u Přerova", "brodek u prerova"),
    ],
)
def test_fold_lowercases_and_removes_czech_diacritics(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_handles_other_latin_letters() -> None:
    assert fold("Łódź Øresund Straße Ärzte Ĳssel") == "lodz oresund strasse arzte ijssel"


def test_fold_unifies_decomposed_and_composed_letters() -> None:
    decomposed = "Pe\u030cc\u030ce"  # "Péče" typed with combining marks
    assert fold(decomposed) == fold("Peče") == "pece"


def test_fold_unifies_compatibility_characters() -> None:
    assert fold("ﬁnance ＰＲＥＲＯＶ ²") == "finance prerov 2"


def test_fold_keeps_cyrillic_letters_and_only_lowercases_them() -> None:
    assert fold("Допоможіть, Київ, ЇЖАК, Йосип, Ёлка") == "допоможіть, київ, їжак, йосип, ёлка"


def test_fold_drops_a_stress_mark_on_cyrillic() -> None:
    assert fold("допомо\u0301га") == "допомога"


def test_fold_leaves_plain_ascii_lowercased() -> None:
    assert fold("Senior 65+") == "senior 65+"
    assert fold("") == ""


# --- tokenize


def test_tokenize_splits_a_place_name_and_keeps_its_preposition() -> None:
    assert tokenize("Brodek u Přerova") == ["brodek", "u", "prerova"]
    assert tokenize("Lipník nad Bečvou") == ["lipnik", "nad", "becvou"]


def test_tokenize_splits_on_punctuation_and_hyphens() -> None:
    expected = ["frydek", "mistek", "prerov", "kojetin"]
    assert tokenize("Frýdek-Místek, Přerov; (Kojetín)!") == expected
    assert tokenize("e-mail: info@example.cz") == ["e", "mail", "info", "example", "cz"]
    assert tokenize("snake_case") == ["snake", "case"]


def test_tokenize_keeps_numbers() -> None:
    assert tokenize("senioři 65+, 24/7, tel. 581 123 456") == [
        "seniori",
        "65",
        "24",
        "7",
        "tel",
        "581",
        "123",
        "456",
    ]


def test_tokenize_keeps_stop_words() -> None:
    assert tokenize("Dobrý den, potřebuji pomoc") == ["dobry", "den", "potrebuji", "pomoc"]


def test_tokenize_keeps_an_apostrophe_word_together() -> None:
    assert tokenize("сім'я") == ["сімя"]
    assert tokenize("сім’ї у Пршерові") == ["сімї", "у", "пршерові"]
    assert tokenize("'pomoc'") == ["pomoc"]


def test_tokenize_of_empty_or_blank_text_is_empty() -> None:
    assert tokenize("") == []
    assert tokenize("  ,.;- ") == []


# --- stop words


def test_the_stop_word_file_is_part_of_the_catalogue_data() -> None:
    assert STOP_WORDS_FILE.name == "stop-slova.txt"
    assert STOP_WORDS_FILE.exists()


def test_stop_words_hold_czech_filler_and_function_words() -> None:
    stop = load_stop_words()
    for word in (
        "dobry", "den", "prosim", "potrebuji", "potrebuju", "hledam", "chci", "nejaky",
        "pro", "na", "v", "ve", "do", "a", "se", "mi", "me", "mam", "je", "jsem", "by",
        "bych", "jak", "kde", "co", "ktery", "taky", "uz", "moc", "vas", "vam",
    ):  # fmt: skip
        assert word in stop, word


def test_stop_words_hold_english_and_ukrainian_function_words() -> None:
    stop = load_stop_words()
    for word in ("the", "a", "for", "in", "help", "me", "для", "в", "у", "на", "мені", "потрібна"):
        assert word in stop, word


@pytest.mark.parametrize(
    "word",
    ["pomoc", "sluzba", "u", "nad", "pod", "bez", "byt", "mame", "muze", "doma", "pomoci", "sama"],
)
def test_meaningful_words_and_place_name_prepositions_are_not_stop_words(word: str) -> None:
    assert word not in load_stop_words()


def test_stop_words_are_stored_folded() -> None:
    stop = load_stop_words()
    assert all(fold(word) == word and word.strip() == word and word for word in stop)
    assert not any(word.startswith("#") for word in stop)


def test_load_stop_words_reads_a_file_with_comments_and_folds_it(tmp_path: Path) -> None:
    path = tmp_path / "stop.txt"
    path.write_text(
        "\ufeff# a comment line\n\nVám\nprosím   # trailing comment\n  ahoj  \nМЕНІ\n",
        encoding="utf-8",
    )
    assert load_stop_words(path) == frozenset({"vam", "prosim", "ahoj", "мені"})


def test_load_stop_words_of_the_default_file_is_cached() -> None:
    assert load_stop_words() is load_stop_words()


# --- tokens and normalise


def test_tokens_drops_stop_words_unless_asked_to_keep_them() -> None:
    text = "Hledám pečovatelku u Přerova"
    assert tokens(text) == ["pecovatelku", "u", "prerova"]
    assert tokens(text, drop_stop_words=False) == tokenize(text)


def test_tokens_accepts_its_own_stop_words() -> None:
    assert tokens("a b c", stop_words=frozenset({"b"})) == ["a", "c"]


def test_normalise_turns_a_message_into_stemmed_search_terms() -> None:
    assert normalise("Dobrý den, potřebuji pečovatelku pro mámu v Kojetíně") == [
        "pecovatelk",
        "mam",
        "kojet",
    ]


def test_normalise_gives_a_query_and_the_catalogue_the_same_terms() -> None:
    assert normalise("pečovatelská služba Kojetín") == normalise("pecovatelske sluzby v kojetine")
    catalogue = normalise("Azylový dům pro muže, Přerov")
    assert catalogue == normalise("azylovem dome pro muze v Prerove")
    assert normalise("Noclehárna") == normalise("v noclehárně")


def test_normalise_keeps_bez_so_bez_domova_is_not_domov() -> None:
    assert normalise("bez domova") == [stem("bez"), stem("domova")]
    assert normalise("bez domova") != normalise("domov")


def test_normalise_of_only_filler_is_empty() -> None:
    assert normalise("Dobrý den, prosím, potřebuji nějakou pomoc") == ["pomok"]
    assert normalise("Dobrý den, prosím vás") == []
