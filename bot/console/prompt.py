"""The dialog in a terminal: replies as plain text, buttons numbered — type the number to press.

`run_prompt` loads the catalogue from the database once, builds the search and the cards,
and talks over `stdin`/`stdout` until an empty line or the end of input.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TextIO

from sqlalchemy.orm import Session, sessionmaker

from bot.dialog import (
    Button,
    Command,
    Context,
    Event,
    Location,
    Reply,
    State,
    Text,
    handle,
)
from bot.i18n import Translator

_TAG = re.compile(r"<[^>]+>")
_POINT = re.compile(r"^\s*(-?\d{1,2}(?:[.,]\d+)?)[\s,;]+(-?\d{1,3}(?:[.,]\d+)?)\s*$")


def plain(text: str) -> str:
    """Reply HTML as terminal text: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", text))


def render(replies: Sequence[Reply], t: Translator) -> tuple[str, list[Button], bool]:
    """The replies as text with numbered buttons; the pressable buttons; whether a location is asked."""
    out: list[str] = []
    pressable: list[Button] = []
    asks_location = False
    for reply in replies:
        out.append(plain(reply.text))
        if reply.venue:
            v = reply.venue
            out.append(f"🗺 {v.title} — {v.address} ({v.lat:.5f}, {v.lon:.5f})")
        if reply.contact:
            out.append(f"👤 {reply.contact.name}: {reply.contact.phone}")
        for row in reply.buttons:
            cells = []
            for button in row:
                if button.url:
                    cells.append(f"{button.label} ({t('console.link', url=button.url)})")
                else:
                    pressable.append(button)
                    cells.append(f"[{len(pressable)}] {button.label}")
            out.append("  ".join(cells))
        if reply.ask_location:
            asks_location = True
            out.append(t("console.location"))
    return "\n".join(out), pressable, asks_location


def event_for(line: str, buttons: Sequence[Button], asks_location: bool) -> Event:
    """What a typed line means: a button number, a command, a location, or text."""
    text = line.strip()
    if text.isdigit() and 1 <= int(text) <= len(buttons):
        return Button(data=buttons[int(text) - 1].data)
    if text.startswith("/"):
        name, _, args = text[1:].partition(" ")
        return Command(name, args.strip())
    point = _POINT.match(text) if asks_location else None
    if point:
        lat, lon = (float(v.replace(",", ".")) for v in point.groups())
        return Location(lat, lon)
    return Text(text)


def run_console(ctx: Context, stdin: TextIO, stdout: TextIO, *, state: State | None = None) -> int:
    """Talk until an empty line or the end of input; returns the exit status."""
    state, replies = handle(state, Command("start"), ctx)
    print(plain(Translator(state.language or ctx.language)("console.hint")), file=stdout)
    while True:
        t = Translator(state.language or ctx.language)
        text, buttons, asks_location = render(replies, t)
        print(text, file=stdout)
        print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line.strip():
            print(file=stdout)
            return 0
        state, replies = handle(state, event_for(line, buttons, asks_location), ctx)


def build_context(sessions: sessionmaker[Session], **options: object) -> Context:
    """Load the catalogue, the cards and the life situations; build the search once."""
    from bot.compose import build_context as compose

    return compose(sessions, **options)


CONSOLE_PERSON = "console"  # a terminal has one person at it


def run_prompt(sessions: sessionmaker[Session], stdin: TextIO, stdout: TextIO, **options: object) -> int:
    """The conversation over the catalogue in the database, in a terminal.

    Completed searches and "informace nejsou správně" presses are counted in the anonymous
    statistics (channel "console"), like those from Telegram.
    """
    from bot.stats import record_feedback, record_search

    options.setdefault(
        "on_search",
        lambda e: record_search(
            sessions, e.result, channel="console", language=e.language, query=e.query, day=e.day, person=CONSOLE_PERSON
        ),
    )
    options.setdefault("on_feedback", lambda service_id, reason: record_feedback(sessions, service_id, reason))
    return run_console(build_context(sessions, **options), stdin, stdout)
