"""The web's guided path (/pruvodce): for whom, then where, then what, as the bot's buttons."""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import parse_qs, urlsplit

from bot.search.vocabulary import Need
from tests.test_web import KOJETIN, client, page, web_db  # noqa: F401 - fixtures

LINK = re.compile(r'href="([^"]+)"')
SERVICE_LINK = re.compile(r'href="/sluzba/(\d+)"')


def links(html: str, prefix: str) -> list[str]:
    main = html.split("<main>")[1].split("</main>")[0]
    return [html_lib.unescape(h) for h in LINK.findall(main) if h.startswith(prefix)]


async def test_the_guide_asks_for_whom_then_where_then_what(client, web_db) -> None:  # noqa: F811
    ctx = web_db[0]
    html = await page(client, "/")
    assert 'href="/pruvodce"' in html
    first = await page(client, "/pruvodce")
    assert "Pro koho pomoc hledáte?" in first
    groups = links(first, "/pruvodce?skupina=")
    assert len(groups) == 4
    second = await page(client, "/pruvodce?skupina=seniori")
    assert "Ve které obci?" in second
    assert '<option value="vse">' in second and f'<option value="{KOJETIN}">Kojetín</option>' in second
    assert f"/pruvodce?skupina=seniori&obec={KOJETIN}" in links(second, "/pruvodce?")
    third = await page(client, f"/pruvodce?skupina=seniori&obec={KOJETIN}")
    assert "S čím potřebujete pomoci?" in third and "Kojetín" in third
    needs = links(third, "/hledat?")
    expected = [s.id for s in ctx.situations_of("seniori")]
    assert [parse_qs(urlsplit(h).query).get("potreba", [""])[0] for h in needs[:-1]] == expected
    assert parse_qs(urlsplit(needs[-1]).query) == {"skupina": ["seniori"], "obec": [str(KOJETIN)]}
    # the chosen life situation lists what the search finds for it there, in its order
    situation = expected[0]
    results = await page(client, f"/hledat?skupina=seniori&obec={KOJETIN}&potreba={situation}")
    found = ctx.searcher.search(None, town=KOJETIN, group="seniori", need=Need("situace", situation), limit=20)
    assert found.hits
    assert [int(i) for i in SERVICE_LINK.findall(results)][: len(found.hits)] == [h.service.id for h in found.hits]


async def test_the_whole_area_skips_the_municipality(client, web_db) -> None:  # noqa: F811
    html = await page(client, "/pruvodce?skupina=krize&obec=vse")
    assert "S čím potřebujete pomoci?" in html
    assert all("obec=" not in h for h in links(html, "/hledat?"))


async def test_an_unknown_group_or_municipality_is_asked_again(client) -> None:  # noqa: F811
    assert "Pro koho pomoc hledáte?" in await page(client, "/pruvodce?skupina=%3Cscript%3E")
    html = await page(client, "/pruvodce?skupina=seniori&obec=999999999")
    assert "Ve které obci?" in html
    assert "<script" not in html


async def test_the_guide_keeps_its_language_on_every_link(client) -> None:  # noqa: F811
    html = await page(client, f"/pruvodce?skupina=seniori&obec={KOJETIN}&lang=uk")
    assert '<html lang="uk">' in html
    for href in links(html, "/hledat?") + links(html, "/pruvodce?"):
        assert href.count("?") == 1 and parse_qs(urlsplit(href).query)["lang"] == ["uk"], href
