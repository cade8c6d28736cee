"""The read model of the catalogue: what the search indexes and the cards the dialog shows,
read from the database in a few queries (`load_catalogue`) and in batches (`load_cards`)."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from bot import CATALOG_DATA
from bot.catalog import repository
from bot.catalog.contacts import dialable
from bot.catalog.models import (
    DRUH,
    CodelistTerm,
    Place,
    Provider,
    Service,
    ServiceArea,
    ServiceForm,
    service_age_group,
    service_life_situation,
    service_target_group,
)
from bot.catalog.views import CatalogueView, PlaceInfo, ServiceCard, ServiceDoc, Town, format_postcode
from bot.datafiles import commented_csv
from bot.search.text import fold

CARD_BATCH = 500


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
    age_terms = grouped(
        select(service_age_group.c.service_id, service_age_group.c.term_id).where(
            service_age_group.c.service_id.in_(active)
        )
    )
    years = age_group_years()
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
                ages=ages_covered(age_terms.get(service_id, ()), years),
            )
        )
    towns = [Town(m.code, m.name, m.orp, m.population, m.locative) for m in repository.municipalities(session)]
    names = {s.id: s.name for s in repository.life_situations(session)}
    return CatalogueView(docs, towns, names)


AGE_YEARS = CATALOG_DATA / "vekove-skupiny-roky.csv"


def age_group_years(path: Path = AGE_YEARS) -> dict[str, tuple[int, int | None]]:
    """The years of each age group (`id,od,do`; empty `do` = no upper limit)."""
    if not path.exists():
        return {}
    rows = commented_csv(path)
    return {r["id"]: (int(r["od"]), int(r["do"]) if r.get("do") else None) for r in rows if r.get("id")}


def ages_covered(terms: Iterable[str], years: Mapping[str, tuple[int, int | None]]) -> tuple[int, int | None] | None:
    """The span of years a service's age groups cover, None when it has none or one is unknown."""
    spans = [years.get(t) for t in terms]
    if not spans or any(span is None for span in spans):
        return None
    lows = [span[0] for span in spans if span]
    highs = [span[1] for span in spans if span]
    return min(lows), None if None in highs else max(h for h in highs if h is not None)


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


def load_cards(session: Session, batch: int = CARD_BATCH) -> dict[int, ServiceCard]:
    """The cards of every active service by id (`.get` is the dialog's card lookup), read
    `batch` services at a time in the session's transaction.

    The ORM objects of a national register's 7,000 services at once take about 100 MB for a
    moment, and the process keeps most of that memory afterwards; a batch's are dropped (and
    collected) before the next batch is read.
    """
    terms = {t.id: t.name for t in session.scalars(select(CodelistTerm))}
    ids = list(session.scalars(select(Service.id).where(Service.active.is_(True)).order_by(Service.id)))
    connection = session.connection()
    cards: dict[int, ServiceCard] = {}
    for start in range(0, len(ids), batch):
        # the relationships that `service_card` reads
        query = (
            select(Service)
            .where(Service.id.in_(ids[start : start + batch]))
            .options(*repository.card_details())
            .order_by(Service.id)
        )
        with Session(bind=connection) as part:
            cards.update(cards_from(part.scalars(query).all(), terms))
        gc.collect(1)  # the batch's objects refer to each other: free them now
    return cards
