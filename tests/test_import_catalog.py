"""The coordinator's catalogue spreadsheet: enrichment of registered services, related
services with their places, tolerant reading of real spreadsheets, and bad input refused
whole with the file, the row, the column and what was expected."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from bot import CATALOG_DATA
from bot.catalog.importing import ImportFailed
from bot.catalog.models import (
    CILOVA_SKUPINA,
    CodelistTerm,
    ImportRun,
    LifeSituation,
    Municipality,
    Provider,
    Service,
    ServiceArea,
)
from bot.catalog.sheet_columns import BY_NAME, COLUMN_NAMES, columns_markdown
from bot.catalog.sheet_reader import read_sheet
from bot.catalog.sheet_rows import parse_date
from bot.catalog.spreadsheet import import_catalog
from bot.catalog.template import write_template
from tests.dbsnapshot import snapshot

TODAY = dt.date(2026, 11, 20)
ORP_PREROV = {511382, 519651, 514055, 513491, 514527}

PECOVATELSKA = {
    "identifikator": "6333634",
    "nazev": "Pečovatelská služba Přerov",
    "popis": "Pomůžeme vám doma s nákupem, úklidem a hygienou.",
    "jak_ziskat_pomoc": "Zavolejte a domluvte si návštěvu.",
    "obce_pusobnosti": "Přerov; troubky; KOJETÍN",
    "provozni_doba": "po–pá 7:00–15:30",
    "cena": "podle ceníku",
    "jazyky": "čeština, ukrajinština",
    "bezbarierovost": "bezbariérový vstup",
    "zivotni_situace": "Dovoz obědů; dluhy",
    "overeno": "14. 10. 2026",
}
POTRAVINY = {
    "klic": "N-001",
    "nazev": "Potravinová výdejna Přerov",
    "poskytovatel": "Spolek Dobrá vůle",
    "kategorie": "potravinová pomoc",
    "cilove_skupiny": "senioři; osoby v krizi",
    "popis": "Vydáme potraviny lidem, kteří nemají na jídlo.",
    "telefon": "058 100 321",
    "email": "vydejna@dobra-vule.example",
    "web": "www.dobra-vule.example",
    "ulice": "Bratrská",
    "cislo": "709/34",
    "obec": "Přerov – Předmostí",
    "psc": "751 24",
    "zivotni_situace": "Doprava k lékaři, na úřad",
    "overeno": "2026-10-01",
}


# --- building small catalogues -------------------------------------------------------------


@pytest.fixture
def catalogue(sessions):
    """Two registered services, municipalities of ORP Přerov (and a namesake), situations, groups."""
    with sessions() as s:
        s.add_all(
            [
                Municipality(code=511382, name="Přerov", orp="Přerov", population=41400),
                Municipality(code=519651, name="Troubky", orp="Přerov"),
                Municipality(code=514055, name="Kojetín", orp="Přerov"),
                Municipality(code=513491, name="Horní Moštěnice", orp="Přerov"),
                Municipality(code=514527, name="Lhotka", orp="Přerov"),
                Municipality(code=598364, name="Lhotka", orp="Frýdek-Místek"),
                Municipality(code=513750, name="Hranice", orp="Hranice"),
                LifeSituation(id="dluhy", name="Dluhy", position=1),
                LifeSituation(id="dovoz-obedu", name="Dovoz obědů", position=2),
                LifeSituation(id="doprava", name="Doprava k lékaři, na úřad", position=3),
                CodelistTerm(id="CilovaSkupinaOsoby/24", codelist=CILOVA_SKUPINA, code="24", name="senioři"),
                CodelistTerm(id="CilovaSkupinaOsoby/26", codelist=CILOVA_SKUPINA, code="26", name="pečující osoby"),
                CodelistTerm(id="CilovaSkupinaOsoby/21", codelist=CILOVA_SKUPINA, code="21", name="osoby v krizi"),
            ]
        )
        city = Provider(ico="69759052", name="Sociální služby města Přerova, p. o.")
        crisis = Provider(ico="72176086", name="Krizové centrum Bečva, z. ú.")
        s.add_all(
            [
                Service(registry_id="6333634", name="pečovatelská služba", provider=city, phones=["058 100 100"]),
                Service(registry_id="8813643", name="krizová pomoc", provider=crisis),
            ]
        )
        s.commit()
    return sessions


def write_csv(
    tmp_path: Path,
    rows: list[dict[str, Any]],
    *,
    name: str = "katalog.csv",
    encoding: str = "utf-8",
    delimiter: str = ";",
    columns: tuple[str, ...] = COLUMN_NAMES,
    header: tuple[str, ...] | None = None,
) -> Path:
    """A catalogue CSV with the template's header (or `header`) and these rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header or columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    path = tmp_path / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(tmp_path: Path, rows: list[dict[str, Any]], *, name: str = "katalog.xlsx", skip: int = 0) -> Path:
    """A catalogue workbook; `skip` empty rows above the header."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    for _ in range(skip):
        sheet.append([])
    sheet.append(list(COLUMN_NAMES))
    for row in rows:
        sheet.append([row.get(c) for c in COLUMN_NAMES])
    path = tmp_path / name
    workbook.save(path)
    return path


def load(sessions, **where: Any) -> Service:
    with sessions() as s:
        service = s.scalars(select(Service).filter_by(**where)).one()
        # touch what the tests read, so it is loaded before the session closes
        _ = (service.area, service.places, service.life_situations, service.target_groups, service.provider)
        return service


def area(service: Service) -> set[int]:
    return {a.municipality_code for a in service.area}


def without_runs(snap: dict[str, list]) -> dict[str, list]:
    return {table: rows for table, rows in snap.items() if table != "import_run"}


def refused(sessions, engine, path: Path, **options: Any) -> str:
    """Import `path`, expect it refused whole and the database untouched; the message."""
    before = snapshot(engine)
    with pytest.raises(ImportFailed) as caught:
        import_catalog(sessions, path, today=TODAY, **options)
    assert snapshot(engine) == before
    return str(caught.value)


# --- what an import does ------------------------------------------------------------------


def test_registered_service_gets_what_the_register_lacks(catalogue, tmp_path) -> None:
    summary = import_catalog(catalogue, write_csv(tmp_path, [PECOVATELSKA]), today=TODAY)
    assert summary.as_dict() == {"added": 0, "updated": 1, "unchanged": 0, "deactivated": 0, "rejected": 0}
    service = load(catalogue, registry_id="6333634")
    assert service.description == "Pomůžeme vám doma s nákupem, úklidem a hygienou."
    assert service.how_to_get_help == "Zavolejte a domluvte si návštěvu."
    assert (service.hours, service.price, service.accessibility) == (
        "po–pá 7:00–15:30",
        "podle ceníku",
        "bezbariérový vstup",
    )
    assert service.languages == ["cs", "uk"]
    assert service.last_checked == dt.date(2026, 10, 14)
    assert area(service) == {511382, 519651, 514055}
    assert {a.source for a in service.area} == {"katalog"}
    assert [s.id for s in service.life_situations] == ["dluhy", "dovoz-obedu"]
    # what the register gave stays
    assert (service.name, service.phones) == ("pečovatelská služba", ["058 100 100"])


def test_related_service_is_added_with_provider_place_contacts_and_groups(catalogue, tmp_path) -> None:
    summary = import_catalog(catalogue, write_csv(tmp_path, [POTRAVINY]), today=TODAY)
    assert (summary.added, summary.rejected) == (1, [])
    service = load(catalogue, local_id="N-001")
    assert (service.registry_id, service.druh_id, service.category) == (None, None, "potravinová pomoc")
    assert service.name == "Potravinová výdejna Přerov"
    assert service.provider is not None
    assert (service.provider.name, service.provider.ico) == ("Spolek Dobrá vůle", None)
    assert service.phones == ["058 100 321"]
    assert service.emails == ["vydejna@dobra-vule.example"]
    assert service.webs == ["https://www.dobra-vule.example"]
    assert [t.id for t in service.target_groups] == ["CilovaSkupinaOsoby/21", "CilovaSkupinaOsoby/24"]
    assert [s.id for s in service.life_situations] == ["doprava"]
    (place,) = service.places
    assert (place.street, place.house_number, place.postcode) == ("Bratrská", "709/34", "75124")
    assert (place.municipality_code, place.municipality_name, place.part_name) == (511382, "Přerov", "Předmostí")
    assert service.active and service.deactivated_on is None


def test_related_service_with_a_registered_providers_ico_joins_that_provider(catalogue, tmp_path) -> None:
    row = {**POTRAVINY, "poskytovatel": "Jiný název", "ico": "69759052"}
    import_catalog(catalogue, write_csv(tmp_path, [row]), today=TODAY)
    service = load(catalogue, local_id="N-001")
    assert service.provider is not None
    assert service.provider.name == "Sociální služby města Přerova, p. o."
    with catalogue() as s:
        assert len(s.scalars(select(Provider)).all()) == 2


def test_area_names_match_in_any_case_and_orp_means_all_its_municipalities(catalogue, tmp_path) -> None:
    rows = [
        {**PECOVATELSKA, "obce_pusobnosti": "HORNÍ MOŠTĚNICE, prerov, Lhotka (ORP Přerov)"},
        {"identifikator": "8813643", "obce_pusobnosti": "ORP Přerov"},
    ]
    import_catalog(catalogue, write_csv(tmp_path, rows), today=TODAY)
    assert area(load(catalogue, registry_id="6333634")) == {513491, 511382, 514527}
    assert area(load(catalogue, registry_id="8813643")) == ORP_PREROV


def test_area_rows_of_another_source_are_kept(catalogue, tmp_path) -> None:
    with catalogue() as s:
        service = s.scalars(select(Service).filter_by(registry_id="6333634")).one()
        service.area.append(ServiceArea(municipality_code=513491, source="registr"))
        s.commit()
    import_catalog(catalogue, write_csv(tmp_path, [PECOVATELSKA]), today=TODAY)
    import_catalog(catalogue, write_csv(tmp_path, [{**PECOVATELSKA, "obce_pusobnosti": ""}], name="b.csv"), today=TODAY)
    service = load(catalogue, registry_id="6333634")
    assert [(a.municipality_code, a.source) for a in service.area] == [(513491, "registr")]


def test_windows_1250_with_semicolons_and_utf8_bom_with_commas_import_identically(catalogue, engine, tmp_path) -> None:
    rows = [PECOVATELSKA, POTRAVINY]
    windows = write_csv(tmp_path, rows, encoding="cp1250", delimiter=";", name="windows.csv")
    assert windows.read_bytes().count("Přerov".encode("cp1250")) > 0
    first = import_catalog(catalogue, windows, today=TODAY, source="katalog")
    assert (first.added, first.updated, first.rejected) == (1, 1, [])
    before = snapshot(engine)
    bom = write_csv(tmp_path, rows, encoding="utf-8-sig", delimiter=",", name="bom.csv")
    second = import_catalog(catalogue, bom, today=TODAY, source="katalog")
    assert second.as_dict() == {"added": 0, "updated": 0, "unchanged": 2, "deactivated": 0, "rejected": 0}
    assert without_runs(snapshot(engine)) == without_runs(before)


def test_xlsx_with_number_and_date_cells_is_imported(catalogue, tmp_path) -> None:
    rows: list[dict[str, Any]] = [
        {**PECOVATELSKA, "identifikator": 6333634, "overeno": dt.datetime(2026, 10, 14)},
        {**POTRAVINY, "psc": 75124, "telefon": 581000321, "overeno": None},
    ]
    summary = import_catalog(catalogue, write_xlsx(tmp_path, rows, skip=2), today=TODAY)
    assert (summary.added, summary.updated, summary.rejected) == (1, 1, [])
    assert load(catalogue, registry_id="6333634").last_checked == dt.date(2026, 10, 14)
    related = load(catalogue, local_id="N-001")
    assert (related.places[0].postcode, related.phones) == ("75124", ["581 000 321"])


def test_second_run_changes_nothing(catalogue, engine, tmp_path) -> None:
    path = write_csv(
        tmp_path, [PECOVATELSKA, POTRAVINY, {**POTRAVINY, "klic": "N-002", "poskytovatel": "spolek dobrá vůle"}]
    )
    import_catalog(catalogue, path, today=TODAY)
    before = snapshot(engine)
    again = import_catalog(catalogue, path, today=TODAY + dt.timedelta(days=3))
    assert again.as_dict() == {"added": 0, "updated": 0, "unchanged": 3, "deactivated": 0, "rejected": 0}
    assert without_runs(snapshot(engine)) == without_runs(before)
    with catalogue() as s:
        assert len(s.scalars(select(ImportRun)).all()) == 2


def test_a_changed_cell_updates_the_service_and_names_the_column(catalogue, tmp_path) -> None:
    import_catalog(catalogue, write_csv(tmp_path, [PECOVATELSKA]), today=TODAY)
    changed = {**PECOVATELSKA, "cena": "zdarma", "zivotni_situace": "dluhy"}
    summary = import_catalog(catalogue, write_csv(tmp_path, [changed], name="b.csv"), today=TODAY)
    assert summary.updated == 1
    assert summary.changes == ["změněno: 6333634 pečovatelská služba (cena, zivotni_situace)"]


def test_dry_run_reports_what_would_change_and_saves_nothing(catalogue, engine, tmp_path) -> None:
    before = snapshot(engine)
    summary = import_catalog(catalogue, write_csv(tmp_path, [PECOVATELSKA, POTRAVINY]), dry_run=True, today=TODAY)
    assert (summary.dry_run, summary.added, summary.updated) == (True, 1, 1)
    assert "přidáno: N-001 Potravinová výdejna Přerov" in summary.changes
    assert snapshot(engine) == before


def test_skip_invalid_imports_the_good_rows_and_lists_the_bad(catalogue, tmp_path) -> None:
    rows = [PECOVATELSKA, {**POTRAVINY, "email": "vydejna(at)example"}, {**POTRAVINY, "klic": "N-002"}]
    summary = import_catalog(catalogue, write_csv(tmp_path, rows), skip_invalid=True, today=TODAY)
    assert (summary.added, summary.updated) == (1, 1)
    assert [str(e) for e in summary.rejected] == [
        "katalog.csv, řádek 3, pole email (sloupec Q): 'vydejna(at)example' není platný e-mail; "
        "očekává se např. info@poradna.cz"
    ]
    with catalogue() as s:
        assert s.scalars(select(Service.local_id).where(Service.local_id.is_not(None))).all() == ["N-002"]
        assert s.scalars(select(ImportRun)).one().rejected == 1


def test_related_service_missing_from_the_sheet_is_marked_inactive_with_the_date(catalogue, tmp_path) -> None:
    import_catalog(catalogue, write_csv(tmp_path, [PECOVATELSKA, POTRAVINY]), today=TODAY)
    later = TODAY + dt.timedelta(days=30)
    newer = write_csv(tmp_path, [{"klic": "N-002", **_other()}], name="b.csv")
    summary = import_catalog(catalogue, newer, today=later, source="katalog")  # a newer version of the same sheet
    assert (summary.added, summary.deactivated) == (1, 1)
    assert "ukončeno: N-001 Potravinová výdejna Přerov" in summary.changes
    gone = load(catalogue, local_id="N-001")
    assert (gone.active, gone.deactivated_on) == (False, later)
    # a registered service missing from the sheet keeps its enrichment
    kept = load(catalogue, registry_id="6333634")
    assert (kept.description, kept.active) == (PECOVATELSKA["popis"], True)
    # back in the sheet: active again, the same service
    summary = import_catalog(catalogue, write_csv(tmp_path, [POTRAVINY], name="c.csv"), today=later, source="katalog")
    back = load(catalogue, local_id="N-001")
    assert (back.id, back.active, back.deactivated_on) == (gone.id, True, None)
    assert summary.deactivated == 1  # N-002 now missing


def test_a_spreadsheet_ends_only_the_services_of_its_own_source(catalogue, tmp_path) -> None:
    import_catalog(catalogue, write_csv(tmp_path, [POTRAVINY], name="prerov.csv"), today=TODAY)
    other = write_csv(tmp_path, [{"klic": "N-002", **_other()}], name="pribor.csv")
    summary = import_catalog(catalogue, other, today=TODAY)
    assert (summary.added, summary.deactivated) == (1, 0)
    assert load(catalogue, local_id="N-001").active and load(catalogue, local_id="N-002").active
    assert (load(catalogue, local_id="N-001").sheet, load(catalogue, local_id="N-002").sheet) == ("prerov", "pribor")
    newer = write_csv(tmp_path, [{"klic": "N-003", **_other()}], name="pribor-2027.csv")
    summary = import_catalog(catalogue, newer, today=TODAY, source="pribor")
    assert summary.deactivated == 1
    assert load(catalogue, local_id="N-001").active and not load(catalogue, local_id="N-002").active


def test_invalid_row_of_a_related_service_does_not_end_it(catalogue, tmp_path) -> None:
    import_catalog(catalogue, write_csv(tmp_path, [POTRAVINY]), today=TODAY)
    broken = write_csv(tmp_path, [{**POTRAVINY, "telefon": "volejte"}], name="b.csv")
    summary = import_catalog(catalogue, broken, skip_invalid=True, today=TODAY)
    assert (summary.deactivated, len(summary.rejected)) == (0, 1)
    assert load(catalogue, local_id="N-001").active


def test_languages_are_stored_as_iso_codes(catalogue, tmp_path) -> None:
    row = {**PECOVATELSKA, "jazyky": "CS; uk, anglicky, Český znakový jazyk, čeština"}
    import_catalog(catalogue, write_csv(tmp_path, [row]), today=TODAY)
    assert load(catalogue, registry_id="6333634").languages == ["cs", "uk", "en", "cse"]


def test_headers_are_read_in_any_case_and_note_columns_are_ignored(catalogue, tmp_path) -> None:
    header = [c.upper() for c in COLUMN_NAMES]
    header[COLUMN_NAMES.index("obce_pusobnosti")] = "Obce působnosti"
    header[COLUMN_NAMES.index("overeno")] = "Ověřeno"
    row = {
        "identifikator": "6333634",
        "obce_pusobnosti": "Troubky",
        "overeno": "1.10.2026",
        "poznámka": "volat v pondělí",
    }
    path = write_csv(tmp_path, [row], columns=(*COLUMN_NAMES, "poznámka"), header=(*header, "Poznámka koordinátora"))
    import_catalog(catalogue, path, today=TODAY)
    service = load(catalogue, registry_id="6333634")
    assert (area(service), service.last_checked) == ({519651}, dt.date(2026, 10, 1))


# --- bad input: refused whole, database unchanged -------------------------------------------


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [{**POTRAVINY, "email": "vydejna@"}],
            "katalog.csv, řádek 2, pole email (sloupec Q): 'vydejna@' není platný e-mail",
        ),
        (
            [PECOVATELSKA, {**POTRAVINY, "telefon": "581 000 12"}],
            "katalog.csv, řádek 3, pole telefon (sloupec P): '581 000 12' není možné telefonní číslo",
        ),
        ([{**POTRAVINY, "telefon": "zavolejte"}], "'zavolejte' není telefonní číslo"),
        (
            [PECOVATELSKA, {**PECOVATELSKA, "nazev": "znovu"}],
            "řádek 3, pole identifikator (sloupec A): 6333634 už je na řádku 2",
        ),
        ([POTRAVINY, {**POTRAVINY, "klic": "n-001"}], "řádek 3, pole klic (sloupec B): N-001 už je na řádku 2"),
        (
            [{**PECOVATELSKA, "obce_pusobnosti": "Přerov; Trouby"}],
            "pole obce_pusobnosti (sloupec J): obec 'Trouby' není v tabulce obcí",
        ),
        (
            [{**PECOVATELSKA, "obce_pusobnosti": "Lhotka"}],
            "obec 'Lhotka' je v tabulce obcí víckrát; upřesněte ji jako Lhotka (Přerov), Lhotka (Frýdek-Místek)",
        ),
        ([{**PECOVATELSKA, "obce_pusobnosti": "ORP Kroměříž"}], "ORP Kroměříž nemá v tabulce obcí žádnou obec"),
        ([{**POTRAVINY, "obec": "Předmostí"}], "pole obec (sloupec U): obec 'Předmostí' není v tabulce obcí"),
        (
            [{**PECOVATELSKA, "zivotni_situace": "Dluhy; Exekuce"}],
            "pole zivotni_situace (sloupec O): životní situace 'Exekuce' není v seznamu",
        ),
        (
            [{**POTRAVINY, "cilove_skupiny": "důchodci"}],
            "pole cilove_skupiny (sloupec G): cílová skupina 'důchodci' není v číselníku",
        ),
        ([{**PECOVATELSKA, "jazyky": "klingonština"}], "pole jazyky (sloupec M): jazyk 'klingonština' neznám"),
        ([{**PECOVATELSKA, "overeno": "31. 9. 2026"}], "pole overeno (sloupec W): '31. 9. 2026' není platné datum"),
        (
            [{**PECOVATELSKA, "overeno": "říjen 2026"}],
            "'říjen 2026' není datum; očekává se např. 14. 10. 2026 nebo 2026-10-14",
        ),
        ([{**PECOVATELSKA, "overeno": "1. 1. 2027"}], "datum 01. 01. 2027 je v budoucnosti"),
        (
            [{**PECOVATELSKA, "identifikator": "1234567"}],
            "registrovaná služba 1234567 není v databázi; nejdřív naimportujte registr",
        ),
        (
            [{**PECOVATELSKA, "telefon": "058 100 123"}],
            "pole telefon (sloupec P): u registrované služby se nevyplňuje, údaj se bere z registru",
        ),
        ([{**PECOVATELSKA, "ico": "72176086"}], "IČO 72176086 nesouhlasí s registrem"),
        ([{**POTRAVINY, "identifikator": "6333634"}], "vyplňte jen jedno"),
        ([{"nazev": "Bez klíče", "telefon": "058 100 123"}], "chybí identifikator (registrovaná služba) nebo klic"),
        ([{**POTRAVINY, "kategorie": ""}], "pole kategorie (sloupec F): chybí kategorie návazné služby"),
        ([{**POTRAVINY, "psc": "7500"}], "pole psc (sloupec V): '7500' není PSČ"),
        ([{**POTRAVINY, "klic": "N 001"}], "'N 001' není platný klíč"),
        (
            [{**POTRAVINY, "ico": "12345", "poskytovatel": ""}],
            "poskytovatel s IČO 00012345 ještě není v databázi; doplňte jeho název",
        ),
        (
            [
                {
                    k: v
                    for k, v in POTRAVINY.items()
                    if k not in ("telefon", "email", "web", "ulice", "cislo", "obec", "psc")
                }
            ],
            "návazná služba potřebuje aspoň jeden kontakt",
        ),
    ],
)
def test_bad_row_is_refused_whole_naming_row_column_and_expectation(
    catalogue, engine, tmp_path, rows, expected
) -> None:
    import_catalog(catalogue, write_csv(tmp_path, [PECOVATELSKA], name="first.csv"), today=TODAY)
    message = refused(catalogue, engine, write_csv(tmp_path, rows))
    assert expected in message


def test_every_bad_row_is_reported_at_once(catalogue, engine, tmp_path) -> None:
    rows = [{**PECOVATELSKA, "overeno": "včera"}, {**POTRAVINY, "email": "x@", "obec": "Nikde"}]
    message = refused(catalogue, engine, write_csv(tmp_path, rows))
    assert [line.split(":")[0] for line in message.splitlines()] == [
        "katalog.csv, řádek 2, pole overeno (sloupec W)",
        "katalog.csv, řádek 3, pole email (sloupec Q)",
    ]


def test_missing_column_is_refused(catalogue, engine, tmp_path) -> None:
    columns = tuple(c for c in COLUMN_NAMES if c not in ("obce_pusobnosti", "overeno"))
    message = refused(catalogue, engine, write_csv(tmp_path, [PECOVATELSKA], columns=columns))
    assert message.startswith("katalog.csv, záhlaví, pole obce_pusobnosti, overeno: chybí sloupec")


def test_unknown_column_is_refused_with_a_suggestion(catalogue, engine, tmp_path) -> None:
    columns = tuple("zivotni_situce" if c == "zivotni_situace" else c for c in COLUMN_NAMES)
    message = refused(catalogue, engine, write_csv(tmp_path, [PECOVATELSKA], columns=columns))
    assert (
        "katalog.csv, záhlaví, pole sloupec O: neznámý sloupec 'zivotni_situce'; nemysleli jste zivotni_situace?"
        in message
    )


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "katalog.csv",
            ";".join(COLUMN_NAMES).encode("utf-16"),
            "katalog.csv, bajt 0: neznámé kódování; očekává se UTF-8 nebo Windows-1250",
        ),
        ("katalog.csv", bytes(range(256)) * 4, "neznámé kódování"),
        ("katalog.xlsx", ";".join(COLUMN_NAMES).encode(), "katalog.xlsx: soubor není platný sešit Excelu (.xlsx)"),
        ("katalog.xlsx", b"PK\x03\x04" + bytes(200), "katalog.xlsx: soubor není platný sešit Excelu (.xlsx)"),
        ("katalog.xls", b"\xd0\xcf\x11\xe0" + bytes(100), "katalog.xls: starý formát .xls se nečte"),
        ("katalog.ods", b"", "neznámý typ souboru '.ods'"),
        ("katalog.csv", b"\r\n;;\r\n", "katalog.csv: soubor je prázdný"),
        ("katalog.csv", (";".join(COLUMN_NAMES) + "\r\n;;;\r\n").encode(), "pod záhlavím (řádek 1) není žádná služba"),
    ],
)
def test_unreadable_file_is_refused(catalogue, engine, tmp_path, name, content, expected) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert expected in refused(catalogue, engine, path)


def test_workbook_saved_as_csv_is_refused_with_a_hint(catalogue, engine, tmp_path) -> None:
    path = write_xlsx(tmp_path, [PECOVATELSKA]).rename(tmp_path / "katalog.csv")
    assert "soubor je sešit Excelu, ne CSV; změňte jeho příponu na .xlsx" in refused(catalogue, engine, path)


def test_row_numbers_are_the_ones_excel_shows(catalogue, engine, tmp_path) -> None:
    path = write_xlsx(tmp_path, [PECOVATELSKA, {}, {**POTRAVINY, "email": "x@"}], skip=3)
    assert "katalog.xlsx, řádek 7, pole email (sloupec Q)" in refused(catalogue, engine, path)


def test_text_column_converted_to_a_date_by_excel_is_refused(catalogue, engine, tmp_path) -> None:
    path = write_xlsx(tmp_path, [{**POTRAVINY, "cislo": dt.datetime(2026, 3, 12)}])
    assert "pole cislo (sloupec T): buňka obsahuje datum nebo čas" in refused(catalogue, engine, path)


# --- helpers ---------------------------------------------------------------------------------


def _other() -> dict[str, str]:
    return {"nazev": "Linka pomoci", "kategorie": "linka pomoci", "telefon": "116 123"}


# --- the template and the bundled sample -------------------------------------------------

SAMPLE_CSV = CATALOG_DATA / "katalog-ukazka.csv"
SAMPLE_XLSX = CATALOG_DATA / "katalog-ukazka.xlsx"


def _rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """A sheet's rows as the importer reads them, with dates as dates."""
    rows = []
    for row in read_sheet(path).rows:
        values = dict(row.values)
        values["overeno"] = parse_date(values["overeno"])
        rows.append((row.number, values))
    return rows


def test_committed_sample_workbook_holds_the_rows_of_the_sample_csv() -> None:
    # regenerate with: python -m admin_scripts catalog-template --out catalog_data/katalog-ukazka.xlsx
    #                  --from-csv catalog_data/katalog-ukazka.csv
    assert _rows(SAMPLE_XLSX) == _rows(SAMPLE_CSV)


def test_readme_documents_every_column_as_the_importer_defines_it() -> None:
    readme = (CATALOG_DATA / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Tabulka katalogu (šablona pro koordinátora)", 1)[1]
    # update the README with: python -c "from bot.catalog.sheet_columns import columns_markdown as m; print(m())"
    assert columns_markdown() in section


def test_template_has_the_importers_columns_a_guide_and_pick_lists(tmp_path) -> None:
    out = tmp_path / "sablona.xlsx"
    assert write_template(out) == 0
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Katalog", "Návod", "Číselníky"]
    sheet = workbook["Katalog"]
    assert [c.value for c in sheet[1]] == list(COLUMN_NAMES)
    assert sheet.column_dimensions["H"].width == BY_NAME["popis"].width
    guide = {row[0]: row for row in workbook["Návod"].iter_rows(values_only=True) if row[0] in BY_NAME}
    assert set(guide) == set(COLUMN_NAMES)
    assert guide["obce_pusobnosti"][4] == BY_NAME["obce_pusobnosti"].meaning
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    situations = validations["O2"]
    assert (situations.type, situations.formula1.startswith("='Číselníky'!$A$3:$A$")) == ("list", True)
    assert validations["W2"].type == "date"
    lists = workbook["Číselníky"]
    assert "Dovoz obědů" in [c.value for c in lists["A"]]
    assert "Věžky (Přerov)" in [c.value for c in lists["K"]]


def test_template_rows_import_exactly_like_the_csv_they_came_from(catalogue, engine, tmp_path) -> None:
    csv_path = write_csv(tmp_path, [PECOVATELSKA, POTRAVINY])
    import_catalog(catalogue, csv_path, today=TODAY, source="katalog")
    before = snapshot(engine)
    out = tmp_path / "z-csv.xlsx"
    assert write_template(out, csv_path) == 2
    summary = import_catalog(catalogue, out, today=TODAY, source="katalog")
    assert (summary.unchanged, summary.changed) == (2, False)
    assert without_runs(snapshot(engine)) == without_runs(before)


def test_sample_catalogue_enriches_the_sample_register(sessions, tmp_path) -> None:
    from bot.catalog.municipalities import import_municipalities
    from bot.catalog.rpss import import_rpss
    from bot.catalog.situations import import_situations

    for table in sorted((CATALOG_DATA / "obce").glob("*.csv")):
        import_municipalities(sessions, table)
    import_situations(sessions, CATALOG_DATA / "zivotni-situace.csv")
    import_rpss(sessions, CATALOG_DATA / "sample-rpss")
    summary = import_catalog(sessions, SAMPLE_CSV)
    assert summary.rejected == []
    with sessions() as s:
        registered = s.scalars(select(Service).where(Service.registry_id.is_not(None), Service.active.is_(True))).all()
        enriched = [sv for sv in registered if sv.description]
        related = s.scalars(select(Service).where(Service.local_id.is_not(None))).all()
    assert summary.updated == len(enriched) and len(enriched) > 0.8 * len(registered)
    assert summary.added == len(related) >= 15
    assert all(sv.phones[0].startswith(("0", "116", "800")) for sv in related)
    again = import_catalog(sessions, SAMPLE_XLSX)
    assert (again.changed, again.unchanged) == (False, summary.added + summary.updated)


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def cli_database(tmp_path, monkeypatch):
    """A migrated SQLite database the CLI uses, seeded like `catalogue`."""
    from bot.config import get_settings
    from bot.db import make_engine, session_factory, upgrade_schema

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    engine = make_engine(url)
    upgrade_schema(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        s.add_all(
            [
                Municipality(code=511382, name="Přerov", orp="Přerov"),
                Municipality(code=519651, name="Troubky", orp="Přerov"),
                Municipality(code=514055, name="Kojetín", orp="Přerov"),
                LifeSituation(id="dluhy", name="Dluhy"),
                LifeSituation(id="dovoz-obedu", name="Dovoz obědů"),
                Service(registry_id="6333634", name="pečovatelská služba"),
            ]
        )
        s.commit()
    yield sessions
    engine.dispose()
    get_settings.cache_clear()


def flat(output: str) -> str:
    """Console output with the terminal's line wrapping undone."""
    return " ".join(output.split())


def _cli():
    from typer.testing import CliRunner

    import admin_scripts.commands.catalog  # noqa: F401 - registers the commands
    from admin_scripts.app import app

    return CliRunner(), app


def test_cli_imports_the_sheet_and_prints_the_summary(cli_database, tmp_path) -> None:
    runner, app = _cli()
    path = write_csv(tmp_path, [PECOVATELSKA])
    dry = runner.invoke(app, ["import", "catalog", str(path), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Náhled změn (nic nebylo uloženo)" in flat(dry.output)
    with cli_database() as s:
        assert s.scalars(select(Service)).one().description is None
    result = runner.invoke(app, ["import", "catalog", str(path)])
    assert result.exit_code == 0, result.output
    assert "Import dokončen" in flat(result.output) and "změněno: 6333634" in flat(result.output)
    with cli_database() as s:
        assert s.scalars(select(Service)).one().description == PECOVATELSKA["popis"]


def test_cli_refuses_a_bad_sheet_with_exit_status_1(cli_database, tmp_path) -> None:
    runner, app = _cli()
    path = write_csv(tmp_path, [{**PECOVATELSKA, "obce_pusobnosti": "Atlantida"}])
    result = runner.invoke(app, ["import", "catalog", str(path)])
    assert result.exit_code == 1
    assert "Import se nezdařil, v databázi se nic nezměnilo." in flat(result.output)
    assert "katalog.csv, řádek 2, pole obce_pusobnosti (sloupec J): obec 'Atlantida'" in flat(result.output)


def test_cli_refuses_an_unusable_source_name_and_changes_nothing(cli_database, tmp_path) -> None:
    runner, app = _cli()
    path = write_csv(tmp_path, [POTRAVINY])
    result = runner.invoke(app, ["import", "catalog", str(path), "--source", " "])
    assert result.exit_code == 1
    assert "název zdroje musí mít 1 až 120 znaků" in flat(result.output)
    with cli_database() as s:
        assert s.scalars(select(Service.local_id).where(Service.local_id.is_not(None))).all() == []


def test_cli_writes_the_template_from_a_csv(tmp_path) -> None:
    runner, app = _cli()
    out = tmp_path / "sablona.xlsx"
    result = runner.invoke(
        app, ["catalog-template", "--out", str(out), "--from-csv", str(write_csv(tmp_path, [POTRAVINY]))]
    )
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out, read_only=True)["Katalog"]["B2"].value == "N-001"
    wrong = runner.invoke(app, ["catalog-template", "--out", str(tmp_path / "sablona.csv")])
    assert wrong.exit_code == 1 and "šablona se ukládá jako .xlsx" in flat(wrong.output)


def test_cli_template_offers_the_municipalities_of_the_database(cli_database, tmp_path) -> None:
    runner, app = _cli()
    out = tmp_path / "sablona.xlsx"
    result = runner.invoke(app, ["catalog-template", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lists = openpyxl.load_workbook(out, read_only=True)["Číselníky"]
    offered = {cell for row in lists.iter_rows(values_only=True) for cell in row if isinstance(cell, str)}
    assert {"Přerov", "Troubky", "Kojetín"} <= offered
    assert "Tovačov" not in offered  # a bundled sample town the database does not hold
