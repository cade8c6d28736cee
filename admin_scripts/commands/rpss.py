"""`import rpss DIR` (the MPSV register) and `generate-sample` (a synthetic register)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from admin_scripts.app import app, import_app
from admin_scripts.common import DryRun, console, fail, open_database, run_import
from bot.catalog.generator import DEFAULT_CODELISTS, generate_register
from bot.catalog.rpss import RpssSummary, import_rpss
from bot.config import get_settings

SET_ASIDE_EXIT = 3  # the import ran, but some items were set aside
WARNINGS_SHOWN = 100


@import_app.command("rpss")
def import_rpss_command(
    directory: Annotated[
        Path,
        typer.Argument(
            help="Adresář s rpss.json a ciselniky/*.json, jak je zveřejňuje data.mpsv.cz.",
            exists=True,
            file_okay=False,
        ),
    ],
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            help="ORP, jejíž služby se mají načíst (lze zadat vícekrát). "
            "Bez ní platí nastavení REGIONS, a není-li ani to, všechny obce z tabulky obcí.",
        ),
    ] = None,
    keep_all: Annotated[
        bool, typer.Option("--all", help="Načíst všechny aktivní služby registru bez ohledu na region.")
    ] = False,
    dry_run: DryRun = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Při jediné neplatné položce nic neuložit. Bez ní se neplatné položky odloží "
            f"(vypíšou se a příkaz skončí kódem {SET_ASIDE_EXIT}) a ostatní se načtou.",
        ),
    ] = False,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", hidden=True, help="Odložit neplatné položky (výchozí chování).")
    ] = False,
) -> None:
    """Načte registr poskytovatelů sociálních služeb MPSV (rpss.json a číselníky)."""
    if strict and skip_invalid:
        fail("volby --strict a --skip-invalid nejdou použít zároveň")
    if region and keep_all:
        fail("volby --region a --all nejdou použít zároveň")
    sessions = open_database()
    regions = list(region or get_settings().regions) or None

    def action() -> RpssSummary:
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]Čtu registr[/]"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f} %"),
            TextColumn("přečteno položek: {task.fields[items]}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("rpss", total=None, items=0)

            def report(items: int, done: int, total: int) -> None:
                progress.update(task, completed=done, total=total, items=items)

            return import_rpss(
                sessions,
                directory,
                regions=regions,
                keep_all=keep_all,
                dry_run=dry_run,
                strict=strict,
                progress=report,
            )

    summary = run_import(action)
    assert isinstance(summary, RpssSummary)
    console.print(
        f"Položky registru: přečteno {summary.read}, ukončené služby {summary.skipped_ended}, "
        f"mimo region {summary.skipped_outside}.",
        highlight=False,
    )
    if summary.not_yet_started:
        console.print(
            f"Služby, které ještě nezačaly: {summary.not_yet_started} (nabídnou se ode dne zahájení).",
            highlight=False,
        )
    if summary.warnings:
        console.print(f"[bold yellow]Upozornění ({len(summary.warnings)}), položky se načetly:[/]")
        for warning in summary.warnings[:WARNINGS_SHOWN]:
            console.print(f"  {warning}", highlight=False)
        if len(summary.warnings) > WARNINGS_SHOWN:
            console.print(f"  … a dalších {len(summary.warnings) - WARNINGS_SHOWN} upozornění", highlight=False)
    if summary.rejected:
        console.print(f"[bold yellow]{set_aside_line(len(summary.rejected))}[/]", highlight=False)
        raise typer.Exit(SET_ASIDE_EXIT)


def set_aside_line(count: int) -> str:
    """ "1 položka odložena", "3 položky odloženy", "5 položek odloženo"."""
    if count == 1:
        return "1 položka odložena (viz odmítnuté řádky výše)."
    if 2 <= count <= 4:
        return f"{count} položky odloženy (viz odmítnuté řádky výše)."
    return f"{count} položek odloženo (viz odmítnuté řádky výše)."


@app.command("generate-sample")
def generate_sample_command(
    services: Annotated[int, typer.Option("--services", min=1, help="Počet služeb v registru.")],
    out: Annotated[Path, typer.Option("--out", help="Adresář, kam se registr zapíše (vytvoří se).", file_okay=False)],
    seed: Annotated[int, typer.Option("--seed", help="Semínko náhody: stejné semínko dá stejný registr.")] = 1,
    codelists: Annotated[
        Path, typer.Option("--ciselniky", help="Adresář s číselníky, které se zkopírují vedle rpss.json.")
    ] = DEFAULT_CODELISTS,
) -> None:
    """Vytvoří smyšlený registr sociálních služeb (rpss.json + číselníky) libovolné velikosti."""
    try:
        path = generate_register(out, services, seed=seed, codelists=codelists)
    except FileNotFoundError as error:
        fail(str(error))
    size = path.stat().st_size / 1_000_000
    console.print(f"Zapsáno {services} služeb do {path} ({size:.1f} MB).", highlight=False)
