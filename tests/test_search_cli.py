"""`python -m admin_scripts search`: one query for a person, a batch as JSON Lines for tools."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from admin_scripts.app import app
from admin_scripts.commands import register_all
from bot.catalog.bundled import load_bundled_data
from bot.config import get_settings
from bot.db import make_engine, session_factory, upgrade_schema

register_all()


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'db.sqlite3'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    load_bundled_data(session_factory(engine))
    engine.dispose()
    return url


@pytest.fixture(autouse=True)
def configured(database, monkeypatch) -> Iterator[None]:
    monkeypatch.setenv("DATABASE_URL", database)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_batch_prints_one_json_object_per_query(tmp_path) -> None:
    queries = tmp_path / "dotazy.txt"
    queries.write_text("pečovatelská služba Kojetín\npizza\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["search", "--batch", str(queries)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["query"] for line in lines] == ["pečovatelská služba Kojetín", "pizza"]
    first = lines[0]
    assert first["understood"]["town"] == "Kojetín"
    assert first["results"][0]["service_type"] == "pečovatelská služba"
    assert set(first["results"][0]) == {
        "id",
        "registry_id",
        "name",
        "provider",
        "service_type",
        "municipality",
        "score",
    }
    assert first["results"][0]["registry_id"]  # a registered service carries its register number
    assert lines[1]["results"] == [] and lines[1]["reason"] == "not_understood"


def test_single_query_shows_what_was_understood() -> None:
    result = CliRunner().invoke(app, ["search", "azylák pro mámu s dětmi v přerově"])
    assert result.exit_code == 0, result.output
    assert "místo=Přerov" in result.output
    assert "azylové domy" in result.output


def test_json_output_of_guided_slots() -> None:
    result = CliRunner().invoke(
        app, ["search", "--town", "v Troubkách", "--group", "seniori", "--json", "--limit", "3"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["understood"]["town"] == "Troubky"
    assert 0 < len(payload["results"]) <= 3


def test_search_without_any_query_is_refused_in_czech() -> None:
    result = CliRunner().invoke(app, ["search"])
    assert result.exit_code == 1
    assert "zadejte dotaz" in result.output


def test_help_and_error_panels_are_titled_in_czech() -> None:
    help_text = CliRunner().invoke(app, ["import", "--help"]).output
    assert "Volby" in help_text and "Příkazy" in help_text
    error = CliRunner().invoke(app, ["import", "rpss", "--nesmysl"])
    assert error.exit_code != 0 and "Chyba" in error.output
