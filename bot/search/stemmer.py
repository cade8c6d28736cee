"""A light Czech stemmer for folded text (lowercase, no diacritics), and a light Ukrainian and
Russian one for Cyrillic words.

The Czech part follows the light stemmer of Dolamic & Savoy ("Indexing and stemming approaches for the
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
lose no ending but get step 3's consonant change, so "muz" meets "muze".

Ukrainian and Russian words (all letters Cyrillic) get a light stemmer of their own; Latin
words never reach it, and a word mixing scripts is left alone. Words of up to three letters
are kept (except a few listed ones: "їжа/їжі", "дім/дому", "ніч"). Then:

1. "ё" is written "е" and "ґ" "г", as many people type them.
2. Reflexive "-ся/-сь" is removed after a verb ending ("митися" -> "мити", "мыться",
   "боюсь"), not after a noun ("дідуся").
3. One ending is removed, at most:
   - a verb ending, only after a vowel, which stays, and only if four letters remain: Russian
     "-ть" (not after "я": "память"), "-ешь", "-ете", "-ет" and "-ют" (not after a consonant
     or "и": "совет", "приют"), Ukrainian "-єш", "-єте", "-ємо", "-ють"; so "ухаживать",
     "ухаживает", "ухаживают", "ухаживаю" all give "ухажива", "доглядає", "доглядають",
     "доглядаю" give "догляда". The Ukrainian infinitive "-ти" is not removed as a verb
     ending (it is also the plural of nouns in "-т": "кредити", "зарплати"); it loses its "и"
     like a noun ("доглядати" -> "доглядат", "жити" and "жить" -> "жит");
   - otherwise the longest case ending of nouns, adjectives and participles of either
     language that leaves three letters ("боргами" -> "борг", "соціального" -> "соціальн",
     "пособием" -> "пособ", "депресією" -> "депрес", "людьми" -> "люд").
4. A final "ь" or "й" goes ("дітьми" -> "діт", "случай" -> "случа" like "случаев").
5. Alternations: the Ukrainian "-ість/-ості" is written "іст" ("залежність", "залежності",
   also Russian "-ость"); a final "з" becomes "г" and "ц" "к" ("допомозі" = "допомога",
   "доглядальниці" = "доглядальник").
6. A fleeting "о/е/є" before a final "к" after a consonant is dropped ("притулок" and
   "притулку" -> "притулк", "ночлежек" and "ночлежка" -> "ночлежк", "отец" and "отца" ->
   "отк"); other fleeting vowels ("день/дня") are not undone.

Like the Czech rules, these do not undo derivation ("доглядальниця" is not "догляд") nor
suppletion ("діти/дитина", "люди/людина"); the vocabulary lists such words separately.
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
    if len(stem) >= 4 and stem[-2] == "e" and stem[-1] in _CONSONANTS and stem[-3] not in _VOWELS:
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
    # no possessive suffix was removed, nor a dative "-ovi", whose stem has no fleeting e left
    # ("otcovi", and "Přerovi" stays "prer", not "prr")
    if len(without_possessive) == len(without_case) and not word.endswith("ovi"):
        stem = _drop_fleeting_e(stem)
    return stem


_IRREGULAR = {word: _stem(form) for word, form in _STEM_AS.items()}


# --- Ukrainian and Russian -----------------------------------------------------------------

CYRILLIC_MIN_STEM = 3  # letters a case ending must leave
CYRILLIC_MIN_VERB_STEM = 4  # letters a verb ending must leave

# Case endings of nouns, adjectives and participles, Ukrainian and Russian together. The
# longest one that fits is removed.
_CYRILLIC_ENDINGS = frozenset(
    {
        # four letters
        "ього",
        "ьому",
        "иями",
        # three letters
        "ами",
        "ями",
        "ими",
        "ыми",
        "іми",
        "ьми",  # instrumental plural: боргами, людьми
        "ого",
        "его",
        "ому",
        "ему",  # adjectives: соціального, социальному
        "ові",
        "еві",
        "єві",  # Ukrainian dative: боргові
        "ією",
        "ией",
        "ием",
        "иям",
        "иях",
        "ьою",
        "ьої",  # депресією, пособием
        # two letters
        "ам",
        "ям",
        "ах",
        "ях",
        "ом",
        "ем",
        "єм",
        "ой",
        "ей",
        "ій",
        "ий",
        "ый",
        "ої",
        "ії",
        "ію",
        "ія",
        "ою",
        "ею",
        "єю",
        "ую",
        "юю",
        "ая",
        "яя",
        "ое",
        "ее",
        "ие",
        "ые",
        "ів",
        "їв",
        "ов",
        "ев",  # genitive plural: боргів, долгов, случаев
        "их",
        "іх",
        "ых",
        "им",
        "ім",
        "ым",
        "ия",
        "ию",
        "ии",
        "ья",
        "ье",
        "ью",
        "ьи",
        # one letter
        "а",
        "я",
        "о",
        "е",
        "є",
        "и",
        "і",
        "ї",
        "у",
        "ю",
        "ы",
        "ь",
        "й",
    }
)
# Verb endings, removed only after a vowel, which stays ("ухаживает" -> "ухажива"), and only
# when at least four letters remain. "-ть" is not removed after "я" (память, пам'ять).
_CYRILLIC_VERB_ENDINGS = {
    "ть": "аеиоуыі",  # Russian infinitive: ухаживать, ночевать
    "ешь": "аеуяюі",  # Russian 2nd person: ухаживаешь
    "ете": "аеуяюі",
    "ет": "аеуяю",  # Russian 3rd person: ухаживает (not after a consonant: совет, бюджет)
    "ют": "аеуя",  # Russian 3rd person plural: ухаживают (not after "и": приют)
    "єш": "аеуяюіи",  # Ukrainian 2nd person: доглядаєш
    "єте": "аеуяюіи",
    "ємо": "аеуяюіи",  # Ukrainian 1st person plural: доглядаємо
    "ють": "аеуяюіи",  # Ukrainian 3rd person plural: доглядають
}
_CYRILLIC_VERB_LENGTHS = sorted({len(e) for e in _CYRILLIC_VERB_ENDINGS}, reverse=True)
_CYRILLIC_ENDING_LENGTHS = sorted({len(e) for e in _CYRILLIC_ENDINGS}, reverse=True)
# A reflexive "-ся/-сь" is removed after these verb endings (мити-ся, мыть-ся, боюсь, б'ється);
# nouns ending in "-ся" (дідуся) keep it.
_CYRILLIC_REFLEXIVE_AFTER = ("ть", "ти", "л", "ла", "ло", "ли", "в", "ю", "є", "ет", "ит", "ут", "ют", "ат", "ят")
_CYRILLIC_VOWELS = frozenset("аеєиіїоуыэюяё")
_CYRILLIC_LETTERS = frozenset("абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя")
# Final consonants that alternate before the Ukrainian dative and locative "-і"
# (допомога/допомозі, рука/руці): the stem keeps the form of the nominative.
_CYRILLIC_CONSONANT = {"з": "г", "ц": "к"}
# Words too short for the rules or irregular, and their stems.
_CYRILLIC_STEM_AS = {
    "їжа": "їжа",
    "їжі": "їжа",
    "їжу": "їжа",
    "їжею": "їжа",  # food (Ukrainian)
    "еда": "еда",
    "еды": "еда",
    "еду": "еда",
    "еде": "еда",
    "едой": "еда",  # food (Russian)
    "дім": "дом",
    "дому": "дом",
    "домі": "дом",
    "домом": "дом",  # house (Ukrainian і/о)
    "ніч": "ноч",  # night (Ukrainian і/о): ніч, ночі
}


def _is_cyrillic(word: str) -> bool:
    return all(c in _CYRILLIC_LETTERS for c in word)


def _remove_cyrillic_ending(word: str) -> str:
    """`word` without its reflexive particle and its longest case or verb ending."""
    n = len(word)
    if (
        word.endswith(("ся", "сь"))
        and word[:-2].endswith(_CYRILLIC_REFLEXIVE_AFTER)
        and n - 2 >= CYRILLIC_MIN_VERB_STEM
    ):
        word = word[:-2]
        n -= 2
    for length in _CYRILLIC_VERB_LENGTHS:
        end = word[-length:]
        vowels = _CYRILLIC_VERB_ENDINGS.get(end)
        if vowels and n - length >= CYRILLIC_MIN_VERB_STEM and word[-length - 1] in vowels:
            return word[:-length]
    for length in _CYRILLIC_ENDING_LENGTHS:
        if n - length >= CYRILLIC_MIN_STEM and word[-length:] in _CYRILLIC_ENDINGS:
            return word[:-length]
    return word


def _stem_cyrillic(word: str) -> str:
    """The stem of a Ukrainian or Russian word, by the rules of the module docstring."""
    word = word.replace("ё", "е").replace("ґ", "г")
    if len(word) <= 3:
        return word
    stem = _remove_cyrillic_ending(word)
    if len(stem) > CYRILLIC_MIN_STEM and stem[-1] in "ьй":  # дітьми -> діть -> діт
        stem = stem[:-1]
    if stem.endswith("ост") and len(stem) >= 5:  # Ukrainian і/о: залежність/залежності
        stem = stem[:-3] + "іст"
    replaced = _CYRILLIC_CONSONANT.get(stem[-1])
    if replaced:
        stem = stem[:-1] + replaced
    if (  # fleeting о/е before "к": притулок/притулку, ночлежек/ночлежка, отец/отца
        len(stem) >= 4
        and stem[-1] == "к"
        and stem[-2] in "оеє"
        and stem[-3] not in _CYRILLIC_VOWELS
        and stem[-3] not in "ьй"
    ):
        stem = stem[:-2] + stem[-1]
    return stem


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The stem of one folded word: the same for the case forms of a word, apart for others.

    `word` must already be folded (see bot.search.text.fold): lowercase, no diacritics.
    "pecovatelkou" -> "pecovatelk", "v Prerove" is two words: "prerove" -> "prer".
    """
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if not word.isascii() and _is_cyrillic(word):
        return _CYRILLIC_STEM_AS.get(word) or _stem_cyrillic(word)
    return _stem(word)
