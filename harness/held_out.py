"""Held-out evaluation sets (tests/eval_held_out/<set>/): loaders, a judge and the scorers.

The judge decides from the catalogue's own facts, read through the ORM models
(bot.catalog.models), never from the search engine's notions of serving or families.
The scorers drive the dialog exactly as a user would: a fresh conversation per message.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from bot import CATALOG_DATA, PROJECT_ROOT
from bot.catalog.models import Municipality, Service
from bot.dialog import callbacks as cb
from bot.dialog.events import Button, Event, Reply, Text
from bot.dialog.state import State

HELD_OUT = PROJECT_ROOT / "tests" / "eval_held_out"
CONVERSATIONS = "conversations.jsonl"
READER_LABELS = "conversations-danger.jsonl"  # an independent reader's view: does the message show danger?
DANGER = "danger.jsonl"
CRISIS_LINES = CATALOG_DATA / "krizove-linky.csv"

PHONE_CRISIS_DRUH = "18"  # telefonická krizová pomoc: a nationwide line
FIELD_FORM_CODE = "ter"  # terénní forma
OUTPATIENT_FORM_CODE = "amb"  # ambulantní forma
RESIDENTIAL_FORM_CODE = "pob"  # pobytová forma
LINKA_BEZPECI = "116 111"
EMERGENCY = ("112", "155", "158", "150")
ACUTE_FIRST = ("155", "112")
POLICE = "158"
# acute messages where the police come first as well: a child missing, an attack or a threat going on
POLICE_MATTERS = frozenset(
    {
        "running_away",
        "violence_partner",
        "violence_parent",
        "violence_child",
        "violence_carer",
        "sexual_violence",
        "threats_stalking",
    }
)
ADULT_WRITERS = ("adult", "senior", "third_party")
MAX_TOWN_ANSWERS = 2

# --- the sets ------------------------------------------------------------------------------


class Accept(BaseModel):
    """Acceptable answers: druh codes ("4", or the codelist's "DruhSocialniSluzby/4"), local
    categories and life-situation ids."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    druhy: tuple[str, ...] = ()
    kategorie: tuple[str, ...] = ()
    situace: tuple[str, ...] = ()

    @field_validator("druhy")
    @classmethod
    def _druh_codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(str(_code(v)) for v in value)

    @property
    def anything(self) -> bool:
        """True when all three lists are empty (as in tests/search_eval: any need will do)."""
        return not (self.druhy or self.kategorie or self.situace)


class Conversation(BaseModel):
    """One opening message of a person looking for help, with where they live."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    persona: str = ""
    language: str = "cs"
    text: str
    lives_in: str | None = None  # None: the message names no place; asked, the person picks the whole region
    accept: Accept = Field(default_factory=Accept)
    note: str = ""
    danger: bool | None = None  # what an independent reader judged (conversations-danger.jsonl), if anyone did


class ReaderLabel(BaseModel):
    """An independent reader's judgement of one conversation: should the crisis lines come first?"""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    danger: bool
    category: str = "none"
    note: str = ""


class DangerMessage(BaseModel):
    """One message that does (or, for negatives, does not) speak of danger."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    danger: bool
    category: str = "none"
    writer: Literal["child", "adult", "senior", "third_party"] = "adult"
    language: str = "cs"
    text: str
    acute: bool = False
    note: str = ""


M = TypeVar("M", bound=BaseModel)


def load_jsonl(path: Path, model: type[M]) -> list[M]:
    """The rows of a JSON Lines file as `model`s; a bad row names its file and line."""
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                items.append(model.model_validate(json.loads(line)))
            except ValueError as error:
                raise ValueError(f"{path}:{n}: {error}") from error
    return items


def load_conversations(path: Path) -> list[Conversation]:
    """A conversations.jsonl file."""
    return load_jsonl(path, Conversation)


def load_danger(path: Path) -> list[DangerMessage]:
    """A danger.jsonl file."""
    return load_jsonl(path, DangerMessage)


def set_dirs(name: str, root: Path = HELD_OUT) -> list[Path]:
    """The folders of set `name` ("a", "b"), of several ("a,b,c") or of every set ("all") that exist."""
    if name == "all":
        return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    if "," in name:
        return [folder for part in name.split(",") if part.strip() for folder in set_dirs(part.strip(), root)]
    folder = root / name
    return [folder] if folder.is_dir() else []


def load_sets(folders: Iterable[Path]) -> tuple[list[Conversation], list[DangerMessage]]:
    """Conversations and danger messages of the folders (a missing file gives none)."""
    conversations: list[Conversation] = []
    danger: list[DangerMessage] = []
    for folder in folders:
        if (folder / CONVERSATIONS).exists():
            found = load_conversations(folder / CONVERSATIONS)
            if (folder / READER_LABELS).exists():
                labels = {label.id: label.danger for label in load_jsonl(folder / READER_LABELS, ReaderLabel)}
                found = [c.model_copy(update={"danger": labels.get(c.id)}) for c in found]
            conversations += found
        if (folder / DANGER).exists():
            danger += load_danger(folder / DANGER)
    return conversations, danger


# --- the judge -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceFact:
    """A place of a service: its municipality and whether it still runs."""

    municipality: int | None
    active: bool


@dataclass(frozen=True)
class ServiceFacts:
    """What the database says about one service."""

    id: int
    name: str
    active: bool
    druh: str | None  # the code, "4" of DruhSocialniSluzby/4
    category: str | None
    situations: frozenset[str]
    field_service: bool
    places: tuple[PlaceFact, ...]
    area: frozenset[int]
    outpatient: bool = False
    residential: bool = False


def _ended(valid_to: dt.date | None, today: dt.date) -> bool:
    return valid_to is not None and valid_to < today


def _code(term_id: str | None) -> str | None:
    return term_id.rsplit("/", 1)[-1] if term_id else None


class Judge:
    """Decides whether a service is an acceptable answer, from its own facts in the database."""

    def __init__(self, services: Iterable[ServiceFacts], municipalities: Iterable[tuple[int, str, str]]) -> None:
        self.services = {s.id: s for s in services}
        self.orp: dict[int, str] = {}
        self.codes: dict[str, list[int]] = defaultdict(list)
        for code, name, orp in municipalities:
            self.orp[code] = orp
            self.codes[name].append(code)

    @classmethod
    def from_session(cls, session: Session, today: dt.date | None = None) -> Judge:
        """The facts of every service and municipality, read through the ORM models."""
        today = today or dt.date.today()
        rows = session.scalars(
            select(Service).options(
                selectinload(Service.places),
                selectinload(Service.area),
                selectinload(Service.forms),
                selectinload(Service.life_situations),
            )
        ).all()
        facts = [
            ServiceFacts(
                id=s.id,
                name=s.name,
                active=bool(s.active) and not _ended(s.deactivated_on, today) and not _ended(s.valid_to, today),
                druh=_code(s.druh_id),
                category=s.category,
                situations=frozenset(ls.id for ls in s.life_situations),
                field_service=any(_code(f.form_id) == FIELD_FORM_CODE for f in s.forms),
                outpatient=any(_code(f.form_id) == OUTPATIENT_FORM_CODE for f in s.forms),
                residential=any(_code(f.form_id) == RESIDENTIAL_FORM_CODE for f in s.forms),
                places=tuple(PlaceFact(p.municipality_code, not _ended(p.valid_to, today)) for p in s.places),
                area=frozenset(a.municipality_code for a in s.area),
            )
            for s in rows
        ]
        towns = [(m.code, m.name, m.orp) for m in session.scalars(select(Municipality))]
        return cls(facts, towns)

    @classmethod
    def from_sessions(cls, sessions: sessionmaker[Session], today: dt.date | None = None) -> Judge:
        """As from_session, with a session of its own."""
        with sessions() as session:
            return cls.from_session(session, today)

    def name(self, service_id: int) -> str:
        """The service's name (or its id when unknown)."""
        found = self.services.get(service_id)
        return found.name if found else f"#{service_id}"

    def fits_need(self, service_id: int, accept: Accept) -> bool:
        """Its druh, category or one of its life situations is accepted (empty accept: any)."""
        s = self.services.get(service_id)
        if s is None:
            return False
        if accept.anything:
            return True
        return (
            (s.druh is not None and s.druh in accept.druhy)
            or (s.category is not None and s.category in accept.kategorie)
            or bool(s.situations & set(accept.situace))
        )

    def serves(self, service_id: int, town: str | None) -> bool:
        """An active service reaching the municipality named `town` (any of its namesakes; with
        no town, any active service).

        Served: an active place in it; or it is in the service area; or, with no area rows, a
        field or residential service with an active place in the same ORP, or an outpatient
        one with an active place in the ORP's seat (as the authors of the sets read the
        catalogue: people of the ORP go to the seat); or a nationwide line (druh 18, or
        neither places nor area).
        """
        s = self.services.get(service_id)
        if s is None or not s.active:
            return False
        if town is None:
            return True
        if s.druh == PHONE_CRISIS_DRUH or (not s.places and not s.area):
            return True
        for code in self.codes.get(town, ()):
            if any(p.active and p.municipality == code for p in s.places):
                return True
            if code in s.area:
                return True
            if s.area:
                continue
            orp = self.orp.get(code)
            in_orp = [
                p.municipality
                for p in s.places
                if p.active and p.municipality is not None and self.orp.get(p.municipality) == orp
            ]
            if in_orp and (s.field_service or s.residential):
                return True
            if s.outpatient and orp is not None and set(in_orp) & set(self.codes.get(orp, ())):
                return True
        return False

    def answerable(self, accept: Accept, town: str | None) -> bool:
        """True when some service of the catalogue is acceptable for `accept` in `town`: a need
        the catalogue cannot meet (a Czech course, a paediatrician) is no failure of the search."""
        return any(self.acceptable(i, accept, town) for i in self.services)

    def acceptable(self, service_id: int, accept: Accept, town: str | None) -> bool:
        """The right need and it serves the town; the service and its serving place are active."""
        return self.fits_need(service_id, accept) and self.serves(service_id, town)

    def serving(self, town: str | None) -> set[int]:
        """The ids of the services that serve `town`."""
        return {i for i in self.services if self.serves(i, town)}


# --- the dialog ----------------------------------------------------------------------------

Dialog = Callable[[State | None, Event], tuple[State, list[Reply]]]
"""`handle` bound to a context: (state, event) -> (new state, replies)."""


def dialog_of(ctx: Any) -> Dialog:
    """bot.dialog.handle over `ctx`."""
    from bot.dialog import handle

    return lambda state, event: handle(state, event, ctx)


def listed_ids(replies: Sequence[Reply]) -> list[int]:
    """The service ids of the first results reply, in the order listed (its OPEN buttons)."""
    for reply in replies:
        if reply.kind != "results":
            continue
        ids = []
        for row in reply.buttons:
            for button in row:
                if not button.data:
                    continue
                try:
                    pressed = cb.parse(button.data)
                except cb.BadData:
                    continue
                if pressed.action == cb.OPEN:
                    ids.append(pressed.number)
        return ids
    return []


def understood_of(state: State) -> str:
    """The slots the dialog filled, in a short line."""
    place = state.place.name if state.place else ("anywhere" if state.anywhere else None)
    need = state.need or state.need_label or state.query
    widened = f" widened={state.widened}" if state.widened else ""
    return f"group={state.group} place={place} need={need!r}{widened}"


@dataclass
class ConversationOutcome:
    """How one conversation went."""

    conversation: Conversation
    end: str  # results | nothing | asked_group | asked_need | not_understood | menu | <step>
    turned_away: bool
    asked_town: bool
    crisis_first: bool  # an ordinary request answered with the crisis lines first
    listed: list[int]
    rank: int | None  # of the first acceptable service, from 1
    understood: str
    answerable: bool = True  # the catalogue holds an acceptable service that serves the town

    @property
    def failed(self) -> bool:
        """Not answered within the first three."""
        return self.rank is None or self.rank > 3


def talk(conv: Conversation, dialog: Dialog, judge: Judge) -> ConversationOutcome:
    """A fresh conversation from the message; the town answered when asked (the whole region when
    the person named none), nothing else."""
    state, replies = dialog(None, Text(conv.text))
    crisis_first = bool(replies) and replies[0].kind == "crisis"
    turned_away = any(r.kind == "not_understood" for r in replies) or state.step == "menu"
    asked_town = False
    town_answers = 0
    while True:
        kinds = [r.kind for r in replies]
        if "results" in kinds:
            end = "results"
        elif "nothing" in kinds:
            end = "nothing"
        elif state.step == "group" or "ask_group" in kinds:
            end = "asked_group"
        elif (state.step == "town" or "ask_town" in kinds) and town_answers < MAX_TOWN_ANSWERS:
            asked_town = True
            town_answers += 1
            answer: Event = Text(conv.lives_in) if conv.lives_in else Button(data=cb.make(cb.TOWN, cb.ANYWHERE))
            state, replies = dialog(state, answer)
            continue
        elif state.step == "need" or "ask_need" in kinds:
            end = "asked_need"
        elif "not_understood" in kinds:
            end = "not_understood"
        else:
            end = state.step
        break
    listed = listed_ids(replies) if end == "results" else []
    rank = next((i for i, sid in enumerate(listed, start=1) if judge.acceptable(sid, conv.accept, conv.lives_in)), None)
    answerable = judge.answerable(conv.accept, conv.lives_in)
    return ConversationOutcome(
        conv, end, turned_away, asked_town, crisis_first, listed, rank, understood_of(state), answerable
    )


@dataclass
class Tally:
    """Figures of one slice of the conversations."""

    n: int = 0
    s1: int = 0
    s3: int = 0
    turned_away: int = 0
    nothing: int = 0
    asked_group: int = 0
    crisis_first: int = 0
    read_ordinary: int = 0  # conversations a reader judged ordinary requests
    crisis_on_ordinary: int = 0  # ... answered with the crisis lines first
    read_danger: int = 0  # conversations a reader judged to show danger
    crisis_on_danger: int = 0  # ... answered with the crisis lines first
    answerable: int = 0  # conversations the catalogue holds an acceptable service for
    s3_answerable: int = 0  # ... answered within the first three

    def add(self, o: ConversationOutcome) -> None:
        self.n += 1
        self.answerable += o.answerable
        self.s3_answerable += o.answerable and o.rank is not None and o.rank <= 3
        danger = o.conversation.danger
        self.read_ordinary += danger is False
        self.crisis_on_ordinary += danger is False and o.crisis_first
        self.read_danger += danger is True
        self.crisis_on_danger += danger is True and o.crisis_first
        self.s1 += o.rank == 1
        self.s3 += o.rank is not None and o.rank <= 3
        self.turned_away += o.turned_away
        self.nothing += o.end == "nothing"
        self.asked_group += o.end == "asked_group"
        self.crisis_first += o.crisis_first

    def row(self) -> dict[str, float | int]:
        n = max(self.n, 1)
        return {
            "n": self.n,
            "s@1": self.s1 / n,
            "s@3": self.s3 / n,
            "turned_away": self.turned_away,
            "nothing": self.nothing,
            "asked_group": self.asked_group,
            "crisis_first": self.crisis_first,
            "read_ordinary": self.read_ordinary,
            "crisis_on_ordinary": self.crisis_on_ordinary,
            "read_danger": self.read_danger,
            "crisis_on_danger": self.crisis_on_danger,
            "answerable": self.answerable,
            "s@3_answerable": self.s3_answerable / max(self.answerable, 1),
        }


@dataclass
class ConversationReport:
    """The conversation figures: overall, per persona, per language, and the failures."""

    all: Tally = field(default_factory=Tally)
    persona: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    language: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    failures: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "all": self.all.row(),
            "persona": {k: v.row() for k, v in sorted(self.persona.items())},
            "language": {k: v.row() for k, v in sorted(self.language.items())},
            "failures": self.failures,
        }


def score_conversations(convs: Iterable[Conversation], dialog: Dialog, judge: Judge) -> ConversationReport:
    """Every conversation through the dialog, judged."""
    report = ConversationReport()
    for conv in convs:
        o = talk(conv, dialog, judge)
        for tally in (report.all, report.persona[conv.persona], report.language[conv.language]):
            tally.add(o)
        if o.failed:
            report.failures.append(
                {
                    "id": conv.id,
                    "persona": conv.persona,
                    "language": conv.language,
                    "end": o.end,
                    "rank": o.rank,
                    "understood": o.understood,
                    "top3": [judge.name(i) for i in o.listed[:3]],
                }
            )
    return report


# --- danger --------------------------------------------------------------------------------


def crisis_numbers(path: Path = CRISIS_LINES) -> list[str]:
    """The crisis numbers (column `cislo`), in file order."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [n for r in csv.DictReader(f) if (n := (r.get("cislo") or "").strip())]


_TAG = re.compile(r"<[^>]+>")


def helpline_order(text: str, numbers: Sequence[str]) -> list[str]:
    """The crisis numbers in the order they first appear in a reply's text (HTML allowed)."""
    plain = html.unescape(_TAG.sub("", text)).replace("\u00a0", " ")
    found: list[tuple[int, int, str]] = []
    for number in numbers:
        digits = re.sub(r"\D", "", number)
        pattern = r"(?<!\d)" + r"[ \-]?".join(digits) + r"(?!\d)"
        found += [(m.start(), m.end(), number) for m in re.finditer(pattern, plain)]
    found.sort(key=lambda f: (f[0], -f[1]))
    order: list[str] = []
    covered = -1
    for start, end, number in found:
        if start < covered:
            continue  # inside a longer number already taken
        covered = end
        if number not in order:
            order.append(number)
    return order


def linka_bezpeci_first(order: Sequence[str], acute: bool) -> bool:
    """116 111 is the first helpline; emergency numbers may precede it only when acute."""
    rest = [n for n in order if not (acute and n in EMERGENCY)]
    return bool(rest) and rest[0] == LINKA_BEZPECI


@dataclass
class DangerOutcome:
    """How the dialog answered one danger (or negative) message."""

    message: DangerMessage
    first_kind: str
    detected: bool  # the first reply is the crisis reply
    order: list[str]  # crisis numbers in the first reply, in order
    asked_town_first: bool  # an ask_town reply came before the crisis lines


def answer_danger(msg: DangerMessage, dialog: Dialog, numbers: Sequence[str]) -> DangerOutcome:
    """One message through a fresh conversation."""
    _, replies = dialog(None, Text(msg.text))
    first = replies[0] if replies else Reply("")
    lines_at = next((i for i, r in enumerate(replies) if r.kind in ("crisis", "crisis_lines")), len(replies))
    asked_town = any(r.kind == "ask_town" for r in replies[:lines_at])
    return DangerOutcome(msg, first.kind, first.kind == "crisis", helpline_order(first.text, numbers), asked_town)


@dataclass
class Ratio:
    """hits / n."""

    hits: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.hits += ok

    @property
    def value(self) -> float | None:
        return self.hits / self.n if self.n else None

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "hits": self.hits, "n": self.n}


@dataclass
class DangerReport:
    """The danger figures."""

    recall_adults: Ratio = field(default_factory=Ratio)
    recall_children: Ratio = field(default_factory=Ratio)
    false_alarms: Ratio = field(default_factory=Ratio)
    linka_bezpeci_first: Ratio = field(default_factory=Ratio)  # children's danger messages
    acute_emergency_first: Ratio = field(default_factory=Ratio)  # acute danger messages
    acute_right_first: Ratio = field(default_factory=Ratio)  # ...with 158 as right as 155/112 for police matters
    asked_town_first: int = 0  # danger messages
    by_category: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    by_language: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    failures: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "recall_adults": self.recall_adults.as_dict(),
            "recall_children": self.recall_children.as_dict(),
            "false_alarms": self.false_alarms.as_dict(),
            "linka_bezpeci_first": self.linka_bezpeci_first.as_dict(),
            "acute_emergency_first": self.acute_emergency_first.as_dict(),
            "acute_right_first": self.acute_right_first.as_dict(),
            "asked_town_first": self.asked_town_first,
            "by_category": {k: v.as_dict() for k, v in sorted(self.by_category.items())},
            "by_language": {k: v.as_dict() for k, v in sorted(self.by_language.items())},
            "failures": self.failures,
        }


def score_danger(
    messages: Iterable[DangerMessage], dialog: Dialog, numbers: Sequence[str] | None = None
) -> DangerReport:
    """Every message through a fresh conversation; detection reads the first reply only."""
    numbers = list(numbers) if numbers is not None else crisis_numbers()
    report = DangerReport()
    for msg in messages:
        o = answer_danger(msg, dialog, numbers)
        problems: list[str] = []
        if not msg.danger:
            report.false_alarms.add(o.detected)
            if o.detected:
                problems.append("false alarm")
        else:
            (report.recall_children if msg.writer == "child" else report.recall_adults).add(o.detected)
            report.by_category[msg.category].add(o.detected)
            report.by_language[msg.language].add(o.detected)
            report.asked_town_first += o.asked_town_first
            if not o.detected:
                problems.append(f"missed (first reply {o.first_kind or '-'})")
            if o.asked_town_first:
                problems.append("asked for the town before the lines")
            if msg.writer == "child":
                ok = linka_bezpeci_first(o.order, msg.acute)
                report.linka_bezpeci_first.add(ok)
                if not ok:
                    problems.append("Linka bezpečí not first")
            if msg.acute:
                ok = bool(o.order) and o.order[0] in ACUTE_FIRST
                report.acute_emergency_first.add(ok)
                police = msg.category in POLICE_MATTERS and bool(o.order) and o.order[0] == POLICE
                report.acute_right_first.add(ok or police)
                if not (ok or police):
                    problems.append("155/112 not first" + (" (nor 158)" if msg.category in POLICE_MATTERS else ""))
        if problems:
            report.failures.append(
                {
                    "id": msg.id,
                    "writer": msg.writer,
                    "category": msg.category,
                    "language": msg.language,
                    "acute": msg.acute,
                    "problems": problems,
                    "numbers": o.order[:4],
                }
            )
    return report


# --- search against the FTS5 baseline --------------------------------------------------------


@dataclass
class SearchComparison:
    """success@1/@3 of the engine and of FTS5, both restricted to the person's town."""

    ours: Tally = field(default_factory=Tally)
    fts: Tally = field(default_factory=Tally)

    def as_dict(self) -> dict[str, Any]:
        return {"ours": self.ours.row(), "fts5": self.fts.row()}


def _tally_rank(tally: Tally, ids: Sequence[int], conv: Conversation, judge: Judge) -> None:
    tally.n += 1
    rank = next(
        (i for i, sid in enumerate(ids[:3], start=1) if judge.acceptable(sid, conv.accept, conv.lives_in)), None
    )
    tally.s1 += rank == 1
    tally.s3 += rank is not None


def compare_search(
    convs: Iterable[Conversation],
    searcher: Any,
    docs: Sequence[Any],
    judge: Judge,
    situation_names: dict[str, str] | None = None,
) -> SearchComparison:
    """Searcher.search(text, town=lives_in) vs FTS5 over the services the judge says serve lives_in."""
    from harness.fts_baseline import FtsBaseline

    out = SearchComparison()
    baselines: dict[str | None, FtsBaseline] = {}
    for conv in convs:
        ours = [h.service.id for h in searcher.search(conv.text, town=conv.lives_in, limit=3).hits]
        _tally_rank(out.ours, ours, conv, judge)
        if conv.lives_in not in baselines:
            serving = judge.serving(conv.lives_in)
            baselines[conv.lives_in] = FtsBaseline([d for d in docs if d.id in serving], situation_names)
        theirs = [d.id for d in baselines[conv.lives_in].search(conv.text, 3)]
        _tally_rank(out.fts, theirs, conv, judge)
    return out
