"""Conversation state kept between two messages of a chat, and forgotten when it goes quiet."""

from bot.storage.conversations import ConversationStore, chat_key
from bot.storage.models import Conversation

__all__ = ["Conversation", "ConversationStore", "chat_key"]
