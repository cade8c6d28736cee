"""Resolving what a spreadsheet names (municipalities, life situations, target groups,
languages) against the database and the bundled language list."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import CATALOG_DATA
from bot.catalog.importing import ImportFailed, RowError
from bot.catalog.models import CILOVA_SKUPINA, CodelistTerm, LifeSituation, Municipality
from bot.catalog.sheet_columns import fold
from bot.catalog.textfiles import decode_text

LANGUAGES_FILE = CATALOG_DATA / "jazyky.csv"

_ORP = re.compile(r"^(?:cel[éýá]\s+)?(?:(?:SO\s+)?ORP|správní\s+obvod)\s+(.+)$", re.IGNORECASE)
_QUALIFIED = re.compile(r"^(.+?)\s*\((?:ORP\s+)?(.+)\)$", re.IGNORECASE)
_PART = re.compile(r"\s+[-–—]\s+|\s*,\s*")
_CODE = re.compile(r"^\d{6}$")

T = TypeVar("T")


class NotFound(ValueError):
    """A value the database does not know; the message is Czech and names the value."""


def read_languages(path: Path = LANGUAGES_FILE) -> dict[str, str]:
    """Every name, alias and code of the language list (`kod,nazev,dalsi_nazvy`) -> ISO code."""
    if not path.exists():
        raise ImportFailed(RowError(path.name, "", None, "chybí seznam jazyků"))
    names: dict[str, str] = {}
    for record in csv.DictReader(io.StringIO(decode_text(path))):
        code = (record.get("kod") or "").strip()
        if not code:
            continue
        aliases = (record.get("dalsi_nazvy") or "").split("|")
        for name in (code, record.get("nazev") or "", *aliases):
            if name.strip():
                names[fold(name)] = code
    return names


class Lookups:
    """What the importer resolves names against, loaded once per run."""

    def __init__(self, session: Session, languages: dict[str, str]) -> None:
        self.languages = languages
        self.by_code: dict[int, Municipality] = {}
        self.by_name: dict[str, list[Municipality]] = defaultdict(list)
        self.by_orp: dict[str, list[Municipality]] = defaultdict(list)
        for m in session.scalars(select(Municipality).order_by(Municipality.code)):
            self.by_code[m.code] = m
            self.by_name[fold(m.name)].append(m)
            self.by_orp[fold(m.orp)].append(m)
        self.situations: dict[str, LifeSituation] = {}
        for s in session.scalars(select(LifeSituation).order_by(LifeSituation.position)):
            self.situations.setdefault(fold(s.id), s)
            self.situations.setdefault(fold(s.name), s)
        self.groups: dict[str, CodelistTerm] = {}
        query = select(CodelistTerm).where(CodelistTerm.codelist == CILOVA_SKUPINA)
        for term in session.scalars(query.order_by(CodelistTerm.id)):
            for key in (term.id, term.code, term.name):
                self.groups.setdefault(fold(key), term)

    # municipalities

    def municipality(self, value: str) -> Municipality:
        """One municipality by name (any case, with or without diacritics), `Name (ORP)` or code."""
        if _CODE.match(value) and int(value) in self.by_code:
            return self.by_code[int(value)]
        candidates = self.by_name.get(fold(value), [])
        qualified = _QUALIFIED.match(value)
        if not candidates and qualified:
            orp = fold(qualified[2])
            candidates = [m for m in self.by_name.get(fold(qualified[1]), []) if fold(m.orp) == orp]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            options = ", ".join(f"{m.name} ({m.orp})" for m in candidates)
            raise NotFound(f"obec '{value}' je v tabulce obcí víckrát; upřesněte ji jako {options} nebo kódem obce")
        if not self.by_code:
            raise NotFound(f"obec '{value}' nelze najít: tabulka obcí je prázdná, nejdřív ji naimportujte")
        raise NotFound(
            f"obec '{value}' není v tabulce obcí; napište název obce v 1. pádě (např. Troubky) "
            "nebo ORP a název, např. ORP Přerov"
        )

    def area(self, values: list[str]) -> tuple[set[int], list[str]]:
        """The codes of municipalities named (an `ORP X` item means all of X); and what failed."""
        codes: set[int] = set()
        problems: list[str] = []
        for value in values:
            orp = _ORP.match(value)
            try:
                if orp and fold(value) not in self.by_name:
                    members = self.by_orp.get(fold(orp[1]))
                    if not members:
                        raise NotFound(f"'{value}': ORP {orp[1]} nemá v tabulce obcí žádnou obec")
                    codes.update(m.code for m in members)
                else:
                    codes.add(self.municipality(value).code)
            except NotFound as error:
                problems.append(str(error))
        return codes, problems

    def place(self, value: str) -> tuple[Municipality, str | None]:
        """The municipality of an address and the part of it, from `Přerov – Předmostí`."""
        try:
            return self.municipality(value), None
        except NotFound:
            parts = _PART.split(value, maxsplit=1)
            if len(parts) == 2 and parts[1]:
                try:
                    return self.municipality(parts[0]), parts[1]
                except NotFound:
                    pass
            raise

    # codelists

    def life_situations(self, values: list[str]) -> tuple[list[LifeSituation], list[str]]:
        """Life situations by id or name; and what failed."""
        return _resolve(
            values,
            self.situations,
            lambda v: (
                f"životní situace '{v}' není v seznamu životních situací; použijte název nebo id "
                "ze seznamu (list Číselníky v šabloně)"
            ),
        )

    def target_groups(self, values: list[str]) -> tuple[list[CodelistTerm], list[str]]:
        """Target groups of the register's codelist by name or id; and what failed."""
        if not self.groups and values:
            return [], ["číselník cílových skupin je prázdný; nejdřív naimportujte registr"]
        return _resolve(
            values,
            self.groups,
            lambda v: (
                f"cílová skupina '{v}' není v číselníku cílových skupin; použijte název z číselníku, např. senioři"
            ),
        )

    def language_codes(self, values: list[str]) -> tuple[list[str], list[str]]:
        """ISO codes of the languages named; and what failed."""
        codes: list[str] = []
        problems: list[str] = []
        for value in values:
            code = self.languages.get(fold(value))
            if code is None:
                problems.append(
                    f"jazyk '{value}' neznám; použijte název nebo kód ze seznamu "
                    "catalog_data/jazyky.csv, např. čeština, ukrajinština, cs, uk"
                )
            elif code not in codes:
                codes.append(code)
        return codes, problems


def _resolve(values: list[str], known: dict[str, T], message: Callable[[str], str]) -> tuple[list[T], list[str]]:
    """Each value as a whole, else split on commas (names may hold a comma themselves)."""
    found: list[T] = []
    problems: list[str] = []
    for value in values:
        whole = known.get(fold(value))
        pieces = [p.strip() for p in value.split(",") if p.strip()]
        if whole is not None:
            matched = [whole]
        elif len(pieces) > 1 and all(fold(p) in known for p in pieces):
            matched = [known[fold(p)] for p in pieces]
        else:
            problems.append(message(value))
            continue
        found.extend(m for m in matched if m not in found)
    return found, problems
