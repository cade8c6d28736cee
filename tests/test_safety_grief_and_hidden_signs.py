"""Grief after a suicide is no danger of the writer's own; veiled threats, an allergic swelling,
a feverish listless baby, a person with dementia wandering off and a secret asked beside photos are."""

from __future__ import annotations

import pytest

from tests.test_safety import assess


@pytest.mark.parametrize(
    "text",
    [
        "Hledám skupinu pro pozůstalé, loni na jaře spáchal sebevraždu můj bratr a nevím, jak to unést.",
        "Po sebevraždě manžela jsem zůstala s dětmi sama v Kojetíně, potřebuju poradit s vdovským důchodem.",
        "Tátovi se před rokem zabil syn, od té doby skoro nevychází. Bydlí v Bochoři, hledám mu obědy.",
        "My sister took her own life in March and my nephew keeps asking about it, is there a counsellor for kids?",
        "Мій чоловік покінчив із собою два роки тому, шукаю юридичну пораду щодо спадщини в Пршерові.",
        "Мой сын покончил с собой прошлой осенью, жена не встаёт с постели. Где найти психолога для неё?",
    ],
)
def test_a_suicide_of_someone_close_told_by_the_one_left_behind_is_grief(text) -> None:
    found = assess(text)
    assert not found.danger
    assert found.behind == {"suicide"}  # a quiet line of help still follows the answer


def test_the_bereaved_who_wants_to_die_too_is_heard() -> None:
    found = assess("Po sebevraždě manželky už taky nechci žít, nemá to smysl.")
    assert "suicide" in found.categories


def test_ending_up_with_a_bad_back_is_no_end_of_life() -> None:
    assert not assess("Dělal jsem na stavbě dvacet let a skončil jsem se zády, teď mám invalidní důchod.").danger


@pytest.mark.parametrize(
    "text",
    [
        "Bývalý manžel mi pořád stojí u domu a sestře napsal, že to s námi neskončí dobře.",
        "Půjčil jsem si od souseda a teď mi vzkázal, že když nevrátím dvojnásobek, bude se to řešit jinak.",
        "Он написал моей маме, что добром это не кончится, если я не вернусь к нему.",
    ],
)
def test_a_veiled_threat_said_to_someone_is_a_threat(text) -> None:
    assert "threats" in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Bojím se, že ta zkouška z matiky nedopadne dobře, je nějaké doučování v Přerově?",
        "Na úřadě mi řekli, že se to bude řešit jinak, přes jinou kancelář. Kde ji najdu?",
    ],
)
def test_a_worry_or_an_office_arrangement_is_no_threat(text) -> None:
    assert not assess(text).danger


def test_lips_swelling_after_nuts_is_an_emergency() -> None:
    found = assess("Snědla jsem dort s oříšky a teď mi otékají rty a jazyk, kde je otevřená lékárna?")
    assert "medical_emergency" in found.categories and found.acute


def test_a_swelling_that_went_down_is_no_emergency() -> None:
    assert not assess(
        "Minulý týden mi po zubaři otekl ret, doktor říkal, že je to v pořádku. Hledám nového zubaře."
    ).danger


def test_a_baby_told_in_months_with_fever_and_listless_is_an_emergency() -> None:
    found = assess("Dceři jsou tři měsíce, od rána má horečku přes 39 a je úplně malátná. Můžeme počkat do zítra?")
    assert "medical_emergency" in found.categories and found.acute


def test_a_baby_told_in_months_is_no_danger_by_itself() -> None:
    assert not assess("Synovi je pět měsíců, hledáme kurz plavání pro miminka v Přerově.").danger


def test_a_person_with_dementia_who_wandered_off_is_an_emergency() -> None:
    found = assess("Děda má demenci a před dvěma hodinami odešel z domu jen v pyžamu, venku je tma. Co máme dělat?")
    assert found.danger and found.acute


def test_a_secret_asked_beside_photos_is_grooming() -> None:
    found = assess("kamarád z netu chce moje fotky bez trička a prý to nesmím nikomu říct, je mi 12")
    assert "sexual_violence" in found.categories


def test_a_man_bellowing_next_door_is_heard() -> None:
    assert assess("U sousedů je už hodinu slyšet řvaní a rány, dítě tam pláče. Komu to nahlásit?").danger


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("stoju na mostu nad rekoj, bolshe ne mogu, prostite menja", "suicide"),
        ("napisala proshchalnoe pismo mame, segodnja vecherom vse zakonchu", "suicide"),
        ("ja opjat carapaju sebya nozhnicami kogda papa krichit, mne 14", "self_harm"),
    ],
)
def test_russian_in_latin_letters_is_read_like_cyrillic(text, category) -> None:
    assert category in assess(text).categories


def test_crying_is_no_poster_topic() -> None:
    found = assess("je mi hrozně, celý večer nemůžu přestat plakat a třesou se mi ruce, bojím se, že se zblázním")
    assert found.danger
    assert not assess("kreslíme ve škole plakát o prevenci šikany, kde najdu obrázky?").danger
