"""`python -m admin_scripts stats …`: Czech one-line errors, honest empty output, no tracebacks."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from admin_scripts.app import app
from admin_scripts.commands import register_all
from bot.config import get_settings
from bot.db import make_engine, session_factory, upgrade_schema
from tests.test_stats_support import KOJETIN, PREROV, TROUBKY, add_towns, record, store

register_all()


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'db' / 'stats.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("STATS_K", raising=False)
    get_settings.cache_clear()
    engine = make_engine(url)
    upgrade_schema(engine)
    with session_factory(engine)() as session:
        add_towns(session)
    yield engine
    engine.dispose()
    get_settings.cache_clear()


@pytest.fixture
def with_events(database):
    store(database, [record(dt.date(2025, 3, 3), town=PREROV, terms=[("odvoz", False)])], copies=12)
    store(database, [record(dt.date(2025, 3, 4), town=KOJETIN, outcome="not_in_place")], copies=3)
    store(database, [record(dt.date(2025, 5, 5), town=TROUBKY, outcome="no_service")], copies=6)
    return database


def run(*args: str):
    result = CliRunner().invoke(app, ["stats", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def one_line_error(result) -> str:
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Chyba: ")
    return lines[0]


def test_export_writes_one_csv_file_per_table_with_czech_headers(with_events, tmp_path) -> None:
    out = tmp_path / "export"
    result = run("export", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    files = {p.stem for p in out.glob("*.csv")}
    assert {"souhrn", "potlaceni", "obce", "obce-potreby", "poptavka-nabidka-obce", "slova", "zpetna-vazba"} <= files
    with (out / "obce.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][:4] == ["ORP", "Kód obce", "Obec", "nalezeno"]
    by_name = {row[2]: row for row in rows[1:]}
    assert by_name["Kojetín"][7] == "<5"
    assert rows[-1][0] == "Celkem" and rows[-1][-1] == "21"


def test_export_writes_one_xlsx_sheet_per_table(with_events, tmp_path) -> None:
    out = tmp_path / "export"
    result = run("export", "--from", "1. 1. 2025", "--to", "31. 12. 2025", "--out", str(out), "--period", "ctvrtleti")
    assert result.exit_code == 0, result.output
    [path] = list(out.glob("*.xlsx"))
    workbook = load_workbook(path)
    assert workbook.sheetnames[:3] == ["souhrn", "potlaceni", "obdobi"]
    sheet = workbook["obdobi"]
    assert [c.value for c in sheet[1]][:2] == ["Období (čtvrtletí)", "nalezeno"]
    assert sheet["A2"].value == "2025 Q1"
    assert "slova" in workbook.sheetnames


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-13-01", "--to", "2025-12-31"], "neplatné datum „2025-13-01“ u --from"),
        (["--from", "včera", "--to", "2025-12-31"], "neplatné datum „včera“"),
        (["--to", "2025-12-31"], "chybí --from"),
        (["--from", "2025-06-01", "--to", "2025-05-31"], "období je prázdné"),
        (["--from", "2025-01-01", "--to", "2025-12-31", "--k", "1"], "k = 1 nelze použít"),
        (["--from", "2025-01-01", "--to", "2025-12-31", "--k", "pět"], "neplatné k „pět“"),
        (["--from", "2025-01-01", "--to", "2025-12-31", "--format", "pdf"], "neznámý formát „pdf“"),
        (["--from", "2025-01-01", "--to", "2025-12-31", "--period", "den"], "neznámé členění období „den“"),
        (["--from", "2025-03-03", "--to", "2025-03-30"], "neobsahuje žádný celý ukončený měsíc"),
    ],
)
def test_bad_input_is_a_one_line_czech_error(with_events, tmp_path, args, message) -> None:
    result = run("export", *args, "--out", str(tmp_path / "out"))
    assert message in one_line_error(result)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_stats_k_below_two_in_the_settings_is_refused(with_events, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("STATS_K", "1")
    get_settings.cache_clear()
    result = run("export", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(tmp_path / "out"))
    assert "STATS_K" in one_line_error(result)


def test_an_output_directory_that_cannot_be_written_is_a_clear_error(with_events, tmp_path) -> None:
    blocker = tmp_path / "soubor.txt"
    blocker.write_text("nejsem adresář", encoding="utf-8")
    result = run("export", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(blocker))
    assert "není adresář" in one_line_error(result)
    result = run("export", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(blocker / "pod"))
    assert "nelze zapisovat: v cestě je soubor, ne adresář" in one_line_error(result)


def test_a_database_without_events_gives_an_honest_empty_export(database, tmp_path) -> None:
    out = tmp_path / "out"
    result = run("export", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0
    assert "V databázi nejsou žádné události statistik" in result.output
    with (out / "obce.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[1:] == [["Celkem", "", "", "0", "0", "0", "0", "0", "0", "0", "0"]]


def test_a_period_without_events_says_so(with_events, tmp_path) -> None:
    result = run("export", "--from", "2024-01-01", "--to", "2024-12-31", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "V období 1. 1. 2024 – 31. 12. 2024 nejsou žádná hledání" in result.output


def test_table_prints_any_breakdown_with_small_cells_hidden(with_events) -> None:
    result = run("table", "--rows", "obec", "--cols", "vysledek", "--from", "2025-01-01", "--to", "2025-12-31")
    assert result.exit_code == 0, result.output
    assert "Kojetín" in result.output and "<5" in result.output
    assert "Skryto" in result.output
    result = run("table", "--rows", "obec,barva", "--from", "2025-01-01", "--to", "2025-12-31")
    assert "neznámé členění „barva“" in one_line_error(result)


def test_purge_deletes_old_events_and_says_how_many(with_events) -> None:
    result = run("purge", "--before", "2025-05-01", "--dry-run")
    assert "Smazalo by se: 15 hledání" in result.output
    result = run("purge", "--before", "2025-05-01")
    assert "Smazáno: 15 hledání a 0 hlášení" in result.output
    assert "Smazáno: 0 hledání" in run("purge", "--before", "2025-05-01").output
    assert "zadejte --before DATUM nebo --synthetic" in one_line_error(run("purge"))
    assert "neplatné datum" in one_line_error(run("purge", "--before", "31/12/2025"))


def test_simulate_refuses_a_database_with_real_events(with_events) -> None:
    result = run("simulate", "--events", "100")
    assert "obsahuje skutečné události" in one_line_error(result)
    assert "neplatný počet událostí" in one_line_error(run("simulate", "--events", "-5"))


def test_simulated_data_is_flagged_in_the_export(database, tmp_path) -> None:
    result = run("simulate", "--events", "500", "--from", "2025-01-01", "--to", "2025-12-31")
    assert result.exit_code == 0, result.output
    assert "Přidáno 500 syntetických hledání" in result.output
    result = run(
        "export", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv", "--out", str(tmp_path / "o")
    )
    assert "data jsou syntetická" in result.output
    summary = (tmp_path / "o" / "souhrn.csv").read_text(encoding="utf-8-sig")
    assert "SYNTETICKÁ" in summary
    assert "Smazáno: 500 hledání" in run("purge", "--synthetic").output
