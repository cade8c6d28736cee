"""Regions (ORP) of the national municipality table (catalog_data/obce-cr/obce.csv)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from rapidfuzz import process
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from bot import CATALOG_DATA, NATIONAL_MUNICIPALITIES
from bot.catalog.codelists import SERVICE_CODELISTS, Codelists, upsert_terms
from bot.catalog.importing import ImportSummary, import_transaction
from bot.catalog.models import Municipality, Service
from bot.catalog.municipalities import MunicipalityRow
from bot.search.text import fold

BUNDLED_CODELISTS = CATALOG_DATA / "ciselniky"


class UnknownRegion(ValueError):
    """No ORP of that name; the message (in Czech) suggests the nearest names."""


def _orp_key(name: str) -> str:
    folded = fold(name.strip())
    return folded[4:].strip() if folded.startswith("orp ") else folded


def municipalities_of(orp: str, table: Path = NATIONAL_MUNICIPALITIES) -> list[MunicipalityRow]:
    """The municipalities of the ORP named `orp` ("Kroměříž", "ORP Kroměříž", "kromeriz" or its
    four-digit code), as rows of a municipality import. Raises UnknownRegion."""
    with table.open(encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    key = _orp_key(orp)
    chosen = [r for r in records if fold(r["orp"]) == key or r["orp_kod"] == key]
    if not chosen:
        names = sorted({r["orp"] for r in records})
        near = [name for name, _score, _i in process.extract(orp, names, limit=3)]
        raise UnknownRegion(f"ORP „{orp.strip()}“ neznám; nemyslíte {', '.join(near)}?")
    return [
        MunicipalityRow(
            kod=int(r["kod"]),
            nazev=r["nazev"],
            orp=r["orp"],
            obyvatel=int(r["obyvatel"]) if r["obyvatel"] else None,
            lokativ=r["lokativ"] or None,
        )
        for r in chosen
    ]


def remove_region(sessions: sessionmaker[Session], orp: str, *, dry_run: bool = False) -> ImportSummary:
    """Take an ORP out of the database: its municipalities, and the services that reach no
    other municipality of the database any more (ended, never deleted). `region add` and an
    import bring them back. Raises UnknownRegion when the database has no such ORP."""
    summary = ImportSummary(kind="region", source=f"odebrání ORP {orp.strip()}", dry_run=dry_run)
    with import_transaction(sessions, summary, skip_invalid=False) as session:
        towns = list(session.scalars(select(Municipality)))
        key = _orp_key(orp)
        removed = {m.code: m for m in towns if fold(m.orp) == key}
        if not removed:
            names = sorted({m.orp for m in towns})
            hint = f"; v databázi jsou: {', '.join(names)}" if names else "; databáze nemá žádný region"
            raise UnknownRegion(f"ORP „{orp.strip()}“ v databázi není{hint}")
        for town in sorted(removed.values(), key=lambda m: fold(m.name)):
            session.delete(town)
            summary.count("deactivated", f"obec {town.name} ({town.code})")
        today = dt.date.today()
        services = session.scalars(
            select(Service)
            .where(Service.active.is_(True))
            .options(selectinload(Service.places), selectinload(Service.area))
        )
        for service in services:
            codes = {p.municipality_code for p in service.places} | {a.municipality_code for a in service.area}
            codes.discard(None)
            if codes and codes <= removed.keys():
                service.active = False
                service.deactivated_on = today
                summary.count("deactivated", f"služba {service.name} (nepůsobí v žádné jiné obci databáze)")
    return summary


def import_service_codelists(
    sessions: sessionmaker[Session], directory: Path = BUNDLED_CODELISTS, *, dry_run: bool = False
) -> ImportSummary:
    """Add or update the codelists a service refers to (druhy, forms, target and age groups,
    capacity types) from the register's codelist files; terms are never deleted. A register
    import updates them again from its own files."""
    summary = ImportSummary(kind="ciselniky", source=f"číselníky služeb ({directory})", dry_run=dry_run)
    with import_transaction(sessions, summary, skip_invalid=False) as session:
        for line in upsert_terms(session, Codelists(directory), SERVICE_CODELISTS):
            summary.count("updated", line)
    return summary
