"""Opening hours as HSDS schedules: "Po–Pá 8:00–12:00, 13:00–16:00; So 9:00–11:00" (the form
the register's hours are stored in) or the coordinator's "po a st 8:00–17:00, čt 8:00–12:00"
read as weekly RFC 5545 rules; anything else stays text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from bot.search.text import fold

RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_LABELS = ("Po", "Út", "St", "Čt", "Pá", "So", "Ne")
_DAY_OF = {fold(label): n for n, label in enumerate(DAY_LABELS)}
_DASH = r"\s*[-–—]\s*"
_DAY = r"(?:po|ut|st|ct|pa|so|ne)"
_DAY_SET = rf"(?:kazdy den|denne|vikendy|o vikendech|{_DAY}(?:{_DASH}{_DAY})?)"
_DAYS = rf"{_DAY_SET}(?:\s*(?:,|\ba\b)\s*{_DAY_SET})*"
_TIME = r"\d{1,2}[:.]\d{2}"
_SPANS = rf"{_TIME}{_DASH}{_TIME}(?:\s*,\s*{_TIME}{_DASH}{_TIME})*"
# one segment: an optional form ("terénní:"), days, times; then ";" or "," or the end
_SEGMENT = re.compile(rf"\s*(?:(terenni|ambulantni|pobytova)\s*:\s*)?({_DAYS})\s+({_SPANS})\s*(?:[;,]|$)")
_WORDS = {"kazdy den": range(7), "denne": range(7), "vikendy": range(5, 7), "o vikendech": range(5, 7)}
_FORMS = {"terenni": "terénní", "ambulantni": "ambulantní", "pobytova": "pobytová"}


class WeeklyHours(NamedTuple):
    """One weekly rule: days 0 (Monday) … 6, opening and closing time ("08:00:00")."""

    days: tuple[int, ...]
    opens: str
    closes: str
    form: str | None = None  # "terénní", "ambulantní" or "pobytová" when the text says so

    @property
    def byday(self) -> str:
        """The RFC 5545 BYDAY list: "MO,TU,WE"."""
        return ",".join(RRULE_DAYS[d] for d in self.days)

    @property
    def label(self) -> str:
        """ "terénní: Po–Pá 8:00–16:00"."""
        when = f"{days_label(self.days)} {_short(self.opens)}–{_short(self.closes)}"
        return f"{self.form}: {when}" if self.form else when


def parse_hours(text: str) -> list[WeeklyHours] | None:
    """The weekly rules of opening hours, or None when the text does not read whole as days
    and times ("nepřetržitě", "první úterý v měsíci 16:00–18:00", overnight or until 24:00)."""
    folded = fold(text).strip()
    found: list[WeeklyHours] = []
    form: str | None = None
    position = 0
    while position < len(folded):
        match = _SEGMENT.match(folded, position)
        if match is None or match.end() == position:
            return None
        position = match.end()
        form = _FORMS[match.group(1)] if match.group(1) else form
        days = _days(match.group(2))
        for span in re.split(r"\s*,\s*", match.group(3)):
            opens, closes = (_time(t) for t in re.split(_DASH, span))
            if opens is None or closes is None or closes <= opens:
                return None
            found.append(WeeklyHours(days, opens, closes, form))
    return found or None


def _days(spec: str) -> tuple[int, ...]:
    days: set[int] = set()
    for part in re.split(r"\s*(?:,|\ba\b)\s*", spec.strip()):
        if part in _WORDS:
            days.update(_WORDS[part])
            continue
        ends = [_DAY_OF[d] for d in re.split(_DASH, part)]
        days.update(range(ends[0], ends[-1] + 1) if ends[0] <= ends[-1] else ends)
    return tuple(sorted(days))


def _time(text: str) -> str | None:
    hours, minutes = (int(p) for p in re.split(r"[:.]", text))
    return f"{hours:02}:{minutes:02}:00" if hours < 24 and minutes < 60 else None


def _short(time: str) -> str:
    return f"{int(time[:2])}:{time[3:5]}"


def days_label(days: Sequence[int]) -> str:
    """ "Po–Pá", "Po, Út", "Po, St, Pá" for days 0–6."""
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        first, last = DAY_LABELS[run[0]], DAY_LABELS[run[-1]]
        parts.append(first if len(run) == 1 else f"{first}, {last}" if len(run) == 2 else f"{first}–{last}")
    return ", ".join(parts)
