"""How the detector reads a message: normalised text, sentences and words, and the data it
matches them against (concepts, rules, weak signals and phrase concepts from catalog_data/bezpeci/)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import OSA

from bot.datafiles import commented_lines
from bot.search.text import fold

MIN_FUZZY = 6  # words at least this long match a whole-word pattern with one typo
MIN_FUZZY_PREFIX = 7  # prefixes at least this long match with one typo
MAX_CHARS = 2000
_SENTENCE = re.compile(r"[.!?;\n]+")
WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")

_LAUGHTER = re.compile(
    "[\U0001f600-\U0001f606\U0001f609\U0001f60a\U0001f923\U0001f639\U0001f389\U0001f973\U0001f644\U0001f629\U0001f480]|(?<!\\w)[:;]-?[D)](?!\\w)|(?<!\\w)xD(?!\\w)"
)


def normalise(text: str) -> str:
    """The text as the detector and its model read it: folded, laughter marked, no apostrophes."""
    text = _LAUGHTER.sub(" haha ", text)  # a laughing emoji marks a joke, as "haha" does
    return fold(text).replace("ё", "е").replace("'", "").replace("’", "").replace("ʼ", "")


def sentences_of(text: str) -> list[str]:
    """The sentences of `text`, each as the detector reads it (`normalise`)."""
    return [normalise(sentence) for sentence in _SENTENCE.split(text[:MAX_CHARS]) if sentence.strip()]


def words_of(text: str) -> list[list[str]]:
    """The folded words of each sentence of `text`."""
    return [WORD.findall(sentence) for sentence in sentences_of(text)]


@dataclass(frozen=True)
class Concept:
    """Word patterns of one concept: whole words and prefixes."""

    name: str
    words: frozenset[str]
    prefixes: tuple[str, ...]
    typos: bool = False  # whether a word one edit away counts

    def matches(self, word: str) -> bool:
        """True when `word` is one of the concept's words or starts with one of its prefixes."""
        return word in self.words or word.startswith(self.prefixes)

    def matches_with_typo(self, word: str, *, ending_only: bool = False) -> bool:
        """True when `word` is one edit away from a word or prefix of at least MIN_FUZZY letters;
        with `ending_only` (a real word of some language) only an edit in the last letter counts,
        as another form of the same word ("mlátili" for "mlátil"), never another word."""
        if not self.typos or len(word) < MIN_FUZZY:
            return False
        for target in self.words:
            near = len(target) >= MIN_FUZZY and abs(len(target) - len(word)) <= 1 and OSA.distance(word, target) <= 1
            if near and (not ending_only or word[: len(target) - 1] == target[:-1]):
                return True
        if ending_only:
            return False
        for prefix in self.prefixes:
            if len(prefix) < MIN_FUZZY_PREFIX:
                continue
            for size in (len(prefix) - 1, len(prefix), len(prefix) + 1):
                if 0 < size <= len(word) and OSA.distance(word[:size], prefix) <= 1:
                    return True
        return False


@dataclass(frozen=True)
class Rule:
    """Concepts that, close together in one sentence, mean one kind of danger."""

    category: str
    items: tuple[tuple[str, bool], ...]  # (concept, negated)
    window: int
    acute: bool = False
    unless: tuple[str, ...] = ()  # harmless contexts near the match
    unless_anywhere: tuple[str, ...] = ()  # harmless contexts anywhere in the message


@dataclass(frozen=True)
class Signal:
    """A weak sign of distress: its weight, the danger it points to, and whether it is acute."""

    concept: str
    negated: bool
    weight: float
    category: str
    acute: bool = False


def load_phrases(path: Path) -> list[tuple[str, re.Pattern[str]]]:
    """The phrase concepts of `path` ("LONG_AGO <regex>" per line), if the file exists."""
    found: list[tuple[str, re.Pattern[str]]] = []
    for n, line in commented_lines(path):
        name, _, pattern = line.partition(" ")
        try:
            found.append((name, re.compile(pattern.strip())))
        except re.error as error:
            raise ValueError(f"{path}:{n}: chybný vzor ({error})") from error
    return found
