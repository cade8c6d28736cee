"""The search vocabulary: everyday expressions mapped to needs and target-group families.

Built from data in catalog_data/ (slovnik.csv, rodiny-skupin.csv) and from the catalogue
itself (names of druhy, life situations, local categories and target groups).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot import CATALOG_DATA
from bot.families import FAMILIES
from bot.search.documents import ServiceDoc
from bot.search.phrases import PhraseTable
from bot.search.stemmer import stem
from bot.search.text import load_stop_words, tokenize

DRUH_PREFIX = "DruhSocialniSluzby/"
SITUATION_WEIGHT = 0.8
# a druh named after the first in a row of the vocabulary ("alkohol → 22 32 27 1") is a fallback:
# generic counselling named last must not outrank the contact centre a drinker's message is about
FURTHER_DRUH_WEIGHT = 0.75


# the kinds of need: a druh of social service, a life situation, a local category
NEED_KINDS = ("druh", "situace", "kategorie")


@dataclass(frozen=True)
class Need:
    """A need the catalogue can answer: a druh, a life situation or a local category."""

    kind: str  # one of NEED_KINDS
    key: str
    weight: float = field(default=1.0, compare=False)  # how well an expression points to it


@dataclass(frozen=True)
class Meaning:
    """What an expression means: needs and/or target-group families."""

    needs: tuple[Need, ...] = ()
    families: tuple[str, ...] = ()


class Analyzer:
    """Turns text into stems the same way for the catalogue and for queries."""

    def __init__(self, stop_words: frozenset[str] | None = None) -> None:
        self.stop_words = stop_words if stop_words is not None else load_stop_words()
        self._cache: dict[str, str] = {}

    def stem(self, token: str) -> str:
        """The stem of one folded token (memoised)."""
        cached = self._cache.get(token)
        if cached is None:
            cached = self._cache[token] = stem(token)
        return cached

    def stems(self, text: str, *, keep_stop_words: bool = False) -> list[str]:
        """Stems of the words of `text`, stop words dropped unless asked to keep them."""
        return [self.stem(t) for t in tokenize(text) if keep_stop_words or t not in self.stop_words]


def _split(value: str | None, sep: str | None = None) -> list[str]:
    return [v.strip() for v in (value or "").split(sep) if v.strip()]


def load_family_groups(path: Path = CATALOG_DATA / "rodiny-skupin.csv") -> dict[str, frozenset[str]]:
    """Target-group names of each family (seniori, zdravotni-postizeni, rodiny-deti, krize)."""
    groups: dict[str, set[str]] = {f: set() for f in FAMILIES}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            groups.setdefault(row["rodina"], set()).add(row["cilova_skupina"].strip())
    return {k: frozenset(v) for k, v in groups.items()}


WORDED = "+"  # marks a lexicon expression matched together with its prepositions and particles


class Vocabulary:
    """Phrases → meanings, matched on stems."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.table: PhraseTable[Meaning] = PhraseTable()
        self.worded: PhraseTable[Meaning] = PhraseTable()  # phrases matched with their small words
        self.labels: dict[Need, str] = {}

    def add(self, expression: str, meaning: Meaning) -> None:
        """Register an expression (any inflection; it is stemmed). One written with a leading
        "+" keeps its small words: "+v autě" is a car to sleep in, not any car."""
        if expression.startswith(WORDED):
            worded = tuple(self.analyzer.stems(expression[len(WORDED) :], keep_stop_words=True))
            if worded:
                self.worded.add(worded, meaning)
            return
        stems = tuple(self.analyzer.stems(expression))
        if stems:
            self.table.add(stems, meaning)

    def label(self, need: Need) -> str:
        """A readable name of a need."""
        return self.labels.get(need, need.key)


def build_vocabulary(
    analyzer: Analyzer,
    services: Iterable[ServiceDoc],
    *,
    family_groups: dict[str, frozenset[str]],
    lexicon: Path = CATALOG_DATA / "slovnik.csv",
    situation_names: dict[str, str] | None = None,
) -> Vocabulary:
    """The vocabulary of the catalogue's own names plus the lay expressions of `lexicon`."""
    vocabulary = Vocabulary(analyzer)
    druhy: dict[str, str] = {}
    categories: set[str] = set()
    situations: dict[str, str] = dict(situation_names or {})
    target_groups: set[str] = set()
    for doc in services:
        if doc.druh_id and doc.druh_name:
            druhy[doc.druh_id] = doc.druh_name
        if doc.category:
            categories.add(doc.category)
        target_groups.update(doc.target_groups)
    for druh_id, name in _druh_names().items():
        vocabulary.labels.setdefault(Need("druh", druh_id), name)  # a kind the catalogue lacks keeps a name
    for druh_id, name in druhy.items():
        need = Need("druh", druh_id)
        vocabulary.labels[need] = name
        vocabulary.add(name, Meaning(needs=(need,)))
    for category in categories:
        need = Need("kategorie", category)
        vocabulary.labels[need] = category
        vocabulary.add(category, Meaning(needs=(need,)))
    for situation_id, name in situations.items():
        need = Need("situace", situation_id)
        vocabulary.labels[need] = name
        vocabulary.add(name, Meaning(needs=(need,)))
    for family, names in family_groups.items():
        for name in names & target_groups:
            vocabulary.add(name, Meaning(families=(family,)))
    for row in lexicon_rows(lexicon):
        vocabulary.add(row["vyraz"], _meaning_of(row))
    return vocabulary


def lexicon_rows(path: Path = CATALOG_DATA / "slovnik.csv") -> list[dict[str, str]]:
    """The rows of the lay vocabulary (`vyraz,druhy,skupiny,situace,kategorie`); none when missing."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [row for row in csv.DictReader(f) if row.get("vyraz")]


DRUH_CODELIST = CATALOG_DATA / "ciselniky" / "druhy-socialni-sluzby.json"


@lru_cache(maxsize=1)
def _druh_names() -> dict[str, str]:
    """Czech names of every kind of social service in the bundled codelist, by id."""
    if not DRUH_CODELIST.exists():
        return {}
    items = json.loads(DRUH_CODELIST.read_text(encoding="utf-8")).get("polozky", [])
    return {str(i["id"]): i["nazev"]["cs"] for i in items if isinstance(i.get("nazev"), dict) and "cs" in i["nazev"]}


def _meaning_of(row: dict[str, str]) -> Meaning:
    needs: list[Need] = []
    for rank, code in enumerate(_split(row.get("druhy"))):
        needs.append(Need("druh", f"{DRUH_PREFIX}{code}", 1.0 if rank == 0 else FURTHER_DRUH_WEIGHT))
    # a life situation is a looser link than a druh: coordinators tag many services with one
    needs.extend(Need("situace", s, SITUATION_WEIGHT) for s in _split(row.get("situace")))
    needs.extend(Need("kategorie", c, 1.0) for c in _split(row.get("kategorie"), "|"))
    families = tuple(f for f in _split(row.get("skupiny")) if f in FAMILIES)
    return Meaning(needs=tuple(needs), families=families)
