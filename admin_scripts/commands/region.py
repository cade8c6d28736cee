"""`region add ORP`, `region list` and `region remove ORP`."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy import func, select

from admin_scripts.app import region_app
from admin_scripts.common import DryRun, console, fail, open_database, run_import
from bot import CATALOG_DATA
from bot.catalog.models import LifeSituation, Municipality, Service
from bot.catalog.municipalities import import_municipality_rows
from bot.catalog.regions import UnknownRegion, import_service_codelists, municipalities_of, remove_region
from bot.catalog.situations import import_situations

SITUATIONS = CATALOG_DATA / "zivotni-situace.csv"


@region_app.command("add")
def region_add_command(
    orp: Annotated[str, typer.Argument(help="Název ORP (např. Kroměříž nebo „ORP Kroměříž“) nebo jeho kód.")],
    dry_run: DryRun = False,
) -> None:
    """Přidá region: všechny obce ORP (s počtem obyvatel a 6. pádem), číselníky služeb a životní situace.

    Služby se pak načtou příkazem import rpss nebo import catalog. Opakované spuštění nic
    nezdvojí; obce se nikdy nemažou. Krizové linky jsou celostátní a bot je má vždy.
    """
    try:
        rows = municipalities_of(orp)
    except UnknownRegion as error:
        fail(str(error))
    sessions = open_database()
    run_import(lambda: import_municipality_rows(sessions, rows, f"ORP {rows[0].orp}", dry_run=dry_run))
    with sessions() as session:
        has_situations = bool(session.scalar(select(func.count()).select_from(LifeSituation)))
    if not has_situations:
        run_import(lambda: import_situations(sessions, SITUATIONS, dry_run=dry_run))
    run_import(lambda: import_service_codelists(sessions, dry_run=dry_run))


@region_app.command("list")
def region_list_command() -> None:
    """Vypíše regiony (ORP) v databázi: počet obcí a aktivních služeb se sídlem v nich."""
    sessions = open_database()
    with sessions() as session:
        towns = dict(session.execute(select(Municipality.orp, func.count()).group_by(Municipality.orp)).tuples().all())
        services = session.scalar(select(func.count()).select_from(Service).where(Service.active.is_(True)))
    if not towns:
        console.print("V databázi není žádný region; přidejte ho příkazem: python -m admin_scripts region add ORP")
        return
    for orp, count in sorted(towns.items(), key=lambda item: str(item[0])):
        console.print(f"ORP {orp}: {count} obcí", highlight=False)
    console.print(f"Aktivních služeb v katalogu celkem: {services}", highlight=False)


@region_app.command("remove")
def region_remove_command(
    orp: Annotated[str, typer.Argument(help="Název ORP, jak ho vypíše region list.")],
    dry_run: DryRun = False,
) -> None:
    """Odebere region: obce ORP z databáze a ukončí služby, které už nepůsobí v žádné jiné obci.

    Služby se nemažou (zůstávají ukončené) a anonymní statistiky zůstávají. Region vrátí
    příkaz region add a nový import služeb.
    """
    sessions = open_database()
    try:
        run_import(lambda: remove_region(sessions, orp, dry_run=dry_run))
    except UnknownRegion as error:
        fail(str(error))
