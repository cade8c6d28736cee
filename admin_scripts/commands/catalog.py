"""`import catalog FILE` and `catalog-template --out FILE.xlsx`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from admin_scripts.app import app, import_app
from admin_scripts.common import DryRun, SkipInvalid, console, fail, open_database, run_import
from bot.catalog.importing import ImportFailed
from bot.catalog.spreadsheet import import_catalog, sheet_source
from bot.catalog.template import write_template

IMPORT_HELP = (
    "Načte tabulku katalogu: doplní registrované služby a přidá návazné služby.\n\n"
    "Registrovanou službu řádek najde podle sloupce identifikator (registr musí být "
    "naimportovaný dřív), návaznou službu podle sloupce klic. Návazná služba, která "
    "z tabulky zmizí, se označí jako ukončená — jen služby téže tabulky (--source), služeb "
    "z jiných tabulek se import nedotkne. Popis sloupců: catalog_data/README.md."
)


@import_app.command("catalog", help=IMPORT_HELP)
def import_catalog_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="Tabulka koordinátora (.xlsx nebo .csv) se sloupci podle šablony.",
            exists=True,
            dir_okay=False,
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="Název tabulky (zdroje), např. 'Příbor'; výchozí je název souboru bez přípony. "
            "Návazné služby se ukončují jen v rámci téhož zdroje.",
        ),
    ] = None,
    dry_run: DryRun = False,
    skip_invalid: SkipInvalid = False,
) -> None:
    """Import the coordinator's spreadsheet."""
    try:
        name = sheet_source(source, file)
    except ValueError as error:
        fail(str(error))
    sessions = open_database()
    run_import(lambda: import_catalog(sessions, file, dry_run=dry_run, skip_invalid=skip_invalid, source=name))


def database_towns() -> list[tuple[str, str, str]]:
    """The municipalities of the configured database (name, ORP, code); none when it has none
    or cannot be read (the template then offers the bundled sample regions)."""
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError

    from bot.catalog.models import Municipality
    from bot.config import ConfigError, get_settings
    from bot.db import make_engine

    try:
        settings = get_settings()
    except ConfigError as error:
        fail(str(error))
    path = settings.sqlite_path
    if path is not None and not path.exists():
        return []  # never create a database just to write a template
    engine = make_engine(settings.database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Municipality.name, Municipality.orp, Municipality.code)).all()
    except SQLAlchemyError:
        return []
    finally:
        engine.dispose()
    return [(name, orp or "", str(code)) for name, orp, code in rows]


@app.command("catalog-template")
def catalog_template_command(
    out: Annotated[Path, typer.Option("--out", help="Kam uložit šablonu (.xlsx).", dir_okay=False)],
    from_csv: Annotated[
        Path | None,
        typer.Option(
            "--from-csv",
            help="Tabulka (.csv nebo .xlsx), jejíž řádky se do šablony vloží, např. catalog_data/katalog-ukazka.csv.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Uloží šablonu tabulky katalogu (.xlsx) s návodem ke každému sloupci a číselníky."""
    if out.suffix.lower() != ".xlsx":
        fail(f"{out}: šablona se ukládá jako .xlsx")
    towns = database_towns()
    try:
        count = write_template(out, from_csv, towns=towns)
    except ImportFailed as failure:
        fail("tabulku nelze načíst:\n  " + "\n  ".join(str(e) for e in failure.errors))
    except OSError as error:
        fail(f"{out}: nelze uložit ({error.strerror or error})")
    rows = f", {count} řádků z {from_csv}" if from_csv else ""
    console.print(f"Šablona uložena: {out}{rows}", highlight=False)
