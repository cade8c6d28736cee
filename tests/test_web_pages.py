"""Pages per municipality (/obec/{code}) and per life situation (/potreba/{id})."""

from __future__ import annotations

import re

from tests.test_web import KOJETIN, URL, client, page, web_db  # noqa: F401 - fixtures

SERVICE_LINK = re.compile(r'href="/sluzba/(\d+)"')


async def test_the_home_page_links_every_life_situation_and_the_municipalities(client, web_db) -> None:  # noqa: F811
    ctx = web_db[0]
    html = await page(client, "/")
    for situation in ctx.situations:
        if situation.family:
            assert f'href="/potreba/{situation.id}"' in html, situation.id
    assert f'href="/obec/{ctx.popular_towns[0].code}"' in html
    assert '<form action="/obec" method="get">' in html


async def test_the_municipality_form_goes_to_its_page(client) -> None:  # noqa: F811
    response = await client.get(f"/obec?kod={KOJETIN}&lang=uk", allow_redirects=False)
    assert response.status == 302
    assert response.headers["Location"] == f"/obec/{KOJETIN}?lang=uk"
    await page(client, "/obec?kod=999999999", status=404)
    await page(client, "/obec?kod=abc", status=404)


async def test_a_municipality_page_lists_the_services_there_and_those_reaching_it_by_kind(client, web_db) -> None:  # noqa: F811
    ctx = web_db[0]
    html = await page(client, f"/obec/{KOJETIN}")
    assert "<h1>Sociální služby – Kojetín</h1>" in html
    shown = {int(i) for i in SERVICE_LINK.findall(html)}
    here = {d.id for d in ctx.services if KOJETIN in d.place_codes}
    reaching = {d.id for d in ctx.services if KOJETIN in d.area_codes} - here
    assert here and reaching
    assert here | reaching <= shown
    unrelated = {d.id for d in ctx.services if not d.place_codes and not d.area_codes and not d.is_field_service}
    assert not shown & unrelated
    assert "dojíždí sem" in html
    care = next(d for d in ctx.services if d.name == "Pečovatelská služba Kojetín")
    kind_heading = html.index(f"<h2>{care.kind}</h2>")
    assert kind_heading < html.index(f'href="/sluzba/{care.id}"')
    assert f'href="/hledat?obec={KOJETIN}"' in html
    assert URL.findall(html) == [] and "<script" not in html


async def test_a_municipality_page_escapes_the_catalogue(client, web_db) -> None:  # noqa: F811
    ctx, hostile_id, _ = web_db
    doc = next(d for d in ctx.services if d.id == hostile_id)
    code = next(iter(doc.place_codes))
    html = await page(client, f"/obec/{code}")
    assert f'href="/sluzba/{hostile_id}"' in html
    assert "<script" not in html and "&lt;script&gt;" in html


async def test_an_unknown_municipality_is_a_404(client) -> None:  # noqa: F811
    for path in ["/obec/999999999", "/obec/1", "/obec/kojetin", "/obec/"]:
        html = await page(client, path, status=404)
        assert "Tuto stránku nemáme" in html


async def test_a_need_page_lists_the_services_for_the_life_situation(client, web_db) -> None:  # noqa: F811
    ctx = web_db[0]
    situation = ctx.situation_by_id["dovoz-obedu"]
    html = await page(client, "/potreba/dovoz-obedu")
    assert f"<h1>{situation.name}</h1>" in html
    shown = {int(i) for i in SERVICE_LINK.findall(html)}
    tagged = {d.id for d in ctx.services if "dovoz-obedu" in d.situations}
    assert tagged and tagged <= shown
    html = await page(client, "/potreba/dovoz-obedu?lang=en")
    assert f"<h1>{situation.name_in('en')}</h1>" in html
    assert "Services that help in this life situation." in html


async def test_an_unknown_need_is_a_404(client) -> None:  # noqa: F811
    for path in ["/potreba/neexistuje", "/potreba/DOVOZ-OBEDU", "/potreba/" + "a" * 200]:
        html = await page(client, path, status=404)
        assert "Tuto stránku nemáme" in html
    html = await page(client, "/potreba/neexistuje?lang=uk", status=404)
    assert "Такої сторінки немає" in html


async def test_the_new_pages_have_the_security_headers(client) -> None:  # noqa: F811
    for path, status in [(f"/obec/{KOJETIN}", 200), ("/potreba/dovoz-obedu", 200), ("/obec/1", 404)]:
        response = await client.get(path)
        assert response.status == status
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Set-Cookie" not in response.headers
