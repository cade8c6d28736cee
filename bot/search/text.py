"""Text normalisation for search: folding, tokens, stop words and stems.

Everything the search compares goes through the same steps, for the catalogue and for a
resident's message alike:

1. `fold`: lowercase and strip the diacritics of Latin letters ("Přerově" -> "prerove"), so
   that a message typed without diacritics matches the catalogue. Cyrillic is only lowercased.
2. `tokenize`: split the folded text into words and numbers. Nothing is dropped here, so the
   place recogniser sees "brodek u prerova" whole.
3. stop words (`load_stop_words`): function words and the filler people write to a bot
   ("dobrý den, potřebuji", "prosím", "for", "мені"). They are dropped only for matching
   content (`tokens`, `normalise`). The prepositions that occur inside municipality names
   ("u", "nad", "pod") and "bez" (as in "bez domova") are deliberately not stop words.
4. `stem` (bot.search.stemmer): a light Czech stemmer on folded words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from bot import CATALOG_DATA
from bot.search.stemmer import stem

STOP_WORDS_FILE = CATALOG_DATA / "stop-slova.txt"

# Latin letters that NFKD does not decompose into a base letter plus combining marks.
_LATIN_EXTRAS = {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}

# Apostrophes between two letters are part of the word ("сім'я", "O'Brien").
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])['’ʼ`´](?=[^\W_])")
_WORD = re.compile(r"[^\W_]+")


def _build_fold_table() -> dict[int, str | None]:
    """A str.translate table: accented Latin letter -> plain letter(s); combining mark -> gone."""
    table: dict[int, str | None] = {}
    latin_blocks = (range(0x00C0, 0x0250), range(0x1E00, 0x1F00))
    for block in latin_blocks:
        for code in block:
            char = chr(code)
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            if base and base != char:
                table[code] = base.casefold()
    for char, plain in _LATIN_EXTRAS.items():
        table[ord(char)] = plain
    for code in range(0x0300, 0x0370):  # combining diacritical marks left over after NFKC
        table[code] = None
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Lowercase `text` and remove the diacritics of Latin letters ("Kroměříž" -> "kromeriz").

    Compatibility characters are unified first (NFKC: ligatures, full-width letters,
    superscript digits). Cyrillic letters keep their identity ("й", "ї", "ё" stay as they are)
    and are only lowercased; stray combining marks (such as a stress accent) are dropped.
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold().translate(_FOLD_TABLE)


def tokenize(text: str) -> list[str]:
    """The folded words and numbers of `text`, in order, nothing dropped.

    Anything that is not a letter or a digit separates tokens ("Frýdek-Místek" -> "frydek",
    "mistek"; "65+" -> "65"); an apostrophe inside a word is removed instead ("сім'я" -> "сімя").
    """
    return _WORD.findall(fold(_without_inner_apostrophes(text)))


def raw_words(text: str) -> list[str]:
    """The words of `text` as `tokenize` splits them, lowercased but not folded ("mámě")."""
    return _WORD.findall(_without_inner_apostrophes(text).lower())


def _without_inner_apostrophes(text: str) -> str:
    if not text.isascii() or "'" in text or "`" in text:
        return _INNER_APOSTROPHE.sub("", text)
    return text


def load_stop_words(path: Path | None = None) -> frozenset[str]:
    """The stop words of a file (default catalog_data/stop-slova.txt), folded.

    One word per line; blank lines and everything after "#" are ignored. Entries are folded
    on reading, so "vám" and "vam" mean the same. The default file is read once and cached.
    """
    if path is None:
        return _default_stop_words()
    return _read_stop_words(Path(path))


@lru_cache(maxsize=1)
def _default_stop_words() -> frozenset[str]:
    return _read_stop_words(STOP_WORDS_FILE)


def _read_stop_words(path: Path) -> frozenset[str]:
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.update(tokenize(entry))
    return frozenset(words)


def tokens(text: str, drop_stop_words: bool = True, stop_words: frozenset[str] | None = None) -> list[str]:
    """The folded tokens of `text`, with the stop words dropped unless `drop_stop_words` is False.

    `stop_words` defaults to the project's list. Callers that need every word (the place
    recogniser: "Lipník nad Bečvou", "Brodek u Přerova") pass drop_stop_words=False or use
    `tokenize`.
    """
    found = tokenize(text)
    if not drop_stop_words:
        return found
    stops = load_stop_words() if stop_words is None else stop_words
    return [t for t in found if t not in stops]


def normalise(text: str, stop_words: frozenset[str] | None = None) -> list[str]:
    """The search terms of `text`: folded tokens, stop words dropped, each one stemmed.

    "Dobrý den, potřebuji pečovatelku pro mámu v Kojetíně" -> ["pecovatelk", "mam", "kojet"].
    """
    return [stem(t) for t in tokens(text, stop_words=stop_words)]
