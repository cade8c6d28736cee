"""Disclosure control: small cells are hidden, and so is whatever would let one be computed.

Primary suppression hides every count 0 < n < k (zeros reveal no one and stay shown).

Complementary suppression makes sure no hidden count can be computed back from what is
shown. A published table with its row totals, column totals and grand total is a closed
two-way table: every row and every column adds up to its total. Seen as a graph (rows and
columns are vertices, hidden cells are edges), a hidden cell can be computed exactly when
it is a bridge: no cycle of hidden cells runs through it. A row with a single hidden cell is
the simplest case; then another cell of the row is hidden too (likewise for columns). In
general, for every bridge the cheapest shown cells that close a cycle through it are
hidden, until no bridge is left. A row or column whose total is shown but whose hidden
cells add up to less than k gets another partner as well: [1, 1, 50] would give both ones
away.

A table whose rows have two parts (municipality × need, ORP × need) is a three-way table:
its sums per municipality and per need are published in other tables. Each two-way slice
of it (one municipality, one need, one column, and the marginal tables) is protected in
turn, sharing the cells they have in common, until all agree. This is the modular method
statistical offices use for linked tables: no slice on its own gives a cell away, but
combining several slices can still pin a hidden cell down. The export therefore follows it
with the exact check of `bot.stats.linked` over all its tables together.

Partners are chosen small counts first, counts before totals, zeros only as a last resort.
Every hidden cell is shown as "<k"; a table says how many it hid and why.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

PRIMARY = "primary"
COMPLEMENTARY = "complementary"
REASON_NAMES = {
    PRIMARY: "počet menší než k",
    COMPLEMENTARY: "doplňkově, aby nešel dopočítat ze součtů",
}
TOTAL = "Celkem"
ZERO_COST = 1000.0  # hiding a zero costs as much as hiding a count of a thousand


def mark(k: int) -> str:
    """How a hidden count is shown."""
    return f"<{k}"


class Cell(NamedTuple):
    """A cell: a count ("c", row, col), a row total ("r", row), a column total ("k", col),
    the grand total ("t",); in a three-way table also the sums by the major part of the rows
    ("m", major, col) / ("M", major) and by the minor part ("n", minor, col) / ("N", minor)."""

    kind: str
    a: Hashable = None
    b: Hashable = None

    @property
    def is_total(self) -> bool:
        return self.kind != "c"


# A closed two-way table: rows of cells, the last row and the last column are the totals;
# None marks a combination that does not exist (a known zero).
Closed = Sequence[Sequence[Cell | None]]


@dataclass
class Grid:
    """Counts in rows and columns. With `axes`, each row is (major, minor) of a three-way table."""

    row_labels: list[tuple[object, ...]]
    col_labels: list[str]
    values: list[list[int]]
    axes: list[tuple[Hashable, Hashable]] | None = None

    def cells(self) -> dict[Cell, int]:
        """Every cell (totals and, for a three-way table, its sums) with its value."""
        n_cols = len(self.col_labels)
        values: dict[Cell, int] = {}
        for i, row in enumerate(self.values):
            for j, v in enumerate(row):
                values[Cell("c", i, j)] = v
        for i, row in enumerate(self.values):
            values[Cell("r", i)] = sum(row)
        for j in range(n_cols):
            values[Cell("k", j)] = sum(row[j] for row in self.values)
        values[Cell("t")] = sum(sum(row) for row in self.values)
        if self.axes is not None:
            for kind, part in (("m", 0), ("n", 1)):
                for i, axis in enumerate(self.axes):
                    key = axis[part]
                    for j in range(n_cols):
                        cell = Cell(kind, key, j)
                        values[cell] = values.get(cell, 0) + self.values[i][j]
                    total = Cell(kind.upper(), key)
                    values[total] = values.get(total, 0) + values[Cell("r", i)]
        return values

    def tables(self) -> list[Closed]:
        """The closed two-way tables whose sums a reader can check."""
        n_cols = len(self.col_labels)
        columns = range(n_cols)
        everything = [[Cell("c", i, j) for j in columns] + [Cell("r", i)] for i in range(len(self.values))]
        totals = [Cell("k", j) for j in columns] + [Cell("t")]
        if self.axes is None:
            return [everything + [totals]]
        majors: dict[Hashable, list[int]] = defaultdict(list)
        minors: dict[Hashable, list[int]] = defaultdict(list)
        where: dict[tuple[Hashable, Hashable], int] = {}
        for i, (major, minor) in enumerate(self.axes):
            majors[major].append(i)
            minors[minor].append(i)
            where[(major, minor)] = i
        tables: list[Closed] = []
        for kind, groups in (("m", majors), ("n", minors)):
            for key, rows in groups.items():
                tables.append(
                    [everything[i] for i in rows] + [[Cell(kind, key, j) for j in columns] + [Cell(kind.upper(), key)]]
                )
            tables.append(
                [[Cell(kind, key, j) for j in columns] + [Cell(kind.upper(), key)] for key in groups] + [totals]
            )
        major_keys, minor_keys = list(majors), list(minors)

        def at(major: Hashable, minor: Hashable, kind: str, column: int | None = None) -> Cell | None:
            i = where.get((major, minor))
            return None if i is None else Cell(kind, i, column)

        for j in columns:
            tables.append(
                [[at(a, b, "c", j) for b in minor_keys] + [Cell("m", a, j)] for a in major_keys]
                + [[Cell("n", b, j) for b in minor_keys] + [Cell("k", j)]]
            )
        tables.append(
            [[at(a, b, "r") for b in minor_keys] + [Cell("M", a)] for a in major_keys]
            + [[Cell("N", b) for b in minor_keys] + [Cell("t")]]
        )
        return tables


def _bridges(edges: dict[Cell, tuple[int, int]], n_vertices: int) -> list[Cell]:
    """The hidden cells that lie on no cycle of hidden cells (iterative Tarjan)."""
    adjacent: list[list[tuple[int, Cell]]] = [[] for _ in range(n_vertices)]
    for cell, (u, v) in edges.items():
        adjacent[u].append((v, cell))
        adjacent[v].append((u, cell))
    order = [-1] * n_vertices
    low = [0] * n_vertices
    found: list[Cell] = []
    counter = 0
    for root in range(n_vertices):
        if order[root] != -1 or not adjacent[root]:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack: list[tuple[int, Cell | None, int]] = [(root, None, 0)]
        while stack:
            vertex, via, position = stack[-1]
            if position < len(adjacent[vertex]):
                stack[-1] = (vertex, via, position + 1)
                neighbour, cell = adjacent[vertex][position]
                if cell == via:
                    continue
                if order[neighbour] == -1:
                    order[neighbour] = low[neighbour] = counter
                    counter += 1
                    stack.append((neighbour, cell, 0))
                else:
                    low[vertex] = min(low[vertex], order[neighbour])
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[vertex])
                    if low[vertex] > order[parent]:
                        assert via is not None  # only a root has no edge, and a root has no parent
                        found.append(via)
    return found


class _Protector:
    def __init__(self, values: dict[Cell, int], k: int, reasons: dict[Cell, str]) -> None:
        self.values = values
        self.k = k
        self.reasons = reasons
        self.order = {c: i for i, c in enumerate(values)}

    def _rank(self, cell: Cell) -> tuple:
        return (self.values[cell] == 0, cell.is_total, self.values[cell], self.order[cell])

    def hide(self, cell: Cell) -> None:
        self.reasons[cell] = COMPLEMENTARY

    def protect(self, table: Closed) -> bool:
        """Hide partners in one closed table until it gives nothing away; True if it hid any."""
        if not any(c in self.reasons for row in table for c in row if c is not None):
            return False
        changed = False
        lines = [row for row in table] + [list(col) for col in zip(*table, strict=True)]
        while True:
            added = self._bridge(table) or self._small_sums(lines)
            if not added:
                return changed
            changed = True

    def _small_sums(self, lines: Sequence[Sequence[Cell | None]]) -> bool:
        added = False
        for line in lines:
            total = line[-1]
            if total is None or total in self.reasons:
                continue
            while True:
                hidden_sum = sum(self.values[c] for c in line[:-1] if c is not None and c in self.reasons)
                if not 0 < hidden_sum < self.k:
                    break
                candidates = [c for c in line if c is not None and c not in self.reasons]
                if not candidates:
                    break
                self.hide(min(candidates, key=self._rank))
                added = True
        return added

    def _cost(self, cell: Cell) -> float:
        """What hiding a shown cell costs: its size, twice for a total; a zero only as a last
        resort (a hidden zero protects little and misleads a reader)."""
        value = self.values[cell]
        return (value if value else ZERO_COST) * (2 if cell.is_total else 1)

    def _bridge(self, table: Closed) -> bool:
        n_rows = len(table)
        edges: dict[Cell, tuple[int, int]] = {}
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                if cell is not None and cell in self.reasons:
                    edges[cell] = (i, n_rows + j)
        if not edges:
            return False
        bridges = _bridges(edges, n_rows + len(table[0]))
        if not bridges:
            return False
        bridge = min(bridges, key=self._rank)
        path = self._cheapest_detour(table, *edges[bridge], bridge)
        for cell in path:
            self.hide(cell)
        return bool(path)

    def _cheapest_detour(self, table: Closed, start: int, goal: int, bridge: Cell) -> list[Cell]:
        """The shown cells to hide so that a cycle runs through `bridge`: the cheapest path
        from one of its ends to the other (hidden cells are free to pass)."""
        n_rows = len(table)
        best = {start: 0.0}
        via: dict[int, tuple[int, Cell]] = {}
        queue: list[tuple[float, int]] = [(0.0, start)]
        done: set[int] = set()
        while queue:
            cost, vertex = heapq.heappop(queue)
            if vertex in done:
                continue
            done.add(vertex)
            if vertex == goal:
                break
            if vertex < n_rows:
                steps = ((n_rows + j, cell) for j, cell in enumerate(table[vertex]))
            else:
                j = vertex - n_rows
                steps = ((i, table[i][j]) for i in range(n_rows))
            for neighbour, cell in steps:
                if cell is None or cell == bridge or neighbour in done:
                    continue
                step = 0.0 if cell in self.reasons else self._cost(cell)
                if cost + step < best.get(neighbour, float("inf")):
                    best[neighbour] = cost + step
                    via[neighbour] = (vertex, cell)
                    heapq.heappush(queue, (cost + step, neighbour))
        if goal not in done:
            return []
        path: list[Cell] = []
        vertex = goal
        while vertex != start:
            vertex, cell = via[vertex]
            if cell not in self.reasons:
                path.append(cell)
        return path


def suppress(
    values: dict[Cell, int],
    tables: Sequence[Closed],
    k: int,
    *,
    forced: frozenset[Cell] | set[Cell] = frozenset(),
) -> dict[Cell, str]:
    """Which cells to hide and why: primary (0 < n < k), then complementary until every
    table is safe. `forced` cells are hidden because another table hides them."""
    if k < 2:
        raise ValueError("k musí být alespoň 2")
    reasons: dict[Cell, str] = {c: PRIMARY for c, v in values.items() if 0 < v < k}
    for cell in forced:
        reasons.setdefault(cell, COMPLEMENTARY)
    protector = _Protector(values, k, reasons)
    changed = True
    while changed:
        changed = False
        for table in tables:
            if protector.protect(table):
                changed = True
    return reasons


@dataclass
class PublishedTable:
    """A table ready to publish: headers, rows of labels and counts (or "<k"), and notes."""

    name: str
    title: str
    header: list[str]
    rows: list[list[object]]
    k: int
    suppressed: dict[str, int] = field(default_factory=lambda: {PRIMARY: 0, COMPLEMENTARY: 0})
    notes: list[str] = field(default_factory=list)

    def records(self) -> list[dict[str, object]]:
        """The rows by column name, without the total row."""
        return [dict(zip(self.header, row, strict=False)) for row in self.rows if not row or row[0] != TOTAL]

    @property
    def suppressed_total(self) -> int:
        return sum(self.suppressed.values())

    def suppression_note(self) -> str:
        """One sentence: how many cells were hidden and why."""
        if not self.suppressed_total:
            return "Žádný údaj nebylo nutné skrýt."
        parts = [f"{n} ({REASON_NAMES[r]})" for r, n in self.suppressed.items() if n]
        return f"Skryto {self.suppressed_total} údajů: " + ", ".join(parts) + "."


SHOWN_KINDS = ("c", "r", "k", "t")


@dataclass
class Protected:
    """A grid with its hidden cells decided."""

    grid: Grid
    k: int
    values: dict[Cell, int]
    reasons: dict[Cell, str]

    def shown(self, cell: Cell) -> object:
        """The value as published: the count, or "<k" when hidden."""
        return mark(self.k) if cell in self.reasons else self.values[cell]

    def is_hidden(self, cell: Cell) -> bool:
        return cell in self.reasons

    def counts(self) -> dict[str, int]:
        """How many cells shown in this table were hidden, by reason."""
        found = {PRIMARY: 0, COMPLEMENTARY: 0}
        for cell, reason in self.reasons.items():
            if cell.kind in SHOWN_KINDS:
                found[reason] += 1
        return found


def protect(grid: Grid, k: int, *, forced: frozenset[Cell] | set[Cell] = frozenset()) -> Protected:
    """Decide the hidden cells of a grid."""
    values = grid.cells()
    return Protected(grid, k, values, suppress(values, grid.tables(), k, forced=forced))


def protect_linked(
    grids: Mapping[str, Grid],
    meanings: Mapping[str, Mapping[Cell, Hashable]],
    k: int,
    partners: Callable[[dict[str, Protected]], list[tuple[str, Cell]]] | None = None,
) -> dict[str, Protected]:
    """Protect grids that show some of the same counts: a cell hidden in one grid is hidden in
    every grid that shows a cell of the same meaning. `partners`, given the grids protected so
    far, names more cells to hide (the exact check of the whole set); protection goes on until
    it names none."""
    forced: dict[str, set[Cell]] = {name: set() for name in grids}
    protected: dict[str, Protected] = {}
    stale = set(grids)
    while stale:
        while stale:
            for name in stale:
                protected[name] = protect(grids[name], k, forced=forced[name])
            stale = set()
            hidden = {meanings[name][cell] for name, p in protected.items() for cell in p.reasons}
            for name, p in protected.items():
                for cell, meaning in meanings[name].items():
                    if cell not in p.reasons and meaning in hidden:
                        forced[name].add(cell)
                        stale.add(name)
        for name, cell in partners(protected) if partners else []:
            forced[name].add(cell)
            stale.add(name)
    return protected


def render(
    protected: Protected,
    *,
    name: str,
    title: str,
    row_header: Sequence[str],
    notes: Sequence[str] = (),
) -> PublishedTable:
    """The published form of a protected grid: rows with their totals and a total row."""
    grid, k = protected.grid, protected.k
    header = [*row_header, *grid.col_labels, TOTAL]
    rows: list[list[object]] = []
    for i, labels in enumerate(grid.row_labels):
        row = [*labels] + [protected.shown(Cell("c", i, j)) for j in range(len(grid.col_labels))]
        row.append(protected.shown(Cell("r", i)))
        rows.append(row)
    total_row: list[object] = [TOTAL, *[""] * (len(row_header) - 1)]
    total_row += [protected.shown(Cell("k", j)) for j in range(len(grid.col_labels))]
    total_row.append(protected.shown(Cell("t")))
    rows.append(total_row)
    return PublishedTable(name, title, header, rows, k, protected.counts(), list(notes))


def publish(
    grid: Grid,
    k: int,
    *,
    name: str,
    title: str,
    row_header: Sequence[str],
    notes: Sequence[str] = (),
) -> tuple[PublishedTable, Protected]:
    """Protect a grid on its own and render it."""
    protected = protect(grid, k)
    return render(protected, name=name, title=title, row_header=row_header, notes=notes), protected


def partial_sum_shown(protected: Protected, row: int, columns: Sequence[int]) -> object:
    """The sum of some cells of a row, published only when it reveals nothing hidden.

    It is safe when the chosen cells are all shown (a reader can add them up anyway), or
    when they hold all of the row's hidden cells, the row total is shown and the sum is not
    itself small (then it tells no more than the total minus the shown cells).
    """
    n_cols = len(protected.grid.col_labels)
    hidden_in_row = {j for j in range(n_cols) if protected.is_hidden(Cell("c", row, j))}
    chosen = set(columns)
    value = sum(protected.values[Cell("c", row, j)] for j in chosen)
    safe = not (hidden_in_row & chosen) or (
        hidden_in_row <= chosen and not protected.is_hidden(Cell("r", row)) and not (0 < value < protected.k)
    )
    return value if safe else mark(protected.k)
