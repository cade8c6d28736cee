"""The catalogue's changes in an export's period: what the imports did to services, per month,
and which services ended.

These tables count services of the public catalogue, not people: they are built from the
`import_run` records and the services' `deactivated_on`, never from demand events, so they
are not part of the small-count suppression (bot.stats.disclosure, bot.stats.linked) and no
demand total counts them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from bot.catalog.repository import (
    REGISTER_IMPORT,
    SERVICE_IMPORTS,
    SPREADSHEET_IMPORT,
    ended_services,
    import_runs_between,
    local_day,
)
from bot.stats.aggregate import period_label, period_of, periods_between
from bot.stats.disclosure import TOTAL, PublishedTable

CHANGES_TABLE = "zmeny-katalogu"
ENDED_TABLE = "ukoncene-sluzby"
CATALOGUE_TABLES = (CHANGES_TABLE, ENDED_TABLE)

SOURCE_NAMES = {REGISTER_IMPORT: "registr MPSV", SPREADSHEET_IMPORT: "tabulka koordinátora"}
CHANGES_HEADER = ["Měsíc", "Zdroj", "Importů", "Nové služby", "Změněné služby", "Ukončené služby"]
ENDED_HEADER = ["Služba", "Poskytovatel", "Ukončeno"]
NOT_DEMAND = "Počty služeb katalogu, ne lidí: malé počty se v ní neskrývají a do poptávky se nezapočítává."
NO_IMPORTS = "V období není zaznamenán žádný import registru ani tabulky koordinátora."
NO_ENDED = "V období nebyla ukončena žádná služba."


def catalogue_changes(conn: Connection, start: dt.date, end: dt.date, k: int) -> PublishedTable:
    """Per month of start..end and per source with a run in it: the runs and the services they
    added, changed and ended (sums of the runs that finished in the month), then the total."""
    with Session(bind=conn) as session:
        runs = [
            (period_of(local_day(run.finished_at), "month"), run.kind, (1, run.added, run.updated, run.deactivated))
            for run in import_runs_between(session, start, end, SERVICE_IMPORTS)
        ]
    sums: dict[tuple[dt.date, str], list[int]] = {}
    for month, kind, counts in runs:
        found = sums.setdefault((month, kind), [0] * len(counts))
        found[:] = [a + b for a, b in zip(found, counts, strict=True)]
    kinds = [kind for kind in SERVICE_IMPORTS if any(kind == seen for _, seen in sums)]
    rows: list[list[object]] = []
    total = [0, 0, 0, 0]
    for month in periods_between(start, end, "month"):
        for kind in kinds:
            in_month = sums.get((month, kind), [0, 0, 0, 0])
            rows.append([period_label(month, "month"), SOURCE_NAMES[kind], *in_month])
            total = [a + b for a, b in zip(total, in_month, strict=True)]
    if rows:
        rows.append([TOTAL, "", *total])
    notes = [
        (
            "Součet všech importů, které skončily v daném měsíci (jen dny období); nová, změněná a ukončená "
            "služba, jak je import započítal. Ukončená služba se nemaže, jen se označí datem ukončení."
        ),
        NOT_DEMAND,
    ]
    if not rows:
        notes.insert(0, NO_IMPORTS)
    return PublishedTable(CHANGES_TABLE, "Změny v katalogu služeb po měsících", CHANGES_HEADER, rows, k, notes=notes)


def ended_in_period(conn: Connection, start: dt.date, end: dt.date, k: int) -> PublishedTable:
    """The services ended within start..end that are not active again: name, provider, day."""
    with Session(bind=conn) as session:
        ended = ended_services(session, start, end)
    rows: list[list[object]] = [[name, provider, day] for name, provider, day in ended]
    notes = [
        (
            "Veřejné údaje katalogu: služby, které v období zmizely ze zdroje nebo se ukončily odebráním "
            "regionu, a od té doby nejsou znovu v provozu."
        ),
        NOT_DEMAND,
    ]
    if not rows:
        notes.insert(0, NO_ENDED)
    return PublishedTable(ENDED_TABLE, "Služby ukončené v období", ENDED_HEADER, rows, k, notes=notes)
