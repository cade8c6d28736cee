"""The web catalogue as a browser shows it: every page type in headless Chromium on a 390-px
phone and on a desktop, checked by axe-core (WCAG 2.1 A and AA) and for requests that leave
the site.

The app runs on a real loopback port over the bundled catalogue; Chromium is driven over the
DevTools protocol (tests/cdp.py) and can reach nothing but 127.0.0.1. axe-core comes from npm
(tests/browser/package-lock.json, installed by `make test`). Without Chromium or axe-core the
tests are skipped, except in CI (CI set), where either missing is a failure.
"""

from __future__ import annotations

import asyncio
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
from aiohttp import web

from bot.catalog.bundled import load_bundled_data
from bot.compose import build_context
from bot.db import make_engine, session_factory, upgrade_schema
from bot.web.app import make_app
from tests.cdp import DESKTOP, PHONE, Chromium, Tab, Viewport, find_chromium, outside
from tests.test_web_towns import country

AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
KOJETIN = 514055
VIEWPORTS = (PHONE, DESKTOP)
# every page type of the site; {service} and {need} are filled from the pages themselves
PAGES = {
    "home": "/",
    "home in Ukrainian": "/?lang=uk",
    "home in English": "/?lang=en",
    "search": "/hledat?" + urlencode({"q": "pečovatelská služba", "obec": KOJETIN}),
    "search in a danger": "/hledat?" + urlencode({"q": "je mi 14 a táta mě mlátí"}),
    "nothing found": "/hledat?" + urlencode({"q": "oprava pračky a myčky nádobí", "obec": KOJETIN}),
    "group in a town": "/hledat?" + urlencode({"skupina": "seniori", "obec": KOJETIN}),
    "search in English": "/hledat?" + urlencode({"q": "home care for my mother", "lang": "en"}),
    "guide: for whom": "/pruvodce",
    "guide: where": "/pruvodce?skupina=seniori",
    "guide: what": f"/pruvodce?skupina=seniori&obec={KOJETIN}",
    "service": "/sluzba/{service}",
    "crisis lines": "/krizove-linky",
    "municipality": f"/obec/{KOJETIN}",
    "life situation": "/potreba/{need}",
    "not found": "/tato-stranka-neni",
}
# the same site over a national catalogue: a typed municipality field instead of a select
NATIONAL_PAGES = {
    "national: home": "/",
    "national: several municipalities of one name": "/hledat?" + urlencode({"q": "obědy", "obec": "Lhota"}),
    "national: guide, where": "/pruvodce?skupina=seniori",
}
ALL_PAGES = [*PAGES, *NATIONAL_PAGES]
AXE_RUN = """
axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
  resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.html.slice(0, 120)),
})))
"""
LAYOUT = """
(() => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  h1: (document.querySelector('h1') || {textContent: ''}).textContent.trim(),
  lang: document.documentElement.lang,
  fontSize: parseFloat(getComputedStyle(document.body).fontSize),
  scripts: document.scripts.length,
}))()
"""
CANARY = """<!DOCTYPE html><html><head><title>kanárek</title>
<link rel="stylesheet" href="https://fonts.example.com/pismo.css"></head>
<body><img src="http://images.example.com/obrazek.png">
<p style="color:#bbb;background:#fff">světle šedý text</p></body></html>"""


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@dataclass
class Visit:
    origin: str
    requests: list[str]
    layout: dict[str, Any]
    violations: list[dict[str, Any]]


@dataclass
class Site:
    origin: str
    visits: dict[tuple[str, str], Visit]
    canary: Visit


async def _fill(origin: str) -> dict[str, str]:
    """A service and a life situation that the site itself links to."""
    async with aiohttp.ClientSession(origin) as http:
        async with http.get(PAGES["search"]) as response:
            service = re.search(r'href="/sluzba/(\d+)"', await response.text())
        async with http.get("/") as response:
            need = re.search(r'href="/potreba/([a-z0-9-]+)"', await response.text())
    assert service and need, "the search links a service and the home page a life situation"
    return {"service": service.group(1), "need": need.group(1)}


async def _check(tab: Tab, axe: str, origin: str) -> Visit:
    requests = list(tab.requests)
    layout = await tab.evaluate(LAYOUT)
    await tab.evaluate(axe)
    return Visit(origin, requests, layout, await tab.evaluate(AXE_RUN))


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


async def _visit_everything(binary: str, profile: Path, database: Path) -> Site:
    engine = make_engine(f"sqlite:///{database}")
    upgrade_schema(engine)
    sessions = session_factory(engine)
    load_bundled_data(sessions)
    ctx = build_context(sessions)
    runner, origin = await _serve(make_app(ctx))
    national, national_origin = await _serve(make_app(country(ctx)))
    axe = AXE.read_text(encoding="utf-8")
    try:
        ids = await _fill(origin)
        visits: dict[tuple[str, str], Visit] = {}
        async with Chromium(binary, profile) as tab:
            await tab.send("Page.setBypassCSP", enabled=True)  # lets the test inject axe-core
            for viewport in VIEWPORTS:
                for base, pages in ((origin, PAGES), (national_origin, NATIONAL_PAGES)):
                    for name, path in pages.items():
                        await tab.open(base + path.format(**ids), viewport)
                        visits[name, viewport.name] = await _check(tab, axe, base)
            await tab.open(origin + "/", PHONE)
            await tab.set_content(CANARY)
            canary = await _check(tab, axe, origin)
    finally:
        await runner.cleanup()
        await national.cleanup()
        engine.dispose()
    return Site(origin, visits, canary)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    binary = find_chromium()
    missing = [what for what, ok in (("Chromium", binary), ("axe-core (npm)", AXE.is_file())) if not ok]
    if missing:
        if _ci():
            pytest.fail(f"{' and '.join(missing)} missing in CI: `make test` installs them")
        pytest.skip(f"{' and '.join(missing)} not installed (`make test` installs them when it can)")
    assert binary is not None
    work = tmp_path_factory.mktemp("web-browser")
    return asyncio.run(_visit_everything(binary, work / "profile", work / "web.sqlite3"))


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_every_page_type_renders_without_sideways_scrolling(site: Site, viewport: Viewport) -> None:
    for name in ALL_PAGES:
        layout = site.visits[name, viewport.name].layout
        assert layout["innerWidth"] == viewport.width, f"{name}: laid out {layout['innerWidth']} px wide"
        assert layout["scrollWidth"] <= viewport.width, f"{name}: {layout['scrollWidth']} px wide"
        assert layout["h1"], f"{name} has no heading"
        assert layout["fontSize"] >= 16, f"{name}: text of {layout['fontSize']} px"
        assert layout["scripts"] == 0, f"{name} runs a script"


def test_each_page_says_its_language(site: Site) -> None:
    languages = {name: site.visits[name, PHONE.name].layout["lang"] for name in ALL_PAGES}
    assert languages.pop("home in Ukrainian") == "uk"
    assert languages.pop("home in English") == "en"
    assert languages.pop("search in English") == "en"
    assert set(languages.values()) == {"cs"}


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_axe_core_finds_no_wcag_aa_violation_on_any_page(site: Site, viewport: Viewport) -> None:
    found = {name: site.visits[name, viewport.name].violations for name in ALL_PAGES}
    assert {name: v for name, v in found.items() if v} == {}


def test_no_page_asks_for_anything_outside_the_site(site: Site) -> None:
    for (name, viewport), visit in site.visits.items():
        assert visit.requests, f"{name} ({viewport}): no request seen"
        assert outside(visit.requests, visit.origin) == [], f"{name} ({viewport})"


def test_the_checks_see_a_foreign_request_and_an_inaccessible_page(site: Site) -> None:
    """The checks themselves: a page with a foreign font and image, no alt text and pale text."""
    assert set(outside(site.canary.requests, site.origin)) >= {
        "https://fonts.example.com/pismo.css",
        "http://images.example.com/obrazek.png",
    }
    assert {v["id"] for v in site.canary.violations} >= {"image-alt", "color-contrast", "html-has-lang"}
