"""Import of the coordinator's catalogue spreadsheet (CSV or XLSX).

Each row either enriches a registered service (matched by its `identifikator`) with what
the register lacks, or describes a related service (návazná služba) that is not in the
register, under the coordinator's own `klic`. The columns are defined in sheet_columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from bot.catalog.importing import (
    ImportSummary,
    RowError,
    assign,
    errors_from_validation,
    import_transaction,
    sync_rows,
)
from bot.catalog.models import CodelistTerm, LifeSituation, Place, Provider, Service, ServiceArea
from bot.catalog.sheet_columns import COLUMN_NAMES, fold
from bot.catalog.sheet_lookups import LANGUAGES_FILE, Lookups, NotFound, read_languages
from bot.catalog.sheet_reader import Sheet, SheetRow, read_sheet
from bot.catalog.sheet_rows import CatalogRow, cell_text, normal_key, row_problems

KIND = "katalog"
AREA_SOURCE = "katalog"

# Service attributes the spreadsheet sets, with the column each comes from
ENRICHMENT = {
    "description": "popis",
    "how_to_get_help": "jak_ziskat_pomoc",
    "hours": "provozni_doba",
    "price": "cena",
    "accessibility": "bezbarierovost",
    "last_checked": "overeno",
}
RELATED_ONLY = {"name": "nazev", "category": "kategorie", "phones": "telefon", "emails": "email", "webs": "web"}


@dataclass
class Resolved:
    """A row's names resolved against the database."""

    area: set[int] = field(default_factory=set)
    situations: list[LifeSituation] = field(default_factory=list)
    groups: list[CodelistTerm] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    place: dict[str, Any] | None = None


def import_catalog(
    sessions: sessionmaker[Session],
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    today: dt.date | None = None,
    languages: Path = LANGUAGES_FILE,
    source: str | None = None,
) -> ImportSummary:
    """Import the coordinator's spreadsheet; all or nothing unless `skip_invalid`.

    `source` names the spreadsheet (default: the file name without its extension). A related
    service of this source missing from the sheet is marked inactive with today's date;
    services of other spreadsheets are left alone, and a registered service missing from
    the sheet keeps what earlier imports gave it.
    """
    today = today or dt.date.today()
    source = sheet_source(source, path)
    summary = ImportSummary(kind=KIND, source=str(path), dry_run=dry_run)
    sheet = read_sheet(path)
    language_names = read_languages(languages)
    duplicates, keys_in_sheet = _duplicates(sheet)
    with import_transaction(sessions, summary, skip_invalid=skip_invalid) as session:
        run = _Run(session, summary, sheet, Lookups(session, language_names), source)
        for sheet_row in sheet.rows:
            if sheet_row.number in duplicates:
                summary.rejected.append(duplicates[sheet_row.number])
                continue
            row = run.validate(sheet_row, today)
            if row is not None:
                run.apply(sheet_row, row)
        run.deactivate_missing(keys_in_sheet, today)
    return summary


MAX_SOURCE = 120


def sheet_source(source: str | None, path: Path) -> str:
    """The name a spreadsheet's related services are kept under (ValueError in Czech if unusable)."""
    name = (source if source is not None else path.stem).strip()
    if not name or len(name) > MAX_SOURCE:
        raise ValueError(f"název zdroje musí mít 1 až {MAX_SOURCE} znaků")
    return name


def _duplicates(sheet: Sheet) -> tuple[dict[int, RowError], set[str]]:
    """Rows repeating an earlier row's identifikator or klic; and every klic in the sheet."""
    first: dict[tuple[str, str], int] = {}
    duplicates: dict[int, RowError] = {}
    keys: set[str] = set()
    for row in sheet.rows:
        for column in ("identifikator", "klic"):
            try:
                value = cell_text(row.values.get(column))
                if value is not None and column == "klic":
                    value = normal_key(value)
                    keys.add(value)
            except ValueError:
                continue
            if value is None:
                continue
            if (column, value) in first:
                duplicates[row.number] = RowError(
                    sheet.source,
                    row.location,
                    sheet.label(column),
                    f"{value} už je na řádku {first[column, value]}; každá služba smí být v tabulce jen jednou",
                )
            else:
                first[column, value] = row.number
    return duplicates, keys


class _Run:
    """One import run: the loaded services and providers and the rows applied to them."""

    def __init__(self, session: Session, summary: ImportSummary, sheet: Sheet, lookups: Lookups, source: str) -> None:
        self.session = session
        self.source = source
        self.summary = summary
        self.sheet = sheet
        self.lookups = lookups
        options = (
            selectinload(Service.area),
            selectinload(Service.life_situations),
            selectinload(Service.target_groups),
            selectinload(Service.places),
            selectinload(Service.provider),
        )
        registry_ids = sorted(_texts(r.values.get("identifikator") for r in sheet.rows))
        self.registered: dict[str, Service] = {}
        for start in range(0, len(registry_ids), 500):
            query = select(Service).where(Service.registry_id.in_(registry_ids[start : start + 500]))
            self.registered.update(
                (s.registry_id, s) for s in session.scalars(query.options(*options)) if s.registry_id is not None
            )
        query = select(Service).where(Service.local_id.is_not(None), Service.registry_id.is_(None))
        self.related = {s.local_id: s for s in session.scalars(query.options(*options).order_by(Service.id))}
        self.providers_by_ico = {p.ico: p for p in session.scalars(select(Provider).where(Provider.ico.is_not(None)))}
        self.providers_by_name = {
            fold(p.name): p
            for p in session.scalars(select(Provider).where(Provider.ico.is_(None)).order_by(Provider.id))
        }
        self.named: set[int] = set()

    def error(self, sheet_row: SheetRow, column: str | None, message: str) -> None:
        label = self.sheet.label(column) if column else None
        self.summary.rejected.append(RowError(self.sheet.source, sheet_row.location, label, message))

    # validation

    def validate(self, sheet_row: SheetRow, today: dt.date) -> CatalogRow | None:
        """The row checked cell by cell and as a whole; None (with errors recorded) if bad."""
        labels = {name: self.sheet.label(name) for name in COLUMN_NAMES}
        try:
            row = CatalogRow.model_validate(sheet_row.values, context={"today": today})
        except ValidationError as error:
            self.summary.rejected.extend(errors_from_validation(error, self.sheet.source, sheet_row.location, labels))
            return None
        problems = row_problems(row)
        for column, message in problems:
            self.error(sheet_row, column, message)
        return None if problems else row

    def resolve(self, sheet_row: SheetRow, row: CatalogRow) -> Resolved | None:
        """Names of the row looked up; None (with errors recorded) when one is unknown."""
        resolved = Resolved()
        problems: list[tuple[str, str]] = []
        resolved.area, failed = self.lookups.area(row.obce_pusobnosti)
        problems += [("obce_pusobnosti", m) for m in failed]
        resolved.situations, failed = self.lookups.life_situations(row.zivotni_situace)
        problems += [("zivotni_situace", m) for m in failed]
        resolved.groups, failed = self.lookups.target_groups(row.cilove_skupiny)
        problems += [("cilove_skupiny", m) for m in failed]
        resolved.languages, failed = self.lookups.language_codes(row.jazyky)
        problems += [("jazyky", m) for m in failed]
        if row.obec:
            try:
                municipality, part = self.lookups.place(row.obec)
                resolved.place = {
                    "name": None,
                    "street": row.ulice,
                    "house_number": row.cislo,
                    "postcode": row.psc,
                    "municipality_code": municipality.code,
                    "municipality_name": municipality.name,
                    "part_name": part,
                }
            except NotFound as error:
                problems.append(("obec", str(error)))
        for column, message in problems:
            self.error(sheet_row, column, message)
        return None if problems else resolved

    # changes

    def apply(self, sheet_row: SheetRow, row: CatalogRow) -> None:
        """Bring one service to what its row says, counting the outcome."""
        resolved = self.resolve(sheet_row, row)
        if row.registered:
            service = self.registered.get(row.identifikator or "")
            if service is None:
                self.error(
                    sheet_row,
                    "identifikator",
                    f"registrovaná služba {row.identifikator} není v databázi; nejdřív naimportujte "
                    "registr (python -m admin_scripts import rpss …), nebo identifikátor opravte",
                )
                return
            provider_ico = service.provider.ico if service.provider else None
            if row.ico and provider_ico and row.ico != provider_ico:
                self.error(
                    sheet_row,
                    "ico",
                    f"IČO {row.ico} nesouhlasí s registrem, kde má služba {row.identifikator} "
                    f"poskytovatele s IČO {provider_ico}; zkontrolujte identifikátor",
                )
                return
            if resolved is None:
                return
            changed = self._enrich(service, row, resolved)
            self._count(False, changed, row.identifikator or "", service.name)
            return
        found, provider, renamed = self._provider(sheet_row, row)
        if resolved is None or not found:
            return
        service = self.related.get(row.klic or "")
        new = service is None
        if service is None:
            service = Service(local_id=row.klic, name=row.nazev, active=True)
            self.session.add(service)
            self.related[row.klic or ""] = service
        changed = self._enrich(service, row, resolved)
        values = {attr: getattr(row, column) for attr, column in RELATED_ONLY.items()}
        changed += [RELATED_ONLY[a] for a in values if assign(service, {a: values[a]})]
        if assign(service, {"active": True, "deactivated_on": None}):
            changed.append("znovu aktivní")
        service.sheet = self.source  # bookkeeping of which sheet lists it, not a change of the service
        if service.provider is not provider or renamed:
            service.provider = provider
            changed.append("poskytovatel")
        if _sync_set(service.target_groups, resolved.groups):
            changed.append("cilove_skupiny")
        wanted_places = [resolved.place] if resolved.place else []
        if sync_rows(service.places, wanted_places, lambda w: Place(**w)):
            changed.append("adresa")
        self._count(new, changed, row.klic or "", service.name)

    def _enrich(self, service: Service, row: CatalogRow, resolved: Resolved) -> list[str]:
        changed = [c for a, c in ENRICHMENT.items() if assign(service, {a: getattr(row, c)})]
        if assign(service, {"languages": resolved.languages}):
            changed.append("jazyky")
        if _sync_area(service, resolved.area):
            changed.append("obce_pusobnosti")
        if _sync_set(service.life_situations, resolved.situations):
            changed.append("zivotni_situace")
        return changed

    def _count(self, new: bool, changed: list[str], key: str, name: str) -> None:
        if new:
            self.summary.count("added", f"{key} {name}")
        elif changed:
            order = {c: i for i, c in enumerate(COLUMN_NAMES)}
            columns = sorted(dict.fromkeys(changed), key=lambda c: order.get(c, len(order)))
            self.summary.count("updated", f"{key} {name} ({', '.join(columns)})")
        else:
            self.summary.count("unchanged")

    def _provider(self, sheet_row: SheetRow, row: CatalogRow) -> tuple[bool, Provider | None, bool]:
        """The provider a related service's row names, found or created.

        Returns (found, provider, renamed); found is False when the row is in error.
        """
        if row.ico:
            provider = self.providers_by_ico.get(row.ico)
            if provider is None:
                if not row.poskytovatel:
                    self.error(
                        sheet_row,
                        "poskytovatel",
                        f"poskytovatel s IČO {row.ico} ještě není v databázi; doplňte jeho název",
                    )
                    return False, None, False
                provider = Provider(ico=row.ico, name=row.poskytovatel)
                self.session.add(provider)
                self.providers_by_ico[row.ico] = provider
        elif row.poskytovatel:
            provider = self.providers_by_name.get(fold(row.poskytovatel))
            if provider is None:
                provider = Provider(name=row.poskytovatel)
                self.session.add(provider)
                self.providers_by_name[fold(row.poskytovatel)] = provider
        else:
            return True, None, False
        # The register names its providers; one only the sheet knows takes the name of the
        # first row that mentions it.
        renamed = False
        if row.poskytovatel and id(provider) not in self.named and not any(s.registry_id for s in provider.services):
            renamed = assign(provider, {"name": row.poskytovatel})
        self.named.add(id(provider))
        return True, provider, renamed

    def deactivate_missing(self, keys_in_sheet: set[str], today: dt.date) -> None:
        """Mark related services of this sheet's source that it no longer lists as inactive
        (never delete them); those of other spreadsheets stay as they are."""
        for key, service in self.related.items():
            if key not in keys_in_sheet and service.active and service.sheet == self.source:
                service.active = False
                service.deactivated_on = today
                self.summary.count("deactivated", f"{key} {service.name}")


def _texts(values: Iterable[Any]) -> set[str]:
    """The cells that read as text."""
    found = set()
    for value in values:
        try:
            text = cell_text(value)
        except ValueError:
            continue
        if text is not None:
            found.add(text)
    return found


def _sync_set(current: list[Any], wanted: list[Any]) -> bool:
    """Make a many-to-many collection hold exactly `wanted`; True when it changed."""
    if {id(x) for x in current} == {id(x) for x in wanted}:
        return False
    current[:] = wanted
    return True


def _sync_area(service: Service, codes: set[int]) -> bool:
    """Make the spreadsheet's part of a service area hold exactly `codes`.

    Rows another source put there are left alone; a municipality already in the area from
    another source is not added twice.
    """
    changed = False
    present = {a.municipality_code for a in service.area}
    for row in [a for a in service.area if a.source == AREA_SOURCE and a.municipality_code not in codes]:
        service.area.remove(row)
        changed = True
    for code in sorted(codes - present):
        service.area.append(ServiceArea(municipality_code=code, source=AREA_SOURCE))
        changed = True
    return changed
