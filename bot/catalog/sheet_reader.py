"""Reading a spreadsheet (CSV or XLSX) into rows numbered as the coordinator sees them in Excel."""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from bot.catalog.importing import ImportFailed, RowError
from bot.catalog.sheet_columns import (
    COLUMN_NAMES,
    NOTE_PREFIX,
    column_for_header,
    column_letter,
    header_key,
)
from bot.catalog.textfiles import decode_text

HEADER = "záhlaví"
TEMPLATE_HINT = "záhlaví zkopírujte ze šablony (python -m admin_scripts catalog-template)"


@dataclass(frozen=True)
class SheetRow:
    """One non-empty row: its number as Excel shows it and its cells by column name."""

    number: int
    values: dict[str, Any]

    @property
    def location(self) -> str:
        return f"řádek {self.number}"


@dataclass
class Sheet:
    """The rows of a spreadsheet below its header, with where each column is."""

    source: str
    letters: dict[str, str] = field(default_factory=dict)
    rows: list[SheetRow] = field(default_factory=list)

    def label(self, column: str) -> str:
        """A column as an error names it: `email (sloupec Q)`."""
        letter = self.letters.get(column)
        return f"{column} (sloupec {letter})" if letter else column


def read_sheet(path: Path) -> Sheet:
    """Read the first sheet of an XLSX or a CSV file with the template's columns.

    The header is the first non-empty row; empty rows are skipped; columns whose name starts
    with "poznámka" are ignored. Raises ImportFailed naming the file when the file is not a
    readable table or its header lacks a column or names an unknown one.
    """
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        records = _xlsx_records(path)
    elif suffix in (".csv", ".txt"):
        records = _csv_records(path)
    elif suffix == ".xls":
        raise _file_error(path, "starý formát .xls se nečte; uložte tabulku jako Sešit Excelu (.xlsx) nebo CSV")
    else:
        raise _file_error(path, f"neznámý typ souboru '{path.suffix}'; očekává se .xlsx nebo .csv")
    return _make_sheet(path.name, records)


def _file_error(path: Path, message: str) -> ImportFailed:
    return ImportFailed(RowError(path.name, "", None, message))


def _csv_records(path: Path) -> list[tuple[int, list[Any]]]:
    if path.read_bytes()[:4] == b"PK\x03\x04":
        raise _file_error(path, "soubor je sešit Excelu, ne CSV; změňte jeho příponu na .xlsx")
    text = decode_text(path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(number, cells) for number, cells in enumerate(reader, start=1)]
    except csv.Error as error:
        raise ImportFailed(
            RowError(path.name, f"řádek {reader.line_num}", None, f"nečitelný řádek CSV ({error})")
        ) from None


def _xlsx_records(path: Path) -> list[tuple[int, list[Any]]]:
    not_xlsx = "soubor není platný sešit Excelu (.xlsx); otevřete ho v Excelu a uložte jako Sešit Excelu nebo CSV"
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not xlsx
        raise _file_error(path, not_xlsx) from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(min_row=1, values_only=True)
        return [(number, list(cells)) for number, cells in enumerate(rows, start=1)]
    except Exception:  # noqa: BLE001 - a damaged sheet inside a valid zip
        raise _file_error(path, not_xlsx) from None
    finally:
        workbook.close()


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return value or None
    return value


def _is_blank(cells: Iterable[Any]) -> bool:
    return all(_clean(c) is None for c in cells)


def _make_sheet(source: str, records: list[tuple[int, list[Any]]]) -> Sheet:
    data = [(number, cells) for number, cells in records if not _is_blank(cells)]
    if not data:
        raise ImportFailed(RowError(source, "", None, f"soubor je prázdný; {TEMPLATE_HINT}"))
    header_number, header = data[0]
    sheet = Sheet(source)
    positions: dict[str, int] = {}
    errors: list[RowError] = []
    for index, cell in enumerate(header):
        text = _clean(cell)
        if text is None:
            continue
        text = str(text)
        name = column_for_header(text)
        letter = column_letter(index)
        if name is None:
            if not header_key(text).startswith(NOTE_PREFIX):
                guess = difflib.get_close_matches(header_key(text), COLUMN_NAMES, n=1)
                hint = f"nemysleli jste {guess[0]}? " if guess else ""
                errors.append(
                    RowError(
                        source,
                        HEADER,
                        f"sloupec {letter}",
                        f"neznámý sloupec '{text}'; {hint}vlastní poznámky dejte do sloupce nazvaného „poznámka …“",
                    )
                )
        elif name in positions:
            errors.append(
                RowError(
                    source,
                    HEADER,
                    f"sloupec {letter}",
                    f"sloupec {name} je v záhlaví dvakrát (už ve sloupci {column_letter(positions[name])})",
                )
            )
        else:
            positions[name] = index
    missing = [name for name in COLUMN_NAMES if name not in positions]
    if missing:
        errors.insert(0, RowError(source, HEADER, ", ".join(missing), f"chybí sloupec; {TEMPLATE_HINT}"))
    if errors:
        raise ImportFailed(errors)
    sheet.letters = {name: column_letter(index) for name, index in positions.items()}
    for number, cells in data[1:]:
        values = {name: _clean(cells[index]) if index < len(cells) else None for name, index in positions.items()}
        if any(v is not None for v in values.values()):
            sheet.rows.append(SheetRow(number, values))
    if not sheet.rows:
        raise ImportFailed(RowError(source, "", None, f"pod záhlavím (řádek {header_number}) není žádná služba"))
    return sheet
