"""Who writes a message about danger: a child, a senior or an adult, from the ages it gives and
the words around them (Linka bezpečí answers children, the seniors' line seniors)."""

from __future__ import annotations

import datetime as dt
import re

from bot.safety.reading import WORD
from bot.search.relatives import ADULT_AGE, after_duration

MOSTLY_YOUNG = frozenset({"self_harm", "bullying"})  # Linka bezpečí answers people up to 26
# a life only grown-ups lead: their own child, a prison term, rent, a mortgage, bailiffs, a job ("jsem učitelka")
SETTLED = frozenset({"OWN_CHILD", "ADULT_LIFE", "MY_KIDS", "PROFESSIONAL"})
GROWN_UP = frozenset({"PARTNER", "ADULT_CHILD", "PENSION", "COLLEAGUE", "CHORE", "CARING"}) | SETTLED
SENIOR_AGE = 65


def writer_of(age: int | None, present: set[str], agent: str | None, categories: set[str]) -> str:
    """Who likely writes: a child (an age under 18, school, a parent as the one who hurts or
    spoken of as a third person with no partner or grown child in the message; self-harm and
    bullying with nothing grown-up in the message), a senior, or an adult."""
    if age is not None and age < ADULT_AGE and "PROFESSIONAL" not in present:
        return "child"  # ...unless a teacher or a nurse gives the age of the child they write about
    settled = bool(present & SETTLED)  # "naši nás nevezmou, malej má 2 roky": a parent writes
    if (
        age is None
        and not settled
        and (present & {"SCHOOL", "TEEN", "CLASSMATE", "CHILDRENS_HOME"} or agent in ("parent", "classmates"))
    ):
        return "child"
    grown_up = present & GROWN_UP
    if age is None and not grown_up and ("PARENT" in present or categories & MOSTLY_YOUNG):
        return "child"
    if (age is not None and age >= SENIOR_AGE) or "PENSION" in present or agent == "adult_child":
        return "senior"
    return "adult"


# the writer's own child named after its age ("s 2letou dcerou", "my 3 year old son"): a parent writes
_OFFSPRING = r"(?:dcer|syn|dit|det|holcic|chlapec|mimin|vnu|daughter|son|child|kid|boy|girl|доч|сын|син|дит|реб)"
_AGE = re.compile(
    r"(?:\b(?:je\s+(?:mi|nam)|mi\s+je|ja\s+mam|i\s*a?m|мені|мне|нам)\s+(\d{1,2})\b)"
    r"|(?:\bmam\s+(\d{2})(?=\s*(?:$|[,.;!?]|a\b)))"  # "mám 28 a brigádu", not "mám 20 tisíc"
    r"|(?:\b(?:je\s+(?:mu|ji)|komu\s+je)\s+(\d{1,2})\b)"
    r"|(?:\b(\d{1,2})\s*-?\s*(?:let|lete|leta|lety|letou|lety|rok\w*|years?|yo|yrs|рок\w*|рік|лет|год\w*)\b"
    r"(?!\s*(?:-?old\s+)?" + _OFFSPRING + r"))"
    r"|(?:\((\d{1,2})\))"
    r"|(?:\b(1[3-9]|[2-6]\d)[fm]\b)"  # "19F, been…", "17m here": the age and sex of a post
)
OTHERS_AGE = (2, 4)  # groups that give the age of someone named ("je mu 19", "brácha (19)")


def age_in(folded: str) -> int | None:
    """The youngest age a message (as `normalise` reads it) gives ("je mi 14", "mám 15 let", "16letá", "brácha (14)").

    The age of another person ("je mu 19", "brácha (19)") counts only for a child or a senior
    (under 18, from 65): a grown brother's age says nothing of who writes. The age of the
    writer's own child ("s malým (2 roky)", "dcera (5)") is no age of the writer: a parent writes.
    """
    ages = [
        int(g)
        for m in _AGE.finditer(folded)
        if not after_duration(folded, m.start())  # "před 10 lety": how long ago
        and not _after_offspring(folded, m.start())
        for n, g in enumerate(m.groups())
        if g and (n not in OTHERS_AGE or not ADULT_AGE <= int(g) < SENIOR_AGE)
    ]
    ages += [_age_from_year(m.group(1)) for m in _BIRTH_YEAR.finditer(folded)]
    return min(ages) if ages else None


# the writer's year of birth: "jsem ročník 43", "narozená 1951", "born in 1948"
_BIRTH_YEAR = re.compile(
    r"\b(?:rocnik|narozena|narozeny|narozen|born\s+in|born)\s+(?:v\s+roce\s+|in\s+)?((?:19|20)?\d{2})\b(?!\s*(?:let|rok))"
)


def _age_from_year(year: str) -> int:
    """The age of someone born in `year` ("43" is 1943 when it lies ahead of this year's two digits)."""
    today = dt.date.today().year
    born = int(year)
    if born < 100:
        born += 2000 if born <= today % 100 else 1900
    return max(today - born, 0)


_OFFSPRING_WORD = re.compile("^(?:" + _OFFSPRING + "|mal[aeyo])")  # "malým", "malej": a little one


def _after_offspring(folded: str, at: int) -> bool:
    """True when one of the two words before position `at` names the writer's child."""
    return any(_OFFSPRING_WORD.match(word) for word in WORD.findall(folded[:at])[-2:])
