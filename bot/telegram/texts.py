"""What the Telegram adapter itself says (commands, errors, inline mode, admin answers).

Its messages live in bot/telegram/locale/<language>/LC_MESSAGES/telegram.po; anything not
there is looked up in the dialog's catalogue (bot/locale), so button labels stay shared.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from bot.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Translator,
    compile_po,
    normalise_language,
    translations,
)

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "telegram"


def po_path(language: str) -> Path:
    """The adapter's message catalogue of `language`."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def adapter_translations(language: str) -> gettext.NullTranslations:
    """The adapter's compiled catalogue, falling back to the dialog's catalogue of `language`."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    compiled = compile_po(po_path(language), language)
    compiled.add_fallback(translations(language))
    return compiled


class Texts(Translator):
    """A Translator over the adapter's messages first, then the dialog's."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(language)
        self._t = adapter_translations(self.language)


def user_language(code: str | None, default: str) -> str:
    """The conversation language for a Telegram `language_code` (cs/uk/en, else `default`)."""
    return normalise_language(code) or default
