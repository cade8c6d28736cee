"""What a demand or feedback event holds, and how one is made from a search.

An event is a plain record: no person in it. `demand_from_search` turns a finished search
into a record: the day, the channel and language, the target-group family, the place (a
municipality with its ORP, or a whole ORP), the strongest need, how many services were
found and how the search ended, and the scrubbed words (`bot.stats.scrub`).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot import CATALOG_DATA
from bot.families import FAMILIES
from bot.search.engine import SearchResult
from bot.search.vocabulary import DRUH_PREFIX, NEED_KINDS, Need
from bot.stats.scrub import Scrubber, default_scrubber, understood_terms

CHANNELS = ("telegram", "inline", "console", "web")

FOUND = "found"
WEAK = "weak"
OUTCOMES = (FOUND, WEAK, "no_service", "not_for_group", "not_in_place", "place_outside", "not_understood")
UNMET = ("no_service", "not_for_group", "not_in_place")

# A search that found services only through words of their texts, or whose best hit scored
# below this, ended weakly: the results may not be what was asked for.
WEAK_SCORE = 0.6

FEEDBACK_REASONS = ("phone", "address", "hours", "closed", "other")

SENSITIVE_NEEDS_FILE = "citlive-potreby.csv"


@dataclass(frozen=True)
class DemandRecord:
    """One completed search, as stored. `terms` are (term, understood) pairs.

    `person` is an opaque key of whoever searched, used only to count each person once a day
    (bot.stats.people) and never stored; `counted` is what that decided.
    """

    day: dt.date
    channel: str
    language: str
    outcome: str
    results: int = 0
    family: str | None = None
    place_kind: str | None = None
    municipality_code: int | None = None
    orp: str | None = None
    need_kind: str | None = None
    need_key: str | None = None
    need_label: str | None = None
    terms: tuple[tuple[str, bool], ...] = ()
    synthetic: bool = False
    person: str | None = field(default=None, repr=False)
    counted: bool = True

    def row(self) -> dict[str, object]:
        """The columns of its demand_event row (never the person)."""
        return {
            "day": self.day,
            "channel": self.channel,
            "language": self.language,
            "family": self.family,
            "place_kind": self.place_kind,
            "municipality_code": self.municipality_code,
            "orp": self.orp,
            "need_kind": self.need_kind,
            "need_key": self.need_key,
            "need_label": self.need_label,
            "results": self.results,
            "outcome": self.outcome,
            "synthetic": self.synthetic,
            "counted": self.counted,
        }


@dataclass(frozen=True)
class FeedbackRecord:
    """One "informace nejsou správně" press, as stored."""

    day: dt.date
    service_id: int
    reason: str
    synthetic: bool = False

    def row(self) -> dict[str, object]:
        """The columns of its feedback_event row."""
        return {"day": self.day, "service_id": self.service_id, "reason": self.reason, "synthetic": self.synthetic}


def outcome_of(result: SearchResult) -> str:
    """How a search ended: found, weak, or the search's reason for an empty result."""
    if result.reason:
        return result.reason
    if not result.hits and result.total == 0:
        return "no_service"
    best = max((h.score for h in result.hits), default=0.0)
    if not result.understood.needs or best < WEAK_SCORE:
        return WEAK
    return FOUND


def language_code(language: str | None) -> str:
    """The primary language subtag ("en-GB" -> "en"); "?" when none is known."""
    primary = (language or "").strip().lower().replace("_", "-").split("-", 1)[0]
    return primary[:8] if primary.isalpha() else "?"


def demand_from_search(
    result: SearchResult,
    *,
    channel: str,
    language: str | None,
    query: str | None = None,
    day: dt.date | None = None,
    scrubber: Scrubber | None = None,
    person: str | None = None,
) -> DemandRecord:
    """The demand record of a finished search; `query` is the message it answered, if any;
    `person` an opaque key of whoever searched (see DemandRecord).

    The ORP of a municipality is left for the writer to fill in (it needs the database).
    """
    if channel not in CHANNELS:
        raise ValueError(f"neznámý kanál {channel!r}; očekává se {', '.join(CHANNELS)}")
    understood = result.understood
    place = understood.place
    need: Need | None = understood.needs[0] if understood.needs else None
    label = understood.need_labels[0] if understood.need_labels else None
    family = next((f for f in understood.families if f in FAMILIES), None)
    scrub = scrubber or default_scrubber()
    terms: dict[str, bool] = {t: True for t in understood_terms(understood.terms)}
    for word in scrub.unmatched_terms(query, understood.leftover):
        terms.setdefault(word, False)
    return DemandRecord(
        day=day or dt.date.today(),
        channel=channel,
        language=language_code(language),
        outcome=outcome_of(result),
        results=result.total,
        family=family,
        place_kind=place.kind if place else None,
        municipality_code=place.code if place and place.kind == "town" else None,
        orp=place.name if place and place.kind == "orp" else None,
        need_kind=need.kind if need else None,
        need_key=need.key[:80] if need else None,
        need_label=label[:200] if label else None,
        terms=tuple(terms.items()),
        person=person,
    )


def feedback_record(service_id: int, reason: str, *, day: dt.date | None = None) -> FeedbackRecord:
    """The feedback record of one press; an unknown reason is kept as "other"."""
    return FeedbackRecord(
        day=day or dt.date.today(),
        service_id=int(service_id),
        reason=reason if reason in FEEDBACK_REASONS else "other",
    )


@dataclass(frozen=True)
class SensitiveNeeds:
    """Needs reported at ORP and quarter granularity only (catalog_data/citlive-potreby.csv)."""

    keys: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    labels: tuple[str, ...] = ()

    def __contains__(self, need: tuple[str | None, str | None]) -> bool:
        return need in self.keys

    def of_kind(self, kind: str) -> list[str]:
        """The keys of one kind of need (druh, situace, kategorie), sorted."""
        return sorted(key for k, key in self.keys if k == kind)


def load_sensitive_needs(path: Path | None = None) -> SensitiveNeeds:
    """The list of sensitive needs: rows `typ,klic,nazev`; a druh by its number or full id."""
    if path is None:
        return _default_sensitive_needs()
    return _read_sensitive_needs(Path(path))


@lru_cache(maxsize=1)
def _default_sensitive_needs() -> SensitiveNeeds:
    return _read_sensitive_needs(CATALOG_DATA / SENSITIVE_NEEDS_FILE)


def _read_sensitive_needs(path: Path) -> SensitiveNeeds:
    keys: set[tuple[str, str]] = set()
    labels: list[str] = []
    if not path.exists():
        return SensitiveNeeds()
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            kind = (row.get("typ") or "").strip()
            key = (row.get("klic") or "").strip()
            if kind not in NEED_KINDS or not key:
                continue
            if kind == "druh" and not key.startswith(DRUH_PREFIX):
                key = f"{DRUH_PREFIX}{key}"
            keys.add((kind, key))
            labels.append((row.get("nazev") or key).strip())
    return SensitiveNeeds(frozenset(keys), tuple(labels))
