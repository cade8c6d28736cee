"""Recognising places in a query: municipalities in any case form, regions, places elsewhere."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot import CATALOG_DATA
from bot.search.documents import Town
from bot.search.phrases import PhraseTable
from bot.search.vocabulary import Analyzer

PREPOSITIONS = frozenset({"v", "ve", "na", "z", "ze", "do", "u", "od", "kolem", "okolo", "blizko", "in", "near"})
NAME_JOINERS = (" nad ", " pod ", " u ", " na ", " v ")


@dataclass(frozen=True)
class PlaceRef:
    """A recognised place: a municipality, a whole ORP, or somewhere outside the regions."""

    kind: str  # "town" | "orp" | "outside"
    name: str
    code: int | None = None


def _strip_preposition(text: str) -> str:
    head, _, rest = text.strip().partition(" ")
    return rest if head.lower() in PREPOSITIONS and rest else text


class PlaceRecognizer:
    """Finds at most one place in the stems of a query."""

    def __init__(
        self,
        analyzer: Analyzer,
        towns: Iterable[Town],
        *,
        regions: Path = CATALOG_DATA / "regiony.csv",
        elsewhere: Path = CATALOG_DATA / "mista-mimo-regiony.txt",
    ) -> None:
        self.analyzer = analyzer
        self.table: PhraseTable[PlaceRef] = PhraseTable()
        towns = list(towns)
        orps = {t.orp for t in towns}
        first_words = Counter(self._name_stems(t.name)[0] for t in towns)
        known: set[tuple[str, ...]] = set()
        for town in towns:
            ref = PlaceRef("town", town.name, town.code)
            forms = [town.name]
            if town.locative:
                forms.append(_strip_preposition(town.locative))
            for form in forms:
                stems = self._name_stems(form)
                self.table.add(stems, ref)
                known.add(stems)
            short = self._short_name(town.name)
            if short and first_words[self._name_stems(short)[0]] == 1:
                self.table.add(self._name_stems(short), ref)
        if regions.exists():
            with regions.open(encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    if row["orp"] in orps:
                        ref = PlaceRef("orp", row["orp"])
                        for form in (row["nazev"], _strip_preposition(row.get("lokativ") or "")):
                            if form:
                                self.table.add(self._name_stems(form), ref)
        self._local = self.table.all_stems()
        if elsewhere.exists():
            for line in elsewhere.read_text(encoding="utf-8").splitlines():
                name = line.strip()
                if name and not name.startswith("#"):
                    stems = self._name_stems(name)
                    if stems not in known:
                        self.table.add(stems, PlaceRef("outside", name))

    def local_stems(self) -> set[str]:
        """Stems of the names of municipalities and regions of the catalogue (not of elsewhere)."""
        return set(self._local)

    def _name_stems(self, text: str) -> tuple[str, ...]:
        return tuple(self.analyzer.stems(text, keep_stop_words=True))

    @staticmethod
    def _short_name(name: str) -> str | None:
        for joiner in NAME_JOINERS:
            if joiner in name:
                return name.split(joiner)[0]
        return None
