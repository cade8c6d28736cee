"""Reading typed text: navigation keywords in any language, and the need without the place."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.dialog.state import PlaceSlot
from bot.i18n import LANGUAGES, Translator
from bot.search.places import PLACE_WORDS
from bot.search.stemmer import stem
from bot.search.text import fold, raw_words, tokenize
from bot.search.wordlists import english_or_czech

if TYPE_CHECKING:
    from bot.dialog.context import Context

KEYWORDS = ("back", "restart", "next", "crisis", "hello")


def _norm(text: str) -> str:
    return " ".join(tokenize(text))


@lru_cache(maxsize=1)
def keyword_table() -> dict[str, str]:
    """Folded keyword -> its meaning, from the message catalogues of all languages."""
    table: dict[str, str] = {}
    for language in LANGUAGES:
        t = Translator(language)
        for kind in KEYWORDS:
            for word in t.words(f"kw.{kind}"):
                table.setdefault(_norm(word), kind)
    return table


def keyword(text: str) -> str | None:
    """ "zpět", "Začít znovu", "další", "назад"… -> back / restart / next / crisis; else None."""
    return keyword_table().get(_norm(text)) if len(text) <= 40 else None


def place_forms(place: PlaceSlot, ctx: Context) -> list[str]:
    """The names a place goes by: its name, locative and region names."""
    forms = [place.name]
    town = ctx.town_by_code.get(place.code or -1)
    if town and town.locative:
        forms.append(town.locative)
    region = ctx.regions.get(place.name) if place.kind == "orp" else None
    if region:
        forms.extend(f for f in (region.name, region.locative) if f)
    return forms


# an age in brackets after a person ("brácha (19)", "dcera (4)"): kept whole, the search reads it
_BRACKETED_AGE = re.compile(r"(\(\s*\d{1,2}\s*\))")


def _tokens_keeping_ages(text: str) -> list[str]:
    """The words of `text` as `tokenize` gives them, with an age in brackets kept as "(19)"."""
    tokens: list[str] = []
    for part in _BRACKETED_AGE.split(text):
        if _BRACKETED_AGE.fullmatch(part):
            tokens.append("(" + part.strip("() \t") + ")")
        else:
            tokens.extend(tokenize(part))
    return tokens


def query_without_place(text: str, place: PlaceSlot | None, ctx: Context) -> str:
    """The words of `text` about the need: the place's words are taken out (the place is a slot);
    an age in brackets stays as written."""
    tokens = _tokens_keeping_ages(text)
    if place is None:
        return " ".join(tokens)
    place_stems = {stem(tok) for form in place_forms(place, ctx) for tok in tokenize(form) if tok not in PLACE_WORDS}
    kept = [tok for tok in tokens if stem(tok) not in place_stems and fold(tok) not in place_stems]
    while kept and kept[-1] in PLACE_WORDS:
        kept.pop()
    return " ".join(kept)


MIN_ENGLISH_WORDS = 3  # a message in English has at least this many different clearly English words
ENGLISH_OVER_CZECH = 2  # ... and this many times more of them than of clearly Czech ones


def writes_english(text: str) -> bool:
    """True when a message reads as English ("hi, I need help for my grandmother in Prerov");
    a Czech message with an English word or two ("je po stroke") stays Czech."""
    leanings = [english_or_czech(w) for w in set(raw_words(text)) if w.isalpha()]  # each word once
    english, czech = leanings.count(1), leanings.count(-1)
    return english >= MIN_ENGLISH_WORDS and english >= ENGLISH_OVER_CZECH * czech


CYRILLIC_SHARE = 0.6  # this share of letters in Cyrillic: the person reads Cyrillic


def writes_cyrillic(text: str) -> bool:
    """True when most letters of `text` are Cyrillic ("мамі потрібна допомога", "нужна помощь")."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return cyrillic >= CYRILLIC_SHARE * len(letters)
