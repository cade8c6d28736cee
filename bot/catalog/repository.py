"""Read access to the catalogue for the search, the dialog and the reports."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot.catalog.models import (
    CodelistTerm,
    ImportRun,
    LifeSituation,
    Municipality,
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


def count_active_services(session: Session) -> int:
    """How many services are active."""
    return session.scalar(select(func.count()).select_from(Service).where(Service.active.is_(True))) or 0
