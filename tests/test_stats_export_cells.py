"""Exports that spreadsheet programs cannot execute: text from the catalogue stays text."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from bot.stats.disclosure import PublishedTable
from bot.stats.export import StatsExport
from bot.stats.files import write_csv, write_xlsx

HOSTILE = ['=HYPERLINK("http://x","klik")', "@SUM(1+1)", "+420 cmd", "-1+2", "\tTab"]


def export_with(values: list[str]) -> StatsExport:
    table = PublishedTable(
        name="obce-potreby",
        title="Poptávka",
        header=["obec", "=potřeba"],
        rows=[[value, 7] for value in values] + [["Přerov", -3]],
        k=5,
        notes=["=poznámka"],
    )
    return StatsExport(dt.date(2026, 1, 1), dt.date(2026, 3, 31), 5, "quarter", 10, False, [table])


def test_csv_cells_that_would_be_formulas_are_made_inert(tmp_path: Path) -> None:
    [path] = write_csv(export_with(HOSTILE), tmp_path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == ["obec", "'=potřeba"]
    assert [r[0] for r in rows[1:-1]] == ["'" + v for v in HOSTILE]
    assert rows[-1] == ["Přerov", "-3"]  # a number stays a number


def test_xlsx_cells_from_text_are_text_never_formulas(tmp_path: Path) -> None:
    path = write_xlsx(export_with(HOSTILE), tmp_path)
    sheet = load_workbook(path)["obce-potreby"]
    texts = [sheet.cell(row, 1) for row in range(2, 2 + len(HOSTILE))]
    assert [c.value for c in texts] == HOSTILE
    assert all(c.data_type == "s" for c in texts)
    assert sheet.cell(1, 2).data_type == "s" and sheet.cell(1, 2).value == "=potřeba"
    assert sheet.cell(2 + len(HOSTILE), 2).value == -3
    notes = [c for c in sheet["A"] if c.value == "=poznámka"]
    assert notes and notes[0].data_type == "s"


def test_a_dollar_in_a_label_is_drawn_as_written(tmp_path: Path) -> None:
    from bot.stats.report import chart_needs

    table = PublishedTable(
        name="potreby",
        title="Potřeby",
        header=["Potřeba", "Celkem"],
        rows=[["$^$ a {pomoc}", 9], ["cena $\\undefinedcmd$", 6], ["Celkem", 15]],
        k=5,
    )
    export = StatsExport(dt.date(2026, 1, 1), dt.date(2026, 3, 31), 5, "quarter", 15, False, [table])
    svg = str(chart_needs(export))
    assert "$^$ a {pomoc}" in svg and "cena $\\undefinedcmd$" in svg
