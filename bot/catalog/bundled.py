"""The data shipped in catalog_data/, loaded into an empty database on first start."""

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
    """Load what an empty database lacks: municipalities, life situations, the sample catalogue.

    Each part is loaded only when its table is empty, so data imported by the coordinator
    is never overwritten. Returns the summaries of the imports that ran.
    """
    from bot.catalog.rpss import import_rpss
    from bot.catalog.spreadsheet import import_catalog

    done: list[ImportSummary] = []
    with sessions() as session:
        need_municipalities = _is_empty(session, Municipality)
        need_situations = _is_empty(session, LifeSituation)
        need_services = _is_empty(session, Service)
    if need_municipalities:
        for table in sorted((data / "obce").glob("*.csv")):
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
