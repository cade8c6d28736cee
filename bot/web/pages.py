"""What each page of the web catalogue shows, as plain records: no aiohttp, no HTML.

The search, the safety layer and the cards are the same as in the conversation
(`bot.compose.build_context`); the templates only lay these records out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.dates import format_date

from bot.catalog.contacts import dialable, tel_uri
from bot.catalog.views import PlaceInfo, ServiceCard
from bot.dialog.cardview import language_names, web_url
from bot.dialog.context import Context
from bot.families import FAMILIES
from bot.i18n import Translator
from bot.safety.lines import CrisisLine, lines_for
from bot.search.places import PlaceRef
from bot.search.results import (
    NO_SERVICE,
    NOT_FOR_GROUP,
    NOT_IN_PLACE,
    NOT_UNDERSTOOD,
    PLACE_OUTSIDE,
    Hit,
    SearchResult,
)

MAX_QUERY = 300
RESULTS = 20

GROUP_NAMES = {
    "seniori": "Senioři",
    "zdravotni-postizeni": "Zdravotní postižení",
    "rodiny-deti": "Rodiny a děti",
    "krize": "Krize, bydlení, dluhy, závislosti",
}
GROUP_FOR = {
    "seniori": "pro seniory",
    "zdravotni-postizeni": "pro lidi se zdravotním postižením",
    "rodiny-deti": "pro rodiny s dětmi",
    "krize": "v těžké situaci",
}
assert set(GROUP_NAMES) == set(GROUP_FOR) == set(FAMILIES)

EMPTY_REASONS = {
    NOT_UNDERSTOOD: "Nerozuměl jsem, s čím potřebujete pomoci. Zkuste to napsat jinými slovy, "
    "například „pečovatelská služba“ nebo „azylový dům“.",
    NO_SERVICE: "Takovou službu v katalogu nemáme.",
    NOT_FOR_GROUP: "Takové služby v katalogu jsou, ale ne pro tuto skupinu lidí.",
    NOT_IN_PLACE: "V této obci ani do ní takovou službu nikdo neposkytuje.",
    PLACE_OUTSIDE: "Tato obec leží mimo oblast, kterou katalog pokrývá.",
}


@dataclass(frozen=True)
class Link:
    """A link as the page shows it."""

    label: str
    href: str


@dataclass(frozen=True)
class Option:
    """One municipality of the select."""

    code: int
    name: str
    selected: bool = False


@dataclass(frozen=True)
class LineView:
    """A crisis line with its tel: link."""

    number: str
    name: str
    description: str
    nonstop: bool
    href: str


@dataclass(frozen=True)
class ResultView:
    """One service in the results."""

    id: int
    name: str
    kind: str
    municipality: str
    provider: str


@dataclass(frozen=True)
class SearchPage:
    """The answer to a search: crisis lines first in a danger, then the results or why none."""

    query: str
    towns: list[Option]
    group: str | None
    danger_lines: list[LineView] = field(default_factory=list)
    summary: str = ""
    count_line: str = ""
    results: list[ResultView] = field(default_factory=list)
    alternatives: list[ResultView] = field(default_factory=list)
    empty: str = ""
    asked: bool = True
    town: int | None = None
    more: bool = False  # more matched than the page lists


@dataclass(frozen=True)
class PlaceView:
    """Where a service is provided (an address only when it is published)."""

    text: str


@dataclass(frozen=True)
class ServicePage:
    """Everything the card holds."""

    id: int
    name: str
    provider: str
    kind: str
    explained: str
    description: str
    how_to_get_help: str
    for_whom: str
    places: list[PlaceView]
    hours: str
    price: str
    languages: str
    accessibility: str
    phones: list[Link]
    phones_text: list[str]
    emails: list[Link]
    webs: list[Link]
    webs_text: list[str]
    contacts_of_provider: bool
    checked: str


def line_view(line: CrisisLine) -> LineView:
    """A crisis line for a page."""
    return LineView(line.number, line.name, line.description, line.nonstop, f"tel:{line.dial}")


def all_lines(ctx: Context) -> list[LineView]:
    """Every crisis line, in the file's order."""
    return [line_view(line) for line in ctx.crisis_lines]


def town_options(ctx: Context, selected: int | None = None) -> list[Option]:
    """The municipalities of the catalogue, by name."""
    towns = sorted(ctx.towns, key=lambda t: (t.name.casefold(), t.code))
    return [Option(t.code, t.name, t.code == selected) for t in towns]


def town_code(ctx: Context, value: str | None) -> int | None:
    """The municipality code from the form, or None when it is not one of ours."""
    text = (value or "").strip()
    if not text.isdigit():
        return None
    return int(text) if int(text) in ctx.town_by_code else None


def count_line(total: int) -> str:
    """ "Našly se 3 služby." in correct Czech plural."""
    if total == 1:
        return "Našla se 1 služba."
    if 2 <= total <= 4:
        return f"Našly se {total} služby."
    return f"Našlo se {total} služeb."


def _result(hit: Hit) -> ResultView:
    doc = hit.service
    return ResultView(doc.id, doc.name, doc.kind, doc.municipality or "", doc.provider)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _where(ctx: Context, place: PlaceRef | None) -> str:
    if place is None:
        return ""
    town = ctx.town_by_code.get(place.code) if place.code is not None else None
    if town is not None:
        return town.locative or f"v obci {town.name}"
    return f"v místě {place.name}" if place.kind == "town" else f"v oblasti {place.name}"


def _summary(ctx: Context, result: SearchResult, group: str | None) -> str:
    """ "Hledám pomoc pro seniory v Kojetíně: pečovatelská služba." — what was understood."""
    understood = result.understood
    label = result.listed_label or next(iter(understood.need_labels), "")
    need = _lower_first(label)
    where = " ".join(p for p in (GROUP_FOR.get(group or "", ""), _where(ctx, understood.place)) if p)
    if where and need:
        return f"Hledám pomoc {where}: {need}."
    if need:
        return f"Hledám: {need}."
    return f"Hledám pomoc {where}." if where else ""


def search_page(ctx: Context, query: str | None, town: int | None, group: str | None) -> SearchPage:
    """Assess the words for danger, then search; never a page without a way on."""
    text = (query or "").strip()[:MAX_QUERY]
    group = group if group in GROUP_NAMES else None
    towns = town_options(ctx, town)
    danger: list[LineView] = []
    if text:
        found = ctx.safety.assess(text)
        if found.danger:
            danger = [line_view(line) for line in lines_for(found, ctx.crisis_lines)]
    if not text and group is None and town is None:
        return SearchPage(
            text, towns, group, danger, asked=False, empty="Napište, s čím potřebujete pomoci.", town=town
        )
    result = ctx.searcher.search(text or None, town=town, group=group, limit=RESULTS)
    summary = _summary(ctx, result, group)
    if not result.hits:
        return SearchPage(
            text,
            towns,
            group,
            danger,
            summary=summary,
            alternatives=[_result(h) for h in result.alternatives],
            empty=EMPTY_REASONS.get(result.reason or "", "Nic vhodného jsem nenašel."),
            town=town,
        )
    return SearchPage(
        text,
        towns,
        group,
        danger,
        summary=summary,
        count_line=count_line(result.total),
        results=[_result(h) for h in result.hits],
        town=town,
        more=result.total > len(result.hits),
    )


def _place(place: PlaceInfo) -> PlaceView:
    if place.hidden:
        hidden = "adresa se nezveřejňuje"
        return PlaceView(f"{place.municipality} – {hidden}" if place.municipality else hidden)
    return PlaceView(place.address or place.name or place.municipality or "")


def _explained(card: ServiceCard) -> str:
    if not card.druh_id:
        return ""
    msgid = "druh." + card.druh_id.rsplit("/", 1)[-1]
    text = Translator("cs").raw(msgid)
    return "" if text == msgid else text


def _checked(card: ServiceCard) -> str:
    if card.last_checked is None:
        return "Kdy byly údaje ověřeny, nevíme."
    return "Ověřeno: " + format_date(card.last_checked, format="medium", locale="cs")


def service_page(card: ServiceCard) -> ServicePage:
    """The card's fields for the service page."""
    for_whom = ", ".join(card.target_groups)
    if card.age_note:
        for_whom = f"{for_whom} ({card.age_note})" if for_whom else card.age_note
    webs = [(w, web_url(w)) for w in card.webs]
    return ServicePage(
        id=card.id,
        name=card.name,
        provider=card.provider,
        kind=card.kind,
        explained=_explained(card),
        description=card.description,
        how_to_get_help=card.how_to_get_help,
        for_whom=for_whom,
        places=[p for p in (_place(place) for place in card.places) if p.text],
        hours=card.hours,
        price=card.price,
        languages=", ".join(language_names(card.languages)),
        accessibility=card.accessibility,
        phones=[Link(p, tel_uri(p)) for p in card.phones if dialable(p)],
        phones_text=[p for p in card.phones if not dialable(p)],
        emails=[Link(e, f"mailto:{e}") for e in card.emails if "@" in e and ":" not in e],
        webs=[Link(w, url) for w, url in webs if url],
        webs_text=[w for w, url in webs if not url],
        contacts_of_provider=card.contacts_of_provider,
        checked=_checked(card),
    )
