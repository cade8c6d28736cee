"""Callback data of buttons: short, ≤ 64 bytes, and checked when pressed.

Data is `action` or `action:arg[:arg]`. Actions tied to one result list (open a result,
page, back) carry the list id, so a button of an older list is recognised as stale.
Anything that does not parse is treated as forged; both get a polite "list no longer valid".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from bot.dialog.events import MAX_DATA

# actions without arguments
MENU, CRISIS, FREE, ASK_LOCATION, HERE, RESTART = "menu", "sos", "free", "loc", "here", "new"
CHANGE_TOWN, CHANGE_NEED, CHANGE_GROUP, ANY_GROUP = "ct", "cn", "cg", "ag"
WIDER = "wd"  # the asked kind of help does not reach the place: look in its ORP
# actions with arguments
GROUP, TOWN, NEED, LANGUAGE = "g", "t", "n", "lang"
OPEN, PAGE, BACK = "s", "p", "b"  # bound to a list: s:<list>:<id>, p:<list>:<page>, b:<list>
MAP, CONTACT, SHARE, WRONG = "m", "k", "f", "w"  # bound to a service: m:<id>, w:<id>[:<reason>]
ANYWHERE = "*"
WRONG_REASONS = ("phone", "address", "hours", "closed", "other")  # as bot.stats.events.FEEDBACK_REASONS

SIMPLE = {MENU, CRISIS, FREE, ASK_LOCATION, HERE, RESTART, CHANGE_TOWN, CHANGE_NEED, CHANGE_GROUP, ANY_GROUP, WIDER}
MAX_PAGE = 10_000


class BadData(ValueError):
    """Callback data that did not come from this dialog's buttons."""


@dataclass(frozen=True)
class Pressed:
    """A parsed button press."""

    action: str
    arg: str = ""
    number: int = 0  # the service id, town code or page
    list_id: int | None = None


def make(*parts: object) -> str:
    """Callback data from parts; raises ValueError when it would be longer than 64 bytes."""
    data = ":".join(str(p) for p in parts)
    if len(data.encode()) > MAX_DATA:
        raise ValueError(f"callback data too long: {data[:80]!r}")
    return data


def need_key(key: str) -> str:
    """A need key short enough for callback data (long keys become a hash)."""
    if len(key.encode()) <= MAX_DATA - 3 and ":" not in key:
        return key
    return "#" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _int(text: str, upper: int = 10**12) -> int:
    if not text.isdigit() or len(text) > 13:
        raise BadData(text)
    value = int(text)
    if value > upper:
        raise BadData(text)
    return value


def parse(data: str) -> Pressed:
    """The press behind `data`; raises BadData when it is not one of ours."""
    if not data or len(data.encode()) > MAX_DATA:
        raise BadData(data)
    action, *args = data.split(":")
    if action in SIMPLE and not args:
        return Pressed(action)
    if action in (GROUP, NEED, LANGUAGE) and len(args) == 1 and args[0]:
        return Pressed(action, args[0])
    if action == TOWN and len(args) == 1:
        if args[0] == ANYWHERE:
            return Pressed(action, ANYWHERE)
        return Pressed(action, number=_int(args[0]))
    if action in (OPEN, PAGE) and len(args) == 2:
        upper = MAX_PAGE if action == PAGE else 10**12
        return Pressed(action, number=_int(args[1], upper), list_id=_int(args[0]))
    if action == BACK and len(args) == 1:
        return Pressed(action, list_id=_int(args[0]))
    if action in (MAP, CONTACT, SHARE) and len(args) == 1:
        return Pressed(action, number=_int(args[0]))
    if action == WRONG and len(args) in (1, 2):
        reason = args[1] if len(args) == 2 else ""
        if reason and reason not in WRONG_REASONS:
            raise BadData(data)
        return Pressed(action, reason, number=_int(args[0]))
    raise BadData(data)
