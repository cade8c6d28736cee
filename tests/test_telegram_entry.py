"""`python -m bot` with TELEGRAM_BOT_TOKEN set talks in Telegram (here: the fake Bot API) and
stops cleanly on Ctrl+C."""

from __future__ import annotations

import asyncio
import os
import signal
import sys

from bot import PROJECT_ROOT
from harness.fake_bot_api import FakeBotAPI, User
from tests.test_telegram_fixtures import catalogue_template, db_url  # noqa: F401 - fixtures

ANNA = User(7001, "Anna", "cs")


async def test_the_entry_point_polls_telegram_and_stops_on_ctrl_c(db_url: str) -> None:  # noqa: F811
    async with FakeBotAPI() as api:
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_", "DATABASE_"))}
        env = {
            **clean,
            "DATABASE_URL": db_url,
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "TELEGRAM_MODE": "polling",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=PROJECT_ROOT,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            api.say(ANNA, "/start")
            [menu] = await api.wait_messages(ANNA.id, 1, timeout=30)
            assert menu["text"].startswith("Dobrý den")
            assert {c.params.get("language_code") for c in api.calls_of("setMyCommands")} == {"cs", "uk", "en", None}
            process.send_signal(signal.SIGINT)
            _out, err = await asyncio.wait_for(process.communicate(), timeout=20)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
        assert process.returncode == 0, err.decode()
        assert api.pending == 0
