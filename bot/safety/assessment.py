"""What the danger detector finds in a message: the kinds of danger, whether it is acute,
who writes and who hurts."""

from __future__ import annotations

from dataclasses import dataclass

# who hurts: the concept naming the person, and the kind of violence it makes
AGENTS = {
    "PARENT": "parent",
    "PARTNER": "partner",
    "ADULT_CHILD": "adult_child",
    "CARER": "carer",
    "CLASSMATE": "classmates",
}
VIOLENT = frozenset({"violence", "sexual_violence", "threats", "bullying"})
UNNAMED_DANGER = "acute_crisis"  # the category of a danger only the model sees


@dataclass(frozen=True)
class Assessment:
    """What the detector found in one message."""

    categories: frozenset[str] = frozenset()
    acute: bool = False
    writer: str = "adult"  # "child" | "senior" | "adult"
    agent: str | None = None  # who hurts: parent, partner, adult_child, carer, classmates
    age_unknown: bool = False  # nothing tells a young person from a grown-up ("chci umřít")
    behind: frozenset[str] = frozenset()  # harm the writer says lies behind them: no danger now
    missing_child: bool = False  # a parent or a teacher writes of a child who ran away or did not come home

    @property
    def danger(self) -> bool:
        """True when the message speaks of any danger."""
        return bool(self.categories)

    @property
    def violent(self) -> bool:
        """True when someone hurts, threatens or abuses the person."""
        return bool(self.categories & VIOLENT)


NO_DANGER = Assessment()
