"""`python -m bot`: start Síť pomoci on the configured database.

Loads the bundled data into an empty database, then talks to the user: in Telegram when
TELEGRAM_BOT_TOKEN is set (and the Telegram adapter `bot.telegram` is installed), otherwise
the same conversation in the terminal. `python -m bot web` serves the web catalogue instead
(WEB_HOST, WEB_PORT; 127.0.0.1:8081 by default).
"""

from __future__ import annotations

import importlib.util
import sys

from bot.config import ConfigError, load_settings
from bot.db import make_engine, session_factory, upgrade_schema
from bot.logs import configure_logging


def main() -> int:
    """Run the application; returns the process exit status."""
    try:
        settings = load_settings()
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    engine = make_engine(settings.database_url)
    upgrade_schema(engine)
    sessions = session_factory(engine)

    from bot.catalog.bundled import load_bundled_data, missing_data

    load_bundled_data(sessions)  # only into an entirely empty database
    with sessions() as session:
        missing = missing_data(session)
    if missing:
        print("\n".join(missing), file=sys.stderr)
        return 2
    if sys.argv[1:] == ["web"]:
        from bot.web import run_web

        return run_web(sessions, settings)
    if settings.telegram_bot_token and importlib.util.find_spec("bot.telegram") is not None:
        from bot.telegram import run

        return int(run(settings, sessions))

    from bot.console.prompt import run_prompt

    return run_prompt(
        sessions,
        sys.stdin,
        sys.stdout,
        language=settings.default_language,
        conversation_hours=settings.conversation_ttl_hours,
    )


if __name__ == "__main__":
    sys.exit(main())
