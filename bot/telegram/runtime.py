"""What the Telegram handlers share: the dialog contexts, the state store, statistics, settings.

The catalogue is loaded once into a `Snapshot` (a dialog Context per language, sharing one
search index and one set of cards); `/reload` builds a new snapshot and swaps it in whole.
Blocking work (the database, the search) runs in worker threads through `answer` and
`inline_search`, which the handlers call with asyncio.to_thread.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from bot.dialog import (
    Context,
    Event,
    InlineAnswer,
    Reply,
    State,
    handle,
    inline_answers,
)
from bot.i18n import LANGUAGES
from bot.storage import ConversationStore
from bot.storage.secret import store_secret
from bot.telegram.texts import user_language

if TYPE_CHECKING:
    from bot.dialog.context import SearchEvent

log = logging.getLogger(__name__)

INLINE_ANSWERS = 20


@dataclass(frozen=True)
class Snapshot:
    """One loaded catalogue: a dialog context per language."""

    contexts: Mapping[str, Context]
    services: int


class Runtime:
    """Settings, the catalogue snapshot, the conversation store and the statistics recorder."""

    def __init__(
        self,
        settings: Settings,
        sessions: sessionmaker[Session],
        *,
        store: ConversationStore | None = None,
        recorder: Any = None,
    ) -> None:
        self.settings = settings
        self.sessions = sessions
        bind = sessions.kw.get("bind")
        if not isinstance(bind, Engine):
            raise TypeError("sessions must be bound to an Engine")
        self.engine: Engine = bind
        self.store = store or ConversationStore(
            bind,
            secret=store_secret(settings.state_secret, settings.state_secret_file),
            ttl_hours=settings.conversation_ttl_hours,
        )
        self.recorder = recorder
        self.snapshot = self.load()

    @classmethod
    def create(cls, settings: Settings, sessions: sessionmaker[Session]) -> Runtime:
        """The runtime of the bot process, recording statistics in the background."""
        from bot.stats import StatsRecorder

        return cls(settings, sessions, recorder=StatsRecorder(sessions))

    # --- the catalogue ----------------------------------------------------------------------

    def load(self) -> Snapshot:
        """Read the catalogue, cards and life situations from the database; build the search."""
        from bot.compose import build_context

        base = build_context(
            self.sessions,
            language=self.settings.default_language,
            conversation_hours=self.settings.conversation_ttl_hours,
            on_search=self._on_search,
            on_feedback=self._on_feedback,
        )
        contexts = {code: dataclasses.replace(base, language=code) for code in LANGUAGES}
        log.info("catalogue loaded: %d services, %d municipalities", len(base.services), len(base.towns))
        return Snapshot(contexts, len(base.services))

    def reload(self) -> int:
        """Load the catalogue again and swap it in; returns the number of services."""
        snapshot = self.load()
        self.snapshot = snapshot
        log.info("catalogue reloaded: %d services", snapshot.services)
        return snapshot.services

    def context(self, language: str) -> Context:
        """The dialog context whose default language is `language`, dated today."""
        ctx = self.snapshot.contexts.get(language) or self.snapshot.contexts[self.settings.default_language]
        today = dt.date.today()
        if ctx.today != today:
            ctx.today = today
        return ctx

    def language_for(self, code: str | None) -> str:
        """The language of a Telegram user's `language_code`."""
        return user_language(code, self.settings.default_language)

    def is_admin(self, user_id: int | None) -> bool:
        """True for the users in ADMIN_USER_IDS."""
        return user_id is not None and user_id in self.settings.admin_user_ids

    # --- answering (in worker threads) ------------------------------------------------------

    def answer(self, chat_id: int, event: Event, language: str) -> tuple[str, list[Reply]]:
        """Answer one event of a chat: read, change and save its state in one transaction.

        `language` is Telegram's; returns the conversation's language (the state may have
        another) and the replies.
        """
        ctx = self.context(language)
        if self.recorder is not None:
            ctx = dataclasses.replace(
                ctx, on_search=functools.partial(self._on_search, person=self.store.person(chat_id))
            )

        def change(state: State | None) -> tuple[State, tuple[str, list[Reply]]]:
            new_state, replies = handle(state, event, ctx)
            return new_state, (new_state.language or language, replies)

        return self.store.update(chat_id, change)

    def inline_search(self, text: str, language: str) -> tuple[Context, list[InlineAnswer]]:
        """Services for an inline query, as the dialog renders them (not counted: an inline
        query arrives with every keystroke)."""
        ctx = self.context(language)
        _result, answers = inline_answers(text, ctx, language=language, limit=INLINE_ANSWERS)
        return ctx, answers

    def record_inline(self, text: str, language: str, user_id: int | None = None) -> None:
        """Count the search of an inline result the user picked."""
        if self.recorder is None or not text.strip():
            return
        result = self.context(language).searcher.search(" ".join(text.split())[:200], limit=5)
        person = self.store.person(user_id) if user_id is not None else None
        self.recorder.record_search(result, channel="inline", language=language, query=text, person=person)

    # --- statistics callbacks (never raising: the dialog guards them too) --------------------

    def _on_search(self, event: SearchEvent, person: str | None = None) -> None:
        if self.recorder is not None:
            self.recorder.record_search(
                event.result,
                channel="telegram",
                language=event.language,
                query=event.query,
                day=event.day,
                person=person,
            )

    def _on_feedback(self, service_id: int, reason: str) -> None:
        if self.recorder is not None:
            self.recorder.record_feedback(service_id, reason)

    def close(self) -> None:
        """Write the queued statistics and stop the recorder."""
        if self.recorder is not None:
            self.recorder.close()
