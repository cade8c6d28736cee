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


def test_english_and_ukrainian_words_are_part_of_the_vocabulary() -> None:
    expressions = {row["vyraz"] for row in vocabulary()}
    assert {"care home", "shelter", "debt", "addiction", "crisis"} <= expressions
    assert {"догляд", "притулок", "борги", "пенсіонер", "інвалідність"} <= expressions


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
