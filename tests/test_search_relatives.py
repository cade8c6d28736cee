"""Family words say whose need it is: they lift a group's services, never filter, never mislead."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search.documents import CatalogueView
from bot.search.engine import Searcher
from bot.search.relatives import Relatives
from tests.test_search_engine import KOJETIN, PREROV, TOWNS, service


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    services = [
        service("Pečovatelská služba Kojetín", "pecovatelska", KOJETIN, field=True, area=[KOJETIN]),
        service("Poradna pro seniory", "poradenstvi", PREROV),
        service("Rodinná poradna", "poradenstvi", PREROV, groups=("rodiny s dítětem/dětmi",)),
        service("Linka důvěry", "linka", PREROV, groups=("osoby v krizi",)),
    ]
    return Searcher(CatalogueView(services, TOWNS, {}))


def names(result) -> list[str]:
    return [h.service.name for h in result.hits]


@pytest.mark.parametrize("text", ["poradna pro mamku", "poradna pro dědu", "poradna mámě", "порада для бабусі"])
def test_an_elder_relative_to_help_lifts_the_seniors_services(searcher, text) -> None:
    result = searcher.search(text)
    assert names(result)[0] == "Poradna pro seniory"
    assert "Rodinná poradna" in names(result)  # lifted, never filtered


def test_the_lift_is_left_out_when_the_relative_is_not_the_one_to_help(searcher) -> None:
    understood, _, _ = searcher.understand("poradna, táta mě bije", relatives=False)
    assert "seniori" not in understood.families


def test_a_verb_spelled_like_a_relative_is_not_one(searcher) -> None:
    # "máme" (we have) folds to "mame", as "mámě" (to mum) does; only the latter is a relative
    assert "seniori" not in searcher.understand("máme dluhy, poradna")[0].families
    assert "seniori" not in searcher.understand("mame dluhy, poradna")[0].families
    assert "seniori" in searcher.understand("mámě pomůže poradna")[0].families


def test_a_son_or_daughter_says_nothing_about_age(searcher) -> None:
    assert searcher.understand("poradna pro syna")[0].families == ()


def test_relatives_are_read_from_data(tmp_path: Path) -> None:
    path = tmp_path / "pribuzni.csv"
    path.write_text("vyraz,kdo,skupina,tvary\nteta,teta,seniori,teta tetu =tetě\n", encoding="utf-8")
    relatives = Relatives.from_file(path)
    found = relatives.find("pro tetu", ["pro", "tetu"])
    assert list(found) == [1] and found[1].group == "seniori"
    assert list(relatives.find("dej to tetě", ["dej", "to", "tete"])) == [2]
    assert relatives.find("dej to tete", ["dej", "to", "tete"]) == {}  # "=" forms only as written


def test_the_need_named_is_the_one_the_first_service_meets() -> None:
    from dataclasses import replace

    dzr = replace(
        service("Domov se zvláštním režimem Kojetín", "domov", KOJETIN),
        druh_id="DruhSocialniSluzby/14",
        druh_name="domovy se zvláštním režimem",
    )
    searcher = Searcher(CatalogueView([service("Domov pro seniory Přerov", "domov", PREROV), dzr], TOWNS, {}))
    # "domov důchodců" means a home for the elderly first, a home for people with dementia next
    anywhere = searcher.search("domov důchodců")
    assert anywhere.listed_label == "domovy pro seniory"
    in_kojetin = searcher.search("domov důchodců", town="Kojetín")
    assert names(in_kojetin)[0] == "Domov se zvláštním režimem Kojetín"  # the home in Přerov comes next
    assert in_kojetin.listed_label == "domovy se zvláštním režimem"


@pytest.mark.parametrize(
    "query", ["dceři jsou 3 roky a ještě nechodí", "dcera (14) nechce do školy", "our son is 4", "сыну 6 лет"]
)
def test_a_son_or_daughter_of_a_childs_age_lifts_the_services_for_children(searcher, query) -> None:
    assert "rodiny-deti" in searcher.understand(query)[0].families


def test_a_grown_son_lifts_no_childrens_services(searcher) -> None:
    assert "rodiny-deti" not in searcher.understand("synovi je 40 a pije")[0].families


def test_a_widow_who_talks_to_no_one_is_lonely_not_a_child_who_does_not_speak(searcher) -> None:
    lonely = {n.key for n in searcher.understand("po smrti ženy s nikým nemluvím, máte tu klub pro starší?")[0].needs}
    late = {n.key for n in searcher.understand("syn ve dvou letech ještě nemluví")[0].needs}
    assert "osamelost" in lonely and "rana-pece" not in lonely
    assert "rana-pece" in late


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("dcera (4) chodí jen s chodítkem", 4),
        ("je mu 12 a nechce do školy", 12),
        ("сину 6 років", 6),
        ("vnukovi je 8 měsíců", 0),
        ("po 15 letech pití chci přestat", None),
        ("už 3 roky se starám o mámu", None),
        ("syn (19) a dcera (15)", None),
        ("je mi 15 a brácha bere drogy", None),
    ],
)
def test_the_one_age_a_message_gives_is_read_and_time_spans_are_not_ages(text, age) -> None:
    from bot.search.relatives import stated_age
    from bot.search.text import fold

    assert stated_age(fold(text)) == age


def test_a_service_whose_age_groups_leave_the_age_out_ranks_lower() -> None:
    from dataclasses import replace

    early = replace(
        service("Centrum rané péče", "poradenstvi", PREROV, groups=("rodiny s dítětem/dětmi",)), ages=(0, 7)
    )
    school = replace(
        service("Poradna pro rodiny", "poradenstvi", PREROV, groups=("rodiny s dítětem/dětmi",)), ages=(0, 26)
    )
    searcher = Searcher(CatalogueView([early, school], TOWNS, {}))
    assert names(searcher.search("poradna pro dceru (3)")) == ["Centrum rané péče", "Poradna pro rodiny"]
    assert names(searcher.search("poradna pro dceru (12)")) == ["Poradna pro rodiny", "Centrum rané péče"]


def test_a_time_span_in_months_names_no_minor() -> None:
    from bot.search.relatives import names_a_minor

    assert not names_a_minor("jsem na ulici uz 3 mesice")
    assert names_a_minor("synovi jsou 3 mesice")
