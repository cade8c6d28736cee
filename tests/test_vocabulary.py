"""The vocabulary of everyday expressions, the region names and the search evaluation set.

`catalog_data/slovnik.csv` maps how people write about a need ("domov důchodců", "exekuce",
"manžel mě bije") to druhy of social services, target-group families, life situations and
local categories of návazné služby. `catalog_data/regiony.csv` names each ORP as people name
it ("na Přerovsku"). `tests/search_eval/queries.jsonl` is the set of realistic queries the
search is judged by. Every code these files use must exist in the data they point to, and
every need of the codelist must be reachable from the words people use.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from bot.search.documents import CatalogueView, ServiceDoc, Town
from bot.search.engine import Searcher
from bot.search.romanised import restore_romanised
from bot.search.vocabulary import DRUH_PREFIX, WORDED, Analyzer, build_vocabulary

ROOT = Path(__file__).resolve().parent.parent
CATALOG_DATA = ROOT / "catalog_data"
VOCABULARY = CATALOG_DATA / "slovnik.csv"
REGIONS = CATALOG_DATA / "regiony.csv"
DRUHY = CATALOG_DATA / "ciselniky" / "druhy-socialni-sluzby.json"
SITUATIONS = CATALOG_DATA / "zivotni-situace.csv"
SAMPLE_CATALOG = CATALOG_DATA / "katalog-ukazka.csv"
MUNICIPALITIES = CATALOG_DATA / "obce"
EVALUATION = ROOT / "tests" / "search_eval" / "queries.jsonl"

FAMILIES = {"seniori", "zdravotni-postizeni", "rodiny-deti", "krize"}
VOCABULARY_COLUMNS = ["vyraz", "druhy", "skupiny", "situace", "kategorie"]
REGION_COLUMNS = ["orp", "nazev", "lokativ"]
BUCKETS = {
    "exact_name",
    "no_diacritics",
    "inflected_locative",
    "typo",
    "lay_language",
    "field_village",
    "group_only",
    "place_only",
    "outside_region",
    "english",
    "ukrainian",
    "not_social",
}
EVALUATION_MIN_QUERIES = 150
BUCKET_MIN_QUERIES = 10


def fold(text: str) -> str:
    """Lower-case text without diacritics, as the search compares words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return [
        {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(text), delimiter=delimiter)
    ]


@cache
def vocabulary() -> list[dict[str, str]]:
    return read_csv(VOCABULARY)


@cache
def druh_codes() -> frozenset[str]:
    items = json.loads(DRUHY.read_text(encoding="utf-8"))["polozky"]
    return frozenset(str(item["id"]).rsplit("/", 1)[-1] for item in items)


@cache
def situation_ids() -> frozenset[str]:
    assert SITUATIONS.exists(), f"{SITUATIONS.name} is missing"
    return frozenset(row["id"] for row in read_csv(SITUATIONS) if row.get("id"))


def split_categories(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


@cache
def sample_categories() -> frozenset[str]:
    """The local categories of návazné služby used in the coordinator's sample spreadsheet."""
    assert SAMPLE_CATALOG.exists(), f"{SAMPLE_CATALOG.name} is missing"
    text = SAMPLE_CATALOG.read_text(encoding="utf-8-sig")
    rows = csv.DictReader(io.StringIO(text), delimiter=";")
    found: set[str] = set()
    for row in rows:
        found.update(split_categories(row.get("kategorie") or ""))
    return frozenset(found)


@cache
def municipality_rows() -> tuple[dict[str, str], ...]:
    """Every row of every table in catalog_data/obce/."""
    rows = tuple(row for table in sorted(MUNICIPALITIES.glob("*.csv")) for row in read_csv(table))
    assert rows, "catalog_data/obce/ holds no municipality table"
    return rows


def municipalities() -> set[str]:
    return {row["nazev"] for row in municipality_rows()}


def orps() -> set[str]:
    return {row["orp"] for row in municipality_rows()}


@cache
def evaluation() -> list[dict]:
    lines = EVALUATION.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def values(row: dict[str, str], column: str) -> list[str]:
    if column == "kategorie":
        return split_categories(row[column])
    return row[column].split()


# --- slovnik.csv


def test_vocabulary_has_the_documented_columns_and_a_broad_coverage() -> None:
    header = VOCABULARY.read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == VOCABULARY_COLUMNS
    assert len(vocabulary()) >= 250


def test_every_expression_points_to_a_need_a_group_a_situation_or_a_category() -> None:
    pointless = [row["vyraz"] for row in vocabulary() if not any(row[c] for c in VOCABULARY_COLUMNS[1:])]
    assert pointless == []


def test_no_expression_is_listed_twice_even_in_another_case_or_without_diacritics() -> None:
    counts = Counter(fold(row["vyraz"]) for row in vocabulary())
    assert [text for text, n in counts.items() if n > 1] == []
    assert all(row["vyraz"] for row in vocabulary())


def test_every_druh_code_exists_in_the_codelist() -> None:
    unknown = [(row["vyraz"], c) for row in vocabulary() for c in values(row, "druhy") if c not in druh_codes()]
    assert unknown == []


def test_no_expression_names_the_same_druh_twice() -> None:
    repeated = [row["vyraz"] for row in vocabulary() if len(set(values(row, "druhy"))) != len(values(row, "druhy"))]
    assert repeated == []


def test_every_group_is_one_of_the_four_families() -> None:
    unknown = [(row["vyraz"], g) for row in vocabulary() for g in values(row, "skupiny") if g not in FAMILIES]
    assert unknown == []


def test_every_situation_exists_in_the_list_of_life_situations() -> None:
    unknown = [(row["vyraz"], s) for row in vocabulary() for s in values(row, "situace") if s not in situation_ids()]
    assert unknown == []


def test_every_category_is_one_the_sample_spreadsheet_uses() -> None:
    unknown = [
        (row["vyraz"], c) for row in vocabulary() for c in values(row, "kategorie") if c not in sample_categories()
    ]
    assert unknown == []


def test_every_druh_of_the_codelist_is_reachable_from_everyday_words() -> None:
    reachable = {code for row in vocabulary() for code in values(row, "druhy")}
    assert sorted(druh_codes() - reachable, key=int) == []


def test_every_life_situation_is_reachable_from_everyday_words() -> None:
    reachable = {s for row in vocabulary() for s in values(row, "situace")}
    assert sorted(situation_ids() - reachable) == []


def test_every_category_of_the_sample_spreadsheet_is_reachable_from_everyday_words() -> None:
    reachable = {c for row in vocabulary() for c in values(row, "kategorie")}
    assert sorted(sample_categories() - reachable) == []


def test_english_ukrainian_and_russian_words_are_part_of_the_vocabulary() -> None:
    expressions = {row["vyraz"] for row in vocabulary()}
    assert {"care home", "shelter", "debt", "addiction", "crisis"} <= expressions
    assert {"догляд", "притулок", "борги", "пенсіонер", "інвалідність"} <= expressions
    assert {"сиделка", "долги", "ночлежка", "приют", "уход", "дом престарелых"} <= expressions


def _expected_needs(row: dict[str, str]) -> set[tuple[str, str]]:
    return (
        {("druh", f"{DRUH_PREFIX}{c}") for c in values(row, "druhy")}
        | {("situace", s) for s in values(row, "situace")}
        | {("kategorie", c) for c in values(row, "kategorie")}
    )


def test_a_phrase_of_several_words_is_not_reduced_to_one_everyday_word() -> None:
    """Stop words drop out of a phrase; a phrase of three or more words that keeps one stem fires
    on that word anywhere ("bydlím v autě" on "nemám auto"), so a row says the word it means."""
    analyzer = Analyzer()
    reduced = [
        row["vyraz"]
        for row in vocabulary()
        if not row["vyraz"].startswith(WORDED)
        and len(row["vyraz"].split()) >= 3
        and len(analyzer.stems(row["vyraz"])) < 2
    ]
    assert reduced == []


def test_every_row_resolves_to_existing_needs_and_is_matched_whole_by_the_analyzer() -> None:
    """Each row, read back through the search's own analyzer, is one phrase with its meaning.

    A row whose words are all stop words, or whose stems another, longer phrase swallows,
    would silently never fire; a row naming a code that does not exist would point nowhere.
    """
    analyzer = Analyzer()
    built = build_vocabulary(analyzer, [], family_groups={}, lexicon=VOCABULARY)
    problems: list[tuple[object, ...]] = []
    for row in vocabulary():
        expected = _expected_needs(row)
        unknown = (
            {c for c in values(row, "druhy") if c not in druh_codes()}
            | {s for s in values(row, "situace") if s not in situation_ids()}
            | {c for c in values(row, "kategorie") if c not in sample_categories()}
            | {g for g in values(row, "skupiny") if g not in FAMILIES}
        )
        if unknown:
            problems.append((row["vyraz"], "unknown", sorted(unknown)))
            continue
        worded = row["vyraz"].startswith(WORDED)  # matched with its small words
        table = built.worded if worded else built.table
        stems = analyzer.stems(row["vyraz"].lstrip(WORDED), keep_stop_words=worded)
        if not stems:
            problems.append((row["vyraz"], "only stop words"))
            continue
        matches = table.match(stems, [False] * len(stems))
        if len(matches) != 1 or (matches[0].start, matches[0].end) != (0, len(stems)):
            problems.append((row["vyraz"], "not one phrase", [(m.start, m.end) for m in matches]))
            continue
        found = {(n.kind, n.key) for meaning in matches[0].payloads for n in meaning.needs}
        families = {f for meaning in matches[0].payloads for f in meaning.families}
        if not expected <= found or not set(values(row, "skupiny")) <= families:
            problems.append((row["vyraz"], "meaning lost", sorted(expected - found)))
    assert problems == []


# --- behaviour: the words people write find the right kind of help

_BEHAVIOUR_TOWN = Town(511382, "Přerov", "Přerov", 41000, "v Přerově")
# druh code or local category -> target group of the one service that offers it
_BEHAVIOUR_SERVICES = {
    "4": "senioři",
    "3": "osoby s tělesným postižením",
    "5": "senioři",
    "8": "pečující osoby",
    "10": "osoby s mentálním postižením",
    "13": "senioři",
    "14": "osoby žijící s demencí",
    "15": "osoby s mentálním postižením",
    "17": "rodiny s dítětem se zdravotním postižením",
    "20": "osoby bez přístřeší",
    "22": "osoby ohrožené závislostí nebo závislé na návykových látkách",
    "23": "osoby v krizi",
    "24": "osoby bez přístřeší",
    "25": "děti a mládež ve věku od 6 do 26 let ohrožené společensky nežádoucími jevy",
    "26": "osoby bez přístřeší",
    "27": "osoby ohrožené závislostí nebo závislé na návykových látkách",
    "28": "rodiny s dítětem/dětmi",
    "32": "osoby ohrožené závislostí nebo závislé na návykových látkách",
    "34": "oběti domácího násilí",
    "dluhové poradenství": "osoby v krizi",
    "úřad": "",
    "hospicová a paliativní péče": "osoby s potřebou paliativní péče",
    "dovoz obědů": "senioři",
    "potravinová pomoc": "osoby v krizi",
    "půjčovna kompenzačních pomůcek": "osoby se zdravotním postižením",
}


@pytest.fixture(scope="module")
def small_catalogue() -> Searcher:
    """One service per need, named neutrally so that only the vocabulary can find it."""
    druh_names = {
        str(item["id"]).rsplit("/", 1)[-1]: item["nazev"]["cs"]
        for item in json.loads(DRUHY.read_text(encoding="utf-8"))["polozky"]
    }
    services = []
    for number, (need, group) in enumerate(_BEHAVIOUR_SERVICES.items(), start=1):
        druh = need.isdigit()
        services.append(
            ServiceDoc(
                id=number,
                name=f"Organizace {number}",
                druh_id=f"{DRUH_PREFIX}{need}" if druh else None,
                druh_name=druh_names[need] if druh else None,
                category=None if druh else need,
                target_groups=frozenset({group} - {""}),
                forms=frozenset({"FormaSocialniSluzby/ter"}),
                place_codes=frozenset({_BEHAVIOUR_TOWN.code}),
                place_names=(_BEHAVIOUR_TOWN.name,),
            )
        )
    return Searcher(CatalogueView(services, [_BEHAVIOUR_TOWN], {}))


def _first_need(searcher: Searcher, query: str) -> str | None:
    """The druh code or category of the best hit ("4", "dluhové poradenství")."""
    hits = searcher.search(query).hits
    assert hits, query
    doc = hits[0].service
    return doc.druh_id.removeprefix(DRUH_PREFIX) if doc.druh_id else doc.category


# In the cases below "a|b" accepts either need: meals are both pečovatelská služba and the
# local "dovoz obědů", and the vocabulary deliberately gives them the same weight.


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("potřebuju dluhovku, mám exekuci", "dluhové poradenství"),
        ("exekutor mi obstavil účet", "dluhové poradenství"),
        ("insolvence a oddlužení", "dluhové poradenství"),
        ("káčko", "22"),
        ("Kcentrum v Přerově", "22"),
        ("terénka", "32"),
        ("odlehčovačka pro tátu na 14 dní", "8"),
        ("pečovka pro babičku", "4"),
        ("pečovatelku do Přerova", "4"),
        ("azylák", "20"),
        ("nocležna", "26"),
        ("důchoďák", "13"),
        ("stacík pro syna", "10"),
        ("chráněňák", "15"),
        ("sociálka", "úřad"),
        ("pracák", "úřad"),
        ("PnP", "úřad"),
        ("dávky hmotné nouze", "úřad"),
        ("OSPOD", "28"),
        ("bezďák", "26"),
        ("spí na ulici", "26"),
        ("intervenčka", "34"),
        ("krizovka", "23"),
    ],
)
def test_slang_of_social_workers_is_understood(small_catalogue: Searcher, query: str, need: str) -> None:
    assert _first_need(small_catalogue, query) in need.split("|")


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("нужна сиделка для бабушки", "4"),
        ("уход за пожилым человеком на дому", "4"),
        ("помощь с долгами", "dluhové poradenství"),
        ("у меня много долгов, звонят коллекторы", "dluhové poradenství"),
        ("ночлежка", "26"),
        ("негде ночевать", "26"),
        ("ищем приют", "20"),
        ("дом престарелых для отца", "13"),
        ("у мамы деменция, проблемы с памятью", "14"),
        ("муж бьёт и угрожает", "34"),
        ("нет денег на еду", "potravinová pomoc"),
        ("доставка обедов", "dovoz obědů|4"),
        ("тревожная кнопка", "5"),
        ("не справляюсь с уходом, нужна передышка", "8"),
        ("наркозависимый сын", "22"),
        ("паллиативная помощь, умирает дома", "hospicová a paliativní péče"),
        ("инвалидная коляска напрокат", "půjčovna kompenzačních pomůcek"),
        ("как получить пособие по материальной нужде", "úřad|1"),
        ("у мужа давно проблема с бутылкой", "22"),
        ("допомога в матеріальній нужді, як подати заяву", "úřad|1"),
    ],
)
def test_russian_needs_are_understood(small_catalogue: Searcher, query: str, need: str) -> None:
    assert _first_need(small_catalogue, query) in need.split("|")


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("mamka už nezvládne nakoupit", "4"),
        ("kdo by tátovi nakoupil a uvařil", "4"),
        ("nakupovat a vyprat prádlo", "4"),
        ("babička se neumyje ani nepřevlékne, potřebuje vykoupat", "4"),
        ("pomoc s oblékáním a koupáním", "4"),
        ("převléknout a obléct dědu", "4"),
        ("doprovod k doktorovi", "4"),
        ("potřebuje dojít na úřad", "4"),
        ("navařit obědy", "dovoz obědů|4"),
        ("nestíháme to, potřebujeme si odpočinout", "8"),
        ("nezvládáme to s péčí o dědu", "8"),
        ("hlídání pro tátu s demencí na víkend", "8"),
        ("chceme aby zůstal doma do konce", "hospicová a paliativní péče"),
        ("chce umřít doma", "hospicová a paliativní péče"),
        ("spadla a nemohla vstát", "5"),
        ("zůstat doma do konce", "hospicová a paliativní péče"),
        ("доглядальницю для мами", "4"),
        ("шукаю притулку", "20"),
        ("carer to help with washing and dressing", "4"),
    ],
)
def test_verbs_of_daily_care_are_understood(small_catalogue: Searcher, query: str, need: str) -> None:
    assert _first_need(small_catalogue, query) in need.split("|")


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("syn pořád vybuchuje a ve škole si stěžují", "28"),
        ("nevíme si rady s výchovou, dcera je agresivní na bratra", "28"),
        ("сын очень агрессивный, дерётся в школе", "28"),
        ("dcera nemá žádné kamarády, kam by mohla chodit odpoledne", "25|28"),
        ("шукаю, де дитина може бути після школи", "25"),
        ("u menja net deneg na edu, deti golodnye", "potravinová pomoc|24"),
        ("kde seženu čisté jehly", "22|32"),
        ("my flatmate uses meth", "22|32"),
        ("нема де спати сьогодні", "26|20"),
        ("I cannot cope with all the official letters from the authorities", "úřad"),
        ("left the clinic today and have no home to go back to", "20|26"),
        ("дочь каждую пятницу приходит пьяная из клуба", "22|27"),
        ("v neděli je doma strašná nuda", "25|29"),
        ("autobus nejede a potřebuju k doktorovi, nevozí někdo?", "doprava|4"),
        ("manžel má epilepsii a nemůže zůstat sám", "5|3"),
        ("chtěl bych si jen pokecat", "25|linka pomoci|18"),
        ("švagr si píchá pervitin", "22|32|27"),
        ("vyhodili nas, spim na vokzale", "26|24|20"),
        ("бабусі потрібен дім для престарілих", "13|14"),
        ("malá dcera ne chuje", "19|17"),
        ("syn s Downovým syndromem by chtěl bydlet samostatně", "7|10|17|30"),
        ("мене рік тримали в полоні, тепер не можу спати", "23|18"),
        ("do konce měsíce musíme z bytu a nemáme kam jít", "20|1"),
        ("chci se zbavit vapování, nejde mi to", "22|32|1"),
        ("peníze už došly a do výplaty daleko", "potravinová pomoc|24|1"),
    ],
)
def test_how_parents_homeless_people_and_foreigners_write_is_understood(small_catalogue, query, need) -> None:
    assert _first_need(small_catalogue, restore_romanised(query)) in need.split("|")


# --- regiony.csv


def test_regions_name_every_orp_of_the_municipality_tables_and_nothing_else() -> None:
    rows = read_csv(REGIONS)
    assert REGIONS.read_text(encoding="utf-8").splitlines()[0].split(",") == REGION_COLUMNS
    named = [row["orp"] for row in rows]
    assert len(named) == len(set(named))
    assert set(named) == orps()


def test_every_region_has_a_name_and_a_locative_that_says_where() -> None:
    for row in read_csv(REGIONS):
        assert row["nazev"], row
        assert row["lokativ"].startswith(("na ", "v ", "ve ")), row


# --- tests/search_eval/queries.jsonl


def test_evaluation_set_is_large_enough_in_every_bucket() -> None:
    queries = evaluation()
    assert len(queries) >= EVALUATION_MIN_QUERIES
    per_bucket = Counter(q["bucket"] for q in queries)
    assert set(per_bucket) == BUCKETS
    assert {b: n for b, n in per_bucket.items() if n < BUCKET_MIN_QUERIES} == {}


def test_every_evaluation_query_is_well_formed() -> None:
    keys = {"bucket", "query", "town", "group", "accept", "place", "expect"}
    for q in evaluation():
        assert set(q) == keys, q
        assert isinstance(q["query"], str) and q["query"].strip(), q
        assert q["expect"] in {"results", "empty"}, q
        assert set(q["accept"]) == {"druhy", "kategorie", "situace"}, q
        assert all(isinstance(v, list) for v in q["accept"].values()), q
        assert q["group"] is None or q["group"] in FAMILIES, q


def test_no_evaluation_query_is_listed_twice() -> None:
    counts = Counter((q["query"], q["town"], q["group"]) for q in evaluation())
    assert [k for k, n in counts.items() if n > 1] == []


def test_every_code_place_and_category_of_the_evaluation_exists() -> None:
    for q in evaluation():
        accept = q["accept"]
        assert set(accept["druhy"]) <= druh_codes(), q
        assert set(accept["situace"]) <= situation_ids(), q
        assert set(accept["kategorie"]) <= sample_categories(), q
        for place in (q["place"], q["town"]):
            assert place is None or place in municipalities(), q


def test_queries_that_expect_results_say_what_is_acceptable() -> None:
    """An empty accept list is allowed only where any service for the place or group will do."""
    for q in evaluation():
        if q["expect"] == "results" and not any(q["accept"].values()):
            assert q["place"] or q["group"], q


def test_group_only_and_place_only_queries_name_just_the_group_or_the_place() -> None:
    for q in evaluation():
        if q["bucket"] == "group_only":
            assert q["group"] and q["place"] is None and not any(q["accept"].values()), q
        if q["bucket"] == "place_only":
            assert q["place"] and q["group"] is None and not any(q["accept"].values()), q


def test_some_queries_come_with_the_town_or_group_already_chosen_in_the_dialog() -> None:
    chosen = [q for q in evaluation() if q["bucket"] != "group_only" and (q["town"] or q["group"])]
    assert len(chosen) >= 10


@pytest.mark.parametrize("bucket", ["not_social", "outside_region"])
def test_queries_outside_the_bots_reach_expect_nothing(bucket: str) -> None:
    assert {q["expect"] for q in evaluation() if q["bucket"] == bucket} == {"empty"}


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("I drink too much every day and I want to quit", "22|32"),
        ("брат пьёт каждый день", "22|32"),
        ("hledám RP pro dítě 18 měsíců s DMO", "17"),
        ("втратив місце в гуртожитку", "20|26"),
        ("s kým si promluvit, manžel umřel", "23"),
    ],
)
def test_alcohol_professional_shorthand_and_losing_a_dorm_are_understood(small_catalogue, query, need) -> None:
    assert _first_need(small_catalogue, query) in need.split("|")


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("miminko má Downův syndrom", "17"),
        ("na tři týdny jedu do lázní a tchán sám nezůstane", "8"),
        ("tátovi léčba nezabírá a chce umřít doma", "8|hospicová a paliativní péče"),
        ("sestra je závislá na prášcích", "22|32"),
        ("kde se dá najíst zadarmo", "24"),
    ],
)
def test_a_childs_diagnosis_respite_for_a_spa_stay_dying_at_home_and_sleeping_rough_are_understood(
    small_catalogue, query, need
) -> None:
    assert _first_need(small_catalogue, query) in need.split("|")


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("je mi 15 a nemám kamarády", "25|18"),
        ("potřebuju přes léto brigádu, je mi 16", "25|úřad"),
        ("naši se rozvádí a já nevím, co bude", "1|28|18"),
        ("kamarád bere ketamin", "22|32"),
    ],
)
def test_a_teenagers_loneliness_a_summer_job_and_a_divorce_at_home_are_understood(small_catalogue, query, need) -> None:
    assert _first_need(small_catalogue, query) in need.split("|")


def test_failing_sight_that_stops_reading_letters_asks_for_a_reading_service(small_catalogue) -> None:
    needs = {n.key for n in small_catalogue.understand("mám šedý zákal a nepřečtu dopisy")[0].needs}
    assert DRUH_PREFIX + "6" in needs


def test_an_english_speaking_senior_who_wants_company_is_understood(small_catalogue) -> None:
    understood = small_catalogue.understand("I am retired and barely talk to anyone, is there a senior club?")[0]
    assert DRUH_PREFIX + "29" in {n.key for n in understood.needs}


@pytest.mark.parametrize(
    "query",
    ["jsem do večera v práci a máma potřebuje pomoc s hygienou", "тато цілий день на роботі", "I am at work all day"],
)
def test_being_at_work_is_no_search_for_a_job(small_catalogue: Searcher, query: str) -> None:
    assert DRUH_PREFIX + "33" not in {n.key for n in small_catalogue.understand(query)[0].needs}


@pytest.mark.parametrize("query", ["hledám práci", "nemám práci", "шукаю роботу"])
def test_looking_for_work_still_is(small_catalogue: Searcher, query: str) -> None:
    assert DRUH_PREFIX + "33" in {n.key for n in small_catalogue.understand(query)[0].needs}


@pytest.mark.parametrize(
    ("query", "situation", "meant"),
    [
        ("bydlím v autě už měsíc", "noc-bez-strechy", True),
        ("nemám auto a mamka musí k doktorovi", "noc-bez-strechy", False),
        ("potřebujeme sedačku do auta pro syna", "noc-bez-strechy", False),
        ("dceři už jsou 3 roky a ještě nemluví", "rana-pece", True),
        ("brácha se mnou už týden nemluví", "rana-pece", False),
    ],
)
def test_a_phrase_written_with_its_small_words_needs_them(small_catalogue: Searcher, query, situation, meant) -> None:
    assert (situation in {n.key for n in small_catalogue.understand(query)[0].needs}) is meant


def test_phrases_with_their_small_words_are_read_from_the_lexicon(tmp_path: Path) -> None:
    lexicon = tmp_path / "slovnik.csv"
    lexicon.write_text("vyraz,druhy,skupiny,situace,kategorie\n+na lavičce,26,,,\n", encoding="utf-8")
    vocabulary = build_vocabulary(Analyzer(), [], family_groups={}, lexicon=lexicon)
    assert vocabulary.worded.get(tuple(Analyzer().stems("na lavičce", keep_stop_words=True)))
    assert not vocabulary.table.get(tuple(Analyzer().stems("lavičce")))


@pytest.mark.parametrize(
    ("query", "situation", "meant"),
    [
        # fighting at school is no laundry; a casino is gambling
        ("kluk se ve škole pořád pere se spolužáky", "problemy-s-ditetem", True),
        ("kluk se ve škole pořád pere se spolužáky", "hygiena-a-uklid", False),
        ("mamce už nikdo nepere prádlo", "hygiena-a-uklid", True),
        ("táta prosází výplatu v online kasinu", "zavislost", True),
        # a bath one cannot climb into and a fear of falling are care at home
        ("babička už nevleze do vany a bojí se, že upadne", "hygiena-a-uklid", True),
        ("už nevlezu do vany a bojím se, že upadnu", "rana-pece", False),
        ("už nevlezu do vany a bojím se, že upadnu", "domaci-nasili", False),
    ],
)
def test_a_look_alike_word_is_read_as_the_need_meant(
    small_catalogue: Searcher, query: str, situation: str, meant: bool
) -> None:
    assert (situation in {n.key for n in small_catalogue.understand(query)[0].needs}) is meant


@pytest.mark.parametrize(
    ("query", "situation"),
    [
        ("Я на візку після травми хребта, потрібен асистент, щоб виходити на вулицю", "noc-bez-strechy"),
        ("осенью дочка пойдёт в первый класс", "hygiena-a-uklid"),
        ("мамі потрібна допомога кілька годин на день", "osamelost"),
    ],
)
def test_an_everyday_cyrillic_word_is_no_typo_of_a_need(small_catalogue: Searcher, query: str, situation: str) -> None:
    assert situation not in {n.key for n in small_catalogue.understand(query)[0].needs}


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("хозяйка квартиры просит нас съехать с квартиры", "20|1"),
        ("власник квартири хоче, щоб ми з'їхали", "20|1"),
        ("кто поможет сыну с уроками после школы", "25|28"),
        ("хто допоможе доньці з уроками", "25|28"),
        ("як отримати гуманітарну виплату", "úřad|1"),
        ("где оформить документы для ребёнка", "úřad|1"),
    ],
)
def test_refugees_words_for_moving_out_homework_papers_and_a_lonely_parent_are_understood(
    small_catalogue: Searcher, query: str, need: str
) -> None:
    assert _first_need(small_catalogue, query) in need.split("|")


@pytest.mark.parametrize("query", ["тато нікуди не виходить і ні з ким не спілкується", "бабушка никуда не выходит"])
def test_a_parent_who_no_longer_goes_out_or_talks_to_anyone_is_lonely(small_catalogue: Searcher, query: str) -> None:
    assert "osamelost" in {n.key for n in small_catalogue.understand(query)[0].needs}


def test_humanitarian_help_in_ukrainian_points_to_the_office_beside_the_food_bank() -> None:
    rows = {row["vyraz"]: row for row in vocabulary()}
    for phrase in ("гуманітарна допомога", "гуманитарная помощь"):
        assert "úřad" in split_categories(rows[phrase]["kategorie"])
        assert "potravinová pomoc" in split_categories(rows[phrase]["kategorie"])
