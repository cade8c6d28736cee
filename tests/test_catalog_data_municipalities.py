"""The bundled municipality tables (`catalog_data/obce/`) and the list of life situations.

Each ORP has its own table (`kod,nazev,orp,obyvatel,lokativ`); okres Přerov is split into
the ORPs Přerov, Hranice and Lipník nad Bečvou. The importer must accept every table as it
is, each municipality must sit in exactly one ORP, and every row must say where it is the
way people say it ("v Troubkách", "ve Vlkoši").
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from bot.catalog.municipalities import read_municipality_file
from bot.catalog.situations import FAMILIES, read_situations

CATALOG_DATA = Path(__file__).resolve().parent.parent / "catalog_data"
TABLES_DIR = CATALOG_DATA / "obce"
SITUATIONS = CATALOG_DATA / "zivotni-situace.csv"

HEADER = ["kod", "nazev", "orp", "obyvatel", "lokativ"]
SITUATION_HEADER = ["id", "nazev", "rodina", "poradi", "nazev_uk", "nazev_en"]

# table -> (ORP it holds, its seat, number of municipalities when fixed by law, or None)
TABLES = {
    "orp-prerov.csv": ("Přerov", "Přerov", 59),
    "orp-hranice.csv": ("Hranice", "Hranice", 32),
    "orp-lipnik-nad-becvou.csv": ("Lipník nad Bečvou", "Lipník nad Bečvou", 14),
    "orp-olomouc.csv": ("Olomouc", "Olomouc", None),
    "orp-kromeriz.csv": ("Kroměříž", "Kroměříž", None),
}
OKRES_PREROV = ("orp-prerov.csv", "orp-hranice.csv", "orp-lipnik-nad-becvou.csv")
OKRES_PREROV_SIZE = 105


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


@cache
def table_rows(name: str) -> tuple[dict[str, str], ...]:
    return tuple(read_csv(TABLES_DIR / name))


@cache
def all_rows() -> tuple[tuple[str, dict[str, str]], ...]:
    return tuple((name, row) for name in TABLES for row in table_rows(name))


def locative_of(name: str, table: str) -> str:
    matches = [row["lokativ"] for row in table_rows(table) if row["nazev"] == name]
    assert len(matches) == 1, f"{name} is not in {table} exactly once"
    return matches[0]


# --- municipality tables


def test_the_bundled_tables_are_exactly_the_documented_ones() -> None:
    assert sorted(p.name for p in TABLES_DIR.glob("*.csv")) == sorted(TABLES)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_bundled_table_is_accepted_by_the_importer_without_errors(table: str) -> None:
    rows, errors = read_municipality_file(TABLES_DIR / table)
    assert errors == []
    assert len(rows) == len(table_rows(table)) > 0


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_is_utf8_without_bom_with_the_documented_header(table: str) -> None:
    raw = (TABLES_DIR / table).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    first_line = raw.decode("utf-8").splitlines()[0]
    assert first_line.split(",") == HEADER


def test_every_municipality_belongs_to_exactly_one_orp() -> None:
    codes = Counter(row["kod"] for _, row in all_rows())
    assert [code for code, n in codes.items() if n > 1] == []


@pytest.mark.parametrize("table", sorted(TABLES))
def test_each_table_holds_the_municipalities_of_a_single_orp(table: str) -> None:
    orp, _, _ = TABLES[table]
    assert {row["orp"] for row in table_rows(table)} == {orp}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_the_seat_of_each_orp_is_in_its_own_table(table: str) -> None:
    _, seat, _ = TABLES[table]
    assert seat in {row["nazev"] for row in table_rows(table)}


@pytest.mark.parametrize("table", [t for t, (_, _, size) in TABLES.items() if size is not None])
def test_the_orps_of_okres_prerov_have_their_official_number_of_municipalities(table: str) -> None:
    _, _, size = TABLES[table]
    assert len(table_rows(table)) == size


def test_the_three_orps_together_cover_the_whole_okres_prerov() -> None:
    codes = {row["kod"] for table in OKRES_PREROV for row in table_rows(table)}
    assert len(codes) == OKRES_PREROV_SIZE


def test_every_code_is_a_six_digit_csu_municipality_code() -> None:
    bad = [(t, row["kod"]) for t, row in all_rows() if not re.fullmatch(r"[5-9]\d{5}", row["kod"])]
    assert bad == []


def test_every_municipality_has_a_whole_positive_population() -> None:
    bad = [(t, row["nazev"], row["obyvatel"]) for t, row in all_rows() if not row["obyvatel"].isdigit()]
    assert bad == []
    assert all(int(row["obyvatel"]) > 0 for _, row in all_rows())


def test_every_orp_seat_is_the_largest_municipality_of_its_table() -> None:
    for table, (_, seat, _) in TABLES.items():
        largest = max(table_rows(table), key=lambda row: int(row["obyvatel"]))
        assert largest["nazev"] == seat, table


def test_no_municipality_name_repeats_within_an_orp() -> None:
    for table in TABLES:
        names = Counter(row["nazev"] for row in table_rows(table))
        assert [n for n, k in names.items() if k > 1] == [], table


def test_every_municipality_has_a_locative_with_its_preposition() -> None:
    bad = [
        (t, row["nazev"], row["lokativ"])
        for t, row in all_rows()
        if not re.fullmatch(r"(v|ve) \S.*", row["lokativ"]) or row["lokativ"] != row["lokativ"].strip()
    ]
    assert bad == []


def test_locatives_use_ve_before_v_and_f() -> None:
    bad = [
        (row["nazev"], row["lokativ"])
        for _, row in all_rows()
        if row["lokativ"].startswith("v ") and row["lokativ"][2].lower() in "vf"
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("name", "table", "locative"),
    [
        ("Troubky", "orp-prerov.csv", "v Troubkách"),
        ("Kokory", "orp-prerov.csv", "v Kokorách"),
        ("Hradčany", "orp-prerov.csv", "v Hradčanech"),
        ("Čechy", "orp-prerov.csv", "v Čechách"),
        ("Brodek u Přerova", "orp-prerov.csv", "v Brodku u Přerova"),
        ("Dřevohostice", "orp-prerov.csv", "v Dřevohosticích"),
        ("Horní Moštěnice", "orp-prerov.csv", "v Horní Moštěnici"),
        ("Stříbrnice", "orp-prerov.csv", "ve Stříbrnici"),
        ("Vlkoš", "orp-prerov.csv", "ve Vlkoši"),
        ("Věžky", "orp-prerov.csv", "ve Věžkách"),
        ("Bochoř", "orp-prerov.csv", "v Bochoři"),
        ("Hranice", "orp-hranice.csv", "v Hranicích"),
        ("Lipník nad Bečvou", "orp-lipnik-nad-becvou.csv", "v Lipníku nad Bečvou"),
        ("Soběchleby", "orp-lipnik-nad-becvou.csv", "v Soběchlebech"),
        ("Kroměříž", "orp-kromeriz.csv", "v Kroměříži"),
        ("Chropyně", "orp-kromeriz.csv", "v Chropyni"),
        ("Olomouc", "orp-olomouc.csv", "v Olomouci"),
    ],
)
def test_locatives_that_are_easy_to_get_wrong_are_right(name: str, table: str, locative: str) -> None:
    assert locative_of(name, table) == locative


# --- life situations


@cache
def situations() -> tuple[dict[str, str], ...]:
    return tuple(read_csv(SITUATIONS))


def test_life_situations_are_accepted_by_the_importer_without_errors() -> None:
    rows, errors = read_situations(SITUATIONS)
    assert errors == []
    assert len(rows) == len(situations())


def test_life_situations_have_the_documented_columns_and_a_broad_coverage() -> None:
    assert SITUATIONS.read_text(encoding="utf-8").splitlines()[0].split(",") == SITUATION_HEADER
    assert len(situations()) >= 25


def test_life_situation_ids_are_unique_ascii_slugs() -> None:
    ids = [row["id"] for row in situations()]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)] == []


def test_every_life_situation_belongs_to_one_of_the_four_families() -> None:
    assert {row["rodina"] for row in situations()} == set(FAMILIES)


def test_every_life_situation_is_named_in_czech_ukrainian_and_english() -> None:
    columns = ("nazev", "nazev_uk", "nazev_en")
    unnamed = [row["id"] for row in situations() if not all(row[c].strip() for c in columns)]
    assert unnamed == []
    assert all(re.search(r"[\u0400-\u04ff]", row["nazev_uk"]) for row in situations())


def test_life_situations_have_a_unique_display_order() -> None:
    order = [row["poradi"] for row in situations()]
    assert all(o.isdigit() for o in order)
    assert len(set(order)) == len(order)


def test_life_situation_names_are_unique_in_every_language() -> None:
    for column in ("nazev", "nazev_uk", "nazev_en"):
        names = Counter(row[column].casefold() for row in situations())
        assert [n for n, k in names.items() if k > 1] == [], column
