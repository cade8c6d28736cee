"""The guided conversation as plain Python: state + event -> new state + replies.

Knows nothing of Telegram: adapters (bot.console, the Telegram bot) turn their input into
events, call `handle`, render the replies and keep the state between messages.
"""

from bot.dialog.cards import PlaceInfo, ServiceCard
from bot.dialog.context import (
    Context,
    Region,
    SearchEvent,
    Situation,
    load_regions,
    load_situations,
    situations_from,
)
from bot.dialog.events import (
    Button,
    Command,
    Contact,
    Event,
    Location,
    Reply,
    Text,
    Venue,
)
from bot.dialog.flow import handle
from bot.dialog.inline import InlineAnswer, inline_answers
from bot.dialog.state import STATE_VERSION, PlaceSlot, State
from bot.safety.assessment import Assessment
from bot.safety.detector import DangerDetector
from bot.safety.lines import CrisisLine, load_crisis_lines

__all__ = [
    "STATE_VERSION",
    "Assessment",
    "Button",
    "Command",
    "Contact",
    "Context",
    "CrisisLine",
    "DangerDetector",
    "Event",
    "InlineAnswer",
    "Location",
    "PlaceInfo",
    "PlaceSlot",
    "Region",
    "Reply",
    "SearchEvent",
    "ServiceCard",
    "Situation",
    "State",
    "Text",
    "Venue",
    "handle",
    "inline_answers",
    "load_crisis_lines",
    "load_regions",
    "load_situations",
    "situations_from",
]
