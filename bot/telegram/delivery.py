"""Getting calls through to Telegram: retries on flood limits and network faults, per-chat order.

`deliver` retries a call on RetryAfter (after the time Telegram asks for), on timeouts and on
network errors (a 502, a dropped connection) with a growing pause; a request Telegram refused
(BadRequest, Forbidden) is not retried. `ChatLocks` lets one update of a chat at a time be
answered, so replies never interleave even when updates are processed concurrently.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter

log = logging.getLogger(__name__)

T = TypeVar("T")

ATTEMPTS = 6
FIRST_PAUSE = 0.2
LONGEST_PAUSE = 5.0
LONGEST_RETRY_AFTER = 60.0


def retry_after_seconds(error: RetryAfter) -> float:
    """How long Telegram asked to wait, in seconds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


async def deliver(call: Callable[[], Awaitable[T]], *, attempts: int = ATTEMPTS, what: str = "call") -> T:
    """Await `call()`, retrying flood limits and network faults; the last error is raised."""
    pause = FIRST_PAUSE
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except (BadRequest, Forbidden, InvalidToken):
            raise
        except RetryAfter as error:
            if attempt == attempts:
                raise
            wait = min(retry_after_seconds(error), LONGEST_RETRY_AFTER) + 0.1
        except NetworkError as error:  # includes TimedOut, a 502 and a dropped connection
            if attempt == attempts:
                raise
            wait = pause
            pause = min(pause * 2, LONGEST_PAUSE)
            log.info("%s failed (%s); retrying in %.1f s", what, error, wait)
        await asyncio.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


class ChatLocks:
    """One asyncio lock per chat, dropped when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    @asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        """Hold the chat's lock for the duration of the block."""
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        self._users[chat_id] = self._users.get(chat_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[chat_id] -= 1
            if not self._users[chat_id]:
                del self._users[chat_id]
                del self._locks[chat_id]

    def __len__(self) -> int:
        return len(self._locks)
