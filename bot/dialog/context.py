"""What the dialog needs from outside: the search, cards, life situations, crisis lines, settings."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from bot import CATALOG_DATA
from bot.datafiles import commented_csv
from bot.dialog import geo
from bot.dialog.cards import CardLookup
from bot.safety.detector import DangerDetector, default_detector
from bot.safety.lines import CrisisLine, DangerNeed, load_crisis_lines, load_danger_needs
from bot.search.documents import CatalogueView, ServiceDoc, Town
from bot.search.results import SearchResult, Understood
from bot.search.romanised import restore_romanised
from bot.search.vocabulary import Need

REGIONS = CATALOG_DATA / "regiony.csv"
MINOR_ORP_SHARE = 0.25  # an ORP with fewer service places than this part of the largest is not the region's own
SITUATIONS = CATALOG_DATA / "zivotni-situace.csv"
KIND_NAMES = CATALOG_DATA / "nazvy-sluzeb.csv"


class SearcherLike(Protocol):
    """The part of bot.search.engine.Searcher the dialog uses."""

    def search(
        self,
        query: str | None,
        *,
        town: str | int | None = None,
        group: str | None = None,
        need: str | Need | None = None,
        limit: int = 5,
        offset: int = 0,
        relatives: bool = True,
    ) -> SearchResult: ...


@dataclass(frozen=True)
class SearchEvent:
    """One distinct search of a conversation, for the statistics (no person in it).

    `understood`, `total` and `reason` are the search's slots, result count and why it was
    empty; `result` is the whole SearchResult; `query` the need words it was asked (without
    the place), which the statistics scrub before keeping anything.
    """

    understood: Understood
    total: int
    reason: str | None
    result: SearchResult
    query: str | None
    language: str
    day: dt.date


OnSearch = Callable[[SearchEvent], None]
"""Called once per distinct search of a conversation."""

OnFeedback = Callable[[int, str], None]
"""Called when a user reports wrong information: (service id, reason code)."""


def _ignore(*_args: object) -> None:
    return None


@dataclass(frozen=True)
class Situation:
    """A life situation people start from, offered as a button in its family."""

    id: str
    name: str
    family: str | None = None
    position: int = 0
    name_uk: str | None = None
    name_en: str | None = None

    def name_in(self, language: str) -> str:
        """The name in `language`, Czech when there is no translation."""
        return {"uk": self.name_uk, "en": self.name_en}.get(language) or self.name


@dataclass(frozen=True)
class Region:
    """The everyday name of an ORP ("Přerovsko", "na Přerovsku")."""

    orp: str
    name: str
    locative: str | None = None


def situations_from(rows: Iterable[Any]) -> list[Situation]:
    """Situations from ORM LifeSituation rows (or anything with the same attributes), in order."""
    items = [Situation(r.id, r.name, r.family, r.position or 0, r.name_uk, r.name_en) for r in rows]
    return sorted(items, key=lambda s: (s.position, s.id))


def load_situations(path: Path = SITUATIONS) -> list[Situation]:
    """Situations straight from the CSV (`id,nazev,rodina,poradi,nazev_uk,nazev_en`)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return sorted(
        (
            Situation(
                r["id"].strip(),
                r["nazev"].strip(),
                (r.get("rodina") or "").strip() or None,
                int(r.get("poradi") or 0),
                (r.get("nazev_uk") or "").strip() or None,
                (r.get("nazev_en") or "").strip() or None,
            )
            for r in rows
            if r.get("id") and r.get("nazev")
        ),
        key=lambda s: (s.position, s.id),
    )


def load_regions(path: Path = REGIONS) -> dict[str, Region]:
    """Regions by ORP name (`orp,nazev,lokativ`); empty when the file is missing."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {
            r["orp"].strip(): Region(r["orp"].strip(), r["nazev"].strip(), (r.get("lokativ") or "").strip() or None)
            for r in csv.DictReader(f)
            if r.get("orp") and r.get("nazev")
        }


def load_kind_names(path: Path = KIND_NAMES) -> dict[str, dict[str, str]]:
    """Names of kinds of service and categories in other languages, by the Czech name
    (`nazev,nazev_uk,nazev_en`); empty when the file is missing."""
    if not path.exists():
        return {}
    rows = commented_csv(path)
    return {
        r["nazev"].strip(): {
            lang: (r.get(f"nazev_{lang}") or "").strip() for lang in ("uk", "en") if r.get(f"nazev_{lang}")
        }
        for r in rows
        if r.get("nazev")
    }


@dataclass
class Context:
    """Everything `handle` needs besides the state and the event; built once per process.

    `language` and `worker` are the defaults of a conversation (the state may override them);
    `today` dates the "last checked" warnings.
    """

    searcher: SearcherLike
    cards: CardLookup
    situations: Sequence[Situation] = ()
    crisis_lines: Sequence[CrisisLine] = field(default_factory=load_crisis_lines)
    towns: Sequence[Town] = ()
    services: Sequence[ServiceDoc] = ()
    regions: Mapping[str, Region] = field(default_factory=dict)
    language: str = "cs"
    worker: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    safety: DangerDetector = field(default_factory=default_detector)
    read: Callable[[str], str] = restore_romanised  # a resident's words as the search and safety read them
    danger_needs: Mapping[str, DangerNeed] = field(default_factory=load_danger_needs)  # kind of danger -> situations
    # the name of a kind of service in Czech -> language -> its name there
    kind_names: Mapping[str, Mapping[str, str]] = field(default_factory=load_kind_names)
    on_search: OnSearch = _ignore
    on_feedback: OnFeedback = _ignore
    conversation_hours: float = 24.0
    town_buttons: int = 6

    @classmethod
    def from_catalogue(
        cls, catalogue: CatalogueView, searcher: SearcherLike, cards: CardLookup, **options: Any
    ) -> Context:
        """A context over a loaded catalogue: towns and services come from it."""
        options.setdefault("situations", load_situations())
        options.setdefault("regions", load_regions())
        return cls(searcher=searcher, cards=cards, towns=catalogue.towns, services=catalogue.services, **options)

    def kind_in(self, name: str, language: str) -> str:
        """A kind of service or a category ("pečovatelská služba") in `language`, Czech when untranslated."""
        return self.kind_names.get(name, {}).get(language) or name

    @cached_property
    def town_by_code(self) -> dict[int, Town]:
        """Towns of the loaded regions by code."""
        return {t.code: t for t in self.towns}

    @cached_property
    def orp_towns(self) -> dict[str, list[Town]]:
        """Towns of each ORP, most populous first."""
        by_orp: dict[str, list[Town]] = {}
        for town in sorted(self.towns, key=lambda t: -(t.population or 0)):
            by_orp.setdefault(town.orp, []).append(town)
        return by_orp

    @cached_property
    def popular_towns(self) -> list[Town]:
        """Towns for the town buttons: the most populous with a service place, then the rest; a
        town of an ORP where only a few of the catalogue's services sit (Olomouc for a Přerov
        catalogue) comes after the region's own."""
        with_services = {code for doc in self.services for code in doc.place_codes}
        towns = self.town_by_code
        sited = Counter(towns[code].orp for doc in self.services for code in doc.place_codes if code in towns)
        largest = max(sited.values(), default=0)

        def order(town: Town) -> tuple[bool, bool, int, str]:
            visiting = sited[town.orp] < MINOR_ORP_SHARE * largest
            return town.code not in with_services, visiting, -(town.population or 0), town.name

        return sorted(self.towns, key=order)[: self.town_buttons]

    @cached_property
    def situation_by_id(self) -> dict[str, Situation]:
        """Life situations by id."""
        return {s.id: s for s in self.situations}

    @cached_property
    def town_centres(self) -> dict[int, tuple[float, float]]:
        """Approximate centres of the towns with service places that have coordinates."""
        return geo.town_centres(self.services)

    def situations_of(self, family: str | None) -> list[Situation]:
        """The life situations of one family, in display order."""
        return [s for s in self.situations if s.family == family]
