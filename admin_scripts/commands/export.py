"""`export hsds --out DIR`: the catalogue as open data in the Open Referral HSDS format."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from admin_scripts.app import export_app
from admin_scripts.commands.stats import os_reason
from admin_scripts.common import console, database_failed, fail, open_database
from bot.catalog.hsds import build_export
from bot.catalog.hsds_package import HSDS_VERSION, write_package
from bot.catalog.regions import UnknownRegion

HSDS_HELP = (
    "Zapíše služby katalogu jako otevřená data ve formátu Open Referral HSDS "
    f"{HSDS_VERSION} (Human Services Data Specification).\n\n"
    "Do adresáře zapíše services.json (služby se vším vnořeným: poskytovatel, místa a adresy, "
    "telefony, provozní doba, působnost, druh, cílové skupiny a formy) a tytéž údaje jako "
    "tabulky CSV s popisem datapackage.json. Vyváží se jen aktivní služby; s --include-ended "
    "i ukončené (se stavem inactive). Utajená adresa (azylový dům) se nevyváží nikdy: u místa "
    "zůstane jen obec. Soubory z předchozího exportu do téhož adresáře se přepíšou."
)


def _regions(values: list[str] | None) -> list[str]:
    """--region values; each may also list several ORPs separated by commas."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


@export_app.command("hsds", help=HSDS_HELP)
def export_hsds_command(
    out: Annotated[Path | None, typer.Option("--out", help="Adresář, kam se export zapíše (vytvoří se).")] = None,
    region: Annotated[
        list[str] | None,
        typer.Option("--region", help="ORP, jejíž služby vyvézt (lze zadat víckrát); bez něj všechny služby katalogu."),
    ] = None,
    include_ended: Annotated[
        bool, typer.Option("--include-ended", help="Vyvézt i ukončené služby, se stavem inactive.")
    ] = False,
) -> None:
    """Write the catalogue as HSDS JSON and a tabular data package."""
    if out is None:
        fail("chybí --out (adresář, kam se export zapíše)")
    if out.exists() and not out.is_dir():
        fail(f"{out} není adresář; zadejte adresář, kam se export zapíše (nic nebylo zapsáno)")
    sessions = open_database()
    try:
        with sessions() as session:
            export = build_export(session, regions=_regions(region), include_ended=include_ended)
    except UnknownRegion as error:
        fail(f"{error} (nic nebylo zapsáno)")
    except SQLAlchemyError as error:
        database_failed(error)
    try:
        paths = write_package(export, out)
    except OSError as error:
        fail(f"export se nepodařilo zapsat do {out}: {os_reason(error)}")
    states = Counter(service["status"] for service in export.services)
    console.print(
        f"Vyvezeno služeb: {len(export.services)} (aktivních {states['active']}, ukončených {states['inactive']}); "
        f"poskytovatelů {len(export.tables.get('organization', []))}, míst {len(export.tables.get('location', []))}"
        f", z toho s utajenou adresou {export.hidden_places}.",
        highlight=False,
        soft_wrap=True,
    )
    if not export.services:
        console.print("V katalogu nejsou žádné služby k vývozu; soubory obsahují jen záhlaví.")
    for path in paths:
        console.print(f"Zapsáno: {path}", highlight=False)
