"""The baseline a developer would otherwise reach for: SQLite FTS5 with diacritics removed."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from bot.search.documents import ServiceDoc


class FtsBaseline:
    """An in-memory FTS5 index (`unicode61 remove_diacritics 2`) over the same services."""

    def __init__(self, docs: Sequence[ServiceDoc], situation_names: dict[str, str] | None = None) -> None:
        self.docs = {d.id: d for d in docs}
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE doc USING fts5(name, kind, provider, places, description, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        names = situation_names or {}
        self.db.executemany(
            "INSERT INTO doc(rowid, name, kind, provider, places, description) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    d.id,
                    d.name,
                    d.kind,
                    d.provider,
                    " ".join(d.place_names),
                    " ".join([d.description, *(names.get(s, "") for s in d.situations), *d.target_groups]),
                )
                for d in docs
            ],
        )
        self.db.commit()

    def search(self, query: str, limit: int = 5) -> list[ServiceDoc]:
        """Any-word match ranked by bm25, as a typical first implementation does."""
        words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1]
        if not words:
            return []
        expression = " OR ".join(f'"{w}"' for w in words)
        rows = self.db.execute(
            "SELECT rowid FROM doc WHERE doc MATCH ? ORDER BY bm25(doc) LIMIT ?", (expression, limit)
        ).fetchall()
        return [self.docs[r[0]] for r in rows]
