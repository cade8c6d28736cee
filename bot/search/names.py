"""People's names: first names in any case form and surname endings.

One home for the lists in catalog_data/ (`jmena.txt`, `prijmeni-koncovky.txt`) and the rules
that read them, shared by the statistics scrubber (a name is never kept) and the place
recogniser (a name is never read as a town).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot import CATALOG_DATA
from bot.search.text import fold

FIRST_NAMES_FILE = "jmena.txt"
SURNAME_ENDINGS_FILE = "prijmeni-koncovky.txt"

# Case endings a first name takes ("Jan-a", "Jan-ovi", "Jan-ou"; "Олен-ою"), folded.
LATIN_CASE_ENDINGS = frozenset(
    {"", "a", "e", "i", "o", "u", "y", "ou", "em", "ovi", "ove", "ech", "ach", "am", "um", "ami"}
)
CYRILLIC_CASE_ENDINGS = frozenset(
    {"", "а", "и", "і", "у", "ю", "я", "ї", "е", "є", "о", "ою", "ею", "єю", "ові", "еві", "ом", "ем"}
)
_VOWELS = frozenset("aeiouyаеєиіїоуюяй")


def read_list(path: Path) -> list[str]:
    """The entries of a list file: one a line, "#" starts a comment; none when it is missing."""
    if not path.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8-sig").splitlines())
    return [line for line in lines if line]


def name_stems(name: str) -> set[str]:
    """The stems a first name is declined from: "jana" -> {"jana", "jan"}, "pavel" -> {…, "pavl"}."""
    folded = fold(name)
    stems = {folded}
    if folded[-1:] in _VOWELS:  # "jana" -> "jan", "marie" -> "mari"
        stems.add(folded[:-1])
    if len(folded) >= 4 and folded[-2] == "e" and folded[-1] in "klcn":  # "pavel" -> "pavl", "marek" -> "mark"
        stems.add(folded[:-2] + folded[-1])
    return {s for s in stems if len(s) >= 2}


@dataclass(frozen=True)
class PersonNames:
    """Tells words that may be a person's name."""

    name_stems: frozenset[str]
    surname_endings: tuple[str, ...]  # lowercased as written
    folded_surname_endings: tuple[str, ...]

    @classmethod
    def from_files(cls, data: Path = CATALOG_DATA) -> PersonNames:
        """The first names and surname endings kept in `data`."""
        stems: set[str] = set()
        for name in read_list(data / FIRST_NAMES_FILE):
            stems |= name_stems(name)
        endings = tuple(sorted({e.lower() for e in read_list(data / SURNAME_ENDINGS_FILE)}, key=len))
        return cls(frozenset(stems), endings, tuple(sorted({fold(e) for e in endings}, key=len)))

    def is_first_name(self, word: str) -> bool:
        """True when a folded word is a first name of the list in some case form."""
        endings = LATIN_CASE_ENDINGS if word.isascii() else CYRILLIC_CASE_ENDINGS
        return any(
            word[:cut] in self.name_stems and word[cut:] in endings
            for cut in range(len(word), max(len(word) - 4, 1), -1)
        )

    def ends_like_surname(self, form: str) -> bool:
        """True when a word (lowercased as written) ends like a surname, with or without diacritics."""
        if form.endswith(self.surname_endings):
            return True
        return form.isascii() and form.endswith(self.folded_surname_endings)
