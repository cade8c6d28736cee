"""The files of an export: CSV (one per table) and one XLSX workbook, that spreadsheet programs
open as written and can never execute."""

from __future__ import annotations

import csv
from pathlib import Path

from bot.stats.export import StatsExport

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")  # a cell starting so is read as a formula


def neutralised(value: object) -> object:
    """Text that a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)"), made
    inert by a leading apostrophe; numbers and other text are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def _csv_value(value: object) -> object:
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return neutralised(value)


def write_csv(export: StatsExport, folder: Path) -> list[Path]:
    """One CSV file per table (UTF-8 with BOM, semicolons, decimal comma: opens in Czech Excel)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for table in export.tables:
        path = folder / f"{table.name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f, delimiter=";")
            writer.writerow([neutralised(v) for v in table.header])
            for row in table.rows:
                writer.writerow([_csv_value(v) for v in row])
        written.append(path)
    return written


def write_xlsx(export: StatsExport, folder: Path) -> Path:
    """One workbook with a sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    folder.mkdir(parents=True, exist_ok=True)
    workbook = Workbook(write_only=False)
    if workbook.active is not None:  # the empty sheet every new workbook has
        workbook.remove(workbook.active)
    bold = Font(bold=True)
    for table in export.tables:
        sheet = workbook.create_sheet(table.name[:31])
        sheet.append(table.header)
        for cell in sheet[1]:
            cell.font = bold
            cell.data_type = "s"
        number = 1  # the row just written (counted: sheet.max_row scans every cell)
        for row in table.rows:
            sheet.append(row)
            number += 1
            for j, value in enumerate(row, start=1):
                if isinstance(value, str):
                    sheet.cell(number, j).data_type = "s"  # text stays text: "=…" is never a formula
        if table.rows and table.rows[-1][0] == "Celkem":
            for j in range(1, len(table.rows[-1]) + 1):
                sheet.cell(number, j).font = bold
        sheet.freeze_panes = "A2"
        for j, title in enumerate(table.header, start=1):
            width = max([len(str(title))] + [len(str(r[j - 1])) for r in table.rows[:500] if j - 1 < len(r)])
            sheet.column_dimensions[get_column_letter(j)].width = min(max(width + 2, 8), 70)
        if table.notes:
            sheet.append([])
            number += 1
            for note in table.notes:
                sheet.append([note])
                number += 1
                sheet.cell(number, 1).data_type = "s"
    path = folder / f"statistiky-{export.start.isoformat()}-{export.end.isoformat()}.xlsx"
    workbook.save(path)
    return path
