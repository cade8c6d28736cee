"""Cards built from the catalogue database and crisis lines kept as data."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.catalog.models import (
    Capacity,
    CodelistTerm,
    LifeSituation,
    Place,
    Provider,
    Service,
    ServiceForm,
)
from bot.catalog.readmodel import load_cards
from bot.dialog import load_crisis_lines, situations_from
from bot.dialog.cards import format_postcode


def _catalogue(session) -> tuple[int, int]:
    terms = [
        CodelistTerm(id="DruhSocialniSluzby/4", codelist="druh", code="4", name="pečovatelská služba"),
        CodelistTerm(id="FormaSocialniSluzby/ter", codelist="forma", code="ter", name="terénní"),
        CodelistTerm(id="TypKapacitySocialniSluzby/klienti", codelist="typ_kapacity", code="klienti", name="klienti"),
        CodelistTerm(id="CilovaSkupinaOsoby/1", codelist="cilova_skupina", code="1", name="senioři"),
    ]
    session.add_all(terms)
    provider = Provider(
        ico="00301299",
        name="Dům <Naděje> & spol.",
        phones=["581 111 111"],
        emails=["posta@nadeje.example"],
        webs=["https://nadeje.example"],
    )
    own = Service(
        registry_id="1234567",
        name="Pečovatelská služba",
        provider=provider,
        druh_id="DruhSocialniSluzby/4",
        phones=["581 000 123"],
        emails=["info@example.cz"],
        webs=["www.example.cz"],
        description="Dovoz obědů a pomoc doma.",
        how_to_get_help="Zavolejte.",
        hours="po–pá 7–15",
        price="podle ceníku",
        languages=["cs", "uk"],
        last_checked=dt.date(2026, 10, 14),
    )
    own.target_groups = [terms[3]]
    own.forms = [ServiceForm(form_id="FormaSocialniSluzby/ter")]
    own.capacities = [
        Capacity(form_id="FormaSocialniSluzby/ter", type_id="TypKapacitySocialniSluzby/klienti", count=40)
    ]
    own.places = [
        Place(
            street="Náměstí Svobody",
            house_number="12",
            postcode="75201",
            municipality_name="Kojetín",
            municipality_code=514055,
            latitude=49.35,
            longitude=17.30,
        )
    ]
    fallback = Service(
        local_id="bez-kontaktu",
        name="Služba bez vlastních kontaktů",
        provider=provider,
        category="potravinová pomoc",
    )
    inactive = Service(local_id="zrusena", name="Zrušená", active=False)
    session.add_all([own, fallback, inactive])
    session.add(LifeSituation(id="dovoz-obedu", name="Dovoz obědů", family="seniori", position=2, name_en="Meals"))
    session.add(LifeSituation(id="dluhy", name="Dluhy", family="krize", position=1))
    session.commit()
    return own.id, fallback.id


def test_a_card_carries_what_the_card_shows(session) -> None:
    own_id, _ = _catalogue(session)
    card = load_cards(session)[own_id]
    assert card.name == "Pečovatelská služba"
    assert card.provider == "Dům <Naděje> & spol." and card.provider_ico == "00301299"
    assert card.kind == "pečovatelská služba" and card.druh_id == "DruhSocialniSluzby/4"
    assert card.phones == ("581 000 123",) and not card.contacts_of_provider
    assert card.places[0].address == "Náměstí Svobody 12, 752 01 Kojetín"
    assert card.venue_place is not None and card.venue_place.lat == 49.35
    assert card.forms == ("terénní",) and card.capacities == ("terénní: 40 klienti",)
    assert card.target_groups == ("senioři",)
    assert card.last_checked == dt.date(2026, 10, 14)


def test_a_service_without_contacts_shows_its_providers(session) -> None:
    _, fallback_id = _catalogue(session)
    card = load_cards(session)[fallback_id]
    assert card.contacts_of_provider
    assert card.phones == ("581 111 111",) and card.webs == ("https://nadeje.example",)
    assert card.kind == "potravinová pomoc"


def test_inactive_services_have_no_card(session) -> None:
    _catalogue(session)
    assert {c.name for c in load_cards(session).values()} == {
        "Pečovatelská služba",
        "Služba bez vlastních kontaktů",
    }


def test_life_situations_come_from_the_database_in_order(session) -> None:
    _catalogue(session)
    from bot.catalog import repository

    situations = situations_from(repository.life_situations(session))
    assert [s.id for s in situations] == ["dluhy", "dovoz-obedu"]
    assert situations[1].name_in("en") == "Meals" and situations[0].name_in("uk") == "Dluhy"


@pytest.mark.parametrize(("raw", "shown"), [("75201", "752 01"), ("752 01", "752 01"), (None, ""), ("x", "x")])
def test_postcodes_are_shown_in_the_usual_form(raw, shown) -> None:
    assert format_postcode(raw) == shown


def test_crisis_lines_hold_the_emergency_numbers_and_national_lines() -> None:
    lines = {line.number: line for line in load_crisis_lines()}
    assert {"112", "155", "158", "150", "116 123", "116 111", "116 006", "800 200 007"} <= set(lines)
    assert all("akutni" in lines[n].tags for n in ("112", "155", "158"))
    assert lines["116 123"].nonstop and lines["116 123"].name == "Linka první psychické pomoci"
    assert lines["116 006"].name_in("en").startswith("Helpline for victims")
    assert lines["800 200 007"].dial == "800200007"


def test_a_short_query_typed_anywhere_gets_services_with_their_cards() -> None:
    from bot.dialog.inline import inline_answers
    from tests.test_dialog_fixtures import make_context, small_searcher

    result, answers = inline_answers("pečovatelská Kojetín", make_context(small_searcher()))
    assert result.total == 2
    assert answers[0].title == "Pečovatelská služba Kojetín"
    assert answers[0].description == "pečovatelská služba · Kojetín · 581 000 123"
    assert "Registrační číslo" in answers[0].text and len(answers[0].text) <= 4096
    assert inline_answers("", make_context(small_searcher()))[1] == []


def test_a_card_without_a_dialable_phone_or_a_public_address_offers_no_contact_or_map_button() -> None:
    from bot.dialog.cards import PlaceInfo, ServiceCard
    from bot.dialog.cardview import card_screen, contact_reply
    from bot.dialog.state import State
    from bot.i18n import Translator

    card = ServiceCard(
        id=7,
        name="Azylový dům",
        places=(PlaceInfo("", None, "Přerov", hidden=True),),
        phones=("595 622 467/453",),
    )
    for language, hidden in (("cs", "adresa se nezveřejňuje"), ("uk", "адреса не оприлюднюється")):
        t = Translator(language)
        screen = card_screen(t, card, State(), worker=False, today=dt.date(2026, 12, 1))
        labels = [b.label for row in screen.buttons for b in row]
        assert t("btn.map") not in labels and t("btn.contact") not in labels
        assert f"Přerov – {hidden}" in screen.text and "595 622 467/453" in screen.text  # shown as written
        assert contact_reply(t, card).contact is None
