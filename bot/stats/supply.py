"""Supply beside demand: which active services serve a need in a municipality or an ORP.

A service serves a municipality when it has a place there or the municipality is in its
service area. It answers a need when the need is its druh, one of its life situations or its
local category. Capacity is the registered maximum (not free places), summed over the
services that serve the need there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bot.catalog.models import (
    Capacity,
    Municipality,
    Place,
    Service,
    ServiceArea,
    service_life_situation,
)

NeedKey = tuple[str, str]


@dataclass
class Supply:
    """Services by need and by municipality, their capacities, and the municipalities."""

    by_need: dict[NeedKey, set[int]] = field(default_factory=lambda: defaultdict(set))
    reach: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    capacity: dict[int, int] = field(default_factory=dict)
    population: dict[int, int | None] = field(default_factory=dict)
    orp_of: dict[int, str] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection) -> Supply:
        """Read the active services, their places, areas and capacities."""
        supply = cls()
        active = select(Service.id).where(Service.active.is_(True))
        for sid, druh, category in conn.execute(
            select(Service.id, Service.druh_id, Service.category).where(Service.active.is_(True))
        ):
            if druh:
                supply.by_need[("druh", druh)].add(sid)
            if category:
                supply.by_need[("kategorie", category)].add(sid)
        for sid, situation in conn.execute(
            select(service_life_situation.c.service_id, service_life_situation.c.situation_id).where(
                service_life_situation.c.service_id.in_(active)
            )
        ):
            supply.by_need[("situace", situation)].add(sid)
        for sid, code in conn.execute(
            select(Place.service_id, Place.municipality_code).where(
                Place.service_id.in_(active), Place.municipality_code.is_not(None)
            )
        ):
            supply.reach[code].add(sid)
        for sid, code in conn.execute(
            select(ServiceArea.service_id, ServiceArea.municipality_code).where(ServiceArea.service_id.in_(active))
        ):
            supply.reach[code].add(sid)
        for sid, count in conn.execute(
            select(Capacity.service_id, Capacity.count).where(
                Capacity.service_id.in_(active), Capacity.count.is_not(None)
            )
        ):
            supply.capacity[sid] = supply.capacity.get(sid, 0) + int(count)
        for code, name, orp, population in conn.execute(
            select(Municipality.code, Municipality.name, Municipality.orp, Municipality.population)
        ):
            supply.population[code] = population
            supply.orp_of[code] = orp
            supply.names[code] = name
        return supply

    def services(self, need: NeedKey, codes: set[int] | frozenset[int]) -> set[int]:
        """The services answering `need` that serve any of the municipalities `codes`."""
        answering = self.by_need.get(need, set())
        if not answering:
            return set()
        serving: set[int] = set()
        for code in codes:
            serving |= self.reach.get(code, set())
        return answering & serving

    def capacity_of(self, services: set[int]) -> int | None:
        """The summed registered capacity, or None when none of them has one."""
        known = [self.capacity[s] for s in services if s in self.capacity]
        return sum(known) if known else None

    def orp_codes(self, orp: str) -> frozenset[int]:
        """The municipalities of an ORP."""
        return frozenset(code for code, name in self.orp_of.items() if name == orp)

    def orp_population(self, orp: str) -> int | None:
        figures = [self.population.get(c) for c in self.orp_codes(orp)]
        known = [f for f in figures if f]
        return sum(known) if known else None

    def needs_served_in(self, codes: set[int] | frozenset[int]) -> set[NeedKey]:
        """Every need some service answers in the municipalities `codes`."""
        serving: set[int] = set()
        for code in codes:
            serving |= self.reach.get(code, set())
        return {need for need, services in self.by_need.items() if services & serving}
