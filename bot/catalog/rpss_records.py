"""The compact record the catalogue keeps of one register item, and how it is built.

Everything a record holds is resolved through the codelists and normalised, and its
children are sorted, so that importing the same file twice compares equal field by field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final, Literal

from bot.catalog.codelists import Codelists, canonical_id, file_label
from bot.catalog.contacts import ContactError, keep_phones, normalise_email, normalise_web
from bot.catalog.importing import RowError
from bot.catalog.rpss_areas import AreaResolver, municipality_code
from bot.catalog.rpss_hours import format_hours
from bot.catalog.rpss_items import SOURCE, Address, AreaRef, FacilityItem, RpssItem, item_location

ENDED: Final = "ended"
OUTSIDE: Final = "outside"


@dataclass(frozen=True, slots=True)
class ProviderRecord:
    """What the catalogue keeps of a provider: its own contacts only."""

    ico: str
    name: str
    address: str | None
    municipality_code: int | None
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    webs: tuple[str, ...]


@dataclass(slots=True)
class ServiceRecord:
    """What the catalogue keeps of one registered service; children in a stable order."""

    index: int
    registry_id: str
    portal_id: int | None
    name: str
    druh_id: str
    age_note: str | None
    phones: list[str]
    emails: list[str]
    webs: list[str]
    valid_from: dt.date | None
    valid_to: dt.date | None
    hours: str | None
    target_groups: list[str]
    age_groups: list[str]
    forms: list[dict[str, Any]]
    capacities: list[dict[str, Any]]
    places: list[dict[str, Any]]
    area: list[int]
    provider: ProviderRecord

    @property
    def location(self) -> str:
        return item_location(self.index, self.registry_id)

    @property
    def description(self) -> str:
        return f"{self.name} ({self.registry_id})"


PLACE_FIELDS = (
    "name",
    "street",
    "house_number",
    "postcode",
    "municipality_code",
    "municipality_name",
    "part_name",
    "address_point",
    "valid_from",
    "valid_to",
    "address_hidden",
)

# (field, facility name, address, from, to, address hidden)
PlaceSource = tuple[str, str | None, Address | None, dt.date | None, dt.date | None, bool]


def house_number(address: Address) -> str | None:
    """`2272/54` from cisloDomovni 2272 and cisloOrientacni 54."""
    numbers = [n for n in (address.cisloDomovni, address.cisloOrientacni) if n]
    return "/".join(numbers) or None


def format_address(fields: dict[str, Any]) -> str | None:
    """`Nemocniční 2272/54, 352 01 Aš` from resolved address fields."""
    town = fields.get("municipality_name")
    first = " ".join(
        p for p in (fields.get("street") or fields.get("part_name") or town, fields.get("house_number")) if p
    )
    postcode = fields.get("postcode")
    if postcode and len(postcode) == 5 and postcode.isdigit():
        postcode = f"{postcode[:3]} {postcode[3:]}"
    second = " ".join(p for p in (postcode, town) if p)
    return ", ".join(p for p in (first, second) if p) or None


def _address_key(address: Address | None) -> tuple[Any, ...]:
    if address is None:
        return ()
    if address.kodAdresnihoMista is not None:
        return (address.kodAdresnihoMista,)
    obec = canonical_id(address.obec.id) if address.obec else None
    return (address.ulice, address.cisloDomovni, address.cisloOrientacni, address.psc, obec)


def _place_sort_key(place: dict[str, Any]) -> tuple[Any, ...]:
    return tuple((place[k] is not None, place[k] if place[k] is not None else 0) for k in PLACE_FIELDS)


def _municipality_only(address: Address | None) -> Address | None:
    """Only the municipality (and its district and region) of an address: nothing that finds a door."""
    if address is None or address.obec is None:
        return None
    return Address(obec=address.obec, okres=address.okres, kraj=address.kraj)


class RecordBuilder:
    """Turns a valid item into a ServiceRecord, a reason to skip it, or its row errors."""

    def __init__(
        self,
        codelists: Codelists,
        region_codes: frozenset[int] | None,
        today: dt.date,
        areas: AreaResolver | None = None,
        warnings: list[RowError] | None = None,
    ) -> None:
        self.codelists = codelists
        self.region_codes = region_codes
        self.today = today
        self.areas = areas or AreaResolver(codelists, [])
        self.warnings = [] if warnings is None else warnings  # what was kept but not fully understood

    def build(self, index: int, item: RpssItem) -> ServiceRecord | Literal["ended", "outside"] | list[RowError]:
        """The record, ENDED, OUTSIDE, or the item's errors."""
        if item.datumPoskytovaniDo is not None and item.datumPoskytovaniDo < self.today:
            return ENDED
        sources = self._place_sources(item)
        location = item_location(index, item.identifikator)
        area_codes, area_notes = self._area(item.rozsirenePusobnostiVKraji, location)
        if self.region_codes is not None:
            codes = {municipality_code(s[2].obec.id) for s in sources if s[2] and s[2].obec}
            codes.update(area_codes)
            if not codes & self.region_codes:
                return OUTSIDE
        errors: list[RowError] = []
        notes = list(area_notes)

        def resolve(raw: str, prefix: str, field: str) -> str | None:
            term_id = canonical_id(raw)
            if self.codelists.name(term_id, prefix) is None:
                errors.append(
                    RowError(
                        SOURCE,
                        location,
                        field,
                        f"neznámé id '{raw}'; očekává se id z číselníku {file_label(prefix)}",
                    )
                )
                return None
            return term_id

        def address_fields(address: Address | None, field: str) -> dict[str, Any]:
            fields: dict[str, Any] = dict.fromkeys(PLACE_FIELDS[1:8])
            if address is None:
                return fields
            for key, prefix in (("kraj", "Kraj"), ("okres", "Okres")):
                ref = getattr(address, key)
                if ref is not None:
                    resolve(ref.id, prefix, f"{field}.{key}")
            if address.obec is not None:
                term_id = resolve(address.obec.id, "Obec", f"{field}.obec")
                if term_id is not None:
                    fields["municipality_code"] = municipality_code(term_id)
                    fields["municipality_name"] = self.codelists.name(term_id, "Obec")
            if address.castObce is not None:
                term_id = resolve(address.castObce.id, "CastObce", f"{field}.castObce")
                if term_id is not None:
                    fields["part_name"] = self.codelists.name(term_id, "CastObce")
            fields["street"] = address.ulice
            fields["house_number"] = house_number(address)
            fields["postcode"] = address.psc
            fields["address_point"] = address.kodAdresnihoMista
            return fields

        def contacts(values: list[str], kind: str, field: str) -> list[str]:
            found: list[str] = []
            for number, value in enumerate(values, start=1):
                try:
                    if kind == "telefon":
                        normalised, as_written = keep_phones(value)
                        if as_written:
                            notes.append(
                                RowError(
                                    SOURCE,
                                    location,
                                    f"{field}[{number}]",
                                    f"telefon {', '.join(repr(v) for v in as_written)} nejde převést na číslo "
                                    "k vytočení; ponechán, jak je zapsán",
                                )
                            )
                    elif kind == "email":
                        normalised = [normalise_email(value)]
                    else:
                        normalised = [normalise_web(value)]
                except ContactError as error:
                    if kind != "web":  # a web address that is not one is left out, not fatal
                        errors.append(RowError(SOURCE, location, f"{field}[{number}]", str(error)))
                    continue
                found.extend(v for v in normalised if v not in found)
            return found

        druh_id = resolve(item.druhSocialniSluzby.id, "DruhSocialniSluzby", "druhSocialniSluzby")
        forms: dict[str, bool] = {}
        capacities: list[dict[str, Any]] = []
        for n, form in enumerate(item.formy, start=1):
            form_id = resolve(form.forma.id, "FormaSocialniSluzby", f"formy[{n}].forma")
            if form_id is None:
                continue
            forms[form_id] = forms.get(form_id, False) or form.nepretrzitePoskytovani
            for m, capacity in enumerate(form.kapacity, start=1):
                type_id = None
                if capacity.typ is not None:
                    type_id = resolve(capacity.typ.id, "TypKapacitySocialniSluzby", f"formy[{n}].kapacity[{m}].typ")
                    if type_id is None:
                        continue
                row = {
                    "form_id": form_id,
                    "type_id": type_id,
                    "count": capacity.pocet,
                    "note": capacity.popis,
                }
                if row not in capacities:
                    capacities.append(row)
        capacities.sort(key=lambda c: (c["form_id"], c["type_id"] or "", c["count"] or -1, c["note"] or ""))
        groups = {
            t
            for n, ref in enumerate(item.ciloveSkupiny, start=1)
            if (t := resolve(ref.id, "CilovaSkupinaOsoby", f"ciloveSkupiny[{n}]"))
        }
        ages = {
            t
            for n, ref in enumerate(item.vekoveSkupiny, start=1)
            if (t := resolve(ref.id, "VekovaSkupinaOsoby", f"vekoveSkupiny[{n}]"))
        }
        places: list[dict[str, Any]] = []
        for field, name, address, valid_from, valid_to, hidden in sources:
            place = {
                "name": name,
                **address_fields(address, field),
                "valid_from": valid_from,
                "valid_to": valid_to,
                "address_hidden": hidden,
            }
            if place not in places:
                places.append(place)
        places.sort(key=_place_sort_key)
        provider = item.poskytovatel
        provider_address = address_fields(provider.adresa, "poskytovatel.adresa")
        provider_record = ProviderRecord(
            ico=provider.ico,
            name=provider.nazev,
            address=format_address(provider_address),
            municipality_code=provider_address["municipality_code"],
            phones=tuple(contacts(provider.telefony, "telefon", "poskytovatel.telefony")),
            emails=tuple(contacts(provider.emaily, "email", "poskytovatel.emaily")),
            webs=tuple(contacts(provider.weby, "web", "poskytovatel.weby")),
        )
        phones = contacts(item.telefony, "telefon", "telefony")
        emails = contacts(item.emaily, "email", "emaily")
        webs = contacts(item.weby, "web", "weby")
        hours = self._hours(item, location, notes)
        if errors or druh_id is None:
            return errors
        self.warnings.extend(notes)
        return ServiceRecord(
            index=index,
            registry_id=item.identifikator,
            portal_id=item.portalId,
            name=self._service_name(item, druh_id, sources),
            druh_id=druh_id,
            age_note=item.doplnujiciInformaceVekoveSkupiny,
            phones=phones,
            emails=emails,
            webs=webs,
            valid_from=item.datumPoskytovaniOd,
            valid_to=item.datumPoskytovaniDo,
            hours=hours,
            target_groups=sorted(groups),
            age_groups=sorted(ages),
            forms=[{"form_id": k, "continuous": v} for k, v in sorted(forms.items())],
            capacities=capacities,
            places=places,
            area=sorted(area_codes),
            provider=provider_record,
        )

    def _place_sources(self, item: RpssItem) -> list[PlaceSource]:
        """Current facilities, deduplicated; else the contact addresses.

        A facility whose address is hidden (utajenaAdresa: a shelter for victims of
        violence) or missing is placed in the municipality of the service's contact
        address, or else of its provider, and never gets a street, a number or a point.
        """
        found: list[PlaceSource] = []
        keys: set[tuple[Any, ...]] = set()
        for n, facility in enumerate(item.zarizeni, start=1):
            if facility.poskytujeDo is not None and facility.poskytujeDo < self.today:
                continue
            hidden = facility.utajenaAdresa
            field = f"zarizeni[{n}].adresa"
            address = facility.adresa
            if hidden or address is None:
                address, field = self._fallback_place(item, facility, field)
            key = (facility.nazev, hidden, _address_key(address), facility.poskytujeOd, facility.poskytujeDo)
            if key in keys:
                continue
            keys.add(key)
            found.append((field, facility.nazev, address, facility.poskytujeOd, facility.poskytujeDo, hidden))
        if found:
            return found
        for n, contact in enumerate(item.kontaktniAdresy, start=1):
            key = _address_key(contact.adresa)
            if contact.adresa is None or key in keys:
                continue
            keys.add(key)
            found.append((f"kontaktniAdresy[{n}].adresa", None, contact.adresa, None, None, False))
        return found

    @staticmethod
    def _fallback_place(item: RpssItem, facility: FacilityItem, field: str) -> tuple[Address | None, str]:
        """The municipality a facility without a public address is placed in, and its field."""
        if not facility.utajenaAdresa and facility.adresa is not None:
            return facility.adresa, field
        for n, contact in enumerate(item.kontaktniAdresy, start=1):
            address = _municipality_only(contact.adresa)
            if address is not None:
                return address, f"kontaktniAdresy[{n}].adresa"
        return _municipality_only(item.poskytovatel.adresa), "poskytovatel.adresa"

    def _area(self, entries: list[AreaRef], location: str) -> tuple[set[int], list[RowError]]:
        """The municipality codes the extended area reaches, and what could not be understood."""
        codes: set[int] = set()
        notes: list[RowError] = []
        for n, entry in enumerate(entries, start=1):
            field = f"rozsirenePusobnostiVKraji[{n}]"
            if entry.kind is None:
                notes.append(RowError(SOURCE, location, field, f"{entry.problem}; položka se načte bez něj"))
                continue
            for term_id in entry.ids:
                problem: str | None
                if entry.kind == "Obec":
                    code = municipality_code(term_id)
                    # a municipality of the database (e.g. from the national table) is known even
                    # when a partial obce.json lacks it
                    if code is not None and (
                        self.codelists.name(term_id, "Obec") is not None or code in self.areas.orp_of
                    ):
                        codes.add(code)
                        continue
                    problem = f"neznámé id '{term_id}'; očekává se id z číselníku obce.json nebo obec z tabulky obcí"
                else:
                    found, problem = self.areas.expand(entry.kind, term_id, entry.names)
                    codes.update(found)
                    if problem is None:
                        continue
                notes.append(RowError(SOURCE, location, field, f"{problem}; položka se načte bez něj"))
        return codes, notes

    def _hours(self, item: RpssItem, location: str, notes: list[RowError]) -> str | None:
        """The opening hours of every form, as `Po–Pá 8:00–16:00` (prefixed by the form when several)."""
        texts: dict[str, str] = {}
        for n, form in enumerate(item.formy, start=1):
            if not form.casoveRozsahy:
                continue
            text, problems = format_hours(form.casoveRozsahy)
            for problem in problems:
                notes.append(RowError(SOURCE, location, f"formy[{n}].casoveRozsahy", problem))
            if text:
                name = self.codelists.name(canonical_id(form.forma.id), "FormaSocialniSluzby") or ""
                texts.setdefault(text, name)
        if len(texts) == 1:
            return next(iter(texts))
        return "; ".join(f"{name}: {text}" if name else text for text, name in texts.items()) or None

    def _service_name(self, item: RpssItem, druh_id: str, sources: list[tuple[Any, ...]]) -> str:
        """The register's name when it has one; else the facilities' one name; else druh – provider."""
        if item.nazev:
            return item.nazev
        names = {source[1] for source in sources if source[1]}
        if len(names) == 1:
            return names.pop()
        druh = self.codelists.name(druh_id, "DruhSocialniSluzby") or druh_id
        return f"{druh[:1].upper()}{druh[1:]} – {item.poskytovatel.nazev}"
