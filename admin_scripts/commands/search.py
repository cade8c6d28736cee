"""`search`: the catalogue search from the command line, one query or a batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from admin_scripts.app import app
from admin_scripts.common import console, fail, open_database
from bot.catalog.readmodel import load_catalogue
from bot.search.engine import Searcher, SearchResult, hit_as_dict

REASONS = {
    "not_understood": "Dotazu nerozumím nebo nejde o sociální službu.",
    "no_service": "Taková služba v katalogu není.",
    "not_for_group": "Taková služba existuje, ale ne pro tuto skupinu.",
    "not_in_place": "Taková služba existuje, ale do tohoto místa nepůsobí.",
    "place_outside": "Místo leží mimo regiony katalogu.",
}


def _as_json(query: str | None, result: SearchResult) -> str:
    return json.dumps(
        {
            "query": query,
            "understood": result.understood.as_dict(),
            "reason": result.reason,
            "results": [hit_as_dict(h) for h in result.hits],
        },
        ensure_ascii=False,
    )


@app.command("search")
def search_command(
    query: Annotated[str | None, typer.Argument(help="Co hledáte, vlastními slovy.")] = None,
    town: Annotated[str | None, typer.Option("--town", help="Obec nebo ORP (v jakémkoli tvaru).")] = None,
    group: Annotated[
        str | None, typer.Option("--group", help="Skupina: seniori, zdravotni-postizeni, rodiny-deti, krize.")
    ] = None,
    need: Annotated[
        str | None, typer.Option("--need", help="Potřeba: id druhu, životní situace nebo kategorie.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="Kolik výsledků vypsat.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Výstup jako JSON.")] = False,
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch", exists=True, dir_okay=False, help="Soubor s jedním dotazem na řádek; výstup JSON Lines."
        ),
    ] = None,
) -> None:
    """Vyhledá služby v katalogu tak, jak je hledá bot."""
    if query is None and batch is None and not (town or group or need):
        fail("zadejte dotaz, nebo --batch SOUBOR, nebo alespoň --town/--group/--need")
    sessions = open_database()
    with sessions() as session:
        searcher = Searcher(load_catalogue(session))
    if batch is not None:
        for line in batch.read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                result = searcher.search(line, town=town, group=group, need=need, limit=limit)
                print(_as_json(line, result))
        return
    result = searcher.search(query, town=town, group=group, need=need, limit=limit)
    if as_json:
        print(_as_json(query, result))
        return
    understood = result.understood
    console.print(
        f"Rozumím: potřeba={', '.join(understood.need_labels) or '–'}; "
        f"skupina={', '.join(understood.families) or '–'}; místo={understood.town or '–'}; "
        f"nerozumím={' '.join(understood.leftover) or '–'}",
        highlight=False,
    )
    if not result.hits:
        console.print(REASONS.get(result.reason or "", "Nic nenalezeno."))
        return
    table = Table("#", "služba", "druh", "obec", "skóre")
    for number, hit in enumerate(result.hits, start=1):
        doc = hit.service
        table.add_row(
            str(number), f"{doc.name}\n[dim]{doc.provider}[/]", doc.kind, doc.municipality or "", f"{hit.score:.2f}"
        )
    console.print(table)
    console.print(f"Nalezeno celkem: {result.total}")
