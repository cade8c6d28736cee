"""`python -m bot` starts on a fresh database and stops with one line on a bad setting."""

from __future__ import annotations

import os
import subprocess
import sys

from bot import PROJECT_ROOT


def run_bot(env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "STATS_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT_ROOT,
        env={**clean, **env},
    )


def test_invalid_setting_stops_the_start_with_one_line_naming_it(tmp_path) -> None:
    result = run_bot({"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "STATS_K": "1"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Neplatné nastavení STATS_K: očekává se číslo alespoň 2 (zadáno: '1')"
    ]
    assert not (tmp_path / "db.sqlite3").exists()


def test_fresh_database_gets_the_bundled_catalogue_and_the_terminal_conversation(tmp_path) -> None:
    result = run_bot({"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}, stdin="domov pro seniory v Tovačově\n\n")
    assert result.returncode == 0, result.stderr
    assert "Dobrý den" in result.stdout
    assert "Tovačov" in result.stdout
    assert (tmp_path / "db.sqlite3").exists()


def test_a_database_with_municipalities_but_no_services_says_what_to_import(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    table = tmp_path / "obce.csv"
    table.write_text("kod,nazev,orp,obyvatel\n588300,Bařice-Velké Těšany,Kroměříž,600\n", encoding="utf-8")
    imported = subprocess.run(
        [sys.executable, "-m", "admin_scripts", "import", "municipalities", str(table)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": url},
    )
    assert imported.returncode == 0, imported.stderr
    result = run_bot({"DATABASE_URL": url}, stdin="\n")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "V katalogu nejsou žádné služby; načtěte je příkazem: python -m admin_scripts import rpss "
        "SLOŽKA_REGISTRU (nebo import catalog TABULKA.xlsx)"
    ]
    assert "Traceback" not in result.stderr
