"""Recognising places in a query: municipalities in any case form, regions, places elsewhere.

A place is found by its stems (`PhraseTable`). A word that is no known stem may still be a
municipality of the regions written with a typo, in an unusual case form, in Cyrillic or in
English ("Kojetýn", "z Drevohostc", "у Кромержижі", "Prerov's"): it is then compared, by
edit distance on a phonetic key, with the words of the local place names (`PlaceVariants`).
A word that may be a person's name is never taken for a place by such a comparison.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from bot import CATALOG_DATA
from bot.datafiles import commented_lines
from bot.search.documents import Town
from bot.search.names import PersonNames
from bot.search.phrases import PhraseMatch, PhraseTable
from bot.search.text import fold, tokenize
from bot.search.translit import is_cyrillic, transliterate, without_case_endings
from bot.search.vocabulary import Analyzer
from bot.search.wordlists import common_cyrillic_words, common_latin_words

PREPOSITIONS = frozenset({"v", "ve", "na", "z", "ze", "do", "u", "od", "kolem", "okolo", "blizko", "in", "near"})
NAME_JOINERS = (" nad ", " pod ", " u ", " na ", " v ")
# Every word that stands before or inside a place's name and says nothing of the need
# ("v Lipníku nad Bečvou", "у Кромержижі"): the dialog leaves them out of the need.
PLACE_WORDS = PREPOSITIONS | {w.strip() for w in NAME_JOINERS} | {"в", "у"}
# Words after which a capitalised word is expected to be a place ("v Kojetýně", "у Кромержижі").
PLACE_CONTEXT = PREPOSITIONS | {
    "to",
    "from",
    "around",
    "в",
    "у",
    "з",
    "із",
    "зі",
    "до",
    "біля",
    "коло",
    "около",
    "возле",
}
# Words after which a first name in a case form of a place is the place ("do Karolína", not "u Karolíny").
NAME_PLACE_CONTEXT = frozenset({"v", "ve", "z", "ze", "do", "in", "from", "to", "в", "з", "із", "до"})

ABBREVIATION = 4  # letters of an all-capital word read as an abbreviation, never a misspelt place
MIN_FUZZY = 5  # letters a word needs to be compared by edit distance; shorter names only exactly
SHORT_WORD = 8  # a word shorter than this needs a single nearest place
MAX_EDITS = 2
SUBSTITUTION_FROM = 9  # letters from which one letter may be changed, not just missed or swapped
# ...and from which it may in a word written in Cyrillic, where a Czech sound has several
# renderings ("Кожетін"/"Коєтін" for Kojetín, "Пшеров"/"Пршеров" for Přerov)
CYRILLIC_SUBSTITUTION_FROM = 6
# Edits tolerated by length of the phonetic key: a word as written may lose, gain or swap a
# letter from five letters on, two from ten; a stem (the case ending cut off) only from eight.
FORM_EDITS = (0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2)
STEM_EDITS = (0, 0, 0, 0, 0, 0, 0, 0, 1)
NO_PLACE = ""  # a stem no place has: a name that must not be read as one

_PHONETIC = str.maketrans({"y": "i", "w": "f", "z": "s", "d": "t", "b": "p", "v": "f", "g": "k", "q": "k", "x": "s"})
_DOUBLE = re.compile(r"(.)\1+")
_WORD = re.compile(r"[^\W_]+")
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])['’ʼ`´](?=[^\W_])")
_SENTENCE_END = re.compile(r"[.!?…\n]")
_CLAUSE_BREAK = re.compile(r"[,;:(/–—-]")  # a place is often added after one: "…, Kojetýn"
_POSSESSIVE = re.compile(r"([^\W_]+)['’ʼ]s\b")


@dataclass(frozen=True)
class PlaceRef:
    """A recognised place: a municipality, a whole ORP, or somewhere outside the regions."""

    kind: str  # "town" | "orp" | "outside"
    name: str
    code: int | None = None


def _strip_preposition(text: str) -> str:
    head, _, rest = text.strip().partition(" ")
    return rest if head.lower() in PREPOSITIONS and rest else text


def phonetic_key(folded: str) -> str:
    """A folded word with the letters people confuse made one: y/i, voiced/voiceless, ch/h, doubles.

    The first letter keeps its voice: people seldom mistake it ("Dovers" is not "Tovéř").
    """
    word = folded.replace("ch", "h")
    return _DOUBLE.sub(r"\1", word[:1] + word[1:].translate(_PHONETIC))


@dataclass(frozen=True)
class _Shape:
    """A token as written: lowercased, capitalised mid-sentence, with an English "'s"."""

    original: str
    capitalised: bool = False
    possessive: bool = False
    after_break: bool = False  # follows a comma, colon, dash or bracket
    abbreviation: bool = False  # written in capitals, short ("CHB", "DPS")


def _shapes(text: str, tokens: Sequence[str]) -> list[_Shape]:
    """How each token of `text` was written (plain shapes if the words cannot be aligned)."""
    cleaned = _INNER_APOSTROPHE.sub("", text)
    words = list(_WORD.finditer(cleaned))
    if len(words) < len(tokens) or any(fold(w.group()) != t for w, t in zip(words, tokens, strict=False)):
        return [_Shape(t) for t in tokens]
    possessives = {fold(m.group(1)) + "s" for m in _POSSESSIVE.finditer(text)}
    shapes: list[_Shape] = []
    end = 0
    for i, (word, token) in enumerate(zip(words, tokens, strict=False)):
        written = word.group()
        starts = i == 0 or _SENTENCE_END.search(cleaned, end, word.start()) is not None
        capitalised = not starts and written[0].isupper() and not written.isupper()
        after_break = i > 0 and _CLAUSE_BREAK.search(cleaned, end, word.start()) is not None
        abbreviation = written.isupper() and 1 < len(written) <= ABBREVIATION
        shapes.append(_Shape(written.lower(), capitalised, token in possessives, after_break, abbreviation))
        end = word.end()
    return shapes


def _slip(word: str, key: str, distance: float, substitution_from: int = SUBSTITUTION_FROM) -> bool:
    """True when a word `distance` edits from a key keeps its first letter and only misses, adds
    or swaps letters; a changed letter ("lhůta"/"Lhota") only in a word of `substitution_from`
    letters or more, where it seldom makes another word."""
    if word[0] != key[0]:
        return False
    if distance == 1:
        return len(word) != len(key) or sorted(word) == sorted(key) or len(word) >= substitution_from
    return Indel.distance(word, key) == distance


class _Keys:
    """Phonetic keys of place words, grouped by length for the edit-distance search."""

    def __init__(self, edits: Sequence[int]) -> None:
        self._edits = edits  # edits tolerated, by length of key
        self.targets: dict[str, dict[str, int]] = {}  # key -> place word -> population
        self.outside: set[str] = set()
        self._windows: dict[tuple[int, int], list[str]] = {}

    def add(self, key: str, word: str | None, population: int = 0) -> None:
        targets = self.targets.setdefault(key, {})
        if word is None:
            self.outside.add(key)
        else:
            targets[word] = max(targets.get(word, 0), population)
        self._windows.clear()

    def edits(self, length: int) -> int:
        """Edits tolerated in a key of `length` letters."""
        return self._edits[min(length, len(self._edits) - 1)]

    def near(self, key: str, edits: int) -> list[tuple[str, float]]:
        """Keys at most `edits` from `key` by OSA distance, with their distance."""
        window = self._windows.get((len(key), edits))
        if window is None:
            window = [k for k in self.targets if abs(len(k) - len(key)) <= edits]
            self._windows[(len(key), edits)] = window
        return [(k, d) for k, d, _ in process.extract(key, window, scorer=OSA.distance, score_cutoff=edits, limit=None)]


class PlaceVariants:
    """The local place word nearest to a misspelt word, by OSA distance between phonetic keys.

    Forms are compared with the forms of place names, stems with stems, each within the edits
    of FORM_EDITS / STEM_EDITS; the word must keep its first letter, and a changed letter (not
    one missed, added or swapped) counts only from SUBSTITUTION_FROM letters. Of the nearest
    place words, a word shorter than SHORT_WORD needs a single one; otherwise the most populous
    place wins. A word at least as near to a place elsewhere matches nothing.
    """

    def __init__(self) -> None:
        self._forms = _Keys(FORM_EDITS)
        self._stems = _Keys(STEM_EDITS)
        self._cache: dict[tuple[tuple[str, ...], tuple[str, ...], int], str | None] = {}

    def add(self, form: str, stem: str, population: int) -> None:
        """Register a local place word: a folded word of a name and its stem."""
        for keys, text in ((self._forms, form), (self._stems, stem)):
            if len(text) >= MIN_FUZZY and len(key := phonetic_key(text)) >= MIN_FUZZY:
                keys.add(key, stem, population)

    def add_outside(self, form: str, stem: str) -> None:
        """Register a word of a place elsewhere: a word nearest to it is no local place."""
        for keys, text in ((self._forms, form), (self._stems, stem)):
            if len(text) >= MIN_FUZZY and len(key := phonetic_key(text)) >= MIN_FUZZY:
                keys.add(key, None)

    def nearest(self, forms: Iterable[str], stems: Iterable[str], *, cyrillic: bool = False) -> str | None:
        """The place word nearest to one word, given as folded forms and their stems (transliterated
        when the word was `cyrillic`)."""
        substitution_from = CYRILLIC_SUBSTITUTION_FROM if cyrillic else SUBSTITUTION_FROM
        query = tuple(self._keys(forms)), tuple(self._keys(stems)), substitution_from
        if query not in self._cache:
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[query] = self._nearest(query)
        return self._cache[query]

    @staticmethod
    def _keys(texts: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(k for k in map(phonetic_key, texts) if len(k) >= MIN_FUZZY))

    def _nearest(self, query: tuple[tuple[str, ...], tuple[str, ...], int]) -> str | None:
        best: float = MAX_EDITS + 1
        outside: float = MAX_EDITS + 1
        found: dict[str, int] = {}
        unique = False
        for keys, wanted in ((self._forms, query[0]), (self._stems, query[1])):
            for key in wanted:
                for choice, distance in keys.near(key, min(keys.edits(len(key)), int(best))):
                    if distance > best or (distance and not _slip(key, choice, distance, query[2])):
                        continue
                    if choice in keys.outside:
                        outside = min(outside, distance)
                        continue
                    if distance < best:
                        best, found, unique = distance, {}, False
                    unique = unique or (distance > 0 and len(key) < SHORT_WORD)
                    for word, population in keys.targets[choice].items():
                        found[word] = max(found.get(word, 0), population)
        if not found or outside <= best or (unique and len(found) > 1):
            return None
        return max(found, key=lambda w: (found[w], w))


class PlaceRecognizer:
    """Finds places in the words of a query."""

    def __init__(
        self,
        analyzer: Analyzer,
        towns: Iterable[Town],
        *,
        regions: Path = CATALOG_DATA / "regiony.csv",
        elsewhere: Path = CATALOG_DATA / "mista-mimo-regiony.txt",
        names: PersonNames | None = None,
        common_words: frozenset[str] | None = None,
    ) -> None:
        self.analyzer = analyzer
        self.common_words = common_latin_words() if common_words is None else common_words
        self.table: PhraseTable[PlaceRef] = PhraseTable()
        self.variants = PlaceVariants()
        self.names = names or PersonNames.from_files()
        self._surface: set[str] = set()  # folded words of the place names as written
        self._named: dict[str, set[str]] = {}  # stem -> the folded words of place names with it
        towns = list(towns)
        population: Counter[str] = Counter()
        for t in towns:
            population[t.orp] += t.population or 0
        first_words = Counter(self._name_stems(t.name)[0] for t in towns)
        known: set[tuple[str, ...]] = set()
        for town in towns:
            ref = PlaceRef("town", town.name, town.code)
            forms = [town.name]
            if town.locative:
                forms.append(_strip_preposition(town.locative))
            for form in forms:
                known.add(self._add_local(form, ref, town.population or 0))
            short = self._short_name(town.name)
            if short and first_words[self._name_stems(short)[0]] == 1:
                self._add_local(short, ref, town.population or 0)
        if regions.exists():
            with regions.open(encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    if row["orp"] in population:
                        ref = PlaceRef("orp", row["orp"])
                        for form in (row["nazev"], _strip_preposition(row.get("lokativ") or "")):
                            if form:
                                self._add_local(form, ref, population[row["orp"]])
        self._local = self.table.all_stems()
        for _, name in commented_lines(elsewhere):
            stems = self._name_stems(name)
            if stems not in known:
                self.table.add(stems, PlaceRef("outside", name))
                for word in tokenize(name):
                    stem = self.analyzer.stem(word)
                    self.variants.add_outside(word, stem)
                    self._surface.add(word)
                    self._named.setdefault(stem, set()).add(word)
        self._all = self.table.all_stems()

    def _add_local(self, form: str, ref: PlaceRef, population: int) -> tuple[str, ...]:
        words = tokenize(form)
        stems = tuple(self.analyzer.stem(w) for w in words)
        self.table.add(stems, ref)
        self._surface.update(words)
        for word, stem in zip(words, stems, strict=True):
            self._named.setdefault(stem, set()).add(word)
            if word not in self.analyzer.stop_words and word not in PREPOSITIONS:
                self.variants.add(word, stem, population)
        return stems

    def _is_surname(self, original: str, latin: str) -> bool:
        """True when a word ends like a surname as written, or in Latin letters when Cyrillic."""
        if self.names.ends_like_surname(original):
            return True
        return is_cyrillic(original) and latin.endswith(self.names.folded_surname_endings)

    def local_stems(self) -> set[str]:
        """Stems of the names of municipalities and regions of the catalogue (not of elsewhere)."""
        return set(self._local)

    def match(
        self, text: str, tokens: Sequence[str], used: list[bool], known: set[str] | frozenset[str]
    ) -> list[PhraseMatch[PlaceRef]]:
        """The places among the `tokens` of `text` not yet `used`, marked used. `known` are the
        stems of the catalogue's words, never read as a misspelt place."""
        shapes = _shapes(text, tokens)
        stems = [
            (NO_PLACE, True) if used[i] else self._place_stem(i, tokens, shapes[i], known) for i in range(len(tokens))
        ]
        found = self.table.match([stem for stem, _ in stems], used)
        # a municipality of the catalogue comes before a place elsewhere ("dřív z Prahy, teď bydlím
        # v Oldřichově", "pracuju v Brně, maminka je sama v Tučíně": help is sought where the region
        # is), and a place named exactly before one recognised by edit distance
        found = [replace(m, exact=all(exact for _, exact in stems[m.start : m.end])) for m in found]
        return sorted(found, key=lambda m: (m.payloads[0].kind == "outside", not m.exact))

    def _place_stem(
        self, i: int, tokens: Sequence[str], shape: _Shape, known: set[str] | frozenset[str]
    ) -> tuple[str, bool]:
        """The stem under which token i is looked up among the place names, and False when it
        was found by edit distance.

        A first name matches a place only as the place's own word ("v Karolíně") or after "v",
        "do", "z" ("do Karolína"). A word that may be a name, that is capitalised mid-sentence
        (not after a preposition) or that is a word of the catalogue is not compared by distance.
        """
        token = tokens[i]
        after = tokens[i - 1] if i else ""
        cyrillic = is_cyrillic(token)
        if cyrillic and self.analyzer.stem(token) in known:
            return token, True  # a word of the catalogue's own Cyrillic vocabulary
        if cyrillic:
            forms = [fold(transliterate(f)) for f in (token, *without_case_endings(token))]
        else:
            forms = [token[:-1], token] if shape.possessive else [token]
        latin = forms[0]
        own = self.analyzer.stem(latin)
        plain = token if cyrillic else own  # what the word is when it is no place
        first_name = self.names.is_first_name(latin) or self.names.is_first_name(token)
        if first_name and latin not in self._surface:
            return (own if after in NAME_PLACE_CONTEXT and own in self._local else NO_PLACE), True
        everyday = not shape.capitalised and (
            token.replace("ё", "е") in common_cyrillic_words() if cyrillic else latin in self.common_words
        )
        if shape.abbreviation and latin not in self._surface:
            return NO_PLACE, True  # "CHB" (chráněné bydlení) is not Cheb, whose stem it shares
        named = after in NAME_PLACE_CONTEXT or (latin in self._surface and after not in PREPOSITIONS)
        for form in forms:
            stem = self.analyzer.stem(form)
            if everyday and not named and (stem not in self._local or latin not in self._surface):
                # "na tábor nemám": an everyday word, not a town elsewhere; "mám rakovinu" shares
                # Rakov's stem but is no form of its name as written
                return NO_PLACE, True
            # a transliterated word is taken by its stem only when the stem says enough
            if stem in self._all and (not cyrillic or len(stem) >= MIN_FUZZY or form in self._surface):
                if everyday and not self._may_inflect(latin, stem):
                    return NO_PLACE, True  # "vyhodili ho z výšky": Vyškov's stem, no form of its name
                return stem, True
        if (
            first_name
            or not token.isalpha()
            or token in self.analyzer.stop_words
            or self.analyzer.stem(token) in known
            or everyday  # "vyhodili ho z výšky" is not Vyškov
            or (shape.capitalised and after not in PLACE_CONTEXT and not shape.after_break)
            or (self._is_surname(shape.original, latin) and not (cyrillic and after in NAME_PLACE_CONTEXT))
        ):
            return plain, True
        nearest = self.variants.nearest(forms, [self.analyzer.stem(f) for f in forms], cyrillic=cyrillic)
        return (nearest, False) if nearest else (plain, True)

    def _may_inflect(self, word: str, stem: str) -> bool:
        """True when `word` may be a case form of a place name word with `stem`: the stem keeps all
        but the name's last letter ("praha" -> "prah", so "praze" may be), or the word begins with
        the whole name word ("vyskov" -> "vysk": "vyskove" may be, "vysky" may not)."""
        names = self._named.get(stem, set())
        return not names or any(len(name) - len(stem) < 2 or word.startswith(name) for name in names)

    def _name_stems(self, text: str) -> tuple[str, ...]:
        return tuple(self.analyzer.stems(text, keep_stop_words=True))

    @staticmethod
    def _short_name(name: str) -> str | None:
        for joiner in NAME_JOINERS:
            if joiner in name:
                return name.split(joiner)[0]
        return None
