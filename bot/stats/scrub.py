"""The scrubber: which words of a message may be kept as anonymous statistics.

A search keeps the words it understood as normalised terms (stems of the catalogue's own
vocabulary). A word it did not understand is kept only when nothing suggests it could point
to a person:

- it is 3 to 30 letters long and holds no digit;
- it is not part of an e-mail address, a web address or a phone number in the message;
- it does not look like a name: written with a capital letter in the middle of a sentence,
  a first name of `catalog_data/jmena.txt` or a surname of `catalog_data/prijmeni.txt` in
  any case form, or ending like a surname (`catalog_data/prijmeni-koncovky.txt`);
- it does not follow a title or a street word (`catalog_data/pred-jmenem.txt`: "paní …",
  "ulice …") and no house number follows it ("Palackého 12").

Even a kept word is shown in a report only when at least k different searches used it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot import CATALOG_DATA
from bot.search.names import PersonNames, read_list
from bot.search.text import fold

MIN_LETTERS = 3
MAX_LETTERS = 30
NAME_CUES_FILE = "pred-jmenem.txt"

_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])['’ʼ`´](?=[^\W_])")
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?…\n]")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w@])[\w-]+(?:\.[\w-]+)*\.(?:cz|sk|com|org|net|eu|info|ua|ru|de|pl|at|io)\b\S*",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\+?\d[\d\s/().-]{5,}\d")
_HOUSE_NUMBER = re.compile(r"[\s,]*\d")


@dataclass(frozen=True)
class Scrubber:
    """Decides which words of a message may be kept; see the module's description."""

    names: PersonNames
    name_cues: frozenset[str] = frozenset()  # folded words after which a name or a street follows

    @classmethod
    def from_files(cls, data: Path = CATALOG_DATA) -> Scrubber:
        """A scrubber over the names, surname endings and name cues kept in `data`."""
        cues = frozenset(fold(w) for w in read_list(data / NAME_CUES_FILE))
        return cls(PersonNames.from_files(data), cues)

    def is_name(self, word: str) -> bool:
        """True when a folded word is a first name or a frequent surname in some case form."""
        return self.names.is_first_name(word) or self.names.is_surname(word)

    def _ends_like_surname(self, folded: str, originals: Iterable[str]) -> bool:
        return any(self.names.ends_like_surname(form) for form in set(originals) or {folded})

    def unmatched_terms(self, query: str | None, leftover: Iterable[str]) -> list[str]:
        """The words of `leftover` (folded words of `query` nobody understood) that may be kept."""
        text = _INNER_APOSTROPHE.sub("", query or "")
        blocked: set[str] = set()
        for pattern in (_EMAIL, _URL, _PHONE):
            for match in pattern.finditer(text):
                blocked.update(fold(w) for w in _WORD.findall(match.group()))
        originals: dict[str, set[str]] = defaultdict(set)
        previous_end = 0
        first = True
        after_cue = False
        for match in _WORD.finditer(text):
            word = match.group()
            folded = fold(word)
            originals[folded].add(word.lower())
            starts_sentence = first or bool(_SENTENCE_END.search(text, previous_end, match.start()))
            if not starts_sentence and word[0].isupper() and not word.isupper():
                blocked.add(folded)
            if after_cue or _HOUSE_NUMBER.match(text, match.end()):
                blocked.add(folded)
            after_cue = folded in self.name_cues
            previous_end = match.end()
            first = False
        kept: list[str] = []
        for word in leftover:
            if not (MIN_LETTERS <= len(word) <= MAX_LETTERS) or not word.isalpha():
                continue
            if word in blocked or self.is_name(word):
                continue
            if self._ends_like_surname(word, originals.get(word, ())):
                continue
            if word not in kept:
                kept.append(word)
        return kept


def understood_terms(terms: Iterable[str]) -> list[str]:
    """The normalised terms the search understood, as they may be stored (letters only)."""
    kept: list[str] = []
    for term in terms:
        if 2 <= len(term) <= MAX_LETTERS and term.isalpha() and term not in kept:
            kept.append(term)
    return kept


@lru_cache(maxsize=1)
def default_scrubber() -> Scrubber:
    """The scrubber over catalog_data/, read once."""
    return Scrubber.from_files()
