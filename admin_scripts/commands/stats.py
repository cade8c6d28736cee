"""`stats export | report | table | purge | simulate`: the anonymous demand statistics."""

from __future__ import annotations

import datetime as dt
import errno
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from admin_scripts.app import app
from admin_scripts.common import console, database_failed, fail, open_database
from bot.config import ConfigError, get_settings
from bot.stats.aggregate import DIMENSION_NAMES, Labels, count_events, scope_for
from bot.stats.crosstabs import build_grid, column_keys, header_of
from bot.stats.disclosure import publish
from bot.stats.export import StatsExport, build_export, czech_date
from bot.stats.files import write_csv, write_xlsx
from bot.stats.models import DemandEvent, FeedbackEvent
from bot.stats.recorder import engine_of
from bot.stats.report import write_report
from bot.stats.retention import purge
from bot.stats.simulate import RealEventsPresent, simulate

stats_app = typer.Typer(
    help="Anonymní statistiky poptávky pro komunitní plánování: export, zpráva, přehled, simulace, mazání.",
    no_args_is_help=True,
)
app.add_typer(stats_app, name="stats")

PERIOD_WORDS = {
    "tyden": "week",
    "týden": "week",
    "week": "week",
    "mesic": "month",
    "měsíc": "month",
    "month": "month",
    "ctvrtleti": "quarter",
    "čtvrtletí": "quarter",
    "quarter": "quarter",
    "rok": "year",
    "year": "year",
}
DIMENSION_WORDS = {
    "obdobi": "period",
    "období": "period",
    "obec": "municipality",
    "obce": "municipality",
    "orp": "orp",
    "skupina": "family",
    "skupiny": "family",
    "potreba": "need",
    "potřeba": "need",
    "potreby": "need",
    "potřeby": "need",
    "kanal": "channel",
    "kanál": "channel",
    "jazyk": "language",
    "vysledek": "outcome",
    "výsledek": "outcome",
}
_CZECH_DATE = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s*$")
OS_ERRORS = {
    errno.ENOTDIR: "v cestě je soubor, ne adresář",
    errno.EACCES: "chybí oprávnění k zápisu",
    errno.EPERM: "chybí oprávnění k zápisu",
    errno.EROFS: "systém souborů je jen pro čtení",
    errno.ENOSPC: "na disku není místo",
    errno.EEXIST: "cesta už existuje a není adresář",
}


def os_reason(error: OSError) -> str:
    """Why a file could not be written, in Czech."""
    return OS_ERRORS.get(error.errno or 0, error.strerror or str(error))


def parse_day(value: str | None, option: str) -> dt.date:
    """A date given as RRRR-MM-DD or D. M. RRRR; a one-line error otherwise."""
    if value is None or not value.strip():
        fail(f"chybí {option} (datum ve tvaru RRRR-MM-DD, např. 2025-01-31)")
    text = value.strip()
    try:
        match = _CZECH_DATE.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"neplatné datum „{value}“ u {option}: očekává se RRRR-MM-DD (např. 2025-01-31) nebo D. M. RRRR")


def parse_period(start: str | None, end: str | None) -> tuple[dt.date, dt.date]:
    """The first and last day; refuses an end before the start."""
    first, last = parse_day(start, "--from"), parse_day(end, "--to")
    if first > last:
        fail(f"období je prázdné: začátek {czech_date(first)} je až po konci {czech_date(last)}")
    return first, last


def parse_granularity(value: str) -> str:
    found = PERIOD_WORDS.get(value.strip().lower())
    if found is None:
        fail(f"neznámé členění období „{value}“: očekává se tyden, mesic, ctvrtleti nebo rok")
    return found


def resolve_k(value: str | None) -> int:
    """k from --k or the STATS_K setting; anything below 2 is refused."""
    if value is None:
        try:
            return get_settings().stats_k
        except ConfigError as error:
            fail(str(error))
    try:
        k = int(value)
    except ValueError:
        fail(f"neplatné k „{value}“: očekává se celé číslo alespoň 2")
    if k < 2:
        fail(f"k = {k} nelze použít: při k < 2 by se zveřejnily jednotlivé případy (nejmenší možné k je 2)")
    return k


def ensure_writable(folder: Path) -> None:
    """Create the folder and prove it can be written to; a one-line error otherwise."""
    if folder.exists() and not folder.is_dir():
        fail(f"{folder} není adresář")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".zkouska-zapisu"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        fail(f"do adresáře {folder} nelze zapisovat: {os_reason(error)}")


def database() -> Engine:
    """The configured database, its schema upgraded; a one-line error when it cannot be opened."""
    return engine_of(open_database())


def _holds_events(engine: Engine) -> bool:
    with engine.connect() as conn:
        return any(
            conn.execute(select(table.c.id).limit(1)).first() is not None
            for table in (DemandEvent.__table__, FeedbackEvent.__table__)
        )


def _check_format(fmt: str) -> None:
    if fmt not in ("csv", "xlsx"):
        fail(f"neznámý formát „{fmt}“: očekává se csv nebo xlsx")


def _published(
    start: str | None,
    end: str | None,
    period: str,
    k: str | None,
    out: Path | None,
    *,
    check: Callable[[], None] = lambda: None,
) -> StatsExport:
    """Validate the options shared by export and report, then count and protect the tables."""
    first, last = parse_period(start, end)
    granularity = parse_granularity(period)
    k_value = resolve_k(k)
    check()
    if out is None:
        fail("chybí --out (adresář, kam se výstup zapíše)")
    ensure_writable(out)
    engine = database()
    try:
        if not _holds_events(engine):
            console.print("V databázi nejsou žádné události statistik; výstup bude prázdný.")
        export = build_export(engine, first, last, k=k_value, period=granularity)
    except SQLAlchemyError as error:
        database_failed(error)
    except ValueError as error:
        fail(str(error))
    if export.is_empty:
        console.print(
            f"V období {czech_date(first)} – {czech_date(last)} nejsou žádná hledání; tabulky jsou prázdné.",
            highlight=False,
        )
    if export.synthetic:
        console.print("[bold yellow]Pozor:[/] data jsou syntetická (stats simulate), nejde o skutečnou poptávku.")
    return export


@stats_app.command("export")
def export_command(
    start: Annotated[str | None, typer.Option("--from", help="První den období: RRRR-MM-DD nebo D. M. RRRR.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Poslední den období (včetně).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Adresář, kam se export zapíše (vytvoří se).")] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="xlsx (jeden sešit, list za každou tabulku) nebo csv (soubor za každou tabulku)."
        ),
    ] = "xlsx",
    period: Annotated[
        str, typer.Option("--period", help="Členění období v tabulkách: tyden, mesic, ctvrtleti, rok.")
    ] = "mesic",
    k: Annotated[
        str | None, typer.Option("--k", help="Nejmenší zveřejněný počet; výchozí je nastavení STATS_K (nejméně 2).")
    ] = None,
) -> None:
    """Zapíše statistiky poptávky za období: tabulky s českými názvy sloupců, malé počty skryté.

    Počty menší než k se zobrazí jako „<k“ a skryjí se i údaje, ze kterých by šly dopočítat.
    Citlivé potřeby (catalog_data/citlive-potreby.csv) se uvádějí jen po ORP a celých čtvrtletích.
    CSV je v UTF-8 se středníky a desetinnou čárkou, jak ho čte česky nastavený Excel.
    """
    fmt = fmt.strip().lower()
    export = _published(start, end, period, k, out, check=lambda: _check_format(fmt))
    assert out is not None
    try:
        paths = write_csv(export, out) if fmt == "csv" else [write_xlsx(export, out)]
    except OSError as error:
        fail(f"export se nepodařilo zapsat do {out}: {os_reason(error)}")
    k_value = export.k
    summary = Table("tabulka", "řádků", f"skryto (<{k_value})", "skryto doplňkově", title="Export statistik")
    for table in export.tables[2:]:
        body = len(table.rows) - (1 if table.rows and table.rows[-1][0] == "Celkem" else 0)
        summary.add_row(table.name, str(body), str(table.suppressed["primary"]), str(table.suppressed["complementary"]))
    console.print(summary)
    for path in paths:
        console.print(f"Zapsáno: {path}", highlight=False)


@stats_app.command("report")
def report_command(
    start: Annotated[str | None, typer.Option("--from", help="První den období: RRRR-MM-DD nebo D. M. RRRR.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Poslední den období (včetně).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Adresář, kam se zpráva zapíše (vytvoří se).")] = None,
    period: Annotated[
        str, typer.Option("--period", help="Členění období v grafech: tyden, mesic, ctvrtleti, rok.")
    ] = "mesic",
    k: Annotated[
        str | None, typer.Option("--k", help="Nejmenší zveřejněný počet; výchozí je nastavení STATS_K (nejméně 2).")
    ] = None,
) -> None:
    """Zapíše zprávu pro plánovače: jedna stránka HTML s grafy, otevře se v prohlížeči bez internetu.

    Ukazuje jen to, co zveřejňuje export: skryté údaje nejsou ani v grafech.
    """
    export = _published(start, end, period, k, out)
    assert out is not None
    try:
        path = write_report(export, out)
    except OSError as error:
        fail(f"zprávu se nepodařilo zapsat do {out}: {os_reason(error)}")
    console.print(f"Zapsáno: {path}", highlight=False)


@stats_app.command("table")
def table_command(
    rows: Annotated[
        str,
        typer.Option(
            "--rows", help="Členění řádků, čárkou: obdobi, obec, orp, skupina, potreba, kanal, jazyk, vysledek."
        ),
    ] = "potreba",
    cols: Annotated[str, typer.Option("--cols", help="Členění sloupců (jedno z --rows).")] = "vysledek",
    start: Annotated[str | None, typer.Option("--from", help="První den období: RRRR-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Poslední den období (včetně).")] = None,
    period: Annotated[str, typer.Option("--period", help="Členění období: tyden, mesic, ctvrtleti, rok.")] = "mesic",
    k: Annotated[str | None, typer.Option("--k", help="Nejmenší zveřejněný počet (výchozí STATS_K).")] = None,
) -> None:
    """Vypíše jednu tabulku počtů v libovolném členění, s malými počty skrytými jako v exportu."""
    first, last = parse_period(start, end)
    granularity = parse_granularity(period)
    k_value = resolve_k(k)
    dims: list[str] = []
    for word in [*rows.split(","), cols]:
        word = word.strip().lower()
        dimension = DIMENSION_WORDS.get(word)
        if dimension is None:
            known = ", ".join(sorted({w for w in DIMENSION_WORDS if w.isascii()}))
            fail(f"neznámé členění „{word}“: očekává se {known}")
        if dimension in dims:
            fail(f"členění „{word}“ je uvedeno dvakrát")
        dims.append(dimension)
    engine = database()
    try:
        with engine.connect() as conn:
            labels = Labels.load(conn)
            scope = scope_for(first, last, dims, granularity)
            counts = count_events(conn, scope, dims, period=granularity, labels=labels)
            columns = column_keys(dims[-1], counts, scope, granularity, labels)
    except SQLAlchemyError as error:
        database_failed(error)
    grid, _ = build_grid(counts, len(dims) - 1, columns, 0)
    header = [h for d in dims[:-1] for h in header_of(d)]
    table, _ = publish(grid, k_value, name="tabulka", title="", row_header=header)
    shown = Table(title=f"{DIMENSION_NAMES[dims[-1]]}: {czech_date(first)} – {czech_date(last)}")
    for position, title in enumerate(table.header):
        if position < len(header):
            shown.add_column(title, no_wrap=True)
        else:
            shown.add_column(title, justify="right", overflow="fold")
    for row in table.rows:
        shown.add_row(*(str(v) for v in row))
    console.print(shown)
    for note in table.notes:
        console.print(note, highlight=False)
    console.print(table.suppression_note(), highlight=False)


@stats_app.command("purge")
def purge_command(
    before: Annotated[
        str | None, typer.Option("--before", help="Smazat události ze dnů před tímto datem (RRRR-MM-DD).")
    ] = None,
    synthetic: Annotated[
        bool, typer.Option("--synthetic", help="Smazat všechny syntetické události (ze stats simulate).")
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Jen spočítat, co by se smazalo.")] = False,
) -> None:
    """Smaže staré události statistik podle pravidel uchovávání (nebo syntetická data)."""
    if before is None and not synthetic:
        fail("zadejte --before DATUM nebo --synthetic")
    day = parse_day(before, "--before") if before is not None else None
    engine = database()
    try:
        purged = purge(engine, before=day, synthetic=synthetic, dry_run=dry_run)
    except SQLAlchemyError as error:
        database_failed(error)
    verb = "Smazalo by se" if dry_run else "Smazáno"
    console.print(f"{verb}: {purged.demand} hledání a {purged.feedback} hlášení zpětné vazby.", highlight=False)


@stats_app.command("simulate")
def simulate_command(
    events: Annotated[str, typer.Option("--events", help="Kolik syntetických hledání vytvořit.")] = "10000",
    start: Annotated[str | None, typer.Option("--from", help="První den (výchozí: rok před včerejškem).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Poslední den (výchozí: včera).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Semínko náhody: stejné semínko dá stejná data.")] = 1,
) -> None:
    """Naplní databázi syntetickou poptávkou pro ukázky a měření (označenou jako syntetická).

    Do databáze se skutečnými událostmi se simulace nepřidá; smazat ji lze příkazem
    stats purge --synthetic.
    """
    try:
        count = int(events)
    except ValueError:
        fail(f"neplatný počet událostí „{events}“: očekává se kladné celé číslo")
    if count < 1:
        fail(f"neplatný počet událostí {count}: očekává se kladné celé číslo")
    first = parse_day(start, "--from") if start is not None else None
    last = parse_day(end, "--to") if end is not None else None
    if first and last and first > last:
        fail(f"období je prázdné: začátek {czech_date(first)} je až po konci {czech_date(last)}")
    if first and not last:
        last = dt.date.today() - dt.timedelta(days=1)
        if first > last:
            fail(f"období je prázdné: začátek {czech_date(first)} je až po konci {czech_date(last)}")
    engine = database()
    try:
        summary = simulate(engine, count, start=first, end=last, seed=seed)
    except RealEventsPresent as error:
        fail(str(error))
    except ValueError as error:
        fail(str(error))
    except SQLAlchemyError as error:
        database_failed(error)
    console.print(
        f"Přidáno {summary.demand} syntetických hledání ({czech_date(summary.start)} – {czech_date(summary.end)}) "
        f"a {summary.feedback} hlášení zpětné vazby. Jsou označena jako syntetická; "
        "smažete je příkazem stats purge --synthetic.",
        highlight=False,
    )
