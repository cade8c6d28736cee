"""The Typer applications every command module registers with."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="admin_scripts",
    help="Správa katalogu Síť pomoci: import dat, vyhledávání, statistiky.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_completion=False,
)
import_app = typer.Typer(help="Import dat do katalogu.", no_args_is_help=True)
app.add_typer(import_app, name="import")
region_app = typer.Typer(help="Regiony (ORP): co katalog potřebuje kromě služeb.", no_args_is_help=True)
app.add_typer(region_app, name="region")
sync_app = typer.Typer(
    help="Stažení otevřených dat a jejich import (pro cron nebo systemd timer).", no_args_is_help=True
)
app.add_typer(sync_app, name="sync")
export_app = typer.Typer(help="Export katalogu jako otevřená data (Open Referral HSDS).", no_args_is_help=True)
app.add_typer(export_app, name="export")
