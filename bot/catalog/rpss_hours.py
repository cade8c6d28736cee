"""Opening hours of the register (casoveRozsahy) as the card shows them: "Po–Pá 8:00–16:00"."""

from __future__ import annotations

import re
from typing import Any

from bot.catalog.codelists import canonical_id, split_id, text_value

DAYS = ("Po", "Út", "St", "Čt", "Pá", "So", "Ne")
_DAY_NAMES = {
    **{d.casefold(): n for n, d in enumerate(DAYS, start=1)},
    **dict.fromkeys(("pondeli", "pondělí", "monday", "mon"), 1),
    **dict.fromkeys(("ut", "utery", "úterý", "tuesday", "tue"), 2),
    **dict.fromkeys(("streda", "středa", "wednesday", "wed"), 3),
    **dict.fromkeys(("ct", "ctvrtek", "čtvrtek", "thursday", "thu"), 4),
    **dict.fromkeys(("pa", "patek", "pátek", "friday", "fri"), 5),
    **dict.fromkeys(("sobota", "saturday", "sat"), 6),
    **dict.fromkeys(("nedele", "neděle", "sunday", "sun"), 7),
}
_TIME = re.compile(r"(?:^|T|\s)(\d{1,2})[:.](\d{2})")


def _day(value: object) -> int | None:
    """1 (Po) … 7 (Ne) from `1`, `"DenVTydnu/1"`, `"pondělí"`, `{"id": ...}` or `{"nazev": ...}`."""
    if isinstance(value, dict):
        value = value.get("id", value.get("kod")) or text_value(value.get("nazev"))
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value if 1 <= value <= 7 else None
    text = split_id(canonical_id(value))[1].strip().casefold()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 7 else None
    return _DAY_NAMES.get(text)


def _time(value: object) -> str | None:
    """`8:00` from `"08:00"`, `"08:00:00"`, `"1970-01-01T08:00:00"`."""
    if not isinstance(value, str):
        return None
    match = _TIME.search(value.strip())
    if match is None or int(match.group(1)) > 24 or int(match.group(2)) > 59:
        return None
    return f"{int(match.group(1))}:{match.group(2)}"


def _range(entry: dict[str, Any]) -> tuple[list[int], str, str] | None:
    """The days and the times of one `casoveRozsahy` entry (keys read tolerantly)."""
    days: list[int] = []
    first = last = None
    start = end = None
    for key, value in entry.items():
        name = key.casefold()
        time = _time(value)
        if time is not None and not name.startswith(("den", "day")):
            if name.endswith(("do", "to", "konec", "end")):
                end = time
            else:
                start = time
            continue
        values = value if isinstance(value, list) else [value]
        found = [d for d in (_day(v) for v in values) if d is not None]
        if not found or not name.startswith(("den", "dny", "day")):
            continue
        if name.endswith(("do", "to")):
            last = found[0]
        elif name.endswith(("od", "from")):
            first = found[0]
        else:
            days.extend(found)
    if first is not None or last is not None:
        first, last = first or last, last or first
        assert first is not None and last is not None
        days.extend(range(first, last + 1) if first <= last else [first, last])
    if start is None or end is None:
        return None
    return sorted(set(days)), start, end


def format_hours(entries: list[Any]) -> tuple[str | None, list[str]]:
    """`Po–Pá 8:00–12:00, 13:00–16:00; So 9:00–11:00` from `casoveRozsahy`, and Czech notes on
    entries that could not be read (a plain-text entry is kept as it is)."""
    by_day: dict[int, list[tuple[str, str]]] = {}
    free: list[str] = []
    texts: list[str] = []
    problems: list[str] = []
    for entry in entries:
        if isinstance(entry, str) and entry.strip():
            texts.append(entry.strip())
            continue
        found = _range(entry) if isinstance(entry, dict) else None
        if found is None:
            text = repr(entry)
            problems.append(
                f"časový rozsah {text if len(text) <= 60 else text[:57] + '…'} se nepodařilo přečíst; "
                "očekává se den a čas od–do"
            )
            continue
        days, start, end = found
        for day in days or [0]:
            span = (start, end)
            if span not in by_day.setdefault(day, []):
                by_day[day].append(span)
    if 0 in by_day:  # times given without days
        free.append(", ".join(f"{s}–{e}" for s, e in sorted(by_day.pop(0), key=_span_key)))
    groups: list[tuple[int, int, str]] = []
    for day in sorted(by_day):
        spans = ", ".join(f"{s}–{e}" for s, e in sorted(by_day[day], key=_span_key))
        if groups and groups[-1][1] == day - 1 and groups[-1][2] == spans:
            groups[-1] = (groups[-1][0], day, spans)
        else:
            groups.append((day, day, spans))
    parts = [
        f"{DAYS[a - 1]}{'–' + DAYS[b - 1] if b > a + 1 else ', ' + DAYS[b - 1] if b == a + 1 else ''} {spans}"
        for a, b, spans in groups
    ]
    return "; ".join([*parts, *free, *texts]) or None, problems


def _span_key(span: tuple[str, str]) -> tuple[int, ...]:
    return tuple(int(p) for p in span[0].split(":"))
