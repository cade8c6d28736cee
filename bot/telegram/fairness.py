"""One chat cannot slow down the others: a cap on the updates each chat has waiting.

Updates are processed concurrently, and each chat's are answered one at a time (its lock
in `delivery.ChatLocks`). Without a cap, a chat that sends a thousand messages fills every
processing slot with updates waiting for its own lock, and everyone else waits behind them.
`FairUpdateProcessor` lets at most `per_chat` updates of one chat (or, for inline queries,
one user) wait or run; further ones are dropped at once, which frees their slot for others,
and the chat is told once per burst (`on_drop`) that some messages were skipped. A person
typing or forwarding a dozen messages in a row never meets the cap.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)

MAX_CONCURRENT_UPDATES = 256
MAX_WAITING_PER_CHAT = 20  # a burst of forwarded messages fits; a flood does not


def sender_of(update: object) -> tuple[str, int] | None:
    """Whose update it is: ("chat", id), or ("user", id) for an update without a chat."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None


class FairUpdateProcessor(BaseUpdateProcessor):
    """Concurrent processing with at most `per_chat` updates of one sender at a time."""

    def __init__(
        self,
        max_concurrent_updates: int = MAX_CONCURRENT_UPDATES,
        per_chat: int = MAX_WAITING_PER_CHAT,
        on_drop: Callable[[Update], None] | None = None,
    ):
        super().__init__(max_concurrent_updates)
        if per_chat < 1:
            raise ValueError("per_chat must be at least 1")
        self.per_chat = per_chat
        self.on_drop = on_drop  # told of the first dropped update of each burst
        self.dropped = 0
        self._waiting: dict[tuple[str, int], int] = {}
        self._told: set[tuple[str, int]] = set()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Process the update, or drop it when its sender already has `per_chat` waiting."""
        sender = sender_of(update)
        if sender is not None and self._waiting.get(sender, 0) >= self.per_chat:
            self.dropped += 1
            close = getattr(coroutine, "close", None)
            if close is not None:
                close()  # never awaited: say so to Python instead of leaving a warning
            if self.dropped == 1 or self.dropped % 1000 == 0:
                log.info("one sender has %d updates waiting; dropped %d updates so far", self.per_chat, self.dropped)
            if sender not in self._told and self.on_drop is not None and isinstance(update, Update):
                self._told.add(sender)
                self.on_drop(update)
            return
        if sender is not None:
            self._waiting[sender] = self._waiting.get(sender, 0) + 1
        try:
            await coroutine
        finally:
            if sender is not None:
                left = self._waiting[sender] - 1
                if left:
                    self._waiting[sender] = left
                else:
                    del self._waiting[sender]
                    self._told.discard(sender)  # the burst is over

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""
