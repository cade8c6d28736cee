"""`region add ORP` loads a region's municipalities and life situations; `region list` shows them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from bot.catalog.models import LifeSituation, Municipality


@pytest.fixture
def cli(tmp_path, monkeypatch) -> Iterator[tuple[CliRunner, object, str]]:
    from admin_scripts.app import app
    from admin_scripts.commands import register_all
    from bot.config import get_settings

    url = f"sqlite:///{tmp_path / 'region.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    register_all()
    yield CliRunner(), app, url
    get_settings.cache_clear()


def counts(url: str) -> tuple[int, int]:
    from bot.db import make_engine, session_factory

    engine = make_engine(url)
    try:
        with session_factory(engine)() as s:
            towns = s.scalar(select(func.count()).select_from(Municipality)) or 0
            situations = s.scalar(select(func.count()).select_from(LifeSituation)) or 0
    finally:
        engine.dispose()
    return towns, situations


def test_a_region_is_added_once_with_its_municipalities_and_locatives(cli) -> None:
    runner, app, url = cli
    first = runner.invoke(app, ["region", "add", "ORP Kroměříž"])
    assert first.exit_code == 0, first.output
    towns, situations = counts(url)
    assert towns == 46 and situations > 20  # every municipality of ORP Kroměříž
    again = runner.invoke(app, ["region", "add", "kromeriz"])
    assert again.exit_code == 0, again.output
    assert counts(url) == (towns, situations)
    listed = runner.invoke(app, ["region", "list"])
    assert "ORP Kroměříž: 46 obcí" in listed.output


def test_an_unknown_region_is_a_czech_error_with_suggestions_and_changes_nothing(cli) -> None:
    runner, app, url = cli
    result = runner.invoke(app, ["region", "add", "Kopřivnic"])
    assert result.exit_code == 1
    assert "ORP „Kopřivnic“ neznám; nemyslíte Kopřivnice" in " ".join(result.output.split())
    assert not Path(url.removeprefix("sqlite:///")).exists()  # not even a database was made


def add_service(url: str, name: str, codes: list[int]) -> None:
    from bot.catalog.models import Place, Service
    from bot.db import make_engine, session_factory

    engine = make_engine(url)
    try:
        with session_factory(engine)() as s:
            s.add(Service(name=name, places=[Place(municipality_code=code) for code in codes]))
            s.commit()
    finally:
        engine.dispose()


def active_services(url: str) -> dict[str, bool]:
    from bot.catalog.models import Service
    from bot.db import make_engine, session_factory

    engine = make_engine(url)
    try:
        with session_factory(engine)() as s:
            return dict(s.execute(select(Service.name, Service.active)).tuples().all())
    finally:
        engine.dispose()


KROMERIZ, HOLESOV = 588296, 588458  # ORP Kroměříž, ORP Holešov


def test_a_removed_region_takes_its_municipalities_and_ends_only_the_services_it_alone_had(cli) -> None:
    runner, app, url = cli
    for orp in ("Kroměříž", "Holešov"):
        assert runner.invoke(app, ["region", "add", orp]).exit_code == 0
    add_service(url, "Jen v Kroměříži", [KROMERIZ])
    add_service(url, "V Kroměříži i v Holešově", [KROMERIZ, HOLESOV])
    preview = runner.invoke(app, ["region", "remove", "kromeriz", "--dry-run"])
    assert preview.exit_code == 0, preview.output
    assert counts(url)[0] == 46 + 19 and all(active_services(url).values())
    result = runner.invoke(app, ["region", "remove", "ORP Kroměříž"])
    assert result.exit_code == 0, result.output
    assert "služba Jen v Kroměříži" in " ".join(result.output.split())
    assert counts(url)[0] == 19
    assert active_services(url) == {"Jen v Kroměříži": False, "V Kroměříži i v Holešově": True}
    assert "ORP Kroměříž" not in runner.invoke(app, ["region", "list"]).output


def test_removing_a_region_the_database_lacks_is_a_czech_error_that_changes_nothing(cli) -> None:
    runner, app, url = cli
    assert runner.invoke(app, ["region", "add", "Holešov"]).exit_code == 0
    result = runner.invoke(app, ["region", "remove", "Kroměříž"])
    assert result.exit_code == 1
    assert "ORP „Kroměříž“ v databázi není; v databázi jsou: Holešov" in " ".join(result.output.split())
    assert counts(url)[0] == 19
