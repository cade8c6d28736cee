"""A small catalogue, its search and cards, and helpers to talk to the dialog in tests (no tests here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pytest

from bot.dialog import (
    Button,
    Command,
    Context,
    Location,
    Reply,
    ServiceCard,
    State,
    Text,
    handle,
)
from bot.dialog.cards import PlaceInfo
from bot.dialog.context import SearchEvent, load_regions, load_situations
from bot.search.documents import CatalogueView, ServiceDoc, Town
from bot.search.engine import Searcher

PREROV, KOJETIN, TROUBKY, TOVACOV, LIPNIK, KROMERIZ, BEZUCHOV = (
    511382,
    514055,
    519651,
    519146,
    514705,
    588296,
    512401,
)
TOWNS = [
    Town(PREROV, "Přerov", "Přerov", 41000, "v Přerově"),
    Town(KOJETIN, "Kojetín", "Přerov", 6000, "v Kojetíně"),
    Town(TROUBKY, "Troubky", "Přerov", 2000, "v Troubkách"),
    Town(TOVACOV, "Tovačov", "Přerov", 2300, "v Tovačově"),
    Town(BEZUCHOV, "Bezuchov", "Přerov", 186, "v Bezuchově"),
    Town(LIPNIK, "Lipník nad Bečvou", "Lipník nad Bečvou", 8000, "v Lipníku nad Bečvou"),
    Town(KROMERIZ, "Kroměříž", "Kroměříž", 28000, "v Kroměříži"),
]
NAMES = {t.code: t.name for t in TOWNS}
COORDS = {PREROV: (49.4551, 17.4509), KOJETIN: (49.3518, 17.3020), TOVACOV: (49.4308, 17.2886)}
DRUH = {
    "pecovatelska": ("DruhSocialniSluzby/4", "pečovatelská služba"),
    "domov": ("DruhSocialniSluzby/13", "domovy pro seniory"),
    "azyl": ("DruhSocialniSluzby/20", "azylové domy"),
    "linka": ("DruhSocialniSluzby/18", "telefonická krizová pomoc"),
    "poradenstvi": ("DruhSocialniSluzby/1", "odborné sociální poradenství"),
    "intervence": ("DruhSocialniSluzby/34", "intervenční centra"),
}


def doc(
    service_id: int,
    name: str,
    druh: str,
    town: int,
    *,
    field_service: bool = False,
    area: Iterable[int] = (),
    groups: Sequence[str] = ("senioři",),
    situations: Sequence[str] = (),
    coordinates: bool = True,
    provider: str | None = None,
    description: str = "",
) -> ServiceDoc:
    """One service of the test catalogue."""
    druh_id, druh_name = DRUH[druh]
    return ServiceDoc(
        id=service_id,
        name=name,
        registry_id=str(1000000 + service_id),
        provider=provider or f"Poskytovatel {name}",
        druh_id=druh_id,
        druh_name=druh_name,
        description=description,
        target_groups=frozenset(groups),
        situations=frozenset(situations),
        forms=frozenset({"FormaSocialniSluzby/ter"} if field_service else {"FormaSocialniSluzby/amb"}),
        place_codes=frozenset({town}),
        place_names=(NAMES[town],),
        area_codes=frozenset(area),
        coordinates=(COORDS[town],) if coordinates and town in COORDS else (),
    )


SENIOR_CARE = ("dovoz-obedu", "hygiena-a-uklid", "nakupy-a-pochuzky")
SERVICES = [
    doc(
        1,
        "Pečovatelská služba Kojetín",
        "pecovatelska",
        KOJETIN,
        field_service=True,
        area=[KOJETIN],
        situations=SENIOR_CARE,
    ),
    doc(2, "Pečovatelská služba Přerov", "pecovatelska", PREROV, field_service=True, situations=SENIOR_CARE),
    doc(3, "Domov pro seniory Tovačov", "domov", TOVACOV, area=[TOVACOV], situations=("bydleni-pro-seniory",)),
    doc(4, "Domov pro seniory Lipník", "domov", LIPNIK, situations=("bydleni-pro-seniory",), coordinates=False),
    doc(
        5,
        "Azylový dům pro muže",
        "azyl",
        PREROV,
        groups=("osoby bez přístřeší",),
        situations=("ztrata-bydleni",),
    ),
    doc(6, "Linka důvěry", "linka", PREROV, groups=("osoby v krizi",), situations=("nahla-krize",)),
    doc(
        7,
        "Občanská poradna",
        "poradenstvi",
        PREROV,
        groups=("osoby v krizi",),
        situations=("dluhy",),
        provider="Dům <Naděje> & spol.",
        description="Pomoc s dluhy, exekucemi a oddlužením.",
    ),
    doc(
        8,
        "Intervenční centrum",
        "intervence",
        PREROV,
        groups=("oběti domácího násilí",),
        situations=("domaci-nasili",),
    ),
]
TODAY = dt.date(2026, 11, 20)


def card_of(d: ServiceDoc, **extra: Any) -> ServiceCard:
    """A card matching a test service."""
    values: dict[str, Any] = {
        "id": d.id,
        "name": d.name,
        "provider": d.provider,
        "provider_ico": "12345678",
        "kind": d.kind,
        "druh_id": d.druh_id,
        "registry_id": d.registry_id,
        "description": d.description or "Pomáhá lidem zvládat domácnost.",
        "how_to_get_help": "Zavolejte a domluvte si návštěvu.",
        "target_groups": tuple(sorted(d.target_groups)),
        "forms": ("terénní",),
        "capacities": ("terénní: 40 klientů",),
        "places": tuple(
            PlaceInfo(f"Náměstí 1, {name}", None, name, *(COORDS.get(code, (None, None))))
            for code, name in zip(sorted(d.place_codes), d.place_names, strict=False)
        ),
        "phones": ("581 000 123",),
        "emails": ("info@example.cz",),
        "webs": ("www.example.cz",),
        "hours": "po–pá 7–15",
        "price": "podle ceníku",
        "last_checked": dt.date(2026, 10, 14),
    }
    values.update(extra)
    return ServiceCard(**values)


@dataclass
class Recorder:
    """Collects what the dialog reports to the statistics and the feedback."""

    events: list[SearchEvent] = field(default_factory=list)
    feedback: list[tuple[int, str]] = field(default_factory=list)

    @property
    def searches(self) -> list[tuple[Any, int, str | None]]:
        return [(e.understood, e.total, e.reason) for e in self.events]

    def on_search(self, event: SearchEvent) -> None:
        self.events.append(event)

    def on_feedback(self, service_id: int, reason: str) -> None:
        self.feedback.append((service_id, reason))


@lru_cache(maxsize=1)
def small_searcher() -> Searcher:
    """The real search over the small catalogue (built once)."""
    return Searcher(CatalogueView(SERVICES, TOWNS, {}))


def make_context(searcher: Any, services: Sequence[ServiceDoc] = SERVICES, **options: Any) -> Context:
    """A dialog context over `services` with cards for each of them."""
    cards = {d.id: card_of(d) for d in services}
    options.setdefault("situations", load_situations())
    options.setdefault("regions", load_regions())
    return Context(
        searcher=searcher,
        cards=cards.get,
        towns=TOWNS,
        services=services,
        today=TODAY,
        **options,
    )


class Chat:
    """A conversation driven by tests: send events, keep the state, look at the last replies."""

    def __init__(self, ctx: Context, state: State | None = None) -> None:
        self.ctx = ctx
        self.state = state or State()
        self.replies: list[Reply] = []

    def send(self, event: Command | Text | Button | Location) -> list[Reply]:
        self.state, self.replies = handle(self.state, event, self.ctx)
        return self.replies

    def start(self) -> list[Reply]:
        return self.send(Command("start"))

    def say(self, text: str) -> list[Reply]:
        return self.send(Text(text))

    def press(self, label_part: str) -> list[Reply]:
        """Press the first button of the last replies whose label contains `label_part`."""
        return self.send(Button(data=self.button(label_part).data))

    def button(self, label_part: str) -> Button:
        for reply in self.replies:
            for row in reply.buttons:
                for b in row:
                    if label_part in b.label:
                        return b
        raise AssertionError(f"no button {label_part!r} in {self.labels()}")

    def labels(self) -> list[str]:
        return [b.label for r in self.replies for row in r.buttons for b in row]

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.replies)


@pytest.fixture
def searcher() -> Searcher:
    """A searcher over the small dialog catalogue."""
    return small_searcher()


@pytest.fixture
def chat(searcher: Searcher) -> Chat:
    """A started conversation over that catalogue."""
    c = Chat(make_context(searcher))
    c.start()
    return c
