"""Checks of the bundled sample register (`catalog_data/sample-rpss/`) and its codelists.

The sample mimics the MPSV open-data file `rpss.json` for ORP Přerov. Its services,
providers and contacts are invented, and these tests keep them unmistakably so: telephone
numbers no subscriber can have, e-mails and webs on the reserved `.example` domain and IČOs
that fail the checksum. They also keep every codelist reference resolvable and the sample
rich enough to exercise an importer (ended services, duplicated facilities, a service from
outside the region, services without own contacts).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

import pytest

from bot import CATALOG_DATA
from bot.catalog.codelists import CODELIST_FILES

SAMPLE = CATALOG_DATA / "sample-rpss"
CODELISTS = SAMPLE / "ciselniky"

OKRES_PREROV = "Okres/3808"

# druh id -> the least number of active services of that druh the sample must hold
REQUIRED_DRUHY = {
    1: 4,  # odborné sociální poradenství
    3: 2,  # osobní asistence
    4: 4,  # pečovatelská služba
    5: 1,  # tísňová péče
    6: 1,  # průvodcovské a předčitatelské služby
    7: 1,  # podpora samostatného bydlení
    8: 2,  # odlehčovací služby
    9: 1,  # centra denních služeb
    10: 1,  # denní stacionáře
    11: 1,  # týdenní stacionáře
    12: 1,  # domovy pro osoby se zdravotním postižením
    13: 3,  # domovy pro seniory
    14: 2,  # domovy se zvláštním režimem
    15: 2,  # chráněné bydlení
    16: 1,  # sociální služby poskytované ve zdravotnických zařízeních lůžkové péče
    17: 1,  # raná péče
    18: 1,  # telefonická krizová pomoc
    19: 1,  # tlumočnické služby
    20: 2,  # azylové domy
    21: 1,  # domy na půl cesty
    22: 1,  # kontaktní centra
    23: 1,  # krizová pomoc
    24: 1,  # nízkoprahová denní centra
    25: 2,  # nízkoprahová zařízení pro děti a mládež
    26: 1,  # noclehárny
    27: 1,  # služby následné péče
    28: 2,  # sociálně aktivizační služby pro rodiny s dětmi
    29: 1,  # sociálně aktivizační služby pro seniory a osoby se zdravotním postižením
    30: 2,  # sociálně terapeutické dílny
    32: 2,  # terénní programy
    33: 2,  # sociální rehabilitace
    34: 1,  # intervenční centra
    35: 1,  # centra duševního zdraví
}


@cache
def _sample() -> dict[str, Any]:
    return json.loads((SAMPLE / "rpss.json").read_text(encoding="utf-8"))


@cache
def _codelist(name: str) -> tuple[dict[str, Any], ...]:
    data = json.loads((CODELISTS / f"{name}.json").read_text(encoding="utf-8"))
    return tuple(data["polozky"])


def _codelist_ids(name: str) -> set[str]:
    return {item["id"] for item in _codelist(name)}


def _services() -> list[dict[str, Any]]:
    return _sample()["polozky"]


def _walk(node: Any) -> Iterator[tuple[str | None, Any]]:
    """Yield (key, value) for every value in a JSON tree; list items get their list's key."""
    stack: list[tuple[str | None, Any]] = [(None, node)]
    while stack:
        key, value = stack.pop()
        yield key, value
        if isinstance(value, dict):
            stack.extend(value.items())
        elif isinstance(value, list):
            stack.extend((key, item) for item in value)


def _references(node: Any) -> Iterator[str]:
    """Every codelist reference: the value of an `{"id": "Prefix/code"}` object."""
    for key, value in _walk(node):
        if key == "id" and isinstance(value, str):
            yield value


def _is_active(service: dict[str, Any], today: date) -> bool:
    start = service.get("datumPoskytovaniOd")
    end = service.get("datumPoskytovaniDo")
    if start and date.fromisoformat(start[:10]) > today:
        return False
    return end is None or date.fromisoformat(end[:10]) >= today


def _active_services() -> list[dict[str, Any]]:
    today = date.today()
    return [s for s in _services() if _is_active(s, today)]


def _ico_checksum_is_valid(ico: str) -> bool:
    total = sum(int(digit) * weight for digit, weight in zip(ico[:7], range(8, 1, -1), strict=True))
    return int(ico[7]) == (11 - total % 11) % 10


def _addresses(service: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for place in service.get("zarizeni") or []:
        yield place["adresa"]
    for contact in service.get("kontaktniAdresy") or []:
        yield contact["adresa"]


# --- the layout and the codelists -------------------------------------------------------------


def test_sample_is_laid_out_like_the_open_data_site() -> None:
    assert (SAMPLE / "rpss.json").is_file()
    assert CODELISTS.is_dir(), "sample-rpss/ciselniky must lead to catalog_data/ciselniky"
    assert CODELISTS.resolve() == (CATALOG_DATA / "ciselniky").resolve()
    for name in CODELIST_FILES.values():
        assert (CODELISTS / f"{name}.json").is_file(), name


@pytest.mark.parametrize(("prefix", "name"), sorted(CODELIST_FILES.items()))
def test_codelist_items_have_an_id_of_their_kind_and_a_czech_name(prefix: str, name: str) -> None:
    items = _codelist(name)
    assert items, name
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    for item in items:
        assert item["id"].startswith(f"{prefix}/"), item["id"]
        assert item["id"].split("/", 1)[1], item["id"]
        assert isinstance(item["nazev"]["cs"], str) and item["nazev"]["cs"].strip(), item["id"]


def test_codelist_druhy_hold_the_register_kinds_and_mental_health_centres() -> None:
    names = {item["id"]: item["nazev"]["cs"] for item in _codelist("druhy-socialni-sluzby")}
    assert len(names) == 34
    assert names["DruhSocialniSluzby/13"] == "domovy pro seniory"
    assert names["DruhSocialniSluzby/4"] == "pečovatelská služba"
    assert names["DruhSocialniSluzby/35"] == "centra duševního zdraví"
    assert all(name == name.lower() for name in names.values())


def test_codelist_target_groups_keep_the_known_ids() -> None:
    names = {item["id"]: item["nazev"]["cs"] for item in _codelist("cilove-skupiny-osoby")}
    assert names["CilovaSkupinaOsoby/24"] == "senioři"
    assert names["CilovaSkupinaOsoby/26"] == "pečující osoby"
    assert names["CilovaSkupinaOsoby/27"] == "osoby s potřebou paliativní péče"
    assert names["CilovaSkupinaOsoby/30"] == "osoby žijící s demencí"


def test_codelist_municipalities_cover_the_three_districts() -> None:
    by_okres = Counter(item["okres"]["id"] for item in _codelist("obce"))
    assert set(by_okres) == {"Okres/3808", "Okres/3805", "Okres/3708"}
    names = {item["id"]: item["nazev"]["cs"] for item in _codelist("obce")}
    assert names["Obec/511382"] == "Přerov"
    assert names["Obec/514055"] == "Kojetín"
    assert names["Obec/500496"] == "Olomouc"
    assert names["Obec/588296"] == "Kroměříž"


def test_codelists_refer_only_to_known_codelist_items() -> None:
    for name in CODELIST_FILES.values():
        for item in _codelist(name):
            for ref in _references({k: v for k, v in item.items() if k != "id"}):
                prefix = ref.split("/", 1)[0]
                assert prefix in CODELIST_FILES, f"{name}: {ref}"
                assert ref in _codelist_ids(CODELIST_FILES[prefix]), f"{name}: {ref}"


# --- the sample register ------------------------------------------------------------------------


def test_sample_is_marked_as_sample_data() -> None:
    note = _sample()["poznamka"]
    assert "UKÁZKOVÁ DATA" in note
    assert "nejde o skutečný registr" in note


def test_sample_every_codelist_reference_resolves() -> None:
    unresolved = []
    for service in _services():
        for ref in _references(service):
            prefix = ref.split("/", 1)[0]
            if prefix not in CODELIST_FILES or ref not in _codelist_ids(CODELIST_FILES[prefix]):
                unresolved.append((service["identifikator"], ref))
    assert unresolved == []


def test_sample_addresses_agree_with_the_municipality_codelist() -> None:
    okres_of = {item["id"]: item["okres"]["id"] for item in _codelist("obce")}
    obec_of_part = {item["id"]: item["obec"]["id"] for item in _codelist("casti-obci")}
    for service in _services():
        addresses = list(_addresses(service)) + [service["poskytovatel"]["adresa"]]
        for address in addresses:
            obec = address["obec"]["id"]
            assert address["okres"]["id"] == okres_of[obec], (service["identifikator"], obec)
            assert obec_of_part[address["castObce"]["id"]] == obec, (service["identifikator"], obec)


def test_sample_phone_numbers_cannot_reach_a_real_subscriber() -> None:
    numbers = [value for key, value in _walk(_sample()) if key in ("telefon", "fax") and isinstance(value, str)]
    assert numbers
    for field in numbers:
        for number in re.split(r"[,;]", field):
            digits = re.sub(r"\s", "", number)
            # Czech numbering never assigns a leading 0: no subscriber can have these
            assert re.fullmatch(r"0\d{8}", digits), field


def test_sample_emails_and_webs_are_on_the_reserved_example_domain() -> None:
    found = 0
    for key, value in _walk(_sample()):
        if not isinstance(value, str):
            continue
        if key == "email" or "@" in value:
            found += 1
            assert re.fullmatch(r"[\w.+-]+@[\w.-]+\.example", value), value
        if key in ("web", "url") or re.search(r"https?://|www\.", value):
            found += 1
            host = re.sub(r"^https?://", "", value).split("/", 1)[0]
            assert host.endswith(".example"), value
    assert found


def test_sample_icos_fail_the_checksum_so_no_real_company_has_them() -> None:
    icos = {service["poskytovatel"]["ico"] for service in _services()}
    assert icos
    for ico in icos:
        assert isinstance(ico, str) and re.fullmatch(r"\d{8}", ico), ico
        assert not _ico_checksum_is_valid(ico), ico


def test_ico_checksum_accepts_a_valid_number() -> None:
    # weighted sum 1*2 = 2, 2 % 11 = 2, check digit 11 - 2 = 9
    assert _ico_checksum_is_valid("00000019")
    assert not _ico_checksum_is_valid("00000018")
    # weighted sum 0: remainder 0 gives check digit 1
    assert _ico_checksum_is_valid("00000001")


def test_sample_providers_are_consistent_per_ico() -> None:
    by_ico: dict[str, dict[str, Any]] = {}
    for service in _services():
        provider = service["poskytovatel"]
        first = by_ico.setdefault(provider["ico"], provider)
        assert first == provider, provider["ico"]
        assert provider["dic"] in (None, f"CZ{provider['ico']}")
    counts = Counter(s["poskytovatel"]["ico"] for s in _services())
    assert max(counts.values()) >= 5, "one provider should run several services"
    assert sum(1 for n in counts.values() if n > 1) >= 5


def test_sample_identifiers_are_unique() -> None:
    identifiers = [s["identifikator"] for s in _services()]
    assert all(isinstance(i, str) and re.fullmatch(r"\d{7}", i) for i in identifiers)
    assert len(identifiers) == len(set(identifiers))
    portal_ids = [s["portalId"] for s in _services()]
    assert len(portal_ids) == len(set(portal_ids))


def test_sample_has_at_least_forty_services_active_today() -> None:
    assert len(_active_services()) >= 40


def test_sample_covers_the_kinds_of_services_a_region_has() -> None:
    counts = Counter(int(s["druhSocialniSluzby"]["id"].rsplit("/", 1)[1]) for s in _active_services())
    missing = {druh: need for druh, need in REQUIRED_DRUHY.items() if counts[druh] < need}
    assert missing == {}


def test_sample_forms_and_capacities_fit_the_kind() -> None:
    for service in _services():
        druh = service["druhSocialniSluzby"]["id"]
        forms = {f["forma"]["id"].rsplit("/", 1)[1] for f in service["formy"]}
        assert forms, service["identifikator"]
        for form in service["formy"]:
            assert form["kapacity"], service["identifikator"]
            for capacity in form["kapacity"]:
                assert isinstance(capacity["pocet"], int) and capacity["pocet"] > 0
        if druh in ("DruhSocialniSluzby/13", "DruhSocialniSluzby/14"):
            assert forms == {"pob"}
            types = {c["typ"]["id"] for f in service["formy"] for c in f["kapacity"]}
            assert types == {"TypKapacitySocialniSluzby/luzka"}
        if druh == "DruhSocialniSluzby/4":
            assert "ter" in forms


def test_sample_exercises_the_register_pitfalls() -> None:
    services = _services()
    today = date.today()
    ended = [s for s in services if s["datumPoskytovaniDo"] and not _is_active(s, today)]
    assert len(ended) >= 2

    def has_duplicate_place(service: dict[str, Any]) -> bool:
        keys = [json.dumps(p, sort_keys=True, ensure_ascii=False) for p in service["zarizeni"]]
        return len(keys) != len(set(keys))

    assert sum(1 for s in services if has_duplicate_place(s)) >= 2
    assert any(len(s["zarizeni"]) >= 2 and not has_duplicate_place(s) for s in services)
    assert any(not s["zarizeni"] and s["kontaktniAdresy"] for s in services)
    assert any(
        not s["telefony"] and not s["emaily"] and not s["weby"] and s["poskytovatel"]["telefony"] for s in services
    )
    assert any(any(p["poskytujeDo"] for p in s["zarizeni"]) and s["datumPoskytovaniDo"] is None for s in services), (
        "a facility that ended while its service goes on"
    )


def test_sample_serves_orp_prerov_and_one_service_reaches_in_from_outside() -> None:
    prerov = "Obec/511382"
    outside = []
    for service in _services():
        okresy = {a["okres"]["id"] for a in _addresses(service)}
        if okresy != {OKRES_PREROV}:
            outside.append(service)
    assert len(outside) == 1
    scope = outside[0]["rozsirenePusobnostiVKraji"]
    assert isinstance(scope, list)
    assert prerov in {entry["obec"]["id"] for entry in scope}
    towns = {a["obec"]["id"] for s in _services() for a in _addresses(s)}
    # Přerov, Kojetín, Tovačov, Brodek u Přerova, Dřevohostice, Horní Moštěnice, Troubky
    for code in (511382, 514055, 519146, 512800, 513229, 513491, 519651):
        assert f"Obec/{code}" in towns
