"""The municipality field of the web forms: a select for a region, a typed name for a country."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.dialog.context import Context
from bot.search.documents import Town
from bot.web.app import make_app
from bot.web.towns import TYPED_FROM, pick_town
from tests.test_web import KOJETIN, SCRIPT, page, web_db  # noqa: F401  (web_db is a fixture)

LHOTY = [Town(990001 + i, "Lhota", orp, 100 * (i + 1)) for i, orp in enumerate(("Přerov", "Zlín", "Kolín"))]


def country(ctx: Context) -> Context:
    """The catalogue's context with enough municipalities for a national catalogue."""
    extra = [Town(980000 + i, f"Obec {i:04d}", "Jinde", 50) for i in range(TYPED_FROM)]
    return dataclasses.replace(ctx, towns=[*ctx.towns, *extra, *LHOTY])


@pytest.fixture
async def national(web_db) -> AsyncIterator[TestClient]:  # noqa: F811
    server = TestServer(make_app(country(web_db[0])), host="127.0.0.1")
    async with TestClient(server) as http:
        yield http


async def test_a_national_catalogue_has_a_typed_municipality_field_not_a_select(national) -> None:
    for path in ("/", "/hledat?q=obědy", "/pruvodce?skupina=seniori"):
        html = await page(national, path)
        assert '<select id="obec"' not in html and '<select id="kod"' not in html, path
        assert 'type="text" id="obec"' in html or 'type="text" id="kod"' in html, path


async def test_a_region_keeps_the_select(web_db) -> None:  # noqa: F811
    server = TestServer(make_app(web_db[0]), host="127.0.0.1")
    async with TestClient(server) as http:
        assert '<select id="obec"' in await page(http, "/hledat?q=obědy")


async def test_a_typed_name_with_a_typo_finds_the_municipality(national) -> None:
    html = await page(national, "/hledat?q=pečovatelská+služba&obec=Kojetýn")
    assert 'value="Kojetín"' in html
    assert "v Kojetíně" in html


async def test_a_name_of_several_municipalities_asks_which_one(national) -> None:
    html = await page(national, "/hledat?q=obědy&obec=lhota")
    assert "Obcí s názvem „Lhota“ je víc." in html
    for town in LHOTY:
        assert f"obec={town.code}" in html and f"(ORP {town.orp})" in html


async def test_an_unknown_name_is_said_escaped_and_the_search_goes_on_everywhere(national) -> None:
    html = await page(national, f"/hledat?q=obědy&obec={SCRIPT}")
    assert "jsem nenašel" in html
    assert SCRIPT not in html and "&lt;script&gt;" in html


async def test_a_municipality_typed_on_the_home_page_opens_its_page(national) -> None:
    response = await national.get("/obec?kod=Kojetín", allow_redirects=False)
    assert response.status == 302 and response.headers["Location"] == f"/obec/{KOJETIN}"


def test_a_code_of_no_municipality_is_unknown(web_db) -> None:  # noqa: F811
    assert pick_town(web_db[0], "123").unknown == "123"
    assert pick_town(web_db[0], str(KOJETIN)).code == KOJETIN
    assert pick_town(web_db[0], "   ").code is None
