"""The data shipped in catalog_data/, loaded into an entirely empty database on first start,
and what a database set up by hand still lacks before the bot can serve anyone."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import CATALOG_DATA
from bot.catalog.importing import ImportSummary
from bot.catalog.models import LifeSituation, Municipality, Service
from bot.catalog.municipalities import import_municipalities
from bot.catalog.situations import import_situations

log = logging.getLogger(__name__)

MUNICIPALITY_TABLES = CATALOG_DATA / "obce"
SITUATIONS = CATALOG_DATA / "zivotni-situace.csv"
SAMPLE_REGISTER = CATALOG_DATA / "sample-rpss"
SAMPLE_CATALOG = CATALOG_DATA / "katalog-ukazka.csv"


def _is_empty(session: Session, model: type) -> bool:
    return session.scalar(select(func.count()).select_from(model)) == 0


def load_bundled_data(sessions: sessionmaker[Session], data: Path = CATALOG_DATA) -> list[ImportSummary]:
    """Load the sample region into an entirely empty database: municipalities, life situations,
    the sample catalogue.

    A database that holds anything of a catalogue (a region's municipalities, services of a
    coordinator) gets nothing: sample services never sit beside real ones, and an import
    that cannot fit the data there is never attempted. Returns the summaries of the imports.
    """
    from bot.catalog.rpss import import_rpss
    from bot.catalog.spreadsheet import import_catalog

    done: list[ImportSummary] = []
    with sessions() as session:
        need_municipalities = _is_empty(session, Municipality)
        need_situations = _is_empty(session, LifeSituation)
        need_services = _is_empty(session, Service)
    if not (need_municipalities and need_situations and need_services):
        return done
    if need_municipalities:
        for table in sorted((data / "obce").glob("orp-*.csv")):  # the sample regions, not the national table
            done.append(import_municipalities(sessions, table))
    if need_situations and (data / SITUATIONS.name).exists():
        done.append(import_situations(sessions, data / SITUATIONS.name))
    if need_services and (data / SAMPLE_REGISTER.name / "rpss.json").exists():
        done.append(import_rpss(sessions, data / SAMPLE_REGISTER.name, regions=None, keep_all=False))
        if (data / SAMPLE_CATALOG.name).exists():
            done.append(import_catalog(sessions, data / SAMPLE_CATALOG.name))
    for summary in done:
        log.info("Načteno %s: %s", summary.source, summary.as_dict())
    return done


MISSING = {
    "municipalities": (
        "V databázi nejsou žádné obce; přidejte je příkazem: python -m admin_scripts import municipalities OBCE.csv"
    ),
    "services": (
        "V katalogu nejsou žádné služby; načtěte je příkazem: python -m admin_scripts import rpss SLOŽKA_REGISTRU "
        "(nebo import catalog TABULKA.xlsx)"
    ),
}


def missing_data(session: Session) -> list[str]:
    """What the bot needs and the database lacks, one Czech line each with the command that adds it."""
    missing = []
    if _is_empty(session, Municipality):
        missing.append(MISSING["municipalities"])
    if session.scalar(select(func.count()).select_from(Service).where(Service.active.is_(True))) == 0:
        missing.append(MISSING["services"])
    return missing
