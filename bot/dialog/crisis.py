"""Crisis lines (catalog_data/krizove-linky.csv) and the danger words that bring them first."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot import CATALOG_DATA
from bot.search.text import tokenize

CRISIS_LINES = CATALOG_DATA / "krizove-linky.csv"
DANGER_WORDS = Path(__file__).resolve().parent / "danger-words.txt"


@dataclass(frozen=True)
class CrisisLine:
    """A national crisis or emergency line."""

    number: str
    name: str
    description: str = ""
    nonstop: bool = False
    in_danger: bool = False  # shown at the top when a message speaks of danger
    names: tuple[tuple[str, str], ...] = ()  # (language, name) translations
    descriptions: tuple[tuple[str, str], ...] = ()

    def name_in(self, language: str) -> str:
        """The name in `language`, Czech when there is no translation."""
        return dict(self.names).get(language) or self.name

    def description_in(self, language: str) -> str:
        """The description in `language`, Czech when there is no translation."""
        return dict(self.descriptions).get(language) or self.description

    @property
    def dial(self) -> str:
        """The number without spaces, for a contact card."""
        return self.number.replace(" ", "")


def _yes(value: str | None) -> bool:
    return (value or "").strip().lower() in {"ano", "a", "1", "true", "yes"}


def load_crisis_lines(path: Path = CRISIS_LINES) -> list[CrisisLine]:
    """The lines in file order (`cislo,nazev,popis,nonstop,pri_ohrozeni,nazev_uk,...`)."""
    lines: list[CrisisLine] = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            number, name = (row.get("cislo") or "").strip(), (row.get("nazev") or "").strip()
            if not number or not name:
                continue
            lines.append(
                CrisisLine(
                    number=number,
                    name=name,
                    description=(row.get("popis") or "").strip(),
                    nonstop=_yes(row.get("nonstop")),
                    in_danger=_yes(row.get("pri_ohrozeni")),
                    names=tuple(
                        (lang, v.strip()) for lang in ("uk", "en") if (v := row.get(f"nazev_{lang}"))
                    ),
                    descriptions=tuple(
                        (lang, v.strip()) for lang in ("uk", "en") if (v := row.get(f"popis_{lang}"))
                    ),
                )
            )
    return lines


class DangerWords:
    """Recognises words about violence, suicide or acute crisis in a message."""

    def __init__(self, patterns: Iterable[str]) -> None:
        parts: list[str] = []
        for pattern in patterns:
            words = []
            for raw in pattern.split():
                prefix = raw.endswith("*")
                for token in tokenize(raw.rstrip("*")):
                    words.append(re.escape(token))
                if prefix and words:
                    words[-1] += r"\w*"
            if words:
                parts.append(r"\s+".join(words))
        body = "|".join(sorted(set(parts), key=len, reverse=True)) or r"(?!x)x"
        self._regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)")

    @classmethod
    def from_file(cls, path: Path = DANGER_WORDS) -> DangerWords:
        """The list kept as data beside this module."""
        lines = path.read_text(encoding="utf-8").splitlines()
        return cls(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))

    def found_in(self, text: str) -> bool:
        """True when `text` contains a danger word, in any case form or without diacritics."""
        return bool(self._regex.search(" ".join(tokenize(text))))


@lru_cache(maxsize=1)
def default_danger_words() -> DangerWords:
    """The bundled danger-word list."""
    return DangerWords.from_file()


def danger_lines(lines: Sequence[CrisisLine]) -> list[CrisisLine]:
    """The lines to show first when a message speaks of danger."""
    return [line for line in lines if line.in_danger]
