"""`import rpss DIR` (the MPSV register) and `generate-sample` (a synthetic register)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from admin_scripts.app import app, import_app
from admin_scripts.common import DryRun, SkipInvalid, console, fail, open_database, run_import
from bot.catalog.generator import DEFAULT_CODELISTS, generate_register
from bot.catalog.rpss import RpssSummary, import_rpss
from bot.config import get_settings


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
    skip_invalid: SkipInvalid = False,
) -> None:
    """Načte registr poskytovatelů sociálních služeb MPSV (rpss.json a číselníky)."""
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
                skip_invalid=skip_invalid,
                progress=report,
            )

    summary = run_import(action)
    assert isinstance(summary, RpssSummary)
    console.print(
        f"Položky registru: přečteno {summary.read}, ukončené služby {summary.skipped_ended}, "
        f"mimo region {summary.skipped_outside}.",
        highlight=False,
    )


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
