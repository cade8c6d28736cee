"""A light Czech stemmer for folded text (lowercase, no diacritics).

It follows the light stemmer of Dolamic & Savoy ("Indexing and stemming approaches for the
Czech language", 2009), the one behind Lucene's CzechStemmer and the `czech` analyzer of
Elasticsearch, re-expressed for text without diacritics and corrected where folding makes its
rules misfire. A word goes through three steps:

1. Case ending: the longest ending of the lists below is removed, provided at least three
   letters remain ("seniorovi" -> "senior", "sluzbach" -> "sluzb", "rodinou" -> "rodin").
2. Possessive suffix: "-ov", "-in", "-uv" is removed when at least four letters remain
   ("azylov" -> "azyl", "prerov" -> "prer", "seniorov" -> "senior").
3. Final consonant: "c" -> "k" and "z" -> "h" (the alternations of "matka/matce",
   "Praha/Praze"), then a fleeting "e" before the final consonant is dropped ("sluzeb" ->
   "sluzb", "otek" -> "otk"); the fleeting "e" is left alone after step 2 ("kojet", "prer").

Differences from the original, all because folded text loses the distinctions it relied on:
"-ove" is not an ending (folded "domove" is "domově", the locative of "domov", not "-ové"),
so only its "e" goes and step 2 takes the "ov" of long words ("seniorove" -> "senior");
"-es", "-os", "-us" (except in "-ismus"), "-at" and the "-ata/-ete/-eti" endings of neuters
like "kuře" are dropped, because they cut ordinary words ("proces", "pokus", "advokat",
"internetem"); "-am" stays on nouns in "-gram" ("program", "programu"); and a small table
handles the irregular stems search cannot do without ("dům/domu", "dítě/děti",
"problém/problému").

Words of one or two letters and words with a digit are returned unchanged; three-letter words
lose no ending but get step 3's consonant change, so "muz" meets "muze". Cyrillic passes
through unchanged (the endings are Latin).
"""

from __future__ import annotations

from functools import lru_cache

MIN_STEM = 3  # letters a case ending must leave
MIN_POSSESSIVE_STEM = 4  # letters a possessive suffix must leave

_ENDINGS_3 = frozenset(
    {
        "ach",  # sluzbach, poradnach
        "ama",  # dluhama (colloquial instrumental plural)
        "ami",  # sluzbami, rodinami
        "ech",  # seniorech, domovech
        "eho",  # pecovatelskeho
        "emi",  # krizemi, hranicemi
        "emu",  # pecovatelskemu
        "ich",  # hranicich, socialnich
        "iho",  # socialniho
        "imi",  # socialnimi, postizenimi
        "imu",  # socialnimu
        "ovi",  # seniorovi
        "ych",  # pecovatelskych
        "ymi",  # azylovymi
    }
)
_ENDINGS_2 = frozenset(
    {
        "am",  # sluzbam
        "em",  # seniorem, domovem, azylovem
        "im",  # postizenim, krizim
        "mi",  # zavislostmi, detmi
        "ou",  # sluzbou, pecovatelskou
        "um",  # seniorum; Latin neuters: centrum/centra
        "ym",  # pecovatelskym
    }
)
_ENDINGS_1 = frozenset("aeiouy")
_POSSESSIVES = frozenset({"ov", "in", "uv"})
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
_VOWELS = frozenset("aeiouy")

# Irregular words: the word is stemmed as if it were the form given, so that it meets the
# rest of its paradigm. Only words that matter for finding social services belong here.
_STEM_AS = {
    # dům, domu, domě, domem ... (the "ů/o" alternation is lost by folding)
    "dum": "domu",
    # dítě, dítěte, dítěti, dítětem; děti, dětí, dětem, dětech, dětmi (dětma)
    "dite": "dite",
    "ditete": "dite",
    "diteti": "dite",
    "ditetem": "dite",
    "deti": "dite",
    "detem": "dite",
    "detech": "dite",
    "detmi": "dite",
    "detma": "dite",
    # nouns whose stem itself ends like a case ending ("-em", "-im", "-ach"), so that the
    # nominative or the genitive would lose part of the stem: problém, systém, režim, strach
    "problem": "problemy",
    "problemu": "problemy",
    "system": "systemy",
    "systemu": "systemy",
    "rezim": "rezimy",
    "rezimu": "rezimy",
    "strach": "strachu",
}


def _remove_case(word: str) -> str:
    """`word` without its case ending, if one is found and enough of the word remains."""
    n = len(word)
    if n - 3 >= MIN_STEM and word[-3:] in _ENDINGS_3:
        return word[:-3]
    if n - 2 >= MIN_STEM:
        end = word[-2:]
        if end in _ENDINGS_2 and not word.endswith("gram"):  # program, telegram
            return word[:-2]
        if end == "us" and word.endswith("ismus"):  # autismus, autismu, autismem
            return word[:-2]
    if n - 1 >= MIN_STEM and word[-1] in _ENDINGS_1:
        return word[:-1]
    return word


def _remove_possessive(stem: str) -> str:
    """`stem` without a possessive suffix (-ov, -in, -uv), if at least four letters remain."""
    if len(stem) - 2 >= MIN_POSSESSIVE_STEM and stem[-2:] in _POSSESSIVES:
        return stem[:-2]
    return stem


def _normalise_consonant(stem: str) -> str:
    """`stem` with a final "c" turned to "k" and a final "z" turned to "h"."""
    last = stem[-1]
    if last == "c":
        return stem[:-1] + "k"
    if last == "z":
        return stem[:-1] + "h"
    return stem


def _drop_fleeting_e(stem: str) -> str:
    """`stem` without the "e" between two final consonants ("sluzeb" -> "sluzb")."""
    if (
        len(stem) >= 4
        and stem[-2] == "e"
        and stem[-1] in _CONSONANTS
        and stem[-3] not in _VOWELS
    ):
        return stem[:-2] + stem[-1]
    return stem


def _stem(word: str) -> str:
    """The stem of one folded word, by the rules of the module docstring."""
    if len(word) <= 2 or not word.isalpha():
        return word
    if len(word) == 3:
        return _normalise_consonant(word)
    without_case = _remove_case(word)
    without_possessive = _remove_possessive(without_case)
    stem = _normalise_consonant(without_possessive)
    if len(without_possessive) == len(without_case):  # no possessive suffix was removed
        stem = _drop_fleeting_e(stem)
    return stem


_IRREGULAR = {word: _stem(form) for word, form in _STEM_AS.items()}


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The stem of one folded word: the same for the case forms of a word, apart for others.

    `word` must already be folded (see bot.search.text.fold): lowercase, no diacritics.
    "pecovatelkou" -> "pecovatelk", "v Prerove" is two words: "prerove" -> "prer".
    """
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    return _stem(word)
