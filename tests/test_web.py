"""The public web catalogue: the real aiohttp app on a loopback port over the bundled catalogue."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.catalog.bundled import load_bundled_data
from bot.catalog.models import Place, Service
from bot.compose import build_context
from bot.db import make_engine, session_factory, upgrade_schema
from bot.dialog.context import Context
from bot.web.app import make_app

KOJETIN = 514055
SCRIPT = "<script>alert('x')</script>"
URL = re.compile(r"""https?://[^\s"'<>]+""")


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Context, int, str]:
    """The bundled catalogue in a fresh SQLite database: one service's values made hostile,
    its place's address hidden (returns the context, that service's id and the hidden street)."""
    path: Path = tmp_path_factory.mktemp("web") / "web.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    sessions = session_factory(engine)
    load_bundled_data(sessions)
    with sessions() as session:
        place = session.scalars(
            select(Place)
            .join(Service, Place.service_id == Service.id)
            .where(Place.street.is_not(None), ~Service.name.contains("Kojetín"))
            .order_by(Place.id)
        ).first()
        assert place is not None and place.street
        place.address_hidden = True
        street = place.street
        hostile = session.get_one(Service, place.service_id)
        hostile.name = f"Poradna {SCRIPT}"
        hostile.description = f'Popis {SCRIPT} a "uvozovky" & <b>tučně</b>'
        hostile.hours = f"po–pá {SCRIPT}"
        hostile_id = hostile.id
        session.commit()
    ctx = build_context(sessions)
    engine.dispose()
    return ctx, hostile_id, street


@pytest.fixture
async def client(web_db) -> AsyncIterator[TestClient]:
    server = TestServer(make_app(web_db[0]), host="127.0.0.1")
    async with TestClient(server) as http:
        yield http


async def page(client: TestClient, path: str, status: int = 200) -> str:
    response = await client.get(path)
    assert response.status == status, path
    assert response.content_type == "text/html"
    return await response.text()


async def test_home_page_has_the_search_form_groups_and_crisis_lines(client) -> None:
    html = await page(client, "/")
    assert '<form action="/hledat" method="get"' in html
    assert 'name="q"' in html and 'name="obec"' in html
    assert f'<option value="{KOJETIN}">Kojetín</option>' in html
    assert html.count('href="/hledat?skupina=') == 4
    assert 'href="/krizove-linky"' in html
    assert '<html lang="cs">' in html
    assert "<script" not in html


async def test_a_care_search_in_a_town_lists_the_towns_care_service(client, web_db) -> None:
    ctx = web_db[0]
    html = await page(client, f"/hledat?q=pečovatelská+služba&obec={KOJETIN}")
    assert "Pečovatelská služba Kojetín" in html
    assert "v Kojetíně" in html
    assert f'<option value="{KOJETIN}" selected>Kojetín</option>' in html  # the search form keeps the town
    assert html.count(" selected>") == 1
    service_id = next(d.id for d in ctx.services if d.name == "Pečovatelská služba Kojetín")
    assert f'href="/sluzba/{service_id}"' in html
    assert "Jde-li o život" not in html.split("<main>")[1].split("</main>")[0]  # no danger box


async def test_a_danger_message_puts_the_childrens_line_before_any_result(client) -> None:
    html = await page(client, "/hledat?q=je+mi+14+a+táta+mě+mlátí")
    assert 'href="tel:116111"' in html
    first_line = html.index("116 111")
    results = [m.start() for m in re.finditer(r'href="/sluzba/\d+"', html)]
    assert results, "the results follow the crisis lines"
    assert first_line < min(results)
    assert html.index('class="danger"') < html.index("<h1>")


async def test_the_danger_lines_come_in_the_detectors_order(client, web_db) -> None:
    from bot.safety.lines import lines_for

    ctx = web_db[0]
    text = "je mi 14 a táta mě mlátí"
    expected = [line.number for line in lines_for(ctx.safety.assess(text), ctx.crisis_lines)]
    html = await page(client, "/hledat?q=" + text.replace(" ", "+"))
    box = html[html.index('class="danger"') : html.index("</section>")]
    shown = re.findall(r'class="tel" href="tel:\d+">([^<]+)</a>', box)
    assert shown == expected


async def test_catalogue_values_are_escaped(client, web_db) -> None:
    html = await page(client, f"/sluzba/{web_db[1]}")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;b&gt;tučně&lt;/b&gt;" in html


async def test_a_service_page_shows_the_card(client, web_db) -> None:
    ctx = web_db[0]
    card = next(c for d in ctx.services if (c := ctx.cards(d.id)) and c.phones and c.description)
    html = await page(client, f"/sluzba/{card.id}")
    assert "Ověřeno:" in html or "nevíme" in html
    assert 'href="tel:' in html


async def test_a_hidden_address_is_never_shown(client, web_db) -> None:
    _, service_id, street = web_db
    html = await page(client, f"/sluzba/{service_id}")
    assert street not in html
    assert "adresa se nezveřejňuje" in html


async def test_an_unknown_service_gives_a_czech_404(client) -> None:
    html = await page(client, "/sluzba/999999999", status=404)
    assert "Tuto stránku nemáme" in html
    assert 'href="/"' in html
    html = await page(client, "/neexistuje", status=404)
    assert "Tuto stránku nemáme" in html


async def test_nothing_found_offers_the_crisis_lines_and_the_home_page(client) -> None:
    html = await page(client, "/hledat?q=autoservis")
    assert "Nerozuměl jsem" in html
    assert 'href="tel:116123"' in html or 'href="tel:112"' in html
    assert 'href="/"' in html


async def test_the_crisis_lines_page_lists_every_line(client, web_db) -> None:
    html = await page(client, "/krizove-linky")
    for line in web_db[0].crisis_lines:
        assert f'href="tel:{line.dial}"' in html


async def test_security_headers_are_on_every_page_including_404(client) -> None:
    for path, status in [("/", 200), ("/hledat?q=x", 200), ("/sluzba/999999999", 404), ("/krizove-linky", 200)]:
        response = await client.get(path)
        assert response.status == status
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "Set-Cookie" not in response.headers


async def test_no_page_links_to_another_host_but_the_services_own_web(client, web_db) -> None:
    ctx = web_db[0]
    paths = ["/", "/krizove-linky", "/hledat?q=pečovatelská+služba", "/hledat?q=je+mi+14+a+táta+mě+mlátí"]
    paths += ["/hledat?skupina=seniori", "/hledat?q=autoservis", "/sluzba/999999999"]
    services = [d.id for d in ctx.services]
    for path in paths:
        html = await client.get(path)
        assert URL.findall(await html.text()) == [], path
    for service_id in services:
        card = ctx.cards(service_id)
        assert card is not None
        html = await page(client, f"/sluzba/{service_id}")
        for url in URL.findall(html):
            assert any(url.rstrip("/").endswith(web.rstrip("/").split("://")[-1]) for web in card.webs), url
        assert 'src="http' not in html and "<script" not in html


def test_python_m_bot_web_serves_the_catalogue_on_the_configured_port_and_reloads_it_on_sighup(tmp_path) -> None:
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from bot import PROJECT_ROOT

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "STATS_", "WEB_"))}
    env = {**clean, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "WEB_PORT": str(port)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "web"], cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/krizove-linky", timeout=5) as response:
                    assert response.status == 200
                    assert "116 111" in response.read().decode("utf-8")
                    break
            except OSError:
                assert process.poll() is None, process.communicate()[1].decode()
                assert time.monotonic() < deadline, "the web server did not start"
                time.sleep(0.3)
        # after an import, SIGHUP makes the running server read the catalogue again
        engine = make_engine(env["DATABASE_URL"])
        with session_factory(engine)() as session:
            service = session.scalars(select(Service).order_by(Service.id)).first()
            assert service is not None
            service.name = "Poradna po novém importu"
            session.commit()
            service_id = service.id
        engine.dispose()
        process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 60
        while True:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/sluzba/{service_id}", timeout=5) as response:
                if "Poradna po novém importu" in response.read().decode("utf-8"):
                    break
            assert process.poll() is None, process.communicate()[1].decode()
            assert time.monotonic() < deadline, "SIGHUP did not reload the catalogue"
            time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    process.stderr.close()


def test_a_bad_web_port_stops_the_start_with_one_line(tmp_path) -> None:
    import os
    import subprocess
    import sys

    from bot import PROJECT_ROOT

    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "STATS_", "WEB_"))}
    env = {**clean, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "WEB_PORT": "osmdesát"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "web"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Neplatné nastavení WEB_PORT: očekává se celé číslo (zadáno: 'osmdesát')"
    ]
