"""People's names: first names and frequent surnames in any case form, and surname endings.

One home for the lists in catalog_data/ (`jmena.txt`, `prijmeni.txt`, `prijmeni-koncovky.txt`)
and the rules that read them, shared by the statistics scrubber (a name is never kept) and the place
recogniser (a name is never read as a town).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot import CATALOG_DATA
from bot.search.text import fold

FIRST_NAMES_FILE = "jmena.txt"
SURNAME_ENDINGS_FILE = "prijmeni-koncovky.txt"
SURNAMES_FILE = "prijmeni.txt"

# Case endings a first name takes ("Jan-a", "Jan-ovi", "Jan-ou"; "Олен-ою"), folded.
LATIN_CASE_ENDINGS = frozenset(
    {"", "a", "e", "i", "o", "u", "y", "ou", "em", "ovi", "ove", "ech", "ach", "am", "um", "ami"}
)
CYRILLIC_CASE_ENDINGS = frozenset(
    {"", "а", "и", "і", "у", "ю", "я", "ї", "е", "є", "о", "ою", "ею", "єю", "ові", "еві", "ом", "ем"}
)
_VOWELS = frozenset("aeiouyаеєиіїоуюяй")

# The folded forms a surname takes, by how its nominative ends: "cerny" -> "cerneho", "cernou"
# (the feminine "cerna" declines with it); "svoboda" -> "svobodu", "svobodova"; "novak" ->
# "novaka", "novakovou". Over-generating is harmless: a form only ever blocks a word.
_ADJECTIVAL_ENDINGS = ("y", "eho", "emu", "ym", "ymi", "ych", "a", "e", "ou", "i")
_SOFT_ADJECTIVAL_ENDINGS = ("i", "iho", "imu", "im", "ich")
_FEMININE = ("ova", "ove", "ovou")
_A_ENDINGS = ("a", "y", "ovi", "u", "ou", "o", "ove", "ovy", "ech", *_FEMININE)
_O_ENDINGS = ("o", "a", "ovi", "em", "u", "ove", *_FEMININE)
_CONSONANT_ENDINGS = ("", "a", "ovi", "em", "u", "e", "i", "ove", "ovy", "ech", "um", "ovic", *_FEMININE)
_CYRILLIC_ENDINGS = ("", "а", "у", "ові", "ом", "ем", "им", "ої", "ій", "ою", "ы", "и", "е")


def surname_forms(surname: str) -> set[str]:
    """Every folded form of a surname in the masculine nominative, the feminine included."""
    folded = fold(surname)
    if not folded.isascii():
        stem = folded[:-1] if folded[-1:] in "ао" else folded
        return {folded} | {stem + e for e in _CYRILLIC_ENDINGS} | {folded + e for e in _CYRILLIC_ENDINGS}
    last = folded[-1:]
    if last == "y":
        return {folded[:-1] + e for e in _ADJECTIVAL_ENDINGS}
    if last == "i":
        return {folded[:-1] + e for e in _SOFT_ADJECTIVAL_ENDINGS} | {folded + e for e in _FEMININE}
    if last == "a":
        return {folded[:-1] + e for e in _A_ENDINGS}
    if last == "o":
        return {folded[:-1] + e for e in _O_ENDINGS}
    stems = {folded}
    if len(folded) >= 4 and folded[-2] == "e" and folded[-1] in "klcn":  # "marek" -> "mark", "nemec" -> "nemc"
        stems.add(folded[:-2] + folded[-1])
    forms = {stem + e for stem in stems for e in _CONSONANT_ENDINGS}
    return {f for f in forms if f != folded[:-2] + folded[-1]} | {folded}


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
    surnames: frozenset[str]  # every folded form of the frequent surnames
    surname_endings: tuple[str, ...]  # lowercased as written
    folded_surname_endings: tuple[str, ...]

    @classmethod
    def from_files(cls, data: Path = CATALOG_DATA) -> PersonNames:
        """The first names, frequent surnames and surname endings kept in `data`."""
        stems: set[str] = set()
        for name in read_list(data / FIRST_NAMES_FILE):
            stems |= name_stems(name)
        surnames: set[str] = set()
        for surname in read_list(data / SURNAMES_FILE):
            surnames |= surname_forms(surname)
        endings = tuple(sorted({e.lower() for e in read_list(data / SURNAME_ENDINGS_FILE)}, key=len))
        folded_endings = tuple(sorted({fold(e) for e in endings}, key=len))
        return cls(frozenset(stems), frozenset(surnames), endings, folded_endings)

    def is_first_name(self, word: str) -> bool:
        """True when a folded word is a first name of the list in some case form."""
        endings = LATIN_CASE_ENDINGS if word.isascii() else CYRILLIC_CASE_ENDINGS
        return any(
            word[:cut] in self.name_stems and word[cut:] in endings
            for cut in range(len(word), max(len(word) - 4, 1), -1)
        )

    def is_surname(self, word: str) -> bool:
        """True when a folded word is one of the frequent surnames in some form."""
        return word in self.surnames

    def ends_like_surname(self, form: str) -> bool:
        """True when a word (lowercased as written) ends like a surname, with or without diacritics."""
        if form.endswith(self.surname_endings):
            return True
        return form.isascii() and form.endswith(self.folded_surname_endings)
