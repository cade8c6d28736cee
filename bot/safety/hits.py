"""The concepts the detector found at each word of a sentence, and what it asks of them: is
a concept near a position, is "now" said beside a deed, is every deed told in the past."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safety.concept_groups import DEEDS, DESPAIR_ONLY, SAYING_ONLY

NOW_REACH = 3  # "now" this close to a match of violence makes it acute
# a past form: the Czech l-participle ("bil", "napadala"), the Russian and Ukrainian past ("бил",
# "избивал", "бив") and the English "-ed"
PAST_FORM = re.compile(r"\w{2,}(?:l|la|li|ly|lo)$|\w{2,}(?:л|ла|ли|ло|в)$|\w{3,}ed$")


@dataclass
class Hit:
    """One concept a word stands for."""

    concept: str
    negated: bool
    typo: bool = False
    past: bool = False  # the word is a past form ("bil", "napadala", "бив", "attacked")
    clause: int = -1  # which comma-separated clause of its sentence the word is in (-1: not known)


def told_as_past(sentences: list[list[list[Hit]]]) -> bool:
    """True when the message names what someone did to the writer (DEEDS), tells every such word
    in a past form, and says "now" near none of them in its sentence ("teď mě zmlátil" is no past)."""
    told = False
    for hits in sentences:
        for i, here in enumerate(hits):
            deeds = [h for h in here if h.concept in DEEDS and not h.negated]
            if deeds and (not all(h.past for h in deeds) or concept_near(hits, "NOW", i, NOW_REACH, deeds[0].clause)):
                return False
            told = told or bool(deeds)
    return told


def despair_only(hits: list[list[Hit]]) -> bool:
    """True for a message of a few words that says only that the writer cannot go on, goodbye
    or help."""
    said = {h.concept + ("!" if h.negated else "") for here in hits for h in here}
    every_word = all(here for here in hits)
    return 0 < len(hits) <= 4 and every_word and bool(said & SAYING_ONLY) and said <= DESPAIR_ONLY


def concept_near(hits: list[list[Hit]], concept: str, at: int, reach: int, clause: int = -1) -> bool:
    """True when `concept` (not negated) stands within `reach` words of position `at`; with a
    `clause` (not -1), only in that comma-separated clause or in a phrase."""
    lo, hi = max(at - reach, 0), at + reach
    return any(
        h.concept == concept and not h.negated and (clause < 0 or h.clause in (clause, -1))
        for here in hits[lo : hi + 1]
        for h in here
    )
