"""An exact check that no hidden count of a whole export can be computed from the shown ones.

Every published count sums the events of a set of combinations of the dimensions (period,
place, group, need, outcome, channel, language). As a linear equation it lives in the space
of the full cross-classification: every combination a reader can name, empty or not. A
hidden count can be computed exactly when its equation is a linear combination of the
equations of the shown counts — whatever the tables, however they are linked.

The cross-classification is far too large to write out, but each published set is a product
of one set of values per dimension (or the sum of two). In the basis {1, e_1, …, e_(n-1)} of
each dimension such a product has few non-zero coordinates — one for a single cell, one for
a total — so Gaussian elimination over sparse rows stays small. It runs modulo a large
prime: a count that can be computed over the rationals can be computed modulo the prime too,
so nothing computable is missed.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import product

PRIME = (1 << 61) - 1

# A set of combinations: the values each restricted dimension allows (others: all values).
Term = Mapping[str, frozenset]
Vector = dict[int, int]


class Coordinates:
    """Sparse coordinates of sets of combinations.

    The values of each dimension come in blocks (the municipalities of one ORP, the periods
    of one quarter, the sensitive needs and the others); the least-used block comes first,
    and in each block the least-used value. The basis of a dimension holds the indicator of
    the whole dimension, of every block but the first and of every value but the first of
    its block. So the whole dimension, a block and a single value each take one coordinate,
    and only the first ones take more.
    """

    def __init__(self, blocks: Mapping[str, Sequence[Sequence[Hashable]]]) -> None:
        self.dimensions = tuple(blocks)
        self.ids: dict[tuple, int] = {}
        self.block_of: dict[str, dict[Hashable, int]] = {}
        self.members: dict[str, list[frozenset]] = {}
        self.reference: dict[str, list[Hashable]] = {}
        for dimension, groups in blocks.items():
            self.block_of[dimension] = {v: b for b, group in enumerate(groups) for v in group}
            self.members[dimension] = [frozenset(group) for group in groups]
            self.reference[dimension] = [group[0] for group in groups]

    def _block(self, dimension: str, b: int, sign: int, found: dict[Hashable, int]) -> None:
        """Add sign × the indicator of block b."""
        if b:
            found[("block", b)] = found.get(("block", b), 0) + sign
            return
        found["all"] = found.get("all", 0) + sign
        for other in range(1, len(self.members[dimension])):
            found[("block", other)] = found.get(("block", other), 0) - sign

    def _along(self, dimension: str, allowed: frozenset | None) -> list[tuple[Hashable, int]]:
        """A set of values of one dimension in the dimension's basis."""
        if allowed is None:
            return [("all", 1)]
        members = self.members[dimension]
        block_of = self.block_of[dimension]
        touched = {block_of[v] for v in allowed}
        if len(touched) == len(members) and all(members[b] <= allowed for b in touched):
            return [("all", 1)]
        found: dict[Hashable, int] = {}
        for b in sorted(touched):
            inside = allowed & members[b]
            reference = self.reference[dimension][b]
            if reference not in inside:
                for v in inside:
                    found[("value", v)] = found.get(("value", v), 0) + 1
                continue
            self._block(dimension, b, 1, found)
            for v in members[b] - inside:
                found[("value", v)] = found.get(("value", v), 0) - 1
        return [(k, w) for k, w in found.items() if w]

    def of(self, terms: Iterable[Term]) -> Vector:
        """The coordinates of the sum of the sets `terms` (which must not overlap)."""
        vector: Vector = {}
        for term in terms:
            parts = [self._along(d, term.get(d)) for d in self.dimensions]
            for combination in product(*parts):
                key = self.ids.setdefault(tuple(i for i, _ in combination), len(self.ids))
                weight = 1
                for _, w in combination:
                    weight *= w
                vector[key] = (vector.get(key, 0) + weight) % PRIME
        return {k: v for k, v in vector.items() if v}


class Span:
    """The linear span of the shown counts, in reduced echelon form modulo PRIME.

    Each row remembers which shown counts it combines, so a computable count can name the
    shown counts its computation uses.
    """

    def __init__(self) -> None:
        # pivot → (row whose smallest key is the pivot, there 1; the shown counts it combines)
        self.rows: dict[int, tuple[Vector, dict[Hashable, int]]] = {}

    def _reduce(self, vector: Vector, origin: dict[Hashable, int]) -> tuple[Vector, dict[Hashable, int], int | None]:
        """The vector less every row whose pivot it holds, smallest key first; with the
        shown counts that took part and the leading key left (None when nothing is left)."""
        vector, origin = dict(vector), dict(origin)
        keys = list(vector)
        heapq.heapify(keys)
        while keys:
            pivot = heapq.heappop(keys)
            factor = vector.get(pivot)
            if factor is None:
                continue
            found = self.rows.get(pivot)
            if found is None:
                return vector, origin, pivot
            row, row_origin = found
            for key, value in row.items():
                before = vector.get(key)
                updated = ((before or 0) - factor * value) % PRIME
                if updated:
                    vector[key] = updated
                    if before is None:
                        heapq.heappush(keys, key)
                elif before is not None:
                    del vector[key]
            for name, value in row_origin.items():
                updated = (origin.get(name, 0) - factor * value) % PRIME
                if updated:
                    origin[name] = updated
                else:
                    origin.pop(name, None)
        return vector, origin, None

    def add(self, vector: Vector, name: Hashable) -> None:
        """Add the shown count `name`."""
        reduced, origin, pivot = self._reduce(vector, {name: 1})
        if pivot is not None:
            inverse = pow(reduced[pivot], PRIME - 2, PRIME)
            self.rows[pivot] = (
                {k: v * inverse % PRIME for k, v in reduced.items()},
                {k: v * inverse % PRIME for k, v in origin.items()},
            )

    def computation(self, vector: Vector) -> list[Hashable] | None:
        """The shown counts whose combination gives the count `vector`, or None when the
        shown counts do not determine it."""
        _, origin, pivot = self._reduce(vector, {})
        return None if pivot is not None else list(origin)
