"""The bot's HTTP client for the Bot API: python-telegram-bot's requests sent with aiohttp.

PTB's default HTTPXRequest costs about a millisecond of CPU per call, and more once many
calls run at once (httpx's pool checks every idle connection's socket on each request),
which made the HTTP client the bot's bottleneck under load; aiohttp does the same call in
about a fifth of that. Failures are PTB's own errors, as with HTTPXRequest: timeouts raise
TimedOut, anything else that keeps a call from Telegram NetworkError (which `deliver` retries).
"""

from __future__ import annotations

from typing import Any

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_DEFAULT = type(BaseRequest.DEFAULT_NONE)


class AiohttpRequest(BaseRequest):
    """A BaseRequest over one aiohttp session with up to `connection_pool_size` connections.

    The timeouts mean what they mean for HTTPXRequest (None: no limit); the session picks up
    proxies from the environment (HTTPS_PROXY…) as httpx does.
    """

    __slots__ = ("_connections", "_session", "_timeouts")

    def __init__(
        self,
        connection_pool_size: int = 256,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._connections = max(1, connection_pool_size)
        self._timeouts: dict[str, float | None] = {
            "read": read_timeout,
            "write": write_timeout,
            "connect": connect_timeout,
            "pool": pool_timeout,
            "media_write": media_write_timeout,
        }
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._timeouts["read"]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections, limit_per_host=0)
            self._session = aiohttp.ClientSession(connector=connector, trust_env=True)

    async def shutdown(self) -> None:
        session, self._session = self._session, None
        if session is not None and not session.closed:
            await session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data is not None and request_data.contains_files else {}
        fields = request_data.json_parameters if request_data is not None else {}
        body: Any = fields or None
        if files:
            form = aiohttp.FormData()
            for name, value in fields.items():
                form.add_field(name, value)
            for name, (filename, content, mimetype) in files.items():
                form.add_field(name, content, filename=filename, content_type=mimetype)
            body = form
        t = self._timeouts
        read = t["read"] if isinstance(read_timeout, _DEFAULT) else read_timeout
        write = t["media_write" if files else "write"] if isinstance(write_timeout, _DEFAULT) else write_timeout
        connect = t["connect"] if isinstance(connect_timeout, _DEFAULT) else connect_timeout
        pool = t["pool"] if isinstance(pool_timeout, _DEFAULT) else pool_timeout
        limits = [limit for limit in (pool, connect, write, read) if limit is not None]
        timeout = aiohttp.ClientTimeout(
            total=sum(limits) if len(limits) == 4 else None,  # no total when any part is unlimited
            connect=None if pool is None or connect is None else pool + connect,
            sock_connect=connect,
            sock_read=read,
        )
        try:
            async with session.request(
                method, url, data=body, headers={"User-Agent": self.USER_AGENT}, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's timeouts are TimeoutErrors too
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{error.__class__.__name__}: {error}") from error
