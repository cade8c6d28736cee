"""The catalogue as the search and the dialog read it: plain frozen records, no database.

`bot.catalog.readmodel` builds them from the database; `bot.search` and `bot.dialog` use
them without knowing where they came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from bot.catalog.contacts import dialable

FIELD_FORM = "FormaSocialniSluzby/ter"
PHONE_CRISIS_DRUH = "DruhSocialniSluzby/18"


@dataclass(frozen=True)
class Town:
    """A municipality of the loaded regions."""

    code: int
    name: str
    orp: str
    population: int | None = None
    locative: str | None = None


@dataclass
class ServiceDoc:
    """What the search needs to know of one service."""

    id: int
    name: str
    registry_id: str | None = None
    provider: str = ""
    druh_id: str | None = None
    druh_name: str | None = None
    category: str | None = None
    description: str = ""
    target_groups: frozenset[str] = frozenset()
    situations: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    place_codes: frozenset[int] = frozenset()
    place_names: tuple[str, ...] = ()
    area_codes: frozenset[int] = frozenset()
    coordinates: tuple[tuple[float, float], ...] = field(default=())
    ages: tuple[int, int | None] | None = None  # the years its age groups cover, None when unknown

    def serves_age(self, age: int) -> bool:
        """False only when the service's age groups leave `age` out."""
        return self.ages is None or (self.ages[0] <= age and (self.ages[1] is None or age <= self.ages[1]))

    @property
    def is_field_service(self) -> bool:
        """True when the service comes to the client (terénní forma)."""
        return FIELD_FORM in self.forms

    @property
    def serves_everyone(self) -> bool:
        """True for telephone crisis help, which reaches every place."""
        return self.druh_id == PHONE_CRISIS_DRUH

    @property
    def kind(self) -> str:
        """What the service is: its druh, or its local category."""
        return self.druh_name or self.category or ""

    @property
    def municipality(self) -> str | None:
        """The first municipality where it has a place."""
        return self.place_names[0] if self.place_names else None


@dataclass
class CatalogueView:
    """Everything the search indexes: services and the municipalities of the regions."""

    services: Sequence[ServiceDoc]
    towns: Sequence[Town]
    situations: dict[str, str] = field(default_factory=dict)


def town_index(towns: Iterable[Town]) -> dict[int, Town]:
    """Towns by code."""
    return {t.code: t for t in towns}


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
