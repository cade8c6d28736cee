"""Private-chat handlers: Telegram updates in, dialog events to `handle`, replies out.

Commands, text, locations and button presses become Command, Text, Location and Button
events. The chat's state is read, changed and saved in one transaction (in a worker thread)
while the chat's lock is held, then the replies are sent in order. A button press is always
answered; when it only moves within a screen (paging, the next question) its message is
edited instead of a new one being sent.

An update Telegram delivers again (same update_id) is answered once. In groups the bot says
once, when it is added, that it talks only in private chats, and is silent there otherwise.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections import deque
from typing import Any

from telegram import (
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes

from bot.dialog import Button, Command, Event, Location, Text
from bot.dialog import callbacks as cb
from bot.telegram.delivery import ChatLocks, deliver
from bot.telegram.replies import Markup, send_replies, send_text
from bot.telegram.runtime import Runtime
from bot.telegram.texts import Texts

log = logging.getLogger(__name__)

REMEMBERED_UPDATES = 4096  # update ids kept to recognise one delivered again

# presses that move within one screen: their answer replaces the pressed message
EDITING_ACTIONS = frozenset(
    {
        cb.PAGE,
        cb.GROUP,
        cb.TOWN,
        cb.NEED,
        cb.BACK,
        cb.FREE,
        cb.LANGUAGE,
        cb.CHANGE_TOWN,
        cb.CHANGE_NEED,
        cb.CHANGE_GROUP,
        cb.ANY_GROUP,
    }
)


class RecentUpdates:
    """The ids of the last `size` updates, to recognise one that arrives again."""

    def __init__(self, size: int = REMEMBERED_UPDATES) -> None:
        self._order: deque[int] = deque()
        self._ids: set[int] = set()
        self._size = size

    def first_time(self, update_id: int) -> bool:
        """Remember `update_id`; False when it was already seen."""
        if update_id in self._ids:
            return False
        self._ids.add(update_id)
        self._order.append(update_id)
        if len(self._order) > self._size:
            self._ids.discard(self._order.popleft())
        return True


def runtime_of(context: ContextTypes.DEFAULT_TYPE) -> Runtime:
    """The shared runtime of the application."""
    return context.application.bot_data["runtime"]


def locks_of(context: ContextTypes.DEFAULT_TYPE) -> ChatLocks:
    """The per-chat locks of the application."""
    return context.application.bot_data.setdefault("locks", ChatLocks())


def tell_skipped(app: Application[Any, Any, Any, Any, Any, Any], update: Update) -> None:
    """Tell a private chat, once per burst, that messages it sent too fast were skipped."""
    if not is_private(update) or update.effective_chat is None:
        return
    runtime: Runtime = app.bot_data["runtime"]
    text = Texts(language_of(update, runtime))("flood.skipped")
    app.create_task(send_text(app.bot, update.effective_chat.id, text), name="flood-notice")


def is_private(update: Update) -> bool:
    """True for a private chat with a person."""
    return update.effective_chat is not None and update.effective_chat.type == Chat.PRIVATE


def language_of(update: Update, runtime: Runtime) -> str:
    """The language Telegram reports for the user (cs/uk/en), else DEFAULT_LANGUAGE."""
    user = update.effective_user
    return runtime.language_for(user.language_code if user else None)


def parse_command(text: str) -> Command:
    """ "/jazyk@SitPomociBot uk" -> Command("jazyk", "uk")."""
    head, _, args = text.strip().partition(" ")
    return Command(head.lstrip("/").split("@", 1)[0].lower(), args.strip())


def editing_press(data: str) -> bool:
    """True when the press only moves within the screen of its message."""
    try:
        return cb.parse(data).action in EDITING_ACTIONS
    except cb.BadData:
        return False


async def converse(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    event: Event,
    *,
    edit_message: int | None = None,
    note: str | None = None,
    preface: str | None = None,
    preface_markup: Markup | None = None,
) -> None:
    """Answer one event of a private chat, in the conversation's language.

    `note` (a message id) leads the first reply; `preface` (a message id, with its keyboard)
    is sent on its own before the replies.
    """
    runtime = runtime_of(context)
    chat = update.effective_chat
    assert chat is not None
    async with locks_of(context).hold(chat.id):
        language, replies = await asyncio.to_thread(runtime.answer, chat.id, event, language_of(update, runtime))
        t = Texts(language)
        if preface:
            await send_text(context.bot, chat.id, t(preface), preface_markup)
        if note and replies:
            replies[0] = dataclasses.replace(replies[0], text=f"{t(note)}\n\n{replies[0].text}")
        await send_replies(context.bot, chat.id, replies, t, edit_message=edit_message)


async def drop_repeated(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop an update that was already handled (Telegram delivers an update again when it did
    not learn that the bot got it: after a lost webhook answer, a restart while polling)."""
    if not isinstance(update, Update):
        return
    recent = context.application.bot_data.setdefault("recent", RecentUpdates())
    if not recent.first_time(update.update_id):
        log.info("update %d arrived again; ignored", update.update_id)
        raise ApplicationHandlerStop


async def on_added_to_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Added to a group (or a group created with it): say once that the bot talks only in
    private chats and in inline mode. Nothing else in a group gets an answer."""
    message = update.message
    chat = update.effective_chat
    if message is None or chat is None or is_private(update):
        return
    me = context.bot.id
    created = message.group_chat_created or message.supergroup_chat_created
    if not created and not any(member.id == me for member in message.new_chat_members):
        return
    t = Texts(language_of(update, runtime_of(context)))
    try:
        await send_text(context.bot, chat.id, t("group.private_only", bot=context.bot.username))
    except TelegramError as error:  # the group may not let the bot write
        log.info("the group notice could not be sent: %s", error)


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A slash command (known or not: the dialog answers unknown ones)."""
    if update.message and update.message.text and is_private(update):
        await converse(update, context, parse_command(update.message.text))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A typed message."""
    if update.message and update.message.text is not None and is_private(update):
        await converse(update, context, Text(update.message.text))


async def on_location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A shared location: used for this one answer, never stored; the location keyboard goes away."""
    message = update.message
    if message is None or message.location is None or not is_private(update):
        return
    point = Location(message.location.latitude, message.location.longitude)
    await converse(update, context, point, preface="location.thanks", preface_markup=ReplyKeyboardRemove())


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A picture, a voice message, a file…: its caption is read as text; without one, say what
    the bot can read and show where we are."""
    message = update.message
    if message is None or not is_private(update):
        return
    if message.caption and message.caption.strip():
        await converse(update, context, Text(message.caption))
    else:
        await converse(update, context, Text(""), note="media.unsupported")


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button press: always answered (alongside the work, so presses keep their order);
    stale or forged data gets the dialog's polite restart."""
    query = update.callback_query
    if query is None:
        return
    answering = asyncio.create_task(answer_press(query))
    try:
        message = query.message
        if message is not None and is_private(update) and query.data is not None:
            edit_message = message.message_id if editing_press(query.data) else None
            await converse(update, context, Button(data=query.data), edit_message=edit_message)
    finally:
        await answering


async def answer_press(query: CallbackQuery) -> None:
    """Stop the button's spinner; a failure is only logged."""
    try:
        await deliver(query.answer, attempts=3, what="answerCallbackQuery")
    except Exception as error:  # noqa: BLE001 - the press is handled even when its answer fails
        log.info("callback query could not be answered: %s", error)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error and, in a private chat, apologise with a way back and the crisis lines."""
    log.error("error while answering an update", exc_info=context.error)
    if not isinstance(update, Update) or not is_private(update):
        return
    chat = update.effective_chat
    assert chat is not None
    t = Texts(language_of(update, runtime_of(context)))
    buttons = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t("btn.restart"), callback_data=cb.RESTART)],
            [InlineKeyboardButton(t("btn.crisis"), callback_data=cb.CRISIS)],
        ]
    )
    try:
        await send_text(context.bot, chat.id, t("error.sorry"), buttons)
    except Exception:  # nothing more can be done for this update
        log.exception("the apology could not be sent either")
