"""Nothing that could identify a person reaches the statistics tables."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import DateTime, Float, Numeric, Time, inspect, select

from bot.search.documents import CatalogueView, ServiceDoc, Town
from bot.search.engine import Searcher
from bot.search.text import tokenize
from bot.stats.models import DemandEvent, DemandTerm, FeedbackEvent
from bot.stats.recorder import record_feedback, record_search
from bot.stats.scrub import Scrubber, default_scrubber
from tests.test_stats_support import KOJETIN, PREROV, add_towns

STATS_TABLES = ("demand_event", "demand_term", "feedback_event")
FORBIDDEN_NAME = re.compile(r"user|chat|message|lat|lon|time", re.IGNORECASE)


def searcher() -> Searcher:
    towns = [
        Town(PREROV, "Přerov", "Přerov", 41000, "v Přerově"),
        Town(KOJETIN, "Kojetín", "Přerov", 6000, "v Kojetíně"),
    ]
    service = ServiceDoc(
        id=1,
        name="Pečovatelská služba Kojetín",
        provider="Město Kojetín",
        druh_id="DruhSocialniSluzby/4",
        druh_name="pečovatelská služba",
        target_groups=frozenset({"senioři"}),
        forms=frozenset({"FormaSocialniSluzby/ter"}),
        place_codes=frozenset({KOJETIN}),
        place_names=("Kojetín",),
    )
    return Searcher(CatalogueView([service], towns))


def scrub(query: str) -> list[str]:
    return default_scrubber().unmatched_terms(query, tokenize(query))


def test_no_identifier_of_a_person_is_ever_stored(engine, session) -> None:
    inspector = inspect(engine)
    for table in STATS_TABLES:
        for column in inspector.get_columns(table):
            assert not FORBIDDEN_NAME.search(column["name"]), f"{table}.{column['name']}"
            assert not isinstance(column["type"], (DateTime, Time, Float, Numeric)), f"{table}.{column['name']}"
    add_towns(session)
    query = (
        "Dobrý den, potřebuji pečovatelku pro paní Novákovou v Kojetíně, volejte 777 123 456 "
        "nebo jan.novak@seznam.cz, bydlí u Jany na 49.4551, 17.4509, viz www.novakovi.cz"
    )
    result = searcher().search(query)
    assert record_search(engine, result, channel="telegram", language="cs-CZ", query=query)
    assert record_feedback(engine, 1, "phone")
    stored: list[object] = []
    with engine.connect() as conn:
        for stats_table in (DemandEvent.__table__, DemandTerm.__table__, FeedbackEvent.__table__):
            for row in conn.execute(select(stats_table)):
                stored.extend(row)
    text = " ".join(str(v) for v in stored).lower()
    for secret in ("novak", "777", "123", "456", "seznam", "jan", "49", "4551", "17", "4509", "www", "novakovi"):
        assert not re.search(rf"\b{secret}", text), secret
    days = [v for v in stored if isinstance(v, dt.date)]
    assert days and all(not isinstance(v, dt.datetime) for v in days)
    with engine.connect() as conn:
        event = conn.execute(select(DemandEvent.__table__)).one()
    assert (event.municipality_code, event.orp, event.need_key) == (KOJETIN, "Přerov", "DruhSocialniSluzby/4")


def test_a_capitalised_word_in_the_middle_of_a_sentence_is_not_kept() -> None:
    assert scrub("hledám pomoc pro Vomáčku") == ["hledam", "pomoc", "pro"]
    assert "zahrada" in scrub("Zahrada je zarostlá")  # the first word of a sentence is capitalised anyway


def test_first_names_are_not_kept_in_any_case_form() -> None:
    for word in ("jana", "jane", "janou", "pavlovi", "pavel", "marii", "zdenkem", "олена", "оленою"):
        assert default_scrubber().is_name(tokenize(word)[0]), word
    assert scrub("pomoc pro janu a pavlovi") == ["pomoc", "pro"]


def test_words_ending_like_a_surname_are_not_kept() -> None:
    assert scrub("sousedka dvořáková potřebuje odvoz") == ["sousedka", "potrebuje", "odvoz"]
    assert scrub("pan novotny a pani kovarska") == ["pan", "pani"]
    assert scrub("soused tkachenko a sousedka petrenkova") == ["soused", "sousedka"]


def test_frequent_surnames_written_in_lowercase_are_not_kept_in_any_case_form() -> None:
    for surname in ("svobodu", "cernou", "novakovi", "prochazkou", "veseleho", "markem", "nemce", "krizovou"):
        assert scrub(f"pecovatelka pro {surname} v kojetine") == ["pecovatelka", "pro", "kojetine"], surname
    assert scrub("допомога для шевченка") == ["допомога", "для"]


def test_a_word_after_a_title_or_a_street_or_before_a_house_number_is_not_kept() -> None:
    assert scrub("pecovatelka k pani zbirovske") == ["pecovatelka", "pani"]
    assert scrub("bydli na ulici lipova") == ["bydli", "ulici"]
    assert scrub("bydli na tovarni 12 a potrebuje obedy") == ["bydli", "potrebuje", "obedy"]


def test_e_mail_web_and_phone_are_not_kept() -> None:
    kept = scrub("napište na pomoc.rodine@example.org nebo www.charita-prerov.cz nebo charita.cz, tel +420 581 000 111")
    assert kept == ["napiste", "nebo", "tel"]


def test_only_words_of_three_to_thirty_letters_are_kept() -> None:
    long_word = "a" * 31
    assert scrub(f"ok 1234 dům abc12 {long_word} zahrádka") == ["dum", "zahradka"]


def test_ordinary_words_nobody_understood_are_kept_for_planners() -> None:
    assert scrub("potřebuji odvoz nábytku a stěhování") == ["potrebuji", "odvoz", "nabytku", "stehovani"]


def test_the_name_lists_are_data_that_can_be_extended(tmp_path) -> None:
    (tmp_path / "jmena.txt").write_text("# jen jedno jméno\nBořek\n", encoding="utf-8")
    (tmp_path / "prijmeni-koncovky.txt").write_text("ík\n", encoding="utf-8")
    scrubber = Scrubber.from_files(tmp_path)
    assert scrubber.unmatched_terms("borek a borkovi pomaha kubík", tokenize("borek a borkovi pomaha kubík")) == [
        "pomaha"
    ]


@pytest.mark.parametrize("reason", ["phone", "nonsense"])
def test_feedback_holds_only_the_service_the_reason_and_the_day(engine, session, reason) -> None:
    assert record_feedback(engine, 42, reason, day=dt.date(2025, 5, 1))
    with engine.connect() as conn:
        row = conn.execute(select(FeedbackEvent.__table__)).one()
    assert set(row._mapping) == {"id", "day", "service_id", "reason", "synthetic"}
    assert (row.day, row.service_id, row.reason, row.synthetic) == (
        dt.date(2025, 5, 1),
        42,
        "phone" if reason == "phone" else "other",
        False,
    )
