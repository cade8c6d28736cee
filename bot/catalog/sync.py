"""Keeping a register directory current: download the MPSV open data, then import it.

The register (`rpss/rpss.json`) and its codelists (`ciselniky/<name>.json`) are fetched
with conditional requests (If-None-Match / If-Modified-Since from the ETag / Last-Modified
kept in `DIR/.stahovani.json`). Each body is streamed to a temporary file beside its
target, limited in size and checked (Content-Length, JSON that reads to the end, the
expected top level); only when every file has arrived whole are they swapped in with
`os.replace`. Any failure leaves every previous file as it was.

After a download that changed anything (or when the previous import did not finish) the
register is imported with `import_rpss`, and a change report is written to
`DIR/zmeny/YYYY-MM-DD.json` (English keys, Czech values; see `change_report`).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx
import ijson
from sqlalchemy.orm import Session, sessionmaker

from bot.catalog.codelists import CODELIST_FILES
from bot.catalog.importing import CZECH_OUTCOMES
from bot.catalog.rpss import RpssSummary, import_rpss

DEFAULT_BASE_URL = "https://data.mpsv.cz/od/soubory/"
DEFAULT_MAX_BYTES = 2_000_000_000
DEFAULT_TIMEOUT = 60.0
STATE_FILE = ".stahovani.json"
LOCK_FILE = ".stahovani.lock"
REPORTS_DIR = "zmeny"
PART_SUFFIX = ".part"
CHUNK = 1 << 20

DOWNLOADED = "downloaded"
UNCHANGED = "unchanged"

# progress(file, bytes written, Content-Length or None)
DownloadProgress = Callable[[str, int, int | None], None]


class DownloadFailed(Exception):
    """A download failed and nothing was replaced; the message is one Czech line."""


@dataclass(frozen=True)
class RegisterFile:
    """One file of the register: where it lives locally and where it is published."""

    local: str  # relative to DIR, e.g. `ciselniky/obce.json`
    remote: str  # relative to the base URL, e.g. `ciselniky/obce.json`
    polozky_required: bool  # the top level must be {"polozky": [...]}; else a bare array is fine too


def register_files() -> list[RegisterFile]:
    """rpss.json and every codelist the importer reads."""
    files = [RegisterFile("rpss.json", "rpss/rpss.json", True)]
    for name in CODELIST_FILES.values():
        files.append(RegisterFile(f"ciselniky/{name}.json", f"ciselniky/{name}.json", False))
    return files


@dataclass
class FileResult:
    """What happened to one file: downloaded (new content) or unchanged (304 or same bytes)."""

    local: str
    url: str
    status: str
    size: int


@dataclass
class SyncResult:
    """One sync run: the files, and the import with its report when one ran."""

    files: list[FileResult]
    summary: RpssSummary | None = None
    report: dict[str, Any] | None = None
    report_path: Path | None = None
    retried_import: bool = False  # files unchanged, but the previous import had not finished

    @property
    def downloaded(self) -> list[FileResult]:
        return [f for f in self.files if f.status == DOWNLOADED]


@dataclass
class _Pending:
    """A downloaded, checked temporary file waiting to be swapped in."""

    file: RegisterFile
    temp: Path
    meta: dict[str, Any]
    result: FileResult = field(repr=False)


# ---------------------------------------------------------------- state beside the files


def load_state(directory: Path) -> dict[str, Any]:
    """The stored ETags / Last-Modified per file and whether the last import finished."""
    path = directory / STATE_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"files": {}, "imported": False}
    if not isinstance(state, dict) or not isinstance(state.get("files"), dict):
        return {"files": {}, "imported": False}
    return state


def save_state(directory: Path, state: dict[str, Any]) -> None:
    """Write the state atomically."""
    _write_atomic(directory / STATE_FILE, json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8"))


def _write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=PART_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(name)
        raise


@contextmanager
def directory_lock(directory: Path) -> Iterator[None]:
    """Only one sync per directory at a time (an overlapping cron run fails at once)."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / LOCK_FILE).open("a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DownloadFailed(f"v adresáři {directory} právě běží jiná synchronizace") from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# ---------------------------------------------------------------- download


def download_register(
    directory: Path,
    *,
    base_url: str = DEFAULT_BASE_URL,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    progress: DownloadProgress | None = None,
) -> list[FileResult]:
    """Fetch every register file that changed; all are swapped in only when all arrived whole.

    Raises DownloadFailed (nothing replaced, the state untouched) on an HTTP error, a
    timeout, a broken connection, a body that is short, too big or not the expected JSON.
    """
    directory.mkdir(parents=True, exist_ok=True)
    _remove_stale_parts(directory)
    state = load_state(directory)
    known: dict[str, Any] = state["files"]
    base = base_url if base_url.endswith("/") else base_url + "/"
    pending: list[_Pending] = []
    results: list[FileResult] = []
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True) as client:
            for file in register_files():
                url = base + file.remote
                target = directory / file.local
                meta = known.get(file.local) if target.is_file() else None
                if isinstance(meta, dict) and meta.get("url") != url:
                    meta = None  # another source: its validators mean nothing here
                fetched = _fetch(client, file, url, target, meta, max_bytes, progress)
                if isinstance(fetched, _Pending):
                    pending.append(fetched)
                    results.append(fetched.result)
                else:
                    results.append(fetched)
    except BaseException:
        for item in pending:
            _unlink(item.temp)
        raise
    for item in pending:
        os.replace(item.temp, directory / item.file.local)
    if pending:
        for item in pending:
            known[item.file.local] = item.meta
        state["imported"] = False  # new files: an import is due until one finishes
        save_state(directory, state)
    return results


def _fetch(
    client: httpx.Client,
    file: RegisterFile,
    url: str,
    target: Path,
    meta: dict[str, Any] | None,
    max_bytes: int,
    progress: DownloadProgress | None,
) -> _Pending | FileResult:
    headers = {}
    if meta:
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
    name = file.remote
    try:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304 and meta:
                return FileResult(file.local, url, UNCHANGED, target.stat().st_size)
            if response.status_code != 200:
                raise DownloadFailed(f"server vrátil u {name} chybu HTTP {response.status_code}")
            expected = _content_length(response)
            if expected is not None and "content-encoding" not in response.headers and expected > max_bytes:
                raise DownloadFailed(f"{name} je větší než povolený limit {_megabytes(max_bytes)}")
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=PART_SUFFIX)
            temp = Path(temp_name)
            try:
                with os.fdopen(fd, "wb") as handle:
                    size, digest = _stream_body(response, handle, name, max_bytes, progress)
                    handle.flush()
                    os.fsync(handle.fileno())
                if expected is not None and response.num_bytes_downloaded != expected:
                    raise DownloadFailed(
                        f"{name} se nestáhl celý: přišlo {response.num_bytes_downloaded} z {expected} bajtů"
                    )
                check_json(temp, name, polozky_required=file.polozky_required)
            except BaseException:
                _unlink(temp)
                raise
            result = FileResult(file.local, url, DOWNLOADED, size)
            if meta and meta.get("sha256") == digest:  # a server without validators sent the same bytes
                _unlink(temp)
                result.status = UNCHANGED
                return result
            new_meta = {
                "url": url,
                "etag": response.headers.get("etag"),
                "last_modified": response.headers.get("last-modified"),
                "size": size,
                "sha256": digest,
                "downloaded_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            }
            return _Pending(file, temp, new_meta, result)
    except httpx.TimeoutException:
        raise DownloadFailed(
            f"server neodpověděl u {name} včas (limit {client.timeout.read or client.timeout.connect} s)"
        ) from None
    except httpx.RemoteProtocolError:
        raise DownloadFailed(f"{name} se nestáhl celý: server ukončil spojení předčasně") from None
    except httpx.HTTPError as error:
        raise DownloadFailed(f"{name} se nepodařilo stáhnout: {_first_line(error)}") from None
    except OSError as error:
        raise DownloadFailed(f"{name} se nepodařilo uložit: {_first_line(error)}") from None


def _stream_body(
    response: httpx.Response, handle: IO[bytes], name: str, max_bytes: int, progress: DownloadProgress | None
) -> tuple[int, str]:
    size = 0
    digest = hashlib.sha256()
    total = _content_length(response)
    for chunk in response.iter_bytes(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise DownloadFailed(f"{name} je větší než povolený limit {_megabytes(max_bytes)}")
        handle.write(chunk)
        digest.update(chunk)
        if progress is not None:
            progress(name, size, total)
    return size, digest.hexdigest()


def check_json(path: Path, name: str, *, polozky_required: bool) -> None:
    """Read the whole file as JSON; the top level must be {"polozky": [...]} (or, for a codelist, [...])."""
    depth = 0
    key: str | None = None
    shape_ok = False
    root: str | None = None
    try:
        with path.open("rb") as handle:
            if handle.read(3) != b"\xef\xbb\xbf":  # a UTF-8 byte order mark is allowed
                handle.seek(0)
            for event, value in ijson.basic_parse(handle):
                if event in ("start_map", "start_array"):
                    depth += 1
                    if depth == 1:
                        root = event
                    elif depth == 2 and root == "start_map" and key == "polozky" and event == "start_array":
                        shape_ok = True
                elif event in ("end_map", "end_array"):
                    depth -= 1
                elif event == "map_key" and depth == 1:
                    key = value
                elif depth == 0:
                    root = event  # a bare scalar
    except (ijson.JSONError, UnicodeDecodeError):
        raise DownloadFailed(f"{name} není platný JSON (soubor je poškozený nebo useknutý)") from None
    if root is None:
        raise DownloadFailed(f"{name} je prázdný")
    if not shape_ok and not (root == "start_array" and not polozky_required):
        raise DownloadFailed(f'{name} nemá očekávaný tvar {{"polozky": [...]}}')


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _remove_stale_parts(directory: Path) -> None:
    """Temporary files left by an interrupted run (the lock is held, so none is in use)."""
    for folder in (directory, directory / "ciselniky"):
        if folder.is_dir():
            for part in folder.glob(f".*{PART_SUFFIX}"):
                _unlink(part)


def _unlink(path: Path) -> None:
    with suppress(OSError):
        path.unlink()


def _megabytes(count: int) -> str:
    return f"{count / 1_000_000:g} MB"


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# ---------------------------------------------------------------- import and change report


def sync_register(
    sessions: sessionmaker[Session],
    directory: Path,
    *,
    base_url: str = DEFAULT_BASE_URL,
    regions: list[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    today: dt.date | None = None,
    progress: DownloadProgress | None = None,
    on_files: Callable[[list[FileResult]], None] | None = None,
) -> SyncResult:
    """Download what changed; import and write a change report when anything did.

    Raises DownloadFailed (nothing replaced, nothing imported) or ImportFailed (the new
    files are in place, the database unchanged; the next run imports again).
    """
    with directory_lock(directory):
        files = download_register(directory, base_url=base_url, max_bytes=max_bytes, timeout=timeout, progress=progress)
        if on_files is not None:
            on_files(files)
        result = SyncResult(files)
        state = load_state(directory)
        if not result.downloaded:
            if state.get("imported", False):
                return result
            result.retried_import = True
        summary = import_rpss(sessions, directory, regions=regions, today=today)
        result.summary = summary
        result.report = change_report(summary, files, base_url=base_url, regions=regions)
        result.report_path = save_report(directory, result.report, today or dt.date.today())
        state["imported"] = True
        save_state(directory, state)
        return result


_SERVICE_OUTCOMES = {"added": "new", "deactivated": "ended", "updated": "changed"}


def change_report(
    summary: RpssSummary, files: list[FileResult], *, base_url: str, regions: list[str] | None
) -> dict[str, Any]:
    """New, ended and changed services of the run, with counts; other changes kept apart.

    Keys: `created_at`, `source`, `regions` (null: every municipality of the table),
    `downloaded` (files), `counts` {new, ended, changed, unchanged, set_aside, read,
    outside_regions}, `new` / `ended` / `changed` (lines "name (identifier)"),
    `other` (providers, codelists) and `set_aside` (reasons).
    """
    lines: dict[str, list[str]] = {"new": [], "ended": [], "changed": [], "other": []}
    prefixes = {f"{CZECH_OUTCOMES[outcome]}: ": key for outcome, key in _SERVICE_OUTCOMES.items()}
    for line in summary.changes:
        for prefix, key in prefixes.items():
            rest = line.removeprefix(prefix)
            if rest != line and not rest.startswith("poskytovatel "):
                lines[key].append(rest)
                break
        else:
            lines["other"].append(line)
    return {
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "source": base_url,
        "regions": list(regions) if regions else None,
        "downloaded": [f.local for f in files if f.status == DOWNLOADED],
        "counts": {
            "new": summary.added,
            "ended": summary.deactivated,
            "changed": summary.updated,
            "unchanged": summary.unchanged,
            "set_aside": len(summary.rejected),
            "read": summary.read,
            "outside_regions": summary.skipped_outside,
        },
        **lines,
        "set_aside": [str(error) for error in summary.rejected],
    }


def save_report(directory: Path, report: dict[str, Any], day: dt.date) -> Path:
    """DIR/zmeny/YYYY-MM-DD.json; a second run the same day gets YYYY-MM-DD-2.json and so on."""
    folder = directory / REPORTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{day.isoformat()}.json"
    number = 2
    while path.exists():
        path = folder / f"{day.isoformat()}-{number}.json"
        number += 1
    _write_atomic(path, json.dumps(report, ensure_ascii=False, indent=1).encode("utf-8"))
    return path
