"""What the dialog receives and what it answers: events in, replies out (no transport in sight)."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_TEXT = 4096  # the longest message a chat transport is asked to carry
MAX_DATA = 64  # the longest callback data of a button, in UTF-8 bytes


@dataclass(frozen=True)
class Command:
    """A slash command: `/start`, `/jazyk uk` -> Command("jazyk", "uk")."""

    name: str
    args: str = ""


@dataclass(frozen=True)
class Text:
    """A message typed by the user."""

    text: str


@dataclass(frozen=True)
class Button:
    """A button.

    In a reply it has a label and either callback `data` (≤ 64 bytes) or a `url`. As an
    event it is the press of a button: only `data` matters (`Button(data=...)`).
    """

    label: str = ""
    data: str = ""
    url: str | None = None


@dataclass(frozen=True)
class Location:
    """A location the user shared; used for one answer and never kept."""

    lat: float
    lon: float


Event = Command | Text | Button | Location


@dataclass(frozen=True)
class Venue:
    """A place to show on a map: the adapter sends it as a venue."""

    lat: float
    lon: float
    title: str
    address: str


@dataclass(frozen=True)
class Contact:
    """A contact card the user can save with one tap."""

    phone: str
    name: str


@dataclass(frozen=True)
class Reply:
    """One message: HTML-safe `text`, rows of buttons and optional attachments.

    `ask_location` asks the adapter to offer its own "share my location" control. `kind`
    says what the message is ("crisis", "results", "nothing", "not_understood", "ask_town",
    "ask_group", "ask_need", ...), for adapters and evaluation; it is never shown.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = field(default=())
    venue: Venue | None = None
    contact: Contact | None = None
    ask_location: bool = False
    kind: str = ""
