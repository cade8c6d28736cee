"""The conversation in a terminal, for trying Síť pomoci without Telegram."""
