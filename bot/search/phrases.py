"""Longest-match lookup of stemmed phrases in a token stream, with a fuzzy fallback for typos."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

T = TypeVar("T")

MIN_FUZZY_LENGTH = 5


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    """A phrase found at tokens [start, end)."""

    start: int
    end: int
    payloads: tuple[T, ...]
    exact: bool


class PhraseTable(Generic[T]):
    """Stemmed phrases (tuples of stems), each carrying payloads."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], list[T]] = defaultdict(list)
        self._max_len = 1
        self._singles: list[str] = []

    def add(self, stems: tuple[str, ...], payload: T) -> None:
        """Register a phrase; the same phrase may carry several payloads."""
        if not stems:
            return
        if payload not in self._phrases[stems]:
            self._phrases[stems].append(payload)
        self._max_len = max(self._max_len, len(stems))
        self._singles = []

    def all_stems(self) -> set[str]:
        """Every stem that occurs in some phrase."""
        return {stem for key in self._phrases for stem in key}

    def __contains__(self, stems: tuple[str, ...]) -> bool:
        return stems in self._phrases

    def get(self, stems: tuple[str, ...]) -> list[T]:
        """The payloads of an exact phrase, or []."""
        return self._phrases.get(stems, [])

    def _fuzzy_candidates(self) -> list[str]:
        if not self._singles:
            self._singles = sorted(
                key[0] for key in self._phrases if len(key) == 1 and len(key[0]) >= MIN_FUZZY_LENGTH - 1
            )
        return self._singles

    def match(self, stems: list[str], used: list[bool]) -> list[PhraseMatch[T]]:
        """Find phrases left to right, longest first, among tokens not yet `used`; mark them used."""
        found: list[PhraseMatch[T]] = []
        i = 0
        n = len(stems)
        while i < n:
            if used[i]:
                i += 1
                continue
            hit = None
            for length in range(min(self._max_len, n - i), 0, -1):
                if any(used[i : i + length]):
                    continue
                payloads = self._phrases.get(tuple(stems[i : i + length]))
                if payloads:
                    hit = PhraseMatch(i, i + length, tuple(payloads), True)
                    break
            if hit is None:
                i += 1
                continue
            found.append(hit)
            for j in range(hit.start, hit.end):
                used[j] = True
            i = hit.end
        return found

    def closest(self, stem: str, cutoff: float) -> tuple[tuple[T, ...], float] | None:
        """The one-word phrase nearest to a stem of five or more letters, by `fuzz.ratio`."""
        candidates = self._fuzzy_candidates()
        if len(stem) < MIN_FUZZY_LENGTH or not candidates:
            return None
        best = process.extractOne(stem, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        return tuple(self._phrases[(best[0],)]), float(best[1])
