"""The compact record the catalogue keeps of one register item, and how it is built.

Everything a record holds is resolved through the codelists and normalised, and its
children are sorted, so that importing the same file twice compares equal field by field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final, Literal

from bot.catalog.codelists import Codelists, canonical_id, file_label, split_id
from bot.catalog.contacts import ContactError, normalise_email, normalise_web, split_phones
from bot.catalog.importing import RowError
from bot.catalog.rpss_items import SOURCE, Address, RpssItem, item_location

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
)


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


def municipality_code(term_id: str) -> int | None:
    """`Obec/554499` -> 554499."""
    prefix, code = split_id(canonical_id(term_id))
    return int(code) if prefix == "Obec" and code.isdigit() else None


def _place_sort_key(place: dict[str, Any]) -> tuple[Any, ...]:
    return tuple((place[k] is not None, place[k] if place[k] is not None else 0) for k in PLACE_FIELDS)


class RecordBuilder:
    """Turns a valid item into a ServiceRecord, a reason to skip it, or its row errors."""

    def __init__(self, codelists: Codelists, region_codes: frozenset[int] | None, today: dt.date) -> None:
        self.codelists = codelists
        self.region_codes = region_codes
        self.today = today

    def build(self, index: int, item: RpssItem) -> ServiceRecord | Literal["ended", "outside"] | list[RowError]:
        """The record, ENDED, OUTSIDE, or the item's errors."""
        if item.datumPoskytovaniDo is not None and item.datumPoskytovaniDo < self.today:
            return ENDED
        sources = self._place_sources(item)
        if self.region_codes is not None:
            codes = {municipality_code(a.obec.id) for _, _, a, _, _ in sources if a and a.obec}
            codes.update(municipality_code(m) for m in item.rozsirenePusobnostiVKraji)
            if not codes & self.region_codes:
                return OUTSIDE
        errors: list[RowError] = []
        location = item_location(index, item.identifikator)

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
                        normalised = split_phones(value)
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
        area = {
            municipality_code(t)
            for t in [
                resolve(m, "Obec", "rozsirenePusobnostiVKraji") for m in dict.fromkeys(item.rozsirenePusobnostiVKraji)
            ]
            if t is not None
        }
        places: list[dict[str, Any]] = []
        for field, name, address, valid_from, valid_to in sources:
            place = {
                "name": name,
                **address_fields(address, field),
                "valid_from": valid_from,
                "valid_to": valid_to,
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
        if errors or druh_id is None:
            return errors
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
            target_groups=sorted(groups),
            age_groups=sorted(ages),
            forms=[{"form_id": k, "continuous": v} for k, v in sorted(forms.items())],
            capacities=capacities,
            places=places,
            area=sorted(c for c in area if c is not None),
            provider=provider_record,
        )

    def _place_sources(
        self, item: RpssItem
    ) -> list[tuple[str, str | None, Address | None, dt.date | None, dt.date | None]]:
        """Current facilities, deduplicated; else the contact addresses."""
        found = []
        keys: set[tuple[Any, ...]] = set()
        for n, facility in enumerate(item.zarizeni, start=1):
            if facility.poskytujeDo is not None and facility.poskytujeDo < self.today:
                continue
            key = (facility.nazev, _address_key(facility.adresa), facility.poskytujeOd, facility.poskytujeDo)
            if key in keys:
                continue
            keys.add(key)
            found.append(
                (
                    f"zarizeni[{n}].adresa",
                    facility.nazev,
                    facility.adresa,
                    facility.poskytujeOd,
                    facility.poskytujeDo,
                )
            )
        if found:
            return found
        for n, contact in enumerate(item.kontaktniAdresy, start=1):
            key = _address_key(contact.adresa)
            if contact.adresa is None or key in keys:
                continue
            keys.add(key)
            found.append((f"kontaktniAdresy[{n}].adresa", None, contact.adresa, None, None))
        return found

    def _service_name(self, item: RpssItem, druh_id: str, sources: list[tuple[Any, ...]]) -> str:
        """The register's name when it has one; else the facilities' one name; else druh – provider."""
        if item.nazev:
            return item.nazev
        names = {name for _, name, _, _, _ in sources if name}
        if len(names) == 1:
            return names.pop()
        druh = self.codelists.name(druh_id, "DruhSocialniSluzby") or druh_id
        return f"{druh[:1].upper()}{druh[1:]} – {item.poskytovatel.nazev}"
