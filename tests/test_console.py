"""The dialog in a terminal: numbered buttons, commands, locations, over stdin/stdout."""

from __future__ import annotations

import io

import pytest

from bot.catalog.bundled import load_bundled_data
from bot.console.prompt import event_for, plain, run_console, run_prompt
from bot.dialog import Button, Command, Location, Text
from bot.search.engine import Searcher
from tests.test_dialog_fixtures import make_context, small_searcher


@pytest.fixture
def searcher() -> Searcher:
    return small_searcher()


def talk(ctx, *lines: str) -> str:
    out = io.StringIO()
    assert run_console(ctx, io.StringIO("".join(f"{line}\n" for line in lines)), out) == 0
    return out.getvalue()


def test_a_scripted_session_goes_from_the_menu_to_a_card(searcher) -> None:
    output = talk(make_context(searcher), "1", "Kojetín", "1", "1", "")
    assert "[1] Senioři" in output
    assert "Hledám pomoc pro seniory v Kojetíně." in output
    assert "Hledám pomoc pro seniory v Kojetíně: dovoz obědů." in output
    assert "1. Pečovatelská služba Kojetín — pečovatelská služba · Kojetín" in output
    assert "Ověřeno: 14. 10. 2026" in output
    assert "<b>" not in output


def test_free_text_commands_and_urls_work_in_the_terminal(searcher) -> None:
    output = talk(make_context(searcher), "pečovatelka Kojetín", "1", "/jazyk en", "/help", "")
    assert "Našly se 2 služby." in output
    assert "🌐 Web (Odkaz: https://www.example.cz)" in output
    assert "I will write in English." in output
    assert "How to search with me" in output


def test_a_location_can_be_typed_when_asked_for(searcher) -> None:
    output = talk(make_context(searcher), "domov pro seniory", "8", "49.35, 17.30", "")
    assert "Polohu napište jako dvě čísla" in output
    assert "Nejblíže k místu, kde jste:" in output


def test_the_session_ends_at_the_end_of_input(searcher) -> None:
    out = io.StringIO()
    assert run_console(make_context(searcher), io.StringIO("1\n"), out) == 0


def test_typed_lines_become_events() -> None:
    buttons = [Button("A", "a"), Button("B", "b")]
    assert event_for("2", buttons, False) == Button(data="b")
    assert event_for("3", buttons, False) == Text("3")
    assert event_for("/jazyk uk", buttons, False) == Command("jazyk", "uk")
    assert event_for("49,45 17,45", buttons, True) == Location(49.45, 17.45)
    assert event_for("49.45 17.45", buttons, False) == Text("49.45 17.45")


def test_html_becomes_plain_text() -> None:
    assert plain("<b>Dům &lt;Naděje&gt; &amp; spol.</b>") == "Dům <Naděje> & spol."


def test_the_prompt_runs_over_the_bundled_catalogue(sessions) -> None:
    load_bundled_data(sessions)
    out = io.StringIO()
    assert run_prompt(sessions, io.StringIO("pečovatelka Kojetín\n1\n\n"), out) == 0
    output = out.getvalue()
    assert "Pečovatelská služba Kojetín" in output
    assert "Ověřeno:" in output


def test_searches_in_the_terminal_are_counted_once_in_the_statistics(sessions) -> None:
    from sqlalchemy import select

    from bot.stats.models import DemandEvent

    load_bundled_data(sessions)
    run_prompt(sessions, io.StringIO("pečovatelka Kojetín\npečovatelka Kojetín\n\n"), io.StringIO())
    with sessions() as s:
        events = s.scalars(select(DemandEvent)).all()
    assert [(e.channel, e.municipality_code) for e in events] == [("console", 514055)]


def test_a_message_about_danger_prints_the_crisis_lines_first(searcher) -> None:
    output = talk(make_context(searcher), "je mi 40 a chci skočit z mostu", "")
    answer = output[output.index("> ") :]  # after the start menu
    assert answer.startswith("> Jde-li o život nebo zdraví, volejte hned:\n📞 155")  # a bridge: acute
    assert answer.index("116 123") < answer.index("Ve které obci?")
    assert "mimo oblast" not in answer  # "z mostu" is a bridge here, not the town of Most


def test_a_parent_whose_child_is_missing_is_told_to_call_the_police_now(searcher) -> None:
    output = talk(make_context(searcher), "syn (12) se nevrátil z tréninku, mobil má vypnutý a je skoro půlnoc", "")
    answer = output[output.index("> ") :]
    assert answer.startswith("> Dítě se nevrátilo a nevíte, kde je? Volejte hned policii.")
    assert answer.index("158") < answer.index("116 000") < answer.index("606 021 021")
    assert "116 111" not in answer.split("Ve které obci?")[0]  # the line for children is not the parent's
