"""One turn of the conversation: the state it changes and the replies it collects.

`Turn` is what `bot.dialog.flow.handle` builds for each event; commands (`commands.py`) and
button presses (`presses.py`) work on it too.
"""

from __future__ import annotations

import dataclasses
import logging

from bot.dialog import geo, searching
from bot.dialog.cardview import card_screen, wrong_reasons
from bot.dialog.context import Context
from bot.dialog.events import Reply
from bot.dialog.listing import PAGE_SIZE, nothing_screen, results_screen
from bot.dialog.render import (
    ask_free,
    ask_group,
    ask_need,
    ask_town,
    behind_note,
    crisis_screen,
    danger_screen,
    lines,
    lower_first,
    not_understood,
    place_phrase,
    start_menu,
    summary,
    upper_first,
    wider_phrase,
)
from bot.dialog.state import MAX_QUERY, PlaceSlot, State
from bot.dialog.words import keyword, query_without_place, writes_cyrillic, writes_english
from bot.families import FAMILIES
from bot.i18n import Safe, Translator
from bot.safety.assessment import NO_DANGER, UNNAMED_DANGER, VIOLENT, Assessment
from bot.safety.lines import lines_for

log = logging.getLogger(__name__)

MAX_INPUT = 1000
NEARBY_CANDIDATES = 200


def crisis_after(found: Assessment) -> str:
    """The key of the offer of local help after the crisis lines: a child is spoken to as "ty"."""
    return "crisis.after.child" if found.writer == "child" else "crisis.after"


CYRILLIC_LANGUAGE = "uk"  # the interface language for a message written in Cyrillic
ENGLISH_LANGUAGE = "en"  # ... and for one written in English


class Turn:
    """One event being answered: the state as it changes, the replies, lines to lead with."""

    def __init__(self, state: State, ctx: Context) -> None:
        self.state = state
        self.ctx = ctx
        self.replies: list[Reply] = []
        self.lead: list[str] = []

    @property
    def t(self) -> Translator:
        """The translator of the conversation's language."""
        return Translator(self.state.language or self.ctx.language)

    @property
    def worker(self) -> bool:
        """True in worker mode."""
        return self.ctx.worker if self.state.worker is None else self.state.worker

    def emit(self, reply: Reply) -> None:
        """Queue a reply; pending lead lines go at its top."""
        if self.lead:
            reply = dataclasses.replace(reply, text=lines(*self.lead, reply.text))
            self.lead = []
        self.replies.append(reply)

    # --- screens --------------------------------------------------------------------------

    def show(self) -> None:
        """Show the current step again (after an overlay, a language change, a back)."""
        s, t = self.state, self.t
        if s.step in ("group", "town", "need"):
            said = summary(t, self.ctx, s)
            if said:
                self.lead.append(said)
        if s.step == "free":
            self.emit(ask_free(t, s))
        elif s.step == "group":
            self.emit(ask_group(t, s, self.worker))
        elif s.step == "town":
            self.emit(ask_town(t, self.ctx, s, self.worker))
        elif s.step == "need":
            self.emit(ask_need(t, self.ctx, s, self.worker))
        elif s.step in ("results", "nearby"):
            self.results()
        elif s.step in ("card", "report"):
            self.card(s.card or 0, report=s.step == "report")
        else:
            self.emit(start_menu(t, self.worker))

    def restart(self, *, note: str | None = None) -> None:
        """A fresh conversation and the start menu."""
        self.state = self.state.cleared()
        if note:
            self.lead.append(note)
        self.emit(start_menu(self.t, self.worker))

    def stale(self) -> None:
        """A button of an older list, or data we never sent."""
        self.restart(note=self.t("stale"))

    def crisis(self) -> None:
        """The crisis lines; the state stays where it was."""
        self.emit(crisis_screen(self.t, self.ctx))

    def advance(self) -> None:
        """Ask for the first missing slot, or show the results when the slots suffice."""
        s = self.state
        if s.place is not None and s.place.kind == "outside":
            step = "results"
        elif not s.has_need:
            if not s.group:
                step = "group"
            elif not s.has_place:
                step = "town"
            else:
                step = "need" if self.ctx.situations_of(s.group) else "results"
        else:
            step = "town" if not s.has_place else "results"
        if step == "results":
            self.state = s.with_(step=step, page=0, card=None, list_id=s.list_id + 1)
        else:
            self.state = s.with_(step=step, page=0, card=None, widened="")
        self.show()

    # --- searching ------------------------------------------------------------------------

    def results(self) -> None:
        """The current page of results, widened to the ORP or the region when the place has none."""
        s, t = self.state, self.t
        result = searching.search(self.ctx, s)
        if s.widened == "":
            self.state = searching.count(self.ctx, self.state, s, result, self.t.language)
        if not result.hits and result.total > 0 and s.page > 0:
            self.state = s = s.with_(page=0)
            result = searching.search(self.ctx, s)
        if s.place is not None and s.place.kind == "outside":
            self.emit(nothing_screen(t, self.ctx, s, "place_outside"))
            return
        if not result.hits and result.reason == "not_in_place" and s.place and s.place.kind == "town" and not s.widened:
            for level in ("orp", "all"):
                trial = s.with_(widened=level, page=0)
                if level == "orp" and searching.town_arg(self.ctx, trial) is None:
                    continue
                wider = searching.search(self.ctx, trial)
                if wider.hits:
                    self.state = s = trial
                    result = wider
                    break
        any_group = ""
        if not result.hits and result.reason == "not_for_group" and s.group in FAMILIES and s.has_need:
            # the group would empty the list: search for everyone, and say so
            trial = s.with_(group=None, page=0)
            wider = searching.search(self.ctx, trial)
            if wider.hits:
                any_group = t("results.any_group", group=t(f"group.for.{s.group}"))
                self.state = s = trial
                result = wider
        if not result.hits:
            self.emit(nothing_screen(t, self.ctx, s, result.reason, lead=[summary(t, self.ctx, s)]))
            return
        named = s.with_(need_label=result.listed_label) if s.query and result.listed_label else s
        header = summary(t, self.ctx, named)
        if any_group:
            header = Safe(f"{any_group}\n{header}")
        where = Safe(upper_first(place_phrase(t, self.ctx, s.place, False)))
        if s.widened:
            widened = t("results.widened", where=where, wider=Safe(wider_phrase(t, self.ctx, s)))
            header = Safe(f"{header}\n{widened}")
        around = None
        if not s.widened and result.unreached and s.place is not None and s.place.kind == "town":
            # the kind of help asked for does not reach this village: say so before listing other
            # help, and offer that kind of help around it
            kind = self.ctx.kind_in(result.unreached, t.language)
            header = Safe(f"{header}\n{t('results.unreached', where=where, kind=lower_first(kind))}")
            around = t("btn.wider", kind=upper_first(kind))
        # only a field service comes to a place it does not sit in; a home or an office in the
        # ORP's town is reached by going there, and a line answers by phone
        comes = bool(s.place) and not s.widened
        docs = [(h.service, comes and not h.in_place and h.service.is_field_service, None) for h in result.hits]
        self.emit(results_screen(t, self.ctx, s, docs, result.total, worker=self.worker, header=header, wider=around))

    def widen(self) -> None:
        """Look for the asked help around the place: in its ORP, or the whole region without one."""
        s = self.state
        level = "orp" if searching.town_arg(self.ctx, s.with_(widened="orp")) is not None else "all"
        self.state = s.with_(step="results", widened=level, page=0)
        self.show()

    def card(self, service_id: int, *, report: bool = False) -> None:
        """Open a card (or its "what is wrong" question)."""
        card = self.ctx.cards(service_id)
        if card is None:
            self.stale()
            return
        self.state = self.state.with_(step="report" if report else "card", card=service_id)
        if report:
            self.emit(wrong_reasons(self.t, card, self.state))
        else:
            self.emit(card_screen(self.t, card, self.state, worker=self.worker, today=self.ctx.today))

    # --- events ---------------------------------------------------------------------------

    def back(self) -> None:
        """Un-answer the last question; from a card, back to its list."""
        s = self.state
        if s.step in ("card", "report"):
            self.state = s.with_(step="results", card=None)
            self.show()
        elif s.step in ("results", "nearby"):
            cleared = s.with_(need=None, query=None, need_label=None, widened="", page=0)
            if not s.has_need:
                cleared = cleared.with_(place=None, anywhere=False)
            self.state = cleared
            self.advance()
        elif s.step == "need":
            self.state = s.with_(place=None, anywhere=False, widened="")
            self.advance()
        elif s.step == "town":
            self.state = s.with_(group=None, need=None, query=None, need_label=None)
            self.advance()
        else:
            self.restart()

    def next_page(self) -> None:
        """ "další" typed: the next page when there is one."""
        if self.state.step == "results":
            self.state = self.state.with_(page=self.state.page + 1)
        self.show()

    def open_number(self, number: int) -> None:
        """A result number typed instead of tapped."""
        result = searching.search(self.ctx, self.state)
        index = number - 1 - self.state.page * PAGE_SIZE
        if 0 <= index < len(result.hits):
            self.card(result.hits[index].service.id)
        else:
            self.lead.append(self.t("results.tap"))
            self.show()

    def text(self, raw: str) -> None:
        """Free text: keywords, a result number, or words that fill slots."""
        text = " ".join(raw.split())[:MAX_INPUT]
        t = self.t
        word = keyword(text) if text else None
        if not text:
            self.show()
        elif word == "back":
            self.back()
        elif word in ("restart", "hello"):
            self.restart()
        elif word == "next":
            self.next_page()
        elif word == "crisis":
            self.crisis()
        elif text.isdigit() and self.state.step == "results":
            self.open_number(int(text))
        elif text.isdigit() and self.state.step == "nearby":
            self.emit(Reply(t("results.tap")))
        else:
            text = self.ctx.read(text)
            if self.state.language is None and self.t.language == "cs":
                # Ukrainian and Russian speakers read the Ukrainian interface more easily than Czech
                if writes_cyrillic(text):
                    self.state = self.state.with_(language=CYRILLIC_LANGUAGE)
                elif writes_english(text):
                    self.state = self.state.with_(language=ENGLISH_LANGUAGE)
            found = self.ctx.safety.assess(text)
            t = self.t  # in the language just read from the message
            if found.danger:
                self.emit(danger_screen(t, found, lines_for(found, self.ctx.crisis_lines)))
            self.fill_from(text, found=found)
            if found.behind:
                # "byla jsem obětí násilí…": the answer first, then the line should it come back
                behind = lines_for(Assessment(categories=found.behind), self.ctx.crisis_lines)
                if behind:
                    self.emit(behind_note(t, behind[0]))

    def fill_from(self, text: str, *, found: Assessment = NO_DANGER) -> None:
        """Fill the slots the search understands in `text`, then ask for what is missing.

        A target group is taken from the words only when they name no need: with a need,
        the group the words imply ranks the services but never filters them out. In danger,
        a message that names no need searches the local help for that danger.
        """
        t, s = self.t, self.state
        # a relative who hurts or hurt ("táta mě bije", "мать меня била") is not the one to
        # help: no group from the word
        hurt = found.violent or bool(found.behind & VIOLENT)
        probe = self.ctx.searcher.search(text, limit=1, relatives=not hurt)
        understood = probe.understood
        place = PlaceSlot.of(understood.place) if understood.place else None
        if found.danger and place is not None and place.kind == "outside":
            place = None  # "skočit z mostu" names a bridge, not the town of Most
        families = [f for f in understood.families if f in FAMILIES]
        need = bool(understood.needs) or (probe.reason is None and probe.total > 0 and bool(understood.leftover))
        # an everyday matter ("autoservis přerov") gets the polite no; words we do not know beside
        # a town ("дружина має епілепсію… Ми в Пршерові") are asked what help is needed there
        unknown = probe.reason == "not_understood" and bool(understood.leftover) and not need and not families
        off_topic = unknown and (understood.off_topic or place is None)
        danger_need = self.danger_need(found)
        # a child in danger is offered the child's local help (a crisis centre, the lines) even
        # when the words point to adults' help ("táta mě mlátí" -> intervention centres,
        # "už nemůžu" -> respite care); "Jiná pomoc" stays. A danger only the learned model
        # sees names nothing: then the need the words name is what the person asked for.
        named = bool(found.categories - {UNNAMED_DANGER})
        if danger_need and (not understood.needs or (found.writer == "child" and named)):
            self.state = s.with_(
                need=danger_need,
                query=None,
                need_label=None,
                group=None,
                **({"place": place, "anywhere": False, "widened": ""} if place else {}),
            )
            self.lead.append(t(crisis_after(found)))
            self.advance()
            return
        past_need = self.danger_need(Assessment(categories=found.behind, writer=found.writer))
        if past_need and (not understood.needs or understood.guessed):
            # "jako dítě mě matka bila, chci to s někým zpracovat": the help for that harm
            where = {"place": place, "anywhere": False, "widened": ""} if place else {}
            self.state = s.with_(need=past_need, query=None, need_label=None, group=None, **where)
            self.lead.append(t("understood"))
            self.advance()
            return
        if off_topic or not (place or families or need):
            if found.danger:
                self.state = s.with_(step="group")
                self.lead.append(t(crisis_after(found)))
                self.emit(ask_group(t, self.state, self.worker))
            elif s.step in ("town", "need"):
                self.lead.append(t(f"notfound.{s.step}"))
                self.show()
            else:
                self.emit(not_understood(t, s))
            return
        changes: dict[str, object] = {}
        if place:
            changes.update(place=place, anywhere=False, widened="")
        if need:
            query = query_without_place(text, place, self.ctx)[:MAX_QUERY] or None
            label = understood.need_labels[0] if understood.need_labels else None
            changes.update(need=None, query=query, need_label=label)
            if understood.needs and not understood.terms:
                # no word named it, the needs model read it in the whole message: keep what it
                # read, as the words left without the place may no longer say it as clearly
                changes.update(need=understood.needs[0].key, query=None)
            if s.group and families and s.group not in families:
                changes["group"] = None  # the words point elsewhere than the group chosen before
        elif families:
            changes["group"] = families[0]
        self.state = s.with_(**changes)
        if understood.needs or understood.place or families:
            self.lead.append(t("understood"))
        self.advance()

    def danger_need(self, found: Assessment) -> str | None:
        """The life situation whose local services help in this danger, if the catalogue has it."""
        for category, need in self.ctx.danger_needs.items():  # in the order of the file
            situation = need.for_writer(found.writer)
            if category in found.categories and situation in self.ctx.situation_by_id:
                return situation
        return None

    def location(self, lat: float, lon: float) -> None:
        """A shared location: the nearest services for the need, else the nearest town. Never kept."""
        point = (lat, lon)
        t = self.t
        town = geo.nearest_town(self.ctx.town_centres, dict(self.ctx.town_by_code), point)
        if town:
            place = PlaceSlot(kind="town", name=town.name, code=town.code)
            self.state = self.state.with_(place=place, anywhere=False, widened="")
        s = self.state
        if s.has_need:
            result = searching.search(self.ctx, s, candidates=NEARBY_CANDIDATES)
            near = geo.nearest_services([h.service for h in result.hits], point, limit=PAGE_SIZE)
            if near:
                self.state = searching.count(self.ctx, self.state, s, result, self.t.language, kind="nearby")
                self.state = s = s.with_(step="nearby", page=0, card=None, list_id=s.list_id + 1)
                header = lines(summary(t, self.ctx, s.with_(place=None)), t("nearby.header"))
                docs = [(doc, False, km) for doc, km in near]
                self.emit(results_screen(t, self.ctx, s, docs, len(docs), worker=self.worker, header=header))
                return
        if town:
            self.lead.append(t("nearby.town", town=town.name))
            self.advance()
        else:
            self.state = s.with_(step="town")
            self.lead.append(t("nearby.unknown"))
            self.emit(ask_town(t, self.ctx, self.state, self.worker))
