"""Admin commands for ADMIN_USER_IDS: /stats (a few totals and the catalogue's last imports)
and /reload (the catalogue, live).

Anyone else gets exactly what the dialog answers to a command it does not know.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass

from babel.dates import format_date
from sqlalchemy import ColumnElement, Engine, FunctionFilter, func, select
from sqlalchemy.orm import Session, sessionmaker
from telegram import Update
from telegram.ext import ContextTypes

from bot.catalog.repository import REGISTER_IMPORT, SPREADSHEET_IMPORT, last_imports, local_day
from bot.i18n import Safe
from bot.stats.events import UNMET
from bot.stats.models import DemandEvent, FeedbackEvent
from bot.telegram.handlers import (
    converse,
    is_private,
    language_of,
    parse_command,
    runtime_of,
)
from bot.telegram.replies import send_text
from bot.telegram.texts import Texts

log = logging.getLogger(__name__)

ADMIN_COMMANDS = ("stats", "reload")


def demand_totals(engine: Engine, today: dt.date | None = None) -> dict[str, int]:
    """Real (not synthetic) searches today, in 7 and 30 days, unmet ones and feedback in 30 days."""
    today = today or dt.date.today()
    month_ago = today - dt.timedelta(days=29)
    e = DemandEvent.__table__.c
    f = FeedbackEvent.__table__.c
    real = e.synthetic.is_(False)

    def count(*conditions: ColumnElement[bool]) -> FunctionFilter[int]:
        return func.count().filter(*conditions)

    query = select(
        count(e.day == today),
        count(e.day >= today - dt.timedelta(days=6)),
        count(e.day >= month_ago),
        count(e.day >= month_ago, e.outcome.in_(UNMET)),
    ).where(real)
    with engine.connect() as conn:
        row = conn.execute(query).one()
        feedback = conn.scalar(select(func.count()).where(f.day >= month_ago, f.synthetic.is_(False)))
    return {"today": row[0], "week": row[1], "month": row[2], "unmet": row[3], "feedback": int(feedback or 0)}


# the line of /stats for the last run of each kind of service import, in this order
IMPORT_LINES = {REGISTER_IMPORT: "admin.stats.register", SPREADSHEET_IMPORT: "admin.stats.spreadsheet"}


@dataclass(frozen=True)
class LastImport:
    """What /stats tells of one import run: the day it finished and what it did to services."""

    day: dt.date
    added: int
    updated: int
    deactivated: int
    rejected: int


def last_catalogue_imports(sessions: sessionmaker[Session]) -> dict[str, LastImport]:
    """The newest run of the register's import and of the spreadsheet's, by kind (those recorded)."""
    with sessions() as session:
        return {
            kind: LastImport(local_day(run.finished_at), run.added, run.updated, run.deactivated, run.rejected)
            for kind, run in last_imports(session, tuple(IMPORT_LINES)).items()
        }


def catalogue_lines(t: Texts, imports: dict[str, LastImport]) -> Safe:
    """One line per kind of import recorded, or one line saying none has been."""
    if not imports:
        return t("admin.stats.no_import")
    lines = []
    for kind, msgid in IMPORT_LINES.items():
        run = imports.get(kind)
        if run is None:
            continue
        day = format_date(run.day, "medium", locale=t.language)
        lines.append(
            t(msgid, day=day, added=run.added, updated=run.updated, deactivated=run.deactivated, rejected=run.rejected)
        )
    return Safe("\n").join(lines)


async def on_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats and /reload for admins; for anyone else the dialog's unknown-command answer."""
    message = update.message
    if message is None or not message.text or not is_private(update):
        return
    command = parse_command(message.text)
    runtime = runtime_of(context)
    user = update.effective_user
    if not runtime.is_admin(user.id if user else None):
        await converse(update, context, command)
        return
    t = Texts(language_of(update, runtime))
    if command.name == "stats":
        totals = await asyncio.to_thread(demand_totals, runtime.engine)
        active = await asyncio.to_thread(runtime.store.active)
        imports = await asyncio.to_thread(last_catalogue_imports, runtime.sessions)
        text = t("admin.stats", active=active, services=runtime.snapshot.services, **totals)
        text = text + Safe("\n") + catalogue_lines(t, imports)
    else:
        try:
            services = await asyncio.to_thread(runtime.reload)
            text = t("admin.reload.done", services=services)
        except Exception:  # the old catalogue stays in use
            log.exception("reloading the catalogue failed")
            text = t("admin.reload.failed")
    await send_text(context.bot, message.chat_id, text)
