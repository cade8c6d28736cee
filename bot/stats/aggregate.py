"""Counting demand events by any combination of dimensions.

Dimensions: period (week, month, quarter or year), municipality, ORP, target-group family,
need, channel, language and outcome. `count_events` runs one GROUP BY in the database and
returns labelled rows; `Scope` decides which events a table may count.

Sensitive needs (`catalog_data/citlive-potreby.csv`) are reported at ORP and quarter
granularity only. A table finer than that (by municipality, or by week or month) leaves
their events out entirely; a coarser table counts them only within the whole quarters of
the period asked for. So no difference between two tables can reveal a sensitive need
below ORP × quarter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Date, Integer, Text, and_, case, cast, func, literal, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from bot.catalog.models import Municipality
from bot.search.vocabulary import NEED_KINDS
from bot.stats.events import SensitiveNeeds, load_sensitive_needs
from bot.stats.models import DemandEvent

E = DemandEvent.__table__.c

PERIODS = ("week", "month", "quarter", "year")
FINE_PERIODS = ("week", "month")
DIMENSIONS = ("period", "municipality", "orp", "family", "need", "channel", "language", "outcome")

# Czech names of everything a planner reads
DIMENSION_NAMES = {
    "period": "Období",
    "municipality": "Obec",
    "orp": "ORP",
    "family": "Skupina",
    "need": "Potřeba",
    "channel": "Kanál",
    "language": "Jazyk",
    "outcome": "Výsledek",
}
PERIOD_NAMES = {"week": "týden", "month": "měsíc", "quarter": "čtvrtletí", "year": "rok"}
FAMILY_NAMES = {
    "seniori": "senioři",
    "zdravotni-postizeni": "zdravotní postižení",
    "rodiny-deti": "rodiny a děti",
    "krize": "krize, bydlení, dluhy, závislosti",
}
CHANNEL_NAMES = {"telegram": "Telegram", "inline": "Telegram (inline)", "console": "konzole", "web": "web"}
LANGUAGE_NAMES = {"cs": "čeština", "uk": "ukrajinština", "en": "angličtina", "ru": "ruština", "sk": "slovenština"}
OUTCOME_NAMES = {
    "found": "nalezeno",
    "weak": "slabá shoda",
    "no_service": "služba v katalogu chybí",
    "not_for_group": "není pro tuto skupinu",
    "not_in_place": "v místě nepůsobí",
    "place_outside": "místo mimo region",
    "not_understood": "nerozpoznáno",
}
NONE_NAMES = {
    "municipality": "(obec neuvedena)",
    "orp": "(ORP neuvedeno)",
    "family": "(skupina neuvedena)",
    "need": "(potřeba nerozpoznána)",
    "channel": "(neuvedeno)",
    "language": "(neuvedeno)",
    "outcome": "(neuvedeno)",
    "period": "(neuvedeno)",
}


@dataclass(frozen=True)
class Scope:
    """Which events a table counts: the days, and how sensitive needs are treated."""

    start: dt.date
    end: dt.date
    exclude_sensitive: bool
    sensitive: SensitiveNeeds
    only_sensitive: bool = False  # the sensitive needs alone, within whole quarters

    @property
    def whole_quarters(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day of the whole quarters within start..end, if any."""
        first = quarter_start(self.start)
        if first < self.start:
            first = _add_months(first, 3)
        last = _add_months(quarter_start(self.end), 3) - dt.timedelta(days=1)
        if last > self.end:
            last = quarter_start(self.end) - dt.timedelta(days=1)
        return (first, last) if first <= last else None

    def where(self) -> ColumnElement[bool]:
        """The filter of the events this scope counts."""
        in_period = and_(E.day >= self.start, E.day <= self.end)
        sensitive = sensitive_condition(self.sensitive)
        if sensitive is None:
            return in_period
        plain = case((sensitive, 1), else_=0) == 0
        if self.only_sensitive:
            quarters = self.whole_quarters
            if quarters is None:
                return and_(in_period, literal(False))
            return and_(E.day >= quarters[0], E.day <= quarters[1], case((sensitive, 1), else_=0) == 1)
        if self.exclude_sensitive:
            return and_(in_period, plain)
        quarters = self.whole_quarters
        if quarters is None:
            return and_(in_period, plain)
        return and_(in_period, or_(plain, and_(E.day >= quarters[0], E.day <= quarters[1])))


def is_fine(by: Sequence[str], period: str | None) -> bool:
    """True for a table finer than ORP × quarter (sensitive needs are left out of it)."""
    return "municipality" in by or ("period" in by and period in FINE_PERIODS)


def scope_for(
    start: dt.date,
    end: dt.date,
    by: Sequence[str],
    period: str | None,
    sensitive: SensitiveNeeds | None = None,
) -> Scope:
    """The scope of a table counting by `by` at `period` granularity."""
    return Scope(start, end, is_fine(by, period), sensitive if sensitive is not None else load_sensitive_needs())


def sensitive_condition(sensitive: SensitiveNeeds) -> ColumnElement[bool] | None:
    """True for an event whose need is sensitive; None when no need is."""
    parts = [
        and_(E.need_kind == kind, E.need_key.in_(keys)) for kind in NEED_KINDS if (keys := sensitive.of_kind(kind))
    ]
    return or_(*parts) if parts else None


def quarter_start(day: dt.date) -> dt.date:
    """The first day of the quarter of `day`."""
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_start_expression(granularity: str, dialect: str) -> ColumnElement:
    """SQL for the first day of the period (week from Monday) an event's day falls in."""
    if granularity not in PERIODS:
        raise ValueError(f"neznámé období {granularity!r}")
    if dialect == "postgresql":
        return cast(func.date_trunc(granularity, E.day), Date)
    if granularity == "week":
        return func.date(E.day, "weekday 0", "-6 days")
    if granularity == "month":
        return func.date(E.day, "start of month")
    if granularity == "year":
        return func.date(E.day, "start of year")
    months_back = (cast(func.strftime("%m", E.day), Integer) - 1) % 3
    return func.date(E.day, "start of month", literal("-").concat(cast(months_back, Text)).concat(" months"))


def period_of(day: dt.date, granularity: str) -> dt.date:
    """The first day of the period of `day` (the same as the SQL)."""
    if granularity == "week":
        return day - dt.timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    if granularity == "quarter":
        return quarter_start(day)
    return dt.date(day.year, 1, 1)


def period_label(start: dt.date, granularity: str) -> str:
    """A sortable label: 2025-W03, 2025-01, 2025 Q1, 2025."""
    if granularity == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if granularity == "month":
        return f"{start.year}-{start.month:02d}"
    if granularity == "quarter":
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def periods_between(start: dt.date, end: dt.date, granularity: str) -> list[dt.date]:
    """The first days of every period that touches start..end, in order."""
    found: list[dt.date] = []
    current = period_of(start, granularity)
    while current <= end:
        found.append(current)
        if granularity == "week":
            current += dt.timedelta(days=7)
        else:
            current = _add_months(current, {"month": 1, "quarter": 3, "year": 12}[granularity])
    return found


def snap_period(start: dt.date, end: dt.date, granularity: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """start..end widened at the start and cut at the end to whole periods that are over.

    The start goes back to the first day of its period; the end goes back to the last day of
    the last period that ends by `end` and before `today`. So two exports of overlapping
    periods differ by whole periods only, never by a day, and a period still running is
    never published. Raises ValueError (in Czech) when no whole period is left.
    """
    if granularity not in PERIODS:
        raise ValueError(f"neznámé období {granularity!r}")
    first = period_of(start, granularity)
    last_day = min(end, today - dt.timedelta(days=1))
    last = period_of(last_day + dt.timedelta(days=1), granularity) - dt.timedelta(days=1)
    if last < first:
        raise ValueError(
            f"období neobsahuje žádný celý ukončený {PERIOD_NAMES[granularity]}: statistiky se zveřejňují "
            "jen za celá období, která už skončila"
        )
    return first, last


@dataclass(frozen=True)
class Key:
    """One value of a dimension: what it sorts by, what a planner reads, and the raw value."""

    dimension: str
    value: object
    label: str
    order: tuple

    def __hash__(self) -> int:
        return hash((self.dimension, self.value))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Key) and (self.dimension, self.value) == (other.dimension, other.value)


@dataclass
class Labels:
    """Names of municipalities (from the catalogue) and of needs (from the events)."""

    municipalities: dict[int, tuple[str, str]]

    @classmethod
    def load(cls, conn: Connection) -> Labels:
        rows = conn.execute(select(Municipality.code, Municipality.name, Municipality.orp))
        return cls({code: (name, orp) for code, name, orp in rows})

    def municipality(self, code: int | None) -> str:
        if code is None:
            return NONE_NAMES["municipality"]
        found = self.municipalities.get(code)
        return found[0] if found else f"obec {code}"


def _to_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def make_key(
    dimension: str, raw: object, labels: Labels, granularity: str | None, need_label: str | None = None
) -> Key:
    """The Key of a raw value of a dimension."""
    none_last = raw is None
    if dimension == "period":
        start = _to_date(raw)
        return Key(dimension, start, period_label(start, granularity or "month"), (start,))
    if dimension == "municipality":
        assert raw is None or isinstance(raw, int)  # a municipality's code
        label = labels.municipality(raw)
        return Key(dimension, raw, label, (none_last, label))
    if dimension == "need":
        assert isinstance(raw, tuple)  # (need_kind, need_key)
        kind, key = raw
        if key is None:
            return Key(dimension, (None, None), NONE_NAMES["need"], (True, ""))
        label = need_label or key
        return Key(dimension, (kind, key), label, (False, label.lower()))
    names = {
        "family": FAMILY_NAMES,
        "channel": CHANNEL_NAMES,
        "language": LANGUAGE_NAMES,
        "outcome": OUTCOME_NAMES,
    }.get(dimension, {})
    if raw is None:
        return Key(dimension, None, NONE_NAMES[dimension], (True, 0, ""))
    order_list = {"outcome": list(OUTCOME_NAMES), "family": list(FAMILY_NAMES), "channel": list(CHANNEL_NAMES)}.get(
        dimension
    )
    position = order_list.index(raw) if order_list and raw in order_list else len(order_list or ())
    text = str(raw)
    return Key(dimension, raw, names.get(text, text), (False, position, text))


def count_events(
    conn: Connection,
    scope: Scope,
    by: Sequence[str],
    *,
    period: str | None = None,
    labels: Labels | None = None,
) -> dict[tuple[Key, ...], int]:
    """Count the events of `scope` grouped by the dimensions `by` (in that order).

    Only counted events add up (bot.stats.people): a person repeating a search for the same
    need on the same day counts once.
    """
    unknown = [d for d in by if d not in DIMENSIONS]
    if unknown:
        raise ValueError(f"neznámé členění: {', '.join(unknown)}")
    if "period" in by and period not in PERIODS:
        raise ValueError(f"neznámé období {period!r}")
    labels = labels or Labels.load(conn)
    dialect = conn.dialect.name
    columns: list[ColumnElement] = []
    group: list[ColumnElement] = []
    for dimension in by:
        if dimension == "period":
            expression = period_start_expression(period or "month", dialect).label("period")
            columns.append(expression)
            group.append(expression)
        elif dimension == "need":
            columns += [E.need_kind, E.need_key]
            group += [E.need_kind, E.need_key]
        else:
            column = {
                "municipality": E.municipality_code,
                "orp": E.orp,
                "family": E.family,
                "channel": E.channel,
                "language": E.language,
                "outcome": E.outcome,
            }[dimension]
            columns.append(column)
            group.append(column)
    has_need = "need" in by
    counted = func.sum(case((E.counted.is_(True), 1), else_=0)).label("n")
    query = select(*columns, counted, *([func.max(E.need_label)] if has_need else []))
    query = query.where(scope.where())
    if group:
        query = query.group_by(*group)
    counts: dict[tuple[Key, ...], int] = {}
    for row in conn.execute(query):
        values = list(row)
        need_label = values[-1] if has_need else None
        position = 0
        keys: list[Key] = []
        for dimension in by:
            if dimension == "need":
                raw = (values[position], values[position + 1])
                position += 2
            else:
                raw = values[position]
                position += 1
            keys.append(make_key(dimension, raw, labels, period, need_label))
        n = int(values[position])
        if n:
            key = tuple(keys)
            counts[key] = counts.get(key, 0) + n
    return counts
