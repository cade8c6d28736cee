"""Headless Chromium: how to find it, its flags, and a driver over the DevTools protocol (aiohttp's WebSocket client).

One browser, one tab: open a page at a viewport, list the requests the page made, evaluate
JavaScript in it (axe-core, layout checks). The browser's proxy is a closed port on
127.0.0.1 and every host name but 127.0.0.1 resolves to nothing, so no request of a page or of
the browser itself can leave the machine.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from bot.catalog.leaflet import HEADLESS_FLAGS

FLAGS = list(HEADLESS_FLAGS)
# nothing leaves the machine: the proxy is a closed port, no host name but 127.0.0.1 resolves
OFFLINE = ["--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
LISTENING = re.compile(r"DevTools listening on (ws://\S+)")
TIMEOUT = 60.0


def find_chromium() -> str | None:
    """CHROMIUM, or Debian's chromium on the PATH or in /usr/bin."""
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


@dataclass
class Viewport:
    name: str
    width: int
    height: int
    mobile: bool


PHONE = Viewport("phone", 390, 844, True)
DESKTOP = Viewport("desktop", 1280, 900, False)


@dataclass
class Tab:
    """The one page of a running Chromium."""

    socket: aiohttp.ClientWebSocketResponse
    requests: list[str] = field(default_factory=list)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _pending: dict[int, asyncio.Future] = field(default_factory=dict)
    _waiting: dict[str, list[asyncio.Future]] = field(default_factory=dict)

    async def listen(self) -> None:
        async for message in self.socket:
            data = json.loads(message.data)
            if "id" in data:
                future = self._pending.pop(data["id"], None)
                if future is not None and not future.done():
                    if "error" in data:
                        future.set_exception(RuntimeError(f"{data['error']}"))
                    else:
                        future.set_result(data.get("result", {}))
                continue
            method = data.get("method")
            if method == "Network.requestWillBeSent":
                self.requests.append(data["params"]["request"]["url"])
            for future in self._waiting.pop(method, []):
                if not future.done():
                    future.set_result(data.get("params", {}))

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._pending[number] = future
        await self.socket.send_str(json.dumps({"id": number, "method": method, "params": params}))
        return await asyncio.wait_for(future, TIMEOUT)

    def event(self, method: str) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(method, []).append(future)
        return future

    async def open(self, url: str, viewport: Viewport) -> None:
        """Load `url` at `viewport`; the requests it made are in `requests` afterwards."""
        await self.send(
            "Emulation.setDeviceMetricsOverride",
            width=viewport.width,
            height=viewport.height,
            deviceScaleFactor=1,
            mobile=viewport.mobile,
        )
        self.requests.clear()
        loaded = self.event("Page.loadEventFired")
        await self.send("Page.navigate", url=url)
        await asyncio.wait_for(loaded, TIMEOUT)

    async def set_content(self, html: str) -> None:
        """Replace the open page's document (a canary for the checks); waits for its loads."""
        self.requests.clear()
        frame = (await self.send("Page.getFrameTree"))["frameTree"]["frame"]["id"]
        await self.send("Page.setDocumentContent", frameId=frame, html=html)
        await asyncio.sleep(0.5)

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        result = await self.send("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description", "error"))
        return result["result"].get("value")


class Chromium:
    """`async with Chromium(binary, profile) as tab:` a headless browser with one open tab."""

    def __init__(self, binary: str, profile: Path) -> None:
        self.binary = binary
        self.profile = profile
        self.process: asyncio.subprocess.Process | None = None
        self.tasks: list[asyncio.Task] = []
        self.http: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Tab:
        self.process = await asyncio.create_subprocess_exec(
            self.binary,
            *FLAGS,
            *OFFLINE,
            f"--user-data-dir={self.profile}",
            "--remote-debugging-port=0",
            "about:blank",
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=True,
        )
        assert self.process.stderr is not None
        browser_url = await asyncio.wait_for(self._endpoint(self.process.stderr), TIMEOUT)
        self.tasks.append(asyncio.create_task(self._drain(self.process.stderr)))
        port = browser_url.split("/")[2].split(":")[1]
        self.http = aiohttp.ClientSession()
        async with self.http.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json(content_type=None)
        page = next(t for t in targets if t["type"] == "page")
        socket = await self.http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        tab = Tab(socket)
        self.tasks.append(asyncio.create_task(tab.listen()))
        for domain in ("Page", "Network", "Runtime"):
            await tab.send(f"{domain}.enable")
        return tab

    async def _endpoint(self, stream: asyncio.StreamReader) -> str:
        while line := await stream.readline():
            found = LISTENING.search(line.decode(errors="replace"))
            if found:
                return found.group(1)
        raise RuntimeError("Chromium stopped before it listened for DevTools")

    @staticmethod
    async def _drain(stream: asyncio.StreamReader) -> None:
        while await stream.read(65536):
            pass

    async def __aexit__(self, *exc: object) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        if self.http is not None:
            await self.http.close()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


def outside(requests: list[str], origin: str, allowed: Callable[[str], bool] | None = None) -> list[str]:
    """The requests that went anywhere but `origin` (inline data: images are no request)."""
    return [
        url
        for url in requests
        if not url.startswith((origin + "/", "data:")) and url != origin and not (allowed and allowed(url))
    ]
