"""The light Ukrainian and Russian stemmer: inflected forms of a word meet, other words do not.

Refugees and carers write to the bot in Ukrainian or Russian, in whatever case the sentence
needs ("шукаю доглядальницю", "нема притулку", "допомога з боргами", "помощь с долгами").
The forms are as `bot.search.text.tokenize` gives them: lowercase, apostrophes removed.
"""

from __future__ import annotations

import pytest

from bot.search.stemmer import _stem, stem
from bot.search.text import tokenize

# lemma -> its forms, each family must collapse to one stem
FAMILIES: dict[str, str] = {
    # Ukrainian nouns
    "борг": "борг борги боргу боргом боргами боргів боргах боргові",
    "притулок": "притулок притулку притулки притулків притулком притулками притулках",
    "будинок": "будинок будинку будинки будинків будинком",
    "доглядальниця": "доглядальниця доглядальницю доглядальниці доглядальницею доглядальниць доглядальницями",
    "допомога": "допомога допомоги допомогу допомогою допомозі",
    "залежність": "залежність залежності залежністю",
    "самотність": "самотність самотності самотністю",
    "депресія": "депресія депресії депресію депресією",
    "житло": "житло житла житлу житлом житлі",
    "сімя": "сімя сімї сімю сімєю",
    "пенсія": "пенсія пенсії пенсію пенсією",
    "виплата": "виплата виплати виплату виплатою виплат",
    "кредит": "кредит кредиту кредити кредитів кредитами",
    "наркотик": "наркотик наркотики наркотиків наркотиками",
    "інвалідність": "інвалідність інвалідності інвалідністю",
    "візок": "візок візка візку візком",
    "їжа": "їжа їжі їжу їжею",
    "ніч": "ніч ночі",
    # Ukrainian adjectives
    "бездомний (uk, ru)": "бездомний бездомна бездомного бездомному бездомні бездомних бездомною "
    "бездомный бездомная бездомные бездомной",
    "соціальний": "соціальний соціальна соціальної соціальну соціальні соціальних соціальним соціальному",
    # Russian nouns
    "долг": "долг долга долгу долги долгов долгами долгах долгом",
    "ночлежка": "ночлежка ночлежки ночлежку ночлежке ночлежкой ночлежек ночлежках",
    "сиделка": "сиделка сиделки сиделку сиделке сиделкой сиделок сиделками",
    "приют": "приют приюта приюту приюте приютом приюты приютов",
    "помощь": "помощь помощи помощью",
    "зависимость": "зависимость зависимости зависимостью",
    "депрессия": "депрессия депрессии депрессию депрессией",
    "пособие": "пособие пособия пособию пособием пособий пособиями",
    "жильё": "жильё жилье жилья жилью жильем",
    "одиночество": "одиночество одиночества одиночеством",
    "ребёнок": "ребёнок ребенок ребёнка ребенка ребенку ребенком",
    "адвокат": "адвокат адвоката адвокату адвокатом адвокаты",
    "совет": "совет совета советом советы",
    "память (uk, ru)": "пам'ять пам'яті память памяти памятью",
    "еда": "еда еды еду едой",
    # verbs: the present forms of one verb meet; Russian infinitives meet them too
    "ухаживать": "ухаживать ухаживаю ухаживаешь ухаживает ухаживаем ухаживаете ухаживают",
    "доглядати (теп.)": "доглядаю доглядаєш доглядає доглядаємо доглядаєте доглядають",
    "жити/жить": "жити жить",
    "спати/спать": "спати спать",
    "пити/пить": "пити пить",
    "митися/мыться": "митися мити",
    "мыться": "мыться мыть",
}


def _stems(lemma: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for form in FAMILIES[lemma].split():
        found.setdefault(stem(tokenize(form)[0]), []).append(form)
    return found


@pytest.mark.parametrize("lemma", sorted(FAMILIES))
def test_the_forms_of_a_word_share_one_stem(lemma: str) -> None:
    stems = _stems(lemma)
    assert len(stems) == 1, f"{lemma}: {stems}"


def test_different_words_of_the_table_get_different_stems() -> None:
    owners: dict[str, set[str]] = {}
    for lemma in FAMILIES:
        for found in _stems(lemma):
            owners.setdefault(found, set()).add(lemma)
    shared = {s: lemmas for s, lemmas in owners.items() if len(lemmas) > 1}
    assert shared == {}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("борг", "борщ"),
        ("долг", "дом"),
        ("приют", "при"),  # "-ют" is not a verb ending after "и"
        ("совет", "сов"),  # nor "-ет" after a consonant
        ("кредит", "креди"),  # Ukrainian "-ти" is a plural, not an infinitive
        ("зарплати", "зарпла"),
        ("допомога", "догляд"),
        ("доглядальниця", "догляд"),  # derivation is not undone
        ("притулок", "притул"),
        ("сиделка", "сидеть"),
        ("школа", "шкала"),
        ("пенсія", "пенсіонер"),
        ("дитина", "діти"),  # suppletion is not undone (the vocabulary lists both)
    ],
)
def test_unrelated_words_stay_apart(one: str, other: str) -> None:
    assert stem(one) != stem(other)


def test_stems_keep_at_least_three_letters() -> None:
    for word in ("борги", "долги", "діти", "люди", "жити", "мати", "дому", "ночі", "сімї", "еды"):
        assert len(stem(word)) >= 3, (word, stem(word))
    # a verb ending leaves four letters
    assert stem("ухаживать") == "ухажива"
    assert stem("знать") == stem("знати") == "знат"


def test_short_words_are_kept_and_yo_is_written_e() -> None:
    for word in ("сон", "дно", "мед", "рак"):
        assert stem(word) == word
    assert stem("ёж") == "еж"
    assert stem("жильё") == stem("жилье")
    assert stem("ґанок") == stem("ганок")
    # listed exceptions: the Ukrainian і/о of "дім/дому" and "ніч/ночі"
    assert stem("дім") == stem("дому") == stem("домом")
    assert stem("ніч") == stem("ночі")


def test_reflexive_particle_goes_only_after_a_verb_ending() -> None:
    assert stem("митися") == stem("мити")
    assert stem("заниматься") == stem("заниматься".removesuffix("ся"))
    assert stem("боюсь") == stem("боюся")
    assert stem("дідуся") == stem("дідусь")  # a noun in "-ся" keeps its stem


def test_latin_words_are_stemmed_by_the_czech_rules_only() -> None:
    for word in ("pecovatelkou", "dluhy", "prerove", "shelter", "debts", "dluhovka", "exekuce"):
        assert stem(word) == _stem(word)


def test_words_mixing_scripts_or_with_digits_are_not_stemmed_as_cyrillic() -> None:
    assert stem("дoглядальницю") == _stem("дoглядальницю") != stem("доглядальницю")  # Latin "o"
    assert stem("борг2024") == "борг2024"
