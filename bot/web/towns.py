"""The municipality field of the web forms: a select for a region, a typed name for a country.

A region's catalogue has tens of municipalities, a national one thousands: a select of 6,000
names is no use on a phone, so from TYPED_FROM municipalities the forms have a text field and
the name typed is matched on the server as the bot matches it (typos, cases, Cyrillic).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from bot.dialog.context import Context
from bot.search.documents import Town
from bot.search.text import fold

TYPED_FROM = 300  # municipalities from which the forms have a typed name instead of a select
MAX_NAME = 80  # characters of a typed name that are read


@dataclass(frozen=True)
class TownPick:
    """What a form's municipality value names: one municipality, several of one name, or none."""

    code: int | None = None
    same_name: tuple[Town, ...] = ()  # "Lhota" is the name of many municipalities
    unknown: str = ""  # a name typed that names no municipality of the catalogue


def pick_town(ctx: Context, value: str | None) -> TownPick:
    """The municipality of a form value: a code, or a name typed in any case and spelling."""
    text = " ".join((value or "").split())[:MAX_NAME]
    if not text:
        return TownPick()
    if text.isdigit():
        return TownPick(int(text)) if int(text) in ctx.town_by_code else TownPick(unknown=text)
    same = [t for t in ctx.towns if fold(t.name) == fold(text)]
    if len(same) == 1:
        return TownPick(same[0].code)
    if same:
        return TownPick(same_name=tuple(sorted(same, key=lambda t: (-(t.population or 0), t.orp, t.code))))
    place = ctx.searcher.search(text, limit=1).understood.place  # read as the bot reads a place
    if place is not None and place.kind == "town" and place.code in ctx.town_by_code:
        return TownPick(place.code)
    return TownPick(unknown=text)


def town_code(ctx: Context, value: str | None) -> int | None:
    """The municipality code from a form value, or None when it names none (or several)."""
    return pick_town(ctx, value).code


class TownField:
    """The municipality field of the forms, rendered once per selected municipality."""

    def __init__(self, ctx: Context) -> None:
        self._towns = sorted(ctx.towns, key=lambda t: (t.name.casefold(), t.code))
        self._names = {t.code: t.name for t in self._towns}
        self.typed = len(self._towns) >= TYPED_FROM
        self.options = lru_cache(maxsize=256)(self._render)

    def name(self, code: int | None) -> str:
        """The name of a municipality for a typed field (empty for none)."""
        return self._names.get(code, "") if code is not None else ""

    def _render(self, selected: int | None) -> Markup:
        option = Markup('<option value="{}"{}>{}</option>')
        return Markup("\n").join(
            option.format(t.code, Markup(" selected") if t.code == selected else "", t.name) for t in self._towns
        )
