"""The Typer applications every command module registers with."""

from __future__ import annotations

import typer
import typer.rich_utils

# Typer's own words on the help and error panels, in Czech (the vendored Click's messages inside
# them, such as "Missing argument", have no hook and stay in English)
CZECH_PANELS = {
    "ARGUMENTS_PANEL_TITLE": "Argumenty",
    "OPTIONS_PANEL_TITLE": "Volby",
    "COMMANDS_PANEL_TITLE": "Příkazy",
    "ERRORS_PANEL_TITLE": "Chyba",
    "ABORTED_TEXT": "Přerušeno.",
    "RICH_HELP": "Nápověda: [blue]{command_path} {help_option}[/]",
    "DEFAULT_STRING": "[výchozí: {}]",
    "ENVVAR_STRING": "[proměnná prostředí: {}]",
    "REQUIRED_LONG_STRING": "[povinné]",
    "DEPRECATED_STRING": "(zastaralé) ",
}
for _name, _text in CZECH_PANELS.items():
    setattr(typer.rich_utils, _name, _text)

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
