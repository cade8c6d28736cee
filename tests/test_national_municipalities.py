"""The national municipality table `catalog_data/obce-cr/obce.csv` and the script that builds it.

The table is built by `python -m admin_scripts.build_municipalities` from the ČSÚ facts in
../shared/data/obce-orp.csv (municipality structure 2021–2022, SLDB 2021 census counts). Only
the reproduction test reads that file, and it is skipped where the file is missing.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

from admin_scripts.build_municipalities import FACT_COLUMNS, main

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "catalog_data" / "obce-cr" / "obce.csv"
FACTS = ROOT.parent / "shared" / "data" / "obce-orp.csv"

HEADER = ["kod", "nazev", "orp_kod", "orp", "okres", "kraj", "obyvatel", "lokativ"]
MUNICIPALITIES = 6258
CENSUS_TOTAL = 10_524_167  # SLDB 2021, people by usual residence: the sum over the facts file
MILITARY_AREAS = {"Boletice", "Březina", "Hradiště", "Libavá"}  # no census count of their own
CROSS_OKRES_ORPS = {"Turnov"}  # ORPs whose municipalities lie in two okresy

GOOD_ROW = "511382,Přerov,7110,Přerov,Přerov,Olomoucký kraj,41223"


@cache
def rows() -> tuple[dict[str, str], ...]:
    return tuple(csv.DictReader(io.StringIO(TABLE.read_text(encoding="utf-8"))))


def write_facts(path: Path, *lines: str) -> Path:
    path.write_text("\n".join([",".join(FACT_COLUMNS), *lines]) + "\n", encoding="utf-8")
    return path


# --- the committed table


def test_the_table_is_utf8_with_the_documented_header_and_unix_lines() -> None:
    raw = TABLE.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    assert raw.decode("utf-8").splitlines()[0].split(",") == HEADER


def test_the_table_has_a_row_for_each_of_the_6258_municipalities() -> None:
    assert len(rows()) == MUNICIPALITIES


def test_codes_are_unique_six_digit_numbers_in_ascending_order() -> None:
    codes = [row["kod"] for row in rows()]
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)


def test_the_country_has_206_orps_77_okresy_and_14_kraje() -> None:
    assert len({row["orp_kod"] for row in rows()}) == 206
    assert len({row["okres"] for row in rows()}) == 77
    assert len({row["kraj"] for row in rows()}) == 14


def test_each_orp_code_has_one_name_and_lies_in_one_kraj() -> None:
    names: defaultdict[str, set[str]] = defaultdict(set)
    kraje: defaultdict[str, set[str]] = defaultdict(set)
    for row in rows():
        names[row["orp_kod"]].add(row["orp"])
        kraje[row["orp_kod"]].add(row["kraj"])
    assert [code for code in names if len(names[code]) != 1 or len(kraje[code]) != 1] == []


def test_the_seat_of_every_orp_is_one_of_its_own_municipalities() -> None:
    seats = {(row["orp_kod"], row["nazev"]) for row in rows()}
    assert [row["kod"] for row in rows() if (row["orp_kod"], row["orp"]) not in seats] == []


def test_every_rows_orp_is_a_municipality_of_its_own_kraj_and_okres() -> None:
    in_kraj = {(row["kraj"], row["nazev"]) for row in rows()}
    in_okres = {(row["okres"], row["nazev"]) for row in rows()}
    assert [row["kod"] for row in rows() if (row["kraj"], row["orp"]) not in in_kraj] == []
    outside = {row["orp"] for row in rows() if (row["okres"], row["orp"]) not in in_okres}
    assert outside == CROSS_OKRES_ORPS


def test_populations_are_whole_numbers_summing_to_the_2021_census_total() -> None:
    counts = [row["obyvatel"] for row in rows() if row["obyvatel"]]
    assert all(count.isdigit() for count in counts)
    assert sum(int(count) for count in counts) == CENSUS_TOTAL


def test_only_the_four_military_areas_have_no_population() -> None:
    assert {row["nazev"] for row in rows() if not row["obyvatel"]} == MILITARY_AREAS


def test_every_municipality_has_a_name_and_a_locative() -> None:
    assert [row["kod"] for row in rows() if not row["nazev"].strip() or not row["lokativ"]] == []


def test_the_okres_prerov_splits_into_its_three_orps() -> None:
    in_prerov = Counter(row["orp"] for row in rows() if row["okres"] == "Přerov")
    assert in_prerov == {"Přerov": 59, "Hranice": 32, "Lipník nad Bečvou": 14}


# --- the script


@pytest.mark.skipif(not FACTS.exists(), reason=f"the facts file {FACTS} is not beside the repository")
def test_rebuilding_from_the_facts_reproduces_the_committed_table_byte_for_byte(tmp_path) -> None:
    out = tmp_path / "obce-cr.csv"
    assert main(["--source", str(FACTS), "--out", str(out)]) == 0
    assert out.read_bytes() == TABLE.read_bytes()
    facts = list(csv.DictReader(io.StringIO(FACTS.read_text(encoding="utf-8"))))
    assert sum(int(row["obyvatel"]) for row in facts if row["obyvatel"]) == CENSUS_TOTAL


def test_a_small_facts_file_is_built_with_locatives_sorted_by_code(tmp_path, capsys) -> None:
    facts = write_facts(
        tmp_path / "fakta.csv",
        GOOD_ROW,
        "514055,Kojetín,7110,Přerov,Přerov,Olomoucký kraj,6050",
        "500160,Město Libavá,7107,Olomouc,Olomouc,Olomoucký kraj,",
    )
    out = tmp_path / "out" / "obce.csv"
    assert main(["--source", str(facts), "--out", str(out)]) == 0
    built = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["kod"], r["lokativ"]) for r in built] == [
        ("500160", "ve Městě Libavá"),
        ("511382", "v Přerově"),
        ("514055", "v Kojetíně"),
    ]
    assert "Zapsáno 3 obcí" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("12x,Přerov,7110,Přerov,Přerov,Olomoucký kraj,41223", "kód obce „12x“"),
        ("511382,,7110,Přerov,Přerov,Olomoucký kraj,41223", "název obce chybí"),
        ("511382,Přerov,7110,Přerov,Přerov,Olomoucký kraj,-5", "počet obyvatel „-5“"),
        ("511382,Přerov,7110,Přerov,Přerov,Olomoucký kraj,12.5", "počet obyvatel „12.5“"),
        ("511382,Přerov,71,Přerov,Přerov,Olomoucký kraj,41223", "kód ORP „71“"),
        ("511382,Přerov,7110,Přerov,Přerov", "5 hodnot místo 7"),
        (GOOD_ROW, "už je na řádku 2"),
    ],
)
def test_a_broken_row_stops_the_build_naming_its_line_and_writes_nothing(tmp_path, capsys, line, message) -> None:
    facts = write_facts(tmp_path / "fakta.csv", GOOD_ROW, line)
    out = tmp_path / "obce-cr.csv"
    assert main(["--source", str(facts), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("Chyba: fakta.csv, řádek 3: ")
    assert message in error
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [facts]


def test_the_command_line_exits_non_zero_with_a_czech_one_line_message(tmp_path) -> None:
    facts = write_facts(tmp_path / "fakta.csv", GOOD_ROW, "12x,Přerov,7110,Přerov,Přerov,Olomoucký kraj,41223")
    out = tmp_path / "obce-cr.csv"
    result = subprocess.run(
        [sys.executable, "-m", "admin_scripts.build_municipalities", "--source", str(facts), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.splitlines() == ["Chyba: fakta.csv, řádek 3: kód obce „12x“ není šestimístné číslo"]
    assert not out.exists()


def test_a_wrong_header_or_a_missing_file_is_refused(tmp_path, capsys) -> None:
    wrong = tmp_path / "fakta.csv"
    wrong.write_text("kod,nazev\n511382,Přerov\n", encoding="utf-8")
    assert main(["--source", str(wrong), "--out", str(tmp_path / "a.csv")]) == 1
    assert "řádek 1: hlavička" in capsys.readouterr().err
    assert main(["--source", str(tmp_path / "nic.csv"), "--out", str(tmp_path / "b.csv")]) == 1
    assert "neexistuje" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fakta.csv"]


def test_a_failed_build_keeps_the_previous_table(tmp_path) -> None:
    out = tmp_path / "obce-cr.csv"
    out.write_text("stará tabulka\n", encoding="utf-8")
    facts = write_facts(tmp_path / "fakta.csv", "12x,Přerov,7110,Přerov,Přerov,Olomoucký kraj,41223")
    assert main(["--source", str(facts), "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "stará tabulka\n"


def test_the_help_is_in_czech(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith("použití:") and "Sestaví celostátní tabulku obcí" in help_text
