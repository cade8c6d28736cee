"""The register's codelists (číselníky): read lazily from `DIR/ciselniky`, resolved by id.

A reference in the register is `{"id": "DruhSocialniSluzby/13"}`; the prefix names the
codelist and so the file that holds it. Files are read tolerantly: ids with or without a
leading `Codelist/`, or bare codes; `nazev` as `{"cs": ...}` or a plain string.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import ijson
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalog.importing import ImportFailed, RowError, assign
from bot.catalog.models import CILOVA_SKUPINA, DRUH, FORMA, TYP_KAPACITY, VEKOVA_SKUPINA, CodelistTerm

# id prefix -> file name (without .json) in DIR/ciselniky
CODELIST_FILES = {
    "DruhSocialniSluzby": "druhy-socialni-sluzby",
    "FormaSocialniSluzby": "formy-soc-sluzby",
    "CilovaSkupinaOsoby": "cilove-skupiny-osoby",
    "VekovaSkupinaOsoby": "vekove-skupiny-osoby",
    "TypKapacitySocialniSluzby": "typy-kapacity-socialni-sluzby",
    "Kraj": "kraje",
    "Okres": "okresy",
    "Obec": "obce",
    "CastObce": "casti-obci",
}

# id prefix -> codelist_term.codelist, for the codelists stored in the catalogue
SERVICE_CODELISTS = {
    "DruhSocialniSluzby": DRUH,
    "FormaSocialniSluzby": FORMA,
    "CilovaSkupinaOsoby": CILOVA_SKUPINA,
    "VekovaSkupinaOsoby": VEKOVA_SKUPINA,
    "TypKapacitySocialniSluzby": TYP_KAPACITY,
}

DOWNLOAD_HINT = "https://data.mpsv.cz/od/soubory/ciselniky/"


def canonical_id(value: object) -> str:
    """`Codelist/Obec/554499` or ` Obec/554499 ` -> `Obec/554499`."""
    text = str(value).strip()
    return text.removeprefix("Codelist/")


def split_id(term_id: str) -> tuple[str, str]:
    """`Obec/554499` -> (`Obec`, `554499`); an id without a prefix has an empty prefix."""
    prefix, _, code = term_id.rpartition("/")
    return prefix, code


def text_value(value: object) -> str | None:
    """A name given as `{"cs": ...}`, as a plain string, or not at all."""
    if isinstance(value, dict):
        value = value.get("cs") or next((v for v in value.values() if isinstance(v, str) and v), None)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def file_label(prefix: str) -> str:
    """The codelist file that holds ids with this prefix, e.g. `druhy-socialni-sluzby.json`."""
    return f"{CODELIST_FILES[prefix]}.json"


class Codelists:
    """The codelists of one register directory; each file is read when first needed."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._terms: dict[str, dict[str, str]] = {}

    def path(self, prefix: str) -> Path:
        """Where the codelist with this id prefix lives."""
        return self.directory / file_label(prefix)

    def exists(self, prefix: str) -> bool:
        """True when the codelist's file is there."""
        return self.path(prefix).is_file()

    def is_loaded(self, prefix: str) -> bool:
        """True when the codelist has been read."""
        return prefix in self._terms

    def terms(self, prefix: str) -> dict[str, str]:
        """Every term of a codelist as canonical id -> name; reads the file the first time."""
        found = self._terms.get(prefix)
        if found is None:
            found = self._terms[prefix] = _read_codelist(self.path(prefix), prefix)
        return found

    def name(self, term_id: str, prefix: str) -> str | None:
        """The name of a canonical id of the codelist `prefix`; None when it is not there."""
        if split_id(term_id)[0] != prefix:
            return None
        return self.terms(prefix).get(term_id)


def _read_codelist(path: Path, prefix: str) -> dict[str, str]:
    source = f"ciselniky/{path.name}"
    if not path.is_file():
        raise ImportFailed(
            RowError(
                source,
                "",
                None,
                f"soubor chybí; očekává se číselník {path.name} (ke stažení na {DOWNLOAD_HINT})",
            )
        )
    terms: dict[str, str] = {}
    count = 0
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
            bom = head.startswith(b"\xef\xbb\xbf")
            head = head[3 if bom else 0 :].lstrip(b" \t\r\n")
            handle.seek(3 if bom else 0)  # a UTF-8 byte order mark is skipped
            items_prefix = "item" if head.startswith(b"[") else "polozky.item"
            for item in ijson.items(handle, items_prefix, use_float=True):
                count += 1
                if not isinstance(item, dict):
                    continue
                raw_id = item.get("id", item.get("kod"))
                if raw_id is None:
                    continue
                term_id = canonical_id(raw_id)
                if "/" not in term_id:
                    term_id = f"{prefix}/{term_id}"
                terms[term_id] = text_value(item.get("nazev")) or split_id(term_id)[1]
    except (ijson.JSONError, UnicodeDecodeError):
        raise ImportFailed(
            RowError(
                source,
                f"za položkou {count}" if count else "",
                None,
                f"soubor je poškozený nebo useknutý (není platný JSON); očekává se {_SHAPE}",
            )
        ) from None
    if not terms:
        raise ImportFailed(RowError(source, "", "polozky", f"číselník je prázdný; očekává se {_SHAPE}"))
    return terms


_SHAPE = 'JSON {"polozky": [{"id": ..., "nazev": {"cs": ...}}, ...]}'


def upsert_terms(session: Session, codelists: Codelists, prefixes: Iterable[str]) -> list[str]:
    """Add or update the terms of service codelists; terms are never deleted.

    Returns one line per codelist that changed, for the run's list of changes.
    """
    lines = []
    for prefix in prefixes:
        codelist = SERVICE_CODELISTS[prefix]
        terms = codelists.terms(prefix)
        existing = {t.id: t for t in session.scalars(select(CodelistTerm).where(CodelistTerm.id.in_(list(terms))))}
        added = updated = 0
        for term_id, name in sorted(terms.items()):
            values: dict[str, Any] = {"codelist": codelist, "code": split_id(term_id)[1], "name": name}
            current = existing.get(term_id)
            if current is None:
                session.add(CodelistTerm(id=term_id, **values))
                added += 1
            elif assign(current, values):
                updated += 1
        if added or updated:
            lines.append(f"číselník {file_label(prefix)}: přidáno {added}, změněno {updated} položek")
    return lines
