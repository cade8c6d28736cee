"""Texts a resident reads, per language: gettext catalogues read from bot/locale/*.po.

The .po files are compiled in memory at first use (no build step). Code refers to message
ids ("menu.greeting"); `Translator` looks them up, picks the right plural form and fills the
placeholders, escaping every value for HTML unless it is marked `Safe`.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from markupsafe import Markup
from markupsafe import escape as markupsafe_escape

LANGUAGES = ("cs", "uk", "en")
DEFAULT_LANGUAGE = "cs"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"


# Text that is already HTML and is not escaped again (markupsafe's Markup), and the escaping
# of everything else: a catalogue value never reaches a message unescaped.
Safe = Markup
escape = markupsafe_escape


def po_path(language: str) -> Path:
    """The message catalogue of `language`."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_po(path: Path, language: str) -> gettext.GNUTranslations:
    """A .po message catalogue compiled in memory (no build step)."""
    with path.open("rb") as f:
        catalog = read_po(f, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of `language`, falling back to Czech for missing messages."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    compiled = compile_po(po_path(language), language)
    if language != DEFAULT_LANGUAGE:
        compiled.add_fallback(translations(DEFAULT_LANGUAGE))
    return compiled


def normalise_language(code: str | None) -> str | None:
    """A supported language for a code such as "uk", "en-GB" or "cs_CZ"; None when unsupported."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


class Translator:
    """Message lookup and formatting for one language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self._t = translations(self.language)

    def raw(self, msgid: str) -> str:
        """The translated text of `msgid` without formatting."""
        return self._t.gettext(msgid)

    def __call__(self, msgid: str, **values: object) -> Safe:
        """The translated message, placeholders filled with escaped values."""
        return self._format(self._t.gettext(msgid), values)

    def plural(self, msgid: str, count: int, **values: object) -> Safe:
        """The plural form of `msgid` for `count` (its plural id is `msgid` + ".n")."""
        text = self._t.ngettext(msgid, msgid + ".n", count)
        return self._format(text, {"n": count, **values})

    def words(self, msgid: str) -> tuple[str, ...]:
        """A "|"-separated list message (keywords) as a tuple."""
        return tuple(w.strip() for w in self.raw(msgid).split("|") if w.strip())

    @staticmethod
    def _format(template: str, values: dict[str, object]) -> Safe:
        if not values:
            return Safe(template)
        return Safe(template.format(**{k: escape(v) for k, v in values.items()}))
