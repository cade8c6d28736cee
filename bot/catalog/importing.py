"""What every importer shares: row errors, the run summary, and the all-or-nothing transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session, sessionmaker

from bot.catalog.models import ImportRun


@dataclass(frozen=True)
class RowError:
    """One rejected row or item: where it is, which field, and what was expected."""

    source: str
    location: str
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}, {self.location}" if self.location else self.source
        if self.field:
            where += f", pole {self.field}"
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    """The import changed nothing; `errors` says why, row by row."""

    def __init__(self, errors: Iterable[RowError] | RowError) -> None:
        self.errors = [errors] if isinstance(errors, RowError) else list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def errors_from_validation(
    error: ValidationError, source: str, location: str, labels: dict[str, str] | None = None
) -> list[RowError]:
    """Turn a pydantic validation error of one row into row errors with Czech field labels."""
    labels = labels or {}
    found = []
    for item in error.errors():
        name = ".".join(str(p) for p in item["loc"]) or None
        if name is not None:
            name = labels.get(name, name)
        message = item["msg"].removeprefix("Value error, ")
        found.append(RowError(source, location, name, message))
    return found


@dataclass
class ImportSummary:
    """Counts of one run, with the reasons of every rejected row."""

    kind: str
    source: str
    dry_run: bool = False
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    rejected: list[RowError] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    started_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def count(self, outcome: str, description: str | None = None) -> None:
        """Count one item as added, updated, unchanged or deactivated."""
        setattr(self, outcome, getattr(self, outcome) + 1)
        if description and outcome != "unchanged":
            self.changes.append(f"{CZECH_OUTCOMES[outcome]}: {description}")

    def as_dict(self) -> dict[str, Any]:
        """The counts, for printing or JSON."""
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deactivated": self.deactivated,
            "rejected": len(self.rejected),
        }

    @property
    def changed(self) -> bool:
        """True when the run changed anything."""
        return bool(self.added or self.updated or self.deactivated)


CZECH_OUTCOMES = {
    "added": "přidáno",
    "updated": "změněno",
    "unchanged": "beze změny",
    "deactivated": "ukončeno",
    "rejected": "odmítnuto",
}


@contextmanager
def import_transaction(
    sessions: sessionmaker[Session], summary: ImportSummary, *, skip_invalid: bool
) -> Iterator[Session]:
    """Run an import in one transaction: all or nothing, recorded, rolled back on a dry run.

    Rejected rows abort the whole run unless `skip_invalid` is set; then the valid rows
    are kept and the rejected ones are listed in the summary and in the run record.
    """
    session = sessions()
    try:
        yield session
        if summary.rejected and not skip_invalid:
            raise ImportFailed(summary.rejected)
        if summary.dry_run:
            session.rollback()
            return
        session.add(
            ImportRun(
                kind=summary.kind,
                source=summary.source,
                started_at=summary.started_at,
                finished_at=dt.datetime.now(dt.UTC),
                rejections=[str(e) for e in summary.rejected],
                rejected=len(summary.rejected),
                **{k: v for k, v in summary.as_dict().items() if k != "rejected"},
            )
        )
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def assign(obj: object, values: dict[str, Any]) -> bool:
    """Set attributes that differ; True when anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def sync_rows(current: list[Any], wanted: list[dict[str, Any]], make: Callable[[dict[str, Any]], Any]) -> bool:
    """Make a child collection hold exactly `wanted` (compared by field values), in order.

    Returns True when the collection changed. Rows equal to a wanted dict are kept as they
    are, so running an import twice changes nothing.
    """

    def as_dict(row: Any) -> dict[str, Any]:
        return {k: getattr(row, k) for k in (wanted[0] if wanted else {})}

    if len(current) == len(wanted) and all(as_dict(r) == w for r, w in zip(current, wanted, strict=True)):
        return False
    current.clear()
    current.extend(make(w) for w in wanted)
    return True
