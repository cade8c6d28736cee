"""The search understands how people name needs and places, and says why when nothing fits."""

from __future__ import annotations

from itertools import count

import pytest

from bot.search.documents import CatalogueView, ServiceDoc, Town
from bot.search.engine import (
    NO_SERVICE,
    NOT_FOR_GROUP,
    NOT_IN_PLACE,
    NOT_UNDERSTOOD,
    PLACE_OUTSIDE,
    Searcher,
    hit_as_dict,
)

PREROV, KOJETIN, TROUBKY, BRODEK, TOVACOV = 511382, 514055, 519651, 512800, 519146
LIPNIK, KROMERIZ = 514705, 588296
TOWNS = [
    Town(PREROV, "Přerov", "Přerov", 41000, "v Přerově"),
    Town(KOJETIN, "Kojetín", "Přerov", 6000, "v Kojetíně"),
    Town(TROUBKY, "Troubky", "Přerov", 2000, "v Troubkách"),
    Town(BRODEK, "Brodek u Přerova", "Přerov", 2000, "v Brodku u Přerova"),
    Town(TOVACOV, "Tovačov", "Přerov", 2300, "v Tovačově"),
    Town(LIPNIK, "Lipník nad Bečvou", "Lipník nad Bečvou", 8000, "v Lipníku nad Bečvou"),
    Town(KROMERIZ, "Kroměříž", "Kroměříž", 28000, "v Kroměříži"),
]
NAMES = {t.code: t.name for t in TOWNS}
ids = count(1)

DRUH = {
    "pecovatelska": ("DruhSocialniSluzby/4", "pečovatelská služba"),
    "domov": ("DruhSocialniSluzby/13", "domovy pro seniory"),
    "azyl": ("DruhSocialniSluzby/20", "azylové domy"),
    "linka": ("DruhSocialniSluzby/18", "telefonická krizová pomoc"),
    "poradenstvi": ("DruhSocialniSluzby/1", "odborné sociální poradenství"),
    "nzdm": ("DruhSocialniSluzby/25", "nízkoprahová zařízení pro děti a mládež"),
    "asistence": ("DruhSocialniSluzby/3", "osobní asistence"),
}


def service(
    name: str, druh: str, town: int, *, field: bool = False, area=(), groups=("senioři",), **extra
) -> ServiceDoc:
    druh_id, druh_name = DRUH[druh]
    return ServiceDoc(
        id=next(ids),
        name=name,
        registry_id=str(1000000 + len(name)),
        provider="Poskytovatel " + name,
        druh_id=druh_id,
        druh_name=druh_name,
        target_groups=frozenset(groups),
        forms=frozenset({"FormaSocialniSluzby/ter"} if field else {"FormaSocialniSluzby/amb"}),
        place_codes=frozenset({town}),
        place_names=(NAMES[town],),
        area_codes=frozenset(area),
        **extra,
    )


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    services = [
        service("Pečovatelská služba Kojetín", "pecovatelska", KOJETIN, field=True, area=[KOJETIN]),
        service("Pečovatelská služba Přerov", "pecovatelska", PREROV, field=True),
        service("Domov pro seniory Tovačov", "domov", TOVACOV),
        service("Domov pro seniory Lipník", "domov", LIPNIK),
        service("Azylový dům pro muže", "azyl", PREROV, groups=("osoby bez přístřeší",)),
        service("Linka důvěry", "linka", PREROV, groups=("osoby v krizi",)),
        service(
            "Občanská poradna",
            "poradenstvi",
            PREROV,
            groups=("osoby v krizi",),
            description="Pomoc s dluhy, exekucemi a oddlužením.",
        ),
        service(
            "Klub Zóna",
            "nzdm",
            KOJETIN,
            groups=("děti a mládež ve věku od 6 do 26 let ohrožené společensky nežádoucími jevy",),
        ),
    ]
    return Searcher(CatalogueView(services, TOWNS, {}))


def names(result) -> list[str]:
    return [h.service.name for h in result.hits]


def test_locative_town_names_are_recognised(searcher) -> None:
    result = searcher.search("pečovatelskou službu v Kojetíně")
    assert result.understood.town == "Kojetín"
    assert names(result)[0] == "Pečovatelská služba Kojetín"


def test_text_without_diacritics_finds_the_same(searcher) -> None:
    assert names(searcher.search("pecovatelska sluzba kojetin"))[0] == "Pečovatelská služba Kojetín"


def test_typos_in_the_need_are_tolerated(searcher) -> None:
    result = searcher.search("pecovatelksa sluzab v kojetine")
    assert names(result)[0] == "Pečovatelská služba Kojetín"


@pytest.mark.parametrize(
    ("query", "town"),
    [
        ("domov pro seniory v Lipníku nad Bečvou", "Lipník nad Bečvou"),
        ("pečovatelská služba Brodek u Přerova", "Brodek u Přerova"),
        ("pecovatelska sluzba v brodku u prerova", "Brodek u Přerova"),
        ("pečovatelka Troubky", "Troubky"),
        ("pečovatelská služba v Troubkách", "Troubky"),
    ],
)
def test_multi_word_and_inflected_town_names_are_one_place(searcher, query, town) -> None:
    assert searcher.search(query).understood.town == town


def test_region_name_means_the_whole_orp(searcher) -> None:
    result = searcher.search("domov pro seniory na Přerovsku")
    assert result.understood.place.kind == "orp"
    assert names(result) == ["Domov pro seniory Tovačov"]


def test_field_service_reaches_villages_of_its_orp(searcher) -> None:
    result = searcher.search("pečovatelská služba Troubky")
    assert names(result) == ["Pečovatelská služba Přerov"]
    assert not result.hits[0].in_place


def test_service_with_an_area_reaches_only_its_area(searcher) -> None:
    assert "Pečovatelská služba Kojetín" not in names(searcher.search("pečovatelská služba Troubky"))


def test_services_in_the_town_rank_above_those_that_only_reach_it(searcher) -> None:
    result = searcher.search("pečovatelská služba Kojetín")
    assert [h.in_place for h in result.hits] == [True, False]


def test_telephone_crisis_help_serves_everyone(searcher) -> None:
    result = searcher.search("telefonická krizová pomoc", town="Troubky")
    assert "Linka důvěry" in names(result)


@pytest.mark.parametrize("query", ["autoservis přerov", "pizza", "kadeřnictví Kojetín"])
def test_what_is_not_a_social_need_returns_nothing(searcher, query) -> None:
    result = searcher.search(query)
    assert result.hits == [] and result.reason == NOT_UNDERSTOOD


def test_a_place_outside_the_regions_is_said_plainly(searcher) -> None:
    result = searcher.search("domov pro seniory v Brně")
    assert result.hits == [] and result.reason == PLACE_OUTSIDE


@pytest.mark.parametrize(
    "query",
    [
        "dřív jsem bydlel v Brně, teď jsem v Kojetíně a potřebuju pečovatelku",
        "jsem z Brna, pečovatelská služba Kojetín",
        "pracuju v Brně a maminka zůstala sama v Kojetýně, potřebuje pečovatelku",
    ],
)
def test_a_municipality_of_the_region_beats_a_place_elsewhere_named_beside_it(searcher, query) -> None:
    result = searcher.search(query)
    assert result.understood.place is not None and result.understood.place.name == "Kojetín"
    assert result.hits and result.reason != PLACE_OUTSIDE


@pytest.mark.parametrize(
    "query",
    [
        "mamka je po operaci sama doma a já jsem daleko v Brně, kdo by jí nosil obědy?",
        "I work in Ostrava and my dad can no longer cook for himself, who brings meals?",
        "я працюю в Брно, а мама сама, потрібні обіди додому",
        "máma dětí zdrhla do Rakouska, já mám doma dvě děti a dluhy",
    ],
)
def test_where_a_carer_far_away_is_is_not_where_help_is_sought(searcher, query) -> None:
    result = searcher.search(query)
    assert result.understood.place is None
    assert result.hits and result.reason != PLACE_OUTSIDE


def test_a_writer_who_needs_help_where_they_live_elsewhere_is_told_so(searcher) -> None:
    result = searcher.search("já jsem v Brně a hledám pro sebe pečovatelku")
    assert result.reason == PLACE_OUTSIDE


@pytest.mark.parametrize(
    "query",
    [
        "syn chce příští rok studovat v Přerově, ale bydlíme v Kojetíně, potřebuje pečovatelku",
        "my son wants to study in Přerov next year, we live in Kojetín and need a carer",
        "спершу ми мешкали в Přerově, торік переїхали до Коєтіна, потрібна доглядальниця для тата",
    ],
)
def test_where_the_writer_lives_beats_another_town_of_the_region(searcher, query) -> None:
    result = searcher.search(query)
    assert result.understood.place is not None and result.understood.place.name == "Kojetín"


def test_a_need_nobody_serves_in_the_place_is_not_in_place(searcher) -> None:
    result = searcher.search("domov pro seniory Kroměříž")
    assert result.hits == [] and result.reason == NOT_IN_PLACE


def test_a_service_not_meant_for_the_group_is_not_for_group(searcher) -> None:
    result = searcher.search("azylový dům", group="seniori")
    assert result.hits == [] and result.reason == NOT_FOR_GROUP


def test_a_known_need_without_any_service_is_no_service(searcher) -> None:
    result = searcher.search("", need="DruhSocialniSluzby/17")
    assert result.hits == [] and result.reason == NO_SERVICE


def test_explicit_slots_work_without_text(searcher) -> None:
    result = searcher.search(None, town="Kojetín", group="seniori")
    # the care services that come to Kojetín first, then the home in the ORP's town
    assert set(names(result)[:2]) == {"Pečovatelská služba Kojetín", "Pečovatelská služba Přerov"}
    assert names(result)[2:] == ["Domov pro seniory Tovačov"]


def test_words_of_the_description_find_a_service(searcher) -> None:
    assert names(searcher.search("exekuce"))[0] == "Občanská poradna"


def test_results_page_through_with_offset(searcher) -> None:
    first = searcher.search("pečovatelská služba", limit=1)
    second = searcher.search("pečovatelská služba", limit=1, offset=1)
    assert first.total == second.total == 2
    assert names(first) != names(second)


def test_hit_json_carries_the_register_id(searcher) -> None:
    row = hit_as_dict(searcher.search("klub zóna").hits[0])
    assert set(row) == {"id", "registry_id", "name", "provider", "service_type", "municipality", "score"}
    assert row["municipality"] == "Kojetín"


def test_a_secondary_meaning_of_an_expression_still_finds_services(searcher) -> None:
    # "bezdomovec" points first to noclehárny, then to azylové domy; only the latter exist here
    assert names(searcher.search("bezdomovec")) == ["Azylový dům pro muže"]


def test_a_need_served_only_elsewhere_is_not_in_place_even_when_other_services_share_its_words() -> None:
    shelter = service("Azylový dům pro muže", "azyl", PREROV, groups=("osoby bez přístřeší",), area=[PREROV])
    care = service(
        "Pečovatelská služba",
        "pecovatelska",
        PREROV,
        field=True,
        description="Pomoc v domě, s úklidem a nákupy, pro ženy i pro muže.",
    )
    searcher = Searcher(CatalogueView([shelter, care], TOWNS, {}))
    result = searcher.search("azylový dům pro muže v Troubkách")
    assert result.hits == [] and result.reason == NOT_IN_PLACE  # the dialog then shows the ORP's offer
    assert names(searcher.search("azylový dům pro muže v Přerově"))[0] == "Azylový dům pro muže"


def test_an_everyday_word_is_no_typo_of_another_need_but_an_inflection_still_reads() -> None:
    searcher = Searcher(CatalogueView([], [], {}))
    keys = lambda q: {n.key for n in searcher.understand(q)[0].needs}  # noqa: E731
    assert "obet-trestneho-cinu" not in keys("vyprat jí prádlo")  # "prádlo" is not "přepadl"
    assert "obet-trestneho-cinu" in keys("v parku mě přepadli")
    assert "nakupy-a-pochuzky" in keys("kdo by tátovi nakoupil")


def test_a_service_with_no_area_of_its_own_is_reached_from_the_whole_orp() -> None:
    shelter = service("Azylový dům Přerov", "azyl", PREROV, groups=("osoby bez přístřeší",))
    office = service("Poradna v Kojetíně", "poradenstvi", KOJETIN, area=[KOJETIN])
    searcher = Searcher(CatalogueView([shelter, office], TOWNS, {}))
    result = searcher.search("azylový dům", town="Troubky")
    assert names(result)[0] == "Azylový dům Přerov"
    assert not result.hits[0].in_place  # reached by going to Přerov, not sited in Troubky
    assert searcher.search("poradna", town="Troubky").reason == NOT_IN_PLACE  # an area given is kept


def test_a_mother_with_a_child_and_no_home_gets_the_mothers_shelter_before_the_mens() -> None:
    mothers = service("Přístav pro matky", "azyl", PREROV, groups=("osoby bez přístřeší", "rodiny s dítětem/dětmi"))
    men = service("Azylový dům pro muže", "azyl", PREROV, groups=("osoby bez přístřeší",))
    searcher = Searcher(CatalogueView([men, mothers], TOWNS, {}))
    assert names(searcher.search("vyhodili nás z bytu, jsem sama s dítětem"))[0] == "Přístav pro matky"


def test_a_dative_town_in_latin_letters_is_the_town(searcher) -> None:
    result = searcher.search("живу в Prerovi, потрібна допомога")
    assert result.understood.place is not None and result.understood.place.name == "Přerov"


@pytest.mark.parametrize(
    ("query", "situation"),
    [
        ("потрібна допомога з житлом", "ztrata-bydleni"),
        ("допомога на житло", "prace-urady-davky"),
        ("potřebuju pomoc s bydlením", "ztrata-bydleni"),
    ],
)
def test_help_with_housing_and_the_housing_allowance_stay_apart(searcher, query, situation) -> None:
    assert situation in [n.key for n in searcher.search(query).understood.needs]


def village_searcher(home_care_reaches: list[int]) -> Searcher:
    """Home care from Kojetín reaching `home_care_reaches`; personal assistance from Přerov also in Troubky."""
    services = [
        service("Pečovatelská služba Kojetín", "pecovatelska", KOJETIN, field=True, area=home_care_reaches),
        service("Osobní asistence Přerov", "asistence", PREROV, field=True, area=[PREROV, TROUBKY]),
    ]
    return Searcher(CatalogueView(services, TOWNS, {}))


def test_a_village_the_asked_kind_of_service_does_not_reach_is_named_with_the_other_help() -> None:
    village = village_searcher([KOJETIN])
    result = village.search("kdo by mamince v Troubkách nosil nákup a obědy")
    assert names(result) == ["Osobní asistence Přerov"] and result.unreached == "pečovatelská služba"
    assert village.search("kdo by mamince v Kojetíně nosil nákup a obědy").unreached is None
