"""What each page of the web catalogue shows, as plain records: no aiohttp, no HTML.

The search, the safety layer and the cards are the same as in the conversation
(`bot.compose.build_context`); the templates only lay these records out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from babel.dates import format_date

from bot.catalog.contacts import dialable, tel_uri
from bot.catalog.views import PlaceInfo, ServiceCard, ServiceDoc
from bot.dialog.cardview import language_names, web_url
from bot.dialog.context import Context
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
from bot.search.vocabulary import Need
from bot.web.texts import group_for, group_names, texts
from bot.web.towns import town_code

MAX_QUERY = 300
RESULTS = 20

GROUP_NAMES = group_names("cs")
EMPTY_REASONS = {
    NOT_UNDERSTOOD: "not_understood",
    NO_SERVICE: "no_service",
    NOT_FOR_GROUP: "not_for_group",
    NOT_IN_PLACE: "not_in_place",
    PLACE_OUTSIDE: "place_outside",
}  # the reason of an empty search -> its text in bot.web.texts


@dataclass(frozen=True)
class Link:
    """A link as the page shows it."""

    label: str
    href: str


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
    result: SearchResult | None = field(default=None, repr=False, compare=False)  # for the statistics


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


def count_line(total: int, language: str = "cs") -> str:
    """ "Našly se 3 služby." in correct Czech plural (the message catalogue's in uk and en)."""
    if language != "cs":
        return str(Translator(language).plural("results.found", total, n=total))
    if total == 1:
        return "Našla se 1 služba."
    if 2 <= total <= 4:
        return f"Našly se {total} služby."
    return f"Našlo se {total} služeb."


def _result(hit: Hit) -> ResultView:
    return _doc_view(hit.service)


def _doc_view(doc: ServiceDoc, municipality: str | None = None) -> ResultView:
    return ResultView(doc.id, doc.name, doc.kind, municipality or doc.municipality or "", doc.provider)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _where(ctx: Context, place: PlaceRef | None) -> str:
    if place is None:
        return ""
    town = ctx.town_by_code.get(place.code) if place.code is not None else None
    if town is not None:
        return town.locative or f"v obci {town.name}"
    return f"v místě {place.name}" if place.kind == "town" else f"v oblasti {place.name}"


def _summary(ctx: Context, result: SearchResult, group: str | None, language: str = "cs") -> str:
    """ "Hledám pomoc pro seniory v Kojetíně: pečovatelská služba." — what was understood.

    In Ukrainian and English without the Czech locative: "Looking for: home care – for older
    people, Kojetín."
    """
    understood = result.understood
    label = result.listed_label or next(iter(understood.need_labels), "")
    need = _lower_first(label)
    if language != "cs":
        place = understood.place
        town = ctx.town_by_code.get(place.code) if place is not None and place.code is not None else None
        place_name = town.name if town else place.name if place else ""
        where = ", ".join(p for p in (group_for(language, group), place_name) if p)
        said = " – ".join(p for p in (need, where) if p)
        return f"{texts(language)['looking_for']} {said}." if said else ""
    where = " ".join(p for p in (group_for("cs", group), _where(ctx, understood.place)) if p)
    if where and need:
        return f"Hledám pomoc {where}: {need}."
    if need:
        return f"Hledám: {need}."
    return f"Hledám pomoc {where}." if where else ""


def search_page(
    ctx: Context,
    query: str | None,
    town: int | None,
    group: str | None,
    language: str = "cs",
    situation_id: str | None = None,
) -> SearchPage:
    """Assess the words for danger, then search; never a page without a way on.

    The page keeps the search's result (`result`) for the statistics; None when nothing was asked.
    """
    words = texts(language)
    text = (query or "").strip()[:MAX_QUERY]
    group = group if group in GROUP_NAMES else None
    danger: list[LineView] = []
    read = ctx.read(text)
    if text:
        found = ctx.safety.assess(read)
        if found.danger:
            danger = [line_view(line) for line in lines_for(found, ctx.crisis_lines)]
    situation = ctx.situation_by_id.get(situation_id or "")
    need = Need("situace", situation.id) if situation is not None else None
    if not text and group is None and town is None and need is None:
        return SearchPage(text, group, danger, asked=False, empty=words["write_need"], town=town)
    result = ctx.searcher.search(read or None, town=town, group=group, need=need, limit=RESULTS)
    summary = _summary(ctx, result, group, language)
    if not result.hits:
        return SearchPage(
            text,
            group,
            danger,
            summary=summary,
            alternatives=[_result(h) for h in result.alternatives],
            empty=words[EMPTY_REASONS.get(result.reason or "", "nothing")],
            town=town,
            result=result,
        )
    return SearchPage(
        text,
        group,
        danger,
        summary=summary,
        count_line=count_line(result.total, language),
        results=[_result(h) for h in result.hits],
        town=town,
        more=result.total > len(result.hits),
        result=result,
    )


@dataclass(frozen=True)
class KindGroup:
    """The services of one kind (druh or category) on a page."""

    kind: str
    services: list[ResultView]


@dataclass(frozen=True)
class TownPage:
    """A municipality: the services with a place there or coming there, grouped by kind."""

    code: int
    name: str
    kinds: list[KindGroup]
    reaching: frozenset[int]  # ids of services that only come here


@dataclass(frozen=True)
class NeedPage:
    """A life situation and the services for it, best first."""

    id: str
    name: str
    family: str | None
    services: list[ResultView]


def _reach(ctx: Context, doc: ServiceDoc) -> set[int]:
    """Where a service comes to people: its area, or a field service's ORP. (The search also reaches
    the whole ORP with a service that names no area, because people travel to it; such a service
    does not come, so a town page lists it only in its own town.)"""
    reach = set(doc.area_codes)
    if not reach and doc.is_field_service:
        for code in doc.place_codes:
            town = ctx.town_by_code.get(code)
            if town is not None:
                reach |= {t.code for t in ctx.orp_towns.get(town.orp, [])}
    return reach


def by_kind(views: list[ResultView]) -> list[KindGroup]:
    """Services grouped by their kind (kinds and services by name; no kind last)."""
    groups: dict[str, list[ResultView]] = {}
    for view in views:
        groups.setdefault(view.kind, []).append(view)
    return [
        KindGroup(kind, sorted(items, key=lambda v: (v.name.casefold(), v.id)))
        for kind, items in sorted(groups.items(), key=lambda kv: (not kv[0], kv[0].casefold()))
    ]


def town_page(ctx: Context, code: int) -> TownPage | None:
    """The services of one municipality of the catalogue; None for an unknown code."""
    town = ctx.town_by_code.get(code)
    if town is None:
        return None
    here: list[ResultView] = []
    reaching: set[int] = set()
    for doc in ctx.services:
        if code in doc.place_codes:
            here.append(_doc_view(doc, town.name))
        elif code in _reach(ctx, doc):
            here.append(_doc_view(doc))
            reaching.add(doc.id)
    return TownPage(town.code, town.name, by_kind(here), frozenset(reaching))


def need_page(ctx: Context, situation_id: str, language: str = "cs") -> NeedPage | None:
    """The services for one life situation, as the search ranks them; None for an unknown one."""
    situation = ctx.situation_by_id.get(situation_id)
    if situation is None:
        return None
    result = ctx.searcher.search(None, need=Need("situace", situation.id), limit=len(ctx.services) or 1)
    return NeedPage(
        situation.id,
        situation.name_in(language),
        situation.family,
        [_result(h) for h in result.hits],
    )


def situations_by_family(ctx: Context, language: str = "cs") -> list[tuple[str, list[Link]]]:
    """The life situations for the home page, under their family's name (in the file's order)."""
    names = group_names(language)
    return [
        (names[family], [Link(s.name_in(language), f"/potreba/{s.id}") for s in ctx.situations_of(family)])
        for family in names
        if ctx.situations_of(family)
    ]


def _place(place: PlaceInfo, language: str = "cs") -> PlaceView:
    if place.hidden:
        hidden = texts(language)["hidden_address"]
        return PlaceView(f"{place.municipality} – {hidden}" if place.municipality else hidden)
    return PlaceView(place.address or place.name or place.municipality or "")


def _explained(card: ServiceCard, language: str = "cs") -> str:
    if not card.druh_id:
        return ""
    msgid = "druh." + card.druh_id.rsplit("/", 1)[-1]
    text = Translator(language).raw(msgid)
    return "" if text == msgid else text


def _checked(card: ServiceCard, language: str = "cs") -> str:
    words = texts(language)
    if card.last_checked is None:
        return words["checked_unknown"]
    return f"{words['checked']} " + format_date(card.last_checked, format="medium", locale=language)


def service_page(card: ServiceCard, language: str = "cs") -> ServicePage:
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
        explained=_explained(card, language),
        description=card.description,
        how_to_get_help=card.how_to_get_help,
        for_whom=for_whom,
        places=[p for p in (_place(place, language) for place in card.places) if p.text],
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
        checked=_checked(card, language),
    )


WHOLE_AREA = "vse"  # the guide's "any municipality" choice


@dataclass(frozen=True)
class GuidePage:
    """One step of the guided path: for whom, then where, then what (as the bot's buttons)."""

    step: str  # "group", "town" or "need"
    group: str | None
    group_name: str = ""
    town: int | None = None
    town_name: str = ""
    choices: list[Link] = field(default_factory=list)  # the step's links
    all_link: str = ""  # on the last step: every service for the group there


def guide_page(ctx: Context, group: str | None, town_value: str | None, language: str = "cs") -> GuidePage:
    """The step of the guide that the choices so far lead to; an unknown choice asks again."""
    names = group_names(language)
    if group not in names:
        return GuidePage("group", None, choices=[Link(name, f"/pruvodce?skupina={key}") for key, name in names.items()])
    town = town_code(ctx, town_value)
    if town is None and town_value != WHOLE_AREA:
        popular = [Link(t.name, f"/pruvodce?skupina={group}&obec={t.code}") for t in ctx.popular_towns]
        return GuidePage("town", group, names[group], choices=popular)
    where = {"skupina": group, **({"obec": town} if town is not None else {})}
    situations = [
        Link(s.name_in(language), "/hledat?" + urlencode({**where, "potreba": s.id})) for s in ctx.situations_of(group)
    ]
    return GuidePage(
        "need",
        group,
        names[group],
        town,
        ctx.town_by_code[town].name if town is not None else "",
        situations,
        "/hledat?" + urlencode(where),
    )
