"""Import of the life-situation list (`id,nazev,rodina,poradi,nazev_uk,nazev_en`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError
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
from bot.catalog.models import LifeSituation
from bot.catalog.textfiles import decode_text
from bot.families import FAMILIES

REQUIRED_COLUMNS = ("id", "nazev", "rodina")


class SituationRow(BaseModel):
    """One row of the life-situation list."""

    id: str = Field(pattern=r"^[a-z0-9-]+$", max_length=80)
    nazev: str = Field(min_length=1, max_length=200)
    rodina: str | None = None
    poradi: int | None = None
    nazev_uk: str | None = None
    nazev_en: str | None = None


def read_situations(path: Path) -> tuple[list[SituationRow], list[RowError]]:
    """Parse the list; return valid rows and the errors of invalid ones."""
    reader = csv.DictReader(io.StringIO(decode_text(path)))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ImportFailed(
            RowError(path.name, "záhlaví", ", ".join(missing), "chybí sloupec; očekává se id,nazev,rodina")
        )
    rows: list[SituationRow] = []
    errors: list[RowError] = []
    seen: set[str] = set()
    for number, raw in enumerate(reader, start=2):
        location = f"řádek {number}"
        record = {k.strip(): (v.strip() or None) if v else None for k, v in raw.items() if k}
        try:
            row = SituationRow.model_validate(record)
        except ValidationError as error:
            errors.extend(errors_from_validation(error, path.name, location))
            continue
        if row.rodina is not None and row.rodina not in FAMILIES:
            errors.append(RowError(path.name, location, "rodina", f"'{row.rodina}'; očekává se {', '.join(FAMILIES)}"))
            continue
        if row.id in seen:
            errors.append(RowError(path.name, location, "id", f"'{row.id}' už v seznamu je"))
            continue
        seen.add(row.id)
        rows.append(row)
    return rows, errors


def import_situations(
    sessions: sessionmaker[Session], path: Path, *, dry_run: bool = False, skip_invalid: bool = False
) -> ImportSummary:
    """Add or update life situations; a situation is never deleted (services link to it)."""
    summary = ImportSummary(kind="situace", source=str(path), dry_run=dry_run)
    rows, errors = read_situations(path)
    summary.rejected.extend(errors)
    with import_transaction(sessions, summary, skip_invalid=skip_invalid) as session:
        existing = {s.id: s for s in session.scalars(select(LifeSituation))}
        for position, row in enumerate(rows):
            values = {
                "name": row.nazev,
                "name_uk": row.nazev_uk,
                "name_en": row.nazev_en,
                "family": row.rodina,
                "position": row.poradi if row.poradi is not None else position,
            }
            current = existing.get(row.id)
            if current is None:
                session.add(LifeSituation(id=row.id, **values))
                summary.count("added", row.nazev)
            elif assign(current, values):
                summary.count("updated", row.nazev)
            else:
                summary.count("unchanged")
    return summary
