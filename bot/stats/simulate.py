"""Synthetic demand for demos and benchmarks, clearly flagged as such.

Every simulated event has `synthetic = true`. Simulation refuses a database that holds real
events, and the recorder refuses to add real events to one that holds synthetic events, so
the two never mix. The demand follows a few plausible patterns: a winter peak and a summer
dip, fewer searches at weekends but a larger share of them in crisis, more searches for
seniors in villages, and more "not in this place" outcomes there.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, Table, func, insert, select, text
from sqlalchemy.engine import Connection

from bot import CATALOG_DATA
from bot.catalog.models import DRUH, CodelistTerm, LifeSituation, Municipality, Service, table_of
from bot.search.vocabulary import DRUH_PREFIX, Analyzer
from bot.stats.events import FEEDBACK_REASONS
from bot.stats.models import DemandEvent, DemandTerm, FeedbackEvent

E = table_of(DemandEvent)
T = table_of(DemandTerm)
F = table_of(FeedbackEvent)

VILLAGE = 2000  # inhabitants: below this a municipality counts as a village

FAMILY_WEIGHTS = {"seniori": 0.34, "zdravotni-postizeni": 0.2, "rodiny-deti": 0.2, "krize": 0.26}
FAMILY_DRUHY = {
    "seniori": (4, 13, 5, 8, 14, 29),
    "zdravotni-postizeni": (3, 33, 10, 15, 35, 6),
    "rodiny-deti": (28, 17, 25, 1),
    "krize": (1, 20, 26, 23, 34, 22, 24, 32, 18),
}
CHANNELS = (("telegram", 0.72), ("inline", 0.18), ("console", 0.10))
LANGUAGES = (("cs", 0.9), ("uk", 0.08), ("en", 0.02))
OUTCOMES_TOWN = (("found", 0.7), ("weak", 0.08), ("no_service", 0.04), ("not_for_group", 0.03), ("not_in_place", 0.15))
OUTCOMES_VILLAGE = (
    ("found", 0.58),
    ("weak", 0.08),
    ("no_service", 0.04),
    ("not_for_group", 0.03),
    ("not_in_place", 0.27),
)
UNMATCHED_WORDS = (
    "zahrada",
    "odvoz",
    "brigada",
    "internet",
    "pocitac",
    "nabytek",
    "stehovani",
    "sekani",
    "trava",
    "uklid",
    "vanoce",
    "tabor",
    "doucovani",
    "krouzek",
    "dovolena",
    "pes",
    "kocka",
    "auto",
    "autobus",
    "lekarna",
    "brylle",
    "zubar",
    "kadernice",
    "pedikura",
    "prani",
)


class RealEventsPresent(Exception):
    """The database holds real events; synthetic ones must not be mixed in."""


@dataclass(frozen=True)
class SimulationSummary:
    """What a simulation added."""

    demand: int
    terms: int
    feedback: int
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class _Town:
    code: int
    orp: str
    population: int


@dataclass(frozen=True)
class _Need:
    kind: str
    key: str
    label: str
    terms: tuple[str, ...]


def holds_real_events(conn: Connection) -> bool:
    """True when any demand or feedback event is not synthetic."""
    for table in (E, F):
        if conn.execute(select(table.c.id).where(table.c.synthetic.is_(False)).limit(1)).first():
            return True
    return False


def _towns(conn: Connection, data: Path) -> list[_Town]:
    rows = list(conn.execute(select(Municipality.code, Municipality.orp, Municipality.population)).tuples())
    if not rows:
        for path in sorted((data / "obce").glob("*.csv")):
            with path.open(encoding="utf-8-sig", newline="") as f:
                rows += [(int(r["kod"]), r["orp"], int(r["obyvatel"] or 0)) for r in csv.DictReader(f)]
    return [_Town(code, orp, population or 0) for code, orp, population in rows]


def _needs(conn: Connection, data: Path) -> dict[str, list[_Need]]:
    analyzer = Analyzer()
    situations = list(conn.execute(select(LifeSituation.id, LifeSituation.name, LifeSituation.family)).tuples())
    if not situations:
        with (data / "zivotni-situace.csv").open(encoding="utf-8-sig", newline="") as f:
            situations = [(r["id"], r["nazev"], r.get("rodina")) for r in csv.DictReader(f)]
    druh_names = dict(
        conn.execute(select(CodelistTerm.id, CodelistTerm.name).where(CodelistTerm.codelist == DRUH)).tuples().all()
    )
    if not druh_names:
        path = data / "ciselniky" / "druhy-socialni-sluzby.json"
        if path.exists():
            items = json.loads(path.read_text(encoding="utf-8"))["polozky"]
            druh_names = {i["id"]: i["nazev"]["cs"] for i in items}
    needs: dict[str, list[_Need]] = {family: [] for family in FAMILY_WEIGHTS}
    for situation_id, name, family in situations:
        if family in needs:
            needs[family].append(_Need("situace", situation_id, name, tuple(analyzer.stems(name))[:2]))
    for family, codes in FAMILY_DRUHY.items():
        for code in codes:
            key = f"{DRUH_PREFIX}{code}"
            label = druh_names.get(key, key)
            needs[family].append(_Need("druh", key, label, tuple(analyzer.stems(label))[:2]))
    return needs


def _pick(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    x = rng.random()
    for value, weight in options:
        x -= weight
        if x < 0:
            return value
    return options[-1][0]


def _day_weights(days: list[dt.date]) -> list[float]:
    weights = []
    for day in days:
        season = 1 + 0.25 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 20) / 365.25)
        if (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 1):
            season *= 0.6  # holidays
        weekday = (1.0, 1.05, 1.0, 0.95, 0.85, 0.55, 0.5)[day.weekday()]
        weights.append(season * weekday)
    return weights


def generate(
    n: int,
    towns: list[_Town],
    needs: dict[str, list[_Need]],
    start: dt.date,
    end: dt.date,
    rng: random.Random,
) -> Iterator[tuple[dict[str, object], dict[str, bool]]]:
    """`n` synthetic demand rows with their terms (term -> understood), in day order."""
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    day_weights = _day_weights(days)
    town_weights = [t.population**0.85 + 50 for t in towns]
    drawn_days = sorted(rng.choices(days, day_weights, k=n))
    drawn_towns = rng.choices(towns, town_weights, k=n)
    families = list(FAMILY_WEIGHTS)
    for day, town in zip(drawn_days, drawn_towns, strict=True):
        weekend = day.weekday() >= 5
        village = town.population < VILLAGE
        weights = [
            FAMILY_WEIGHTS[f]
            * (1.7 if f == "seniori" and village else 1.0)
            * (2.0 if f == "krize" and weekend else 1.0)
            for f in families
        ]
        family = rng.choices(families, weights)[0]
        place = rng.random()
        municipality: int | None = town.code
        orp: str | None = town.orp
        place_kind: str | None = "town"
        if place < 0.08:
            municipality, place_kind = None, "orp"
        elif place < 0.11:
            municipality, orp, place_kind = None, None, "outside"
        elif place < 0.16:
            municipality, orp, place_kind = None, None, None
        need: _Need | None = None
        if rng.random() < 0.05:
            outcome = "not_understood"
        else:
            pool = needs.get(family) or []
            situations = [x for x in pool if x.kind == "situace"]
            druhy = [x for x in pool if x.kind == "druh"]
            chosen = situations if situations and (rng.random() < 0.6 or not druhy) else druhy
            need = rng.choice(chosen) if chosen else None
            if place_kind == "outside":
                outcome = "place_outside"
            else:
                outcome = _pick(rng, OUTCOMES_VILLAGE if village and place_kind == "town" else OUTCOMES_TOWN)
        results = rng.randint(1, 12) if outcome == "found" else rng.randint(1, 3) if outcome == "weak" else 0
        terms = {term: True for term in need.terms} if need else {}
        if rng.random() < (0.9 if outcome == "not_understood" else 0.15):
            terms.setdefault(rng.choice(UNMATCHED_WORDS), False)
        row = {
            "day": day,
            "channel": _pick(rng, CHANNELS),
            "language": _pick(rng, LANGUAGES),
            "family": family if rng.random() > 0.08 else None,
            "place_kind": place_kind,
            "municipality_code": municipality,
            "orp": orp,
            "need_kind": need.kind if need else None,
            "need_key": need.key if need else None,
            "need_label": need.label if need else None,
            "results": results,
            "outcome": outcome,
            "synthetic": True,
        }
        yield row, terms


_DEMAND_COLUMNS = (
    "id",
    "day",
    "channel",
    "language",
    "family",
    "place_kind",
    "municipality_code",
    "orp",
    "need_kind",
    "need_key",
    "need_label",
    "results",
    "outcome",
    "synthetic",
)


def _bulk_insert(conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        raw = conn.connection.driver_connection
        assert raw is not None  # an open connection has its psycopg connection
        statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
        return
    conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])


def simulate(
    engine: Engine,
    events: int,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    seed: int = 1,
    batch: int = 50_000,
    data: Path = CATALOG_DATA,
    progress: Callable[[int], None] | None = None,
) -> SimulationSummary:
    """Add `events` synthetic demand events (and one feedback event per hundred) to `engine`.

    Raises RealEventsPresent when the database holds real events.
    """
    if events < 0:
        raise ValueError("počet událostí nesmí být záporný")
    end = end or dt.date.today() - dt.timedelta(days=1)
    start = start or end - dt.timedelta(days=364)
    if start > end:
        raise ValueError("začátek období je až po jeho konci")
    rng = random.Random(seed)
    with engine.connect() as conn:
        if holds_real_events(conn):
            raise RealEventsPresent(
                "databáze obsahuje skutečné události; simulace se do ní nepřidá (použijte jinou databázi)"
            )
        towns = _towns(conn, data)
        needs = _needs(conn, data)
        services = list(conn.execute(select(Service.id).where(Service.active.is_(True))).scalars())
        next_id = (conn.execute(select(func.max(E.c.id))).scalar() or 0) + 1
        next_feedback = (conn.execute(select(func.max(F.c.id))).scalar() or 0) + 1
    if not towns:
        raise ValueError("nejsou k dispozici žádné obce")
    added_terms = 0
    done = 0
    stream = generate(events, towns, needs, start, end, rng)
    while done < events:
        size = min(batch, events - done)
        demand_rows: list[tuple] = []
        term_rows: list[tuple] = []
        for _ in range(size):
            row, terms = next(stream)
            demand_rows.append((next_id, *(row[c] for c in _DEMAND_COLUMNS[1:])))
            term_rows += [(next_id, term, understood) for term, understood in terms.items()]
            next_id += 1
        with engine.begin() as conn:
            _bulk_insert(conn, E, _DEMAND_COLUMNS, demand_rows)
            _bulk_insert(conn, T, ("event_id", "term", "understood"), term_rows)
        added_terms += len(term_rows)
        done += size
        if progress:
            progress(done)
    feedback_rows: list[tuple] = []
    if services:
        days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
        for _ in range(events // 100):
            feedback_rows.append(
                (
                    next_feedback,
                    rng.choice(days),
                    rng.choice(services[: max(1, len(services) // 3)]),
                    rng.choice(FEEDBACK_REASONS),
                    True,
                )
            )
            next_feedback += 1
    with engine.begin() as conn:
        _bulk_insert(conn, F, ("id", "day", "service_id", "reason", "synthetic"), feedback_rows)
        if conn.dialect.name == "postgresql":
            for table in (E, F):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {table.name}))"
                    )
                )
    return SimulationSummary(events, added_terms, len(feedback_rows), start, end)
