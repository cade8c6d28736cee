"""The coordinator's spreadsheet template: an XLSX with the columns the importer reads,
an instructions sheet ("Návod") and lists to pick values from ("Číselníky")."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from bot import CATALOG_DATA
from bot.catalog.sheet_columns import COLUMNS, SUGGESTED_CATEGORIES, column_letter, fold
from bot.catalog.sheet_reader import read_sheet
from bot.catalog.sheet_rows import parse_date
from bot.catalog.textfiles import decode_text

SHEET = "Katalog"
GUIDE = "Návod"
LISTS = "Číselníky"
DATE_FORMAT = "d. m. yyyy"
VALIDATED_ROWS = 1000

_HEADER_FILL = PatternFill("solid", start_color="1F5C63")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)

GUIDE_INTRO = (
    "Tabulka katalogu Síť pomoci: jeden řádek = jedna služba.",
    "Registrovaná sociální služba: vyplňte identifikator z registru poskytovatelů; řádek jen "
    "doplní, co registr nemá (popis, jak získat pomoc, obce působnosti, provozní dobu, cenu, "
    "jazyky, bezbariérovost, životní situace, datum ověření). Kontakty a adresu bere import z registru.",
    "Návazná služba (v registru není): vyplňte vlastní klic (např. N-001), nazev, kategorie "
    "a aspoň jeden kontakt. Když řádek služby z tabulky zmizí, služba se v katalogu označí jako ukončená.",
    "Hodnoty z listu Číselníky lze vybírat v rozbalovacím seznamu; do jedné buňky lze napsat "
    "více hodnot oddělených středníkem. Vlastní poznámky pište do sloupce nazvaného „poznámka“.",
    "Import: python -m admin_scripts import catalog SOUBOR.xlsx --dry-run (náhled), pak bez --dry-run.",
)


@dataclass(frozen=True)
class _List:
    column: str
    title: str
    values: Sequence[tuple[str, ...]]


Town = tuple[str, str, str]  # name, ORP, code


def write_template(
    out: Path, sample: Path | None = None, data: Path = CATALOG_DATA, towns: Sequence[Town] | None = None
) -> int:
    """Write the template to `out`, with the rows of `sample` (a CSV or XLSX) if given.

    `towns` are the municipalities to offer (the database's); without them, those of the
    bundled sample regions. Returns how many rows were written below the header.
    """
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = SHEET
    _write_header(sheet)
    count = _write_rows(sheet, sample) if sample else 0
    lists = _lists(data, towns)
    _write_lists(workbook.create_sheet(LISTS), lists)
    _add_validations(sheet, lists, max(VALIDATED_ROWS, count + 200))
    _write_guide(workbook.create_sheet(GUIDE, 1))
    workbook.save(out)
    return count


def _write_header(sheet: Worksheet) -> None:
    for index, column in enumerate(COLUMNS):
        letter = column_letter(index)
        cell = sheet.cell(row=1, column=index + 1, value=column.name)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _TOP
        note = f"{column.title}\n{column.meaning}\nFormát: {column.format}\nPříklad: {column.example}"
        cell.comment = Comment(note, "Síť pomoci", width=320, height=170)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        dimension.number_format = DATE_FORMAT if column.name == "overeno" else "@"
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{column_letter(len(COLUMNS) - 1)}1"


def _write_rows(sheet: Worksheet, sample: Path) -> int:
    rows = read_sheet(sample).rows
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(COLUMNS):
            value = row.values.get(column.name)
            cell = sheet.cell(row=number, column=index + 1)
            if value is None:
                continue
            if column.name == "overeno":
                try:
                    cell.value = parse_date(value)
                    cell.number_format = DATE_FORMAT
                except ValueError:
                    cell.value = str(value)
            else:
                cell.value = str(value)
                cell.number_format = "@"
            cell.alignment = _WRAP if column.wrap else _TOP
    return len(rows)


def _csv_records(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    return list(csv.DictReader(io.StringIO(decode_text(path))))


def _lists(data: Path, towns: Sequence[Town] | None = None) -> list[_List]:
    """What the template offers to pick from, read from the bundled data files."""
    situations = sorted(
        _csv_records(data / "zivotni-situace.csv"),
        key=lambda r: int(r.get("poradi") or 0) if (r.get("poradi") or "0").isdigit() else 0,
    )
    groups: list[tuple[str, ...]] = []
    codelist = data / "ciselniky" / "cilove-skupiny-osoby.json"
    if codelist.exists():
        for item in json.loads(codelist.read_text(encoding="utf-8")).get("polozky", []):
            name = item.get("nazev")
            name = name.get("cs") if isinstance(name, dict) else name
            if name:
                groups.append((name,))
    municipalities = (
        list(towns)
        if towns
        else [
            (r["nazev"], r.get("orp") or "", r.get("kod") or "")
            for table in sorted((data / "obce").glob("orp-*.csv"))
            for r in _csv_records(table)
            if r.get("nazev")
        ]
    )
    municipalities.sort(key=lambda m: (m[1], m[0]))
    # a name several municipalities share is offered with its ORP, as the importer accepts it
    counts = Counter(fold(name) for name, _, _ in municipalities)
    municipalities = [
        (f"{name} ({orp})" if counts[fold(name)] > 1 else name, orp, code) for name, orp, code in municipalities
    ]
    return [
        _List("zivotni_situace", "Životní situace", [(r["nazev"], r["id"]) for r in situations if r.get("nazev")]),
        _List("cilove_skupiny", "Cílové skupiny", groups),
        _List("kategorie", "Kategorie návazných služeb (doporučené)", [(c,) for c in SUGGESTED_CATEGORIES]),
        _List("jazyky", "Jazyky", [(r["nazev"], r["kod"]) for r in _csv_records(data / "jazyky.csv")]),
        _List("obec", "Obce", municipalities),
    ]


_LIST_HEADERS = {
    "zivotni_situace": ("název", "id"),
    "jazyky": ("název", "kód"),
    "obec": ("název", "ORP", "kód obce"),
}


def _write_lists(sheet: Worksheet, lists: list[_List]) -> None:
    column = 1
    for item in lists:
        headers = _LIST_HEADERS.get(item.column, (item.title,))
        sheet.cell(row=1, column=column, value=item.title).font = Font(bold=True)
        for offset, header in enumerate(headers):
            sheet.cell(row=2, column=column + offset, value=header).font = Font(italic=True)
            sheet.column_dimensions[column_letter(column + offset - 1)].width = 40 if offset == 0 else 12
        for number, values in enumerate(item.values, start=3):
            for offset, value in enumerate(values):
                sheet.cell(row=number, column=column + offset, value=value)
        column += len(headers) + 1
    sheet.freeze_panes = "A3"


def _add_validations(sheet: Worksheet, lists: list[_List], last_row: int) -> None:
    positions = {c.name: column_letter(i) for i, c in enumerate(COLUMNS)}
    list_column = 1
    for item in lists:
        width = len(_LIST_HEADERS.get(item.column, (item.title,)))
        if item.values:
            source = column_letter(list_column - 1)
            ref = f"'{LISTS}'!${source}$3:${source}${len(item.values) + 2}"
            targets = [item.column] + (["obce_pusobnosti"] if item.column == "obec" else [])
            for target in targets:
                validation = DataValidation(type="list", formula1=f"={ref}", allow_blank=True)
                validation.showErrorMessage = False
                validation.promptTitle = item.title[:32]
                validation.prompt = "Vyberte ze seznamu, nebo napište více hodnot oddělených středníkem."
                validation.showInputMessage = True
                sheet.add_data_validation(validation)
                validation.add(f"{positions[target]}2:{positions[target]}{last_row}")
        list_column += width + 1
    dates = DataValidation(
        type="date",
        operator="between",
        formula1="DATE(2000,1,1)",
        formula2="DATE(2100,12,31)",
        allow_blank=True,
    )
    dates.error = "Zadejte datum, např. 14. 10. 2026."
    dates.errorTitle = "Ověřeno: datum"
    sheet.add_data_validation(dates)
    dates.add(f"{positions['overeno']}2:{positions['overeno']}{last_row}")


def _write_guide(sheet: Worksheet) -> None:
    for number, line in enumerate(GUIDE_INTRO, start=1):
        sheet.cell(row=number, column=1, value=line).alignment = Alignment(wrap_text=False)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    start = len(GUIDE_INTRO) + 2
    headers = ("sloupec", "název", "pro službu", "povinný", "význam", "formát", "příklad")
    widths = (18, 22, 14, 30, 70, 40, 28)
    for index, (header, width) in enumerate(zip(headers, widths, strict=True)):
        cell = sheet.cell(row=start, column=index + 1, value=header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        sheet.column_dimensions[column_letter(index)].width = width
    for number, column in enumerate(COLUMNS, start=start + 1):
        values = (
            column.name,
            column.title,
            column.applies,
            column.required,
            column.meaning,
            column.format,
            column.example,
        )
        for index, value in enumerate(values):
            cell = sheet.cell(row=number, column=index + 1, value=value)
            cell.alignment = _WRAP
            cell.number_format = "@"
