"""An attacker's audit of one statistics export (this module holds no tests itself).

The auditor reads the published tables as a planner would: their headers, labels, notes and
the numbers in their cells. Every number counts the events of a set of combinations of
period, place, group, need, outcome, channel and language, so it is a linear equation over
the unknown counts of the full cross-classification (every combination a reader can name,
empty or not). A hidden cell can be computed exactly when its own equation is a linear
combination of the shown ones.

The full cross-classification is far too large to write out, but every published set is a
product of one set per dimension (or the sum of two: sensitive needs count only within
whole quarters). In the basis {1, e_1, …, e_(n-1)} of each dimension such a product has few
non-zero coordinates, and only in the dimensions the set restricts, so the system fits in a
dense matrix of a few thousand columns.

The same reading is checked against the raw events: every shown number must equal the count
the auditor computes from the database, so a misread table fails loudly instead of passing.
It shares no code with the suppression it audits; it uses the export's label names only to
read the tables.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product

import numpy as np
from sqlalchemy import Engine, insert, select

from bot.catalog.models import Municipality
from bot.stats.aggregate import (
    CHANNEL_NAMES,
    FAMILY_NAMES,
    LANGUAGE_NAMES,
    NONE_NAMES,
    OUTCOME_NAMES,
    period_label,
    period_of,
)
from bot.stats.events import SensitiveNeeds
from bot.stats.export import StatsExport
from bot.stats.models import DemandEvent

E = DemandEvent.__table__.c
TOTAL = "Celkem"
DIMS = ("time", "place", "family", "need", "outcome", "channel", "language")
# What a reader knows of each crosstab from its title: the dimensions of its rows and columns.
CROSSTABS = {
    "obdobi": (("period",), "outcome"),
    "orp": (("orp",), "outcome"),
    "orp-ctvrtleti": (("orp",), "period"),
    "obce": (("orp", "municipality"), "outcome"),
    "skupiny": (("family",), "outcome"),
    "skupiny-obdobi": (("family",), "period"),
    "potreby": (("need",), "outcome"),
    "potreby-obdobi": (("need",), "period"),
    "obce-potreby": (("orp", "municipality", "need"), "outcome"),
    "orp-potreby": (("orp", "need"), "outcome"),
    "orp-potreby-ctvrtleti": (("orp", "need"), "period"),
    "kanaly-jazyky": (("channel",), "language"),
    "citlive-orp": (("orp", "need"), "outcome"),
    "citlive-orp-ctvrtleti": (("orp", "need"), "period"),
}
# "Nenalezeno" in the demand tables, as their note defines it
UNMET_NAMES = frozenset({"služba v katalogu chybí", "není pro tuto skupinu", "v místě nepůsobí"})
PERIOD_FORMS = {
    "week": re.compile(r"^\d{4}-W\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "quarter": re.compile(r"^\d{4} Q[1-4]$"),
    "year": re.compile(r"^\d{4}$"),
}


def granularity_of(label: str) -> str:
    for granularity, form in PERIOD_FORMS.items():
        if form.match(label):
            return granularity
    raise AssertionError(f"unreadable period {label!r}")


# A set of combinations: for each dimension the values it allows (a missing dimension: all).
Product = dict[str, frozenset]


@dataclass
class Cell:
    """One published number: where it is, what it shows, and the sets of combinations it sums."""

    table: str
    row: list[object]
    column: str
    shown: object
    terms: list[Product]


@dataclass
class Finding:
    """A hidden cell the shown numbers pin down."""

    table: str
    row: list[object]
    column: str
    value: int


@dataclass
class Audit:
    shown: int
    hidden: int
    unknowns: int
    findings: list[Finding] = field(default_factory=list)
    hidden_cells: list[Finding] = field(default_factory=list)  # every hidden cell, with its value


@dataclass(frozen=True)
class Event:
    """The values a reader can name, of one counted event."""

    day: dt.date
    place: tuple[str, object]
    family: str
    need: str
    sensitive: bool
    outcome: str
    channel: str
    language: str


def load_events(engine: Engine, export: StatsExport, sensitive: SensitiveNeeds) -> list[Event]:
    """The counted events of the export's period, as the tables name their values."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                E.day,
                E.orp,
                E.municipality_code,
                E.family,
                E.need_kind,
                E.need_key,
                E.need_label,
                E.outcome,
                E.channel,
                E.language,
            ).where(E.day >= export.start, E.day <= export.end, E.counted.is_(True))
        ).all()
    return [
        Event(
            day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)),
            (orp if orp is not None else NONE_NAMES["orp"], code if code is not None else ""),
            FAMILY_NAMES.get(family, family) if family is not None else NONE_NAMES["family"],
            (label or key) if key is not None else NONE_NAMES["need"],
            (kind, key) in sensitive,
            OUTCOME_NAMES.get(outcome, outcome),
            CHANNEL_NAMES.get(channel, channel),
            LANGUAGE_NAMES.get(language, language),
        )
        for day, orp, code, family, kind, key, label, outcome, channel, language in rows
    ]


class Reader:
    """Turns the labels of an export into sets of combinations."""

    def __init__(self, engine: Engine, export: StatsExport, events: Sequence[Event]) -> None:
        self.export = export
        days = [export.start + dt.timedelta(days=n) for n in range((export.end - export.start).days + 1)]
        self.time_of_day = {
            d: (period_label(period_of(d, export.period), export.period), self._quarter(d)) for d in days
        }
        self.times = sorted(set(self.time_of_day.values()))
        with engine.connect() as conn:
            towns = conn.execute(select(Municipality.orp, Municipality.code)).all()
        places = {(orp, code) for orp, code in towns} | {(orp, "") for orp, _ in towns}
        places |= {e.place for e in events} | {(NONE_NAMES["orp"], "")}
        self.places = sorted(places, key=str)
        labels: dict[str, set[str]] = {d: set() for d in ("family", "need", "outcome", "channel", "language")}
        for table in export.tables:
            for dimension, column in (
                ("family", "Skupina"),
                ("need", "Potřeba"),
                ("channel", "Kanál"),
            ):
                if column in table.header:
                    j = table.header.index(column)
                    labels[dimension] |= {str(r[j]) for r in table.rows if r[j] != TOTAL}
        labels["outcome"] = set(OUTCOME_NAMES.values())
        labels["language"] = set(export.table("kanaly-jazyky").header[1:-1])
        labels["need"].add(NONE_NAMES["need"])
        self.labels = {d: sorted(v) for d, v in labels.items()}
        # a reader learns which needs are sensitive from the summary; the events say it exactly
        self.sensitive_needs = frozenset(e.need for e in events if e.sensitive)
        self.domains: dict[str, list] = {"time": self.times, "place": self.places, **self.labels}

    @staticmethod
    def _quarter(day: dt.date) -> str:
        return period_label(period_of(day, "quarter"), "quarter")

    def time(self, label: str) -> frozenset:
        granularity = granularity_of(label)
        if granularity == "quarter":
            return frozenset(t for t in self.times if t[1] == label)
        if granularity == self.export.period:
            return frozenset(t for t in self.times if t[0] == label)
        raise AssertionError(f"a period {label!r} finer than the export's")

    def scope(self, notes: Iterable[str]) -> list[Product]:
        """Which events a table counts, as its notes say."""
        plain = frozenset(n for n in self.labels["need"] if n not in self.sensitive_needs)
        for note in notes:
            if "nezahrnuje" in note:
                return [{"need": plain}]
            if "citlivé potřeby se proto neuvádějí" in note:
                return []
            found = re.search(r"jen za celá čtvrtletí (\d{4} Q\d) – (\d{4} Q\d)", note)
            if found:
                first, last = found.groups()
                whole = frozenset(t for t in self.times if first <= t[1] <= last)
                if note.startswith("Jen citlivé potřeby"):
                    return [{"need": self.sensitive_needs, "time": whole}]
                return [{"need": plain}, {"need": self.sensitive_needs, "time": whole}]
        return [{}]

    def condition(self, dimension: str, label: object) -> tuple[str, frozenset]:
        """The set of values of one label of a row or column."""
        text = str(label)
        if dimension == "period":
            return "time", self.time(text)
        if dimension == "orp":
            return "place", frozenset(p for p in self.places if p[0] == text)
        if dimension == "municipality":
            code = label if label == "" else int(str(label))
            return "place", frozenset(p for p in self.places if p[1] == code)
        return dimension, frozenset({text})

    def cell(self, scope: list[Product], conditions: list[tuple[str, frozenset]]) -> list[Product]:
        """The sets of combinations a cell sums: its scope narrowed by its labels."""
        terms = []
        for term in scope:
            narrowed = dict(term)
            for dimension, values in conditions:
                narrowed[dimension] = narrowed.get(dimension, values) & values
            if all(narrowed.values()):
                terms.append(narrowed)
        return terms


def read_cells(reader: Reader, export: StatsExport) -> list[Cell]:
    """Every number the export shows or hides in its demand tables, as sets of combinations."""
    cells: list[Cell] = []
    for name, (dims, column) in CROSSTABS.items():
        table = export.table(name)
        scope = reader.scope(table.notes)
        widths = [2 if d == "municipality" else 1 for d in dims]
        n_label = sum(widths)
        for row in table.rows:
            conditions: list[tuple[str, frozenset]] = []
            if row[0] != TOTAL:
                position = 0
                for dimension, width in zip(dims, widths, strict=True):
                    label = row[position] if dimension != "municipality" else row[position]
                    conditions.append(reader.condition(dimension, label))
                    position += width
            for j, value in enumerate(row[n_label:]):
                header = table.header[n_label + j]
                own = conditions + ([] if header == TOTAL else [reader.condition(column, header)])
                cells.append(Cell(name, row, header, value, reader.cell(scope, own)))
    for name in ("poptavka-nabidka-obce", "poptavka-nabidka-orp"):
        table = export.table(name)
        source = next(m.group(1) for n in table.notes if (m := re.search(r"z tabulky ([\w-]+)", n)))
        scope = reader.scope(export.table(source).notes)
        at = {h: j for j, h in enumerate(table.header)}
        for row in table.rows:
            place = (
                reader.condition("orp", row[0]) if "Kód obce" not in at else reader.condition("municipality", row[1])
            )
            need = reader.condition("need", row[at["Potřeba"]])
            cells.append(Cell(name, row, "Hledání", row[at["Hledání"]], reader.cell(scope, [place, need])))
            unmet = ("outcome", UNMET_NAMES)
            cells.append(Cell(name, row, "Nenalezeno", row[at["Nenalezeno"]], reader.cell(scope, [place, need, unmet])))
            if isinstance(row[at["Hledání"]], str):
                rate = row[at["Hledání na 1 000 obyvatel"]]
                assert not isinstance(rate, int | float), f"{name}: a rate reveals a hidden count: {row}"
    summary = {r[0]: r[1] for r in export.table("souhrn").rows}
    orp_scope = reader.scope(export.table("orp").notes)
    cells.append(Cell("souhrn", [], "Počet hledání", summary["Počet hledání"], reader.cell(orp_scope, [])))
    sensitive_scope = reader.scope(export.table("citlive-orp").notes)
    cells.append(
        Cell(
            "souhrn",
            [],
            "Počet hledání citlivých potřeb",
            summary["Počet hledání citlivých potřeb"],
            reader.cell(sensitive_scope, []),
        )
    )
    return cells


def _profile(event: Event, reader: Reader) -> tuple:
    """The event's value along each dimension, in the order of DIMS."""
    values = {
        "time": reader.time_of_day[event.day],
        "place": event.place,
        "family": event.family,
        "need": event.need,
        "outcome": event.outcome,
        "channel": event.channel,
        "language": event.language,
    }
    return tuple(values[d] for d in DIMS)


def _matches(profile: tuple, terms: list[Product]) -> bool:
    hits = sum(all(profile[i] in term[d] for i, d in enumerate(DIMS) if d in term) for term in terms)
    assert hits <= 1, "the terms of a cell overlap"
    return hits == 1


class Coordinates:
    """Sparse coordinates of sets of combinations in the product basis."""

    def __init__(self, domains: dict[str, list]) -> None:
        self.index = {d: {v: i for i, v in enumerate(domains[d])} for d in DIMS}
        self.columns: dict[tuple, int] = {}

    def _along(self, dimension: str, allowed: frozenset | None) -> dict[int, float]:
        """A set of values of one dimension in the basis {1, e_1, …, e_(n-1)}."""
        if allowed is None:
            return {0: 1.0}
        index = self.index[dimension]
        unknown = [v for v in allowed if v not in index]
        assert not unknown, f"{dimension}: values no table names: {unknown}"
        chosen = {index[v] for v in allowed}
        if 0 not in chosen:
            return {i: 1.0 for i in chosen}
        found = {0: 1.0}
        found.update({i: -1.0 for i in range(1, len(index)) if i not in chosen})
        return found

    def of(self, terms: list[Product]) -> dict[int, float]:
        vector: dict[int, float] = {}
        for term in terms:
            parts = [list(self._along(d, term.get(d)).items()) for d in DIMS]
            for combination in product(*parts):
                key = tuple(i for i, _ in combination)
                weight = float(np.prod([w for _, w in combination]))
                column = self.columns.setdefault(key, len(self.columns))
                vector[column] = vector.get(column, 0.0) + weight
        return vector


def audit_export(engine: Engine, export: StatsExport, sensitive: SensitiveNeeds) -> Audit:
    """Check every shown count of the export's demand tables against the events, and find
    every hidden count that the shown ones determine."""
    events = load_events(engine, export, sensitive)
    reader = Reader(engine, export, events)
    cells = read_cells(reader, export)
    hidden_mark = f"<{export.k}"
    coordinates = Coordinates(reader.domains)
    shown: list[dict[int, float]] = []
    hidden: list[tuple[Finding, dict[int, float]]] = []
    # events with the same values along every dimension count alike
    profiles = Counter(_profile(e, reader) for e in events)
    for cell in cells:
        actual = sum(n for profile, n in profiles.items() if _matches(profile, cell.terms))
        if cell.shown == hidden_mark:
            hidden.append((Finding(cell.table, cell.row, cell.column, actual), coordinates.of(cell.terms)))
            continue
        assert cell.shown == actual, f"{cell.table} {cell.row} {cell.column}: shown {cell.shown}, events {actual}"
        shown.append(coordinates.of(cell.terms))
    n = len(coordinates.columns)
    basis = row_space(_dense(shown, n))
    findings = [f for f, vector in hidden if is_determined(_dense([vector], n)[0], basis)]
    return Audit(len(shown), len(hidden), n, findings, [f for f, _ in hidden])


def _dense(vectors: list[dict[int, float]], n: int) -> np.ndarray:
    matrix = np.zeros((len(vectors), n))
    for i, vector in enumerate(vectors):
        for j, value in vector.items():
            matrix[i, j] = value
    return matrix


def row_space(matrix: np.ndarray) -> np.ndarray:
    """An orthonormal basis of the space the rows of `matrix` span."""
    if not matrix.size:
        return np.zeros((0, matrix.shape[1]))
    _, s, vt = np.linalg.svd(matrix, full_matrices=False)
    return vt[s > 1e-9 * max(float(s.max()), 1.0)]


def is_determined(vector: np.ndarray, basis: np.ndarray) -> bool:
    """Whether the sum `vector` selects is a linear combination of the shown sums."""
    residual = vector - basis.T @ (basis @ vector)
    return bool(np.linalg.norm(residual) < 1e-6 * max(1.0, float(np.linalg.norm(vector))))


# --- simulated demand small enough for an exact audit -------------------------------------

NEEDS = [
    ("druh", "DruhSocialniSluzby/4", "pečovatelská služba", 30),
    ("situace", "dovoz-obedu", "Dovoz obědů", 14),
    ("situace", "osobni-asistence", "Osobní asistence", 8),
    ("situace", "dluhy", "Dluhy a exekuce", 6),
    ("druh", "DruhSocialniSluzby/2", "odborné sociální poradenství", 5),
    ("situace", "domaci-nasili", "Domácí násilí", 4),
    ("situace", "zavislost", "Závislost (alkohol, drogy, hazard)", 3),
    (None, None, None, 6),
]
FAMILIES = [("seniori", 8), ("zdravotni-postizeni", 3), ("rodiny-deti", 3), ("krize", 2), (None, 2)]
OUTCOMES = [(o, w) for o, w in zip(OUTCOME_NAMES, (40, 6, 4, 3, 3, 2, 5), strict=True)]
CHANNELS = [("telegram", 12), ("inline", 2), ("console", 1)]
LANGUAGES = [("cs", 20), ("uk", 3), ("en", 1)]


def simulate_demand(
    engine: Engine, events: int, start: dt.date, end: dt.date, *, seed: int, towns: Sequence[tuple[int, str, int]]
) -> None:
    """Add skewed synthetic demand over a handful of needs: many small cells, a few large."""
    rng = random.Random(seed)
    weights = [max(1, population // 500) for _, _, population in towns] + [3]
    places = [(code, orp) for code, orp, _ in towns] + [(None, towns[0][1])]
    span = (end - start).days

    def pick(options: list[tuple]) -> tuple:
        return rng.choices(options, weights=[o[-1] for o in options])[0]

    rows = []
    for n in range(events):
        kind, key, label, _ = pick(NEEDS)
        code, orp = rng.choices(places, weights=weights)[0]
        rows.append(
            {
                "id": n + 1,
                "day": start + dt.timedelta(days=rng.randint(0, span)),
                "channel": pick(CHANNELS)[0],
                "language": pick(LANGUAGES)[0],
                "family": pick(FAMILIES)[0],
                "place_kind": "town" if code else None,
                "municipality_code": code,
                "orp": orp,
                "need_kind": kind,
                "need_key": key,
                "need_label": label,
                "results": 1,
                "outcome": pick(OUTCOMES)[0],
                "synthetic": True,
                "counted": rng.random() > 0.1,
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(DemandEvent), rows)
