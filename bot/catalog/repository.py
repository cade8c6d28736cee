"""Read access to the catalogue for the search, the dialog and the reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot.catalog.models import (
    CodelistTerm,
    ImportRun,
    LifeSituation,
    Municipality,
    Provider,
    Service,
    ServiceForm,
)


def active_services(session: Session) -> Sequence[Service]:
    """Every active service with everything a search index or a card needs, in id order."""
    query = select(Service).where(Service.active.is_(True)).options(*service_details()).order_by(Service.id)
    return session.scalars(query).all()


def card_details() -> tuple[Any, ...]:
    """The loader options for everything a service card reads of a service."""
    return (
        selectinload(Service.provider),
        selectinload(Service.druh),
        selectinload(Service.target_groups),
        selectinload(Service.age_groups),
        selectinload(Service.forms).selectinload(ServiceForm.form),
        selectinload(Service.capacities),
        selectinload(Service.places),
    )


def service_details() -> tuple[Any, ...]:
    """The loader options for everything a card or a search index reads of a service."""
    return (*card_details(), selectinload(Service.life_situations), selectinload(Service.area))


def municipalities(session: Session) -> Sequence[Municipality]:
    """Every municipality of the loaded regions, by name."""
    return session.scalars(select(Municipality).order_by(Municipality.name)).all()


def codelist(session: Session, name: str) -> Sequence[CodelistTerm]:
    """The terms of one codelist (e.g. models.DRUH), by id."""
    return session.scalars(select(CodelistTerm).where(CodelistTerm.codelist == name).order_by(CodelistTerm.id)).all()


def life_situations(session: Session) -> Sequence[LifeSituation]:
    """Every life situation in display order."""
    return session.scalars(select(LifeSituation).order_by(LifeSituation.position)).all()


def last_import(session: Session) -> ImportRun | None:
    """The newest completed import run."""
    return session.scalars(select(ImportRun).order_by(ImportRun.finished_at.desc()).limit(1)).first()


# The kinds of import run that add, change and end services (ImportRun.kind): the register
# (import rpss and sync rpss) and the coordinator's spreadsheet (bot.catalog.spreadsheet.KIND).
REGISTER_IMPORT = "rpss"
SPREADSHEET_IMPORT = "katalog"
SERVICE_IMPORTS = (REGISTER_IMPORT, SPREADSHEET_IMPORT)


def local_day(moment: dt.datetime) -> dt.date:
    """The local calendar day of a stored moment (SQLite returns UTC without a zone)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().date()


def last_imports(session: Session, kinds: Sequence[str] = SERVICE_IMPORTS) -> dict[str, ImportRun]:
    """The newest completed run of each of `kinds` that has one."""
    found: dict[str, ImportRun] = {}
    for kind in kinds:
        query = select(ImportRun).where(ImportRun.kind == kind).order_by(ImportRun.finished_at.desc()).limit(1)
        run = session.scalars(query).first()
        if run is not None:
            found[kind] = run
    return found


def import_runs_between(
    session: Session, start: dt.date, end: dt.date, kinds: Sequence[str] = SERVICE_IMPORTS
) -> list[ImportRun]:
    """The runs of `kinds` that finished on a local day within start..end (both included), oldest first."""
    # a day's margin on each side in SQL (the stored moments are UTC), the exact days here
    after = dt.datetime.combine(start - dt.timedelta(days=1), dt.time())
    before = dt.datetime.combine(end + dt.timedelta(days=2), dt.time())
    query = (
        select(ImportRun)
        .where(ImportRun.kind.in_(list(kinds)), ImportRun.finished_at >= after, ImportRun.finished_at < before)
        .order_by(ImportRun.finished_at, ImportRun.id)
    )
    return [run for run in session.scalars(query) if start <= local_day(run.finished_at) <= end]


def ended_services(session: Session, start: dt.date, end: dt.date) -> list[tuple[str, str, dt.date]]:
    """Services ended within start..end and not active again: (name, provider, day ended),
    by the day, then by name."""
    query = (
        select(Service.name, Provider.name, Service.deactivated_on)
        .outerjoin(Provider, Service.provider_id == Provider.id)
        .where(
            Service.active.is_(False),
            Service.deactivated_on.is_not(None),
            Service.deactivated_on >= start,
            Service.deactivated_on <= end,
        )
        .order_by(Service.id)
    )
    found = [(name, provider or "", day) for name, provider, day in session.execute(query)]
    return sorted(found, key=lambda s: (s[2], s[0].casefold()))  # the same order on every database


def count_active_services(session: Session) -> int:
    """How many services are active."""
    return session.scalar(select(func.count()).select_from(Service).where(Service.active.is_(True))) or 0
