"""`import situations FILE.csv`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from admin_scripts.app import import_app
from admin_scripts.common import DryRun, SkipInvalid, open_database, run_import
from bot.catalog.situations import import_situations


@import_app.command("situations")
def import_situations_command(
    file: Annotated[
        Path,
        typer.Argument(help="CSV se sloupci id,nazev,rodina[,poradi,nazev_uk,nazev_en].", exists=True, dir_okay=False),
    ],
    dry_run: DryRun = False,
    skip_invalid: SkipInvalid = False,
) -> None:
    """Načte seznam životních situací (např. catalog_data/zivotni-situace.csv)."""
    sessions = open_database()
    run_import(lambda: import_situations(sessions, file, dry_run=dry_run, skip_invalid=skip_invalid))
