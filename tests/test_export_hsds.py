"""`export hsds`: the catalogue as Open Referral HSDS 3.1, checked against the standard's own
JSON Schemas (catalog_data/hsds/schema/) and its tabular data package layout.

Ended services are left out by default and exported with status "inactive" only with
--include-ended. A hidden address (a shelter) never leaves the database: no street, name,
point or coordinates, only its municipality in the location's description.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from admin_scripts.app import app
from admin_scripts.commands import register_all
from bot import CATALOG_DATA
from bot.catalog.bundled import load_bundled_data
from bot.catalog.hsds import build_export
from bot.catalog.hsds_hours import WeeklyHours, parse_hours
from bot.catalog.models import (
    CILOVA_SKUPINA,
    DRUH,
    FORMA,
    CodelistTerm,
    Municipality,
    Place,
    Provider,
    Service,
    ServiceArea,
    ServiceForm,
)
from bot.config import get_settings
from bot.db import make_engine, session_factory, upgrade_schema

register_all()

SCHEMA_DIR = CATALOG_DATA / "hsds" / "schema"
PREROV, KOJETIN, KROMERIZ = 511382, 514055, 588296
SECRET_STREET, SECRET_POINT, SECRET_LAT = "Skrytá", 99887766, 49.4611
TABLE_FILES = {
    "organization": "organizations.csv",
    "service": "services.csv",
    "location": "locations.csv",
    "address": "addresses.csv",
    "service_at_location": "service_at_location.csv",
    "phone": "phones.csv",
    "schedule": "schedules.csv",
    "service_area": "service_areas.csv",
    "taxonomy": "taxonomies.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "attribute": "attributes.csv",
    "organization_identifier": "organization_identifiers.csv",
}


def _schemas() -> dict[str, dict[str, Any]]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_DIR.glob("*.json")}


def _is_uri(value: object) -> bool:
    """An absolute URI (jsonschema checks "uri" only with an optional package installed)."""
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme in ("http", "https") and parts.netloc and " " not in value)


def service_validator() -> Draft202012Validator:
    """The standard's service.json with every table it refers to; formats (uuid, email, uri)
    are checked."""
    schemas = _schemas()
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in schemas.values()
    )
    formats = FormatChecker()
    formats.checks("uri")(_is_uri)
    return Draft202012Validator(schemas["service"], registry=registry, format_checker=formats)


VALIDATOR = service_validator()


def assert_valid(services: list[dict[str, Any]]) -> None:
    problems = [
        f"{service.get('name')}: {'/'.join(map(str, error.absolute_path))}: {error.message}"
        for service in services
        for error in VALIDATOR.iter_errors(service)
    ]
    assert not problems, "\n".join(problems[:20])


def fill(sessions: sessionmaker[Session]) -> None:
    """A small catalogue: a register service with IČO, phones, hours and two places; a shelter
    with a hidden address; an ended service; a local service without a provider; one in
    another region."""
    with sessions.begin() as s:
        s.add_all(
            [
                Municipality(code=PREROV, name="Přerov", orp="Přerov"),
                Municipality(code=KOJETIN, name="Kojetín", orp="Přerov"),
                Municipality(code=KROMERIZ, name="Kroměříž", orp="Kroměříž"),
            ]
        )
        terms = {
            "pecovatelska": CodelistTerm(
                id="DruhSocialniSluzby/4", codelist=DRUH, code="4", name="pečovatelská služba"
            ),
            "azyl": CodelistTerm(id="DruhSocialniSluzby/20", codelist=DRUH, code="20", name="azylové domy"),
            "seniori": CodelistTerm(id="CilovaSkupinaOsoby/24", codelist=CILOVA_SKUPINA, code="24", name="senioři"),
            "ter": CodelistTerm(id="FormaSocialniSluzby/ter", codelist=FORMA, code="ter", name="terénní"),
            "pob": CodelistTerm(id="FormaSocialniSluzby/pob", codelist=FORMA, code="pob", name="pobytová"),
        }
        s.add_all(terms.values())
        charity = Provider(
            ico="44936427",
            name="Charita Přerov",
            phones=["581 000 123"],
            emails=["charita@example.cz"],
            webs=["https://www.charita-prerov.example", "https://www.facebook.com/charita.example"],
        )
        s.add_all(
            [
                Service(
                    registry_id="1234567",
                    provider=charity,
                    name="Pečovatelská služba Charity Přerov",
                    druh=terms["pecovatelska"],
                    target_groups=[terms["seniori"]],
                    forms=[ServiceForm(form_id="FormaSocialniSluzby/ter")],
                    description="Pomůžeme seniorům doma s hygienou, nákupem a úklidem.",
                    how_to_get_help="Zavolejte nám a domluvíme návštěvu.",
                    price="podle ceníku",
                    age_note="od 65 let",
                    phones=["581 111 222", "604 000 111"],
                    emails=["pecovatelka@example.cz", "vedouci@example.cz"],
                    webs=["https://pecovatelka.example"],
                    register_hours="Po–Pá 7:00–15:30; So 8:00–12:00",
                    languages=["cs", "uk"],
                    last_checked=dt.date(2026, 10, 14),
                    places=[
                        Place(
                            name="Středisko Předmostí",
                            street="Hranická",
                            house_number="3125/100",
                            postcode="75124",
                            municipality_code=PREROV,
                            municipality_name="Přerov",
                            part_name="Přerov II-Předmostí",
                            address_point=91003426,
                            latitude=49.4707,
                            longitude=17.4501,
                        ),
                        Place(
                            name="Středisko Kojetín",
                            street="Hanusíkova",
                            house_number="1401/2",
                            postcode="75201",
                            municipality_code=KOJETIN,
                            municipality_name="Kojetín",
                            part_name="Kojetín",
                            latitude=49.3518,
                            longitude=17.3020,
                        ),
                    ],
                    area=[ServiceArea(municipality_code=PREROV), ServiceArea(municipality_code=KOJETIN)],
                ),
                Service(
                    registry_id="7654321",
                    provider=charity,
                    name="Azylový dům pro matky s dětmi",
                    druh=terms["azyl"],
                    forms=[ServiceForm(form_id="FormaSocialniSluzby/pob", continuous=True)],
                    hours="nepřetržitě",
                    phones=["581 222 333"],
                    places=[
                        # the importer never keeps a street or a point of a hidden place; the
                        # export must not show one even if it were there
                        Place(
                            name=f"Azylový dům, {SECRET_STREET} 13",
                            street=SECRET_STREET,
                            house_number="13",
                            postcode="75002",
                            municipality_code=PREROV,
                            municipality_name="Přerov",
                            address_point=SECRET_POINT,
                            latitude=SECRET_LAT,
                            longitude=17.4402,
                            address_hidden=True,
                        )
                    ],
                ),
                Service(
                    registry_id="1111111",
                    provider=charity,
                    name="Ukončená odlehčovací služba",
                    active=False,
                    deactivated_on=dt.date(2026, 9, 30),
                    places=[Place(municipality_code=PREROV, municipality_name="Přerov")],
                ),
                Service(
                    local_id="PR-1",
                    name="Potravinová pomoc Kojetín",
                    category="potravinová pomoc",
                    hours="út a čt 13:00–16:00",
                    phones=["604 123 456"],
                    area=[ServiceArea(municipality_code=KOJETIN)],
                ),
                Service(
                    local_id="KM-1",
                    name="Šatník Kroměříž",
                    category="šatník",
                    places=[Place(municipality_code=KROMERIZ, municipality_name="Kroměříž", postcode="76701")],
                ),
            ]
        )


@pytest.fixture
def database(tmp_path, monkeypatch) -> Iterator[str]:
    """The small catalogue in a SQLite file, configured as the admin scripts' database."""
    url = f"sqlite:///{tmp_path / 'hsds.sqlite3'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    fill(session_factory(engine))
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def export(out: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["export", "hsds", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    services: list[dict[str, Any]] = json.loads((out / "services.json").read_text(encoding="utf-8"))
    return services


def by_name(services: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {s["name"]: s for s in services}


def read_table(out: Path, path: str) -> tuple[list[str], list[dict[str, str]]]:
    with (out / path).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def assert_package_matches(out: Path) -> dict[str, list[dict[str, str]]]:
    """Every CSV has exactly the fields its resource declares, and those are the value fields of
    the standard's schema of that table; required values are set, keys unique and resolved."""
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    schemas = _schemas()
    tables: dict[str, list[dict[str, str]]] = {}
    for resource in package["resources"]:
        standard = schemas[resource["name"]]
        assert resource["path"] == standard["path"]
        declared = [f["name"] for f in resource["schema"]["fields"]]
        expected = [n for n, spec in standard["properties"].items() if "$ref" not in spec and spec["type"] != "array"]
        assert declared == expected, resource["name"]
        header, rows = read_table(out, resource["path"])
        assert header == declared, resource["path"]
        required = [f["name"] for f in resource["schema"]["fields"] if f["constraints"]["required"]]
        for row in rows:
            assert all(row[name] for name in required), (resource["name"], row)
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids)), resource["name"]
        tables[resource["name"]] = rows
    for resource in package["resources"]:
        for key in resource["schema"].get("foreignKeys", []):
            target = key["reference"]["resource"] or resource["name"]
            known = {row["id"] for row in tables[target]}
            for row in tables[resource["name"]]:
                value = row[key["fields"]]
                assert not value or value in known, (resource["name"], key["fields"], value)
    assert set(TABLE_FILES) <= set(tables)
    return tables


def test_the_export_is_valid_hsds_and_maps_the_register_service(database, tmp_path) -> None:
    out = tmp_path / "hsds"
    services = export(out)
    assert_valid(services)
    assert_package_matches(out)
    assert sorted(s["name"] for s in services) == [
        "Azylový dům pro matky s dětmi",
        "Pečovatelská služba Charity Přerov",
        "Potravinová pomoc Kojetín",
        "Šatník Kroměříž",
    ]  # the ended service is left out
    care = by_name(services)["Pečovatelská služba Charity Přerov"]
    assert care["status"] == "active" and care["assured_date"] == "2026-10-14"
    assert care["url"] == "https://pecovatelka.example" and care["email"] == "pecovatelka@example.cz"
    assert [c["email"] for c in care["contacts"]] == ["vedouci@example.cz"]
    assert [p["number"] for p in care["phones"]] == ["581 111 222", "604 000 111"]
    assert care["application_process"] == "Zavolejte nám a domluvíme návštěvu."
    assert care["eligibility_description"] == "Cílové skupiny: senioři. od 65 let"
    assert [(lang["code"], lang["name"]) for lang in care["languages"]] == [("cs", "čeština"), ("uk", "ukrajinština")]
    organization = care["organization"]
    assert organization["name"] == "Charita Přerov" and organization["website"] == "https://www.charita-prerov.example"
    assert [
        (i["identifier_scheme"], i["identifier_type"], i["identifier"])
        for i in organization["organization_identifiers"]
    ] == [("CZ-ICO", "IČO", "44936427")]
    assert [u["url"] for u in organization["additional_websites"]] == ["https://www.facebook.com/charita.example"]
    assert [p["number"] for p in organization["phones"]] == ["581 000 123"]
    assert [(s["byday"], s["opens_at"], s["closes_at"], s["freq"]) for s in care["schedules"]] == [
        ("MO,TU,WE,TH,FR", "07:00:00", "15:30:00", "WEEKLY"),
        ("SA", "08:00:00", "12:00:00", "WEEKLY"),
    ]
    assert [s["description"] for s in care["schedules"]] == ["Po–Pá 7:00–15:30", "So 8:00–12:00"]
    terms = {(a["label"], a["taxonomy_term"]["code"], a["taxonomy_term"]["name"]) for a in care["attributes"]}
    assert terms == {
        ("druh", "DruhSocialniSluzby/4", "pečovatelská služba"),
        ("cílová skupina", "CilovaSkupinaOsoby/24", "senioři"),
        ("forma", "FormaSocialniSluzby/ter", "terénní"),
    }
    druh = next(a for a in care["attributes"] if a["label"] == "druh")["taxonomy_term"]["taxonomy_detail"]
    assert druh["uri"].endswith("/ciselniky/druhy-socialni-sluzby.json")
    assert [a["name"] for a in care["service_areas"]] == ["Přerov", "Kojetín"]
    locations = [link["location"] for link in care["service_at_locations"]]
    assert [loc["name"] for loc in locations] == ["Středisko Předmostí", "Středisko Kojetín"]
    first = locations[0]
    assert (first["latitude"], first["longitude"]) == (49.4707, 17.4501)
    assert (first["external_identifier"], first["external_identifier_type"]) == (
        "91003426",
        "RÚIAN kód adresního místa",
    )
    assert first["addresses"] == [
        {
            "id": first["addresses"][0]["id"],
            "location_id": first["id"],
            "address_1": "Hranická 3125/100",
            "address_2": "Přerov II-Předmostí",
            "city": "Přerov",
            "state_province": "Olomoucký kraj",
            "postal_code": "751 24",
            "country": "CZ",
            "address_type": "physical",
        }
    ]
    food = by_name(services)["Potravinová pomoc Kojetín"]
    assert food["organization"]["name"] == "Potravinová pomoc Kojetín"  # no provider: named after the service
    assert [(s["byday"], s["opens_at"]) for s in food["schedules"]] == [("TU,TH", "13:00:00")]
    assert [a["taxonomy_term"]["name"] for a in food["attributes"]] == ["potravinová pomoc"]


def test_the_validator_rejects_what_the_standard_rejects(database, tmp_path) -> None:
    services = export(tmp_path / "hsds")
    care = by_name(services)["Pečovatelská služba Charity Přerov"]
    no_status = {k: v for k, v in care.items() if k != "status"}
    assert not VALIDATOR.is_valid(no_status)
    bad_phone = copy.deepcopy(care)
    del bad_phone["phones"][0]["number"]  # phone.json, reached through a $ref
    assert not VALIDATOR.is_valid(bad_phone)
    bad_address = copy.deepcopy(care)
    del bad_address["service_at_locations"][0]["location"]["addresses"][0]["postal_code"]
    assert not VALIDATOR.is_valid(bad_address)
    bad_id = copy.deepcopy(care)
    bad_id["organization"]["id"] = "not-a-uuid"
    assert not VALIDATOR.is_valid(bad_id)
    bad_url = copy.deepcopy(care)
    bad_url["url"] = "pecovatelka"
    assert not VALIDATOR.is_valid(bad_url)


def test_a_hidden_address_is_never_exported(database, tmp_path) -> None:
    out = tmp_path / "hsds"
    services = export(out)
    shelter = by_name(services)["Azylový dům pro matky s dětmi"]
    (link,) = shelter["service_at_locations"]
    location = link["location"]
    assert set(location) == {"id", "location_type", "description", "addresses", "accessibility"}
    assert location["addresses"] == [] and location["description"] == "Adresa místa se nezveřejňuje. Obec: Přerov."
    assert [s["description"] for s in shelter["schedules"]] == ["nepřetržitě"]  # not hours: kept as text
    forms = [(a["taxonomy_term"]["code"], a.get("value")) for a in shelter["attributes"] if a["label"] == "forma"]
    assert forms == [("FormaSocialniSluzby/pob", "nepřetržitě")]
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        assert SECRET_STREET not in text and str(SECRET_POINT) not in text and str(SECRET_LAT) not in text, path.name
    locations = read_table(out, "locations.csv")[1]
    hidden = next(row for row in locations if row["id"] == location["id"])
    assert hidden["latitude"] == hidden["longitude"] == hidden["name"] == hidden["external_identifier"] == ""
    assert all(row["location_id"] != location["id"] for row in read_table(out, "addresses.csv")[1])


def test_ended_services_are_left_out_unless_asked_for_and_then_inactive(database, tmp_path) -> None:
    assert "Ukončená odlehčovací služba" not in by_name(export(tmp_path / "active"))
    services = export(tmp_path / "all", "--include-ended")
    assert_valid(services)
    assert by_name(services)["Ukončená odlehčovací služba"]["status"] == "inactive"
    statuses = {row["name"]: row["status"] for row in read_table(tmp_path / "all", "services.csv")[1]}
    assert statuses["Ukončená odlehčovací služba"] == "inactive"
    assert statuses["Pečovatelská služba Charity Přerov"] == "active"


def test_a_region_exports_the_services_that_have_a_place_or_reach_a_town_there(database, tmp_path) -> None:
    assert [s["name"] for s in export(tmp_path / "km", "--region", "ORP Kroměříž")] == ["Šatník Kroměříž"]
    prerov = export(tmp_path / "pr", "--region", "přerov")
    assert "Šatník Kroměříž" not in by_name(prerov) and "Potravinová pomoc Kojetín" in by_name(prerov)
    both = export(tmp_path / "both", "--region", "Přerov", "--region", "Kroměříž")
    assert len(both) == 4


def test_an_unknown_region_is_a_czech_error_and_writes_nothing(database, tmp_path) -> None:
    out = tmp_path / "hsds"
    result = CliRunner().invoke(app, ["export", "hsds", "--out", str(out), "--region", "Brno"])
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert "ORP „Brno“ v databázi není; načtené regiony: Kroměříž, Přerov" in message
    assert not out.exists()


def test_an_out_that_is_a_file_is_a_czech_error_and_writes_nothing(database, tmp_path) -> None:
    target = tmp_path / "export.txt"
    target.write_text("puvodni obsah", encoding="utf-8")
    result = CliRunner().invoke(app, ["export", "hsds", "--out", str(target)])
    assert result.exit_code == 1
    assert "není adresář" in " ".join(result.output.split()) and "Traceback" not in result.output
    assert target.read_text(encoding="utf-8") == "puvodni obsah"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.txt", "hsds.sqlite3"]
    missing = CliRunner().invoke(app, ["export", "hsds"])
    assert missing.exit_code == 1 and "chybí --out" in missing.output


def test_the_mapping_reads_every_database_engine(sessions) -> None:
    fill(sessions)
    with sessions() as session:
        result = build_export(session)
    assert_valid(result.services)
    assert len(result.services) == 4 and result.hidden_places == 1
    assert {row["identifier"] for row in result.tables["organization_identifier"]} == {"44936427"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Po–Pá 8:00–12:00, 13:00–16:00; So 9:00–11:00", [((0, 1, 2, 3, 4), "08:00:00", "12:00:00", None),
                                                       ((0, 1, 2, 3, 4), "13:00:00", "16:00:00", None),
                                                       ((5,), "09:00:00", "11:00:00", None)]),
        ("po a st 8:00–17:00, út a čt 8:00–14:00", [((0, 2), "08:00:00", "17:00:00", None),
                                                    ((1, 3), "08:00:00", "14:00:00", None)]),
        ("po–pá 7:00–19:00, víkendy 7:00–15:00", [((0, 1, 2, 3, 4), "07:00:00", "19:00:00", None),
                                                  ((5, 6), "07:00:00", "15:00:00", None)]),
        ("terénní: Po–Pá 7:30–15:30; ambulantní: Út 9:00–12:00; Čt 9:00–12:00",
         [((0, 1, 2, 3, 4), "07:30:00", "15:30:00", "terénní"), ((1,), "09:00:00", "12:00:00", "ambulantní"),
          ((3,), "09:00:00", "12:00:00", "ambulantní")]),
        ("Po, St 8.00-9.30", [((0, 2), "08:00:00", "09:30:00", None)]),
        ("nepřetržitě", None),
        ("nepřetržitě; recepce po–pá 7:00–15:00", None),
        ("každý den 19:00–7:00", None),  # overnight
        ("Po 7:00–24:00; Pá 0:00–15:00", None),
        ("první úterý v měsíci 16:00–18:00", None),
        ("objednávky po–čt 8:00–12:00", None),
    ],
)  # fmt: skip
def test_opening_hours_become_weekly_rules_only_when_the_whole_text_reads_so(text: str, expected: Any) -> None:
    parsed = parse_hours(text)
    if expected is None:
        assert parsed is None
    else:
        assert parsed == [WeeklyHours(*rule) for rule in expected]


def test_the_bundled_sample_catalogue_exports_valid_hsds_with_stable_ids(tmp_path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'ukazka.sqlite3'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    load_bundled_data(session_factory(engine))
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        services = export(tmp_path / "first")
        again = export(tmp_path / "second")
    finally:
        get_settings.cache_clear()
    assert len(services) > 50
    assert_valid(services)
    tables = assert_package_matches(tmp_path / "first")
    assert len(tables["service"]) == len(services)
    assert any(row["freq"] == "WEEKLY" for row in tables["schedule"])
    assert {row["identifier_scheme"] for row in tables["organization_identifier"]} == {"CZ-ICO"}
    assert services == again  # the same catalogue, the same ids
