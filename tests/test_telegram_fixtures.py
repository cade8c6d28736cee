"""Fixtures of the Telegram tests: the real Application on the bundled catalogue, talking over
real HTTP on 127.0.0.1 to the fake Bot API (harness/fake_bot_api.py).

Each test gets its own copy of a SQLite database with the bundled catalogue, a fresh fake
server and a bot started in the configured mode (long polling unless told otherwise).
"""

from __future__ import annotations

import datetime as dt
import shutil
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.catalog.bundled import load_bundled_data
from bot.config import Settings, load_settings
from bot.db import make_engine, session_factory, upgrade_schema
from bot.stats import StatsRecorder
from bot.telegram import Runtime, build_application, running
from harness.fake_bot_api import FakeBotAPI, User

ADMIN = User(4242, "Správce", "cs")
STEP_TIMEOUT = 8.0


@dataclass
class RunningBot:
    """A started bot and the fake server it talks to."""

    api: FakeBotAPI
    app: Application
    runtime: Runtime
    settings: Settings
    recorder: StatsRecorder


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def catalogue_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database with the bundled catalogue, built once per run."""
    path = tmp_path_factory.mktemp("telegram") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    load_bundled_data(session_factory(engine))
    engine.dispose()
    return path


@pytest.fixture
def db_url(catalogue_template: Path, tmp_path: Path) -> str:
    """A copy of the template database of this test alone."""
    target = tmp_path / "bot.sqlite3"
    shutil.copy(catalogue_template, target)
    return f"sqlite:///{target}"


def bot_settings(db_url: str, api: FakeBotAPI, **overrides: Any) -> Settings:
    """Settings that point the bot at the fake server."""
    values: dict[str, Any] = {
        "database_url": db_url,
        "telegram_bot_token": api.token,
        "telegram_api_base_url": api.base_url,
        "admin_user_ids": frozenset({ADMIN.id}),
        "default_language": "cs",
        "conversation_ttl_hours": 24.0,
        "telegram_mode": "polling",
        "webhook_url": None,
        "webhook_secret": None,
        "state_secret": "a-secret-of-the-test-bot-only-" + api.token[:8],
    }
    values.update(overrides)
    return load_settings(**values)


@asynccontextmanager
async def start_bot(db_url: str, api: FakeBotAPI | None = None, **overrides: Any) -> AsyncIterator[RunningBot]:
    """Start the bot (and a fake server unless one is given) until the block ends."""
    async with AsyncExitStack() as stack:
        if api is None:
            api = await stack.enter_async_context(FakeBotAPI())
        settings = bot_settings(db_url, api, **overrides)
        engine = make_engine(db_url)
        stack.callback(engine.dispose)
        sessions = session_factory(engine)
        recorder = StatsRecorder(sessions, max_delay=0.05)
        stack.callback(recorder.close)
        runtime = Runtime(settings, sessions, recorder=recorder)
        app = build_application(settings, runtime)
        polling = {"timeout": dt.timedelta(seconds=1)} if settings.telegram_mode == "polling" else {}
        async with running(app, settings, **polling):
            yield RunningBot(api, app, runtime, settings, recorder)


@pytest.fixture
async def bot(db_url: str) -> AsyncIterator[RunningBot]:
    """A bot polling the fake server."""
    async with start_bot(db_url) as running_bot:
        yield running_bot


async def exchange(
    api: FakeBotAPI, user: User, push: Callable[[], object], *, messages: int = 1, edits: int = 0
) -> list[dict[str, Any]]:
    """Queue an update and wait for its answer: `messages` new messages and `edits` edits in
    the user's chat. Returns the new messages."""
    before = len(api.sent(user.id))
    edits_before = len(edits_in(api, user))
    push()
    await api.wait_for(
        lambda: len(api.sent(user.id)) >= before + messages and len(edits_in(api, user)) >= edits_before + edits,
        STEP_TIMEOUT,
        f"{messages} messages and {edits} edits for {user.id}",
    )
    return api.sent(user.id)[before:]


def edits_in(api: FakeBotAPI, user: User) -> list[Any]:
    """The editMessageText calls of the user's chat."""
    return [c for c in api.calls_of("editMessageText") if c.params.get("chat_id") == user.id]


def buttons_of(message: dict[str, Any]) -> list[str]:
    """The labels of a message's inline buttons."""
    return [b["text"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
