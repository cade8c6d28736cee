"""Inline mode: `@bot pečovatelská Kojetín` in any chat lists matching services; picking one
posts its card (the dialog's rendering, `bot.dialog.inline_answers`) into that chat.

Inline queries arrive with every keystroke, so they are not counted in the statistics; a
result the user actually picked is (when inline feedback is enabled for the bot).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.dialog import InlineAnswer, ServiceCard
from bot.dialog.cardview import web_url
from bot.i18n import Translator
from bot.telegram.delivery import deliver
from bot.telegram.handlers import runtime_of
from bot.telegram.texts import Texts

log = logging.getLogger(__name__)

MAX_QUERY = 200
START_PARAMETER = "inline"
CACHE_SECONDS = 60  # per user: the cards are in the user's language


def article(answer: InlineAnswer, card: ServiceCard | None, t: Translator) -> InlineQueryResultArticle:
    """One service as an inline result whose message is its card (with its web as a button)."""
    web = web_url(card.webs[0]) if card and card.webs else None
    return InlineQueryResultArticle(
        id=answer.id,
        title=answer.title,
        description=answer.description or None,
        input_message_content=InputTextMessageContent(
            answer.text, parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
        ),
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton(t("btn.web"), url=web)]]) if web else None,
    )


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the services matching the inline query; offer the bot's chat when there are none."""
    query = update.inline_query
    if query is None:
        return
    runtime = runtime_of(context)
    language = runtime.language_for(query.from_user.language_code)
    t = Texts(language)
    text = " ".join(query.query.split())[:MAX_QUERY]
    results: list[InlineQueryResultArticle] = []
    if text:
        ctx, answers = await asyncio.to_thread(runtime.inline_search, text, language)
        results = [article(a, ctx.cards(int(a.id)) if a.id.isdigit() else None, t) for a in answers]
    button = None
    if not results:
        label = t("inline.nothing") if text else t("inline.open")
        button = InlineQueryResultsButton(text=label, start_parameter=START_PARAMETER)
    await deliver(
        lambda: query.answer(results, cache_time=CACHE_SECONDS, is_personal=True, button=button),
        attempts=3,
        what="answerInlineQuery",
    )


async def on_chosen_inline_result(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Count the search behind a picked inline result (no person, no chat in it: the user
    only makes sure they count once a day)."""
    chosen = update.chosen_inline_result
    if chosen is None:
        return
    runtime = runtime_of(context)
    language = runtime.language_for(chosen.from_user.language_code)
    await asyncio.to_thread(runtime.record_inline, chosen.query, language, chosen.from_user.id)
