"""Import of the MPSV register (rpss.json + ciselniky/): what is kept, what changes, what fails."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from bot import CATALOG_DATA
from bot.catalog.importing import ImportFailed
from bot.catalog.models import CodelistTerm, ImportRun, Provider, Service, ServiceArea
from bot.catalog.rpss import RpssSummary, import_rpss
from tests.dbsnapshot import snapshot
from tests.rpss_register import (
    AS,
    CODELISTS,
    HRANICE,
    KOJETIN,
    PREROV,
    STATUTORY_NAME,
    add_municipalities,
    address,
    item,
    provider,
    write_register,
)

TODAY = dt.date(2026, 11, 23)
PAST = "2026-06-30"
FUTURE = "2027-12-31"


def run(sessions: sessionmaker[Session], directory: Path, **options: Any) -> RpssSummary:
    options.setdefault("keep_all", False)
    options.setdefault("regions", None)
    return import_rpss(sessions, directory, today=TODAY, **options)


def service(session: Session, registry_id: str) -> Service:
    return session.scalars(select(Service).where(Service.registry_id == registry_id)).one()


def facility(name: str, municipality: int = PREROV, **changes: Any) -> dict[str, Any]:
    result = {
        "nazev": name,
        "poskytujeOd": "2015-01-01",
        "poskytujeDo": None,
        "adresa": address(municipality, point=municipality * 10, part=None),
    }
    result.update(changes)
    return result


def catalogue_rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row but the run records (each real run adds one)."""
    rows = snapshot(engine)
    rows.pop("import_run")
    return rows


def counts(summary: RpssSummary) -> dict[str, int]:
    return summary.as_dict()


# --- what is imported -----------------------------------------------------------------


def test_register_service_is_imported_with_all_its_fields(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item()])

    summary = run(sessions, tmp_path)

    assert counts(summary) == {"added": 1, "updated": 0, "unchanged": 0, "deactivated": 0, "rejected": 0}
    with sessions() as session:
        found = service(session, "1234567")
        assert found.portal_id == 1001
        assert found.name == "Pečovatelská služba Charity Přerov"
        assert found.druh_id == "DruhSocialniSluzby/4"
        assert found.age_note == "od 60 let"
        assert found.phones == ["581 000 123", "604 000 111"]
        assert found.emails == ["pecovatelska@charita.example.org"]
        assert found.webs == ["https://www.charita.example.org/pecovatelska"]
        assert (found.valid_from, found.valid_to) == (dt.date(2015, 1, 1), None)
        assert found.active and found.deactivated_on is None
        assert sorted(t.id for t in found.target_groups) == ["CilovaSkupinaOsoby/24", "CilovaSkupinaOsoby/30"]
        assert [t.id for t in found.age_groups] == ["VekovaSkupinaOsoby/9"]
        assert [(f.form_id, f.continuous) for f in found.forms] == [("FormaSocialniSluzby/ter", False)]
        assert [(c.form_id, c.type_id, c.count, c.note) for c in found.capacities] == [
            (
                "FormaSocialniSluzby/ter",
                "TypKapacitySocialniSluzby/klient",
                40,
                "Maximální kapacita 40 klientů.",
            )
        ]
        [place] = found.places
        assert (
            place.name,
            place.street,
            place.house_number,
            place.postcode,
            place.municipality_code,
            place.municipality_name,
            place.part_name,
            place.address_point,
            place.valid_from,
            place.valid_to,
        ) == (
            "Pečovatelská služba Charity Přerov",
            "Nemocniční",
            "2272/54",
            "75002",
            PREROV,
            "Přerov",
            "Přerov I-Město",
            11867906,
            dt.date(2015, 1, 1),
            None,
        )
        assert found.area == []
        owner = found.provider
        assert owner is not None
        assert (owner.ico, owner.name, owner.address, owner.municipality_code) == (
            "03593207",
            "Charita Přerov",
            "Kratochvílova 2830/30, 750 02 Přerov",
            PREROV,
        )
        assert (owner.phones, owner.emails, owner.webs) == (
            ["581 000 111"],
            ["info@charita.example.org"],
            ["https://www.charita.example.org"],
        )
        terms = dict(session.execute(select(CodelistTerm.codelist, func.count()).group_by(CodelistTerm.codelist)).all())
        assert terms == {"druh": 3, "forma": 3, "cilova_skupina": 3, "vekova_skupina": 2, "typ_kapacity": 2}
        assert session.get(CodelistTerm, "DruhSocialniSluzby/4").name == "pečovatelská služba"


def test_every_run_is_recorded(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item()])

    run(sessions, tmp_path)

    with sessions() as session:
        [record] = session.scalars(select(ImportRun)).all()
        assert (record.kind, record.source, record.added, record.rejected) == ("rpss", str(tmp_path), 1, 0)


def test_statutory_bodies_and_document_links_are_never_stored(sessions, engine, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item()])

    run(sessions, tmp_path)

    stored = repr(snapshot(engine))
    for part in STATUTORY_NAME.split():
        assert part not in stored
    assert "agportal-server" not in stored and "dokument-1" not in stored


def test_provider_contacts_are_not_copied_to_the_service(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item(emaily=[], telefony=None, weby=[])])

    run(sessions, tmp_path)

    with sessions() as session:
        found = service(session, "1234567")
        assert (found.phones, found.emails, found.webs) == ([], [], [])
        assert found.provider is not None and found.provider.phones == ["581 000 111"]


def test_provider_shared_by_services_is_stored_once(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1), item("2", 2, druhSocialniSluzby={"id": "DruhSocialniSluzby/1"})])

    run(sessions, tmp_path)

    with sessions() as session:
        [owner] = session.scalars(select(Provider)).all()
        assert sorted(s.registry_id for s in owner.services) == ["1", "2"]


def test_ico_given_as_a_number_is_padded_to_eight_digits(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item(poskytovatel=provider(ico=3593207))])

    run(sessions, tmp_path)

    with sessions() as session:
        assert session.scalars(select(Provider.ico)).one() == "03593207"


def test_duplicate_and_ended_facilities_are_left_out(sessions, tmp_path):
    add_municipalities(sessions)
    places = [
        facility("Domov Na Zámečku"),
        facility("Domov Na Zámečku"),
        facility("Domov Na Zámečku", KOJETIN),
        facility("Stará pobočka", KOJETIN, poskytujeDo=PAST),
    ]
    write_register(tmp_path, [item(zarizeni=places)])

    run(sessions, tmp_path)

    with sessions() as session:
        found = service(session, "1234567")
        assert [(p.name, p.municipality_code) for p in found.places] == [
            ("Domov Na Zámečku", PREROV),
            ("Domov Na Zámečku", KOJETIN),
        ]
        assert found.name == "Domov Na Zámečku"


def test_contact_address_is_the_place_when_there_is_no_facility(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item(zarizeni=None)])

    run(sessions, tmp_path)

    with sessions() as session:
        found = service(session, "1234567")
        [place] = found.places
        assert (place.name, place.street, place.house_number, place.municipality_name) == (
            None,
            "Bratrská",
            "34/2",
            "Přerov",
        )
        assert found.name == "Pečovatelská služba – Charita Přerov"


def test_register_shapes_are_read_tolerantly(sessions, tmp_path):
    add_municipalities(sessions)
    codelists = {
        name: [{"id": f"Codelist/{t['id']}", "nazev": t["nazev"]["cs"]} for t in terms]
        for name, terms in CODELISTS.items()
    }
    codelists["formy-soc-sluzby"] = [{"id": "ter", "nazev": "terénní"}]
    tolerant = item(
        portal_id=None,
        identifikator=1234567,
        datumPoskytovaniOd="2015-01-01T00:00:00",
        druhSocialniSluzby={"id": "Codelist/DruhSocialniSluzby/4"},
        ciloveSkupiny=None,
        vekoveSkupiny=[{"id": "VekovaSkupinaOsoby/10"}],
        formy=[{"forma": {"id": "FormaSocialniSluzby/ter"}, "nepretrzitePoskytovani": None, "kapacity": None}],
        telefony=["581 000 123"],
        emaily=None,
        unknownKey={"whatever": 1},
    )
    write_register(tmp_path, [tolerant], codelists=codelists)

    summary = run(sessions, tmp_path)

    assert summary.rejected == []
    with sessions() as session:
        found = service(session, "1234567")
        assert found.druh is not None
        assert (found.valid_from, found.druh.name, found.phones) == (
            dt.date(2015, 1, 1),
            "pečovatelská služba",
            ["581 000 123"],
        )
        assert [t.id for t in found.age_groups] == ["VekovaSkupinaOsoby/10"]
        assert [(f.form_id, f.continuous) for f in found.forms] == [("FormaSocialniSluzby/ter", False)]
        assert found.capacities == []


# --- which services are kept ------------------------------------------------------------


def outside_item(identifier: str, portal_id: int, **changes: Any) -> dict[str, Any]:
    return item(identifier, portal_id, zarizeni=[facility("Domov Aš", AS)], kontaktniAdresy=[], **changes)


def test_services_outside_the_regions_are_skipped(sessions, tmp_path):
    add_municipalities(sessions)
    reaching = {
        "kraj": {"id": "Kraj/124"},
        "obce": [{"obec": {"id": f"Obec/{KOJETIN}"}}, {"id": f"Obec/{AS}"}],
    }
    write_register(
        tmp_path,
        [
            item("1", 1),  # a place in Přerov
            outside_item("2", 2, rozsirenePusobnostiVKraji=[reaching]),  # an area reaching Kojetín
            outside_item("3", 3),  # neither
        ],
    )

    summary = run(sessions, tmp_path, regions=["Přerov"])

    assert (summary.added, summary.skipped_outside) == (2, 1)
    with sessions() as session:
        assert session.scalars(select(Service.registry_id).order_by(Service.registry_id)).all() == ["1", "2"]
        area = service(session, "2").area
        assert [(a.municipality_code, a.source) for a in area] == [(KOJETIN, "rpss"), (AS, "rpss")]


def test_region_option_names_orps(sessions, tmp_path):
    add_municipalities(sessions)
    in_hranice = item("2", 2, zarizeni=[facility("Poradna Hranice", HRANICE)], kontaktniAdresy=[])
    write_register(tmp_path, [item("1", 1), in_hranice, outside_item("3", 3)])

    only_hranice = run(sessions, tmp_path, regions=["hranice"], dry_run=True)
    every_municipality = run(sessions, tmp_path, dry_run=True)

    assert (only_hranice.added, only_hranice.skipped_outside) == (1, 2)
    assert (every_municipality.added, every_municipality.skipped_outside) == (2, 1)


def test_unknown_region_is_an_error(sessions, engine, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item()])
    before = snapshot(engine)

    with pytest.raises(ImportFailed) as failure:
        run(sessions, tmp_path, regions=["Přerov", "Atlantida"])

    assert "--region: neznámá ORP 'Atlantida'; očekává se ORP z tabulky obcí (Hranice, Přerov)" in str(failure.value)
    assert snapshot(engine) == before


def test_region_filter_needs_the_municipality_table(sessions, engine, tmp_path):
    write_register(tmp_path, [item()])

    with pytest.raises(ImportFailed) as failure:
        run(sessions, tmp_path)

    assert "tabulka obcí: je prázdná" in str(failure.value)
    assert "volba --all" in str(failure.value)


def test_all_keeps_every_active_service(sessions, tmp_path):
    write_register(tmp_path, [item("1", 1), outside_item("3", 3), item("4", 4, datumPoskytovaniDo=PAST)])

    summary = run(sessions, tmp_path, keep_all=True)

    assert (summary.added, summary.skipped_outside, summary.skipped_ended) == (2, 0, 1)


def test_ended_services_are_not_offered(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(
        tmp_path,
        [item("1", 1), item("2", 2, datumPoskytovaniDo=PAST), item("3", 3, datumPoskytovaniDo=FUTURE)],
    )

    summary = run(sessions, tmp_path)

    assert (summary.added, summary.skipped_ended) == (2, 1)
    with sessions() as session:
        assert service(session, "3").valid_to == dt.date(2027, 12, 31)
        assert session.scalars(select(Service).where(Service.registry_id == "2")).first() is None


def test_service_that_ends_is_deactivated_on_the_next_run(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1), item("2", 2)])
    run(sessions, tmp_path)
    write_register(tmp_path, [item("1", 1), item("2", 2, datumPoskytovaniDo=PAST)])

    summary = run(sessions, tmp_path)

    assert (summary.unchanged, summary.deactivated) == (1, 1)
    with sessions() as session:
        ended = service(session, "2")
        assert (ended.active, ended.deactivated_on) == (False, TODAY)


def test_service_that_disappears_is_marked_inactive_never_deleted(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1), item("2", 2)])
    run(sessions, tmp_path)
    write_register(tmp_path, [item("1", 1)])

    summary = run(sessions, tmp_path)

    assert (summary.unchanged, summary.deactivated) == (1, 1)
    assert "ukončeno: Pečovatelská služba Charity Přerov (2)" in summary.changes
    with sessions() as session:
        gone = service(session, "2")
        assert (gone.active, gone.deactivated_on, len(gone.places)) == (False, TODAY, 1)


def test_service_that_leaves_the_regions_is_marked_inactive(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1)])
    run(sessions, tmp_path)

    summary = run(sessions, tmp_path, regions=["Hranice"])

    assert (summary.deactivated, summary.skipped_outside) == (1, 1)


def test_service_that_comes_back_is_reactivated(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1), item("2", 2)])
    run(sessions, tmp_path)
    write_register(tmp_path, [item("1", 1)])
    run(sessions, tmp_path)
    write_register(tmp_path, [item("1", 1), item("2", 2)])

    summary = run(sessions, tmp_path)

    assert (summary.updated, summary.unchanged) == (1, 1)
    with sessions() as session:
        back = service(session, "2")
        assert (back.active, back.deactivated_on) == (True, None)


def test_local_catalogue_services_and_area_rows_are_left_alone(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1, rozsirenePusobnostiVKraji=[{"obec": {"id": f"Obec/{KOJETIN}"}}])])
    run(sessions, tmp_path)
    with sessions() as session:
        session.add(Service(local_id="potravinova-banka", name="Potravinová banka"))
        registered = service(session, "1")
        registered.area.append(ServiceArea(municipality_code=HRANICE, source="katalog"))
        session.commit()

    summary = run(sessions, tmp_path)

    assert (summary.unchanged, summary.deactivated) == (1, 0)
    with sessions() as session:
        assert [(a.municipality_code, a.source) for a in service(session, "1").area] == [
            (HRANICE, "katalog"),
            (KOJETIN, "rpss"),
        ]
        local = session.scalars(select(Service).where(Service.local_id == "potravinova-banka")).one()
        assert local.active


# --- runs that change nothing -----------------------------------------------------------


def rich_register(tmp_path: Path) -> Path:
    forms = [
        {
            "forma": {"id": "FormaSocialniSluzby/pob"},
            "nepretrzitePoskytovani": True,
            "kapacity": [
                {"pocet": 60, "popis": "Lůžka", "typ": {"id": "TypKapacitySocialniSluzby/luzka"}},
                {"pocet": 5, "popis": "Odlehčovací lůžka", "typ": {"id": "TypKapacitySocialniSluzby/luzka"}},
            ],
        },
        {"forma": {"id": "FormaSocialniSluzby/amb"}, "kapacity": [{"pocet": 10}]},
    ]
    return write_register(
        tmp_path,
        [
            item(
                "1",
                1,
                formy=forms,
                zarizeni=[facility("B", KOJETIN), facility("A"), facility("A", poskytujeOd="2020-01-01")],
            ),
            item(
                "2",
                2,
                rozsirenePusobnostiVKraji=[
                    {"obec": {"id": f"Obec/{AS}"}},
                    {"obec": {"id": f"Obec/{KOJETIN}"}},
                ],
            ),
            item("3", 3, poskytovatel=provider("12345678", "Domov Bečva")),
        ],
    )


def test_second_run_changes_nothing(sessions, engine, tmp_path):
    add_municipalities(sessions)
    rich_register(tmp_path)
    run(sessions, tmp_path)
    before = catalogue_rows(engine)

    summary = run(sessions, tmp_path)

    assert counts(summary) == {"added": 0, "updated": 0, "unchanged": 3, "deactivated": 0, "rejected": 0}
    assert summary.changes == []
    assert catalogue_rows(engine) == before


def test_changed_item_is_updated_in_place(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1)])
    run(sessions, tmp_path)
    changed = item(
        "1",
        1,
        telefony=[{"telefon": "581 999 999"}],
        formy=[{"forma": {"id": "FormaSocialniSluzby/ter"}, "nepretrzitePoskytovani": True, "kapacity": []}],
    )
    write_register(tmp_path, [changed])

    summary = run(sessions, tmp_path)

    assert (summary.updated, summary.changes[-1]) == (1, "změněno: Pečovatelská služba Charity Přerov (1)")
    with sessions() as session:
        found = service(session, "1")
        assert (found.phones, [f.continuous for f in found.forms], found.capacities) == (
            ["581 999 999"],
            [True],
            [],
        )


def test_dry_run_changes_nothing_but_reports_counts(sessions, engine, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1)])
    run(sessions, tmp_path)
    write_register(tmp_path, [item("1", 1, telefony=[{"telefon": "581 999 999"}]), item("2", 2)])
    before = snapshot(engine)

    summary = run(sessions, tmp_path, dry_run=True)

    assert summary.dry_run
    assert (summary.added, summary.updated) == (1, 1)
    assert snapshot(engine) == before


# --- invalid items ----------------------------------------------------------------------


def test_invalid_items_are_set_aside_and_the_rest_imported(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(
        tmp_path,
        [
            item("1", 1),
            item("2", 2, emaily=[{"email": "poradna(at)charita"}]),
            item("3", 3, druhSocialniSluzby={"id": "DruhSocialniSluzby/99"}),
        ],
    )

    summary = run(sessions, tmp_path)

    assert (summary.added, len(summary.rejected)) == (1, 2)
    assert [str(e) for e in summary.rejected] == [
        "rpss.json, položka 2 (identifikátor 2), pole emaily[1]: 'poradna(at)charita' není platný e-mail; "
        "očekává se např. info@poradna.cz",
        "rpss.json, položka 3 (identifikátor 3), pole druhSocialniSluzby: "
        "neznámé id 'DruhSocialniSluzby/99'; "
        "očekává se id z číselníku druhy-socialni-sluzby.json",
    ]
    with sessions() as session:
        [record] = session.scalars(select(ImportRun)).all()
        assert (record.added, record.rejected, len(record.rejections)) == (1, 2, 2)


def test_rejected_item_keeps_its_existing_service_active(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item("1", 1), item("2", 2)])
    run(sessions, tmp_path)
    write_register(tmp_path, [item("1", 1), item("2", 2, emaily=[{"email": "poradna(at)charita"}])])

    summary = run(sessions, tmp_path)

    assert (summary.unchanged, summary.deactivated, len(summary.rejected)) == (1, 0, 1)
    with sessions() as session:
        assert service(session, "2").active


def without(name: str) -> dict[str, list[dict[str, Any]]]:
    return {k: v for k, v in CODELISTS.items() if k != name}


def broken(*items: dict[str, Any]) -> list[dict[str, Any]]:
    return [item("1234567", 1), *items]


BAD_INPUTS: dict[str, tuple[dict[str, Any], str]] = {
    "truncated file": (
        {"text": json.dumps({"polozky": [item("1", 1), item("2", 2)]})[:-900]},
        "rpss.json: soubor je useknutý: končí uprostřed položky 2",
    ),
    "not JSON at all": (
        {"text": "<html><body>Služba není dostupná</body></html>"},
        "rpss.json: soubor není platný JSON",
    ),
    "no items": ({"text": '{"data": []}'}, "rpss.json, pole polozky: soubor neobsahuje žádnou službu"),
    "missing codelist file": (
        {"items": broken(), "codelists": without("druhy-socialni-sluzby")},
        "ciselniky/druhy-socialni-sluzby.json: soubor chybí; očekává se číselník druhy-socialni-sluzby.json",
    ),
    "broken codelist file": (
        {"items": broken(), "codelists": {**CODELISTS, "obce": '{"polozky": [{"id": "Obec/511382", "naz'}},
        "ciselniky/obce.json: soubor je poškozený nebo useknutý (není platný JSON)",
    ),
    "unknown codelist id": (
        {"items": broken(item("2222222", 2, druhSocialniSluzby={"id": "DruhSocialniSluzby/99"}))},
        "rpss.json, položka 2 (identifikátor 2222222), pole druhSocialniSluzby: neznámé id "
        "'DruhSocialniSluzby/99'; očekává se id z číselníku druhy-socialni-sluzby.json",
    ),
    "unknown municipality": (
        {"items": broken(item("2222222", 2, zarizeni=[facility("X"), facility("Y", 999999)]))},
        "rpss.json, položka 2 (identifikátor 2222222), pole zarizeni[2].adresa.obec: neznámé id "
        "'Obec/999999'; očekává se id z číselníku obce.json",
    ),
    "missing required field": (
        {"items": broken({k: v for k, v in item("2222222", 2).items() if k != "druhSocialniSluzby"})},
        "rpss.json, položka 2 (identifikátor 2222222), pole druhSocialniSluzby: chybí; očekává se "
        '{"id": "DruhSocialniSluzby/<číslo>"}',
    ),
    "missing identifier": (
        {"items": broken({k: v for k, v in item("x", 2).items() if k != "identifikator"})},
        "rpss.json, položka 2, pole identifikator: chybí; očekává se registrační číslo služby",
    ),
    "bad IČO": (
        {"items": broken(item("2222222", 2, poskytovatel=provider(ico="CZ123")))},
        "rpss.json, položka 2 (identifikátor 2222222), pole poskytovatel.ico: 'CZ123' není IČO; očekává se 8 číslic",
    ),
    "bad e-mail": (
        {"items": broken(item("2222222", 2, emaily=[{"email": "poradna(at)charita"}]))},
        "rpss.json, položka 2 (identifikátor 2222222), pole emaily[1]: 'poradna(at)charita' není platný e-mail",
    ),
    "duplicate identifikator": (
        {"items": broken(item("1234567", 2))},
        "rpss.json, položka 2 (identifikátor 1234567), pole identifikator: identifikátor 1234567 už má "
        "položka 1; očekává se jedinečný identifikátor",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_in_a_strict_run_is_reported_and_changes_nothing(case, sessions, engine, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path / "good", [item("1234567", 1), item("7654321", 7)])
    run(sessions, tmp_path / "good")
    before = snapshot(engine)
    register, message = BAD_INPUTS[case]
    write_register(
        tmp_path / "bad",
        register.get("items"),
        codelists=register.get("codelists"),
        text=register.get("text"),
    )

    with pytest.raises(ImportFailed) as failure:
        run(sessions, tmp_path / "bad", strict=True)

    assert message in str(failure.value)
    assert snapshot(engine) == before


@pytest.mark.parametrize("case", ["truncated file", "not JSON at all", "missing codelist file", "broken codelist file"])
def test_broken_file_fails_whole_even_when_items_are_set_aside(case, sessions, engine, tmp_path):
    add_municipalities(sessions)
    register, message = BAD_INPUTS[case]
    write_register(tmp_path, register.get("items"), codelists=register.get("codelists"), text=register.get("text"))
    before = snapshot(engine)

    with pytest.raises(ImportFailed) as failure:
        run(sessions, tmp_path)

    assert message in str(failure.value)
    assert snapshot(engine) == before


ITEM_CASES = [case for case, (register, _) in BAD_INPUTS.items() if "items" in register and "codelists" not in register]


@pytest.mark.parametrize("case", ITEM_CASES)
def test_bad_item_is_set_aside_and_the_others_imported(case, sessions, tmp_path):
    add_municipalities(sessions)
    register, message = BAD_INPUTS[case]
    write_register(tmp_path, [*register["items"], item("7654321", 7)])

    summary = run(sessions, tmp_path)

    assert message in "\n".join(str(e) for e in summary.rejected)
    with sessions() as session:
        assert set(session.scalars(select(Service.registry_id))) == {"1234567", "7654321"}


def test_byte_order_mark_is_tolerated(sessions, tmp_path):
    write_register(tmp_path, text="\ufeff" + json.dumps({"polozky": [item()]}))

    summary = run(sessions, tmp_path, keep_all=True)

    assert (summary.added, summary.rejected) == (1, [])


def test_missing_register_file_is_an_error(sessions, tmp_path):
    with pytest.raises(ImportFailed) as failure:
        run(sessions, tmp_path, keep_all=True)

    assert str(failure.value).startswith("rpss.json: soubor v adresáři")


def test_codelist_terms_are_added_and_updated_never_deleted(sessions, tmp_path):
    add_municipalities(sessions)
    write_register(tmp_path, [item()])
    run(sessions, tmp_path)
    codelists = dict(CODELISTS)
    codelists["druhy-socialni-sluzby"] = [{"id": "DruhSocialniSluzby/4", "nazev": {"cs": "pečovatelská služba (§ 40)"}}]
    write_register(tmp_path, [item()], codelists=codelists)

    summary = run(sessions, tmp_path)

    assert "číselník druhy-socialni-sluzby.json: přidáno 0, změněno 1 položek" in summary.changes
    with sessions() as session:
        assert session.get(CodelistTerm, "DruhSocialniSluzby/4").name == "pečovatelská služba (§ 40)"
        assert session.get(CodelistTerm, "DruhSocialniSluzby/13") is not None


# --- the bundled sample and the command line --------------------------------------------

SAMPLE = CATALOG_DATA / "sample-rpss"


@pytest.mark.skipif(not (SAMPLE / "rpss.json").is_file(), reason="the bundled sample register is not there")
def test_bundled_sample_register_imports_cleanly_and_twice_the_same(sessions, engine):
    first = run(sessions, SAMPLE, keep_all=True)
    before = catalogue_rows(engine)
    second = run(sessions, SAMPLE, keep_all=True)

    assert first.rejected == [] and first.added > 0
    assert (second.added, second.updated, second.unchanged) == (0, 0, first.added)
    assert catalogue_rows(engine) == before


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


def flat(text: str) -> str:
    return " ".join(text.split())


def test_command_imports_the_register_and_prints_a_summary(cli, tmp_path):
    write_register(tmp_path / "rpss", [item("1", 1), item("2", 2, datumPoskytovaniDo=PAST)])

    result = cli("import", "rpss", tmp_path / "rpss", "--all")

    assert result.exit_code == 0, result.output
    output = flat(result.output)
    assert "přidáno: Pečovatelská služba Charity Přerov (1)" in output
    assert "Položky registru: přečteno 2, ukončené služby 1, mimo region 0." in output


def test_command_reports_a_broken_register_and_exits_1(cli, tmp_path):
    write_register(tmp_path / "rpss", text='{"polozky": [{"identifikator": "1"')

    result = cli("import", "rpss", tmp_path / "rpss", "--all")

    assert result.exit_code == 1
    output = flat(result.output)
    assert "Import se nezdařil, v databázi se nic nezměnilo." in output
    assert "rpss.json: soubor je useknutý" in output


def test_command_falls_back_to_the_regions_setting(cli, monkeypatch, tmp_path):
    table = tmp_path / "obce.csv"
    table.write_text("kod,nazev,orp,obyvatel\n511382,Přerov,Přerov,41000\n513750,Hranice,Hranice,18000\n")
    write_register(tmp_path / "rpss", [item("1", 1)])
    assert cli("import", "municipalities", table).exit_code == 0
    monkeypatch.setenv("REGIONS", "Hranice")
    from bot.config import get_settings

    get_settings.cache_clear()

    result = cli("import", "rpss", tmp_path / "rpss")

    assert result.exit_code == 0, result.output
    assert "přečteno 1, ukončené služby 0, mimo region 1" in flat(result.output)
