"""Plain, framework-free views of the catalogue that the search indexes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from bot.catalog import repository
from bot.catalog.models import (
    DRUH,
    CodelistTerm,
    Place,
    Provider,
    Service,
    ServiceArea,
    ServiceForm,
    service_life_situation,
    service_target_group,
)
from bot.search.text import fold

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


@dataclass
class CatalogueView:
    """Everything the search indexes: services and the municipalities of the regions."""

    services: Sequence[ServiceDoc]
    towns: Sequence[Town]
    situations: dict[str, str] = field(default_factory=dict)


def load_catalogue(session: Session) -> CatalogueView:
    """Read the active services and the municipalities from the database.

    Reads plain rows, one query per table, rather than ORM objects: a national catalogue
    loads in well under two seconds.
    """
    term = aliased(CodelistTerm)
    rows = session.execute(
        select(
            Service.id,
            Service.name,
            Service.registry_id,
            Provider.name,
            Service.druh_id,
            term.name,
            Service.category,
            Service.description,
        )
        .outerjoin(Provider, Service.provider_id == Provider.id)
        .outerjoin(term, Service.druh_id == term.id)
        .where(Service.active.is_(True))
        .order_by(Service.id)
    ).all()
    active = select(Service.id).where(Service.active.is_(True)).scalar_subquery()

    def grouped(query: Select[Any]) -> dict[int, list[Any]]:
        found: dict[int, list[Any]] = defaultdict(list)
        for service_id, *values in session.execute(query):
            found[service_id].append(values[0] if len(values) == 1 else tuple(values))
        return found

    groups = grouped(
        select(service_target_group.c.service_id, CodelistTerm.name)
        .join(CodelistTerm, CodelistTerm.id == service_target_group.c.term_id)
        .where(service_target_group.c.service_id.in_(active))
    )
    situations = grouped(
        select(service_life_situation.c.service_id, service_life_situation.c.situation_id).where(
            service_life_situation.c.service_id.in_(active)
        )
    )
    forms = grouped(select(ServiceForm.service_id, ServiceForm.form_id).where(ServiceForm.service_id.in_(active)))
    places = grouped(
        select(Place.service_id, Place.municipality_code, Place.municipality_name, Place.latitude, Place.longitude)
        .where(Place.service_id.in_(active))
        .order_by(Place.id)
    )
    areas = grouped(
        select(ServiceArea.service_id, ServiceArea.municipality_code).where(ServiceArea.service_id.in_(active))
    )
    # a local service whose category is the name of a druh ("pečovatelská služba") is found
    # as that druh, like a registered one
    druh_of_category = {
        fold(name): (term_id, name)
        for term_id, name in session.execute(
            select(CodelistTerm.id, CodelistTerm.name).where(CodelistTerm.codelist == DRUH)
        )
    }
    docs = []
    for service_id, name, registry_id, provider, druh_id, druh_name, category, description in rows:
        if druh_id is None and category and fold(category) in druh_of_category:
            druh_id, druh_name = druh_of_category[fold(category)]
        where = places.get(service_id, [])
        docs.append(
            ServiceDoc(
                id=service_id,
                name=name,
                registry_id=registry_id,
                provider=provider or "",
                druh_id=druh_id,
                druh_name=druh_name,
                category=category,
                description=description or "",
                target_groups=frozenset(groups.get(service_id, ())),
                situations=frozenset(situations.get(service_id, ())),
                forms=frozenset(forms.get(service_id, ())),
                place_codes=frozenset(code for code, *_ in where if code),
                place_names=tuple(dict.fromkeys(town for _, town, *_ in where if town)),
                area_codes=frozenset(areas.get(service_id, ())),
                coordinates=tuple((lat, lon) for *_, lat, lon in where if lat is not None and lon is not None),
            )
        )
    towns = [Town(m.code, m.name, m.orp, m.population, m.locative) for m in repository.municipalities(session)]
    names = {s.id: s.name for s in repository.life_situations(session)}
    return CatalogueView(docs, towns, names)


def town_index(towns: Iterable[Town]) -> dict[int, Town]:
    """Towns by code."""
    return {t.code: t for t in towns}
