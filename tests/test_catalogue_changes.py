"""The catalogue's changes for the planners: per month what the imports did to services, and the
services that ended, in the export and the report; catalogue facts, outside the suppression."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy.orm import Session

from bot.catalog import spreadsheet
from bot.catalog.models import ImportRun, Provider, Service
from bot.catalog.repository import REGISTER_IMPORT, SPREADSHEET_IMPORT, local_day
from bot.stats.catalogue import CHANGES_HEADER, CHANGES_TABLE, ENDED_TABLE, NO_ENDED, NO_IMPORTS
from bot.stats.export import build_export
from bot.stats.files import write_csv, write_xlsx
from bot.stats.report import HEADINGS, build_report
from tests.test_stats_report import parse
from tests.test_stats_support import KOJETIN, PREROV, TROUBKY, add_towns, record, store

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
TODAY = dt.date(2026, 2, 1)  # the year 2025 is over
HOSTILE = '=HYPERLINK("http://x")<b>Domov & spol.'


def at(day: dt.date) -> dt.datetime:
    """Noon UTC of `day`: the same local day in any time zone of Europe."""
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


def run(session: Session, kind: str, day: dt.date, added: int, updated: int, deactivated: int, **more: int) -> None:
    moment = at(day)
    session.add(
        ImportRun(
            kind=kind,
            source=f"zkouška {kind}",
            started_at=moment - dt.timedelta(minutes=3),
            finished_at=moment,
            added=added,
            updated=updated,
            unchanged=more.get("unchanged", 0),
            deactivated=deactivated,
            rejected=more.get("rejected", 0),
        )
    )


def import_runs(session: Session) -> None:
    run(session, REGISTER_IMPORT, dt.date(2025, 1, 10), 3, 5, 1)
    run(session, REGISTER_IMPORT, dt.date(2025, 1, 31), 1, 2, 0)
    run(session, SPREADSHEET_IMPORT, dt.date(2025, 3, 5), 2, 0, 1)
    run(session, REGISTER_IMPORT, dt.date(2024, 12, 31), 50, 50, 50)  # before the period
    run(session, SPREADSHEET_IMPORT, dt.date(2026, 1, 1), 40, 40, 40)  # after it
    run(session, "obce", dt.date(2025, 2, 2), 30, 30, 30)  # municipalities: no services
    session.commit()


def services(session: Session) -> None:
    provider = Provider(name="Charita <Přerov> & spol.", ico="12345678")
    session.add_all(
        [
            Service(name=HOSTILE, provider=provider, active=False, deactivated_on=dt.date(2025, 4, 2)),
            Service(name="Azylový dům", active=False, deactivated_on=dt.date(2025, 2, 1)),  # no provider
            Service(name="Starý klub", provider=provider, active=False, deactivated_on=dt.date(2024, 12, 31)),
            Service(name="Znovu otevřená", provider=provider, active=True, deactivated_on=dt.date(2025, 6, 1)),
            Service(name="Pečovatelská služba", provider=provider, active=True),
        ]
    )
    session.commit()


def test_the_export_sums_the_runs_of_each_month_and_source_in_the_period(engine, session) -> None:
    import_runs(session)
    table = build_export(engine, *YEAR, k=5, today=TODAY).table(CHANGES_TABLE)
    assert table.header == CHANGES_HEADER
    records = {(r["Měsíc"], r["Zdroj"]): r for r in table.records()}
    assert len(records) == 12 * 2, "every month of the period, for each source with a run in it"
    counted = ("Importů", "Nové služby", "Změněné služby", "Ukončené služby")
    assert [records[("2025-01", "registr MPSV")][c] for c in counted] == [2, 4, 7, 1]
    assert [records[("2025-03", "tabulka koordinátora")][c] for c in counted] == [1, 2, 0, 1]
    assert [records[("2025-01", "tabulka koordinátora")][c] for c in counted] == [0, 0, 0, 0]
    assert [records[("2025-12", "registr MPSV")][c] for c in counted] == [0, 0, 0, 0]
    assert table.rows[-1] == ["Celkem", "", 3, 6, 7, 2], "runs before, after and of other kinds are left out"
    assert table.suppressed == {"primary": 0, "complementary": 0}, "counts of services, never hidden"


def test_a_shorter_period_holds_only_its_own_months(engine, session) -> None:
    import_runs(session)
    table = build_export(engine, dt.date(2025, 2, 1), dt.date(2025, 3, 31), k=5, today=TODAY).table(CHANGES_TABLE)
    assert [r[:2] for r in table.rows[:-1]] == [
        ["2025-02", "tabulka koordinátora"],
        ["2025-03", "tabulka koordinátora"],
    ]
    assert table.rows[-1] == ["Celkem", "", 1, 2, 0, 1]


def test_the_catalogue_tables_leave_the_demand_tables_and_their_suppression_alone(engine, session) -> None:
    add_towns(session)
    for town, copies in ((PREROV, 30), (TROUBKY, 7), (KOJETIN, 3)):
        store(engine, [record(dt.date(2025, 3, 3), town=town)], copies=copies)
    before = build_export(engine, *YEAR, k=5, today=TODAY)
    import_runs(session)
    services(session)
    after = build_export(engine, *YEAR, k=5, today=TODAY)
    assert [t.name for t in after.tables] == [t.name for t in before.tables]
    assert before.table(CHANGES_TABLE).rows == [] and after.table(CHANGES_TABLE).rows
    for old in before.tables:
        if old.name in ("souhrn", "potlaceni", CHANGES_TABLE, ENDED_TABLE):
            continue
        new = after.table(old.name)
        assert (new.rows, new.suppressed) == (old.rows, old.suppressed), old.name
    assert after.events == before.events == 40
    assert "<5" in str(after.table("obce").rows), "the demand tables still hide small counts"
    assert after.table(CHANGES_TABLE).rows[-1][-1] == 2 and after.table(ENDED_TABLE).rows, "small, and shown"
    overview = {row[0]: row for row in after.table("potlaceni").rows}
    assert overview[CHANGES_TABLE][3:5] == [0, 0] and overview[ENDED_TABLE][3:5] == [0, 0]
    summary = {row[0]: row[1] for row in after.table("souhrn").rows}
    assert summary["Počet hledání"] == 40
    assert CHANGES_TABLE in str(summary["Změny katalogu"])


def test_the_ended_services_of_the_period_are_listed_with_their_provider(engine, session) -> None:
    services(session)
    table = build_export(engine, *YEAR, k=5, today=TODAY).table(ENDED_TABLE)
    assert table.rows == [
        ["Azylový dům", "", dt.date(2025, 2, 1)],
        [HOSTILE, "Charita <Přerov> & spol.", dt.date(2025, 4, 2)],
    ]


def test_the_report_shows_the_changes_and_the_ended_services_escaped(engine, session, tmp_path: Path) -> None:
    import_runs(session)
    services(session)
    export = build_export(engine, *YEAR, k=5, today=TODAY)
    html = build_report(export).html
    parse(html)
    assert HEADINGS["katalog"] == "Změny v katalogu"
    assert "<h2>Změny v katalogu</h2>" in html and 'href="#katalog"' in html
    section = html[html.index('<section id="katalog">') : html.index('<section id="skryte">')]
    assert section.count("<table>") == 2
    assert "<td>2025-01</td><td>registr MPSV</td>" in section
    assert '<td class="w">=HYPERLINK(&#34;http://x&#34;)&lt;b&gt;Domov &amp; spol.</td>' in section
    assert "Charita &lt;Přerov&gt; &amp; spol." in section
    assert "<td>2. 4. 2025</td>" in section, "the day ended, in Czech"
    assert HOSTILE not in html and "<b>Domov" not in html
    assert NO_IMPORTS not in section and NO_ENDED not in section

    csv_files = {p.stem: p for p in write_csv(export, tmp_path / "csv")}
    with csv_files[ENDED_TABLE].open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == ["Služba", "Poskytovatel", "Ukončeno"]
    assert rows[2] == ["'" + HOSTILE, "Charita <Přerov> & spol.", "2025-04-02"]
    with csv_files[CHANGES_TABLE].open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f, delimiter=";"))[-1] == ["Celkem", "", "3", "6", "7", "2"]

    sheet = load_workbook(write_xlsx(export, tmp_path / "xlsx"))[ENDED_TABLE]
    cell = sheet.cell(3, 1)
    assert cell.value == HOSTILE and cell.data_type == "s", "text, never a formula"
    ended = sheet.cell(3, 3).value
    assert isinstance(ended, dt.datetime) and ended.date() == dt.date(2025, 4, 2), "a date, not text"


def test_without_import_runs_the_report_says_so_in_one_sentence(engine, session) -> None:
    export = build_export(engine, *YEAR, k=5, today=TODAY)
    assert export.table(CHANGES_TABLE).rows == [] and NO_IMPORTS in export.table(CHANGES_TABLE).notes
    assert export.table(ENDED_TABLE).rows == [] and NO_ENDED in export.table(ENDED_TABLE).notes
    html = build_report(export).html
    parse(html)
    section = html[html.index('<section id="katalog">') : html.index('<section id="skryte">')]
    assert f"<p>{NO_IMPORTS}</p>" in section and f"<p>{NO_ENDED}</p>" in section
    assert "<table>" not in section


def test_the_kinds_are_those_the_importers_record() -> None:
    assert spreadsheet.KIND == SPREADSHEET_IMPORT
    assert REGISTER_IMPORT == "rpss"  # what import_rpss records (tests/test_import_rpss.py), sync rpss too


def test_a_stored_moment_is_read_as_utc() -> None:
    moment = dt.datetime(2025, 3, 1, 12, 0)
    assert local_day(moment) == local_day(moment.replace(tzinfo=dt.UTC)) == dt.date(2025, 3, 1)
