"""Slash commands: /start, /help, /privacy, /about, /jazyk, /pracovnik, /krize, /zapomen."""

from __future__ import annotations

from bot.dialog.events import Button, Reply
from bot.dialog.presses import set_language
from bot.dialog.render import info_screen, language_menu
from bot.dialog.state import State
from bot.dialog.turn import Turn
from bot.i18n import normalise_language
from bot.search.text import fold

COMMANDS = {
    "start": "start",
    "menu": "start",
    "help": "help",
    "pomoc": "help",
    "napoveda": "help",
    "privacy": "privacy",
    "soukromi": "privacy",
    "about": "about",
    "o_botu": "about",
    "info": "about",
    "jazyk": "language",
    "language": "language",
    "lang": "language",
    "mova": "language",
    "pracovnik": "worker",
    "worker": "worker",
    "krize": "crisis",
    "krizove_linky": "crisis",
    "sos": "crisis",
    "zpet": "back",
    "back": "back",
    "znovu": "restart",
    "restart": "restart",
    "zapomen": "forget",
    "forget": "forget",
    "zabud": "forget",
}


def run_command(turn: Turn, name: str, args: str = "") -> None:
    """Answer a command (name without the slash; "@botname" and case are ignored)."""
    kind = COMMANDS.get(fold(name.lstrip("/").split("@")[0]))
    t, ctx = turn.t, turn.ctx
    if kind == "start":
        turn.restart()
    elif kind == "help":
        turn.emit(info_screen(t("help.text"), t))
    elif kind == "privacy":
        hours = f"{ctx.conversation_hours:g}"
        turn.emit(info_screen(t("privacy.text", hours=hours), t))
    elif kind == "about":
        regions = ", ".join(sorted({town.orp for town in ctx.towns})) or "—"
        services = t.plural("about.services", len(ctx.services))
        turn.emit(info_screen(t("about.text", regions=regions, services=services), t))
    elif kind == "language":
        code = normalise_language(args.strip())
        if code:
            set_language(turn, code)
        else:
            turn.emit(language_menu(t))
    elif kind == "worker":
        on = not turn.worker
        turn.state = turn.state.with_(worker=on)
        turn.lead.append(t("worker.on" if on else "worker.off"))
        turn.show()
    elif kind == "crisis":
        turn.crisis()
    elif kind == "back":
        turn.back()
    elif kind == "restart":
        turn.restart()
    elif kind == "forget":
        turn.state = State()  # nothing of the conversation is kept, not even its language
        turn.restart(note=t("forget.done"))
    else:
        turn.emit(Reply(t("command.unknown"), ((Button(t("btn.menu"), "menu"),),)))
