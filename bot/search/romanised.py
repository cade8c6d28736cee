"""Russian and Ukrainian typed in Latin letters, read back into Cyrillic.

People without a Cyrillic keyboard write "u menja dolgi, nuzhna pomoshch" or "potribna
dopomoha z zhytlom". Nothing in the vocabulary or the safety patterns matches such words, so
the message would be turned away. The reader spells each unknown Latin word in Cyrillic under
the usual romanisations (zh/ž, kh/ch/h, ya/ja/ia, y/i, ...), keeps the spelling whose letters
the bundled vocabularies know, and rewrites the message only when such words clearly
outnumber the Czech and English words it knows — so Czech without diacritics stays as it is.

Known words come from wordfreq's lists of frequent Czech, English, Russian and Ukrainian word
forms and from our vocabulary, safety concepts and stop words: data, not a list of romanised
words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from bot.safety.detector import DangerDetector
from bot.search.text import fold, load_stop_words
from bot.search.translit import is_cyrillic
from bot.search.vocabulary import lexicon_rows
from bot.search.wordlists import common_latin_words, place_name_words, wordlist

# Latin letter groups and the Cyrillic letters they may stand for, longest group first.
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "shch": ("щ",),
    "tsya": ("тся", "ться"),  # the reflexive ending, with or without the soft sign
    "tsa": ("ца", "тся", "ться"),  # "ulitsa", and the reflexive ending typed short ("prosnutsa")
    "sch": ("щ", "сч"),
    "shh": ("щ",),  # "proshhajte", "ishhu"
    "zh": ("ж",),
    "kh": ("х",),
    "ch": ("ч", "х"),
    "sh": ("ш", "щ"),
    "ts": ("ц", "тс"),
    "tz": ("ц",),
    "ya": ("я", "ья"),  # "semya": the soft sign before a vowel is rarely typed
    "ja": ("я",),
    "ia": ("я", "иа"),
    "yu": ("ю", "ью"),
    "ju": ("ю",),
    "iu": ("ю", "иу"),
    "yo": ("ё", "йо", "ьё"),
    "jo": ("ё", "йо"),
    "io": ("ё", "ио", "ьо"),  # Ukrainian "ньо" ("nioho")
    "ye": ("е", "є", "ье"),
    "je": ("е", "є"),
    "ie": ("е", "ие", "іе", "є"),  # Ukrainian "є" after a consonant ("b'ie" is "б'є")
    "yi": ("ї", "ый", "ий"),
    "ji": ("ї",),
    "a": ("а",),
    "b": ("б",),
    "c": ("ц", "к"),
    "d": ("д",),
    "e": ("е", "э", "є", "ье"),  # "bet" is "бьет"
    "f": ("ф",),
    "g": ("г", "ґ"),
    "h": ("х", "г"),
    "i": ("и", "і", "й"),
    "j": ("й",),
    "k": ("к",),
    "l": ("л", "ль"),  # "bolshe"
    "m": ("м",),
    "n": ("н",),
    "o": ("о",),
    "p": ("п",),
    "q": ("к",),
    "r": ("р",),
    "s": ("с",),
    "t": ("т",),
    "u": ("у",),
    "v": ("в",),
    "w": ("в",),
    "x": ("кс", "х"),
    "y": ("ы", "и", "й"),
    "z": ("з",),
    "'": ("ь", "'"),  # a soft sign, or the Ukrainian apostrophe ("p'je" is "п'є")
}
_LONGEST = max(len(group) for group in _SPELLINGS)
_SOFT_SIGN = "ь"
MIN_CONVERTED = 2  # words that must read as Cyrillic before a message is rewritten
MIN_STEM = 4  # a safety pattern's stem ("самогуб*") must be this long to count
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f'"  # Latin letters with diacritics, and the apostrophe
_LATIN_WORD = re.compile(f"[{_LATIN}]+")
_WORD_OR_OTHER = re.compile(f"[{_LATIN}]+|[^{_LATIN}]+")
# letters no romanisation of Russian or Ukrainian uses: a word with one is Czech or Slovak
_WEST_SLAVIC = re.compile("[áéíóúůýěřňťďľĺŕôä]", re.IGNORECASE)
# the Czech-style letters of scholarly romanisation ("choču", "žytlo") as the digraphs above
_HACEK = str.maketrans({"č": "ch", "š": "sh", "ž": "zh", "ǐ": "i", "ï": "ji"})


@dataclass(frozen=True)
class Lexicon:
    """Known words: Czech and English (folded Latin), Russian and Ukrainian (Cyrillic).

    `cyrillic` maps a word to its rank (0 = the most frequent); `stems` are word beginnings
    that count as known words; `prefixes` holds every beginning of a known Cyrillic word.
    """

    latin: frozenset[str]
    cyrillic: dict[str, int]
    stems: tuple[str, ...] = ()
    prefixes: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_words(cls, latin: Iterable[str], cyrillic: Iterable[Iterable[str]], stems: Iterable[str] = ()) -> Lexicon:
        """A lexicon of Latin words, lists of Cyrillic words (each the more frequent first; a word
        ranks by its best place in any list) and Cyrillic stems."""
        ranks: dict[str, int] = {}
        for words in cyrillic:
            for rank, word in enumerate(words):
                key = word.lower().replace("ё", "е")
                ranks[key] = min(rank, ranks.get(key, rank))
        stem_list = tuple(sorted({s.lower() for s in stems if len(s) >= MIN_STEM}))
        prefixes = {w[:i] for w in (*ranks, *stem_list) for i in range(1, len(w) + 1)}
        return cls(frozenset(fold(w) for w in latin), ranks, stem_list, frozenset(prefixes))

    def knows_cyrillic(self, word: str) -> bool:
        """True when `word` is a known Cyrillic word or begins with a known stem."""
        return word in self.cyrillic or self.has_stem(word)

    def has_stem(self, word: str) -> bool:
        """True when `word` begins with a known stem."""
        return any(word.startswith(stem) for stem in self.stems)

    def may_begin(self, partial: str) -> bool:
        """True when a known word or stem begins with `partial`, or `partial` with a stem."""
        return partial in self.prefixes or self.has_stem(partial)

    def rank(self, word: str) -> int:
        """How frequent a known Cyrillic word is (smaller is more frequent)."""
        return self.cyrillic.get(word, len(self.cyrillic))


class RomanisedReader:
    """Reads Latin-typed Russian and Ukrainian back into Cyrillic; leaves other text alone."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def knows_latin(self, word: str) -> bool:
        """True when `word` (folded Latin) is a known Czech or English word."""
        return word in self.lexicon.latin

    def cyrillic(self, word: str) -> str | None:
        """The most frequent known Cyrillic spelling of `word` (folded Latin), or None."""
        known = []
        for spelling in self.spellings(word):
            for candidate in (spelling, spelling + _SOFT_SIGN):
                if self.lexicon.knows_cyrillic(candidate):
                    known.append(candidate)
        return min(known, key=self.lexicon.rank) if known else None

    def spellings(self, word: str) -> list[str]:
        """Cyrillic spellings of `word` under the usual romanisations that begin a known word."""
        lexicon = self.lexicon
        partials: dict[int, set[str]] = {0: {""}}
        for start in range(len(word)):
            for partial in partials.pop(start, set()):
                for size in range(_LONGEST, 0, -1):
                    for option in _SPELLINGS.get(word[start : start + size], ()):
                        grown = partial + option
                        if lexicon.may_begin(grown):
                            partials.setdefault(start + size, set()).add(grown)
        return sorted(partials.get(len(word), set()))

    def restore(self, text: str) -> str:
        """`text` with its romanised Russian or Ukrainian words in Cyrillic, when it is such a message.

        A message is rewritten when the words that read only as Russian or Ukrainian outnumber
        those that read only as Czech or English, and are at least MIN_CONVERTED unless no word
        reads only as Czech or English ("ne hochu zhit"); then every word with a known Cyrillic
        spelling is replaced and the rest (places, names) kept.
        """
        if is_cyrillic(text):
            return text
        # each word as a Czech or English reader folds it, and as it would be spelt in Cyrillic
        words = [(w, fold(w.lower().strip("'")), _spelt(w)) for w in _LATIN_WORD.findall(text)]
        czech = {latin for raw, latin, _ in words if _WEST_SLAVIC.search(raw)}

        def latin_known(latin: str) -> bool:
            return self.knows_latin(latin) or latin in czech

        # a capital inside the message marks a name or a place: it speaks no language
        longer = [(latin, spelt) for _, latin, spelt in words if len(latin) >= 3]
        common = [
            (latin, spelt)
            for n, (raw, latin, spelt) in enumerate(words)
            if len(latin) >= 3 and (n == 0 or not raw[0].isupper())
        ]
        # the words no Czech or English reader knows decide first: most messages end here
        spelled = {spelt: self.cyrillic(spelt) for latin, spelt in set(longer) if not latin_known(latin)}
        converted = sum(1 for _, spelt in longer if spelled.get(spelt))
        if not converted:
            return text
        spelled.update(
            {
                spelt: None if latin in czech else self.cyrillic(spelt)
                for latin, spelt in set(longer)
                if spelt not in spelled
            }
        )
        latin_only = sum(1 for latin, spelt in common if latin_known(latin) and not spelled[spelt])
        if converted <= latin_only or (converted < MIN_CONVERTED and latin_only > 0):
            return text
        parts = []
        for piece in _WORD_OR_OTHER.findall(text):
            if _WEST_SLAVIC.search(piece):
                parts.append(piece)
                continue
            spelt = _spelt(piece)
            cyrillic = spelled.get(spelt) or (self.cyrillic(spelt) if spelt and spelt not in spelled else None)
            parts.append(cyrillic or piece)
        return "".join(parts)


def _spelt(word: str) -> str:
    """A Latin word as the Cyrillic spellings read it: lower case, háčeks as digraphs, folded."""
    return fold(word.lower().strip("'").translate(_HACEK))


@lru_cache(maxsize=1)
def default_reader() -> RomanisedReader:
    """The reader over wordfreq's Czech, English, Russian and Ukrainian words, our vocabulary and
    stop words, the words of the country's municipality names ("Citov" is no "китов"), and the
    Cyrillic words and stems of the safety concepts."""
    ours = [part for row in lexicon_rows() for part in row["vyraz"].split()] + sorted(load_stop_words())
    concepts = DangerDetector.from_files().concepts.values()
    patterns = sorted(w for c in concepts for w in c.words if is_cyrillic(w) and w.isalpha())
    stems = sorted(p for c in concepts for p in c.prefixes if is_cyrillic(p))
    latin = [*(w for w in ours if not is_cyrillic(w)), *common_latin_words(), *place_name_words()]
    ours_cyrillic = [*(w for w in ours if is_cyrillic(w) and w.isalpha()), *patterns]
    cyrillic = (wordlist("ru"), wordlist("uk", apostrophes=True), ours_cyrillic)
    return RomanisedReader(Lexicon.from_words(latin, cyrillic, stems))


def restore_romanised(text: str) -> str:
    """`text` with romanised Russian or Ukrainian in Cyrillic (see RomanisedReader.restore)."""
    return default_reader().restore(text)
