"""`sync rpss --dir DIR`: download the MPSV register when it changed, import it, report the changes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from admin_scripts.app import sync_app
from admin_scripts.commands.rpss import SET_ASIDE_EXIT, set_aside_line
from admin_scripts.common import console, errors, fail, open_database
from bot.catalog.importing import CZECH_OUTCOMES, ImportFailed
from bot.catalog.sync import DownloadFailed, FileResult, SyncResult, sync_register
from bot.config import ConfigError, get_settings

LINES_SHOWN = 50
CRON_EXAMPLE = "30 5 * * * cd /srv/sit-pomoci && .venv/bin/python -m admin_scripts sync rpss --dir var/rpss"


@sync_app.command(
    "rpss",
    epilog=f"Příklad pro cron (denně v 5:30):\n\n{CRON_EXAMPLE}",
)
def sync_rpss_command(
    directory: Annotated[
        Path,
        typer.Option("--dir", help="Adresář registru (rpss.json, ciselniky/, zmeny/); vytvoří se.", file_okay=False),
    ],
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="Adresa otevřených dat. Bez ní platí RPSS_BASE_URL (data.mpsv.cz)."),
    ] = None,
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            help="ORP, jejíž služby se mají načíst (lze zadat vícekrát). Bez ní platí REGIONS, "
            "a není-li ani to, všechny obce z tabulky obcí.",
        ),
    ] = None,
    max_mb: Annotated[
        float | None,
        typer.Option("--max-mb", min=0.000001, help="Největší přijatý soubor v MB. Bez ní platí RPSS_MAX_MB (2000)."),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=0.01, help="Kolik sekund čekat na server. Bez ní platí RPSS_TIMEOUT (60)."),
    ] = None,
) -> None:
    """Stáhne registr sociálních služeb MPSV, když se změnil, načte ho a uloží zprávu o změnách.

    Je určen ke spouštění jednou denně z cronu nebo systemd timeru. Stahuje se jen to, co
    se od minula změnilo; při chybě zůstanou předchozí soubory i databáze beze změny.
    Zpráva o nových, ukončených a změněných službách se uloží do DIR/zmeny/RRRR-MM-DD.json.
    Kódy ukončení: 0 v pořádku, 1 chyba (nic se nenačetlo), 3 načteno, ale některé položky odloženy.
    """
    try:
        settings = get_settings()
    except ConfigError as error:
        fail(str(error))
    if directory.exists() and not directory.is_dir():
        fail(f"{directory} není adresář")
    sessions = open_database()
    regions = list(region or settings.regions) or None
    url = (base_url or settings.rpss_base_url).strip()
    if not url.startswith(("https://", "http://")):
        fail(f"--base-url: očekává se adresa https://… (zadáno: {url!r})")
    try:
        result = sync_register(
            sessions,
            directory,
            base_url=url,
            regions=regions,
            max_bytes=int((max_mb or settings.rpss_max_mb) * 1_000_000),
            timeout=timeout or settings.rpss_timeout,
            on_files=print_files,
        )
    except DownloadFailed as error:
        fail(f"{error}; předchozí soubory zůstaly beze změny, nic se nenačetlo.")
    except ImportFailed as failure:
        errors.print(
            "[bold red]Import se nezdařil, v databázi se nic nezměnilo[/] (příští spuštění ho zkusí znovu):",
            highlight=False,
        )
        for line in failure.errors[:LINES_SHOWN]:
            errors.print(f"  {line}", highlight=False)
        if len(failure.errors) > LINES_SHOWN:
            errors.print(f"  … a dalších {len(failure.errors) - LINES_SHOWN} chyb", highlight=False)
        raise typer.Exit(1) from None
    print_result(result)
    if result.summary is not None and result.summary.rejected:
        console.print(f"[bold yellow]{set_aside_line(len(result.summary.rejected))}[/]", highlight=False)
        raise typer.Exit(SET_ASIDE_EXIT)


def print_files(files: list[FileResult]) -> None:
    """One line per downloaded file, one line for the unchanged ones."""
    for file in files:
        if file.status == "downloaded":
            console.print(f"Staženo: {file.local} ({size_text(file.size)})", highlight=False)
    unchanged = sum(1 for f in files if f.status != "downloaded")
    if unchanged:
        console.print(f"Beze změny na serveru: {unchanged} z {len(files)} souborů.", highlight=False)


def size_text(size: int) -> str:
    """`812 kB`, `312.4 MB`."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB"


def print_result(result: SyncResult) -> None:
    """The import's counts and the change report, or that there was nothing to do."""
    if result.summary is None or result.report is None:
        console.print("Registr se od minula nezměnil, nic se nenačítalo.")
        return
    if result.retried_import:
        console.print("Soubory se nezměnily, ale minulý import nedoběhl; načetl se znovu.")
    counts = ", ".join(f"{CZECH_OUTCOMES[key]} {value}" for key, value in result.summary.as_dict().items())
    console.print(f"Import dokončen: {counts}.", highlight=False)
    report = result.report
    for key, title in (("new", "Nové služby"), ("ended", "Ukončené služby"), ("changed", "Změněné služby")):
        lines = report[key]
        console.print(f"[bold]{title}: {len(lines)}[/]", highlight=False)
        for line in lines[:LINES_SHOWN]:
            console.print(f"  {line}", highlight=False)
        if len(lines) > LINES_SHOWN:
            console.print(f"  … a dalších {len(lines) - LINES_SHOWN} (celý seznam je ve zprávě)", highlight=False)
    console.print(f"Zpráva o změnách: {result.report_path}", highlight=False, soft_wrap=True)
