"""The crosstabs of an export: which tables there are (`table_specs`), how counts become a
grid of rows and columns, what each cell means across tables, and what a table says about
the sensitive needs."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from bot.stats.aggregate import (
    DIMENSION_NAMES,
    PERIOD_NAMES,
    Key,
    Labels,
    Scope,
    make_key,
    period_label,
    periods_between,
)
from bot.stats.disclosure import (
    Cell,
    Grid,
)
from bot.stats.events import (
    OUTCOMES,
    SensitiveNeeds,
)


@dataclass(frozen=True)
class TableSpec:
    """One crosstab of the export: rows by `rows`, columns by `column`."""

    name: str
    title: str
    rows: tuple[str, ...]
    column: str
    period: str | None = None
    group_prefix: int = 0  # rows sharing these leading keys have totals published in another table
    sensitive: bool = False  # counts the sensitive needs alone (else it leaves them out)


def header_of(dimension: str) -> list[str]:
    """The Czech column headers of a dimension used in rows."""
    if dimension == "municipality":
        return ["Kód obce", "Obec"]
    return [DIMENSION_NAMES[dimension]]


def labels_of(key: Key) -> list[object]:
    """The row label cells of a key."""
    if key.dimension == "municipality":
        return [key.value if key.value is not None else "", key.label]
    return [key.label]


def column_keys(
    dimension: str, counts: dict[tuple[Key, ...], int], scope: Scope, period: str | None, labels: Labels
) -> list[Key]:
    """The columns of a crosstab: all outcomes, all periods of the range, else those seen."""
    if dimension == "outcome":
        return [make_key("outcome", o, labels, None) for o in OUTCOMES]
    if dimension == "period":
        return [
            make_key("period", p, labels, period) for p in periods_between(scope.start, scope.end, period or "month")
        ]
    seen = {key[-1] for key in counts}
    return sorted(seen, key=lambda k: k.order)


def build_grid(
    counts: dict[tuple[Key, ...], int], n_row_dims: int, columns: list[Key], group_prefix: int = 0
) -> tuple[Grid, list[tuple[Key, ...]]]:
    """A grid of counts whose keys are (row keys..., column key).

    With `group_prefix`, the first keys of a row are its major part and the rest its minor
    part (municipality × need): a three-way table whose sums by either part are published.
    """
    row_keys = sorted({key[:n_row_dims] for key in counts}, key=lambda ks: tuple(k.order for k in ks))
    index = {c: j for j, c in enumerate(columns)}
    values = [[0] * len(columns) for _ in row_keys]
    position = {ks: i for i, ks in enumerate(row_keys)}
    for key, n in counts.items():
        j = index.get(key[-1])
        if j is not None:
            values[position[key[:n_row_dims]]][j] += n
    row_labels = [tuple(cell for k in ks for cell in labels_of(k)) for ks in row_keys]
    axes: list[tuple[Hashable, Hashable]] | None = (
        [(ks[:group_prefix], ks[group_prefix:]) for ks in row_keys] if group_prefix else None
    )
    return Grid(row_labels, [c.label for c in columns], values, axes), row_keys


def _meaning(keys: Sequence[Key]) -> frozenset[tuple[object, ...]]:
    return frozenset(
        (k.dimension, k.value, k.label) if k.dimension == "period" else (k.dimension, k.value) for k in keys
    )


@dataclass
class Counted:
    """A counted crosstab before protection, with what each of its cells means."""

    spec: TableSpec
    scope: Scope
    grid: Grid
    row_keys: list[tuple[Key, ...]]
    columns: list[Key]

    def meaning(self, cell: Cell) -> tuple[str, frozenset[tuple[object, ...]]]:
        """What a cell counts, the same in every table that shows it: its filters and scope.

        The sensitive needs are counted in tables of their own, never beside the others, so a
        cell means the same wherever it is shown within each of the two groups of tables.
        """
        kind, a, b = cell
        keys: list[Key]
        if kind == "c":
            assert isinstance(a, int) and isinstance(b, int)  # a row and a column
            keys = [*self.row_keys[a], self.columns[b]]
        elif kind == "r":
            assert isinstance(a, int)  # a row
            keys = list(self.row_keys[a])
        elif kind == "k":
            assert isinstance(a, int)  # a column
            keys = [self.columns[a]]
        elif kind in ("m", "n"):
            assert isinstance(a, tuple) and isinstance(b, int)  # the keys of a part of the rows, a column
            keys = [*a, self.columns[b]]
        elif kind in ("M", "N"):
            assert isinstance(a, tuple)  # the keys of a part of the rows
            keys = list(a)
        else:
            keys = []
        dims = _meaning(keys)
        return ("sensitive" if self.scope.only_sensitive else "plain"), dims


def sensitive_note(scope: Scope, sensitive: SensitiveNeeds) -> str:
    """What a table says about the sensitive needs."""
    if not sensitive.keys:
        return ""
    quarters = scope.whole_quarters
    if scope.only_sensitive:
        if quarters is None:
            return "Období neobsahuje žádné celé čtvrtletí, citlivé potřeby se proto neuvádějí."
        return (
            "Jen citlivé potřeby (" + ", ".join(sensitive.labels) + "), jen za celá čtvrtletí "
            f"{period_label(quarters[0], 'quarter')} – {period_label(quarters[1], 'quarter')}; "
            "ostatní tabulky je nezahrnují."
        )
    if scope.exclude_sensitive:
        return (
            "Citlivé potřeby (" + ", ".join(sensitive.labels) + ") tabulka nezahrnuje; "
            "uvádějí se jen v tabulkách " + ", ".join(SENSITIVE_TABLES) + " (po ORP, za celá čtvrtletí)."
        )
    if quarters is None:
        return "Citlivé potřeby tabulka nezahrnuje: období neobsahuje žádné celé čtvrtletí."
    return (
        "Citlivé potřeby jsou zahrnuty jen za celá čtvrtletí "
        f"{period_label(quarters[0], 'quarter')} – {period_label(quarters[1], 'quarter')}."
    )


SENSITIVE_TABLES = ("citlive-orp", "citlive-orp-ctvrtleti")


def table_specs(period: str) -> list[TableSpec]:
    """The crosstabs of an export, in order."""
    name = PERIOD_NAMES[period]
    return [
        TableSpec("obdobi", f"Hledání podle období ({name}) a výsledku", ("period",), "outcome", period),
        TableSpec("orp", "Hledání podle ORP a výsledku", ("orp",), "outcome"),
        TableSpec("orp-ctvrtleti", "Hledání podle ORP a čtvrtletí", ("orp",), "period", "quarter"),
        TableSpec("obce", "Hledání podle obcí a výsledku", ("orp", "municipality"), "outcome", group_prefix=1),
        TableSpec("skupiny", "Hledání podle skupin a výsledku", ("family",), "outcome"),
        TableSpec("skupiny-obdobi", f"Hledání podle skupin a období ({name})", ("family",), "period", period),
        TableSpec("potreby", "Hledání podle potřeb a výsledku", ("need",), "outcome"),
        TableSpec("potreby-obdobi", f"Hledání podle potřeb a období ({name})", ("need",), "period", period),
        TableSpec(
            "obce-potreby",
            "Hledání podle obcí, potřeb a výsledku",
            ("orp", "municipality", "need"),
            "outcome",
            group_prefix=2,
        ),
        TableSpec("orp-potreby", "Hledání podle ORP, potřeb a výsledku", ("orp", "need"), "outcome", group_prefix=1),
        TableSpec(
            "orp-potreby-ctvrtleti",
            "Hledání podle ORP, potřeb a čtvrtletí",
            ("orp", "need"),
            "period",
            "quarter",
            group_prefix=1,
        ),
        TableSpec("kanaly-jazyky", "Hledání podle kanálu a jazyka", ("channel",), "language"),
        TableSpec(
            SENSITIVE_TABLES[0],
            "Citlivé potřeby podle ORP a výsledku",
            ("orp", "need"),
            "outcome",
            group_prefix=1,
            sensitive=True,
        ),
        TableSpec(
            SENSITIVE_TABLES[1],
            "Citlivé potřeby podle ORP a čtvrtletí",
            ("orp", "need"),
            "period",
            "quarter",
            group_prefix=1,
            sensitive=True,
        ),
    ]
