"""Counting by any combination of dimensions, on SQLite and PostgreSQL, and what is published."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bot.catalog.models import Capacity, CodelistTerm, Place, Service, ServiceArea
from bot.stats.aggregate import count_events, period_label, scope_for
from bot.stats.events import feedback_record, load_sensitive_needs
from bot.stats.export import build_export
from bot.stats.models import DemandEvent, DemandTerm, FeedbackEvent
from bot.stats.recorder import EventWriter
from bot.stats.retention import purge
from bot.stats.simulate import RealEventsPresent, simulate
from tests.test_stats_support import (
    BEZUCHOV,
    KOJETIN,
    LIPNIK,
    NASILI,
    OBEDY,
    PECOVATELSKA,
    PREROV,
    TROUBKY,
    add_towns,
    record,
    store,
)

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def counts(engine, by, *, period=None, start=YEAR[0], end=YEAR[1]) -> dict[tuple, int]:
    with engine.connect() as conn:
        found = count_events(conn, scope_for(start, end, by, period), by, period=period)
    return {tuple(k.label for k in key): n for key, n in found.items()}


def test_events_are_counted_by_any_combination_of_dimensions(engine, session) -> None:
    add_towns(session)
    store(engine, [record(town=PREROV, outcome="found", channel="telegram")], copies=3)
    store(engine, [record(town=TROUBKY, outcome="not_in_place", channel="inline", language="uk")], copies=2)
    store(engine, [record(town=None, orp=None, need=None, family=None, outcome="not_understood")])
    assert counts(engine, ["municipality", "outcome"]) == {
        ("Přerov", "nalezeno"): 3,
        ("Troubky", "v místě nepůsobí"): 2,
        ("(obec neuvedena)", "nerozpoznáno"): 1,
    }
    assert counts(engine, ["orp", "need", "channel", "language"]) == {
        ("Přerov", "pečovatelská služba", "Telegram", "čeština"): 3,
        ("Přerov", "pečovatelská služba", "Telegram (inline)", "ukrajinština"): 2,
        ("(ORP neuvedeno)", "(potřeba nerozpoznána)", "Telegram", "čeština"): 1,
    }
    assert counts(engine, ["family"]) == {("senioři",): 5, ("(skupina neuvedena)",): 1}
    assert counts(engine, []) == {(): 6}


def test_periods_are_weeks_from_monday_months_quarters_and_years(engine, session) -> None:
    days = [dt.date(2025, 3, 30), dt.date(2025, 3, 31), dt.date(2025, 4, 6), dt.date(2025, 12, 31)]
    store(engine, [record(day) for day in days])
    assert counts(engine, ["period"], period="week") == {("2025-W13",): 1, ("2025-W14",): 2, ("2026-W01",): 1}
    assert counts(engine, ["period"], period="month") == {("2025-03",): 2, ("2025-04",): 1, ("2025-12",): 1}
    assert counts(engine, ["period"], period="quarter") == {("2025 Q1",): 2, ("2025 Q2",): 1, ("2025 Q4",): 1}
    assert counts(engine, ["period"], period="year") == {("2025",): 4}
    assert counts(engine, ["period"], period="month", start=dt.date(2025, 3, 31), end=dt.date(2025, 4, 30)) == {
        ("2025-03",): 1,
        ("2025-04",): 1,
    }
    assert period_label(dt.date(2024, 12, 30), "week") == "2025-W01"


def test_sensitive_needs_are_left_out_of_tables_by_municipality_or_month(engine, session) -> None:
    add_towns(session)
    store(engine, [record(need=NASILI, label="Domácí násilí", family="krize")], copies=6)
    store(engine, [record()], copies=6)
    assert counts(engine, ["municipality"]) == {("Přerov",): 6}
    assert counts(engine, ["period"], period="month") == {("2025-03",): 6}
    assert counts(engine, ["orp"]) == {("Přerov",): 12}
    assert counts(engine, ["orp", "need"]) == {("Přerov", "Domácí násilí"): 6, ("Přerov", "pečovatelská služba"): 6}
    assert counts(engine, ["period"], period="quarter") == {("2025 Q1",): 12}


def test_sensitive_needs_count_only_within_whole_quarters(engine, session) -> None:
    store(engine, [record(dt.date(2025, 2, 10), need=NASILI, label="Domácí násilí")], copies=6)
    store(engine, [record(dt.date(2025, 4, 10), need=NASILI, label="Domácí násilí")], copies=6)
    store(engine, [record(dt.date(2025, 4, 10))], copies=6)
    # 15. 1. – 30. 6.: only the second quarter is whole
    assert counts(engine, ["orp"], start=dt.date(2025, 1, 15), end=dt.date(2025, 6, 30)) == {("Přerov",): 12}
    # 15. 1. – 15. 6.: no whole quarter, no sensitive need anywhere
    assert counts(engine, ["need"], start=dt.date(2025, 1, 15), end=dt.date(2025, 6, 15)) == {
        ("pečovatelská služba",): 6
    }
    assert ("druh", "DruhSocialniSluzby/34") in load_sensitive_needs()


def test_export_hides_small_cells_and_says_so(engine, session) -> None:
    add_towns(session)
    store(engine, [record(town=PREROV)], copies=20)
    store(engine, [record(town=KOJETIN)], copies=2)
    store(engine, [record(town=TROUBKY, outcome="not_in_place")], copies=7)
    export = build_export(engine, *YEAR, k=5)
    obce = export.table("obce")
    assert obce.header[:4] == ["ORP", "Kód obce", "Obec", "nalezeno"]
    rows = {row[2]: row for row in obce.rows}
    assert rows["Kojetín"][3] == "<5"
    assert rows["Přerov"][3] == "<5", "the partner of Kojetín in its column"
    assert obce.rows[-1][0] == "Celkem" and obce.rows[-1][-1] == 29
    assert obce.suppressed == {"primary": 2, "complementary": 2}
    overview = {row[0]: row for row in export.table("potlaceni").rows}
    assert overview["obce"][3:5] == [2, 2]
    summary = {row[0]: row[1] for row in export.table("souhrn").rows}
    assert summary["Počet hledání"] == 29
    assert summary["Nejmenší zveřejněný počet (k)"] == 5
    assert "skutečná" in str(summary["Data"])


def test_a_count_hidden_in_one_table_is_hidden_in_every_table_that_shows_it(engine, session) -> None:
    add_towns(session)
    store(engine, [record(town=PREROV)], copies=20)
    store(engine, [record(town=KOJETIN)], copies=2)
    store(engine, [record(town=TROUBKY, outcome="not_in_place")], copies=7)
    export = build_export(engine, *YEAR, k=5)
    by_need = {(row[2], row[3]): row for row in export.table("obce-potreby").rows}
    by_place = {row[2]: row for row in export.table("obce").rows}
    assert by_need[("Přerov", "pečovatelská služba")][4] == by_place["Přerov"][3] == "<5"


def test_demand_is_shown_per_thousand_inhabitants_beside_services_and_capacity(engine, session) -> None:
    add_towns(session)
    session.add(CodelistTerm(id=PECOVATELSKA.key, codelist="druh", code="4", name="pečovatelská služba"))
    session.add(CodelistTerm(id="FormaSocialniSluzby/ter", codelist="forma", code="ter", name="terénní"))
    session.flush()
    home = Service(name="Pečovatelská služba Přerov", druh_id=PECOVATELSKA.key)
    home.places.append(Place(municipality_code=PREROV, municipality_name="Přerov"))
    home.area.append(ServiceArea(municipality_code=TROUBKY))
    home.capacities.append(Capacity(form_id="FormaSocialniSluzby/ter", count=120))
    elsewhere = Service(name="Pečovatelská služba Lipník", druh_id=PECOVATELSKA.key)
    elsewhere.places.append(Place(municipality_code=LIPNIK, municipality_name="Lipník nad Bečvou"))
    session.add_all([home, elsewhere])
    session.commit()
    store(engine, [record(town=PREROV)], copies=41)
    store(engine, [record(town=TROUBKY, outcome="not_in_place")], copies=10)
    store(engine, [record(town=KOJETIN, outcome="no_service")], copies=6)
    store(engine, [record(town=LIPNIK, orp="Lipník nad Bečvou", need=OBEDY, label="Dovoz obědů")], copies=5)
    export = build_export(engine, *YEAR, k=5)
    table = export.table("poptavka-nabidka-obce")
    assert table.header == [
        "ORP",
        "Kód obce",
        "Obec",
        "Obyvatel",
        "Potřeba",
        "Hledání",
        "Hledání na 1 000 obyvatel",
        "Nenalezeno",
        "Služeb v obci",
        "Kapacita služeb",
    ]
    rows = {(row[2], row[4]): row[3:] for row in table.rows}
    assert rows[("Přerov", "pečovatelská služba")] == [41000, "pečovatelská služba", 41, 1.0, 0, 1, 120]
    assert rows[("Troubky", "pečovatelská služba")] == [2000, "pečovatelská služba", 10, 5.0, 10, 1, 120]
    assert rows[("Kojetín", "pečovatelská služba")] == [6000, "pečovatelská služba", 6, 1.0, 6, 0, ""]
    orp = {(row[0], row[2]): row[1:] for row in export.table("poptavka-nabidka-orp").rows}
    assert orp[("Přerov", "pečovatelská služba")][5:] == [1, 120]
    assert orp[("Lipník nad Bečvou", "Dovoz obědů")][2:4] == [5, 0.62]
    assert orp[("Lipník nad Bečvou", "pečovatelská služba")][2:] == [0, 0.0, 0, 1, ""], "supply nobody asked for"


def test_a_word_is_reported_only_when_k_searches_used_it(engine, session) -> None:
    store(engine, [record(terms=[("pecovatelk", True), ("zahradka", False)])], copies=5)
    store(engine, [record(terms=[("odvoz", False)])], copies=4)
    table = build_export(engine, *YEAR, k=5).table("slova")
    assert table.rows == [["pecovatelk", "ano", 5], ["zahradka", "ne", 5]]
    assert "1 dalších slov se neuvádí" in table.notes[0]


def test_an_export_of_an_empty_database_is_honestly_empty(engine, session) -> None:
    export = build_export(engine, *YEAR, k=5)
    assert export.is_empty
    for table in export.tables[2:]:
        assert all(row[0] == "Celkem" for row in table.rows), table.name
    assert any("žádná hledání" in str(row[1]) for row in export.table("souhrn").rows)


def test_purge_deletes_events_before_a_day_with_their_terms(engine, session) -> None:
    store(engine, [record(dt.date(2024, 12, 31), terms=[("odvoz", False)])], copies=3)
    store(engine, [record(dt.date(2025, 1, 1), terms=[("odvoz", False)])], copies=2)
    EventWriter(engine).write(feedback=[feedback_record(1, "phone", day=dt.date(2024, 6, 1))])
    assert purge(engine, before=dt.date(2025, 1, 1), dry_run=True).demand == 3
    purged = purge(engine, before=dt.date(2025, 1, 1))
    assert (purged.demand, purged.feedback) == (3, 1)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(DemandEvent.__table__)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(DemandTerm.__table__)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(FeedbackEvent.__table__)).scalar_one() == 0


def test_simulated_demand_is_flagged_and_never_mixed_with_real_demand(engine, session) -> None:
    add_towns(session)
    summary = simulate(engine, 3000, start=YEAR[0], end=YEAR[1], seed=3)
    assert summary.demand == 3000
    with engine.connect() as conn:
        flags = conn.execute(select(DemandEvent.synthetic, func.count()).group_by(DemandEvent.synthetic)).all()
    assert flags == [(True, 3000)]
    export = build_export(engine, *YEAR, k=5)
    assert export.synthetic
    assert "SYNTETICKÁ" in str({r[0]: r[1] for r in export.table("souhrn").rows}["Data"])
    simulate(engine, 10, start=YEAR[0], end=YEAR[1], seed=4)  # more synthetic data is fine
    purge(engine, synthetic=True)
    store(engine, [record()])
    with pytest.raises(RealEventsPresent):
        simulate(engine, 10)


def test_simulated_demand_has_seasons_villages_of_seniors_and_weekend_crises(engine, session) -> None:
    add_towns(session)
    simulate(engine, 20000, start=YEAR[0], end=YEAR[1], seed=5)
    with engine.connect() as conn:
        rows = conn.execute(
            select(DemandEvent.day, DemandEvent.municipality_code, DemandEvent.family).where(
                DemandEvent.family.is_not(None)
            )
        ).all()

    def share(selected, family):
        chosen = [r for r in selected if r.family == family]
        return len(chosen) / max(len(selected), 1)

    villages = [r for r in rows if r.municipality_code == BEZUCHOV]
    towns = [r for r in rows if r.municipality_code == PREROV]
    assert share(villages, "seniori") > share(towns, "seniori") + 0.05
    weekend = [r for r in rows if r.day.weekday() >= 5]
    weekdays = [r for r in rows if r.day.weekday() < 5]
    assert share(weekend, "krize") > share(weekdays, "krize") + 0.05
    january = sum(1 for r in rows if r.day.month == 1)
    july = sum(1 for r in rows if r.day.month == 7)
    assert january > july * 1.2


def test_exports_of_overlapping_periods_differ_by_whole_months_only(engine, session) -> None:
    add_towns(session)
    store(engine, [record(dt.date(2025, 3, 30), town=KOJETIN)], copies=6)
    store(engine, [record(dt.date(2025, 3, 31), town=KOJETIN)], copies=6)
    to_31 = build_export(engine, dt.date(2025, 1, 1), dt.date(2025, 3, 31), k=5)
    to_30 = build_export(engine, dt.date(2025, 1, 1), dt.date(2025, 3, 30), k=5)
    assert (to_31.start, to_31.end, to_31.events) == (dt.date(2025, 1, 1), dt.date(2025, 3, 31), 12)
    assert (to_30.start, to_30.end, to_30.events) == (dt.date(2025, 1, 1), dt.date(2025, 2, 28), 0)
    summary = {row[0]: row[1] for row in to_30.table("souhrn").rows}
    assert "celá období" in str(summary["Požadované období"])


def test_a_period_still_running_is_not_published(engine, session) -> None:
    add_towns(session)
    today = dt.date(2025, 4, 15)
    store(engine, [record(dt.date(2025, 4, 2), town=KOJETIN)], copies=6)
    export = build_export(engine, dt.date(2025, 3, 1), dt.date(2025, 4, 30), k=5, today=today)
    assert (export.start, export.end, export.events) == (dt.date(2025, 3, 1), dt.date(2025, 3, 31), 0)
    with pytest.raises(ValueError, match="celý ukončený měsíc"):
        build_export(engine, dt.date(2025, 4, 1), dt.date(2025, 4, 30), k=5, today=today)
