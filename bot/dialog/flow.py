"""The conversation: `handle(state, event, ctx) -> (new_state, replies)`.

Slot filling over three slots — group, place, need. Buttons fill one slot each; free text
fills whatever the search understands in it; the dialog then asks only for what is missing
and says what it understood. "Zpět" un-answers the last question, "Začít znovu" clears all.
"""

from __future__ import annotations

from bot.dialog.commands import run_command
from bot.dialog.context import Context
from bot.dialog.events import Button, Command, Event, Location, Reply, Text
from bot.dialog.presses import press
from bot.dialog.render import fit
from bot.dialog.state import State
from bot.dialog.turn import Turn, crisis_after

__all__ = ["Turn", "crisis_after", "handle"]


def handle(state: State | None, event: Event, ctx: Context) -> tuple[State, list[Reply]]:
    """Answer one event. Returns the new state and the replies to send, in order."""
    turn = Turn(state or State(), ctx)
    if isinstance(event, Command):
        run_command(turn, event.name, event.args)
    elif isinstance(event, Text):
        turn.text(event.text)
    elif isinstance(event, Button):
        press(turn, event.data)
    elif isinstance(event, Location):
        turn.location(event.lat, event.lon)
    return turn.state, [fit(r) for r in turn.replies]
