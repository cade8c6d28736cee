"""A coordinator onboards a region other than Přerov on a fresh database, with the same
commands the README gives, and the bot answers a resident of that region at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from bot.catalog.sheet_columns import COLUMN_NAMES

ROOT = Path(__file__).resolve().parent.parent
SERVICES = [
    {
        "klic": "KM-1",
        "nazev": "Pečovatelská služba Kroměříž",
        "poskytovatel": "Charita Kroměříž",
        "kategorie": "pečovatelská služba",
        "cilove_skupiny": "senioři",
        "popis": "Pomůžeme seniorům doma s hygienou, nákupem a úklidem.",
        "zivotni_situace": "Péče o blízkého doma",
        "obce_pusobnosti": "ORP Kroměříž",
        "telefon": "573 123 456",
        "ulice": "Velehradská",
        "cislo": "625",
        "obec": "Kroměříž",
        "psc": "767 01",
    },
    {
        "klic": "KM-2",
        "nazev": "Potravinová pomoc Hulín",
        "poskytovatel": "Spolek Hulín pomáhá",
        "kategorie": "potravinová pomoc",
        "cilove_skupiny": "osoby v krizi",
        "popis": "Vydáme potraviny lidem, kteří nemají na jídlo.",
        "telefon": "573 654 321",
        "obec": "Hulín",
    },
]


def run(args: list[str], env: dict[str, str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], input=stdin, capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def test_a_region_is_onboarded_from_region_add_to_an_answer_of_the_bot(tmp_path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kromeriz.sqlite3'}",
        "PYTHONPATH": str(ROOT),
        "STATE_SECRET_FILE": str(tmp_path / "stav.klic"),
    }
    env.pop("TELEGRAM_BOT_TOKEN", None)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.append(list(COLUMN_NAMES))
    for row in SERVICES:
        sheet.append([row.get(c) for c in COLUMN_NAMES])
    workbook.save(tmp_path / "katalog-kromeriz.xlsx")

    # before the region: one Czech line says what is missing, no traceback, no sample data
    empty = run(["-m", "admin_scripts", "region", "list"], env, tmp_path)
    assert "region add" in empty.stdout
    added = run(["-m", "admin_scripts", "region", "add", "Kroměříž"], env, tmp_path)
    assert added.returncode == 0, added.stdout + added.stderr
    not_yet = run(["-m", "bot"], env, tmp_path)
    assert not_yet.returncode == 2 and "Traceback" not in not_yet.stderr
    assert "import" in not_yet.stderr

    imported = run(["-m", "admin_scripts", "import", "catalog", "katalog-kromeriz.xlsx"], env, tmp_path)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    listed = run(["-m", "admin_scripts", "region", "list"], env, tmp_path)
    assert "ORP Kroměříž: 46 obcí" in listed.stdout and "celkem: 2" in listed.stdout

    talk = run(["-m", "bot"], env, tmp_path, stdin="potřebuju pečovatelku pro mámu v Kroměříži\n1\n")
    assert talk.returncode == 0, talk.stderr
    assert "Pečovatelská služba Kroměříž" in talk.stdout
    assert "573 123 456" in talk.stdout
    assert "Přerov" not in talk.stdout  # no sample catalogue beside the real one
