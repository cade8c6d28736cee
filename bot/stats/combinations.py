"""Which combinations of the dimensions each published count sums, for the exact check in
`bot.stats.linked`.

A crosstab's cell counts the events whose period, place, group, need, outcome, channel and
language match its row and column, within the table's scope (the sensitive needs alone
within whole quarters, or everything else). Places are (ORP, municipality) pairs, so a row
by ORP is the set of its municipalities; periods are the classes of days that agree on the
export's period and on the quarter, so a quarter is the set of its classes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, Protocol

from bot.stats.aggregate import Key, Scope, period_of
from bot.stats.disclosure import Cell, Protected
from bot.stats.events import SensitiveNeeds
from bot.stats.linked import Coordinates, Span, Term, Vector

DIMENSIONS = ("time", "place", "family", "need", "outcome", "channel", "language")
NO_VALUE = "∅"  # a dimension left unrecorded (no municipality, no need)


class CountedTable(Protocol):
    """What the check needs of a counted crosstab."""

    scope: Scope
    row_keys: list[tuple[Key, ...]]
    columns: list[Key]


class Combinations:
    """The sets of combinations of an export's crosstabs, over every value a reader can name."""

    def __init__(
        self,
        start: dt.date,
        end: dt.date,
        period: str,
        tables: Sequence[CountedTable],
        towns: Iterable[tuple[str | None, int]],
        sensitive: SensitiveNeeds,
    ) -> None:
        self.period = period
        self._keys: dict[tuple[Key, str | None], tuple[str, frozenset]] = {}
        days = (start + dt.timedelta(days=n) for n in range((end - start).days + 1))
        self.times = sorted({(period_of(d, period), period_of(d, "quarter")) for d in days})
        keys = [k for t in tables for ks in t.row_keys for k in ks] + [k for t in tables for k in t.columns]
        used: Counter[tuple[str, Hashable]] = Counter()
        places: set[tuple[Hashable, Hashable]] = {(_value(orp), code) for orp, code in towns}
        places |= {(orp, NO_VALUE) for orp, _ in places} | {(NO_VALUE, NO_VALUE)}
        for table in tables:
            for ks in table.row_keys:
                found = {k.dimension: k.value for k in ks}
                if "municipality" in found:
                    place = (_value(found.get("orp")), _value(found["municipality"]))
                    places.add(place)
                    used[("municipality", place)] += 1
        self.places = sorted(places, key=repr)
        # exactly the values the tables name: a value no table names would be an unknown in
        # every total, and would hide what the totals give away
        values: dict[str, set[Hashable]] = {d: set() for d in ("family", "need", "outcome", "channel", "language")}
        for key in keys:
            if key.dimension in values:
                values[key.dimension].add(_value(key.value))
            used[(key.dimension, _value(key.value))] += 1
        self.domains: dict[str, list[Any]] = {
            "time": self.times,
            "place": self.places,
            **{d: sorted(v, key=repr) for d, v in values.items()},
        }
        self.sensitive = frozenset(v for v in self.domains["need"] if isinstance(v, tuple) and v in sensitive)

        def blocks(values: Iterable[Any], block: Callable[[Any], Hashable], dimension: str) -> list[list]:
            grouped: dict[Hashable, list[Hashable]] = {}
            for value in values:
                grouped.setdefault(block(value), []).append(value)
            # the least-used block and value first: the only ones that take many coordinates
            ordered = [sorted(g, key=lambda v: (used[(dimension, v)], repr(v))) for g in grouped.values()]
            return sorted(ordered, key=lambda g: (sum(used[(dimension, v)] for v in g), repr(g[0])))

        self.blocks = {
            "time": blocks(self.times, lambda t: t[1], "period"),
            "place": blocks(self.places, lambda p: p[0], "municipality"),
            "need": blocks(self.domains["need"], lambda v: v in self.sensitive, "need"),
            **{d: blocks(self.domains[d], lambda v: 0, d) for d in ("family", "outcome", "channel", "language")},
        }

    def scope(self, scope: Scope) -> list[dict[str, frozenset]]:
        """The sets a table counts before its rows and columns narrow them."""
        sensitive = self.sensitive
        plain = frozenset(self.domains["need"]) - sensitive
        quarters = scope.whole_quarters
        whole = frozenset(t for t in self.times if quarters and quarters[0] <= t[1] <= quarters[1])
        if scope.only_sensitive:
            return [{"need": sensitive, "time": whole}] if whole else []
        if scope.exclude_sensitive or not sensitive:
            return [{"need": plain}]
        return [{"need": plain}, {"need": sensitive, "time": whole}]

    def of_key(self, key: Key, granularity: str | None) -> tuple[str, frozenset]:
        """The dimension and the set of its values one key selects."""
        found = self._keys.get((key, granularity))
        if found is None:
            found = self._keys[(key, granularity)] = self._of_key(key, granularity)
        return found

    def _of_key(self, key: Key, granularity: str | None) -> tuple[str, frozenset]:
        value = _value(key.value)
        if key.dimension == "period":
            part = 1 if granularity == "quarter" and self.period != "quarter" else 0
            return "time", frozenset(t for t in self.times if t[part] == value)
        if key.dimension == "orp":
            return "place", frozenset(p for p in self.places if p[0] == value)
        if key.dimension == "municipality":
            return "place", frozenset(p for p in self.places if p[1] == value)
        return key.dimension, frozenset({value})

    def cell(self, table: CountedTable, granularity: str | None, cell: Cell) -> list[Term]:
        """The sets of combinations a shown cell of a crosstab sums."""
        keys: list[Key] = []
        if cell.kind in ("c", "r"):
            assert isinstance(cell.a, int)  # a row
            keys += table.row_keys[cell.a]
        if cell.kind in ("c", "k"):
            column = cell.b if cell.kind == "c" else cell.a
            assert isinstance(column, int)  # a column
            keys.append(table.columns[column])
        conditions = [self.of_key(k, granularity) for k in keys]
        terms: list[Term] = []
        for term in self.scope(table.scope):
            narrowed = dict(term)
            for dimension, allowed in conditions:
                narrowed[dimension] = narrowed.get(dimension, allowed) & allowed
            if all(narrowed.values()):
                terms.append(narrowed)
        return terms


def _value(value: object) -> Hashable:
    if value is None or value == (None, None):
        return NO_VALUE
    assert isinstance(value, Hashable)
    return value


RENDERED = ("c", "r", "k", "t")


class ExactCheck:
    """Finds the hidden cells of a set of crosstabs that their shown cells determine."""

    def __init__(self, tables: Sequence[Any], combinations: Combinations) -> None:
        self.tables = tables
        coordinates = Coordinates(combinations.blocks)
        self.vectors: dict[tuple[str, Cell], Vector] = {}
        for table in tables:
            for cell in table.grid.cells():
                if cell.kind in RENDERED:
                    terms = combinations.cell(table, table.spec.period, cell)
                    self.vectors[(table.spec.name, cell)] = coordinates.of(terms)

    def computable(self, protected: dict[str, Protected]) -> list[tuple[Any, Cell, list[tuple[Any, Cell]]]]:
        """The hidden cells the shown ones determine, each with the shown cells its
        computation uses."""
        span = Span()
        hidden: list[tuple[Any, Cell]] = []
        shown: dict[tuple[str, Cell], tuple[Any, Cell]] = {}
        for table in self.tables:
            p = protected[table.spec.name]
            for cell in p.values:
                if cell.kind not in RENDERED:
                    continue
                if p.is_hidden(cell):
                    hidden.append((table, cell))
                else:
                    shown[(table.spec.name, cell)] = (table, cell)
                    span.add(self.vectors[(table.spec.name, cell)], (table.spec.name, cell))
        found = []
        for table, cell in hidden:
            used = span.computation(self.vectors[(table.spec.name, cell)])
            if used is not None:
                found.append((table, cell, [shown[u] for u in used if isinstance(u, tuple)]))
        return found


def partner(protected: dict[str, Protected], used: Sequence[tuple[Any, Cell]]) -> tuple[Any, Cell]:
    """The shown cell to hide so that a computation no longer works: the smallest count it
    uses (a total only when it uses no count, a zero last)."""

    def cost(item: tuple[Any, Cell]) -> tuple:
        table, cell = item
        value = protected[table.spec.name].values[cell]
        return (value == 0, cell.is_total, value)

    return min(used, key=cost)
