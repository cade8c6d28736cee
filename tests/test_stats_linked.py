"""The exact check: which counts the shown ones determine, across linked tables."""

from __future__ import annotations

from bot.stats.linked import Coordinates, Span

# two places in one ORP, one in another; two outcomes
BLOCKS = {"place": [["a1", "a2"], ["b1"]], "outcome": [["x", "y"]]}


def cell(coordinates: Coordinates, place=None, outcome=None):
    term = {}
    if place is not None:
        term["place"] = frozenset(place)
    if outcome is not None:
        term["outcome"] = frozenset(outcome)
    return coordinates.of([term])


def test_a_lone_hidden_cell_of_a_row_is_computed_from_the_row_total() -> None:
    c = Coordinates(BLOCKS)
    span = Span()
    span.add(cell(c, ["a1"], ["x"]), "a1 x")
    span.add(cell(c, ["a1"]), "a1 total")
    assert span.computation(cell(c, ["a1"], ["y"])) is not None
    assert span.computation(cell(c, ["a2"], ["y"])) is None


def test_a_rectangle_of_hidden_cells_cannot_be_computed() -> None:
    c = Coordinates(BLOCKS)
    span = Span()
    for place in ("a1", "a2", "b1"):
        span.add(cell(c, [place]), f"{place} total")
    for outcome in ("x", "y"):
        span.add(cell(c, outcome=[outcome]), f"{outcome} total")
    span.add(cell(c, ["b1"], ["x"]), "b1 x")
    hidden = [cell(c, [p], [o]) for p in ("a1", "a2") for o in ("x", "y")]
    assert all(span.computation(h) is None for h in hidden)


def test_a_cell_is_computed_through_a_total_published_in_another_table() -> None:
    c = Coordinates(BLOCKS)
    span = Span()
    span.add(cell(c, ["a1", "a2"], ["x"]), "ORP a, x")  # a table by ORP
    span.add(cell(c, ["a1"], ["x"]), "a1 x")  # a table by municipality
    assert set(span.computation(cell(c, ["a2"], ["x"])) or []) == {"ORP a, x", "a1 x"}


def test_the_whole_dimension_a_block_and_a_value_take_one_coordinate_each() -> None:
    c = Coordinates(BLOCKS)
    assert len(cell(c)) == 1
    assert len(cell(c, ["b1"])) == 1
    assert len(cell(c, ["a2"], ["y"])) == 1
    assert len(cell(c, ["a1", "a2", "b1"])) == 1  # the whole dimension, named value by value
