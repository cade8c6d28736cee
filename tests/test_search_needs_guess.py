"""When no word of a message is known, the needs model may name the life situation; never more."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.search.documents import CatalogueView
from bot.search.engine import NOT_UNDERSTOOD, Searcher
from bot.search.textmodel import TextModel
from tests.test_search_engine import KOJETIN, PREROV, TOWNS, service

pytest.importorskip("sklearn")

DRAGONS = [f"u nás doma {i}. den straší zelený drak a nevíme si rady" for i in range(10)]
OTHERS = [f"potřebujeme poradit s úplně jinou věcí číslo {i}" for i in range(10)]


@pytest.fixture(scope="module")
def guesser(tmp_path_factory: pytest.TempPathFactory) -> TextModel:
    from bot.search.training import train_needs, write

    root = tmp_path_factory.mktemp("sets")
    (root / "x").mkdir()
    rows = [{"text": t, "accept": {"situace": ["dluhy"]}} for t in DRAGONS]
    rows += [{"text": t, "accept": {"situace": ["osamelost"]}} for t in OTHERS]
    (root / "x" / "conversations.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
    )
    path = root / "needs.json.gz"
    write(train_needs(["x"], root), path)
    return TextModel.load(path)


def searcher_with(guesser: TextModel | None) -> Searcher:
    services = [
        service("Dluhová poradna", "poradenstvi", PREROV, groups=("osoby v krizi",), situations=frozenset({"dluhy"})),
        service("Pečovatelská služba Kojetín", "pecovatelska", KOJETIN, field=True, area=[KOJETIN]),
    ]
    return Searcher(CatalogueView(services, TOWNS, {"dluhy": "Dluhy"}), needs_guesser=guesser)


def test_a_message_no_word_of_which_is_known_gets_the_situation_the_model_reads(guesser) -> None:
    message = "v kuchyni se nám usadil zelený drak, co s tím"
    assert searcher_with(None).search(message).reason == NOT_UNDERSTOOD
    result = searcher_with(guesser).search(message)
    assert [h.service.name for h in result.hits] == ["Dluhová poradna"]
    assert result.understood.need_labels == ("Dluhy",)


def test_no_guess_for_a_word_or_two(guesser) -> None:
    assert searcher_with(guesser).search("zelený drak").reason == NOT_UNDERSTOOD


def test_no_guess_when_the_vocabulary_understood_the_need(guesser) -> None:
    understood, _, _ = searcher_with(guesser).understand("pečovatelka pro zeleného draka v Kojetíně")
    assert [n.key for n in understood.needs if n.kind == "situace"] != ["dluhy"]


def test_a_word_that_names_only_a_group_still_lets_the_model_read_the_need(guesser) -> None:
    # "senior" names whom the help is for, not what help: the model reads the rest of the message
    understood, _, _ = searcher_with(guesser).understand("senior tady, v kuchyni se nám usadil zelený drak, co s tím")
    assert [n.key for n in understood.needs] == ["dluhy"] and understood.guessed


def test_a_guess_the_catalogue_has_no_service_for_is_not_made(tmp_path: Path, guesser) -> None:
    services = [service("Pečovatelská služba Kojetín", "pecovatelska", KOJETIN, field=True, area=[KOJETIN])]
    searcher = Searcher(CatalogueView(services, TOWNS, {}), needs_guesser=guesser)
    assert searcher.search("v kuchyni se nám usadil zelený drak, co s tím").reason == NOT_UNDERSTOOD


def test_the_dialog_keeps_the_situation_the_model_read_in_the_whole_message(guesser) -> None:
    from tests.test_dialog_fixtures import Chat, make_context

    chat = Chat(make_context(searcher_with(guesser)))
    chat.start()
    replies = chat.say("v kuchyni se nám usadil zelený drak, co s tím, bydlíme v Přerově")
    assert chat.state.need == "dluhy" and chat.state.query is None
    assert replies[-1].kind == "results" and "Dluhová poradna" in chat.text
