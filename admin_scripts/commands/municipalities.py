"""`import municipalities FILE.csv`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from admin_scripts.app import import_app
from admin_scripts.common import DryRun, SkipInvalid, open_database, run_import
from bot.catalog.municipalities import import_municipalities


@import_app.command("municipalities")
def import_municipalities_command(
    file: Annotated[
        Path,
        typer.Argument(help="CSV se sloupci kod,nazev,orp,obyvatel[,lokativ].", exists=True, dir_okay=False),
    ],
    dry_run: DryRun = False,
    skip_invalid: SkipInvalid = False,
) -> None:
    """Načte tabulku obcí (kód ČSÚ, název, ORP, počet obyvatel, lokativ)."""
    sessions = open_database()
    run_import(lambda: import_municipalities(sessions, file, dry_run=dry_run, skip_invalid=skip_invalid))
