"""The public web catalogue (`python -m bot web`): search, service pages, crisis lines."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)


def run_web(sessions: sessionmaker[Session], settings: Settings) -> int:
    """Serve the web catalogue over the database on WEB_HOST:WEB_PORT until stopped; SIGHUP
    reads the catalogue again (after an import). Returns the exit status."""
    from aiohttp import web

    from bot.compose import build_context
    from bot.interpreter import keep_out_of_collections, tune_interpreter
    from bot.stats import StatsRecorder
    from bot.web.app import make_app, replace_catalogue

    host, port = settings.web_host, settings.web_port
    tune_interpreter()
    recorder = StatsRecorder(sessions)  # searches count in the statistics (bot.web.stats)
    app = make_app(build_context(sessions), recorder)
    keep_out_of_collections()  # the catalogue lives as long as the process

    async def close_recorder(_app: web.Application) -> None:
        await recorder.aclose()

    async def reload_on_hangup(_app: web.Application) -> None:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGHUP, hangup)

    def hangup() -> None:
        task = asyncio.get_running_loop().create_task(reload())
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    async def reload() -> None:
        try:
            ctx = await asyncio.to_thread(build_context, sessions)
        except Exception:
            log.exception("catalogue reload failed: the previous catalogue is still served")
            return
        replace_catalogue(app, ctx)
        log.info("catalogue reloaded: %d services", len(ctx.services))

    reloads: set[asyncio.Task[None]] = set()  # kept until done: the event loop holds tasks weakly
    app.on_startup.append(reload_on_hangup)
    app.on_cleanup.append(close_recorder)
    # no access log: the address of a search carries what the person wrote
    web.run_app(
        app, host=host, port=port, access_log=None, print=lambda _: print(f"Web katalogu běží na http://{host}:{port}/")
    )
    return 0
