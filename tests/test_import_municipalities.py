"""Municipality tables: loaded, updated in place, and refused whole when a row is bad."""

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.catalog.importing import ImportFailed
from bot.catalog.models import ImportRun, Municipality
from bot.catalog.municipalities import import_municipalities
from tests.dbsnapshot import snapshot

HEADER = "kod,nazev,orp,obyvatel,lokativ\n"


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "obce.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_table_is_loaded_and_recorded(sessions, tmp_path) -> None:
    path = write(tmp_path, HEADER + "511382,Přerov,Přerov,41400,v Přerově\n519651,Troubky,Přerov,2000,v Troubkách\n")
    summary = import_municipalities(sessions, path)
    assert summary.as_dict() == {"added": 2, "updated": 0, "unchanged": 0, "deactivated": 0, "rejected": 0}
    with sessions() as s:
        troubky = s.get(Municipality, 519651)
        assert (troubky.name, troubky.orp, troubky.population, troubky.locative) == (
            "Troubky",
            "Přerov",
            2000,
            "v Troubkách",
        )
        run = s.scalars(select(ImportRun)).one()
        assert (run.kind, run.added) == ("obce", 2)


def test_second_run_changes_nothing_and_a_new_figure_updates_in_place(sessions, engine, tmp_path) -> None:
    path = write(tmp_path, HEADER + "511382,Přerov,Přerov,41400,v Přerově\n")
    import_municipalities(sessions, path)
    again = import_municipalities(sessions, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    changed = write(tmp_path, HEADER + "511382,Přerov,Přerov,41000,v Přerově\n", name="nove.csv")
    assert import_municipalities(sessions, changed).updated == 1


def test_windows_1250_table_with_semicolons_is_accepted(sessions, tmp_path) -> None:
    path = write(tmp_path, "kod;nazev;orp;obyvatel\r\n511382;Přerov;Přerov;41 400\r\n", encoding="cp1250")
    import_municipalities(sessions, path)
    with sessions() as s:
        assert s.get(Municipality, 511382).population == 41400


def test_dry_run_reports_but_saves_nothing(sessions, engine, tmp_path) -> None:
    before = snapshot(engine)
    summary = import_municipalities(sessions, write(tmp_path, HEADER + "511382,Přerov,Přerov,1,\n"), dry_run=True)
    assert summary.added == 1
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("kod,nazev,obyvatel\n511382,Přerov,1\n", "obce.csv, záhlaví, pole orp: chybí sloupec"),
        (HEADER + "abc,Přerov,Přerov,1,\n", "obce.csv, řádek 2, pole kod:"),
        (HEADER + "511382,Přerov,Přerov,-5,\n", "obce.csv, řádek 2, pole obyvatel:"),
        (
            HEADER + "511382,Přerov,Přerov,1,\n511382,Přerov,Přerov,1,\n",
            "obce.csv, řádek 3, pole kod: kód 511382 už je na řádku 2",
        ),
    ],
)
def test_bad_table_is_refused_whole_with_the_row_and_field(sessions, engine, tmp_path, content, expected) -> None:
    import_municipalities(sessions, write(tmp_path, HEADER + "519651,Troubky,Přerov,2000,\n", name="ok.csv"))
    before = snapshot(engine)
    with pytest.raises(ImportFailed) as caught:
        import_municipalities(sessions, write(tmp_path, content))
    assert expected in str(caught.value)
    assert snapshot(engine) == before


def test_file_in_unknown_encoding_is_refused(sessions, engine, tmp_path) -> None:
    before = snapshot(engine)
    with pytest.raises(ImportFailed) as caught:
        import_municipalities(sessions, write(tmp_path, HEADER + "511382,Přerov,Přerov,1,\n", encoding="utf-16"))
    assert "obce.csv" in str(caught.value) and "UTF-8 nebo Windows-1250" in str(caught.value)
    assert snapshot(engine) == before


def test_skip_invalid_keeps_the_good_rows_and_lists_the_bad(sessions, tmp_path) -> None:
    path = write(tmp_path, HEADER + "511382,Přerov,Přerov,41400,\nxx,Nic,Přerov,1,\n")
    summary = import_municipalities(sessions, path, skip_invalid=True)
    assert summary.added == 1
    assert [e.location for e in summary.rejected] == ["řádek 3"]
    with sessions() as s:
        assert s.scalars(select(ImportRun)).one().rejected == 1


def test_life_situations_are_loaded_and_a_bad_family_is_refused(sessions, engine, tmp_path) -> None:
    from bot.catalog.models import LifeSituation
    from bot.catalog.situations import import_situations

    good = write(tmp_path, "id,nazev,rodina,poradi,nazev_uk,nazev_en\ndluhy,Dluhy,krize,1,Борги,Debts\n", name="s.csv")
    assert import_situations(sessions, good).added == 1
    assert import_situations(sessions, good).unchanged == 1
    before = snapshot(engine)
    bad = write(tmp_path, "id,nazev,rodina\nnoc,Noc bez střechy,bydleni\n", name="zle.csv")
    with pytest.raises(ImportFailed) as caught:
        import_situations(sessions, bad)
    assert "zle.csv, řádek 2, pole rodina: 'bydleni'; očekává se seniori" in str(caught.value)
    assert snapshot(engine) == before
    with sessions() as s:
        assert s.get(LifeSituation, "dluhy").name_uk == "Борги"
