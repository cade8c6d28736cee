"""A printed leaflet and catalogue of one ORP: HTML from Jinja2 templates, printed to PDF by
headless Chromium (`python -m admin_scripts catalog-print`).

The leaflet: the national crisis lines on top, then the most needed local contacts grouped by
the four families (bot.families). For each life situation of a family, in display order, it
takes one service that helps in that situation and has a phone, and that either reaches
every municipality of the ORP or has a place in the ORP's seat (telephone crisis help
reaches everyone); services reaching the whole ORP come first, then by service id. A service
is listed once, at its first situation, and a family shows at most LEAFLET_PER_FAMILY.

The catalogue: every active service with a place in the ORP or working in one of its
municipalities, under each family's life situations in display order. A service is printed
in full under its first situation and referred to under the others; services without a
life situation are under "Další služby". A hidden address is never printed: only its town.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy.orm import Session, sessionmaker

from bot.catalog import repository
from bot.catalog.readmodel import load_cards, load_catalogue
from bot.catalog.views import CatalogueView, PlaceInfo, ServiceCard, ServiceDoc
from bot.families import FAMILIES
from bot.safety.lines import CrisisLine, load_crisis_lines
from bot.search.text import fold

FORMATS = ("leaflet", "catalogue")
SIZES = ("A4", "A5")
LEAFLET_PER_FAMILY = 4
SUMMARY_LENGTH = 110
CHROMIUM_DEFAULT = "/usr/bin/chromium"
CHROMIUM_TIMEOUT = 120  # seconds
OTHER_SERVICES = "Další služby"
FAMILY_TITLES = {
    "seniori": "Senioři a pečující",
    "zdravotni-postizeni": "Zdravotní postižení",
    "rodiny-deti": "Rodiny a děti",
    "krize": "Krize, bydlení, dluhy, závislosti",
}
# headless Chromium without anything of its own (updates, sync, crash reports); the report's
# and the web's browser tests use the same flags
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-breakpad",
    "--hide-scrollbars",
    "--mute-audio",
)
CHROMIUM_FLAGS = (
    *HEADLESS_FLAGS,
    # the page loads nothing from elsewhere; should it try, nothing leaves the machine
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)

_ENVIRONMENT = Environment(
    loader=PackageLoader("bot.catalog", "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


class PrintFailed(Exception):
    """The leaflet cannot be made; the message is Czech and says why."""


@dataclass(frozen=True)
class Situation:
    """A life situation as the print shows it."""

    id: str
    name: str
    family: str | None


@dataclass
class PrintData:
    """What the print reads of the catalogue."""

    view: CatalogueView
    cards: dict[int, ServiceCard]
    situations: list[Situation]


@dataclass(frozen=True)
class Entry:
    """One service in the print."""

    card: ServiceCard
    summary: str
    addresses: tuple[str, ...] = ()
    situation: str = ""  # the leaflet: the situation it was chosen for


@dataclass
class Section:
    """A heading and its services; `see_also` names services printed under another heading."""

    title: str
    entries: list[Entry] = field(default_factory=list)
    see_also: list[tuple[str, str]] = field(default_factory=list)  # (service, where it is printed)


@dataclass
class Part:
    """A family (or "Další služby") and its sections."""

    title: str
    sections: list[Section] = field(default_factory=list)


def load_print_data(sessions: sessionmaker[Session]) -> PrintData:
    """The active services, their cards and the life situations, from the database."""
    with sessions() as session:
        view = load_catalogue(session)
        cards = load_cards(session)
        situations = [Situation(s.id, s.name, s.family) for s in repository.life_situations(session)]
    return PrintData(view, cards, situations)


def orp_names(view: CatalogueView) -> list[str]:
    """The ORPs of the loaded municipalities, sorted."""
    return sorted({t.orp for t in view.towns if t.orp}, key=fold)


def find_orp(view: CatalogueView, wanted: str) -> str:
    """The ORP named `wanted` (any case, with or without diacritics); PrintFailed if none."""
    names = orp_names(view)
    found = next((name for name in names if fold(name) == fold(wanted.strip())), None)
    if found is None:
        known = ", ".join(names) or "žádné (nejdřív naimportujte obce: import municipalities)"
        raise PrintFailed(f"ORP „{wanted}“ v katalogu není; známé ORP: {known}")
    return found


def summary_of(card: ServiceCard) -> str:
    """One line of what the service does: the first sentence of its description, or its kind."""
    text = " ".join(card.description.split())
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0] if text else ""
    if not sentence:
        return card.kind[:1].upper() + card.kind[1:] if card.kind else ""
    if len(sentence) > SUMMARY_LENGTH:
        sentence = sentence[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"
    return sentence


def place_line(place: PlaceInfo) -> str:
    """A place as printed; a hidden address only by its town (it is never printed)."""
    if place.hidden:
        return f"{place.municipality} – adresa se nezveřejňuje" if place.municipality else "adresa se nezveřejňuje"
    return place.address or place.municipality or ""


def entry_of(card: ServiceCard, situation: str = "") -> Entry:
    addresses = tuple(dict.fromkeys(line for p in card.places if (line := place_line(p))))
    return Entry(card, summary_of(card), addresses, situation)


def _in_orp(doc: ServiceDoc, codes: frozenset[int]) -> bool:
    return bool(doc.place_codes & codes or doc.area_codes & codes) or doc.serves_everyone


def services_of_orp(data: PrintData, orp: str) -> list[ServiceDoc]:
    """Active services with a place in the ORP or working in one of its municipalities."""
    codes = frozenset(t.code for t in data.view.towns if t.orp == orp)
    return [d for d in data.view.services if _in_orp(d, codes) and d.id in data.cards]


def _families(group: str | None) -> tuple[str, ...]:
    return (group,) if group else FAMILIES


def leaflet_parts(data: PrintData, orp: str, group: str | None = None) -> list[Part]:
    """The leaflet's local contacts (the rule is in the module docstring)."""
    codes = frozenset(t.code for t in data.view.towns if t.orp == orp)
    seat = {t.code for t in data.view.towns if t.orp == orp and fold(t.name) == fold(orp)}

    def whole_orp(doc: ServiceDoc) -> bool:
        return doc.serves_everyone or (bool(codes) and codes <= doc.area_codes)

    eligible = [
        d
        for d in data.view.services
        if d.id in data.cards and data.cards[d.id].phones and (whole_orp(d) or d.place_codes & seat)
    ]
    eligible.sort(key=lambda d: (not whole_orp(d), d.id))
    shown: set[int] = set()
    parts = []
    for family in _families(group):
        section = Section(FAMILY_TITLES[family])
        for situation in (s for s in data.situations if s.family == family):
            if len(section.entries) >= LEAFLET_PER_FAMILY:
                break
            doc = next((d for d in eligible if situation.id in d.situations and d.id not in shown), None)
            if doc is not None:
                shown.add(doc.id)
                section.entries.append(entry_of(data.cards[doc.id], situation.name))
        if section.entries:
            parts.append(Part(section.title, [section]))
    return parts


def catalogue_parts(data: PrintData, orp: str, group: str | None = None) -> list[Part]:
    """Every active service of the ORP under its life situations (see the module docstring)."""
    services = sorted(services_of_orp(data, orp), key=lambda d: fold(d.name))
    families = _families(group)
    situations = [s for s in data.situations if s.family in families]
    printed: dict[int, str] = {}  # service id -> the situation it is printed under
    parts = []
    for family in families:
        part = Part(FAMILY_TITLES[family])
        for situation in (s for s in situations if s.family == family):
            section = Section(situation.name)
            for doc in services:
                if situation.id not in doc.situations:
                    continue
                if doc.id in printed:
                    section.see_also.append((doc.name, printed[doc.id]))
                else:
                    printed[doc.id] = situation.name
                    section.entries.append(entry_of(data.cards[doc.id]))
            if section.entries or section.see_also:
                part.sections.append(section)
        if part.sections:
            parts.append(part)
    if group is None:
        known = {s.id for s in data.situations}
        rest = [entry_of(data.cards[d.id]) for d in services if d.id not in printed and not d.situations & known]
        if rest:
            parts.append(Part(OTHER_SERVICES, [Section(OTHER_SERVICES, rest)]))
    return parts


def render_html(
    data: PrintData,
    orp: str,
    *,
    kind: str = "leaflet",
    size: str = "A4",
    group: str | None = None,
    lines: Sequence[CrisisLine] | None = None,
) -> str:
    """The print as one HTML page (nothing loaded from elsewhere)."""
    if kind not in FORMATS:
        raise PrintFailed(f"neznámý formát „{kind}“; možnosti: {', '.join(FORMATS)}")
    if size not in SIZES:
        raise PrintFailed(f"neznámá velikost „{size}“; možnosti: {', '.join(SIZES)}")
    if group is not None and group not in FAMILIES:
        raise PrintFailed(f"neznámá skupina „{group}“; možnosti: {', '.join(FAMILIES)}")
    town = next((t for t in data.view.towns if t.orp == orp and fold(t.name) == fold(orp)), None)
    where = town.locative if town and town.locative else f"ORP {orp}"
    parts = leaflet_parts(data, orp, group) if kind == "leaflet" else catalogue_parts(data, orp, group)
    template = _ENVIRONMENT.get_template("leaflet.html" if kind == "leaflet" else "leaflet-catalogue.html")
    return template.render(
        orp=orp,
        where=where,
        size=size,
        group=FAMILY_TITLES[group] if group else None,
        parts=parts,
        lines=list(load_crisis_lines() if lines is None else lines),
        count=sum(len(s.entries) for p in parts for s in p.sections),
    )


def chromium_binary() -> str:
    """The Chromium to print with: the CHROMIUM setting (default /usr/bin/chromium)."""
    named = os.environ.get("CHROMIUM", "").strip() or CHROMIUM_DEFAULT
    path = Path(named) if os.sep in named else Path(shutil.which(named) or named)
    if not path.is_file() or not os.access(path, os.X_OK):
        raise PrintFailed(
            f"Chromium nenalezen: {named}. Nainstalujte balíček chromium, nebo cestu k prohlížeči "
            "nastavte proměnnou prostředí CHROMIUM (výchozí /usr/bin/chromium). Nic nebylo uloženo."
        )
    return str(path)


def print_pdf(html: str, out: Path, chromium: str | None = None) -> int:
    """Print `html` to `out` with headless Chromium; returns the number of pages.

    The PDF is written beside `out` under a temporary name and moved into place only when
    Chromium made a PDF, so a failure leaves no file.
    """
    binary = chromium or chromium_binary()
    out = out.resolve()
    if not out.parent.is_dir():
        raise PrintFailed(f"{out.parent}: složka neexistuje, nic nebylo uloženo")
    with tempfile.TemporaryDirectory(prefix="sit-pomoci-tisk-") as work:
        page = Path(work) / "tisk.html"
        page.write_text(html, encoding="utf-8")
        pdf = Path(work) / "tisk.pdf"
        command = [
            binary,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(work) / 'profil'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT, stdin=subprocess.DEVNULL
            )
        except subprocess.TimeoutExpired:
            raise PrintFailed(f"Chromium netiskl ani po {CHROMIUM_TIMEOUT} s, nic nebylo uloženo") from None
        except OSError as error:
            raise PrintFailed(f"Chromium ({binary}) nejde spustit: {error.strerror or error}") from None
        data = pdf.read_bytes() if pdf.is_file() else b""
        if done.returncode != 0 or not data.startswith(b"%PDF-"):
            detail = (done.stderr.strip().splitlines() or [f"kód {done.returncode}"])[-1]
            raise PrintFailed(f"Chromium PDF nevytvořil ({detail}), nic nebylo uloženo")
        try:
            shutil.move(str(pdf), out)
        except OSError as error:
            raise PrintFailed(f"{out}: nelze uložit ({error.strerror or error})") from None
    return count_pages(data)


def count_pages(pdf: bytes) -> int:
    """The pages of a PDF as Chromium writes it (its page objects are not compressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
