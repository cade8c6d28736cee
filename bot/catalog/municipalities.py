"""Import of municipality tables (`kod,nazev,orp,obyvatel,lokativ`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.catalog.importing import (
    ImportFailed,
    ImportSummary,
    RowError,
    assign,
    errors_from_validation,
    import_transaction,
)
from bot.catalog.models import Municipality
from bot.catalog.textfiles import decode_text

REQUIRED_COLUMNS = ("kod", "nazev", "orp", "obyvatel")
LABELS = {"kod": "kod", "nazev": "nazev", "orp": "orp", "obyvatel": "obyvatel", "lokativ": "lokativ"}


class MunicipalityRow(BaseModel):
    """One row of a municipality table."""

    kod: int = Field(ge=500000, le=999999)
    nazev: str = Field(min_length=1, max_length=120)
    orp: str = Field(min_length=1, max_length=120)
    obyvatel: int | None = Field(default=None, ge=0)
    lokativ: str | None = None

    @field_validator("nazev", "orp", "lokativ", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    @field_validator("obyvatel", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace("\u00a0", "")
            return value or None
        return value


def read_municipality_file(path: Path) -> tuple[list[MunicipalityRow], list[RowError]]:
    """Parse a municipality CSV; return valid rows and the errors of invalid ones."""
    source = path.name
    text = decode_text(path)
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ImportFailed(
            RowError(
                source,
                "záhlaví",
                ", ".join(missing),
                "chybí sloupec; očekávají se sloupce kod,nazev,orp,obyvatel[,lokativ]",
            )
        )
    rows: list[MunicipalityRow] = []
    errors: list[RowError] = []
    seen: dict[int, int] = {}
    for number, raw in enumerate(reader, start=2):
        record = {k.strip().lower(): v for k, v in raw.items() if k}
        location = f"řádek {number}"
        try:
            row = MunicipalityRow.model_validate(record)
        except ValidationError as error:
            errors.extend(errors_from_validation(error, source, location, LABELS))
            continue
        if row.kod in seen:
            errors.append(RowError(source, location, "kod", f"kód {row.kod} už je na řádku {seen[row.kod]}"))
            continue
        seen[row.kod] = number
        rows.append(row)
    return rows, errors


def import_municipalities(
    sessions: sessionmaker[Session],
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportSummary:
    """Add or update the municipalities of a table; municipalities are never deleted."""
    rows, errors = read_municipality_file(path)
    return import_municipality_rows(sessions, rows, str(path), errors, dry_run=dry_run, skip_invalid=skip_invalid)


def import_municipality_rows(
    sessions: sessionmaker[Session],
    rows: list[MunicipalityRow],
    source: str,
    errors: list[RowError] | None = None,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportSummary:
    """Add or update the given municipalities (rejected with `errors`, if any), in one transaction."""
    summary = ImportSummary(kind="obce", source=source, dry_run=dry_run)
    summary.rejected.extend(errors or [])
    with import_transaction(sessions, summary, skip_invalid=skip_invalid) as session:
        existing = {m.code: m for m in session.scalars(select(Municipality))}
        for row in rows:
            values = {
                "name": row.nazev,
                "orp": row.orp,
                "population": row.obyvatel,
                "locative": row.lokativ,
            }
            current = existing.get(row.kod)
            if current is None:
                session.add(Municipality(code=row.kod, **values))
                summary.count("added", f"{row.nazev} ({row.kod})")
            elif assign(current, values):
                summary.count("updated", f"{row.nazev} ({row.kod})")
            else:
                summary.count("unchanged")
    return summary
