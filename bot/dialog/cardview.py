"""A service card as a reply: what it offers, for whom, where, contacts; and its actions."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import quote_plus

from babel.dates import format_date

from bot import CATALOG_DATA
from bot.catalog.contacts import tel_uri
from bot.dialog import callbacks as cb
from bot.dialog.cards import PlaceInfo, ServiceCard
from bot.dialog.events import Button, Contact, Reply, Venue
from bot.dialog.render import Rows, crisis_row, cut, label, lines, nav_row
from bot.dialog.state import State
from bot.i18n import Safe, Translator, escape

STALE_AFTER_DAYS = 365
MAP_SEARCH = "https://mapy.cz/zakladni?q="
LONG, MEDIUM, SHORT = 1200, 400, 200
LANGUAGE_NAMES = CATALOG_DATA / "jazyky.csv"


_URL = re.compile(r"^https?://[\w.-]+\.[a-z]{2,}(:\d+)?(/[^\s<>\"]*)?$", re.IGNORECASE)


def web_url(value: str) -> str | None:
    """A web address fit for a URL button, or None when it does not look like one."""
    url = value.strip()
    if not url.startswith(("http://", "https://")):
        url = "https://" + url
    return url if len(url) <= 500 and _URL.match(url) else None


@lru_cache(maxsize=1)
def _language_table() -> dict[str, str]:
    if not LANGUAGE_NAMES.exists():
        return {}
    with LANGUAGE_NAMES.open(encoding="utf-8-sig", newline="") as f:
        return {r["kod"].strip(): r["nazev"].strip() for r in csv.DictReader(f) if r.get("kod") and r.get("nazev")}


def language_names(codes: tuple[str, ...]) -> list[str]:
    """Languages a service speaks besides Czech, by name ("uk" -> "ukrajinština")."""
    table = _language_table()
    return [table.get(code, code) for code in codes if code != "cs"]


def _join(values: Sequence[str], limit: int, count: int = 3) -> str:
    return cut(", ".join(values[:count]), limit)


def _field(t: Translator, msgid: str, value: str) -> str | None:
    """ "<b>Label:</b> value" when there is a value."""
    return t(msgid, value=value) if value.strip() else None


def druh_explained(t: Translator, card: ServiceCard) -> str | None:
    """The plain line saying what the law's name of the service means."""
    if not card.druh_id:
        return None
    msgid = "druh." + card.druh_id.rsplit("/", 1)[-1]
    return None if t.raw(msgid) == msgid else t(msgid)


def checked_line(t: Translator, card: ServiceCard, today: dt.date) -> str | None:
    """ "Ověřeno: 14. 10. 2026", with a warning when it is more than a year old."""
    if card.last_checked is None:
        return t("card.not_checked")
    text = t("card.checked", date=format_date(card.last_checked, format="medium", locale=t.language))
    if (today - card.last_checked).days > STALE_AFTER_DAYS:
        text = Safe(f"{text}\n{t('card.old')}")
    return text


def worker_details(t: Translator, card: ServiceCard) -> list[str | None]:
    """What a social worker needs besides: registration, IČO, forms, all groups, capacity."""
    return [
        _field(t, "card.registry", card.registry_id or ""),
        _field(t, "card.ico", card.provider_ico or ""),
        _field(t, "card.forms", _join(card.forms, SHORT, 5)),
        _field(t, "card.groups", _join(card.target_groups, MEDIUM, 30)),
        _field(t, "card.ages", _join(card.age_groups, SHORT, 10)),
        _field(t, "card.capacity", _join(card.capacities, MEDIUM, 10)),
    ]


def card_text(t: Translator, card: ServiceCard, *, worker: bool, today: dt.date) -> str:
    """The card's text: name, provider, kind and meaning, offer, for whom, where, contacts, checked."""
    kind = t("card.kind", kind=cut(card.kind, SHORT)) if card.kind else None
    explained = druh_explained(t, card)
    for_whom = ", ".join(card.target_groups[: 30 if worker else 4])
    if card.age_note:
        for_whom = f"{for_whom} ({card.age_note})" if for_whom else card.age_note
    places = [cut(place_text(t, p), SHORT) for p in card.places[:3]]
    contacts = [
        t("card.phones", value=_join(card.phones, SHORT)) if card.phones else None,
        t("card.emails", value=_join(card.emails, SHORT)) if card.emails else None,
        t("card.webs", value=_join(card.webs, SHORT, 2)) if card.webs else None,
    ]
    if card.contacts_of_provider and any(contacts):
        contacts.insert(0, t("card.provider_contacts"))
    parts: list[str | None] = [
        t("card.name", name=cut(card.name, 500)),
        escape(cut(card.provider, 300)) if card.provider else None,
        lines(kind, explained) if kind else None,
        escape(cut(card.description, LONG, keep_lines=True)) if card.description else None,
        _field(t, "card.for_whom", cut(for_whom, MEDIUM if not worker else LONG)),
        _field(t, "card.where", cut("; ".join(p for p in places if p), MEDIUM)),
        _field(t, "card.how", cut(card.how_to_get_help, MEDIUM, keep_lines=True)),
        *contacts,
        _field(t, "card.hours", cut(card.hours, MEDIUM)),
        _field(t, "card.price", cut(card.price, MEDIUM)),
        _field(t, "card.languages", _join(language_names(card.languages), SHORT, 10)),
        _field(t, "card.access", cut(card.accessibility, SHORT)),
    ]
    if worker:
        parts.extend(worker_details(t, card))
    parts.append(checked_line(t, card, today))
    return lines(*parts)


def place_text(t: Translator, place: PlaceInfo) -> str:
    """Where a place is, as the card says it; a hidden address only by its town."""
    if place.hidden:
        hidden = t("card.address_hidden")
        return f"{place.municipality} – {hidden}" if place.municipality else hidden
    return place.address or place.name or ""


def card_screen(t: Translator, card: ServiceCard, state: State, *, worker: bool, today: dt.date) -> Reply:
    """The card with its buttons: map, contact, share, wrong information, web, back."""
    rows: Rows = []
    mappable = any(not p.hidden for p in card.places)
    first = [Button(t("btn.map"), cb.make(cb.MAP, card.id))] if mappable else []
    if card.dialable_phones:
        first.append(Button(t("btn.contact"), cb.make(cb.CONTACT, card.id)))
    if first:
        rows.append(tuple(first))
    second = [Button(t("btn.share"), cb.make(cb.SHARE, card.id))]
    web = web_url(card.webs[0]) if card.webs else None
    if web:
        second.append(Button(t("btn.web"), url=web))
    rows.append(tuple(second))
    rows.append((Button(t("btn.wrong"), cb.make(cb.WRONG, card.id)),))
    rows.extend([crisis_row(t), nav_row(t, state)])
    return Reply(card_text(t, card, worker=worker, today=today), tuple(rows))


def map_reply(t: Translator, card: ServiceCard) -> Reply:
    """A venue when the place has coordinates; otherwise the address and a map search link."""
    place = card.venue_place
    if place is not None and place.lat is not None and place.lon is not None:
        venue = Venue(place.lat, place.lon, label(card.name, 100), label(place.address or place.name or "", 100))
        return Reply(t("map.venue", name=cut(card.name, 300)), venue=venue)
    address = next((p.address for p in card.places if p.address), "")
    if not address:
        return Reply(t("map.no_address"))
    url = MAP_SEARCH + quote_plus(address)
    return Reply(t("map.address", address=cut(address, 300)), ((Button(t("btn.map"), url=url),),))


def contact_reply(t: Translator, card: ServiceCard) -> Reply:
    """A contact card with the first phone number."""
    if not card.dialable_phones:
        return Reply(t("contact.none"))
    phone = tel_uri(card.dialable_phones[0]).removeprefix("tel:")
    return Reply(t("contact.sent", name=cut(card.name, 300)), contact=Contact(phone, label(card.name, 64)))


def share_replies(t: Translator, card: ServiceCard, today: dt.date) -> list[Reply]:
    """A short message to forward, then a note that it can be forwarded."""
    where = next((p.address for p in card.places if p.address), "")
    text = lines(
        t("card.name", name=cut(card.name, 500)),
        escape(cut(card.provider, 300)) if card.provider else None,
        t("card.kind", kind=cut(card.kind, SHORT)) if card.kind else None,
        _field(t, "card.where", cut(where, SHORT)),
        t("card.phones", value=_join(card.phones, SHORT)) if card.phones else None,
        t("card.emails", value=_join(card.emails, SHORT)) if card.emails else None,
        t("card.webs", value=_join(card.webs, SHORT, 2)) if card.webs else None,
        checked_line(t, card, today),
    )
    return [Reply(text), Reply(t("share.note"))]


def wrong_reasons(t: Translator, card: ServiceCard, state: State) -> Reply:
    """Ask what is wrong on the card."""
    rows: Rows = [(Button(t(f"wrong.{reason}"), cb.make(cb.WRONG, card.id, reason)),) for reason in cb.WRONG_REASONS]
    rows.append(nav_row(t, state))
    return Reply(t("wrong.ask", name=cut(card.name, 300)), tuple(rows))
