"""The composition root: the catalogue read from the database, its search index and cards,
wired into the dialog's Context. The console and the Telegram bot both start here."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.catalog import repository
from bot.catalog.readmodel import load_cards, load_catalogue
from bot.dialog.context import Context, situations_from
from bot.search.engine import Searcher


def build_context(sessions: sessionmaker[Session], **options: Any) -> Context:
    """Read the catalogue, the cards and the life situations; build the search once; the
    `options` are the Context's (language, callbacks, conversation length)."""
    with sessions() as session:
        catalogue = load_catalogue(session)
        cards = load_cards(session)
        situations = situations_from(repository.life_situations(session))
    options.setdefault("situations", situations)
    return Context.from_catalogue(catalogue, Searcher(catalogue), cards.get, **options)
