"""What the command modules share: opening the database and reporting import runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.catalog.importing import CZECH_OUTCOMES, ImportFailed, ImportSummary
from bot.config import ConfigError, get_settings
from bot.db import make_engine, session_factory, upgrade_schema

DryRun = Annotated[bool, typer.Option("--dry-run", help="Jen ukázat, co by se změnilo.")]
SkipInvalid = Annotated[bool, typer.Option("--skip-invalid", help="Uložit platné řádky (položky) a vypsat neplatné.")]

console = Console()
errors = Console(stderr=True)


def fail(message: str) -> NoReturn:
    """Print a one-line error (never wrapped) and exit with status 1."""
    errors.print(f"[bold red]Chyba:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def open_database() -> sessionmaker[Session]:
    """Sessions over the configured database, its schema upgraded."""
    try:
        settings = get_settings()
    except ConfigError as error:
        fail(str(error))
    try:
        engine = make_engine(settings.database_url)
        upgrade_schema(engine)
    except SQLAlchemyError as error:
        database_failed(error)
    return session_factory(engine)


def database_failed(error: Exception) -> NoReturn:
    """A one-line error for a database that cannot be opened or read."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    fail(f"databázi se nepodařilo otevřít: {detail}")


def print_summary(summary: ImportSummary, *, show_changes: bool = True) -> None:
    """The closing summary of an import run: counts, changes and rejected rows."""
    title = "Náhled změn (nic nebylo uloženo)" if summary.dry_run else "Import dokončen"
    table = Table(title=f"{title}: {summary.source}", show_header=False)
    for key, value in summary.as_dict().items():
        table.add_row(CZECH_OUTCOMES[key], str(value))
    console.print(table)
    if show_changes and summary.changes:
        for line in summary.changes[:200]:
            console.print(f"  {line}", highlight=False)
        if len(summary.changes) > 200:
            console.print(f"  … a dalších {len(summary.changes) - 200} změn")
    if summary.rejected:
        console.print("[bold yellow]Odmítnuté řádky:[/]")
        for error in summary.rejected:
            console.print(f"  {error}", highlight=False)


def run_import(action: Callable[[], ImportSummary]) -> ImportSummary:
    """Run an import; on failure print every reason and exit 1 with nothing changed."""
    try:
        summary = action()
    except ImportFailed as failure:
        errors.print("[bold red]Import se nezdařil, v databázi se nic nezměnilo.[/]")
        for error in failure.errors[:500]:
            errors.print(f"  {error}", highlight=False)
        if len(failure.errors) > 500:
            errors.print(f"  … a dalších {len(failure.errors) - 500} chyb")
        raise typer.Exit(1) from None
    print_summary(summary)
    return summary
