"""Frequent word forms of the languages the bot meets, from wordfreq's lists.

Used where the bot must tell an everyday word from a name: a romanised Russian word from a
Czech one (bot.search.romanised), a misspelt place from a common word ("z výšky" is not Vyškov,
"na tábor" is no trip to Tábor).
"""

from __future__ import annotations

import csv
from functools import lru_cache

import wordfreq

from bot import NATIONAL_MUNICIPALITIES
from bot.search.text import fold, tokenize

WORDLIST_SIZE = "small"  # wordfreq's list of the most frequent surface forms


def wordlist(language: str, *, apostrophes: bool = False) -> list[str]:
    """The frequent words of `language` ("cs", "en", "ru", "uk"), the most frequent first; with
    `apostrophes`, also those spelt with one inside (Ukrainian "п'є", "пам'ять")."""
    return [
        word
        for word in wordfreq.iter_wordlist(language, WORDLIST_SIZE)
        if word.isalpha() or (apostrophes and word.replace("'", "").isalpha() and not word.startswith("'"))
    ]


@lru_cache(maxsize=1)
def common_latin_words() -> frozenset[str]:
    """Frequent Czech and English words, folded (lowercase, no diacritics)."""
    return frozenset(fold(word) for language in ("cs", "en") for word in wordlist(language))


@lru_cache(maxsize=1)
def place_name_words() -> frozenset[str]:
    """The words of the country's municipality names, folded ("citov", "kojetin", "lhota")."""
    with NATIONAL_MUNICIPALITIES.open(encoding="utf-8", newline="") as f:
        return frozenset(word for row in csv.DictReader(f) for word in tokenize(fold(row["nazev"])) if word.isalpha())


@lru_cache(maxsize=1)
def common_cyrillic_words() -> frozenset[str]:
    """Frequent Ukrainian and Russian words, lowercase ("пологи" is childbirth, not Polom)."""
    return frozenset(word.lower().replace("ё", "е") for language in ("uk", "ru") for word in wordlist(language))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent words of the four languages: Czech and English folded, Ukrainian and Russian
    lowercase with "ё" as "е" — words a message uses as themselves, not as typos of others."""
    return common_latin_words() | common_cyrillic_words()


@lru_cache(maxsize=1)
def english_only_words() -> frozenset[str]:
    """Frequent English words that are no Czech words ("started" is no typo of "starat")."""
    czech = {fold(word) for word in wordlist("cs")}
    return frozenset(w for w in (fold(word) for word in wordlist("en")) if w not in czech)


LEANING = 1.0  # how much more frequent (in Zipf units) a word is in one language than in the other


@lru_cache(maxsize=50_000)
def english_or_czech(word: str) -> int:
    """1 when a lowercase word is clearly more English than Czech ("need", "daughter"), -1 when
    clearly more Czech ("potřebuju", "pro"), 0 when neither (names, numbers, shared words)."""
    diff = wordfreq.zipf_frequency(word, "en") - wordfreq.zipf_frequency(word, "cs")
    return 1 if diff >= LEANING else -1 if diff <= -LEANING else 0
