"""Crisis lines (catalog_data/krizove-linky.csv) and which of them come first in a danger."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot import CATALOG_DATA
from bot.safety.assessment import Assessment

CRISIS_LINES = CATALOG_DATA / "krizove-linky.csv"
DANGER_NEEDS = CATALOG_DATA / "bezpeci" / "potreby.csv"
MAX_DANGER_LINES = 5


@dataclass(frozen=True)
class CrisisLine:
    """A national crisis or emergency line."""

    number: str
    name: str
    description: str = ""
    nonstop: bool = False
    names: tuple[tuple[str, str], ...] = ()  # (language, name) translations
    descriptions: tuple[tuple[str, str], ...] = ()
    tags: frozenset[str] = frozenset()  # whom or what it is for: akutni, deti, nasili, ...
    source: str = ""

    def name_in(self, language: str) -> str:
        """The name in `language`, Czech when there is no translation."""
        return dict(self.names).get(language) or self.name

    def description_in(self, language: str) -> str:
        """The description in `language`, Czech when there is no translation."""
        return dict(self.descriptions).get(language) or self.description

    @property
    def dial(self) -> str:
        """The number without spaces, for a contact card."""
        return self.number.replace(" ", "")


def _yes(value: str | None) -> bool:
    return (value or "").strip().lower() in {"ano", "a", "1", "true", "yes"}


def load_crisis_lines(path: Path = CRISIS_LINES) -> list[CrisisLine]:
    """The lines in file order (`cislo,nazev,popis,nonstop,pro,nazev_uk,...`)."""
    lines: list[CrisisLine] = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            number, name = (row.get("cislo") or "").strip(), (row.get("nazev") or "").strip()
            if not number or not name:
                continue
            lines.append(
                CrisisLine(
                    number=number,
                    name=name,
                    description=(row.get("popis") or "").strip(),
                    nonstop=_yes(row.get("nonstop")),
                    names=tuple((lang, v.strip()) for lang in ("uk", "en") if (v := row.get(f"nazev_{lang}"))),
                    descriptions=tuple((lang, v.strip()) for lang in ("uk", "en") if (v := row.get(f"popis_{lang}"))),
                    tags=frozenset((row.get("pro") or "").split()),
                    source=(row.get("zdroj") or "").strip(),
                )
            )
    return lines


# dangers that, written with no sign of age, most often come from a young person
# ("doma mě bijou": no partner named, so most often a child hit by a parent)
YOUNG_FIRST = frozenset(
    {"suicide", "self_harm", "acute_crisis", "bullying", "running_away", "violence", "sexual_violence"}
)


def _wanted_tags(found: Assessment) -> list[str]:
    """The kinds of line a danger calls for, most urgent first."""
    kinds = found.categories
    tags: list[str] = []
    if found.acute:
        if kinds & {"medical_emergency", "suicide", "self_harm"}:
            tags.append("zdravi")
        tags.append("akutni")  # 112 before the police: one number that sends whoever is needed
        if found.violent:
            tags.append("policie")
    if found.missing_child:
        # a child missing: report it to the police at once, then the missing children's line
        tags += ["policie", "ztracene-dite"]
    if found.writer == "child" or (found.age_unknown and kinds & YOUNG_FIRST):
        # of whom nothing says the age: the young people's line (up to 26) first, the adults' next
        tags.append("deti")
    if found.violent and found.writer != "child":
        tags.append("nasili")
    if kinds & {"suicide", "self_harm", "acute_crisis"}:
        tags.append("psychika")
    if found.writer == "senior":
        tags.append("seniori")
    if found.missing_child:
        tags.append("rodice")
    if found.writer == "child" and "sexual_violence" in kinds:
        tags.append("nasili")
    if kinds - {"medical_emergency"}:
        tags.append("psychika")
    return tags


def lines_for(found: Assessment, lines: Sequence[CrisisLine]) -> list[CrisisLine]:
    """The lines to show first for what the detector found, the right ones first.

    Acute danger: the emergency numbers (155 for health and suicide, else 112 first; 158 too
    for violence);
    a child or teenager: Linka bezpečí; violence: the line for victims; psychological crisis:
    the line of first psychological aid; a senior: the seniors' line; 112 always among them.
    """
    chosen: list[CrisisLine] = []
    for tag in _wanted_tags(found):
        line = next((line for line in lines if tag in line.tags and line not in chosen), None)
        if line is not None and not any(tag in c.tags for c in chosen):
            chosen.append(line)
    emergency = next((line for line in lines if "akutni" in line.tags and line.number == "112"), None)
    chosen = chosen[:MAX_DANGER_LINES]
    if emergency is not None and emergency not in chosen:
        chosen[-1:] = [emergency] if len(chosen) == MAX_DANGER_LINES else [*chosen[-1:], emergency]
    return chosen


@dataclass(frozen=True)
class DangerNeed:
    """The life situation whose local services help in one kind of danger, and the one that
    helps when a child writes (a child hit at home needs a crisis centre, not an adults' one)."""

    situation: str
    for_child: str

    def for_writer(self, writer: str) -> str:
        """The situation for who writes."""
        return self.for_child if writer == "child" else self.situation


def load_danger_needs(path: Path = DANGER_NEEDS) -> dict[str, DangerNeed]:
    """For each kind of danger, the situations whose local services help (`kategorie,situace,dite`)."""
    with path.open(encoding="utf-8") as f:
        return {
            row["kategorie"].strip(): DangerNeed(row["situace"].strip(), (row.get("dite") or row["situace"]).strip())
            for row in csv.DictReader(f)
            if row.get("situace")
        }
