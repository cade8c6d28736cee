"""Town names written with typos, in Cyrillic or in English are found; people's names never are places."""

from __future__ import annotations

import pytest

from bot.search.documents import CatalogueView, ServiceDoc, Town
from bot.search.engine import Searcher
from bot.search.places import phonetic_key
from bot.search.translit import transliterate

PREROV, KOJETIN, TOVACOV, DREVOHOSTICE, OLOMOUC, KROMERIZ = 511382, 514055, 519146, 513229, 500496, 588296
PETROV, PETROVICE, PAVLOV, KAROLIN, LHOTA, JIHLAVKA = 900001, 900002, 900003, 587354, 514497, 900004
RAKOV = 517585
TOWNS = [
    Town(PREROV, "Přerov", "Přerov", 41000, "v Přerově"),
    Town(KOJETIN, "Kojetín", "Přerov", 6000, "v Kojetíně"),
    Town(TOVACOV, "Tovačov", "Přerov", 2300, "v Tovačově"),
    Town(DREVOHOSTICE, "Dřevohostice", "Přerov", 1400, "v Dřevohosticích"),
    Town(OLOMOUC, "Olomouc", "Olomouc", 100000, "v Olomouci"),
    Town(KROMERIZ, "Kroměříž", "Kroměříž", 28000, "v Kroměříži"),
    Town(PETROV, "Petrov", "Přerov", 1300, "v Petrově"),
    Town(PETROVICE, "Petrovice", "Přerov", 300, "v Petrovicích"),
    Town(PAVLOV, "Pavlov", "Přerov", 600, "v Pavlově"),
    Town(KAROLIN, "Karolín", "Kroměříž", 200, "v Karolíně"),
    Town(LHOTA, "Lhota", "Přerov", 300, "ve Lhotě"),
    Town(JIHLAVKA, "Jihlávka", "Přerov", 100, "v Jihlávce"),  # near Jihlava, a town elsewhere
    Town(RAKOV, "Rakov", "Hranice", 400, "v Rakově"),  # "rakovina" shares its stem
]
HOME = ServiceDoc(
    id=1,
    name="Domov pro seniory Přerov",
    druh_id="DruhSocialniSluzby/13",
    druh_name="domovy pro seniory",
    target_groups=frozenset({"senioři"}),
    place_codes=frozenset({PREROV}),
    place_names=("Přerov",),
)


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return Searcher(CatalogueView([HOME], TOWNS, {}))


def place(searcher: Searcher, query: str) -> str | None:
    found = searcher.understand(query)[0].place
    return found.name if found is not None and found.kind == "town" else None


@pytest.mark.parametrize(
    ("query", "town"),
    [("preov", "Přerov"), ("pečovatelka preov", "Přerov"), ("Drevohostce", "Dřevohostice"), ("Olomuc", "Olomouc")],
)
def test_a_town_with_a_missing_letter_is_found(searcher, query, town) -> None:
    assert place(searcher, query) == town


@pytest.mark.parametrize(
    ("query", "town"),
    [
        ("Kojetýn", "Kojetín"),
        ("v Kojetýně", "Kojetín"),
        ("Tovacof", "Tovačov"),
        ("kojettin", "Kojetín"),
        ("kojteín", "Kojetín"),
    ],
)
def test_a_town_with_a_confused_doubled_or_swapped_letter_is_found(searcher, query, town) -> None:
    assert place(searcher, query) == town


def test_a_misspelt_town_is_found_in_any_case_form(searcher) -> None:
    assert place(searcher, "pečovatelka z Drevohostc") == "Dřevohostice"


@pytest.mark.parametrize(
    "query", ["Nováková", "paní Nováková", "pani Novakova", "Pavel", "Petrovi", "k Petrovi", "Karolína"]
)
def test_surnames_never_become_places(searcher, query) -> None:
    assert searcher.understand(query)[0].place is None


def test_a_surname_beside_a_town_leaves_the_town(searcher) -> None:
    assert place(searcher, "pani Novakova z Kojetina") == "Kojetín"


def test_the_typo_correction_never_turns_a_name_into_a_place(searcher) -> None:
    assert searcher._correct("novak") != "tovak"
    assert searcher.understand("paní Novák potřebuje pomoc")[0].place is None


def test_a_capitalised_word_mid_sentence_is_a_place_only_after_a_preposition(searcher) -> None:
    assert searcher.understand("volal pan Tovacof")[0].place is None
    assert place(searcher, "bydlím v Tovacově") == "Tovačov"


def test_a_first_name_that_is_a_case_of_a_town_is_the_town_after_a_preposition(searcher) -> None:
    assert place(searcher, "do Karolína") == "Karolín"
    assert place(searcher, "bydlím v Karolíně") == "Karolín"


@pytest.mark.parametrize(
    ("query", "town"),
    [
        ("Оломоуць", "Olomouc"),
        ("з Оломоуця", "Olomouc"),
        ("Коетін", "Kojetín"),
        ("Пршеров", "Přerov"),
        ("Товачов", "Tovačov"),
    ],
)
def test_cyrillic_town_names_are_found(searcher, query, town) -> None:
    assert place(searcher, query) == town


@pytest.mark.parametrize(
    ("query", "town"),
    [
        ("у Кромержижі", "Kroměříž"),
        ("в Пршерові", "Přerov"),
        ("в Пршерове", "Přerov"),
        ("у Дршевогостіцах", "Dřevohostice"),
    ],
)
def test_ukrainian_locative_is_found(searcher, query, town) -> None:
    assert place(searcher, query) == town


@pytest.mark.parametrize(
    ("query", "town"),
    [("мама в Кожетині", "Kojetín"), ("житло, Кожетін", "Kojetín"), ("шукаю житло в Пшерові", "Přerov")],
)
def test_a_cyrillic_town_with_another_rendering_of_a_czech_sound_is_found(searcher, query, town) -> None:
    assert place(searcher, query) == town


@pytest.mark.parametrize(
    ("query", "town"), [("pečovatelka pro mámu, Kojetýn", "Kojetín"), ("obědy – Tovacof", "Tovačov")]
)
def test_a_capitalised_misspelt_town_after_a_comma_or_dash_is_found(searcher, query, town) -> None:
    assert place(searcher, query) == town


@pytest.mark.parametrize(
    "query", ["Dobrý den, potřebuji pečovatelku. S pozdravem, Nováková", "pomoc pro mámu, Petrovi"]
)
def test_a_name_after_a_comma_is_still_no_place(searcher, query) -> None:
    assert searcher.understand(query)[0].place is None


def test_a_cyrillic_need_is_still_understood_beside_a_cyrillic_town(searcher) -> None:
    understood = searcher.understand("будинок престарілих у Пршерові")[0]
    assert understood.place.name == "Přerov"
    assert "DruhSocialniSluzby/13" in {n.key for n in understood.needs}


@pytest.mark.parametrize(
    ("query", "town"),
    [("care home in Prerov", "Přerov"), ("near Kromeriz", "Kroměříž"), ("Prerov's care homes", "Přerov")],
)
def test_english_forms_of_town_names_are_found(searcher, query, town) -> None:
    assert place(searcher, query) == town


@pytest.mark.parametrize("query", ["lhůta na odvolání", "Bug"])
def test_a_changed_letter_in_a_short_word_is_no_town(searcher, query) -> None:
    assert searcher.understand(query)[0].place is None


def test_a_misspelt_place_elsewhere_never_becomes_a_local_town(searcher) -> None:
    assert searcher.understand("v Jihlavě")[0].place.kind == "outside"
    assert searcher.understand("v Jihlawa")[0].place is None  # one letter from Jihlávka, none from Jihlava


def test_a_town_named_exactly_wins_over_a_misspelt_one(searcher) -> None:
    assert place(searcher, "kojetyn nebo Přerov") == "Přerov"


@pytest.mark.parametrize(("bigger", "smaller"), [("Luběnice", "Lupenice"), ("Lupenice", "Luběnice")])
def test_the_most_populous_of_equally_near_towns_wins(bigger, smaller) -> None:
    towns = [Town(1, bigger, "Přerov", 900, None), Town(2, smaller, "Přerov", 90, None)]
    searcher = Searcher(CatalogueView([], towns, {}))
    assert place(searcher, "lubennice") == bigger


def test_phonetic_key_merges_the_letters_people_confuse() -> None:
    assert phonetic_key("kojetyn") == phonetic_key("kojetin")
    assert phonetic_key("tovacof") == phonetic_key("tovacov")
    assert phonetic_key("hranicih") == phonetic_key("hranicich")


def test_transliteration_renders_czech_r_and_soft_signs() -> None:
    assert transliterate("пршерові") == "přerovi"
    assert transliterate("оломоуць") == "olomouc"
    assert transliterate("щастя") == "ščastja"


@pytest.mark.parametrize(
    "query",
    [
        "syn hraje hry a na výšce propadá",
        "na tábor pro děti nemám peníze",
        "sháním CHB pro muže 40 let",
        "mám rakovinu a žiju sám",
        "vyhodili ho z výšky, kam s tím",
    ],
)
def test_everyday_words_and_abbreviations_never_become_places(searcher, query) -> None:
    assert searcher.understand(query)[0].place is None


@pytest.mark.parametrize("query", ["bydlím v Rakově", "jsem z rakova", "pečovatelka do Rakova"])
def test_a_town_whose_stem_an_everyday_word_shares_is_still_found(searcher, query) -> None:
    assert place(searcher, query) == "Rakov"


@pytest.mark.parametrize(
    ("query", "town"), [("jsme z Tábora", "Tábor"), ("bydlím v praze", "Praha"), ("jsem z vyškova", "Vyškov")]
)
def test_a_town_elsewhere_named_as_a_place_is_still_recognised(searcher, query, town) -> None:
    found = searcher.understand(query)[0].place
    assert found is not None and (found.kind, found.name) == ("outside", town)


def test_a_kind_of_service_the_catalogue_lacks_is_named_not_shown_as_an_id(searcher) -> None:
    labels = [searcher.vocabulary.label(n) for n in searcher.search("terapeutická komunita").understood.needs]
    assert "terapeutické komunity" in labels


@pytest.mark.parametrize(
    "query",
    [
        "je mi 83, dcera je v Jihlavě, nosil by mi někdo obědy?",
        "syn žije v Jihlavě",
        "manžel umřel, děti mám v Brně a jsem pořád sama",
        "our children live in Prague, my husband needs a carer",
    ],
)
def test_a_relatives_town_elsewhere_is_not_where_help_is_sought(searcher, query) -> None:
    assert searcher.understand(query)[0].place is None


def test_a_relatives_town_elsewhere_leaves_the_writers_own_town(searcher) -> None:
    assert place(searcher, "dcera je v Jihlavě, já bydlím v Kojetíně") == "Kojetín"
    assert searcher.understand("bydlím v Jihlavě")[0].place.kind == "outside"


def test_an_everyday_ukrainian_word_is_no_misspelt_town(searcher) -> None:
    assert searcher.understand("після пологів прийшов великий рахунок")[0].place is None


def test_the_town_of_a_hospital_stay_is_not_where_help_is_sought(searcher) -> None:
    assert place(searcher, "vracím se z léčebny v Kroměříži, co je pro abstinenty v Přerově?") == "Přerov"
    assert searcher.understand("máma leží v nemocnici v Kroměříži")[0].place is None
    assert place(searcher, "pečovatelka v Kroměříži") == "Kroměříž"


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("чоловік увесь вечір грає на автоматах, гроші зникли", "DruhSocialniSluzby/22"),
        ("де порадитись щодо трудового договору з агентурою", "DruhSocialniSluzby/1"),
        ("my dad keeps missing his GP appointments, nobody can take him", "DruhSocialniSluzby/4"),
        ("мама з ранку до вечора вдома, допомога вдень потрібна", "DruhSocialniSluzby/9"),
        ("мой сосед спит в машине уже неделю, где ему переждать ночь", "DruhSocialniSluzby/26"),
        ("she lost her passport and wallet on the train, who helps", "DruhSocialniSluzby/1"),
        ("my grandmother is slowly going blind and lives alone", "DruhSocialniSluzby/6"),
        ("we would like family therapy for us and our teenage son", "DruhSocialniSluzby/1"),
        ("jsem babička a vychovávám vnoučata, kde nám poradí", "DruhSocialniSluzby/28"),
        ("хочу оформити опіку над онуками, куди звернутися", "DruhSocialniSluzby/1"),
        ("ми з дітьми не можемо заплатити за світло цього місяця", "DruhSocialniSluzby/1"),
    ],
)
def test_ukrainian_russian_and_english_everyday_needs_are_understood(searcher, query, need) -> None:
    assert need in {n.key for n in searcher.understand(query)[0].needs}
