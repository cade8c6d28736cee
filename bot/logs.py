"""Logging of the bot process: LOG_LEVEL for our own loggers, libraries held at WARNING.

Our loggers ("bot", "admin_scripts") log operational events (catalogue loaded, updates
dropped, retries) and never a user's words. The libraries' loggers stay at WARNING whatever
LOG_LEVEL says: at INFO and DEBUG they would write whole updates (with the user's text) and
request addresses (with the bot token).
"""

from __future__ import annotations

import logging

OWN_LOGGERS = ("bot", "admin_scripts")
LIBRARY_LOGGERS = ("telegram", "httpx", "httpcore", "aiohttp", "apscheduler", "sqlalchemy", "alembic", "asyncio")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(level: str) -> None:
    """Log to stderr: our loggers at `level` (DEBUG, INFO, WARNING, ERROR), libraries at WARNING."""
    logging.basicConfig(level=logging.WARNING, format=FORMAT)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level)
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
