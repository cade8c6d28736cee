"""The conversation state store: read, change and write one chat's state in one transaction.

Each update of a chat is a read-modify-write inside one transaction that holds the chat's
row: the row is claimed first (an insert that does nothing when it exists), then read with
SELECT … FOR UPDATE on PostgreSQL (SQLite takes its single write lock at the claim). So two
bot processes on one PostgreSQL never lose each other's changes, and a restart loses nothing
that was committed. On SQLite the threads of one process also take turns on a lock of their
own: SQLite has one writer at a time, and a transaction that finds the database locked sleeps
in SQLite's busy handler (1, 2, 5, 10 … ms) rather than waiting for its turn.

A state untouched for `ttl_hours` is treated as absent and deleted by `purge`, which also runs
on every `purge_every`-th write. Chats are keyed by `chat_key`, a keyed hash of the chat id,
and each state is encrypted (Fernet) with a key of its own chat: the table alone, without
the store's secret (bot/storage/secret.py) and the chat id, holds neither ids nor words.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import logging
import threading
from base64 import urlsafe_b64encode
from collections.abc import Callable
from typing import TypeVar

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.catalog.models import table_of
from bot.dialog.state import State
from bot.storage.models import KEY_LENGTH, Conversation

log = logging.getLogger(__name__)

T = TypeVar("T")
Clock = Callable[[], dt.datetime]
Change = Callable[[State | None], tuple[State, T]]

_TABLE = table_of(Conversation)
_C = _TABLE.c


def utc_now() -> dt.datetime:
    """The current time in UTC, without a time zone (as stored)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def chat_key(chat_id: int, secret: bytes) -> str:
    """The row key of a chat: an HMAC of its id, so the table holds no Telegram id."""
    return hmac.new(secret, str(chat_id).encode(), hashlib.sha256).hexdigest()[:KEY_LENGTH]


def person_key(chat_id: int, secret: bytes) -> str:
    """An opaque key of a chat's person for the statistics' people counter: another HMAC than
    the row key, so nothing stored (not even the conversation table) holds it."""
    return hmac.new(secret, b"stats-person:" + str(chat_id).encode(), hashlib.sha256).hexdigest()


def state_cipher(chat_id: int, secret: bytes) -> Fernet:
    """The cipher of one chat's state: its key is an HMAC of the chat id under the secret."""
    key = hmac.new(secret, b"state:" + str(chat_id).encode(), hashlib.sha256).digest()
    return Fernet(urlsafe_b64encode(key))


class ConversationStore:
    """Dialog states by chat, expiring after `ttl_hours` without a message."""

    def __init__(
        self,
        engine: Engine,
        *,
        secret: bytes,
        ttl_hours: float = 24.0,
        purge_every: int = 500,
        clock: Clock = utc_now,
    ) -> None:
        if not secret:
            raise ValueError("the store needs a non-empty secret for its chat keys")
        self.engine = engine
        self.secret = secret
        self.ttl = dt.timedelta(hours=ttl_hours)
        self.purge_every = max(1, purge_every)
        self.clock = clock
        self._writes = 0
        self._lock = threading.Lock()
        self._writer: contextlib.AbstractContextManager[object] = (
            threading.RLock() if engine.dialect.name == "sqlite" else contextlib.nullcontext()
        )

    def key(self, chat_id: int) -> str:
        """The row key of `chat_id`."""
        return chat_key(chat_id, self.secret)

    def person(self, chat_id: int) -> str:
        """The opaque person key of `chat_id` for the statistics (never stored)."""
        return person_key(chat_id, self.secret)

    def _live(self, chat_id: int, state: str | None, updated_at: dt.datetime | None, now: dt.datetime) -> State | None:
        if not state or updated_at is None or updated_at < now - self.ttl:
            return None
        try:
            plain = state_cipher(chat_id, self.secret).decrypt(state.encode("ascii"))
        except (InvalidToken, UnicodeEncodeError):
            log.info("a conversation state could not be decrypted (another secret?); starting afresh")
            return None
        return State.load(plain.decode("utf-8"))

    def _sealed(self, chat_id: int, state: State) -> str:
        return state_cipher(chat_id, self.secret).encrypt(state.dump().encode("utf-8")).decode("ascii")

    def load(self, chat_id: int) -> State | None:
        """The chat's state, or None when there is none or it has expired (read only)."""
        now = self.clock()
        with self.engine.connect() as conn:
            row = conn.execute(select(_C.state, _C.updated_at).where(_C.chat_key == self.key(chat_id))).first()
        return self._live(chat_id, row.state, row.updated_at, now) if row else None

    def _claim(self, conn: Connection, key: str, now: dt.datetime) -> None:
        """Make sure the row exists and this transaction holds it."""
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        statement = insert(_TABLE).values(chat_key=key, state="", updated_at=now)
        conn.execute(statement.on_conflict_do_nothing(index_elements=[_C.chat_key]))

    def update(self, chat_id: int, change: Change[T]) -> T:
        """Run `change(state)` on the chat's state (None when absent or expired) and save what it
        returns, all in one transaction; returns the second item `change` returned.

        When `change` raises, nothing is written.
        """
        key = self.key(chat_id)
        with self._writer, self.engine.begin() as conn:
            now = self.clock()
            self._claim(conn, key, now)
            row = conn.execute(select(_C.state, _C.updated_at).where(_C.chat_key == key).with_for_update()).one()
            new_state, result = change(self._live(chat_id, row.state, row.updated_at, now))
            sealed = self._sealed(chat_id, new_state)
            conn.execute(update(_TABLE).where(_C.chat_key == key).values(state=sealed, updated_at=now))
        self._count_write()
        return result

    def save(self, chat_id: int, state: State) -> None:
        """Replace the chat's state."""
        self.update(chat_id, lambda _old: (state, None))

    def forget(self, chat_id: int) -> bool:
        """Delete the chat's state; True when there was one."""
        with self.engine.begin() as conn:
            return conn.execute(delete(_TABLE).where(_C.chat_key == self.key(chat_id))).rowcount > 0

    def purge(self) -> int:
        """Delete every expired state; returns how many."""
        cutoff = self.clock() - self.ttl
        with self.engine.begin() as conn:
            return conn.execute(delete(_TABLE).where(_C.updated_at < cutoff)).rowcount or 0

    def active(self) -> int:
        """How many conversations have not expired."""
        cutoff = self.clock() - self.ttl
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(_TABLE).where(_C.updated_at >= cutoff)) or 0)

    def _count_write(self) -> None:
        with self._lock:
            self._writes += 1
            due = self._writes % self.purge_every == 0
        if due:
            try:
                purged = self.purge()
                log.debug("purged %d expired conversations", purged)
            except Exception:  # a failed purge is retried at the next round
                log.exception("purging expired conversations failed")
