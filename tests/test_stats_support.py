"""Builders the statistics tests share (this module holds no tests itself)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.catalog.models import Municipality
from bot.search.documents import ServiceDoc
from bot.search.engine import Hit, SearchResult, Understood
from bot.search.places import PlaceRef
from bot.search.vocabulary import Need
from bot.stats.events import DemandRecord
from bot.stats.recorder import EventWriter

PREROV, KOJETIN, TROUBKY, LIPNIK, OLOMOUC, BEZUCHOV = 511382, 514055, 519651, 514705, 500496, 512401
TOWNS = [
    (PREROV, "Přerov", "Přerov", 41000),
    (BEZUCHOV, "Bezuchov", "Přerov", 186),
    (KOJETIN, "Kojetín", "Přerov", 6000),
    (TROUBKY, "Troubky", "Přerov", 2000),
    (LIPNIK, "Lipník nad Bečvou", "Lipník nad Bečvou", 8000),
    (OLOMOUC, "Olomouc", "Olomouc", 100000),
]
PECOVATELSKA = Need("druh", "DruhSocialniSluzby/4")
NASILI = Need("situace", "domaci-nasili")
OBEDY = Need("situace", "dovoz-obedu")


def add_towns(session: Session) -> None:
    for code, name, orp, population in TOWNS:
        session.add(Municipality(code=code, name=name, orp=orp, population=population))
    session.commit()


def search_result(
    *,
    town: int | None = None,
    place: PlaceRef | None = None,
    families: tuple[str, ...] = (),
    needs: tuple[Need, ...] = (),
    labels: tuple[str, ...] = (),
    terms: tuple[str, ...] = (),
    leftover: tuple[str, ...] = (),
    total: int = 3,
    reason: str | None = None,
    score: float = 1.5,
) -> SearchResult:
    """A finished search as the engine returns it."""
    if town is not None:
        place = PlaceRef("town", "obec", town)
    understood = Understood(
        place=place, families=families, needs=needs, need_labels=labels, terms=terms, leftover=leftover
    )
    if reason:
        return SearchResult([], understood, 0, reason)
    doc = ServiceDoc(id=1, name="Služba")
    hits = [Hit(doc, score, True) for _ in range(min(total, 5))]
    return SearchResult(hits, understood, total, None)


def record(
    day: dt.date = dt.date(2025, 3, 3),
    *,
    town: int | None = PREROV,
    orp: str | None = "Přerov",
    need: Need | None = PECOVATELSKA,
    label: str = "pečovatelská služba",
    family: str | None = "seniori",
    outcome: str = "found",
    channel: str = "telegram",
    language: str = "cs",
    terms: Iterable[tuple[str, bool]] = (),
    synthetic: bool = False,
) -> DemandRecord:
    """A demand record with plausible defaults."""
    return DemandRecord(
        day=day,
        channel=channel,
        language=language,
        outcome=outcome,
        results=3 if outcome in ("found", "weak") else 0,
        family=family,
        place_kind="town" if town else ("orp" if orp else None),
        municipality_code=town,
        orp=orp,
        need_kind=need.kind if need else None,
        need_key=need.key if need else None,
        need_label=label if need else None,
        terms=tuple(terms),
        synthetic=synthetic,
    )


def store(engine: Engine, records: Iterable[DemandRecord], copies: int = 1) -> None:
    """Write records (each `copies` times) straight into the database."""
    writer = EventWriter(engine)
    writer.write(demand=[r for r in records for _ in range(copies)])
