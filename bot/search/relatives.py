"""Family words: whose need it is ("pro dědu", "mamince"), never which group a service is for.

The words are data (catalog_data/pribuzni.csv). A relative named as the one to help lifts the
services of a group (an elder relative: the seniors' services) without filtering anything; the
caller decides whether to lift at all (not when the relative is the one who hurts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot import CATALOG_DATA
from bot.datafiles import commented_csv
from bot.search.text import fold, raw_words

RELATIVES_FILE = CATALOG_DATA / "pribuzni.csv"


@dataclass(frozen=True)
class Relative:
    """A kind of relative and the group its needs usually belong to (None: it says nothing)."""

    lemma: str
    kind: str
    group: str | None


@dataclass(frozen=True)
class Relatives:
    """Word forms of relatives: folded ones, and those that match only as written."""

    folded: dict[str, Relative]
    exact: dict[str, Relative]

    @classmethod
    def from_file(cls, path: Path = RELATIVES_FILE) -> Relatives:
        """The relatives of `path` (an empty table when the file is missing)."""
        folded: dict[str, Relative] = {}
        exact: dict[str, Relative] = {}
        if not path.exists():
            return cls(folded, exact)
        for row in commented_csv(path):
            relative = Relative(row["vyraz"].strip(), row["kdo"].strip(), (row.get("skupina") or "").strip() or None)
            for form in row["tvary"].split():
                if form.startswith("="):
                    exact[form[1:].lower()] = relative
                else:
                    folded[fold(form)] = relative
        return cls(folded, exact)

    def find(self, text: str, tokens: list[str]) -> dict[int, Relative]:
        """The relatives among `tokens` (the folded words of `text`), by token index."""
        if not self.folded and not self.exact:
            return {}
        raw = raw_words(text)
        same = len(raw) == len(tokens)
        found: dict[int, Relative] = {}
        for i, token in enumerate(tokens):
            relative = self.folded.get(token)
            if relative is None and same:
                relative = self.exact.get(raw[i])
            if relative is not None:
                found[i] = relative
        return found


CHILD = "dite"  # the kind of a son or a daughter
CHILDREN_FAMILY = "rodiny-deti"  # the group of services for children and their families
ADULT_AGE = 18
# an age given in years or months: "2 roky", "14 let", "4 years", "6 лет", "1,5 roku", "(14)", "je mu 9"
_AGE = re.compile(
    r"\b(\d{1,2})(?:[,.]\d)?\s*-?\s*(let\w*|rok\w*|years?|yo|лет|год\w*|рок\w*|рік|mes\w*|months?|месяц\w*|місяц\w*)\b"
    r"|\((\d{1,2})\)"
    r"|\b(?:je\s+(?:mu|ji)|is|he's|she's|сыну|дочке|дочери|сину|синові|доньці)\s+(\d{1,2})\b"
)

_MONTHS = ("mes", "month", "месяц", "місяц")
# words before "N let" that make it a time span, not an age
DURATION = frozenset(
    {
        "po",
        "uz",
        "pred",
        "za",
        "na",
        "behem",
        "for",
        "over",
        "after",
        "already",
        "вже",
        "уже",
        "через",
        "за",
        "після",
        "после",
        "протягом",
        "ще",
        "еще",
        "ещё",
    }
)


def after_duration(folded: str, at: int) -> bool:
    """True when the word before position `at` makes the number after it a time span ("už 3 roky")."""
    return bool(set(folded[:at].split()[-1:]) & DURATION)


def _ages(folded: str) -> Iterator[int]:
    """The ages a folded message gives with their unit or in brackets, in years (months count as 0);
    time spans ("po 15 letech pití", "už 3 roky", "вже 10 років") are left out."""
    for m in _AGE.finditer(folded):
        number, unit, bracketed, stated = m.groups()
        if number and after_duration(folded, m.start()):
            continue  # how long, not how old
        value = number or bracketed or stated
        if value:
            yield 0 if unit and unit.startswith(_MONTHS) else int(value)


def stated_age(folded: str) -> int | None:
    """The one age a folded message gives with its unit or in brackets ("dcera (4)", "synovi je 12",
    "синові 12 років"), in years (months count as 0); None when it gives none or several. The
    writer's own "je mi 15" is left out: a teenager often asks for someone else."""
    ages = set(_ages(folded))
    return ages.pop() if len(ages) == 1 else None


def names_a_minor(folded: str) -> bool:
    """True when a folded message (bot.search.text.fold) gives an age under 18 ("synovi jsou 2 roky",
    "dcera (14)", "son is 4", "сыну 6 лет") or an age in months."""
    return any(age < ADULT_AGE for age in _ages(folded))
