"""The planners' report as a browser shows it: headless Chromium renders, prints and reads it.

The report is made the way a coordinator makes it (stats simulate into a fresh SQLite, then
stats report) and served from a local HTTP server on 127.0.0.1. Chromium runs with that
server as its proxy too, so any request for another address reaches the server and is
refused instead of leaving the machine, and host names resolve to nothing besides.
Chromium's network log (--log-net-log) says which requests the page made: only its own
address is allowed. A canary page that loads a font, an image and a background from
elsewhere shows that the check sees such requests.

Chromium is Debian's `chromium` package, installed by `make test` when it can be. Without it
the test is skipped, except in CI (CI set), where a missing browser is a failure. CHROMIUM
names another binary.
"""

from __future__ import annotations

import json
import os
import re
import signal
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest

from bot import CATALOG_DATA
from tests.cdp import FLAGS, find_chromium

TIMEOUT = 120  # seconds for any one subprocess
DESKTOP = (1280, 2000)
PHONE = (390, 1600)
A4 = (595, 842)  # points
REPORT = "zprava.html"
TITLE = "Síť pomoci – poptávka po sociálních službách"
HEADINGS = [
    "V číslech",
    "Co lidé hledali a nenašli",
    "Hledání v čase",
    "Potřeby",
    "Citlivé potřeby (po ORP, za celá čtvrtletí)",
    "Obce: hledání na 1 000 obyvatel",
    "Skupiny",
    "Kanály a jazyky",
    "Slova, která lidé psali",
    "Zpětná vazba ke katalogu",
    "Změny v katalogu",
    "Skryté údaje",
]


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def run(command: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command bounded by TIMEOUT; on timeout its whole process group is killed."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"timed out after {TIMEOUT} s: {' '.join(command[:3])} …")
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


# --- the report -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report of a year of synthetic demand in the municipalities of ORP Přerov."""
    work = tmp_path_factory.mktemp("report")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{work / 'stats.sqlite3'}", "STATS_K": "5"}
    admin = [sys.executable, "-m", "admin_scripts"]
    steps = [
        ["import", "municipalities", str(CATALOG_DATA / "obce" / "orp-prerov.csv")],
        ["stats", "simulate", "--events", "6000", "--from", "2025-01-01", "--to", "2025-12-31", "--seed", "3"],
        ["stats", "report", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(work / "out")],
    ]
    for step in steps:
        done = run(admin + step, cwd=work, env=env)
        assert done.returncode == 0, (step, done.stdout, done.stderr)
    [page] = list((work / "out").glob("zprava-*.html"))
    served = work / "site"
    served.mkdir()
    return page.replace(served / REPORT)


# --- a local server that is also Chromium's proxy ----------------------------------------

CANARY = "kanarek.html"
CANARY_HTML = """<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><title>kanárek</title>
<link rel="stylesheet" href="https://fonts.example.com/pismo.css"></head>
<body><h1>kanárek</h1><img src="http://images.example.com/obrazek.png" alt="">
<div style="background: url(//background.example.com/pozadi.png)">text</div></body></html>
"""
CANARY_ADDRESSES = {
    "https://fonts.example.com/pismo.css",
    "http://images.example.com/obrazek.png",
    "http://background.example.com/pozadi.png",
}


@dataclass
class Server:
    """Serves one folder on 127.0.0.1 and records every request, its own and foreign ones.

    A foreign request (an absolute URL or CONNECT, which reach it as Chromium's proxy) is
    refused, so nothing leaves the machine whatever Chromium tries.
    """

    folder: Path
    own: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    port: int = 0

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def clear(self) -> None:
        self.own.clear()
        self.foreign.clear()


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _foreign(self) -> None:
            server.foreign.append(f"{self.command} {self.path}")
            self.send_error(403, "no network in this test")

        def do_CONNECT(self) -> None:
            self._foreign()

        def do_GET(self) -> None:
            target = urlsplit(self.path)
            if target.netloc and target.netloc != f"127.0.0.1:{server.port}":
                self._foreign()
                return
            server.own.append(target.path)
            file = server.folder / target.path.lstrip("/")
            if target.path.strip("/") == "" or not file.is_file() or file.parent != server.folder:
                self.send_error(404)
                return
            body = file.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_HEAD = do_PUT = do_OPTIONS = _foreign

    return Handler


@pytest.fixture(scope="module")
def server(report: Path) -> Iterator[Server]:
    (report.parent / CANARY).write_text(CANARY_HTML, encoding="utf-8")
    state = Server(report.parent)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


# --- Chromium ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None:
        if _ci():
            pytest.fail("Chromium is missing in CI: `make test` installs Debian's chromium package (apt-get)")
        pytest.skip("Chromium is not installed (make test installs it when run as root with apt-get)")
    return found


def read_net_log(path: Path) -> list[dict[str, object]]:
    """The URL requests in Chromium's network log (a JSON file, cut short if Chromium was)."""
    text = path.read_text(encoding="utf-8").rstrip()
    try:
        log = json.loads(text)
    except json.JSONDecodeError:
        log = json.loads(text.rstrip(",") + "]}")
    kinds = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    return [
        event["params"]
        for event in log["events"]
        if kinds.get(event["type"]) == "URL_REQUEST_START_JOB" and "url" in (event.get("params") or {})
    ]


@dataclass
class Visit:
    """One Chromium run on a served page: its output and what was asked for, by whom."""

    output: subprocess.CompletedProcess[str]
    page_requests: list[str]  # URLs the page asked for (its own address first)
    browser_requests: list[str]  # Chromium's own requests (updates, time), refused by the proxy
    own: list[str]  # paths the server was asked for directly

    def outside(self, origin: str) -> list[str]:
        return [url for url in self.page_requests if not url.startswith(origin + "/")]


@dataclass
class Browser:
    binary: str
    server: Server
    profiles: pytest.TempPathFactory

    def open(self, page: str, *options: str) -> Visit:
        """Open a served page with `options`; fails on a non-zero exit or a timeout.

        Chromium's network log tells the page's requests (made from the page's origin, in its
        network partition) from the browser's own, which Debian's build makes at start-up
        whatever the flags (update checks, network time, account look-up).
        """
        self.server.clear()
        profile = self.profiles.mktemp("chromium-profile")
        net_log = profile / "net-log.json"
        command = [
            self.binary,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--proxy-server={self.server.origin}",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            f"--log-net-log={net_log}",
            *options,
            f"{self.server.origin}/{page}",
        ]
        done = run(command, cwd=profile)
        assert done.returncode == 0, done.stderr[-3000:]
        assert net_log.is_file(), "Chromium wrote no network log"
        page_requests: list[str] = []
        browser_requests: list[str] = []
        partition = "http://127.0.0.1 http://127.0.0.1"
        for request in read_net_log(net_log):
            by_page = request.get("initiator") == self.server.origin
            by_page = by_page or request.get("network_isolation_key") == partition
            (page_requests if by_page else browser_requests).append(str(request["url"]))
        return Visit(done, page_requests, browser_requests, list(self.server.own))

    def report(self, *options: str) -> Visit:
        """Open the report; it must ask for nothing but itself."""
        visit = self.open(REPORT, *options)
        assert visit.page_requests[:1] == [f"{self.server.origin}/{REPORT}"], visit.page_requests
        assert visit.outside(self.server.origin) == [], f"the report asked for {visit.outside(self.server.origin)}"
        assert set(visit.own) <= {f"/{REPORT}", "/favicon.ico"}, visit.own
        return visit


@pytest.fixture(scope="module")
def browser(chromium: str, server: Server, tmp_path_factory: pytest.TempPathFactory) -> Browser:
    return Browser(chromium, server, tmp_path_factory)


# --- reading what Chromium wrote --------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def png_pixels(path: Path) -> bytes:
    """The decompressed image data (filter bytes included), enough to tell a blank image."""
    data = path.read_bytes()
    position, chunks = 8, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IDAT":
            chunks.append(data[position + 8 : position + 8 + length])
        position += 12 + length
    return zlib.decompress(b"".join(chunks))


class Page(HTMLParser):
    """Headings, tags and every URL a page refers to (attributes, inline and <style> CSS)."""

    URL_ATTRIBUTES: ClassVar[set[str]] = {
        "src",
        "href",
        "xlink:href",
        "srcset",
        "action",
        "formaction",
        "poster",
        "data",
        "background",
    }
    CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.urls: list[str] = []
        self.words: list[str] = []
        self._heading: list[str] | None = None
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if value is None:
                continue
            if name in self.URL_ATTRIBUTES:
                self.urls += [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            if name == "style":
                self._css(value)
        if tag in ("h1", "h2", "h3"):
            self._heading = [tag]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if self._heading and tag == self._heading[0]:
            self.headings.append((tag, " ".join("".join(self._heading[1:]).split())))
            self._heading = None
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        if self._in_style:
            self._css(data)
        else:
            self.words += data.split()

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def _css(self, text: str) -> None:
        self.urls += [a or b for a, b in self.CSS_URL.findall(text)]


def read_page(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


# --- the tests --------------------------------------------------------------------------


def test_the_report_itself_refers_to_no_other_address(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    page = read_page(html)
    assert "script" not in page.tags and "iframe" not in page.tags
    outside = [url for url in page.urls if not (url.startswith(("#", "data:")))]
    assert outside == [], f"the report refers to {outside}"
    # No address anywhere but the XML namespaces of the inline charts, which are names, not requests.
    addresses = re.findall(r"""(?<![\w:])(?:https?:)?//[^\s"'<>)]+""", html)
    namespaces = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert [a for a in addresses if a not in namespaces] == []


def test_the_network_check_catches_a_page_that_loads_from_elsewhere(browser: Browser, server: Server) -> None:
    """The check itself: a page with a web font, an image and a CSS background from elsewhere."""
    visit = browser.open(CANARY, "--dump-dom")
    assert set(visit.outside(server.origin)) == CANARY_ADDRESSES
    refused = set(server.foreign)
    assert {"GET http://images.example.com/obrazek.png", "CONNECT fonts.example.com:443"} <= refused, refused
    assert "<h1>kanárek</h1>" in visit.output.stdout
    assert not set(visit.browser_requests) & CANARY_ADDRESSES


def test_chromium_sees_the_headings_charts_and_tables(browser: Browser) -> None:
    done = browser.report("--dump-dom").output
    page = read_page(done.stdout)
    assert page.headings == [("h1", TITLE)] + [("h2", heading) for heading in HEADINGS], page.headings
    assert page.tags.count("svg") == 4, "four charts, each an inline SVG"
    # One table in every section but the municipalities' (a chart only) and the catalogue's: the
    # simulated year has no import of the register or a spreadsheet and no ended service, which
    # the section says instead of showing empty tables.
    assert page.tags.count("table") == len(HEADINGS) - 2
    assert "V období není zaznamenán žádný import registru ani tabulky koordinátora." in page.text
    assert "V období nebyla ukončena žádná služba." in page.text
    assert "script" not in page.tags
    assert "Data jsou syntetická" in page.text
    assert page.text.count("<5") > 1, "the legend and the hidden counts show as <k"


@pytest.mark.parametrize(("width", "height"), [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_chromium_takes_a_screenshot(browser: Browser, tmp_path: Path, width: int, height: int) -> None:
    png = tmp_path / f"zprava-{width}.png"
    browser.report(f"--screenshot={png}", f"--window-size={width},{height}")
    assert png.is_file() and png.stat().st_size > 20_000, "a screenshot of text and charts is not tiny"
    assert png_size(png) == (width, height)
    pixels = png_pixels(png)
    assert len(set(pixels)) > 32, "the screenshot is not one flat colour"


def test_chromium_prints_the_report_on_a4_pages(browser: Browser, tmp_path: Path) -> None:
    pdf = tmp_path / "zprava.pdf"
    browser.report(f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)
    assert len(pages) >= 3, f"{len(pages)} pages: the report with its tables takes several"
    boxes = {tuple(round(float(v)) for v in box.split()[2:]) for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data)}
    assert boxes == {A4}, f"the print stylesheet asks for A4, the PDF has {boxes}"
