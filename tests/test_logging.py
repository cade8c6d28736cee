"""LOG_LEVEL: operational events are logged at INFO, a user's words at no level."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.config import ConfigError, load_settings
from bot.logs import LIBRARY_LOGGERS, OWN_LOGGERS, configure_logging
from harness.fake_bot_api import User
from tests.test_telegram_fixtures import catalogue_template, db_url, exchange, start_bot  # noqa: F401

WRITER = User(5501, "Zdeňka", "cs")
WORDS = "Jmenuji se Zdeňka Vomáčková, potřebuji pečovatelku v Kojetíně"


@pytest.fixture
def restored_levels() -> Iterator[None]:
    names = (*OWN_LOGGERS, *LIBRARY_LOGGERS)
    before = {name: logging.getLogger(name).level for name in names}
    yield
    for name, level in before.items():
        logging.getLogger(name).setLevel(level)


async def test_no_level_logs_what_a_user_wrote(db_url: str, caplog, restored_levels) -> None:  # noqa: F811
    caplog.set_level(logging.DEBUG)
    configure_logging("DEBUG")
    async with start_bot(db_url) as running:
        await exchange(running.api, WRITER, lambda: running.api.say(WRITER, WORDS))
        await exchange(running.api, WRITER, lambda: running.api.say(WRITER, WORDS))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged  # our own operational events are there at DEBUG
    for word in ("Vomáčk", "Zdeňk", "pečovatelku", str(WRITER.id), running.settings.telegram_bot_token or "?"):
        assert word not in logged


def test_libraries_stay_at_warning_whatever_the_level(restored_levels) -> None:
    configure_logging("DEBUG")
    assert logging.getLogger("bot").level == logging.DEBUG
    assert all(logging.getLogger(name).level == logging.WARNING for name in LIBRARY_LOGGERS)


def test_an_unknown_log_level_is_a_one_line_czech_error(monkeypatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "hlasite")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert str(caught.value).startswith("Neplatné nastavení LOG_LEVEL:")
    assert "DEBUG, INFO, WARNING, ERROR" in str(caught.value)
