"""The table of running conversations: one row per chat, the dialog state and when it last moved.

The chat is identified by a keyed hash of its id (`bot.storage.conversations.chat_key`), so
the table holds no Telegram id; nothing else about the person is in it. Rows older than
CONVERSATION_TTL_HOURS are treated as absent and deleted.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.catalog.models import Base

KEY_LENGTH = 32


class Conversation(Base):
    """One running conversation: the serialised dialog state (JSON) and its last activity (UTC)."""

    __tablename__ = "conversation"

    chat_key: Mapped[str] = mapped_column(String(KEY_LENGTH), primary_key=True)
    state: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
