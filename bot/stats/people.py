"""Counting people, not searches, without keeping anything that links an event to a person.

A published count must stand for at least k different people: one person searching six
times for the same thing must not look like six. So each event (and each kept word) says
whether it is the first of its kind from its person that day (`counted`); tables add up
those, never the raw events.

How it is decided, and why nothing is left that points to a person:

- The writer is given an opaque person key (the keyed hash the conversation store uses,
  never a chat id) and turns it at once into digests: HMAC-SHA256 under a random salt of the
  day (`stats_salt`), over the key and what the event is about (its need; or one word).
- A digest already in `stats_seen` means "this person already counted for this today".
- Neither table has a column that refers to an event, and an event has none that refers to
  them. Rows of earlier days, the salt included, are deleted by the first write of a new
  day; once a salt is gone its digests cannot be recomputed, even with the key and the chat id.

A person is one person per day: someone who searches on three days counts three times.
Within a day, the same need or word counts once, whatever town or channel was asked; the
next different need counts again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, insert, select

from bot.catalog.models import table_of
from bot.stats.models import StatsSalt, StatsSeen

SALT = table_of(StatsSalt)
SEEN = table_of(StatsSeen)
DIGEST_LENGTH = 32


def need_signature(need_kind: str | None, need_key: str | None) -> str:
    """What an event is about, for counting its person once a day ("druh:DruhSocialniSluzby/4")."""
    return f"need:{need_kind or ''}:{need_key or ''}"


def term_signature(term: str) -> str:
    """What a kept word is about, for counting its person once a day."""
    return f"term:{term}"


def _salt_of(conn: Connection, day: dt.date) -> bytes:
    found = conn.execute(select(SALT.c.salt).where(SALT.c.day == day)).scalar_one_or_none()
    if found is None:
        forget_before(conn, day)
        found = secrets.token_hex(32)
        conn.execute(insert(SALT), {"day": day, "salt": found})
    return bytes.fromhex(found)


def first_today(conn: Connection, day: dt.date, person: str, signatures: Sequence[str]) -> list[bool]:
    """For each signature: True when `person` has not been counted for it on `day` yet.

    Marks them as counted, in the caller's transaction. The first call of a new day deletes
    every earlier day's salt and digests.
    """
    salt = _salt_of(conn, day)
    digests = [
        hmac.new(salt, f"{person}\x1f{signature}".encode(), hashlib.sha256).hexdigest()[:DIGEST_LENGTH]
        for signature in signatures
    ]
    seen = set(conn.execute(select(SEEN.c.digest).where(SEEN.c.digest.in_(set(digests)))).scalars())
    fresh: list[bool] = []
    new_rows: dict[str, dt.date] = {}
    for digest in digests:
        first = digest not in seen and digest not in new_rows
        fresh.append(first)
        if first:
            new_rows[digest] = day
    if new_rows:
        conn.execute(insert(SEEN), [{"digest": d, "day": v} for d, v in new_rows.items()])
    return fresh


def forget_before(conn: Connection, day: dt.date) -> None:
    """Delete the salts and digests of every day before `day`."""
    conn.execute(delete(SALT).where(SALT.c.day < day))
    conn.execute(delete(SEEN).where(SEEN.c.day < day))


def counted_flags(
    conn: Connection, day: dt.date, person: str | None, need: str, terms: Iterable[str]
) -> tuple[bool, list[bool]]:
    """Whether an event and each of its terms count (see the module's description).

    Without a person (a script recording a search) everything counts.
    """
    words = list(terms)
    if person is None:
        return True, [True] * len(words)
    flags = first_today(conn, day, person, [need, *(term_signature(w) for w in words)])
    return flags[0], flags[1:]
