"""The conversation state: the filled slots and where the user is. Small, versioned, JSON.

The state never holds a location or anything about the person: only the slots of the
search (group, place, need), the screen, the language and the hashes of the searches
already counted for statistics.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

if TYPE_CHECKING:
    from bot.search.places import PlaceRef

STATE_VERSION = 1
MAX_COUNTED = 64
MAX_QUERY = 300

Step = Literal["menu", "free", "group", "town", "need", "results", "nearby", "card", "report"]


class PlaceSlot(BaseModel):
    """The place asked about: a municipality (with its code), a whole ORP, or a place elsewhere."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["town", "orp", "outside"]
    name: str
    code: int | None = None

    @classmethod
    def of(cls, ref: PlaceRef) -> PlaceSlot:
        """The slot of a place the search recognised (its kind is validated here)."""
        return cls.model_validate({"kind": ref.kind, "name": ref.name, "code": ref.code})


class State(BaseModel):
    """Everything the dialog remembers between two messages of one conversation."""

    model_config = ConfigDict(extra="ignore")

    version: int = STATE_VERSION
    language: str | None = None
    worker: bool | None = None
    step: Step = "menu"
    group: str | None = None
    place: PlaceSlot | None = None
    anywhere: bool = False  # the user chose the whole catalogue instead of one place
    widened: Literal["", "orp", "all"] = ""  # nothing served the place: results cover its ORP or all
    need: str | None = None  # a need key: life situation id, druh id or local category
    need_label: str | None = None  # how the search named the need understood from text
    query: str | None = Field(default=None, max_length=MAX_QUERY)  # the words about the need
    page: int = 0
    card: int | None = None
    list_id: int = 0  # changes with every new result list; list buttons carry it
    counted: list[str] = Field(default_factory=list)

    @classmethod
    def load(cls, data: str | bytes | dict | None) -> State:
        """The state from JSON or a dict; a fresh state when missing, invalid or of another version."""
        if not data:
            return cls()
        try:
            raw = json.loads(data) if isinstance(data, str | bytes) else data
            if not isinstance(raw, dict) or raw.get("version") != STATE_VERSION:
                return cls()
            return cls.model_validate(raw)
        except (ValueError, ValidationError):
            return cls()

    def dump(self) -> str:
        """The state as compact JSON (always with its version)."""
        data = self.model_dump(mode="json", exclude_defaults=True)
        return json.dumps({"version": self.version, **data}, ensure_ascii=False, separators=(",", ":"))

    def with_(self, **changes: object) -> State:
        """A copy with `changes` applied."""
        return self.model_copy(update=changes)

    def cleared(self) -> State:
        """A fresh conversation that keeps the language, the worker mode and the counted searches."""
        return State(language=self.language, worker=self.worker, counted=self.counted, list_id=self.list_id + 1)

    @property
    def has_need(self) -> bool:
        """True when the need slot is filled (by a button or by words)."""
        return bool(self.need or self.query)

    @property
    def has_place(self) -> bool:
        """True when the place slot is filled (a place or "anywhere")."""
        return self.place is not None or self.anywhere

    def mark_counted(self, key: str) -> tuple[State, bool]:
        """Record a search hash; returns the new state and whether it was new."""
        if key in self.counted:
            return self, False
        counted = [*self.counted, key][-MAX_COUNTED:]
        return self.with_(counted=counted), True
