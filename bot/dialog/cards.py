"""Service cards: everything a card shows of one service, as a plain framework-free view.

Built once from the ORM at start (`load_cards`) and handed to the dialog as a lookup
`card_lookup(service_id) -> ServiceCard | None`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalog import repository
from bot.catalog.contacts import dialable
from bot.catalog.models import CodelistTerm, Place, Service

CardLookup = Callable[[int], "ServiceCard | None"]


@dataclass(frozen=True)
class PlaceInfo:
    """One place where the service is provided."""

    address: str
    name: str | None = None
    municipality: str | None = None
    lat: float | None = None
    lon: float | None = None
    hidden: bool = False  # the address is not published: no address, no map

    @property
    def has_coordinates(self) -> bool:
        """True when the place can be shown as a map venue (never when its address is hidden)."""
        return not self.hidden and self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class ServiceCard:
    """What a resident (and, in worker mode, a social worker) reads about one service."""

    id: int
    name: str
    provider: str = ""
    provider_ico: str | None = None
    kind: str = ""
    druh_id: str | None = None
    registry_id: str | None = None
    description: str = ""
    how_to_get_help: str = ""
    target_groups: tuple[str, ...] = ()
    age_groups: tuple[str, ...] = ()
    age_note: str = ""
    forms: tuple[str, ...] = ()
    capacities: tuple[str, ...] = ()
    places: tuple[PlaceInfo, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    webs: tuple[str, ...] = ()
    contacts_of_provider: bool = False  # the service has none of its own
    hours: str = ""
    price: str = ""
    languages: tuple[str, ...] = ()
    accessibility: str = ""
    last_checked: dt.date | None = None

    @property
    def venue_place(self) -> PlaceInfo | None:
        """The first place with coordinates."""
        return next((p for p in self.places if p.has_coordinates), None)

    @property
    def dialable_phones(self) -> tuple[str, ...]:
        """The phones that have a `tel:` link (the others are shown as written)."""
        return tuple(p for p in self.phones if dialable(p))


def format_postcode(postcode: str | None) -> str:
    """ "75002" -> "750 02"."""
    digits = (postcode or "").replace(" ", "")
    return f"{digits[:3]} {digits[3:]}" if len(digits) == 5 and digits.isdigit() else (postcode or "")


def place_address(place: Place) -> str:
    """ "Street 12, 750 02 Přerov – Předmostí": whatever parts the place has."""
    street = " ".join(p for p in (place.street or "", place.house_number or "") if p)
    town = " ".join(p for p in (format_postcode(place.postcode), place.municipality_name or "") if p)
    if place.part_name and place.part_name != place.municipality_name:
        town = f"{town} – {place.part_name}" if town else place.part_name
    return ", ".join(p for p in (street, town) if p)


def place_info(place: Place) -> PlaceInfo:
    """A place as the card shows it; a hidden address shows only its town and that it is hidden."""
    if place.address_hidden:
        # no address: it stays out of map searches and shares; the card says it is not published
        return PlaceInfo("", None, place.municipality_name, hidden=True)
    return PlaceInfo(place_address(place), place.name, place.municipality_name, place.latitude, place.longitude)


def _phones(values: Iterable[str]) -> tuple[str, ...]:
    """Numbers to dial first (the contact button takes the first), then those kept as written."""
    phones = tuple(values)
    return tuple(sorted(phones, key=lambda p: not dialable(p)))


def _capacity_lines(service: Service, terms: Mapping[str, str]) -> tuple[str, ...]:
    lines = []
    for capacity in service.capacities:
        form = terms.get(capacity.form_id, "")
        unit = terms.get(capacity.type_id or "", "")
        count = "" if capacity.count is None else str(capacity.count)
        text = ": ".join(p for p in (form, " ".join(p for p in (count, unit) if p)) if p)
        if capacity.note:
            text = f"{text} ({capacity.note})" if text else capacity.note
        if text:
            lines.append(text)
    return tuple(lines)


def service_card(service: Service, terms: Mapping[str, str] | None = None) -> ServiceCard:
    """The card of one ORM service (its relationships loaded); `terms` names codelist ids."""
    terms = terms or {}
    provider = service.provider
    own = bool(service.phones or service.emails or service.webs)
    source = service if own or provider is None else provider
    return ServiceCard(
        id=service.id,
        name=service.name,
        provider=provider.name if provider else "",
        provider_ico=provider.ico if provider else None,
        kind=service.druh.name if service.druh else (service.category or ""),
        druh_id=service.druh_id,
        registry_id=service.registry_id,
        description=service.description or "",
        how_to_get_help=service.how_to_get_help or "",
        target_groups=tuple(t.name for t in service.target_groups),
        age_groups=tuple(t.name for t in service.age_groups),
        age_note=service.age_note or "",
        forms=tuple(terms.get(f.form_id) or (f.form.name if f.form else f.form_id) for f in service.forms),
        capacities=_capacity_lines(service, terms),
        places=tuple(place_info(p) for p in service.places),
        phones=_phones(source.phones or ()),
        emails=tuple(source.emails or ()),
        webs=tuple(source.webs or ()),
        contacts_of_provider=not own and provider is not None,
        hours=service.hours or service.register_hours or "",
        price=service.price or "",
        languages=tuple(service.languages or ()),
        accessibility=service.accessibility or "",
        last_checked=service.last_checked,
    )


def cards_from(services: Iterable[Service], terms: Mapping[str, str] | None = None) -> dict[int, ServiceCard]:
    """Cards by service id."""
    return {s.id: service_card(s, terms) for s in services}


def load_cards(session: Session) -> dict[int, ServiceCard]:
    """The cards of every active service, by id (use `.get` as the dialog's card lookup)."""
    terms = {t.id: t.name for t in session.scalars(select(CodelistTerm))}
    return cards_from(repository.active_services(session), terms)
