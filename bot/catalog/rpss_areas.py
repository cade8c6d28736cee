"""The extended area of a register item (rozsirenePusobnostiVKraji): ORPs, districts and
regions expanded to the municipalities of the database."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import ijson

from bot.catalog.codelists import Codelists, canonical_id, split_id
from bot.catalog.rpss_items import area_ref


def municipality_code(term_id: str) -> int | None:
    """`Obec/554499` -> 554499."""
    prefix, code = split_id(canonical_id(term_id))
    return int(code) if prefix == "Obec" and code.isdigit() else None


_NUTS = re.compile(r"^CZ[0-9A-Z]{2,4}$")
_KIND_LABELS = {"Orp": "ORP", "Okres": "okres", "Kraj": "kraj"}


class AreaResolver:
    """Expands an ORP, okres or kraj to the municipalities of the database that lie in it.

    Which municipality lies in which okres and kraj (and ORP, when given) is read from the
    `obce` codelist, whose terms name them; the `okresy` and `kraje` codelists add the
    regions of the districts and other codes of the same district (e.g. `CZ0714`). An ORP
    is also matched by name against the municipality table's `orp`.
    """

    def __init__(self, codelists: Codelists, municipalities: Sequence[tuple[int, str]]) -> None:
        self.codelists = codelists
        self.orp_of = dict(municipalities)
        self._members: dict[str, set[int]] | None = None  # area id -> every municipality code in it
        self._aliases: dict[str, str] = {}

    def expand(self, kind: str, term_id: str, names: Sequence[str]) -> tuple[set[int], str | None]:
        """The database's municipalities in the area, or a Czech reason why it cannot be told."""
        label = f"{_KIND_LABELS.get(kind, kind)} '{term_id}'"
        if not self.orp_of:
            return set(), f"{label} nelze rozložit na obce: tabulka obcí je prázdná"
        members = self._membership()
        found = members.get(term_id, members.get(self._aliases.get(term_id, ""), None))
        if found is not None:
            return {code for code in found if code in self.orp_of}, None
        if kind == "Orp":
            wanted = {n.casefold() for n in names}
            by_name = {code for code, orp in self.orp_of.items() if orp.casefold() in wanted}
            if by_name:
                return by_name, None
            return set(), f"{label} nelze rozložit na obce: tabulka obcí ani číselník obce.json neuvádějí kód ORP"
        return set(), f"{label} nelze rozložit na obce: číselník obce.json neuvádí obce, které k němu patří"

    def _membership(self) -> dict[str, set[int]]:
        if self._members is not None:
            return self._members
        members: dict[str, set[int]] = {}
        okres_kraj: dict[str, set[str]] = {}
        for prefix in ("Okres", "Kraj"):
            for term in self._read(prefix):
                term_id = _term_id(term, prefix)
                if term_id is None:
                    continue
                for key, value in term.items():
                    if isinstance(value, str) and _NUTS.match(value.strip()):
                        self._aliases[f"{prefix}/{value.strip()}"] = term_id
                    elif prefix == "Okres" and (ref := _ref_of(key, value)) and ref[0] == "Kraj":
                        okres_kraj.setdefault(term_id, set()).add(ref[1])
        for term in self._read("Obec"):
            term_id = _term_id(term, "Obec")
            code = municipality_code(term_id) if term_id else None
            if code is None:
                continue
            for key, value in term.items():
                ref = _ref_of(key, value)
                if ref is None or ref[0] not in ("Orp", "Okres", "Kraj"):
                    continue
                area_id = self._aliases.get(ref[1], ref[1])
                members.setdefault(area_id, set()).add(code)
                for kraj in okres_kraj.get(area_id, ()) if ref[0] == "Okres" else ():
                    members.setdefault(self._aliases.get(kraj, kraj), set()).add(code)
        self._members = members
        return members

    def _read(self, prefix: str) -> list[dict[str, Any]]:
        """The terms of a codelist as they are in the file; none when it is missing or broken."""
        path = self.codelists.path(prefix)
        if not path.is_file():
            return []
        try:
            with path.open("rb") as handle:
                head = handle.read(64)
                bom = head.startswith(b"\xef\xbb\xbf")
                handle.seek(3 if bom else 0)
                items = "item" if head[3 if bom else 0 :].lstrip().startswith(b"[") else "polozky.item"
                return [t for t in ijson.items(handle, items, use_float=True) if isinstance(t, dict)]
        except (ijson.JSONError, UnicodeDecodeError):
            return []  # the codelist reader reports a broken file


def _term_id(term: dict[str, Any], prefix: str) -> str | None:
    raw = term.get("id", term.get("kod"))
    if raw is None:
        return None
    term_id = canonical_id(raw)
    return term_id if "/" in term_id else f"{prefix}/{term_id}"


def _ref_of(key: str, value: object) -> tuple[str, str] | None:
    if isinstance(value, dict):
        value = value.get("id", value.get("kod"))
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return area_ref(value, key)
    return None
