"""The public web catalogue (`python -m bot web`): search, service pages, crisis lines."""

from __future__ import annotations

import os
import sys

from sqlalchemy.orm import Session, sessionmaker

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8081


def web_address() -> tuple[str, int]:
    """WEB_HOST and WEB_PORT from the environment (127.0.0.1:8081 by default)."""
    host = os.environ.get("WEB_HOST", "").strip() or DEFAULT_HOST
    value = os.environ.get("WEB_PORT", "").strip() or str(DEFAULT_PORT)
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ValueError("Neplatné nastavení WEB_PORT: očekává se číslo portu 1–65535")
    return host, int(value)


def run_web(sessions: sessionmaker[Session]) -> int:
    """Serve the web catalogue over the database until stopped; returns the exit status."""
    from aiohttp import web

    from bot.compose import build_context
    from bot.stats import StatsRecorder
    from bot.web.app import make_app

    try:
        host, port = web_address()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    recorder = StatsRecorder(sessions)  # searches count in the statistics (bot.web.stats)
    app = make_app(build_context(sessions), recorder)

    async def close_recorder(_app: web.Application) -> None:
        await recorder.aclose()

    app.on_cleanup.append(close_recorder)
    # no access log: the address of a search carries what the person wrote
    web.run_app(
        app, host=host, port=port, access_log=None, print=lambda _: print(f"Web katalogu běží na http://{host}:{port}/")
    )
    return 0
