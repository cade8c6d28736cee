"""Button presses: parse and validate the callback data, then fill a slot or act on a card."""

from __future__ import annotations

import logging

from bot.dialog import callbacks as cb
from bot.dialog.cardview import contact_reply, map_reply, share_replies
from bot.dialog.events import Button, Reply
from bot.dialog.render import ask_location
from bot.dialog.state import PlaceSlot
from bot.dialog.turn import Turn
from bot.families import FAMILIES
from bot.i18n import LANGUAGES

log = logging.getLogger(__name__)


def press(turn: Turn, data: str) -> None:
    """A button press, validated: stale or forged data restarts politely."""
    try:
        p = cb.parse(data)
    except cb.BadData:
        turn.stale()
        return
    if p.list_id is not None and p.list_id != turn.state.list_id:
        turn.stale()
        return
    s = turn.state
    simple = {
        cb.MENU: turn.restart,
        cb.RESTART: turn.restart,
        cb.CRISIS: turn.crisis,
        cb.HERE: turn.show,
        cb.BACK: turn.back,
    }
    if p.action in simple:
        simple[p.action]()
    elif p.action == cb.WIDER:
        if s.step == "results" and s.place is not None:
            turn.widen()
        else:
            turn.show()  # pressed under an older screen: show where the conversation is
    elif p.action == cb.FREE:
        turn.state = s.with_(step="free")
        turn.show()
    elif p.action == cb.ASK_LOCATION:
        turn.emit(ask_location(turn.t, s))
    elif p.action == cb.CHANGE_TOWN:
        turn.state = s.with_(place=None, anywhere=False, widened="")
        turn.advance()
    elif p.action == cb.CHANGE_NEED:
        turn.state = s.with_(need=None, query=None, need_label=None, widened="")
        turn.advance()
    elif p.action in (cb.CHANGE_GROUP, cb.ANY_GROUP):
        turn.state = s.with_(group=None, widened="")
        turn.advance()
    elif p.action == cb.GROUP:
        choose_group(turn, p.arg)
    elif p.action == cb.TOWN:
        choose_town(turn, p.arg, p.number)
    elif p.action == cb.NEED:
        choose_need(turn, p.arg)
    elif p.action == cb.LANGUAGE:
        set_language(turn, p.arg)
    elif p.action == cb.OPEN:
        turn.card(p.number)
    elif p.action == cb.PAGE:
        turn.state = s.with_(step="results", page=p.number, card=None)
        turn.show()
    else:
        card_action(turn, p)


def choose_group(turn: Turn, family: str) -> None:
    """A family button; a need of another family is dropped."""
    if family not in FAMILIES:
        turn.stale()
        return
    s = turn.state
    situation = turn.ctx.situation_by_id.get(s.need or "")
    changes: dict[str, object] = {"group": family, "widened": ""}
    if situation is not None and situation.family != family:
        changes["need"] = None
    turn.state = s.with_(**changes)
    turn.advance()


def choose_town(turn: Turn, arg: str, code: int) -> None:
    """A town button, or "anywhere in the region"."""
    if arg == cb.ANYWHERE:
        turn.state = turn.state.with_(place=None, anywhere=True, widened="")
    elif code in turn.ctx.town_by_code:
        town = turn.ctx.town_by_code[code]
        place = PlaceSlot(kind="town", name=town.name, code=town.code)
        turn.state = turn.state.with_(place=place, anywhere=False, widened="")
    else:
        turn.stale()
        return
    turn.advance()


def choose_need(turn: Turn, key: str) -> None:
    """A life-situation button (its id, or the hash of a long id)."""
    ctx = turn.ctx
    situation = ctx.situation_by_id.get(key) or next((s for s in ctx.situations if cb.need_key(s.id) == key), None)
    if situation is None:
        turn.stale()
        return
    group = turn.state.group or situation.family
    turn.state = turn.state.with_(need=situation.id, query=None, need_label=None, group=group, widened="")
    turn.advance()


def set_language(turn: Turn, code: str) -> None:
    """Switch the language and show the current step in it."""
    if code not in LANGUAGES:
        turn.stale()
        return
    turn.state = turn.state.with_(language=code)
    turn.lead.append(turn.t("lang.set"))
    turn.show()


def card_action(turn: Turn, p: cb.Pressed) -> None:
    """Map, contact, share, "information is wrong" — each bound to one existing service."""
    card = turn.ctx.cards(p.number)
    if card is None:
        turn.stale()
        return
    t = turn.t
    if p.action == cb.MAP:
        turn.emit(map_reply(t, card))
    elif p.action == cb.CONTACT:
        turn.emit(contact_reply(t, card))
    elif p.action == cb.SHARE:
        for reply in share_replies(t, card, turn.ctx.today):
            turn.emit(reply)
    elif p.action == cb.WRONG and not p.arg:
        turn.card(card.id, report=True)
    else:
        try:
            turn.ctx.on_feedback(card.id, p.arg)
        except Exception:
            log.exception("on_feedback failed")
        turn.state = turn.state.with_(step="card", card=card.id)
        turn.emit(Reply(t("wrong.thanks"), ((Button(t("btn.back_to_card"), cb.HERE),),)))
