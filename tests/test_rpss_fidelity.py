"""Register fidelity: nothing of a real-format register item is lost silently.

Hidden addresses, every kind of extended area, services that start later, opening hours,
phones kept as written, bad items set aside, and items nested too deep.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from bot.catalog import repository
from bot.catalog.models import Service
from bot.catalog.readmodel import service_card
from bot.catalog.rpss import MAX_DEPTH, RpssSummary, TooDeep, import_rpss, read_items
from bot.catalog.rpss_hours import format_hours
from tests.rpss_register import (
    AS,
    CODELISTS,
    HRANICE,
    KOJETIN,
    PREROV,
    add_municipalities,
    address,
    item,
    write_register,
)

TODAY = dt.date(2026, 11, 23)


def run(sessions: sessionmaker[Session], directory: Path, **options: Any) -> RpssSummary:
    options.setdefault("regions", None)
    return import_rpss(sessions, directory, today=options.pop("today", TODAY), **options)


def service(session: Session, registry_id: str) -> Service:
    return session.scalars(select(Service).where(Service.registry_id == registry_id)).one()


def in_as(identifier: str = "1", portal_id: int = 1, **changes: Any) -> dict[str, Any]:
    """A service whose only place is in Aš, far outside the regions of the test table."""
    place = {"nazev": "Domov Aš", "poskytujeOd": "2015-01-01", "poskytujeDo": None, "adresa": address(AS)}
    changes.setdefault("zarizeni", [place])
    changes.setdefault("kontaktniAdresy", [])
    return item(identifier, portal_id, **changes)


def shelter(**changes: Any) -> dict[str, Any]:
    """A shelter for victims of violence: its facility's address is hidden."""
    hidden: dict[str, Any] = {"nazev": "Azylový dům pro matky", "poskytujeOd": "2015-01-01", "poskytujeDo": None}
    hidden |= {"adresa": None, "utajenaAdresa": True}
    return item(zarizeni=[hidden], **changes)


def warnings(summary: RpssSummary) -> list[str]:
    return [str(w) for w in summary.warnings]


# --- 1. hidden addresses ---------------------------------------------------------------


def test_a_shelter_with_a_hidden_address_is_kept(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [shelter(kontaktniAdresy=[{"adresa": address(KOJETIN, street="Masarykovo nám.")}])])

    summary = run(sessions, tmp_path, regions=["Přerov"])

    assert (summary.added, summary.skipped_outside, summary.rejected) == (1, 0, [])
    with sessions() as session:
        [place] = service(session, "1234567").places
        assert place.address_hidden
        assert (place.name, place.municipality_code, place.municipality_name) == (
            "Azylový dům pro matky",
            KOJETIN,
            "Kojetín",
        )
        assert (place.street, place.house_number, place.postcode, place.address_point) == (None, None, None, None)


def test_a_hidden_address_without_a_contact_address_is_placed_in_the_providers_town(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [shelter(kontaktniAdresy=None)])

    summary = run(sessions, tmp_path, regions=["Přerov"])

    assert summary.added == 1
    with sessions() as session:
        [place] = service(session, "1234567").places
        assert (place.address_hidden, place.municipality_code, place.street) == (True, PREROV, None)


def test_an_address_marked_hidden_is_never_stored_even_when_given(sessions, tmp_path):
    add_municipalities(sessions)
    given = {"nazev": "Azylový dům", "poskytujeOd": None, "poskytujeDo": None, "adresa": address(HRANICE)}
    write_register(tmp_path, [item(zarizeni=[{**given, "utajenaAdresa": True}])])

    run(sessions, tmp_path)

    with sessions() as session:
        [place] = service(session, "1234567").places
        assert place.address_hidden and place.street is None and place.address_point is None
        assert place.municipality_code == PREROV  # the contact address's town, not the hidden one


def test_the_card_of_a_hidden_address_says_so_and_has_no_map(sessions, tmp_path):
    from bot.dialog.cardview import card_text, map_reply
    from bot.i18n import Translator

    add_municipalities(sessions)
    write_register(tmp_path, [shelter()])
    run(sessions, tmp_path)

    with sessions() as session:
        card = service_card(repository.active_services(session)[0])
    [place] = card.places
    assert place.hidden and place.address == "" and "Nemocniční" not in repr(card)
    assert (place.name, place.municipality) == (None, "Přerov")
    assert card.venue_place is None
    t = Translator("cs")
    assert "adresa se nezveřejňuje" in card_text(t, card, worker=False, today=TODAY)
    reply = map_reply(t, card)
    assert reply.venue is None and "mapy.cz" not in repr(reply)


# --- 2. extended area of every kind ------------------------------------------------------


def district_codelists() -> dict[str, Any]:
    """The test codelists with each municipality's district and region, and NUTS codes."""
    codelists = copy.deepcopy(CODELISTS)
    for term in codelists["obce"]:
        as_ = term["id"] == f"Obec/{AS}"
        term["okres"] = {"id": "Okres/3402" if as_ else "Okres/3808"}
        if as_:
            term["kraj"] = {"id": "Kraj/51"}  # Přerov's region comes from its district
    codelists["okresy"] = [
        {"id": "Okres/3808", "nazev": {"cs": "Přerov"}, "kraj": {"id": "Kraj/124"}, "kodNuts": "CZ0714"},
        {"id": "Okres/3402", "nazev": {"cs": "Cheb"}, "kraj": {"id": "Kraj/51"}, "kodNuts": "CZ0411"},
    ]
    codelists["kraje"] = [
        {"id": "Kraj/124", "nazev": {"cs": "Olomoucký kraj"}, "kodNuts": "CZ071"},
        {"id": "Kraj/51", "nazev": {"cs": "Karlovarský kraj"}, "kodNuts": "CZ041"},
    ]
    return codelists


def area_of(sessions: sessionmaker[Session], registry_id: str = "1") -> list[int]:
    with sessions() as session:
        return [a.municipality_code for a in service(session, registry_id).area]


@pytest.mark.parametrize(
    "reference",
    [
        "Okres/3808",
        "Okres/CZ0714",
        {"okres": {"id": "Codelist/Okres/CZ0714"}},
        "Kraj/124",
        "Kraj/CZ071",
        {"kraj": "CZ071"},
    ],
    ids=str,
)
def test_an_area_naming_a_district_or_region_reaches_its_municipalities(reference, sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [in_as(rozsirenePusobnostiVKraji=[reference])], codelists=district_codelists())

    summary = run(sessions, tmp_path, regions=["Přerov"])

    assert (summary.added, summary.skipped_outside, summary.warnings) == (1, 0, [])
    assert area_of(sessions) == [PREROV, HRANICE, KOJETIN]


def test_an_area_naming_an_orp_reaches_its_municipalities(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [in_as(rozsirenePusobnostiVKraji=[{"orp": {"id": "Orp/7107", "nazev": "Hranice"}}])])

    summary = run(sessions, tmp_path, regions=["Hranice"])

    assert (summary.added, summary.warnings) == (1, [])
    assert area_of(sessions) == [HRANICE]


def test_an_area_that_cannot_be_expanded_is_reported_and_the_service_kept(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1, rozsirenePusobnostiVKraji=["Orp/7107", "Okres/3808"])])

    summary = run(sessions, tmp_path)

    assert summary.added == 1
    assert warnings(summary) == [
        "rpss.json, položka 1 (identifikátor 1), pole rozsirenePusobnostiVKraji[1]: ORP 'Orp/7107' nelze "
        "rozložit na obce: tabulka obcí ani číselník obce.json neuvádějí kód ORP; položka se načte bez něj",
        "rpss.json, položka 1 (identifikátor 1), pole rozsirenePusobnostiVKraji[2]: okres 'Okres/3808' nelze "
        "rozložit na obce: číselník obce.json neuvádí obce, které k němu patří; položka se načte bez něj",
    ]


def test_unknown_area_shapes_are_counted_with_their_reason(sessions, tmp_path):
    add_municipalities(sessions)
    area = [{"obec": {"id": f"Obec/{KOJETIN}"}}, {"popis": "celý region"}, "CastObce/990101", "Obec/999999"]
    write_register(tmp_path, [item("1", 1, rozsirenePusobnostiVKraji=area)])

    summary = run(sessions, tmp_path)

    assert summary.added == 1 and area_of(sessions) == [KOJETIN]
    assert [w.split(": ", 1)[1] for w in warnings(summary)] == [
        "neznámý tvar {'popis': 'celý region'}; očekává se odkaz na obec, ORP, okres nebo kraj; "
        "položka se načte bez něj",
        "neznámý druh území CastObce; očekává se obec, ORP, okres nebo kraj; položka se načte bez něj",
        "neznámé id 'Obec/999999'; očekává se id z číselníku obce.json nebo obec z tabulky obcí; "
        "položka se načte bez něj",
    ]


def test_a_municipality_of_the_table_is_known_even_when_the_obce_codelist_lacks_it(sessions, tmp_path):
    add_municipalities(sessions)
    codelists = copy.deepcopy(CODELISTS)
    codelists["obce"] = [t for t in codelists["obce"] if t["id"] != f"Obec/{KOJETIN}"]
    write_register(tmp_path, [item("1", 1, rozsirenePusobnostiVKraji=[f"Obec/{KOJETIN}"])], codelists=codelists)

    summary = run(sessions, tmp_path)

    assert summary.added == 1 and area_of(sessions) == [KOJETIN]
    assert warnings(summary) == []


# --- 3. services that start later --------------------------------------------------------


def test_a_service_that_starts_later_is_not_offered_before_that_day(sessions, tmp_path):
    add_municipalities(sessions)
    start = TODAY + dt.timedelta(days=10)
    write_register(tmp_path, [item("1", 1), item("2", 2, datumPoskytovaniOd=start.isoformat())])

    summary = run(sessions, tmp_path)

    assert (summary.added, summary.not_yet_started) == (2, 1)
    with sessions() as session:
        assert (service(session, "2").active, service(session, "2").valid_from) == (False, start)
        assert [s.registry_id for s in repository.active_services(session)] == ["1"]

    on_the_day = run(sessions, tmp_path, today=start)

    assert (on_the_day.updated, on_the_day.not_yet_started, on_the_day.deactivated) == (1, 0, 0)
    with sessions() as session:
        assert sorted(s.registry_id or "" for s in repository.active_services(session)) == ["1", "2"]


# --- 4. opening hours --------------------------------------------------------------------


def form_with_hours(hours: Any, form: str = "FormaSocialniSluzby/amb") -> dict[str, Any]:
    return {"forma": {"id": form}, "nepretrzitePoskytovani": False, "casoveRozsahy": hours, "kapacity": []}


def test_opening_hours_are_kept_and_shown_on_the_card(sessions, tmp_path):
    add_municipalities(sessions)
    hours = [{"denOd": {"id": "DenVTydnu/1"}, "denDo": {"id": "DenVTydnu/5"}, "casOd": "08:00:00", "casDo": "16:00:00"}]
    write_register(tmp_path, [item(formy=[form_with_hours(hours)])])

    summary = run(sessions, tmp_path)

    assert summary.warnings == []
    with sessions() as session:
        found = service(session, "1234567")
        assert found.register_hours == "Po–Pá 8:00–16:00"
        assert service_card(found).hours == "Po–Pá 8:00–16:00"


def test_the_coordinators_hours_win_over_the_registers(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item(formy=[form_with_hours([{"den": "po", "od": "8:00", "do": "12:00"}])])])
    run(sessions, tmp_path)
    with sessions() as session:
        service(session, "1234567").hours = "po–čt 8–12, jinak po domluvě"
        session.commit()

    summary = run(sessions, tmp_path)

    assert summary.unchanged == 1
    with sessions() as session:
        found = service(session, "1234567")
        assert (found.register_hours, service_card(found).hours) == ("Po 8:00–12:00", "po–čt 8–12, jinak po domluvě")


@pytest.mark.parametrize(
    ("entries", "text"),
    [
        (
            [{"den": 1, "od": "8:00", "do": "12:00"}, {"den": 1, "od": "13:00", "do": "16:00"}],
            "Po 8:00–12:00, 13:00–16:00",
        ),
        ([{"dny": ["pondělí", "úterý", "středa"], "casOd": "7:30", "casDo": "15:00"}], "Po–St 7:30–15:00"),
        (
            [{"den": {"nazev": "Sobota"}, "od": "9.00", "do": "11.00"}, {"den": "ne", "od": "9:00", "do": "11:00"}],
            "So, Ne 9:00–11:00",
        ),
        ([{"casOd": "1970-01-01T08:00:00", "casDo": "1970-01-01T14:00:00"}], "8:00–14:00"),
        (["po–pá dle domluvy"], "po–pá dle domluvy"),
        ([], None),
    ],
)
def test_opening_hours_are_read_tolerantly(entries, text):
    assert format_hours(entries) == (text, [])


def test_opening_hours_that_cannot_be_read_are_reported(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item(formy=[form_with_hours([{"poznamka": "jen v létě"}])])])

    summary = run(sessions, tmp_path)

    assert summary.added == 1
    assert warnings(summary) == [
        "rpss.json, položka 1 (identifikátor 1234567), pole formy[1].casoveRozsahy: časový rozsah "
        "{'poznamka': 'jen v létě'} se nepodařilo přečíst; očekává se den a čas od–do"
    ]


# --- 5. phones kept as written -----------------------------------------------------------


def test_a_phone_that_cannot_be_normalised_is_kept_as_written(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item(telefony=[{"telefon": "595 622 467/453"}, {"telefon": "+420 581 000 123"}])])

    summary = run(sessions, tmp_path)

    assert (summary.added, summary.rejected) == (1, [])
    assert [w.split(": ", 1)[1] for w in warnings(summary)] == [
        "telefon '595 622 467/453' nejde převést na číslo k vytočení; ponechán, jak je zapsán"
    ]
    with sessions() as session:
        found = service(session, "1234567")
        assert found.phones == ["595 622 467/453", "581 000 123"]
        card = service_card(found)
    assert card.phones == ("581 000 123", "595 622 467/453")  # the contact button takes the first
    assert card.dialable_phones == ("581 000 123",)


def test_a_provider_phone_that_is_text_is_kept_as_written(sessions, tmp_path):
    add_municipalities(sessions)
    owner = item()["poskytovatel"] | {"telefony": [{"telefon": "volejte ráno a večer"}]}
    write_register(tmp_path, [item(poskytovatel=owner)])

    summary = run(sessions, tmp_path)

    assert (summary.added, summary.rejected, len(summary.warnings)) == (1, [], 1)
    with sessions() as session:
        provider = service(session, "1234567").provider
        assert provider is not None and provider.phones == ["volejte ráno a večer"]


# --- 6. bad items are set aside ------------------------------------------------------------


def test_an_unknown_codelist_id_sets_aside_only_its_item(sessions, tmp_path):
    add_municipalities(sessions)
    bad = item("2", 2, ciloveSkupiny=[{"cilovaSkupina": {"id": "CilovaSkupinaOsoby/999"}}])
    write_register(tmp_path, [item("1", 1), bad, item("3", 3)])

    summary = run(sessions, tmp_path)

    assert (summary.added, [(e.location, e.field) for e in summary.rejected]) == (
        2,
        [("položka 2 (identifikátor 2)", "ciloveSkupiny[1]")],
    )


def test_a_strict_run_with_a_bad_item_changes_nothing(sessions, tmp_path):
    from bot.catalog.importing import ImportFailed

    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1), item("2", 2, druhSocialniSluzby={"id": "DruhSocialniSluzby/99"})])

    with pytest.raises(ImportFailed):
        run(sessions, tmp_path, strict=True)

    with sessions() as session:
        assert session.scalars(select(Service)).all() == []


@pytest.fixture
def cli(monkeypatch, tmp_path):
    from admin_scripts.app import app
    from admin_scripts.commands import register_all
    from bot.config import get_settings

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.delenv("REGIONS", raising=False)
    get_settings.cache_clear()
    register_all()
    yield lambda *args: CliRunner().invoke(app, [str(a) for a in args])
    get_settings.cache_clear()


def test_the_command_sets_bad_items_aside_and_says_so_in_its_exit_status(cli, tmp_path):
    bad = item("2", 2, druhSocialniSluzby={"id": "DruhSocialniSluzby/99"})
    write_register(tmp_path / "rpss", [item("1", 1), bad, item("3", 3, emaily=[{"email": "x(at)y"}])])

    result = cli("import", "rpss", tmp_path / "rpss", "--all")

    assert result.exit_code == 3, result.output
    output = " ".join(result.output.split())
    assert "přidáno: Pečovatelská služba Charity Přerov (1)" in output
    assert "položka 2 (identifikátor 2), pole druhSocialniSluzby: neznámé id" in output
    assert "2 položky odloženy" in output


def test_the_strict_command_fails_whole_on_a_bad_item(cli, tmp_path):
    bad = item("2", 2, druhSocialniSluzby={"id": "DruhSocialniSluzby/99"})
    write_register(tmp_path / "rpss", [item("1", 1), bad])

    result = cli("import", "rpss", tmp_path / "rpss", "--all", "--strict")

    assert result.exit_code == 1
    assert "Import se nezdařil, v databázi se nic nezměnilo." in " ".join(result.output.split())


def test_a_clean_register_exits_0(cli, tmp_path):
    write_register(tmp_path / "rpss", [item("1", 1)])

    assert cli("import", "rpss", tmp_path / "rpss", "--all").exit_code == 0


# --- 7. hostile nesting ------------------------------------------------------------------------


def nested_register(directory: Path, depth: int, *, key: str = "rozsirenePusobnostiVKraji") -> Path:
    """A register whose second item holds a value nested `depth` levels deep."""
    marker = "__NESTED__"
    items = [item("1", 1), item("2", 2, **{key: marker}), item("3", 3)]
    text = json.dumps({"polozky": items}, ensure_ascii=False)
    return write_register(directory, text=text.replace(f'"{marker}"', "[" * depth + "]" * depth))


def test_an_item_nested_twenty_thousand_deep_is_set_aside_and_the_rest_imported(sessions, tmp_path):
    nested_register(tmp_path, 20_000)

    summary = run(sessions, tmp_path, keep_all=True)

    assert summary.added == 2
    assert [str(e) for e in summary.rejected] == [
        "rpss.json, položka 2 (identifikátor 2), pole rozsirenePusobnostiVKraji: hodnota je vnořená hlouběji "
        f"než {MAX_DEPTH} úrovní; položka se odkládá, očekává se tvar podle rpss.schema.json"
    ]


def test_reading_a_deeply_nested_item_takes_little_memory(tmp_path):
    nested_register(tmp_path, 20_000, key="neznamyKlic")
    tracemalloc.start()
    try:
        read = list(read_items(tmp_path / "rpss.json"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert [type(raw).__name__ for _, raw in read] == ["dict", "TooDeep", "dict"]
    assert peak < 20_000_000  # ijson.items needed about 1 GB here


@pytest.mark.parametrize(("depth", "too_deep"), [(MAX_DEPTH - 1, False), (MAX_DEPTH, True)])
def test_the_depth_limit_counts_from_the_item(depth, too_deep, tmp_path):
    # the item is level 1 and its key's list level 2, so `depth` brackets reach depth + 1
    nested_register(tmp_path, depth, key="x")

    [_, (_, raw), _] = list(read_items(tmp_path / "rpss.json"))

    assert isinstance(raw, TooDeep) is too_deep
    if not too_deep:
        assert raw["identifikator"] == "2" and raw["portalId"] == 2
