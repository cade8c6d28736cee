"""No hidden count of an export can be computed from everything the export shows.

An independent audit (tests/stats_audit.py) reads every published number as a linear
equation over the full cross-classification and looks for hidden cells that the shown ones
determine, on simulated demand for several seeds, periods and k.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.stats.crosstabs import SENSITIVE_TABLES
from bot.stats.events import load_sensitive_needs
from bot.stats.export import build_export
from tests.stats_audit import CROSSTABS, audit_export, simulate_demand
from tests.test_stats_support import TOWNS, add_towns

CASES = [
    # seed, events, first day, last day, granularity, k
    (1, 1500, dt.date(2025, 1, 1), dt.date(2025, 6, 30), "month", 5),
    (2, 1500, dt.date(2025, 1, 1), dt.date(2025, 6, 30), "month", 3),
    (3, 2500, dt.date(2025, 1, 1), dt.date(2025, 12, 31), "quarter", 10),
    (4, 800, dt.date(2025, 2, 1), dt.date(2025, 5, 31), "month", 5),
    (5, 1200, dt.date(2025, 3, 3), dt.date(2025, 4, 27), "week", 4),
]
TODAY = dt.date(2026, 1, 1)


def sqlite_only_beyond_the_first_case(engine, case) -> None:
    """The audit's algebra is the same on every engine: PostgreSQL runs the first case only."""
    if engine.dialect.name != "sqlite" and case != CASES[0]:
        pytest.skip("PostgreSQL: the first case shows the engine's counts; the algebra runs on SQLite")


def simulated_export(engine, session, seed, events, start, end, period, k):
    add_towns(session)
    simulate_demand(engine, events, start, end, seed=seed, towns=[(c, o, p) for c, _, o, p in TOWNS])
    sensitive = load_sensitive_needs()
    export = build_export(engine, start, end, k=k, period=period, sensitive=sensitive, today=TODAY)
    return export, sensitive


@pytest.mark.parametrize(("seed", "events", "start", "end", "period", "k"), CASES)
def test_no_hidden_count_of_an_export_can_be_computed(engine, session, seed, events, start, end, period, k) -> None:
    sqlite_only_beyond_the_first_case(engine, (seed, events, start, end, period, k))
    export, sensitive = simulated_export(engine, session, seed, events, start, end, period, k)
    audit = audit_export(engine, export, sensitive)
    assert audit.hidden > 20 and audit.shown > 200  # the simulation makes small cells and large ones
    assert audit.findings == []


def test_the_audit_finds_a_cell_shown_where_it_should_be_hidden(engine, session) -> None:
    sqlite_only_beyond_the_first_case(engine, None)
    export, sensitive = simulated_export(engine, session, *CASES[0])
    before = audit_export(engine, export, sensitive)
    # show one hidden count of a row that hides exactly two and shows its total
    for cell in before.hidden_cells:
        if cell.table not in CROSSTABS or cell.row[0] == "Celkem":
            continue
        hidden = [j for j, v in enumerate(cell.row) if v == f"<{export.k}"]
        if len(hidden) == 2 and isinstance(cell.row[-1], int):
            column = export.table(cell.table).header.index(cell.column)
            cell.row[column] = cell.value
            break
    else:
        pytest.fail("no row hides exactly two counts")
    after = audit_export(engine, export, sensitive)
    assert after.findings  # the other hidden count of that row is now the total minus the rest


def test_sensitive_needs_are_never_counted_beside_other_needs(engine, session) -> None:
    export, _ = simulated_export(engine, session, *CASES[0])
    for name in CROSSTABS:
        notes = " ".join(export.table(name).notes)
        if name in SENSITIVE_TABLES:
            assert notes.startswith("Jen citlivé potřeby")
        else:
            assert "tabulka nezahrnuje" in notes
    # so the totals by outcome agree between a table by need and a table by month
    by_need = export.table("potreby").rows[-1]
    by_month = export.table("obdobi").rows[-1]
    assert by_need == by_month
    summary = {r[0]: r[1] for r in export.table("souhrn").rows}
    assert summary["Počet hledání citlivých potřeb"] == export.table(SENSITIVE_TABLES[0]).rows[-1][-1]
