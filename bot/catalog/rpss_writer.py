"""Writing register records to the catalogue, batch by batch, comparing field values.

Each batch's existing services are loaded in one query with their children; once the
batch is flushed its objects are dropped from the session, so memory stays flat.
Children are compared by value and kept as they are when equal, so a second run of the
same file changes no row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from bot.catalog.codelists import SERVICE_CODELISTS, Codelists, upsert_terms
from bot.catalog.importing import CZECH_OUTCOMES, ImportSummary, RowError, assign, sync_rows
from bot.catalog.models import Capacity, CodelistTerm, Place, Provider, Service, ServiceArea, ServiceForm
from bot.catalog.rpss_items import SOURCE
from bot.catalog.rpss_records import ServiceRecord

AREA_SOURCE = "rpss"
CHUNK = 500


class CatalogWriter:
    """Writes records batch by batch; forgets each batch's objects once flushed."""

    def __init__(self, session: Session, codelists: Codelists, summary: ImportSummary, today: dt.date) -> None:
        self.session = session
        self.codelists = codelists
        self.summary = summary
        self.today = today
        self.kept: set[str] = set()
        self.protected: set[str] = set()  # rejected items: left as they are, never deactivated
        self.provider_ids: dict[str, int] = {}
        self.synced_codelists: set[str] = set()

    def write(self, batch: list[ServiceRecord], skip_invalid: bool) -> None:
        """Add or update the services of one batch (nothing once a run is bound to fail)."""
        if not batch or (self.summary.rejected and not skip_invalid):
            return
        self._sync_codelists(everything=False)
        self._write_providers(batch)
        services = self._existing_services(batch)
        wanted = {t for r in batch for t in (*r.target_groups, *r.age_groups)}
        terms = {t.id: t for t in self.session.scalars(select(CodelistTerm).where(CodelistTerm.id.in_(wanted)))}
        for record in batch:
            service = services.get(record.registry_id)
            if service is None and record.portal_id is not None:
                service = services.get(record.portal_id)
                if service is not None and service.registry_id not in (None, record.registry_id):
                    self.summary.rejected.append(
                        RowError(
                            SOURCE,
                            record.location,
                            "portalId",
                            f"portalId {record.portal_id} už má v katalogu služba s identifikátorem "
                            f"{service.registry_id}; očekává se jedinečné portalId",
                        )
                    )
                    self.protected.add(record.registry_id)
                    continue
            self._write_service(record, service, terms)
            self.kept.add(record.registry_id)
        self.session.flush()
        self.session.expunge_all()

    def finish(self) -> None:
        """Store the rest of the service codelists; mark registered services no longer kept inactive."""
        self._sync_codelists(everything=True)
        rows = self.session.execute(
            select(Service.id, Service.registry_id, Service.name).where(
                Service.registry_id.is_not(None), Service.active.is_(True)
            )
        ).all()
        gone = sorted(
            (r for r in rows if r.registry_id not in self.kept and r.registry_id not in self.protected),
            key=lambda r: r.registry_id,
        )
        for start in range(0, len(gone), CHUNK):
            ids = [r.id for r in gone[start : start + CHUNK]]
            self.session.execute(
                update(Service)
                .where(Service.id.in_(ids))
                .values(active=False, deactivated_on=self.today)
                .execution_options(synchronize_session=False)
            )
        for row in gone:
            self.summary.count("deactivated", f"{row.name} ({row.registry_id})")

    def _sync_codelists(self, *, everything: bool) -> None:
        pending = [
            prefix
            for prefix in SERVICE_CODELISTS
            if prefix not in self.synced_codelists
            and (self.codelists.is_loaded(prefix) or (everything and self.codelists.exists(prefix)))
        ]
        if pending:
            self.summary.changes.extend(upsert_terms(self.session, self.codelists, pending))
            self.synced_codelists.update(pending)
            self.session.flush()

    def _write_providers(self, batch: list[ServiceRecord]) -> None:
        records: dict[str, Any] = {}
        for record in batch:  # the first item of a provider in the file wins
            if record.provider.ico not in self.provider_ids:
                records.setdefault(record.provider.ico, record.provider)
        if not records:
            return
        existing = {p.ico: p for p in self.session.scalars(select(Provider).where(Provider.ico.in_(list(records))))}
        written = {}
        for ico, record in records.items():
            values = {
                "name": record.name,
                "address": record.address,
                "municipality_code": record.municipality_code,
                "phones": list(record.phones),
                "emails": list(record.emails),
                "webs": list(record.webs),
            }
            provider = existing.get(ico)
            outcome = None
            if provider is None:
                provider = Provider(ico=ico, **values)
                self.session.add(provider)
                outcome = "added"
            elif assign(provider, values):
                outcome = "updated"
            if outcome:
                self.summary.changes.append(f"{CZECH_OUTCOMES[outcome]}: poskytovatel {record.name} (IČO {ico})")
            written[ico] = provider
        self.session.flush()
        self.provider_ids.update({ico: p.id for ico, p in written.items()})

    def _existing_services(self, batch: list[ServiceRecord]) -> dict[Any, Service]:
        """Services of the batch by registry id and by portal id, children loaded in bulk."""
        options = (
            selectinload(Service.forms),
            selectinload(Service.capacities),
            selectinload(Service.places),
            selectinload(Service.area),
            selectinload(Service.target_groups),
            selectinload(Service.age_groups),
        )
        found: dict[Any, Service] = {}
        ids = [r.registry_id for r in batch]
        for service in self.session.scalars(select(Service).where(Service.registry_id.in_(ids)).options(*options)):
            found[service.registry_id] = service
        portal_ids = [r.portal_id for r in batch if r.registry_id not in found and r.portal_id is not None]
        if portal_ids:
            query = select(Service).where(Service.portal_id.in_(portal_ids)).options(*options)
            for service in self.session.scalars(query):
                found[service.portal_id] = service
        return found

    def _write_service(self, record: ServiceRecord, service: Service | None, terms: dict[str, CodelistTerm]) -> None:
        values = {
            "registry_id": record.registry_id,
            "portal_id": record.portal_id,
            "provider_id": self.provider_ids[record.provider.ico],
            "name": record.name,
            "druh_id": record.druh_id,
            "age_note": record.age_note,
            "phones": record.phones,
            "emails": record.emails,
            "webs": record.webs,
            "valid_from": record.valid_from,
            "valid_to": record.valid_to,
            "register_hours": record.hours,
            # a service that starts later is stored now, offered from its first day on
            "active": record.valid_from is None or record.valid_from <= self.today,
            "deactivated_on": None,
        }
        if service is None:
            service = Service(**values)
            service.forms = [ServiceForm(**f) for f in record.forms]
            service.capacities = [Capacity(**c) for c in record.capacities]
            service.places = [Place(**p) for p in record.places]
            service.area = [ServiceArea(municipality_code=c, source=AREA_SOURCE) for c in record.area]
            service.target_groups = [terms[t] for t in record.target_groups]
            service.age_groups = [terms[t] for t in record.age_groups]
            self.session.add(service)
            self.summary.count("added", record.description)
            return
        reactivated = not service.active
        changed = assign(service, values)
        changed |= _sync_terms(service.target_groups, record.target_groups, terms)
        changed |= _sync_terms(service.age_groups, record.age_groups, terms)
        changed |= _sync_forms(service, record.forms)
        changed |= sync_rows(service.capacities, record.capacities, lambda c: Capacity(**c))
        changed |= sync_rows(service.places, record.places, lambda p: Place(**p))
        changed |= _sync_area(service, record.area)
        if changed:
            note = " – znovu v registru" if reactivated else ""
            self.summary.count("updated", record.description + note)
        else:
            self.summary.count("unchanged")


def _sync_terms(current: list[CodelistTerm], wanted: list[str], terms: dict[str, CodelistTerm]) -> bool:
    """A many-to-many set of codelist terms; compared as a set (the database keeps no order)."""
    if sorted(t.id for t in current) == wanted:
        return False
    current[:] = [terms[t] for t in wanted]
    return True


def _sync_forms(service: Service, wanted: list[dict[str, Any]]) -> bool:
    """Forms are keyed by (service, form): update them in place rather than replace them."""
    by_form = {f.form_id: f for f in service.forms}
    wanted_by_form = {w["form_id"]: w["continuous"] for w in wanted}
    changed = False
    for form_id, form in by_form.items():
        if form_id not in wanted_by_form:
            service.forms.remove(form)
            changed = True
        elif form.continuous != wanted_by_form[form_id]:
            form.continuous = wanted_by_form[form_id]
            changed = True
    for form_id, continuous in wanted_by_form.items():
        if form_id not in by_form:
            service.forms.append(ServiceForm(form_id=form_id, continuous=continuous))
            changed = True
    return changed


def _sync_area(service: Service, wanted: list[int]) -> bool:
    """The register's part of a service area; rows from other sources are left alone."""
    others = {a.municipality_code for a in service.area if a.source != AREA_SOURCE}
    wanted = [code for code in wanted if code not in others]
    current = {a.municipality_code: a for a in service.area if a.source == AREA_SOURCE}
    if sorted(current) == wanted:
        return False
    for code, row in current.items():
        if code not in wanted:
            service.area.remove(row)
    service.area.extend(
        ServiceArea(municipality_code=code, source=AREA_SOURCE) for code in wanted if code not in current
    )
    return True
