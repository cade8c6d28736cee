"""A terminal prompt that searches the catalogue and prints the matching services."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from sqlalchemy.orm import Session, sessionmaker

from bot.catalog.models import Service
from bot.catalog.repository import active_services

GREETING = (
    "Síť pomoci — vyhledávání v katalogu sociálních služeb.\n"
    "Napište, co hledáte (např. „pečovatelská služba Kojetín“). Konec: prázdný řádek nebo Ctrl+D."
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _haystack(service: Service) -> str:
    parts = [service.name, service.category or ""]
    if service.druh:
        parts.append(service.druh.name)
    if service.provider:
        parts.append(service.provider.name)
    parts.extend(p.municipality_name or "" for p in service.places)
    return _fold(" ".join(parts))


def describe(service: Service) -> str:
    """One line: name, kind, where, phone."""
    kind = service.druh.name if service.druh else (service.category or "")
    towns = sorted({p.municipality_name for p in service.places if p.municipality_name})
    phones = service.phones or (service.provider.phones if service.provider else [])
    line = f"{service.name} — {kind}"
    if towns:
        line += f" — {', '.join(towns)}"
    if phones:
        line += f" — tel. {phones[0]}"
    return line


def run_prompt(sessions: sessionmaker[Session], stdin: TextIO, stdout: TextIO) -> int:
    """Answer queries from `stdin` until an empty line or end of input."""
    with sessions() as session:
        services = [(s, _haystack(s)) for s in active_services(session)]
    print(GREETING, file=stdout)
    while True:
        print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line.strip():
            return 0
        words = [w for w in _fold(line).split() if len(w) > 2]
        found = [s for s, text in services if words and all(w[:5] in text for w in words)]
        if not found:
            print("Nic jsem nenašel. Zkuste to napsat jinak.", file=stdout)
        for number, service in enumerate(found[:5], start=1):
            print(f"{number}. {describe(service)}", file=stdout)
