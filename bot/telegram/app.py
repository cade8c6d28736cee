"""The python-telegram-bot Application: built from the settings, run by long polling or webhook.

`build_application` wires the handlers, the HTTP client (`transport`), the rate limiter and
HTML defaults; its post-init
registers the bot's commands in cs/uk/en and starts purging expired conversations. `run`
blocks in the configured mode (TELEGRAM_MODE); `running` is the same lifecycle as an async
context manager, for embedding the bot in another event loop (and for the tests).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import secrets
from collections.abc import AsyncIterator
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ChosenInlineResultHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import Settings
from bot.dialog.commands import COMMANDS
from bot.i18n import LANGUAGES
from bot.interpreter import keep_out_of_collections, tune_interpreter
from bot.telegram import admin, handlers, inline
from bot.telegram.delivery import ChatLocks, deliver
from bot.telegram.fairness import MAX_WAITING_PER_CHAT, FairUpdateProcessor
from bot.telegram.runtime import Runtime
from bot.telegram.texts import Texts
from bot.telegram.transport import AiohttpRequest

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "chosen_inline_result"]
PURGE_EVERY_SECONDS = 15 * 60
# The limiter only paces calls within Telegram's flood limits; retrying (flood limits and
# network faults alike) is bot.telegram.delivery's alone, so a call has one budget of attempts.
RATE_LIMIT_RETRIES = 0
CONNECTIONS = 256  # to the Bot API at once, as PTB's default

# the commands offered in Telegram's menu, per language (each must be one of the dialog's)
MENU = {
    "cs": ("start", "krize", "jazyk", "pracovnik", "pomoc", "soukromi", "zapomen", "o_botu"),
    "uk": ("start", "sos", "language", "worker", "help", "privacy", "forget", "about"),
    "en": ("start", "sos", "language", "worker", "help", "privacy", "forget", "about"),
}
DESCRIPTIONS = {
    "start": "cmd.start",
    "crisis": "cmd.crisis",
    "language": "cmd.language",
    "worker": "cmd.worker",
    "help": "cmd.help",
    "privacy": "cmd.privacy",
    "forget": "cmd.forget",
    "about": "cmd.about",
}


def menu_commands(language: str) -> list[BotCommand]:
    """The command menu of `language`, described in it."""
    t = Texts(language)
    return [
        BotCommand(name, t(DESCRIPTIONS[COMMANDS[name]]))
        for name in MENU[language]
        if COMMANDS.get(name) in DESCRIPTIONS
    ]


def file_base_url(base_url: str) -> str:
    """The file download address that goes with a Bot API address (…/bot -> …/file/bot)."""
    return base_url[: -len("bot")] + "file/bot" if base_url.endswith("/bot") else base_url


def build_application(
    settings: Settings, runtime: Runtime, *, rate_limit: bool = True, per_chat: int = MAX_WAITING_PER_CHAT
) -> Application:
    """The Application with every handler, pointed at TELEGRAM_API_BASE_URL.

    `rate_limit=False` leaves out the limiter that keeps the bot within Telegram's flood
    limits (for measuring the bot itself against a local fake of the Bot API); `per_chat` is
    how many updates of one chat may wait (bot.telegram.fairness).
    """
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    processor = FairUpdateProcessor(per_chat=per_chat)
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(file_base_url(settings.telegram_api_base_url))
        .request(AiohttpRequest(CONNECTIONS))
        .get_updates_request(AiohttpRequest(1))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .concurrent_updates(processor)
        .post_init(_post_init)
        .post_stop(_post_stop)
    )
    # the limiter changes the builder's type (its bot takes the limiter's arguments)
    app: Application = (
        builder.rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES)).build() if rate_limit else builder.build()
    )
    app.bot_data["runtime"] = runtime
    processor.on_drop = functools.partial(handlers.tell_skipped, app)
    app.bot_data["locks"] = ChatLocks()
    app.bot_data["recent"] = handlers.RecentUpdates()
    app.add_handler(TypeHandler(Update, handlers.drop_repeated), group=-1)
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    joined = filters.StatusUpdate.NEW_CHAT_MEMBERS | filters.StatusUpdate.CHAT_CREATED
    app.add_handler(MessageHandler(filters.ChatType.GROUPS & joined, handlers.on_added_to_group))
    app.add_handler(CommandHandler(list(admin.ADMIN_COMMANDS), admin.on_admin, filters=private))
    app.add_handler(CommandHandler(list(COMMANDS), handlers.on_command, filters=private))
    app.add_handler(MessageHandler(private & filters.COMMAND, handlers.on_command))
    app.add_handler(MessageHandler(private & filters.TEXT, handlers.on_text))
    app.add_handler(MessageHandler(private & filters.LOCATION, handlers.on_location))
    app.add_handler(MessageHandler(private & ~filters.StatusUpdate.ALL, handlers.on_other))
    app.add_handler(CallbackQueryHandler(handlers.on_callback))
    app.add_handler(InlineQueryHandler(inline.on_inline_query))
    app.add_handler(ChosenInlineResultHandler(inline.on_chosen_inline_result))
    app.add_error_handler(handlers.on_error)
    return app


async def register_commands(app: Application) -> None:
    """The command menu in cs, uk and en, and the default language's as the fallback."""
    runtime: Runtime = app.bot_data["runtime"]
    for language in (*LANGUAGES, None):
        commands = menu_commands(language or runtime.settings.default_language)
        try:
            await deliver(partial(app.bot.set_my_commands, commands, language_code=language), what="setMyCommands")
        except TelegramError as error:
            log.warning("the command menu (%s) could not be registered: %s", language or "default", error)


async def purge_forever(runtime: Runtime, every: float = PURGE_EVERY_SECONDS) -> None:
    """Delete expired conversations now and then every `every` seconds."""
    while True:
        try:
            purged = await asyncio.to_thread(runtime.store.purge)
            if purged:
                log.info("purged %d expired conversations", purged)
        except Exception:  # retried at the next round
            log.exception("purging expired conversations failed")
        await asyncio.sleep(every)


async def _post_init(app: Application) -> None:
    await register_commands(app)
    app.bot_data["purge"] = asyncio.create_task(purge_forever(app.bot_data["runtime"]))


async def _post_stop(app: Application) -> None:
    task = app.bot_data.pop("purge", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def polling_options() -> dict[str, Any]:
    """Arguments of long polling (run_polling / start_polling)."""
    return {"allowed_updates": ALLOWED_UPDATES, "bootstrap_retries": 5}


def webhook_options(settings: Settings) -> dict[str, Any]:
    """Arguments of the webhook server (run_webhook / start_webhook) from the settings.

    The server listens on WEBHOOK_LISTEN:WEBHOOK_PORT at the path of WEBHOOK_URL and accepts
    only requests carrying WEBHOOK_SECRET (a random one for this run when it is not set).
    """
    if not settings.webhook_url:
        raise ValueError("WEBHOOK_URL is not set")
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": urlsplit(settings.webhook_url).path.strip("/"),
        "webhook_url": settings.webhook_url,
        "secret_token": settings.webhook_secret or secrets.token_urlsafe(32),
        "allowed_updates": ALLOWED_UPDATES,
        "bootstrap_retries": 5,
    }


@contextlib.asynccontextmanager
async def running(app: Application, settings: Settings, **overrides: Any) -> AsyncIterator[Application]:
    """The application started in the configured mode until the block ends, then stopped."""
    webhook = settings.telegram_mode == "webhook"
    options = {**(webhook_options(settings) if webhook else polling_options()), **overrides}
    await app.initialize()
    try:
        await _post_init(app)
        assert app.updater is not None  # ApplicationBuilder gives every application an updater unless told not to
        if webhook:
            await app.updater.start_webhook(**options)
        else:
            await app.updater.start_polling(**options)
        await app.start()
        try:
            yield app
        finally:
            if app.updater and app.updater.running:
                await app.updater.stop()
            await app.stop()
    finally:
        await _post_stop(app)
        await app.shutdown()


def run(settings: Settings, sessions: Any) -> int:
    """Run the bot until interrupted (Ctrl+C, SIGTERM); returns the exit status."""
    tune_interpreter()
    runtime = Runtime.create(settings, sessions)
    app = build_application(settings, runtime)
    keep_out_of_collections()  # the catalogue lives as long as the process
    try:
        if settings.telegram_mode == "webhook":
            app.run_webhook(**webhook_options(settings))
        else:
            app.run_polling(**polling_options())
    finally:
        runtime.close()
    return 0
