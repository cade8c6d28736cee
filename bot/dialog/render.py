"""Screens of the dialog as replies: menus, questions, crisis lines, help. Pure functions."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from bot.dialog import callbacks as cb
from bot.dialog.context import Context, Situation
from bot.dialog.events import MAX_DATA, MAX_TEXT, Button, Reply
from bot.dialog.state import PlaceSlot, State
from bot.families import FAMILIES
from bot.i18n import LANGUAGES, Safe, Translator, escape
from bot.safety.assessment import Assessment
from bot.safety.lines import CrisisLine

MAX_LABEL = 60
_TAG = re.compile(r"<[^>]+>")
Rows = list[tuple[Button, ...]]


def label(text: str, limit: int = MAX_LABEL) -> str:
    """A button label cut to a readable length."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cut(text: str, limit: int, *, keep_lines: bool = False) -> str:
    """Catalogue text on one line (or with its lines kept) cut to `limit` characters, before escaping."""
    if keep_lines:
        text = "\n".join(" ".join(line.split()) for line in text.strip().splitlines() if line.strip())
    else:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def lower_first(text: str) -> str:
    """ "Dovoz obědů" -> "dovoz obědů" (acronyms such as "DZR" stay)."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def upper_first(text: str) -> str:
    """Capitalise the first letter (sentence start)."""
    return text[:1].upper() + text[1:]


def msg(t: Translator, worker: bool, msgid: str, **values: object) -> Safe:
    """The message, or its shorter ".w" variant in worker mode when there is one."""
    if worker and t.raw(msgid + ".w") != msgid + ".w":
        return t(msgid + ".w", **values)
    return t(msgid, **values)


def fit(reply: Reply) -> Reply:
    """The reply within the transport's limits: text ≤ 4096 chars (cut at a line), data ≤ 64 bytes."""
    text = reply.text
    if len(text) > MAX_TEXT:
        head = text[: MAX_TEXT - 2]
        if "\n" in head:
            text = head[: head.rfind("\n")] + "\n…"
        else:
            text = escape(html.unescape(_TAG.sub("", head))[: MAX_TEXT // 2]) + "…"
    rows = tuple(
        row
        for row in (
            tuple(b for b in r if b.url or (b.data and len(b.data.encode()) <= MAX_DATA)) for r in reply.buttons
        )
        if row
    )
    return Reply(text, rows, reply.venue, reply.contact, reply.ask_location, reply.kind)


def lines(*parts: str | None) -> str:
    """Non-empty parts, one a line."""
    return "\n".join(p for p in parts if p)


# --- slots in words --------------------------------------------------------------------------


def place_phrase(t: Translator, ctx: Context, place: PlaceSlot | None, anywhere: bool) -> str:
    """ "v Kojetíně", "na Přerovsku", "kdekoli v regionu" (in the reader's language)."""
    if anywhere:
        return t("place.anywhere")
    if place is None:
        return ""
    if place.kind == "orp":
        region = ctx.regions.get(place.name)
        if t.language == "cs" and region and region.locative:
            return escape(region.locative)
        return t("place.orp", name=region.name if region else place.name)
    town = ctx.town_by_code.get(place.code or -1)
    if t.language == "cs" and town and town.locative:
        return escape(town.locative)
    return t("place.town", name=place.name)


def wider_phrase(t: Translator, ctx: Context, state: State) -> str:
    """Where a widened search looks: the town's ORP or the whole region."""
    town = ctx.town_by_code.get(state.place.code or -1) if state.place else None
    if state.widened == "orp" and town:
        return place_phrase(t, ctx, PlaceSlot(kind="orp", name=town.orp), False)
    return t("place.anywhere")


def need_phrase(t: Translator, ctx: Context, state: State) -> str:
    """The need in words: a life situation in the reader's language, or the search's label."""
    situation = ctx.situation_by_id.get(state.need or "")
    if situation is None and state.need_label:
        situation = next((s for s in ctx.situations if s.name == state.need_label), None)
    if situation:
        return lower_first(situation.name_in(t.language))
    if state.need_label:
        return lower_first(ctx.kind_in(state.need_label, t.language))
    return state.need or ""


def summary(t: Translator, ctx: Context, state: State) -> Safe:
    """ "Hledám pomoc pro seniory v Kojetíně: pečovatelská služba." — what was understood."""
    where = " ".join(
        p
        for p in (
            t(f"group.for.{state.group}") if state.group in FAMILIES else "",
            place_phrase(t, ctx, state.place, state.anywhere),
        )
        if p
    )
    need = need_phrase(t, ctx, state)
    if where and need:
        return t("summary.all", where=Safe(where), need=need)
    if need:
        return t("summary.need", need=need)
    if where:
        return t("summary.where", where=Safe(where))
    return Safe("")


# --- common buttons ---------------------------------------------------------------------------


def nav_row(t: Translator, state: State) -> tuple[Button, ...]:
    """Back and start again."""
    return (
        Button(t("btn.back"), cb.make(cb.BACK, state.list_id)),
        Button(t("btn.restart"), cb.RESTART),
    )


def crisis_row(t: Translator) -> tuple[Button, ...]:
    """The crisis lines, one tap away."""
    return (Button(t("btn.crisis"), cb.CRISIS),)


def family_rows(t: Translator) -> Rows:
    """One button per target-group family."""
    return [(Button(t(f"group.{f}"), cb.make(cb.GROUP, f)),) for f in FAMILIES]


# --- screens ----------------------------------------------------------------------------------


def start_menu(t: Translator, worker: bool) -> Reply:
    """The greeting, the privacy line and the ways to start."""
    text = lines(msg(t, worker, "menu.greeting"), t("menu.personal_data"), msg(t, worker, "menu.question"))
    rows = family_rows(t)
    rows.append((Button(t("btn.free"), cb.FREE),))
    rows.append((Button(t("btn.location"), cb.ASK_LOCATION), Button(t("btn.crisis"), cb.CRISIS)))
    return Reply(text, tuple(rows))


def ask_free(t: Translator, state: State) -> Reply:
    """Invite the user to write in their own words."""
    return Reply(t("ask.free"), (crisis_row(t), nav_row(t, state)))


def ask_group(t: Translator, state: State, worker: bool) -> Reply:
    """For whom is the help?"""
    rows = family_rows(t)
    rows.append((Button(t("btn.free"), cb.FREE),))
    rows.extend([crisis_row(t), nav_row(t, state)])
    return Reply(lines(msg(t, worker, "ask.group")), tuple(rows), kind="ask_group")


def ask_town(t: Translator, ctx: Context, state: State, worker: bool) -> Reply:
    """Which municipality? Buttons for the most populous, typing any works."""
    towns = [Button(label(town.name, 30), cb.make(cb.TOWN, town.code)) for town in ctx.popular_towns]
    rows: Rows = [tuple(towns[i : i + 2]) for i in range(0, len(towns), 2)]
    rows.append((Button(t("btn.anywhere"), cb.make(cb.TOWN, cb.ANYWHERE)), Button(t("btn.location"), cb.ASK_LOCATION)))
    rows.extend([crisis_row(t), nav_row(t, state)])
    return Reply(lines(msg(t, worker, "ask.town")), tuple(rows), kind="ask_town")


def need_button(t: Translator, situation: Situation) -> Button:
    """A life situation as a button."""
    return Button(label(situation.name_in(t.language)), cb.make(cb.NEED, cb.need_key(situation.id)))


def ask_need(t: Translator, ctx: Context, state: State, worker: bool) -> Reply:
    """What do you need? The life situations of the chosen family."""
    rows: Rows = [(need_button(t, s),) for s in ctx.situations_of(state.group)]
    rows.append((Button(t("btn.free"), cb.FREE),))
    rows.extend([crisis_row(t), nav_row(t, state)])
    return Reply(lines(msg(t, worker, "ask.need")), tuple(rows), kind="ask_need")


def ask_location(t: Translator, state: State) -> Reply:
    """Ask the adapter to offer its "share location" control."""
    return Reply(t("ask.location"), (nav_row(t, state),), ask_location=True)


def crisis_text(t: Translator, crisis_lines: Sequence[CrisisLine]) -> str:
    """All crisis lines as text, each with what it is for."""
    rows = [t("crisis.header")]
    for line in crisis_lines:
        key = "crisis.line.nonstop" if line.nonstop else "crisis.line"
        rows.append(t(key, number=line.number, name=line.name_in(t.language)))
        if line.description_in(t.language):
            rows.append(escape(line.description_in(t.language)))
    return "\n".join(rows)


def danger_screen(t: Translator, found: Assessment, chosen: Sequence[CrisisLine]) -> Reply:
    """The first answer to a message about danger: the lines chosen for it (`lines_for`), in order."""
    if found.missing_child:
        heading = t("danger.missing_child")
    elif found.acute:
        heading = t("danger.acute")
    elif found.writer == "child":
        heading = t("danger.child")
    else:
        heading = t("danger.heading")
    rows = [heading]
    for line in chosen:
        key = "crisis.line.nonstop" if line.nonstop else "crisis.line"
        rows.append(t(key, number=line.number, name=line.name_in(t.language)))
        if "akutni" not in line.tags and line.description_in(t.language):
            rows.append(escape(line.description_in(t.language)))
    return Reply("\n".join(rows), ((Button(t("btn.crisis_all"), cb.CRISIS),),), kind="crisis")


def behind_note(t: Translator, line: CrisisLine) -> Reply:
    """A quiet line after the answer when the writer says the harm lies behind them: the help
    that is there should it come back."""
    return Reply(t("danger.behind", number=line.number, name=line.name_in(t.language)), kind="aside")


def crisis_screen(t: Translator, ctx: Context) -> Reply:
    """All crisis lines; back returns to where the user was."""
    rows: Rows = [(Button(t("btn.back"), cb.HERE), Button(t("btn.restart"), cb.RESTART))]
    return Reply(lines(crisis_text(t, ctx.crisis_lines), t("crisis.footer")), tuple(rows), kind="crisis_lines")


def info_screen(text: str, t: Translator) -> Reply:
    """Help, privacy, about: text and a way back."""
    return Reply(text, ((Button(t("btn.back"), cb.HERE), Button(t("btn.restart"), cb.RESTART)),))


def language_menu(t: Translator) -> Reply:
    """The languages, each named in itself."""
    buttons = tuple(Button(Translator(code).raw("lang.self"), cb.make(cb.LANGUAGE, code)) for code in LANGUAGES)
    return Reply(t("lang.ask"), (buttons, (Button(t("btn.back"), cb.HERE),)))


def not_understood(t: Translator, state: State) -> Reply:
    """Not a social need: say what the bot does, offer the families and the crisis lines."""
    rows = family_rows(t)
    rows.extend([crisis_row(t), nav_row(t, state)])
    return Reply(lines(t("notfound.not_understood")), tuple(rows), kind="not_understood")
