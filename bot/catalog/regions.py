"""Regions (ORP) of the national municipality table (catalog_data/obce-cr/obce.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

from rapidfuzz import process

from bot import CATALOG_DATA
from bot.catalog.municipalities import MunicipalityRow
from bot.search.text import fold

NATIONAL_TABLE = CATALOG_DATA / "obce-cr" / "obce.csv"


class UnknownRegion(ValueError):
    """No ORP of that name; the message (in Czech) suggests the nearest names."""


def _orp_key(name: str) -> str:
    folded = fold(name.strip())
    return folded[4:].strip() if folded.startswith("orp ") else folded


def municipalities_of(orp: str, table: Path = NATIONAL_TABLE) -> list[MunicipalityRow]:
    """The municipalities of the ORP named `orp` ("Kroměříž", "ORP Kroměříž", "kromeriz" or its
    four-digit code), as rows of a municipality import. Raises UnknownRegion."""
    with table.open(encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    key = _orp_key(orp)
    chosen = [r for r in records if fold(r["orp"]) == key or r["orp_kod"] == key]
    if not chosen:
        names = sorted({r["orp"] for r in records})
        near = [name for name, _score, _i in process.extract(orp, names, limit=3)]
        raise UnknownRegion(f"ORP „{orp.strip()}“ neznám; nemyslíte {', '.join(near)}?")
    return [
        MunicipalityRow(
            kod=int(r["kod"]),
            nazev=r["nazev"],
            orp=r["orp"],
            obyvatel=int(r["obyvatel"]) if r["obyvatel"] else None,
            lokativ=r["lokativ"] or None,
        )
        for r in chosen
    ]
