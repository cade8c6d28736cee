"""Plain, framework-free views of the catalogue that the search indexes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from bot.catalog import repository
from bot.catalog.models import Service

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


def service_doc(service: Service) -> ServiceDoc:
    """The search view of one ORM service (its relationships loaded)."""
    return ServiceDoc(
        id=service.id,
        name=service.name,
        registry_id=service.registry_id,
        provider=service.provider.name if service.provider else "",
        druh_id=service.druh_id,
        druh_name=service.druh.name if service.druh else None,
        category=service.category,
        description=service.description or "",
        target_groups=frozenset(t.name for t in service.target_groups),
        situations=frozenset(s.id for s in service.life_situations),
        forms=frozenset(f.form_id for f in service.forms),
        place_codes=frozenset(p.municipality_code for p in service.places if p.municipality_code),
        place_names=tuple(dict.fromkeys(p.municipality_name for p in service.places if p.municipality_name)),
        area_codes=frozenset(a.municipality_code for a in service.area),
        coordinates=tuple(
            (p.latitude, p.longitude) for p in service.places if p.latitude is not None and p.longitude is not None
        ),
    )


@dataclass
class CatalogueView:
    """Everything the search indexes: services and the municipalities of the regions."""

    services: Sequence[ServiceDoc]
    towns: Sequence[Town]
    situations: dict[str, str] = field(default_factory=dict)


def load_catalogue(session: Session) -> CatalogueView:
    """Read the active services and the municipalities from the database."""
    docs = [service_doc(s) for s in repository.active_services(session)]
    towns = [
        Town(m.code, m.name, m.orp, m.population, m.locative) for m in repository.municipalities(session)
    ]
    situations = {s.id: s.name for s in repository.life_situations(session)}
    return CatalogueView(docs, towns, situations)


def town_index(towns: Iterable[Town]) -> dict[int, Town]:
    """Towns by code."""
    return {t.code: t for t in towns}
