"""Dialog replies as Telegram messages: HTML text, inline keyboards, venues, contacts.

A reply that asks for the location gets Telegram's own "share location" keyboard (a reply
keyboard: one button that sends the location, the reply's other buttons as typed words).
A reply that answers a button press may instead edit the message that held the button.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.dialog import Reply
from bot.dialog.words import keyword
from bot.i18n import Translator
from bot.telegram.delivery import deliver

log = logging.getLogger(__name__)

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove


def inline_keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard (callback data or a URL); None without buttons."""
    rows = [
        [
            InlineKeyboardButton(b.label, url=b.url) if b.url else InlineKeyboardButton(b.label, callback_data=b.data)
            for b in row
        ]
        for row in reply.buttons
    ]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(rows) if rows else None


def location_keyboard(reply: Reply, t: Translator) -> ReplyKeyboardMarkup:
    """The "share my location" keyboard; the reply's other buttons become words to tap
    (those the dialog understands typed, such as "Zpět")."""
    rows: list[list[KeyboardButton]] = [[KeyboardButton(t("btn.location"), request_location=True)]]
    words = [KeyboardButton(b.label) for row in reply.buttons for b in row if not b.url and keyword(b.label)]
    if words:
        rows.append(words)
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)


def markup_of(reply: Reply, t: Translator) -> Markup | None:
    """What goes under the reply's text."""
    return location_keyboard(reply, t) if reply.ask_location else inline_keyboard(reply)


def can_edit(replies: Sequence[Reply]) -> bool:
    """True when the replies are one plain screen that may replace the pressed message."""
    return len(replies) == 1 and not (replies[0].venue or replies[0].contact or replies[0].ask_location)


async def edit(bot: Bot, chat_id: int, message_id: int, reply: Reply) -> bool:
    """Replace the text and keyboard of a message; False when Telegram will not edit it."""
    try:
        await deliver(
            lambda: bot.edit_message_text(
                reply.text,
                chat_id=chat_id,
                message_id=message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=inline_keyboard(reply),
            ),
            what="editMessageText",
        )
    except BadRequest as error:
        if "not modified" in str(error).lower():
            return True
        log.info("message %s could not be edited (%s); sending a new one", message_id, error)
        return False
    return True


async def send(bot: Bot, chat_id: int, reply: Reply, t: Translator) -> None:
    """Send one reply: its text with its keyboard, then its venue or contact."""
    if reply.text.strip():
        markup = markup_of(reply, t)
        await deliver(
            lambda: bot.send_message(chat_id, reply.text, parse_mode=ParseMode.HTML, reply_markup=markup),
            what="sendMessage",
        )
    if reply.venue:
        v = reply.venue
        await deliver(
            lambda: bot.send_venue(chat_id, latitude=v.lat, longitude=v.lon, title=v.title, address=v.address),
            what="sendVenue",
        )
    if reply.contact:
        c = reply.contact
        await deliver(lambda: bot.send_contact(chat_id, phone_number=c.phone, first_name=c.name), what="sendContact")


async def send_replies(
    bot: Bot, chat_id: int, replies: Sequence[Reply], t: Translator, *, edit_message: int | None = None
) -> None:
    """Send the replies in order; with `edit_message`, a single screen replaces that message."""
    if edit_message is not None and can_edit(replies) and await edit(bot, chat_id, edit_message, replies[0]):
        return
    for reply in replies:
        await send(bot, chat_id, reply, t)


async def send_text(bot: Bot, chat_id: int, text: str, markup: Markup | None = None) -> Message:
    """Send a text of the adapter's own (an error, an admin answer, a notice)."""
    return await deliver(
        lambda: bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup), what="sendMessage"
    )
