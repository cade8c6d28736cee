"""Message catalogues: complete in every language, placeholders kept, plural forms right."""

from __future__ import annotations

import re
import string

import pytest
from babel.messages.pofile import read_po

from bot.i18n import LANGUAGES, Safe, Translator, escape, normalise_language, po_path

BRACES = string.Formatter()


def catalogue(language: str):
    with po_path(language).open("rb") as f:
        return read_po(f, locale=language)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in BRACES.parse(text) if name}


def entries(language: str) -> dict[str, tuple[str, ...]]:
    found = {}
    for message in catalogue(language):
        if message.id:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            value = message.string if isinstance(message.string, tuple) else (message.string,)
            found[key] = tuple(value)
    return found


def test_every_language_has_every_message_translated() -> None:
    czech = entries("cs")
    assert len(czech) > 100
    for language in LANGUAGES:
        translated = entries(language)
        assert set(translated) == set(czech), language
        assert all(all(v.strip() for v in values) for values in translated.values()), language


@pytest.mark.parametrize("language", ["uk", "en"])
def test_translations_keep_the_placeholders(language) -> None:
    czech = entries("cs")
    for key, values in entries(language).items():
        for value in values:
            assert placeholders(value) == placeholders(czech[key][0]), (language, key)


@pytest.mark.parametrize("language", LANGUAGES)
def test_markup_in_messages_is_only_what_telegram_accepts(language) -> None:
    for key, values in entries(language).items():
        for value in values:
            tags = re.findall(r"</?([a-zA-Z]+)[^>]*>", value)
            assert set(tags) <= {"b", "i"}, (language, key)
            for tag in ("b", "i"):
                assert value.count(f"<{tag}>") == value.count(f"</{tag}>"), (language, key)


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("cs", {1: "1 služba", 2: "2 služby", 4: "4 služby", 5: "5 služeb", 11: "11 služeb", 0: "0 služeb"}),
        (
            "uk",
            {
                1: "1 послуга",
                2: "2 послуги",
                5: "5 послуг",
                11: "11 послуг",
                21: "21 послуга",
                24: "24 послуги",
            },
        ),
        ("en", {1: "1 service", 2: "2 services", 0: "0 services"}),
    ],
)
def test_plural_forms_follow_the_grammar_of_each_language(language, forms) -> None:
    t = Translator(language)
    for count, expected in forms.items():
        assert expected in t.plural("about.services", count)
        assert expected in t.plural("results.found", count)


def test_plural_forms_headers_are_declared() -> None:
    assert catalogue("cs").num_plurals == 3
    assert catalogue("uk").num_plurals == 3
    assert catalogue("en").num_plurals == 2


def test_values_are_escaped_but_safe_text_is_not() -> None:
    t = Translator("cs")
    assert t("card.name", name="Dům <Naděje> & spol.") == "<b>Dům &lt;Naděje&gt; &amp; spol.</b>"
    assert t("summary.where", where=Safe("<i>x</i>")) == "Hledám pomoc <i>x</i>."
    assert escape('"a" & b') == "&#34;a&#34; &amp; b"  # a numeric entity: Telegram's HTML reads it


def test_an_unknown_language_falls_back_to_czech() -> None:
    assert Translator("de")("btn.back") == "Zpět"
    assert Translator("de").language == "cs"


@pytest.mark.parametrize(
    ("code", "language"),
    [("uk", "uk"), ("en-GB", "en"), ("cs_CZ", "cs"), ("de", None), ("", None), (None, None)],
)
def test_telegram_language_codes_map_to_ours(code, language) -> None:
    assert normalise_language(code) == language


def test_keywords_are_lists() -> None:
    assert "zpět" in Translator("cs").words("kw.back")
    assert "назад" in Translator("uk").words("kw.back")


def test_every_kind_of_service_and_category_has_a_ukrainian_and_an_english_name() -> None:
    import csv
    import json

    from bot import CATALOG_DATA
    from bot.dialog.context import load_kind_names

    names = load_kind_names()
    druhy = json.loads((CATALOG_DATA / "ciselniky" / "druhy-socialni-sluzby.json").read_text(encoding="utf-8"))
    with (CATALOG_DATA / "katalog-ukazka.csv").open(encoding="utf-8") as f:
        categories = {r["kategorie"] for r in csv.DictReader(f, delimiter=";") if r["kategorie"]}
    wanted = {i["nazev"]["cs"] for i in druhy["polozky"]} | categories
    assert [n for n in sorted(wanted) if set(names.get(n, {})) != {"uk", "en"}] == []


def test_a_ukrainian_reader_sees_the_kind_of_service_in_ukrainian() -> None:
    from tests.test_dialog_fixtures import Chat, make_context, small_searcher

    chat = Chat(make_context(small_searcher(), language="uk"))
    chat.start()
    chat.say("потрібна служба догляду вдома в Kojetín")
    assert "догляд удома" in chat.text and "pečovatelská služba" not in chat.text
