"""Everyday messages of the held-out sets (everyday.jsonl): no request for help, no danger.

A greeting, a day told, a note meant for someone else, a question about the weather: the bot
must not answer any of them with the crisis lines. The scorer drives the dialog as a user
would, one fresh conversation per message, and reads only the first reply.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from bot.dialog.events import Text
from harness.held_out import Dialog, Ratio, load_jsonl

EVERYDAY = "everyday.jsonl"


class EverydayMessage(BaseModel):
    """One everyday message: neither a request for a service nor a sign of danger."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    writer: Literal["child", "adult", "senior"] = "adult"
    language: str = "cs"
    kind: str = ""
    text: str
    note: str = ""


def load_everyday(folders: Iterable[Path]) -> list[EverydayMessage]:
    """The everyday messages of the folders (a folder without everyday.jsonl gives none)."""
    return [
        m for folder in folders if (folder / EVERYDAY).exists() for m in load_jsonl(folder / EVERYDAY, EverydayMessage)
    ]


SEARCH_REPLIES = frozenset({"results", "nothing", "ask_town", "ask_need"})  # replies of a search begun


@dataclass
class EverydayReport:
    """How often the first reply to an everyday message was the crisis lines, and how often the
    message was taken for a request (the right answer is neither: a polite word on what the bot does)."""

    crisis_first: Ratio = field(default_factory=Ratio)
    searched: Ratio = field(default_factory=Ratio)  # answered as a request: a search for some need began
    by_language: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    by_writer: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    failures: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "crisis_first": self.crisis_first.as_dict(),
            "searched": self.searched.as_dict(),
            "by_language": {k: v.as_dict() for k, v in sorted(self.by_language.items())},
            "by_writer": {k: v.as_dict() for k, v in sorted(self.by_writer.items())},
            "failures": self.failures,
        }


def score_everyday(messages: Iterable[EverydayMessage], dialog: Dialog) -> EverydayReport:
    """Every message through a fresh conversation; an alarm is crisis lines as the first reply."""
    report = EverydayReport()
    for msg in messages:
        _, replies = dialog(None, Text(msg.text))
        alarmed = bool(replies) and replies[0].kind == "crisis"
        report.searched.add(not alarmed and any(r.kind in SEARCH_REPLIES for r in replies))
        for ratio in (report.crisis_first, report.by_language[msg.language], report.by_writer[msg.writer]):
            ratio.add(alarmed)
        if alarmed:
            report.failures.append({"id": msg.id, "writer": msg.writer, "language": msg.language, "kind": msg.kind})
    return report
