"""`catalog-print --orp ORP --out FILE.pdf`: a printed leaflet or catalogue of one ORP."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from admin_scripts.app import app
from admin_scripts.common import console, fail, open_database
from bot.catalog.leaflet import FORMATS, SIZES, PrintFailed, chromium_binary, find_orp, load_print_data, print_pdf
from bot.catalog.leaflet import render_html as render_print
from bot.families import FAMILIES

PRINT_HELP = (
    "Vytiskne do PDF leták nebo katalog služeb jedné ORP.\n\n"
    "Leták (leaflet): krizové linky a nejpotřebnější kontakty po skupinách velkým písmem, "
    "na dvě strany. Katalog (catalogue): všechny služby ORP podle životních situací s adresou, "
    "telefonem a provozní dobou. Tiskne Chromium bez okna (proměnná prostředí CHROMIUM, "
    "výchozí /usr/bin/chromium)."
)


@app.command("catalog-print", help=PRINT_HELP)
def catalog_print_command(
    orp: Annotated[str, typer.Option("--orp", help="ORP, např. Přerov (na diakritice nezáleží).")],
    out: Annotated[Path, typer.Option("--out", help="Kam uložit PDF.", dir_okay=False)],
    group: Annotated[str | None, typer.Option("--group", help=f"Jen jedna skupina: {', '.join(FAMILIES)}.")] = None,
    kind: Annotated[str, typer.Option("--format", help="leaflet (leták) nebo catalogue (katalog).")] = "leaflet",
    size: Annotated[str, typer.Option("--size", help="Velikost stránky: A4 nebo A5.")] = "A4",
) -> None:
    """Print the leaflet or the catalogue of one ORP to PDF."""
    if out.suffix.lower() != ".pdf":
        fail(f"{out}: výstup se ukládá jako .pdf")
    if kind not in FORMATS:
        fail(f"neznámý formát „{kind}“; možnosti: {', '.join(FORMATS)}")
    size = size.upper()
    if size not in SIZES:
        fail(f"neznámá velikost „{size}“; možnosti: {', '.join(SIZES)}")
    if group is not None and group not in FAMILIES:
        fail(f"neznámá skupina „{group}“; možnosti: {', '.join(FAMILIES)}")
    sessions = open_database()
    data = load_print_data(sessions)
    try:
        name = find_orp(data.view, orp)
        chromium = chromium_binary()
        html = render_print(data, name, kind=kind, size=size, group=group)
        pages = print_pdf(html, out, chromium)
    except PrintFailed as error:
        fail(str(error))
    what = "Leták" if kind == "leaflet" else "Katalog"
    console.print(f"{what} ORP {name} uložen: {out} ({pages} str. {size})", highlight=False, soft_wrap=True)
