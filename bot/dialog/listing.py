"""Result lists and the "nothing found" answers with their alternatives."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from babel.numbers import format_decimal

from bot.dialog import callbacks as cb
from bot.dialog.context import Context
from bot.dialog.events import Button, Reply
from bot.dialog.render import (
    Rows,
    crisis_row,
    crisis_text,
    cut,
    family_rows,
    lines,
    msg,
    nav_row,
    need_button,
    place_phrase,
    upper_first,
)
from bot.dialog.state import State
from bot.i18n import Safe, Translator, escape
from bot.search.documents import ServiceDoc

PAGE_SIZE = 5
RELATED_NEEDS = 6


def hit_line(
    t: Translator,
    ctx: Context,
    number: int,
    doc: ServiceDoc,
    *,
    comes: bool = False,
    km: float | None = None,
    worker: bool = False,
) -> str:
    """One result: what it is and where ("1. Name — pečovatelská služba · Přerov · přijede i k vám")."""
    details: list[str] = []
    if doc.kind:
        details.append(escape(cut(ctx.kind_in(doc.kind, t.language), 80)))
    if doc.serves_everyone:
        details.append(t("results.by_phone"))
    elif doc.place_names:
        details.append(escape(cut(", ".join(doc.place_names[:2]), 80)))
    if comes and not doc.serves_everyone:  # a line answers by phone; it does not come
        details.append(t("results.comes"))
    if km is not None:
        details.append(t("results.km", km=format_decimal(round(km, 1), format="0.0", locale=t.language)))
    if worker:
        card = ctx.cards(doc.id)
        if card and card.phones:
            details.append(escape("📞 " + cut(card.phones[0], 30)))
    name = cut(doc.name, 150)
    if not details:
        return t("results.line.bare", i=number, name=name)
    return t("results.line", i=number, name=name, details=Safe(" · ".join(details)))


def _change_row(t: Translator, state: State) -> tuple[Button, ...]:
    row = [Button(t("btn.change_town"), cb.CHANGE_TOWN)]
    if state.has_need:
        row.append(Button(t("btn.change_need"), cb.CHANGE_NEED))
    return tuple(row)


def results_screen(
    t: Translator,
    ctx: Context,
    state: State,
    docs: Sequence[tuple[ServiceDoc, bool, float | None]],
    total: int,
    *,
    worker: bool,
    header: str | None = None,
    wider: str | None = None,
) -> Reply:
    """One page of results: numbered lines, a button per result, paging, changes, crisis, nav.

    `docs` are (service, comes to the place, distance in km or None); `wider` labels a button
    that looks for the asked kind of help around the place when none reaches it.
    """
    first = state.page * PAGE_SIZE
    body = [
        hit_line(t, ctx, first + i + 1, doc, comes=comes, km=km, worker=worker)
        for i, (doc, comes, km) in enumerate(docs)
    ]
    count = t.plural("results.found", total)
    if total > PAGE_SIZE:
        count = Safe(f"{count} {t('results.page', first=first + 1, last=first + len(docs))}")
    text = lines(header, count, "\n".join(body), msg(t, worker, "results.tap"))
    rows: Rows = [
        tuple(Button(str(first + i + 1), cb.make(cb.OPEN, state.list_id, doc.id)) for i, (doc, _, _) in enumerate(docs))
    ]
    paging = []
    if state.page > 0:
        paging.append(Button(t("btn.prev"), cb.make(cb.PAGE, state.list_id, state.page - 1)))
    if first + len(docs) < total:
        paging.append(Button(t("btn.next"), cb.make(cb.PAGE, state.list_id, state.page + 1)))
    if paging:
        rows.append(tuple(paging))
    if wider:
        rows.append((Button(wider, cb.WIDER),))
    rows.extend([_change_row(t, state), crisis_row(t), nav_row(t, state)])
    return Reply(text, tuple(rows), kind="results")


def nothing_screen(t: Translator, ctx: Context, state: State, reason: str | None, *, lead: Iterable[str] = ()) -> Reply:
    """Nothing found: say so plainly and offer what else can help — never a dead end."""
    where = place_phrase(t, ctx, state.place, state.anywhere)
    extra: list[str] = []
    rows: Rows = []
    if reason == "place_outside":
        regions = ", ".join(sorted({town.orp for town in ctx.towns})) or "—"
        extra.append(t("notfound.place_outside", place=state.place.name if state.place else "", regions=regions))
        extra.append(crisis_text(t, ctx.crisis_lines))
        rows.append((Button(t("btn.change_town"), cb.CHANGE_TOWN),))
    elif reason == "not_for_group":
        extra.append(t("notfound.not_for_group"))
        rows.append((Button(t("btn.any_group"), cb.ANY_GROUP),))
    elif reason == "not_in_place" and where:
        extra.append(t("notfound.not_in_place", where=Safe(upper_first(where))))
    elif reason == "not_understood":
        extra.append(t("notfound.not_understood"))
    else:
        extra.append(t("notfound.no_service"))
    extra.append(t("notfound.alternatives"))
    related = [s for s in ctx.situations_of(state.group) if s.id != state.need][:RELATED_NEEDS]
    if related:
        rows.extend((need_button(t, s),) for s in related)
    elif not state.group:
        rows.extend(family_rows(t))
    if reason != "place_outside":
        rows.append(_change_row(t, state))
    rows.extend([crisis_row(t), nav_row(t, state)])
    return Reply(lines(*lead, *extra), tuple(rows), kind="nothing")
