"""Answers for a short query typed anywhere (a chat's inline mode: `@bot pečovatelská Kojetín`).

Each answer is a service: a title and a line to pick it by, and the card text to send into
the chat. The adapter decides whether to count such searches for the statistics.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.dialog.cardview import card_text
from bot.dialog.context import Context
from bot.dialog.render import cut, danger_screen
from bot.i18n import Translator
from bot.safety.lines import lines_for

MAX_ANSWERS = 20
MAX_INLINE_QUERY = 256  # Telegram's own limit of an inline query


@dataclass(frozen=True)
class InlineAnswer:
    """One service offered for a short query."""

    id: str
    title: str
    description: str
    text: str  # HTML, the card as sent into the chat


def inline_answers(
    query: str, ctx: Context, *, language: str | None = None, worker: bool = True, limit: int = 10
) -> tuple[Any, list[InlineAnswer]]:
    """The search result for `query` and its services as answers (best first).

    When the query speaks of danger, the first answer is the crisis lines for it.
    """
    t = Translator(language or ctx.language)
    query = ctx.read(query)
    result = ctx.searcher.search(" ".join(query.split())[:200] or None, limit=min(limit, MAX_ANSWERS))
    answers = []
    found = ctx.safety.assess(query[:MAX_INLINE_QUERY])
    if found.danger:
        chosen = lines_for(found, ctx.crisis_lines)
        numbers = " · ".join(line.number for line in chosen)
        text = danger_screen(t, found, chosen).text
        answers.append(InlineAnswer(id="crisis", title=t.raw("btn.crisis"), description=numbers, text=text))
    for hit in result.hits:
        card = ctx.cards(hit.service.id)
        if card is None:
            continue
        where = ", ".join(hit.service.place_names[:2])
        description = " · ".join(p for p in (card.kind, where, card.phones[0] if card.phones else "") if p)
        answers.append(
            InlineAnswer(
                id=str(card.id),
                title=cut(card.name, 100),
                description=cut(description, 200),
                text=card_text(t, card, worker=worker, today=ctx.today),
            )
        )
    return result, answers
