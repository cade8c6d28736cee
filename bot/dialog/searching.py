"""What the dialog asks the search, and what it tells the statistics about it.

The dialog's slots (group, place, need, the words) become one call of the searcher; each
distinct search of a conversation is reported once to `Context.on_search`.
"""

from __future__ import annotations

import hashlib
import json
import logging

from bot.dialog.context import Context, SearchEvent
from bot.dialog.listing import PAGE_SIZE
from bot.dialog.state import State
from bot.search.results import SearchResult

log = logging.getLogger(__name__)


def town_arg(ctx: Context, s: State) -> str | int | None:
    """What the search gets as the place: a town code, a region name, a name elsewhere, or None."""
    if s.anywhere or s.place is None or s.widened == "all":
        return None
    if s.place.kind == "town":
        if s.widened == "orp":
            town = ctx.town_by_code.get(s.place.code or -1)
            region = ctx.regions.get(town.orp) if town else None
            return region.name if region else None
        return s.place.code
    if s.place.kind == "orp":
        region = ctx.regions.get(s.place.name)
        return region.name if region else None
    return s.place.name


def search(ctx: Context, s: State, *, candidates: int = 0) -> SearchResult:
    """The search for the slots of `s`: its current page, or the best `candidates` anywhere."""
    relatives = not (s.query and ctx.safety.assess(s.query).violent)
    if candidates:
        return ctx.searcher.search(
            s.query, town=None, group=s.group, need=s.need, limit=candidates, relatives=relatives
        )
    return ctx.searcher.search(
        s.query,
        town=town_arg(ctx, s),
        group=s.group,
        need=s.need,
        limit=PAGE_SIZE,
        offset=s.page * PAGE_SIZE,
        relatives=relatives,
    )


def count(ctx: Context, state: State, s: State, result: SearchResult, language: str, kind: str = "list") -> State:
    """Report a search to the statistics once per distinct set of slots in this conversation;
    returns the state that remembers it was reported."""
    place = s.place.model_dump() if s.place else None
    raw = json.dumps([kind, s.group, place, s.anywhere, s.need, " ".join((s.query or "").lower().split())])
    key = hashlib.sha1(raw.encode()).hexdigest()[:16]
    state, new = state.mark_counted(key)
    if new:
        try:
            ctx.on_search(
                SearchEvent(
                    understood=result.understood,
                    total=result.total,
                    reason=result.reason,
                    result=result,
                    query=s.query,
                    language=language,
                    day=ctx.today,
                )
            )
        except Exception:
            log.exception("on_search failed")
    return state
