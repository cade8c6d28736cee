"""/stats tells an admin the catalogue's last imports (register and spreadsheet), over real HTTP;
anyone else still gets the unknown-command answer."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po
from sqlalchemy import create_engine, delete, select
from sqlalchemy.orm import Session

from bot.catalog.models import ImportRun
from bot.catalog.repository import REGISTER_IMPORT, SPREADSHEET_IMPORT, local_day
from bot.i18n import LANGUAGES
from bot.telegram.admin import LastImport, catalogue_lines
from bot.telegram.texts import Texts, po_path
from tests.test_telegram_admin import UNKNOWN, VISITOR
from tests.test_telegram_fixtures import (  # noqa: F401 - fixtures
    ADMIN,
    catalogue_template,
    db_url,
    exchange,
    start_bot,
)

IDS = ("admin.stats.register", "admin.stats.spreadsheet", "admin.stats.no_import")
NONE_LINE = "Katalog: zatím není zaznamenán žádný import registru ani tabulky."


def record_runs(url: str, *runs: tuple[str, dt.datetime, int, int, int, int]) -> None:
    engine = create_engine(url)
    with Session(engine) as session:
        for kind, finished, added, updated, deactivated, rejected in runs:
            session.add(
                ImportRun(
                    kind=kind,
                    source="zkouška",
                    started_at=finished - dt.timedelta(minutes=2),
                    finished_at=finished,
                    added=added,
                    updated=updated,
                    unchanged=100,
                    deactivated=deactivated,
                    rejected=rejected,
                )
            )
        session.commit()
    engine.dispose()


def forget_runs(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(delete(ImportRun))
    engine.dispose()


def czech_day(moment: dt.datetime) -> str:
    return format_date(local_day(moment), "medium", locale="cs")


async def test_stats_tells_the_last_import_of_the_register_and_of_the_spreadsheet(db_url: str) -> None:  # noqa: F811
    now = dt.datetime.now(dt.UTC)
    register, sheet = now - dt.timedelta(minutes=30), now - dt.timedelta(days=3)
    forget_runs(db_url)
    record_runs(
        db_url,
        (REGISTER_IMPORT, now - dt.timedelta(days=1), 90, 90, 90, 90),  # an older run of the register
        (REGISTER_IMPORT, register, 3, 12, 2, 1),
        (SPREADSHEET_IMPORT, sheet, 4, 0, 1, 0),
        ("obce", now, 80, 80, 80, 80),  # municipalities: not a service import
    )
    async with start_bot(db_url) as running:
        api = running.api
        [stats] = await exchange(api, ADMIN, lambda: api.say(ADMIN, "/stats"))
        [other] = await exchange(api, VISITOR, lambda: api.say(VISITOR, "/stats"))
    lines = stats["text"].split("\n")
    assert lines[0] == "<b>Statistiky</b>"
    assert lines[-2:] == [
        f"Registr, poslední import {czech_day(register)}: služby nové 3, změněné 12, ukončené 2, odložené 1",
        f"Tabulka katalogu, poslední import {czech_day(sheet)}: služby nové 4, změněné 0, ukončené 1, odložené 0",
    ]
    assert other["text"] == UNKNOWN
    assert "Registr" not in other["text"]


async def test_stats_says_when_no_import_has_been_recorded(db_url: str) -> None:  # noqa: F811
    forget_runs(db_url)
    async with start_bot(db_url) as running:
        api = running.api
        [stats] = await exchange(api, ADMIN, lambda: api.say(ADMIN, "/stats"))
        [other] = await exchange(api, VISITOR, lambda: api.say(VISITOR, "/stats"))
    assert stats["text"].split("\n")[-1] == NONE_LINE
    assert "Služeb v katalogu:" in stats["text"]
    assert other["text"] == UNKNOWN


async def test_stats_reads_the_runs_the_bundled_importers_recorded(db_url: str) -> None:  # noqa: F811
    """The bundled catalogue was loaded by import rpss and import catalog: both are named."""
    engine = create_engine(db_url)
    with Session(engine) as session:
        runs = {r.kind: r for r in session.scalars(select(ImportRun).order_by(ImportRun.finished_at))}
    engine.dispose()
    register, sheet = runs[REGISTER_IMPORT], runs[SPREADSHEET_IMPORT]
    async with start_bot(db_url) as running:
        api = running.api
        [stats] = await exchange(api, ADMIN, lambda: api.say(ADMIN, "/stats"))
    assert f"Registr, poslední import {czech_day(register.finished_at)}: služby nové {register.added}," in stats["text"]
    assert (
        f"Tabulka katalogu, poslední import {czech_day(sheet.finished_at)}: služby nové {sheet.added}," in stats["text"]
    )


@pytest.mark.parametrize(
    ("language", "register", "none"),
    [
        ("cs", "Registr, poslední import {day}: služby nové 5, změněné 6, ukončené 7, odložené 8", NONE_LINE),
        (
            "uk",
            "Реєстр, останній імпорт {day}: послуги нові 5, змінені 6, припинені 7, відкладені 8",
            "Каталог: жодного імпорту реєстру чи таблиці ще не записано.",
        ),
        (
            "en",
            "Register, last import {day}: services new 5, changed 6, ended 7, set aside 8",
            "Catalogue: no import of the register or of a spreadsheet has been recorded yet.",
        ),
    ],
)
def test_the_catalogue_line_in_each_language(language: str, register: str, none: str) -> None:
    t = Texts(language)
    run = LastImport(dt.date(2026, 11, 3), 5, 6, 7, 8)
    register = register.format(day=format_date(run.day, "medium", locale=language))  # "3. 11. 2026", "Nov 3, 2026"
    assert str(catalogue_lines(t, {REGISTER_IMPORT: run})) == register
    assert str(catalogue_lines(t, {})) == none
    both = str(catalogue_lines(t, {SPREADSHEET_IMPORT: run, REGISTER_IMPORT: run})).split("\n")
    assert both[0] == register and len(both) == 2 and "{" not in both[1]


def test_the_admin_messages_exist_in_every_language_with_the_same_placeholders() -> None:
    def placeholders(language: str) -> dict[str, set[str]]:
        with po_path(language).open("rb") as f:
            catalogue = read_po(f, locale=language)
        found = {}
        for msgid in IDS:
            text = str(catalogue[msgid].string)
            assert text.strip(), (language, msgid)
            found[msgid] = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        return found

    czech = placeholders("cs")
    assert czech["admin.stats.register"] == {"day", "added", "updated", "deactivated", "rejected"}
    for language in LANGUAGES:
        assert placeholders(language) == czech, language
