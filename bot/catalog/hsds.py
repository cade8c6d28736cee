"""The catalogue as Open Referral HSDS 3.1 records (`build_export`); `bot.catalog.hsds_package`
writes them as JSON and as a tabular data package.

The mapping, field by field:

- provider -> organization (no address: a provider's seat is not where people get help);
  IČO -> organization_identifier (scheme CZ-ICO of org-id.guide); the provider's phones,
  first e-mail and first web -> phones, email, website, the other webs -> additional_websites.
  A service without a provider gets an organization named after the service (the tabular
  format requires one); its description says so.
- service: status active, or inactive for an ended service (exported only on request);
  how_to_get_help -> application_process, price -> fees_description, target groups and the
  register's age note -> eligibility_description, last_checked -> assured_date; the
  service's own phones, first e-mail and first web (the others as additional_urls and
  contacts), languages (ISO codes, Czech names).
- opening hours (the coordinator's, else the register's): "Po–Pá 8:00–12:00, 13:00–16:00"
  and the like become weekly RRULE schedules, "terénní:" / "ambulantní:" their
  attending_type; any text that does not read that way whole ("nepřetržitě", "první úterý
  v měsíci …") is kept as one schedule's description.
- place -> location + service_at_location, with an address (kraj as state_province) and
  coordinates when it has them, the RÚIAN address point as external_identifier. A place
  whose address is hidden (a shelter) gets neither name, address, coordinates nor
  identifier: its location only says in which municipality it is.
- service area -> service_area per municipality (name, ČSÚ code and ORP in the description).
- druh, target groups, forms, age groups (the register's codelists, codes = codelist ids),
  the local category and life situations -> taxonomy_term + attribute.
- Not exported: capacities (HSDS service_capacity needs current availability; the register
  holds a maximum), minimum/maximum age (the age groups are terms, not numbers), the
  provider's seat, funding, cost options, programs; e-mails and webs that are not valid.

Every id is a UUID derived from a stable key (register number, IČO, local key, codelist
id), so the same catalogue exports with the same ids every time.
"""

from __future__ import annotations

import csv
import gc
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot import CATALOG_DATA, NATIONAL_MUNICIPALITIES
from bot.catalog import repository
from bot.catalog.contacts import ContactError, normalise_email, normalise_web
from bot.catalog.hsds_hours import parse_hours
from bot.catalog.hsds_records import HsdsExport, Row, Terms, uid
from bot.catalog.models import DRUH, Municipality, Place, Service, ServiceArea
from bot.catalog.readmodel import place_address
from bot.catalog.regions import UnknownRegion
from bot.catalog.views import format_postcode
from bot.search.text import fold

LANGUAGES = CATALOG_DATA / "jazyky.csv"
BATCH = 500


def region_codes(session: Session, names: Sequence[str]) -> set[int]:
    """The municipality codes of the ORPs named (as `region list` shows them, with or without
    "ORP"); raises UnknownRegion with a Czech message naming the known ones."""
    by_orp: dict[str, set[int]] = {}
    labels: dict[str, str] = {}
    for code, orp in session.execute(select(Municipality.code, Municipality.orp)):
        by_orp.setdefault(fold(orp), set()).add(code)
        labels[fold(orp)] = orp
    codes: set[int] = set()
    for name in names:
        key = fold(name.strip())
        key = key[4:].strip() if key.startswith("orp ") else key
        if key not in by_orp:
            known = ", ".join(sorted(labels.values())) or "žádný (přidejte ho příkazem region add)"
            raise UnknownRegion(f"ORP „{name.strip()}“ v databázi není; načtené regiony: {known}")
        codes |= by_orp[key]
    return codes


def _valid(values: Iterable[str], check: Callable[[str], str]) -> list[str]:
    """The values that pass `check` (normalised), each once; invalid ones are left out."""
    found: list[str] = []
    for value in values:
        try:
            found.append(check(value))
        except ContactError:
            continue
    return list(dict.fromkeys(found))


def _service_key(service: Service) -> str:
    if service.registry_id:
        return f"service:rpss:{service.registry_id}"
    if service.local_id:
        return f"service:local:{service.local_id}"
    return f"service:db:{service.id}"


def _read_towns(session: Session) -> dict[int, tuple[str, str, str]]:
    """code -> (name, ORP, kraj): the national table, the database's names and ORPs over it."""
    towns: dict[int, tuple[str, str, str]] = {}
    with NATIONAL_MUNICIPALITIES.open(encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f):
            towns[int(record["kod"])] = (record["nazev"], record["orp"], record["kraj"])
    for code, name, orp in session.execute(select(Municipality.code, Municipality.name, Municipality.orp)):
        towns[code] = (name, orp, towns.get(code, ("", "", ""))[2])
    return towns


def _read_languages() -> dict[str, str]:
    with LANGUAGES.open(encoding="utf-8", newline="") as f:
        return {r["kod"].strip(): r["nazev"].strip() for r in csv.DictReader(f) if r.get("kod")}


class _Builder:
    """Builds the records of one export; organizations and taxonomy terms once each."""

    def __init__(self, session: Session) -> None:
        self.export = HsdsExport()
        self.towns = _read_towns(session)
        self.language_names = _read_languages()
        self.terms = Terms(self.export, repository.codelist(session, DRUH))
        self.organizations: dict[str, Row] = {}

    def add(self, table: str, **values: Any) -> Row:
        return self.export.add(table, **values)

    def service(self, service: Service) -> Row:
        key = _service_key(service)
        sid = uid(key)
        organization = self.organization(service, key)
        webs, emails = _valid(service.webs or (), normalise_web), _valid(service.emails or (), normalise_email)
        groups = "; ".join(t.name for t in service.target_groups)
        eligibility = " ".join(p for p in (f"Cílové skupiny: {groups}." if groups else "", service.age_note) if p)
        row = self.add(
            "service",
            id=sid,
            organization_id=organization["id"],
            name=service.name,
            description=service.description,
            url=webs[0] if webs else None,
            email=emails[0] if emails else None,
            status="active" if service.active else "inactive",
            application_process=service.how_to_get_help,
            fees_description=service.price,
            eligibility_description=eligibility,
            assured_date=service.last_checked.isoformat() if service.last_checked else None,
        )
        row["organization"] = organization
        row["additional_urls"] = [
            self.add("url", id=uid(f"{key}|url|{u}"), service_id=sid, label="Web", url=u) for u in webs[1:]
        ]
        row["contacts"] = [self.add("contact", id=uid(f"{key}|email|{e}"), service_id=sid, email=e) for e in emails[1:]]
        row["phones"] = [
            self.add("phone", id=uid(f"{key}|phone|{n}"), service_id=sid, number=number)
            for n, number in enumerate(dict.fromkeys(service.phones or ()))
        ]
        row["schedules"] = self.schedules(key, sid, service.hours or service.register_hours)
        row["languages"] = [
            self.add("language", id=uid(f"{key}|language|{c}"), service_id=sid, code=c, name=self.language_names.get(c))
            for c in dict.fromkeys(service.languages or ())
        ]
        row["service_areas"] = [self.area(key, sid, a.municipality_code) for a in service.area]
        row["service_at_locations"] = self.places(key, sid, service)
        row["attributes"] = self.terms.attributes(key, sid, service)
        return row

    def organization(self, service: Service, service_key: str) -> Row:
        provider = service.provider
        if provider is None:
            key = f"organization:{service_key}"
        else:
            key = f"organization:ico:{provider.ico}" if provider.ico else f"organization:db:{provider.id}"
        if key in self.organizations:
            return self.organizations[key]
        oid = uid(key)
        if provider is None:
            row = self.add(
                "organization",
                id=oid,
                name=service.name,
                description="Poskytovatel není v katalogu uveden; organizace nese název služby.",
            )
            row.update(organization_identifiers=[], phones=[], additional_websites=[])
            self.organizations[key] = row
            return row
        webs, emails = _valid(provider.webs or (), normalise_web), _valid(provider.emails or (), normalise_email)
        ico = f", IČO {provider.ico}" if provider.ico else ""
        row = self.add(
            "organization",
            id=oid,
            name=provider.name,
            email=emails[0] if emails else None,
            description=f"Poskytovatel služeb v katalogu Síť pomoci{ico}.",
            website=webs[0] if webs else None,
        )
        identifiers = [provider.ico] if provider.ico else []
        row["organization_identifiers"] = [
            self.add(
                "organization_identifier",
                id=uid(f"{key}|ico"),
                organization_id=oid,
                identifier_scheme="CZ-ICO",
                identifier_type="IČO",
                identifier=ico_value,
            )
            for ico_value in identifiers
        ]
        row["phones"] = [
            self.add("phone", id=uid(f"{key}|phone|{n}"), organization_id=oid, number=number)
            for n, number in enumerate(dict.fromkeys(provider.phones or ()))
        ]
        row["additional_websites"] = [
            self.add("url", id=uid(f"{key}|url|{u}"), organization_id=oid, label="Web", url=u) for u in webs[1:]
        ]
        self.organizations[key] = row
        return row

    def schedules(self, key: str, sid: str, text: str | None) -> list[Row]:
        if not text or not text.strip():
            return []
        parsed = parse_hours(text)
        if parsed is None:
            return [self.add("schedule", id=uid(f"{key}|hours"), service_id=sid, description=text.strip())]
        return [
            self.add(
                "schedule",
                id=uid(f"{key}|hours|{n}"),
                service_id=sid,
                freq="WEEKLY",
                byday=rule.byday,
                opens_at=rule.opens,
                closes_at=rule.closes,
                attending_type=rule.form,
                description=rule.label,
            )
            for n, rule in enumerate(parsed)
        ]

    def area(self, key: str, sid: str, code: int) -> Row:
        name, orp, _kraj = self.towns.get(code, (str(code), "", ""))
        where = f"Obec {name} (kód obce ČSÚ {code})" + (f", ORP {orp}" if orp else "")
        return self.add("service_area", id=uid(f"{key}|area|{code}"), service_id=sid, name=name, description=where)

    def places(self, key: str, sid: str, service: Service) -> list[Row]:
        links: list[Row] = []
        seen: dict[str, int] = {}
        for place in service.places:
            place_key = f"{key}|place|{place.name}|{place.street}|{place.house_number}|{place.municipality_code}"
            place_key += f"|{place.address_hidden}"
            seen[place_key] = seen.get(place_key, 0) + 1
            place_key += f"|{seen[place_key]}" if seen[place_key] > 1 else ""
            location = self.location(uid(place_key), place, service)
            link = self.add(
                "service_at_location", id=uid(f"{place_key}|at"), service_id=sid, location_id=location["id"]
            )
            link["location"] = location
            links.append(link)
        return links

    def location(self, lid: str, place: Place, service: Service) -> Row:
        town = place.municipality_name or self.towns.get(place.municipality_code or 0, ("",))[0]
        if place.address_hidden:  # a shelter: never an address, a name, a point or coordinates
            self.export.hidden_places += 1
            where = f" Obec: {town}." if town else ""
            location = self.add(
                "location", id=lid, location_type="physical", description=f"Adresa místa se nezveřejňuje.{where}"
            )
            location.update(addresses=[], accessibility=[])
            return location
        address = self.address(lid, place, town)
        has_point = place.latitude is not None and place.longitude is not None
        location = self.add(
            "location",
            id=lid,
            location_type="physical",
            name=place.name,
            description=None if address else place_address(place),
            latitude=place.latitude if has_point else None,
            longitude=place.longitude if has_point else None,
            external_identifier=str(place.address_point) if place.address_point else None,
            external_identifier_type="RÚIAN kód adresního místa" if place.address_point else None,
        )
        location["addresses"] = [address] if address else []
        location["accessibility"] = (
            [
                self.add(
                    "accessibility", id=uid(f"{lid}|accessibility"), location_id=lid, description=service.accessibility
                )
            ]
            if service.accessibility
            else []
        )
        return location

    def address(self, lid: str, place: Place, town: str) -> Row | None:
        kraj = self.towns.get(place.municipality_code or 0, ("", "", ""))[2]
        part = place.part_name if place.part_name and place.part_name != town else None
        first = place.street or (part or town if place.house_number else None)
        line = " ".join(p for p in (first, place.house_number) if p)
        postcode = format_postcode(place.postcode)
        if not (line and town and postcode and kraj):
            return None
        return self.add(
            "address",
            id=uid(f"{lid}|address"),
            location_id=lid,
            address_1=line,
            address_2=part if place.street else None,
            city=town,
            state_province=kraj,
            postal_code=postcode,
            country="CZ",
            address_type="physical",
        )


def build_export(session: Session, *, regions: Sequence[str] = (), include_ended: bool = False) -> HsdsExport:
    """The HSDS records of the catalogue's active services (and of ended ones, inactive, when
    `include_ended`), of the ORPs `regions` (a service belongs to an ORP where it has a place
    or reaches a municipality) or of all. Raises UnknownRegion. Reads 500 services at a time."""
    query = select(Service.id).order_by(Service.id)
    if not include_ended:
        query = query.where(Service.active.is_(True))
    if regions:
        codes = region_codes(session, regions)
        query = query.where(
            or_(
                Service.id.in_(select(Place.service_id).where(Place.municipality_code.in_(codes))),
                Service.id.in_(select(ServiceArea.service_id).where(ServiceArea.municipality_code.in_(codes))),
            )
        )
    ids = list(session.scalars(query))
    builder = _Builder(session)
    connection = session.connection()
    for start in range(0, len(ids), BATCH):
        part_query = (
            select(Service)
            .where(Service.id.in_(ids[start : start + BATCH]))
            .options(*repository.service_details())
            .order_by(Service.id)
        )
        with Session(bind=connection) as part:
            builder.export.services.extend(builder.service(s) for s in part.scalars(part_query))
        gc.collect(1)
    return builder.export
