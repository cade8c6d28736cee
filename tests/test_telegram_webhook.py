"""Webhook mode: the bot's own server on 127.0.0.1 takes updates only with the secret token."""

from __future__ import annotations

import httpx
import pytest

from bot.config import ConfigError, load_settings
from bot.telegram.app import webhook_options
from harness.fake_bot_api import FakeBotAPI, User
from tests.test_telegram_fixtures import (  # noqa: F401
    buttons_of,
    catalogue_template,
    db_url,
    free_port,
    start_bot,
)

PETR = User(3001, "Petr", "cs")
SECRET = "s3cret-Token_for-tests"
URL = "https://pomoc.example.cz/telegram/hook"


async def post(port: int, update: dict, secret: str | None) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    async with httpx.AsyncClient(timeout=5) as client:
        response = await client.post(f"http://127.0.0.1:{port}/telegram/hook", json=update, headers=headers)
    return response.status_code


async def test_updates_with_the_secret_are_answered_and_others_refused(db_url: str) -> None:  # noqa: F811
    port = free_port()
    settings = {
        "telegram_mode": "webhook",
        "webhook_url": URL,
        "webhook_listen": "127.0.0.1",
        "webhook_port": port,
        "webhook_secret": SECRET,
    }
    async with FakeBotAPI() as api, start_bot(db_url, api, **settings):
        [registered] = api.calls_of("setWebhook")
        assert registered.params["url"] == URL
        assert registered.params["secret_token"] == SECRET
        assert registered.params["allowed_updates"] == [
            "message",
            "callback_query",
            "inline_query",
            "chosen_inline_result",
        ]

        assert await post(port, api.update_for(api.user_message(PETR, text="/start")), None) == 403
        assert await post(port, api.update_for(api.user_message(PETR, text="/start")), "wrong") == 403
        assert await post(port, api.update_for(api.user_message(PETR, text="/start")), SECRET) == 200
        [menu] = await api.wait_messages(PETR.id, 1)
        assert menu["text"].startswith("Dobrý den")

        menu_press = api.update_for(
            {
                "callback_query": {
                    "id": "q1",
                    "from": PETR.as_dict(),
                    "chat_instance": "c",
                    "message": menu,
                    "data": next(
                        b["callback_data"]
                        for row in menu["reply_markup"]["inline_keyboard"]
                        for b in row
                        if b["text"] == "Senioři"
                    ),
                }
            }
        )
        assert await post(port, menu_press, SECRET) == 200
        await api.wait_for(lambda: len(api.calls_of("editMessageText")) == 1, what="the menu edited")
        assert "Ve které obci" in api.sent(PETR.id)[0]["text"]
        assert len(api.sent(PETR.id)) == 1
        assert api.calls_of("getUpdates") == []


async def test_without_a_configured_secret_a_random_one_protects_the_webhook(db_url: str) -> None:  # noqa: F811
    port = free_port()
    async with FakeBotAPI() as api, start_bot(db_url, api, telegram_mode="webhook", webhook_url=URL, webhook_port=port):
        [registered] = api.calls_of("setWebhook")
        secret = registered.params["secret_token"]
        assert len(secret) >= 32
        assert await post(port, api.update_for(api.user_message(PETR, text="/start")), None) == 403
        assert await post(port, api.update_for(api.user_message(PETR, text="/start")), secret) == 200
        await api.wait_messages(PETR.id, 1)


def test_webhook_settings_are_checked_and_turned_into_server_options(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_MODE", "WEBHOOK_URL", "WEBHOOK_SECRET", "WEBHOOK_PORT", "WEBHOOK_LISTEN"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigError, match="WEBHOOK_URL"):
        load_settings(telegram_mode="webhook")
    with pytest.raises(ConfigError, match="TELEGRAM_MODE"):
        load_settings(telegram_mode="push")
    with pytest.raises(ConfigError, match="WEBHOOK_SECRET"):
        load_settings(telegram_mode="webhook", webhook_url=URL, webhook_secret="no spaces please")
    monkeypatch.setenv("TELEGRAM_MODE", "webhook")
    monkeypatch.setenv("WEBHOOK_URL", URL)
    monkeypatch.setenv("WEBHOOK_PORT", "8443")
    monkeypatch.setenv("WEBHOOK_SECRET", SECRET)
    options = webhook_options(load_settings())
    assert options["url_path"] == "telegram/hook"
    assert (options["listen"], options["port"], options["secret_token"]) == ("127.0.0.1", 8443, SECRET)
    assert options["webhook_url"] == URL
