"""The web catalogue in Ukrainian and English (`?lang=uk|en`), Czech by default."""

from __future__ import annotations

import re

from tests.test_web import KOJETIN, SCRIPT, URL, client, page, web_db  # noqa: F401 - fixtures

LINK = re.compile(r'<a href="(/[^"]*)"(?! hreflang)')  # this site's links but the language links


async def test_ukrainian_home_page_has_ukrainian_labels_and_html_lang(client) -> None:  # noqa: F811
    html = await page(client, "/?lang=uk")
    assert '<html lang="uk">' in html
    assert "З чим вам потрібна допомога?" in html
    assert "Кризові лінії" in html
    assert "Літні люди" in html  # the group's name from the bot's message catalogue
    assert '<input type="hidden" name="lang" value="uk">' in html
    assert "S čím potřebujete pomoci?" not in html


async def test_english_home_page_has_english_labels_and_html_lang(client) -> None:  # noqa: F811
    html = await page(client, "/?lang=en")
    assert '<html lang="en">' in html
    assert "What do you need help with?" in html
    assert "Older people" in html


async def test_czech_is_the_default_and_an_unknown_language_falls_back_to_it(client) -> None:  # noqa: F811
    for path in ["/", "/?lang=de", f"/?lang={SCRIPT}"]:
        html = await page(client, path)
        assert '<html lang="cs">' in html
        assert "S čím potřebujete pomoci?" in html
        assert "<script" not in html


async def test_every_page_links_to_the_other_languages(client, web_db) -> None:  # noqa: F811
    ctx, service_id, _ = web_db
    situation = ctx.situations[0].id
    paths = ["/", "/krizove-linky", "/hledat?q=pečovatelská+služba", f"/sluzba/{service_id}", f"/obec/{KOJETIN}"]
    paths += [f"/potreba/{situation}", "/neexistuje"]
    for path in paths:
        status = 404 if path == "/neexistuje" else 200
        html = await page(client, path, status)
        assert 'hreflang="uk"' in html and 'hreflang="en"' in html, path
        html = await page(client, path + ("&" if "?" in path else "?") + "lang=en", status)
        assert '<html lang="en">' in html, path
        assert 'hreflang="cs"' in html and 'hreflang="uk"' in html, path


async def test_a_ukrainian_page_keeps_its_language_in_every_link(client, web_db) -> None:  # noqa: F811
    ctx = web_db[0]
    for path in ["/?lang=uk", "/hledat?q=pečovatelská+služba&lang=uk", f"/obec/{KOJETIN}?lang=uk"]:
        html = await page(client, path)
        links = LINK.findall(html)
        assert len(links) > 3, path
        for link in links:
            assert "lang=uk" in link, (path, link)
    assert ctx.situations  # the home page links the needs in Ukrainian
    html = await page(client, "/?lang=uk")
    assert ctx.situations[0].name_in("uk") in html


async def test_a_ukrainian_search_answers_in_ukrainian(client) -> None:  # noqa: F811
    html = await page(client, f"/hledat?q=pečovatelská+služba&obec={KOJETIN}&lang=uk")
    assert '<html lang="uk">' in html
    assert "Результати пошуку" in html
    assert "Pečovatelská služba Kojetín" in html  # the catalogue stays as published
    html = await page(client, "/hledat?q=autoservis&lang=en")
    assert "I did not understand" in html


async def test_a_service_page_in_english_and_its_escaping(client, web_db) -> None:  # noqa: F811
    _, service_id, street = web_db
    html = await page(client, f"/sluzba/{service_id}?lang=en")
    assert '<html lang="en">' in html
    assert "the address is not published" in html
    assert street not in html
    assert "<script" not in html and "&lt;script&gt;" in html


async def test_translated_pages_keep_the_security_headers_and_stay_on_this_host(client) -> None:  # noqa: F811
    for path in ["/?lang=uk", "/?lang=en", "/hledat?q=x&lang=uk", "/krizove-linky?lang=en", "/x?lang=uk"]:
        response = await client.get(path)
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        assert "Set-Cookie" not in response.headers
        html = await response.text()
        assert URL.findall(html) == [], path
        assert "<script" not in html
