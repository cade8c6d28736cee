"""Inline mode: `@bot pečovatelská Kojetín` in any chat lists services whose message is the card."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from harness.fake_bot_api import User, html_error
from tests.test_telegram_fixtures import RunningBot, bot, catalogue_template, db_url  # noqa: F401 - fixtures

WORKER = User(2001, "Marie", "cs")
OKSANA = User(2002, "Оксана", "uk")


async def inline_answer(running: RunningBot, user: User, query: str) -> dict:
    """Send an inline query and return the parameters of the bot's answer to it."""
    api = running.api
    before = len(api.calls_of("answerInlineQuery"))
    api.inline_query(user, query)
    calls = await api.wait_calls("answerInlineQuery", before + 1)
    return calls[-1].params


async def test_an_inline_query_lists_services_whose_message_is_the_card(bot: RunningBot) -> None:  # noqa: F811
    answer = await inline_answer(bot, WORKER, "pečovatelská Kojetín")
    results = answer["results"]
    assert results and results[0]["type"] == "article"
    titles = [r["title"] for r in results]
    assert "Pečovatelská služba Kojetín" in titles
    first = results[titles.index("Pečovatelská služba Kojetín")]
    assert "pečovatelská služba" in first["description"]
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content["message_text"].startswith("<b>Pečovatelská služba Kojetín</b>")
    assert "058 100 301" in content["message_text"]
    assert html_error(content["message_text"]) is None
    assert first["reply_markup"]["inline_keyboard"][0][0]["url"].startswith("https://")
    assert len({r["id"] for r in results}) == len(results)
    assert "button" not in answer


async def test_an_empty_or_fruitless_query_offers_the_bots_chat(bot: RunningBot) -> None:  # noqa: F811
    empty = await inline_answer(bot, WORKER, "  ")
    assert empty["results"] == []
    assert empty["button"] == {"text": "Otevřít Síť pomoci", "start_parameter": "inline"}
    nothing = await inline_answer(bot, OKSANA, "xqzvw")
    assert nothing["results"] == []
    assert nothing["button"]["text"] == "Нічого не знайдено — шукати в чаті"


async def test_inline_queries_are_not_counted_but_a_picked_result_is(bot: RunningBot, db_url: str) -> None:  # noqa: F811
    api = bot.api
    for partial in ("peč", "pečova", "pečovatelská Kojetín"):
        await inline_answer(bot, WORKER, partial)
    assert bot.recorder.flush(5)
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM demand_event")) == 0
    chosen = {"result_id": "12", "from": WORKER.as_dict(), "query": "pečovatelská Kojetín"}
    api.push({"chosen_inline_result": chosen})
    await api.wait_for(lambda: api.pending == 0, what="the chosen result consumed")

    def counted() -> int:
        bot.recorder.flush(5)
        with engine.connect() as conn:
            return int(conn.scalar(text("SELECT count(*) FROM demand_event WHERE channel = 'inline'")))

    await api.wait_for(lambda: counted() == 1, what="the picked result counted")
    engine.dispose()


async def test_an_inline_query_about_danger_shows_the_crisis_lines_first(bot: RunningBot) -> None:  # noqa: F811
    answer = await inline_answer(bot, WORKER, "manžel ji bije")
    first = answer["results"][0]
    assert first["title"] == "🆘 Krizové linky"
    assert first["description"].startswith("116 006")
    assert "116 006" in first["input_message_content"]["message_text"]
