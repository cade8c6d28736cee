"""The printed leaflet and catalogue of an ORP (`catalog-print`), made from the bundled sample
catalogue: what the HTML says, and what headless Chromium prints and shows.

Chromium is Debian's `chromium` package (CHROMIUM names another binary); without it the
tests that print are skipped.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from sqlalchemy import select

from bot.catalog.bundled import load_bundled_data
from bot.catalog.leaflet import PrintData, count_pages, load_print_data, render_html
from bot.catalog.models import Place, Service
from bot.db import make_engine, session_factory, upgrade_schema

CHROMIUM = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason=f"{CHROMIUM} is missing")
HIDDEN_SERVICE = "Azylový dům pro matky s dětmi Přístav"
HIDDEN_STREET = "Skrytá ulice 999"
KNOWN_PHONE = "073 010 113"  # Pečovatelská služba Přerov
A4_PIXELS = (794, 1123)  # CSS pixels of an A4 page


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled sample catalogue in a fresh SQLite; one shelter's address is hidden."""
    url = f"sqlite:///{tmp_path_factory.mktemp('tisk') / 'katalog.sqlite3'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    sessions = session_factory(engine)
    load_bundled_data(sessions)
    with sessions() as session:
        service = session.scalars(select(Service).where(Service.name == HIDDEN_SERVICE)).one()
        for place in session.scalars(select(Place).where(Place.service_id == service.id)):
            place.street, place.house_number, place.address_hidden = "Skrytá ulice", "999", True
        session.commit()
    engine.dispose()
    return url


@pytest.fixture(scope="module")
def data(database: str) -> PrintData:
    engine = make_engine(database)
    try:
        return load_print_data(session_factory(engine))
    finally:
        engine.dispose()


def admin(database: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database, "CHROMIUM": CHROMIUM}
    return subprocess.run(
        [sys.executable, "-m", "admin_scripts", "catalog-print", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_leaflet_has_the_crisis_lines_large_type_and_known_phones(data) -> None:
    html = render_html(data, "Přerov")
    text = text_of(html)
    assert "116 111" in text and "Linka bezpečí" in text
    assert text.index("116 111") < text.index(KNOWN_PHONE), "the crisis lines come first"
    for family in ("Senioři a pečující", "Zdravotní postižení", "Rodiny a děti", "Krize, bydlení"):
        assert family in text
    assert "font-size: 12pt" in html and "h2 { font-size: 16pt" in html
    assert "size: A4" in html and 'lang="cs"' in html
    assert HIDDEN_STREET not in text


def test_the_group_leaflet_has_only_its_family(data) -> None:
    text = text_of(render_html(data, "Přerov", group="seniori", size="A5"))
    assert "Senioři a pečující" in text and "Rodiny a děti" not in text


def test_the_catalogue_lists_every_service_and_never_a_hidden_address(data) -> None:
    html = render_html(data, "Přerov", kind="catalogue")
    text = text_of(html)
    assert HIDDEN_SERVICE in text and "adresa se nezveřejňuje" in text
    assert HIDDEN_STREET not in text and "Skrytá ulice" not in text
    assert "Další služby" in text, "services without a life situation have their own heading"
    assert "Týdenní stacionář Slunečnice" in text
    assert "Dovoz obědů" in text and "Kdy:" in text and "Adresa:" in text


def test_a_name_is_escaped(data) -> None:
    card = next(iter(data.cards.values()))
    object.__setattr__(card, "description", "<script>alert(1)</script>")
    try:
        html = render_html(data, "Přerov", kind="catalogue")
    finally:
        object.__setattr__(card, "description", "")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_an_unknown_orp_is_a_czech_error_and_no_file(database, tmp_path) -> None:
    out = tmp_path / "letak.pdf"
    done = admin(database, "--orp", "Brno", "--out", str(out))
    assert done.returncode == 1
    assert "ORP „Brno“ v katalogu není" in done.stderr and "Přerov" in done.stderr
    assert not out.exists()


def test_a_missing_chromium_is_a_czech_error_naming_the_setting(database, tmp_path) -> None:
    out = tmp_path / "letak.pdf"
    env = {**os.environ, "DATABASE_URL": database, "CHROMIUM": str(tmp_path / "zadne-chromium")}
    done = subprocess.run(
        [sys.executable, "-m", "admin_scripts", "catalog-print", "--orp", "Přerov", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 1
    assert "Chromium nenalezen" in done.stderr and "CHROMIUM" in done.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


@needs_chromium
def test_the_prerov_leaflet_prints_on_at_most_two_a4_pages(database, tmp_path) -> None:
    out = tmp_path / "letak.pdf"
    done = admin(database, "--orp", "prerov", "--out", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    pages = count_pages(data)
    assert 1 <= pages <= 2, f"the leaflet takes {pages} pages"
    boxes = {tuple(round(float(v)) for v in b.split()[2:]) for b in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data)}
    assert boxes == {(595, 842)}
    assert "2 str. A4" in done.stdout


@needs_chromium
def test_the_catalogue_prints_on_a5(database, tmp_path) -> None:
    out = tmp_path / "katalog.pdf"
    done = admin(database, "--orp", "Přerov", "--format", "catalogue", "--size", "A5", "--out", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert count_pages(data) > 2
    boxes = {tuple(round(float(v)) for v in b.split()[2:]) for b in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data)}
    assert boxes == {(420, 595)}


@needs_chromium
def test_every_leaflet_page_shows_something(data, tmp_path) -> None:
    """The leaflet as Chromium shows it, cut into A4-high pages: none of them is blank."""
    page = tmp_path / "letak.html"
    page.write_text(render_html(data, "Přerov"), encoding="utf-8")
    png = tmp_path / "letak.png"
    width, height = A4_PIXELS
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profil'}",
            f"--window-size={width},{2 * height}",
            f"--screenshot={png}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0 and png.is_file(), done.stderr
    with Image.open(png) as image:
        grey = image.convert("L")
        assert grey.size == (width, 2 * height)
        for number in range(2):
            part = grey.crop((0, number * height, width, (number + 1) * height))
            histogram = part.histogram()
            dark = sum(histogram[:128]) / (width * height)
            assert histogram[255] > 0 and dark > 0.01, f"page {number + 1} is blank"
            assert ImageStat.Stat(part).stddev[0] > 10
