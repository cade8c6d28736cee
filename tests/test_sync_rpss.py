"""`sync rpss`: conditional downloads from a local HTTP server, atomic swaps, import and change report."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from bot.catalog.importing import ImportFailed
from bot.catalog.models import ImportRun, Service
from bot.catalog.sync import STATE_FILE, DownloadFailed, SyncResult, register_files, sync_register
from tests.dbsnapshot import snapshot
from tests.rpss_register import add_municipalities, item, write_register

PREFIX = "/od/soubory/"
LAST_MODIFIED = formatdate(0, usegmt=True)


class Register:
    """The files a fake data.mpsv.cz serves, the faults it injects, and the requests it saw."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.faults: dict[str, str] = {}
        self.requests: list[tuple[str, int]] = []

    def publish(self, source: Path) -> None:
        """Serve a register directory written by tests.rpss_register.write_register."""
        for file in register_files():
            self.files[file.remote] = (source / file.local).read_bytes()


def make_handler(register: Register) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # silence the log
            pass

        def do_GET(self) -> None:  # http.server's naming
            with suppress(OSError):  # the client gave up (a timeout test)
                self._serve()

        def _reply(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
            register.requests.append((self.path.removeprefix(PREFIX), status))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _serve(self) -> None:
            name = self.path.removeprefix(PREFIX)
            body = register.files.get(name)
            if body is None:
                self._reply(404, {"Content-Length": "0"})
                return
            fault = register.faults.get(name)
            if fault == "500":
                self._reply(500, {"Content-Length": "5"}, b"chyba")
                return
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self._reply(304, {"ETag": etag})
                return
            headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Content-Type": "application/json"}
            if fault == "partial":  # promises more than it sends, then closes the connection
                self._reply(200, headers | {"Content-Length": str(len(body) + 1000)}, body[: len(body) // 2])
                self.close_connection = True
            elif fault == "slow":  # half the body, then silence longer than the client waits
                self._reply(200, headers | {"Content-Length": str(len(body))}, body[: len(body) // 2])
                self.wfile.flush()
                time.sleep(4)
                self.wfile.write(body[len(body) // 2 :])
            elif fault == "no-length":  # the body ends when the connection closes
                self._reply(200, headers, body)
                self.close_connection = True
            else:
                self._reply(200, headers | {"Content-Length": str(len(body))}, body)

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[Register, str]]:
    register = Register()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(register))
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield register, f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"
    finally:
        httpd.shutdown()
        httpd.server_close()


NEW_SERVICE = "Odborné poradenství Přerov"


def publish(register: Register, tmp_path: Path, items: list[dict[str, Any]], name: str = "zdroj") -> None:
    register.publish(write_register(tmp_path / name, items))


def second_item() -> dict[str, Any]:
    return item(
        "7654321",
        1002,
        druhSocialniSluzby={"id": "DruhSocialniSluzby/1"},
        zarizeni=[
            {
                "nazev": NEW_SERVICE,
                "poskytujeOd": "2015-01-01",
                "poskytujeDo": None,
                "adresa": item()["zarizeni"][0]["adresa"],
            }
        ],
    )


def sync(sessions: sessionmaker[Session], directory: Path, base_url: str, **options: Any) -> SyncResult:
    options.setdefault("regions", ["Přerov"])
    options.setdefault("timeout", 5.0)
    return sync_register(sessions, directory, base_url=base_url, **options)


def files_of(directory: Path) -> dict[str, bytes]:
    """Every register file and the state beside them, byte for byte."""
    found = {f.local: (directory / f.local).read_bytes() for f in register_files()}
    found[STATE_FILE] = (directory / STATE_FILE).read_bytes()
    return found


def names(session: Session) -> list[str]:
    return sorted(session.scalars(select(Service.name).where(Service.active.is_(True))))


def runs(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ImportRun)) or 0


def test_first_sync_downloads_imports_and_reports(sessions, server, tmp_path) -> None:
    register, url = server
    add_municipalities(sessions)
    publish(register, tmp_path, [item()])
    directory = tmp_path / "rpss"
    result = sync(sessions, directory, url)
    assert [f.status for f in result.files] == ["downloaded"] * len(register_files())
    assert (directory / "rpss.json").read_bytes() == register.files["rpss/rpss.json"]
    assert (directory / "ciselniky" / "obce.json").is_file()
    with sessions() as session:
        assert names(session) == ["Pečovatelská služba Charity Přerov"]
        assert runs(session) == 1
    assert result.report is not None and result.report_path is not None
    assert result.report["new"] == ["Pečovatelská služba Charity Přerov (1234567)"]
    assert json.loads(result.report_path.read_text(encoding="utf-8")) == result.report
    assert result.report_path.parent.name == "zmeny"
    assert not list(directory.rglob("*.part"))


def test_unchanged_files_get_304s_and_nothing_is_imported(sessions, server, tmp_path) -> None:
    register, url = server
    add_municipalities(sessions)
    publish(register, tmp_path, [item()])
    directory = tmp_path / "rpss"
    sync(sessions, directory, url)
    before = files_of(directory)
    register.requests.clear()
    result = sync(sessions, directory, url)
    assert {status for _, status in register.requests} == {304}
    assert len(register.requests) == len(register_files())
    assert result.summary is None and result.report is None and not result.downloaded
    assert files_of(directory) == before
    with sessions() as session:
        assert runs(session) == 1
    assert len(list((directory / "zmeny").iterdir())) == 1


def test_a_changed_register_is_downloaded_again_and_reported(sessions, server, tmp_path) -> None:
    register, url = server
    add_municipalities(sessions)
    publish(register, tmp_path, [item()])
    directory = tmp_path / "rpss"
    sync(sessions, directory, url)
    publish(register, tmp_path, [item(), second_item()], name="zdroj2")
    result = sync(sessions, directory, url)
    assert [f.local for f in result.downloaded] == ["rpss.json"]
    assert result.report is not None
    assert result.report["new"] == [f"{NEW_SERVICE} (7654321)"]
    assert result.report["counts"]["new"] == 1 and result.report["counts"]["unchanged"] == 1
    assert result.report_path is not None and result.report_path.name.endswith("-2.json")
    with sessions() as session:
        assert NEW_SERVICE in names(session)
        assert runs(session) == 2


def test_an_import_that_failed_is_retried_though_the_files_did_not_change(sessions, server, tmp_path) -> None:
    register, url = server
    publish(register, tmp_path, [item()])
    directory = tmp_path / "rpss"
    with pytest.raises(ImportFailed):  # no municipalities yet: the register cannot be placed
        sync(sessions, directory, url)
    add_municipalities(sessions)
    result = sync(sessions, directory, url)
    assert not result.downloaded and result.retried_import
    with sessions() as session:
        assert names(session) == ["Pečovatelská služba Charity Přerov"]


@pytest.mark.parametrize("fault", ["", "no-length"])
def test_a_body_over_the_size_limit_is_refused(sessions, server, tmp_path, fault) -> None:
    register, url = server
    add_municipalities(sessions)
    publish(register, tmp_path, [item()])
    register.faults["rpss/rpss.json"] = fault
    directory = tmp_path / "rpss"
    with pytest.raises(DownloadFailed, match=r"rpss/rpss\.json je větší než povolený limit 0\.001 MB"):
        sync(sessions, directory, url, max_bytes=1000)
    assert not (directory / "rpss.json").exists() and not list(directory.rglob("*.part"))
    with sessions() as session:
        assert runs(session) == 0


# ---------------------------------------------------------------- the command line


@pytest.fixture
def cli(tmp_path, monkeypatch) -> Iterator[tuple[CliRunner, Any, Engine]]:
    from admin_scripts.app import app
    from admin_scripts.commands import register_all
    from bot.config import get_settings
    from bot.db import make_engine, session_factory, upgrade_schema

    url = f"sqlite:///{tmp_path / 'sync.sqlite3'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    add_municipalities(session_factory(engine))
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("REGIONS", "Přerov")
    monkeypatch.setenv("RPSS_TIMEOUT", "1.5")  # roomy for a loaded machine; the "slow" fault waits longer
    get_settings.cache_clear()
    register_all()
    yield CliRunner(), app, engine
    engine.dispose()
    get_settings.cache_clear()


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_the_command_syncs_then_says_nothing_changed(cli, server, tmp_path) -> None:
    runner, app, _ = cli
    register, url = server
    publish(register, tmp_path, [item()])
    args = ["sync", "rpss", "--dir", str(tmp_path / "rpss"), "--base-url", url]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "Staženo: rpss.json" in first.output
    assert "Nové služby: 1" in first.output and "Pečovatelská služba Charity Přerov (1234567)" in first.output
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "Registr se od minula nezměnil, nic se nenačítalo." in second.output


def test_the_help_names_cron_and_systemd(cli) -> None:
    runner, app, _ = cli
    result = runner.invoke(app, ["sync", "rpss", "--help"], env={"COLUMNS": "200"})
    assert "cronu nebo systemd timeru" in result.output
    assert (
        "30 5 * * * cd /srv/sit-pomoci && .venv/bin/python -m admin_scripts sync rpss --dir var/rpss" in result.output
    )


FAULTS = {
    "partial": "rpss/rpss.json se nestáhl celý: server ukončil spojení předčasně",
    "500": "server vrátil u rpss/rpss.json chybu HTTP 500",
    "slow": "server neodpověděl u rpss/rpss.json včas (limit 1.5 s)",
    "broken": "rpss/rpss.json není platný JSON (soubor je poškozený nebo useknutý)",
    "shape": 'rpss/rpss.json nemá očekávaný tvar {"polozky": [...]}',
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_failed_download_changes_no_file_and_imports_nothing(cli, server, tmp_path, fault) -> None:
    runner, app, engine = cli
    register, url = server
    publish(register, tmp_path, [item()])
    directory = tmp_path / "rpss"
    args = ["sync", "rpss", "--dir", str(directory), "--base-url", url]
    assert runner.invoke(app, args).exit_code == 0
    before, rows = files_of(directory), snapshot(engine)
    publish(register, tmp_path, [item(), second_item()], name="zdroj2")
    if fault == "broken":
        register.files["rpss/rpss.json"] = register.files["rpss/rpss.json"][:-40]
    elif fault == "shape":
        register.files["rpss/rpss.json"] = json.dumps({"items": [item()]}).encode()
    else:
        register.faults["rpss/rpss.json"] = fault
    started = time.monotonic()
    result = runner.invoke(app, args)
    assert time.monotonic() - started < 3.5  # gave up, did not wait out the 4 s of a silent server
    assert result.exit_code == 1
    assert one_line(result.output) == (
        f"Chyba: {FAULTS[fault]}; předchozí soubory zůstaly beze změny, nic se nenačetlo."
    )
    assert files_of(directory) == before
    assert snapshot(engine) == rows
    assert not list(directory.rglob("*.part"))


def test_a_failed_codelist_keeps_the_new_register_file_out_too(cli, server, tmp_path) -> None:
    runner, app, engine = cli
    register, url = server
    publish(register, tmp_path, [item()])
    directory = tmp_path / "rpss"
    args = ["sync", "rpss", "--dir", str(directory), "--base-url", url]
    assert runner.invoke(app, args).exit_code == 0
    before, rows = files_of(directory), snapshot(engine)
    publish(register, tmp_path, [item(), second_item()], name="zdroj2")
    register.files["ciselniky/obce.json"] += b" "  # changed, so downloaded after rpss.json
    register.faults["ciselniky/obce.json"] = "500"
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "server vrátil u ciselniky/obce.json chybu HTTP 500" in one_line(result.output)
    assert files_of(directory) == before
    assert snapshot(engine) == rows


def test_items_set_aside_end_with_code_3_and_are_in_the_report(cli, server, tmp_path) -> None:
    runner, app, _ = cli
    register, url = server
    publish(register, tmp_path, [item(), item("2", 2, emaily=[{"email": "poradna(at)charita"}])])
    directory = tmp_path / "rpss"
    result = runner.invoke(app, ["sync", "rpss", "--dir", str(directory), "--base-url", url])
    assert result.exit_code == 3, result.output
    assert "1 položka odložena" in result.output
    [path] = (directory / "zmeny").iterdir()
    report = json.loads(path.read_text(encoding="utf-8"))
    assert report["counts"]["new"] == 1 and report["counts"]["set_aside"] == 1
    assert "není platný e-mail" in report["set_aside"][0]


def test_the_settings_need_a_web_address() -> None:
    from bot.config import ConfigError, Settings, load_settings

    assert Settings.model_fields["rpss_base_url"].default == "https://data.mpsv.cz/od/soubory/"
    with pytest.raises(ConfigError, match="Neplatné nastavení RPSS_BASE_URL: očekává se adresa https://"):
        load_settings(rpss_base_url="data.mpsv.cz")
