"""What a search returns: the hits, the slots it understood, and why it came back empty."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.search.documents import ServiceDoc
from bot.search.places import PlaceRef
from bot.search.vocabulary import Need

# Why a search came back empty
NOT_UNDERSTOOD = "not_understood"  # not a social need, or words we do not know
NO_SERVICE = "no_service"  # no such service in the catalogue
NOT_FOR_GROUP = "not_for_group"  # such services exist, but not for this group
NOT_IN_PLACE = "not_in_place"  # such services exist, but none serves this place
PLACE_OUTSIDE = "place_outside"  # the place lies outside the regions of the catalogue


@dataclass(frozen=True)
class Hit:
    """One service in the results, with its score and whether it has a place in the town."""

    service: ServiceDoc
    score: float
    in_place: bool


@dataclass(frozen=True)
class Understood:
    """The slots the search understood from the query and the explicit arguments."""

    place: PlaceRef | None = None
    families: tuple[str, ...] = ()
    needs: tuple[Need, ...] = ()
    need_labels: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    leftover: tuple[str, ...] = ()
    off_topic: bool = False
    age: int | None = None  # the one age the message gives, of whoever needs the help
    guessed: bool = False  # the need was read by the needs model, not named by the words

    @property
    def town(self) -> str | None:
        """The name of the municipality or ORP understood, if any."""
        return self.place.name if self.place else None

    def as_dict(self) -> dict[str, object]:
        """A JSON-friendly view."""
        return {
            "town": self.place.name if self.place else None,
            "place_kind": self.place.kind if self.place else None,
            "group": list(self.families),
            "need": list(self.need_labels),
            "terms": list(self.terms),
            "leftover": list(self.leftover),
        }


@dataclass(frozen=True)
class SearchResult:
    """Ranked hits (one page), how many matched in all, what was understood, and why it is empty."""

    hits: list[Hit]
    understood: Understood
    total: int = 0
    reason: str | None = None
    alternatives: list[Hit] = field(default_factory=list)
    listed_label: str | None = None  # the understood need the best service meets
    unreached: str | None = None  # the kind of service asked for that has none in or coming to the place


def hit_as_dict(hit: Hit) -> dict[str, object]:
    """The JSON view of one hit used by the command line and the evaluation."""
    doc = hit.service
    return {
        "id": doc.id,
        "registry_id": doc.registry_id,
        "name": doc.name,
        "provider": doc.provider,
        "service_type": doc.kind,
        "municipality": doc.municipality,
        "score": hit.score,
    }
