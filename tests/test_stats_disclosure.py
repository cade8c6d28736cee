"""Small cells are hidden, and nothing hidden can be recovered from what is shown."""

from __future__ import annotations

import random

import numpy as np
import pytest

from bot.stats.disclosure import (
    COMPLEMENTARY,
    PRIMARY,
    Cell,
    Grid,
    partial_sum_shown,
    protect,
    publish,
    suppress,
)

K = 5


def grid(values: list[list[int]], axes=None) -> Grid:
    return Grid([(f"r{i}",) for i in range(len(values))], [f"s{j}" for j in range(len(values[0]))], values, axes)


def hidden_cells(values: list[list[int]], k: int = K, axes=None) -> set[tuple]:
    protected = protect(grid(values, axes), k)
    return {(c.kind, c.a, c.b) for c in protected.reasons}


def equations(protected, tables=None) -> list[list[Cell]]:
    """Every sum a reader can check: each row and column of each closed table."""
    found = []
    for table in protected.grid.tables() if tables is None else tables:
        for line in [*table, *(list(col) for col in zip(*table, strict=True))]:
            found.append([c for c in line if c is not None])
    return found


def recoverable(protected, tables=None) -> list[Cell]:
    """Hidden cells a reader could compute exactly from the shown cells (linear algebra),
    using the sums of every table of the grid or only of `tables`."""
    sums = equations(protected, tables)
    involved = {c for members in sums for c in members}
    unknown = [c for c in protected.reasons if c in involved]
    if not unknown:
        return []
    position = {c: i for i, c in enumerate(unknown)}
    rows = []
    for members in sums:
        *parts, total = members
        row = np.zeros(len(unknown))
        for m in parts:
            if m in position:
                row[position[m]] += 1
        if total in position:
            row[position[total]] -= 1
        if row.any():
            rows.append(row)
    if not rows:
        return list(unknown)
    matrix = np.array(rows)
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for cell, i in position.items():
        probe = np.zeros(len(unknown))
        probe[i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, probe])) == rank:
            found.append(cell)
    return found


def test_small_counts_are_shown_as_below_k_and_zeros_as_zero() -> None:
    table, _ = publish(grid([[0, 3, 20, 7], [10, 2, 30, 8]]), K, name="t", title="t", row_header=["Řádek"])
    assert table.header == ["Řádek", "s0", "s1", "s2", "s3", "Celkem"]
    assert table.rows[0][1] == 0
    assert table.rows[0][2] == "<5" and table.rows[1][2] == "<5"
    assert table.rows[-1][0] == "Celkem"


def test_a_lone_suppressed_cell_gets_a_partner() -> None:
    hidden = hidden_cells([[10, 3, 20], [12, 15, 30], [40, 50, 60]])
    assert ("c", 0, 1) in hidden
    assert ("c", 0, 0) in hidden, "the next-smallest cell of the row"
    assert ("c", 1, 1) in hidden, "the next-smallest cell of the column"


def test_partners_are_added_until_no_sum_has_a_lone_hidden_cell() -> None:
    protected = protect(grid([[10, 3, 20], [12, 15, 30], [40, 50, 60]]), K)
    for members in equations(protected):
        assert sum(m in protected.reasons for m in members) != 1
    assert recoverable(protected) == []


def test_hidden_cells_that_add_up_to_less_than_k_get_another_partner() -> None:
    hidden = hidden_cells([[1, 1, 50], [20, 30, 40], [25, 35, 45]])
    assert {("c", 0, 0), ("c", 0, 1), ("c", 0, 2)} <= hidden


def test_a_row_whose_total_is_small_hides_the_total_too() -> None:
    hidden = hidden_cells([[2, 1, 0], [20, 30, 40], [25, 35, 45]])
    assert ("r", 0, None) in hidden


@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_cell_can_be_recovered_from_the_totals(seed: int) -> None:
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 8), rng.randint(1, 6)
    values = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 8, 13, 40]) for _ in range(cols)] for _ in range(rows)]
    protected = protect(grid(values), K)
    assert recoverable(protected) == [], values
    for cell, value in protected.values.items():
        if 0 < value < K:
            assert cell in protected.reasons


@pytest.mark.parametrize("seed", range(30))
def test_no_slice_of_a_municipality_by_need_table_gives_a_cell_away(seed: int) -> None:
    rng = random.Random(1000 + seed)
    pairs = sorted({(rng.choice("ABC"), rng.choice("xyzw")) for _ in range(rng.randint(2, 12))})
    values = [[rng.choice([0, 1, 3, 6, 9, 30]) for _ in range(3)] for _ in pairs]
    protected = protect(grid(values, pairs), K)
    for table in protected.grid.tables():
        assert recoverable(protected, [table]) == [], (pairs, values, table)


def test_a_municipality_total_published_elsewhere_needs_a_partner_within_the_municipality() -> None:
    values = [[3, 20], [30, 40], [50, 60]]
    axes = [("Troubky", "pece"), ("Troubky", "obedy"), ("Přerov", "pece")]
    hidden = hidden_cells(values, axes=axes)
    assert ("c", 0, 0) in hidden
    assert ("c", 1, 0) in hidden, "the other need of the same municipality"
    assert ("m", "Troubky", 0) in hidden, "the municipality's sum, hidden in its own table too"


def test_the_table_says_how_many_cells_it_hid_and_why() -> None:
    table, _ = publish(grid([[10, 3, 20], [12, 15, 30], [40, 50, 60]]), K, name="t", title="t", row_header=["Řádek"])
    assert table.suppressed[PRIMARY] == 1
    assert table.suppressed[COMPLEMENTARY] >= 2
    assert table.suppression_note().startswith(f"Skryto {table.suppressed_total} údajů: 1 (počet menší než k)")
    clean, _ = publish(grid([[10, 20]]), K, name="t", title="t", row_header=["Řádek"])
    assert clean.suppression_note() == "Žádný údaj nebylo nutné skrýt."


def test_k_below_two_is_refused() -> None:
    with pytest.raises(ValueError, match="alespoň 2"):
        suppress({Cell("c", 0, 0): 1}, [], 1)
    with pytest.raises(ValueError, match="alespoň 2"):
        publish(grid([[1]]), 1, name="t", title="t", row_header=["Řádek"])


def test_a_partial_sum_of_a_row_is_shown_only_when_it_reveals_nothing() -> None:
    protected = protect(grid([[30, 3, 2, 40], [30, 20, 20, 40], [30, 20, 20, 40]]), K)
    hidden_row0 = {j for j in range(4) if protected.is_hidden(Cell("c", 0, j))}
    assert {1, 2} <= hidden_row0
    assert partial_sum_shown(protected, 0, [1]) == "<5"  # one of two hidden cells
    if hidden_row0 == {1, 2} and not protected.is_hidden(Cell("r", 0)):
        assert partial_sum_shown(protected, 0, [1, 2]) == 5  # all hidden ones: no more than the total tells
    assert partial_sum_shown(protected, 2, [0, 3]) == 70


def test_a_partial_sum_of_shown_cells_is_shown_even_when_the_row_total_is_hidden() -> None:
    protected = protect(grid([[3, 0, 0, 1], [30, 20, 20, 40], [30, 20, 20, 40]]), K)
    assert protected.is_hidden(Cell("r", 0))
    assert not protected.is_hidden(Cell("c", 0, 1)) and not protected.is_hidden(Cell("c", 0, 2))
    assert partial_sum_shown(protected, 0, [1, 2]) == 0  # a reader adds the zeros up anyway
    assert partial_sum_shown(protected, 0, [0, 1]) == "<5"
