"""The safety layer's data read from catalog_data/bezpeci/: concepts (pojmy.csv), rules
(pravidla.csv), weak signals (signaly.csv) and phrase concepts (fraze.txt), checked for names
that no concept defines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot import CATALOG_DATA
from bot.datafiles import commented_csv
from bot.safety.reading import MAX_CHARS, Concept, Rule, Signal, load_phrases, normalise

RULES_DIR = CATALOG_DATA / "bezpeci"
PHRASES_FILE = "fraze.txt"
WHOLE_MESSAGE = "zprava"  # the window of a rule whose concepts may lie anywhere in the message
MESSAGE_WINDOW = MAX_CHARS  # more words than a message can hold


@dataclass(frozen=True)
class Rulebook:
    """Everything the detector reads words with."""

    concepts: dict[str, Concept]
    rules: Sequence[Rule]
    signals: Sequence[Signal]
    phrases: Sequence[tuple[str, re.Pattern[str]]]  # concepts only a phrase holds ("je to 10 let")


def _yes(value: str | None) -> bool:
    return (value or "").strip() == "ano"


def load_concepts(path: Path) -> dict[str, Concept]:
    """The word concepts of pojmy.csv (`pojem,preklepy,vzory`); a name given twice is refused."""
    concepts: dict[str, Concept] = {}
    for row in commented_csv(path):
        name, patterns = row["pojem"].strip(), normalise(row["vzory"]).split()
        if name in concepts:
            raise ValueError(f"{path}: pojem {name!r} je uveden dvakrát")
        concepts[name] = Concept(
            name,
            frozenset(p for p in patterns if not p.endswith("*")),
            tuple(p[:-1] for p in patterns if p.endswith("*")),
            _yes(row.get("preklepy")),
        )
    return concepts


def load_rules(path: Path, known: set[str]) -> list[Rule]:
    """The rules of pravidla.csv (`kategorie,pojmy,okno,akutni,krome`); a concept not in `known` is refused."""
    rules = []
    for row in commented_csv(path):
        items = tuple((c.rstrip("!"), c.endswith("!")) for c in row["pojmy"].split())
        unless = (row.get("krome") or "").split()
        for name in [n for n, _ in items] + [u.lstrip("*").rstrip("!") for u in unless]:
            if name not in known:
                raise ValueError(f"{path}: neznámý pojem {name!r}")
        rules.append(
            Rule(
                row["kategorie"].strip(),
                items,
                MESSAGE_WINDOW if row["okno"].strip() == WHOLE_MESSAGE else int(row["okno"]),
                _yes(row.get("akutni")),
                tuple(u for u in unless if not u.startswith("*")),
                tuple(u[1:] for u in unless if u.startswith("*")),
            )
        )
    return rules


def load_signals(path: Path, known: set[str]) -> list[Signal]:
    """The weak signals of signaly.csv (`pojem,vaha,kategorie,akutni`), none when the file is absent."""
    signals: list[Signal] = []
    if not path.exists():
        return signals
    for row in commented_csv(path):
        name = row["pojem"].strip()
        if name.rstrip("!") not in known:
            raise ValueError(f"{path}: neznámý pojem {name!r}")
        signals.append(
            Signal(
                name.rstrip("!"),
                name.endswith("!"),
                float(row["vaha"]),
                row["kategorie"].strip(),
                _yes(row.get("akutni")),
            )
        )
    return signals


def load_rulebook(folder: Path = RULES_DIR) -> Rulebook:
    """The concepts, rules, signals and phrase concepts of `folder`."""
    concepts = load_concepts(folder / "pojmy.csv")
    phrases = load_phrases(folder / PHRASES_FILE)
    known = set(concepts) | {name for name, _ in phrases}  # a rule may name a phrase concept
    return Rulebook(
        concepts, load_rules(folder / "pravidla.csv", known), load_signals(folder / "signaly.csv", known), phrases
    )
