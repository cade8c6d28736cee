"""The Czech locative of a municipality's name, with its preposition ("Přerov" -> "v Přerově").

The rules follow the ending of the name's head noun and agree the adjectives before it
("Nové Město na Moravě" -> "v Novém Městě na Moravě"); whatever follows the head noun (a
prepositional phrase, a genitive such as "Králové", a Roman numeral) is kept unchanged, and
each part of a hyphenated name is declined on its own ("Frýdek-Místek" -> "ve Frýdku-Místku").
Czech place names have many irregular forms; where the rule is wrong, an exception
(`catalog_data/obce-cr/lokativ-vyjimky.csv`, name -> locative) wins.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping

VOWELS = "aáeéěiíoóuúůyý"
_NUMERAL = re.compile(r"[IVX]+")

# head nouns that follow no rule: nominative -> (locative, plural, feminine)
IRREGULAR: dict[str, tuple[str, bool, bool]] = {
    "Ves": ("Vsi", False, True),
    "Dvůr": ("Dvoře", False, False),
    "Důl": ("Dole", False, False),
    "Klášter": ("Klášteře", False, False),
    "Kámen": ("Kameni", False, False),
    "Jan": ("Janu", False, False),
    "Osek": ("Oseku", False, False),
    "Most": ("Mostě", False, False),
    "Polom": ("Polomi", False, True),
    "Brandýs": ("Brandýse", False, False),
    "Dům": ("Domě", False, False),
    "Les": ("Lese", False, False),
    "lázně": ("lázních", True, True),
    # neuter plurals in -a
    "Lada": ("Ladech", True, False),
    "Sídla": ("Sídlech", True, False),
    # feminine plurals whose ending suggests a masculine one
    "Hory": ("Horách", True, True),
    "Lhoty": ("Lhotách", True, True),
    "Nivy": ("Nivách", True, True),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -ice names: those ending in consonant + "nice" are singular ("v Lomnici") unless listed as
# plural; all others are plural ("v Hranicích") unless listed as singular
SINGULAR_ICE = _words(
    "Bystřice Kaplice Sušice Skalice Police Úpice Lužice Libice Okrouhlice Nedvědice Doubice "
    "Vrbice Sedlice Rudice Kamenice Moštěnice Planice Řečice Ostravice Svratice Konice Cerekvice "
    "Církvice Doubravice Korouhvice Lukavice Moravice Vltavice Oslavice Jesenice Losenice Senice "
    "Vápenice"
)
PLURAL_NICE = _words(
    "Hejnice Jedovnice Sokolnice Moutnice Otnice Řevnice Obrnice Radnice Kobylnice Vejprnice "
    "Líbeznice Chornice Zubrnice Údrnice Dasnice Domousnice Bobnice Cehnice"
)
# consonant-final nouns that are feminine (for a soft adjective before them: "v Horní Lidči")
_FEMININE_ENDINGS = (
    *("eč", "eň", "ev", "ěv", "im", "šl", "az", "íz", "áz", "ěz", "eš", "ěl", "av", "ež", "uť", "am"),
    *("uč", "oň", "aň", "áň", "uň", "eď"),
)
# head nouns in apposition with the name after them, which is declined too ("v Lázních Bělohradě")
APPOSITION = frozenset({"Lázně", "Město", "Městečko", "Ves", "Klášter"})


def _soften(stem: str) -> str:
    """The stem's last consonant before the ending -ě/-e (hard alternations of the locative)."""
    for hard, soft in (("ch", "š"), ("k", "c"), ("h", "z"), ("g", "z"), ("r", "ř")):
        if stem.endswith(hard):
            return stem[: -len(hard)] + soft + "e"
    if stem[-1:] in "dtnbpvfm":
        return stem + "ě"
    return stem + "e"


def _soft_i(word: str) -> str:
    """A soft consonant-final noun + -i ("Kadaň" -> "Kadani", "Třebíč" -> "Třebíči")."""
    return word[:-1] + {"ň": "n", "ť": "t", "ď": "d"}.get(word[-1], word[-1]) + "i"


def _is_singular_ice(word: str) -> bool:
    if word in SINGULAR_ICE or word.endswith("ystřice"):
        return True
    if word in PLURAL_NICE:
        return False
    return len(word) > 4 and word.endswith("nice") and word[-5] not in VOWELS


def _plural_y(word: str) -> str:
    """The locative of a plural in -y ("Louny" -> "Lounech", "Troubky" -> "Troubkách")."""
    stem = word[:-1]
    if stem.endswith(("k", "h", "ch", "g")):
        return stem + "ách"
    if stem.endswith("les"):
        return stem + "ích"
    if stem.endswith(("in", "yn")) or (stem.endswith("av") and not stem.endswith("lav")):
        return stem + "ách"
    return stem + "ech"


def _noun(word: str, plural_hint: bool | None, feminine_hint: bool = False) -> tuple[str, bool, bool]:
    """The locative of a head noun: (form, plural, feminine); the hints come from its adjectives."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    w = word.lower()
    if w.endswith("í"):
        return word, False, False
    if w.endswith("ice"):
        singular = not plural_hint if plural_hint is not None else _is_singular_ice(word)
        return (word[:-1] + "i", False, True) if singular else (word[:-1] + "ích", True, True)
    if w.endswith("ště"):
        return word[:-1] + "i", False, False
    if w.endswith(("yně", "ýně")):
        return word[:-1] + "i", False, True
    if w.endswith("le") or w.endswith("že"):
        return word[:-1] + "i", False, True
    if w.endswith(("e", "ě")):  # plurals ("Kravaře", "Rataje") unless an adjective says otherwise
        if plural_hint is False:
            return word[:-1] + "i", False, True
        return word[:-1] + "ích", True, True
    if w.endswith("ia"):
        return word[:-1] + "i", False, True
    if w.endswith(("ja", "ňa", "ča", "ša", "ža", "ca", "ťa", "ďa")):
        return _soft_i(word[:-1]), False, True
    if w.endswith("a"):
        return _soften(word[:-1]), False, True
    if w.endswith("o"):
        stem = word[:-1]
        if stem.endswith(("k", "h", "g")):
            return stem + "u", False, False
        return _soften(stem), False, False
    if w.endswith("y"):
        return _plural_y(word), True, False
    return _consonant(word, feminine_hint)


def _consonant(word: str, feminine_hint: bool) -> tuple[str, bool, bool]:
    """The locative of a consonant-final noun (masculine unless its ending or adjective says feminine)."""
    w = word.lower()
    feminine = feminine_hint or w.endswith(_FEMININE_ENDINGS)
    if w.endswith("ves") and len(w) > 3:  # Nelahozeves -> Nelahozevsi
        return word[:-2] + "si", False, True
    if w.endswith("ev") and w[-3:-2] in "kbht":  # Cerekev -> Cerekvi
        return word[:-2] + "vi", False, True
    if feminine_hint and not w.endswith(("eč", "eň")):  # Nová Telib -> Nové Telibi
        return _soft_i(word), False, True
    if w.endswith(("ov", "ín", "ýn", "in", "štejn", "oun", "on", "hrad", "át", "štát")):
        return _soften(word), False, False
    if w.endswith("ek") and word[-3:-2].lower() not in VOWELS:
        return word[:-2] + "ku", False, False
    if w.endswith(("k", "h", "g", "ch", "f", "ld", "nt", "rt", "st", "b", "r", "s", "um", "om", "up", "p", "l")):
        if w.endswith(("ál", "kostel")):
            return word + "e", False, False
        if w.endswith(("šl", "ěl", "il")):
            return word + "i", False, True
        if w.endswith("ol"):
            return word + "e", False, False
        return word + "u", False, False
    if w.endswith("ec") and any(c in VOWELS for c in w[:-2]):
        return word[:-2] + "ci", False, False
    if w.endswith("eč") and not w.endswith("seč") and any(c in VOWELS for c in w[:-2]):
        return word[:-2] + "či", False, True
    if w.endswith(("av", "ev", "im", "ím", "am")):
        return word + "i", False, True
    if w.endswith(("c", "č", "ř", "ž", "š", "ť", "ď", "ň", "j", "z", "ěv")):
        return _soft_i(word), False, feminine
    return _soften(word), False, feminine  # -d, -t, -n, -v, -m: Brod -> Brodě, Újezd -> Újezdě


def _adjective(word: str, plural: bool, feminine: bool) -> str:
    """An adjective agreeing with its noun's locative ("Nová" -> "Nové", "Horní" -> "Horních")."""
    w = word.lower()
    if w.endswith("ův"):
        return word[:-2] + "ově"
    for ending in ("ova", "ovo", "ina", "ino"):
        if w.endswith(ending):
            return word[:-1] + "ě"
    if w.endswith(("ovy", "iny")):
        return word[:-1] + "ých"
    if w.endswith("in"):
        return word + "ě"
    if w.endswith("í"):
        return word + ("ch" if plural else "" if feminine else "m")
    if plural:
        return word[:-1] + "ých"
    if w.endswith("á"):
        return word[:-1] + "é"
    return word[:-1] + "ém"  # -ý (masculine) and -é (neuter)


def _is_word(token: str) -> bool:
    return bool(token) and token[0].isupper() and not _NUMERAL.fullmatch(token)


def _is_adjective(word: str, followed: bool) -> bool:
    w = word.lower()
    if w.endswith(("ý", "á", "é")):
        return followed
    return followed and w.endswith(("í", "ův", "ova", "ovo", "ovy", "in", "ina", "ino", "iny"))


def _sole_adjective(word: str) -> str:
    """A name that is an adjective alone ("Karviná" -> "Karviné", "Slaný" -> "Slaném")."""
    w = word.lower()
    if w.endswith("á"):
        return word[:-1] + "é"
    return word[:-1] + "ém"


def _plural_hint(adjectives: list[str]) -> bool | None:
    """Whether the adjectives before a noun say it is plural (-é, -ovy) or singular (-á, -ý)."""
    if not adjectives:
        return None
    w = adjectives[-1].lower()
    if w.endswith(("é", "ovy", "iny")):
        return True
    if w.endswith(("á", "ý", "ův", "ova", "ovo")):
        return False
    return None


def _decline_part(part: str) -> str:
    """One part of a (hyphenated) name: adjectives and the head noun declined, the rest kept."""
    words = part.split(" ")
    adjectives: list[str] = []
    for i, word in enumerate(words):
        if not word or not (word[0].isupper() or word in IRREGULAR) or _NUMERAL.fullmatch(word):
            break
        followed = i + 1 < len(words) and _is_word(words[i + 1])
        if _is_adjective(word, followed):
            adjectives.append(word)
            continue
        if word.lower().endswith(("ý", "á", "é")):
            head = _sole_adjective(word)
            plural, feminine = False, word.lower().endswith("á")
        else:
            hint = _plural_hint(adjectives)
            if hint and word.lower().endswith(("e", "ě")) and not word.lower().endswith(("ice", "ně")):
                hint = None  # "Uherské Hradiště" is singular
            feminine_hint = bool(adjectives) and adjectives[-1].lower().endswith(("á", "ova", "ina"))
            head, plural, feminine = _noun(word, hint, feminine_hint)
        declined = [_adjective(a, plural, feminine) for a in adjectives]
        rest = words[i + 1 :]
        if word in APPOSITION and rest and _is_word(rest[0]):  # "Město Touškov" -> "Městě Touškově"
            return " ".join([*declined, head, _decline_part(" ".join(rest))])
        return " ".join([*declined, head, *rest])
    return part


def preposition(form: str) -> str:
    """The preposition before a locative form: "ve" before v/f, s/z/š/ž + consonant and a few
    other clusters (ve Vsetíně, ve Zlíně, ve Dvoře, ve Lhotě), "v" otherwise."""
    low = form.lower()
    if low[:1] in "vf":
        return "ve"
    if low[:1] in "szšž" and low[1:2] and low[1:2] not in VOWELS:
        return "ve"
    if low.startswith(("dv", "lh", "mš", "městě ")) or low == "městě":
        return "ve"
    return "v"


def locative(name: str, exceptions: Mapping[str, str] | None = None) -> str:
    """The locative of a municipality's name with its preposition ("Hranice" -> "v Hranicích")."""
    if exceptions and name in exceptions:
        return exceptions[name]
    form = "-".join(_decline_part(part) for part in name.split("-"))
    return f"{preposition(form)} {form}"


def parse_exceptions(text: str) -> dict[str, str]:
    """The exceptions file's rows (`nazev,lokativ`; lines starting with '#' are comments).

    Raises ValueError (in Czech) for a wrong header, an empty cell, a form without its
    preposition or a name listed twice.
    """
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if not line.startswith("#")]
    rows = csv.reader(line for _, line in lines)
    header = next(rows, None)
    if header != ["nazev", "lokativ"]:
        raise ValueError("soubor výjimek musí mít hlavičku nazev,lokativ")
    exceptions: dict[str, str] = {}
    for (number, _), row in zip(lines[1:], rows, strict=True):
        if not row:
            continue
        if len(row) != 2 or not row[0] or not re.fullmatch(r"(v|ve) \S.*", row[1]):
            raise ValueError(f"výjimka na řádku {number} musí mít název a tvar s předložkou v/ve")
        if row[0] in exceptions:
            raise ValueError(f"výjimka na řádku {number}: název {row[0]} už je uveden")
        exceptions[row[0]] = row[1]
    return exceptions
