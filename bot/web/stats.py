"""Web searches in the anonymous demand statistics (channel "web").

A web search is recorded like a search of the conversation: the same record
(`bot.stats.events.demand_from_search`: need, group, place, outcome, and only the scrubbed
words the search did not understand), written by the same recorder (`bot.stats.StatsRecorder`).
The query itself is never stored, and nothing of the request is used: no IP address, no
cookie (the web sets none), no header.

Who searched, then? The statistics count people, not searches (`bot.stats.people`): an
event counts only when it is the first of its need (and a word the first of its word) from
its person that day. The web knows no person and must not make one up from the address.
Two ways were possible without an identity, and the safe one was chosen:

- no person at all (`person=None`) or a random key per request: every request would count
  as another person, so one visitor reloading a page five times would look like five
  people and could lift a rare need over the disclosure threshold k. Not acceptable.
- one key for the whole channel (`WEB_PERSON`, like the console's one person at the
  terminal): all web visitors of a day together count as one person, so each need and each
  word counts at most once a day from the web. The web's counted demand is an undercount,
  never an overcount; every event is still stored (uncounted repeats included), so the
  volume of searches stays visible without being taken for people.
"""

from __future__ import annotations

import datetime as dt
import logging

from bot.search.results import SearchResult
from bot.stats.events import DemandRecord, demand_from_search
from bot.stats.recorder import StatsRecorder

log = logging.getLogger(__name__)

WEB_CHANNEL = "web"
WEB_PERSON = "web"  # every web visitor of a day is one person (see the module's description)


def web_record(result: SearchResult, *, query: str | None, language: str, day: dt.date | None = None) -> DemandRecord:
    """The demand record of a web search, made exactly as the conversation's."""
    return demand_from_search(result, channel=WEB_CHANNEL, language=language, query=query, day=day, person=WEB_PERSON)


def record_web_search(
    recorder: StatsRecorder | None, result: SearchResult, *, query: str | None, language: str
) -> bool:
    """Queue a web search for the statistics; never raises, False when it was not queued."""
    if recorder is None:
        return False
    try:
        record = web_record(result, query=query, language=language)
    except Exception:  # noqa: BLE001 - statistics must never break the page
        log.exception("Hledání na webu se nepodařilo připravit pro statistiky")
        return False
    return recorder.record(record)
