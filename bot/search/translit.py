"""Ukrainian and Russian Cyrillic in Czech-like Latin, for recognising Czech place names.

"Пршерові" -> "přerovi", "Оломоуць" -> "olomouc", "Кромержижі" -> "kromeřyži".
Ukrainian "и" is "y" and "г" is "h"; Russian "ы" is "y", "э" is "e"; the soft and hard
signs and apostrophes are dropped; "рж"/"рш", the usual rendering of Czech "ř", is "ř".
"""

from __future__ import annotations

import re

_LETTERS = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "je",
    "ж": "ž",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "ji",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "ch",
    "ц": "c",
    "ч": "č",
    "ш": "š",
    "щ": "šč",
    "ь": "",
    "ъ": "",
    "ю": "ju",
    "я": "ja",
    "ё": "jo",
    "ы": "y",
    "э": "e",
    "'": "",
    "’": "",
    "ʼ": "",
}
_RUSSIAN_ONLY = frozenset("ыэёъ")
_UKRAINIAN_ONLY = frozenset("іїєґ")
_CZECH_R = re.compile("р[жш]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")

# Case endings of Ukrainian and Russian nouns, longest first: "Пршерові", "з Оломоуця".
CASE_ENDINGS = (
    "ові",
    "еві",
    "ами",
    "ями",
    "ому",
    "ого",
    "ою",
    "ею",
    "єю",
    "ом",
    "ем",
    "ах",
    "ях",
    "ів",
    "ей",
    "ой",
    "а",
    "я",
    "у",
    "ю",
    "і",
    "и",
    "ы",
    "е",
    "є",
    "ї",
    "ь",
)


def is_cyrillic(word: str) -> bool:
    """True when `word` has a Cyrillic letter."""
    return _CYRILLIC.search(word) is not None


def transliterate(word: str) -> str:
    """`word` (lowercase Cyrillic) in Czech-like Latin; other characters pass through."""
    word = _CZECH_R.sub("ř", word.lower())
    russian = bool(_RUSSIAN_ONLY.intersection(word)) and not _UKRAINIAN_ONLY.intersection(word)
    if russian:
        return "".join("i" if c == "и" else _LETTERS.get(c, c) for c in word)
    return "".join(_LETTERS.get(c, c) for c in word)


def without_case_endings(word: str, min_stem: int = 3) -> list[str]:
    """`word` (lowercase Cyrillic) without each case ending it may carry, longest ending first."""
    return [word[: -len(e)] for e in CASE_ENDINGS if word.endswith(e) and len(word) - len(e) >= min_stem]
