"""A small fake Telegram Bot API server for the tests and the benchmarks: aiohttp on 127.0.0.1, an ephemeral port.

It serves `/bot<token>/<method>` for the methods the bot uses, keeps the messages it "sent"
per chat (edits applied), queues updates for getUpdates (honouring offset, limit and the
long-poll timeout; an update is dropped only when a later offset confirms it), and records
every call. Faults can be injected per method: a 429 with retry_after, a 502, or a dropped
connection. HTML texts are checked the way Telegram checks them.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Self

from aiohttp import web

TOKEN = "123456:TEST-token_for-the-fake"
BOT = {
    "id": 123456,
    "is_bot": True,
    "first_name": "Síť pomoci",
    "username": "sit_pomoci_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
JSON_PARAMS = {
    "reply_markup",
    "commands",
    "results",
    "button",
    "scope",
    "link_preview_options",
    "entities",
    "allowed_updates",
    "reply_parameters",
}
NUMBER_PARAMS = {"chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "latitude", "longitude"}
HTML_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "tg-spoiler",
    "span",
    "blockquote",
    "tg-emoji",
}


@dataclass(frozen=True)
class User:
    """A Telegram user; their private chat has the same id."""

    id: int
    first_name: str = "Jana"
    language_code: str | None = "cs"

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            data["language_code"] = self.language_code
        return data

    def chat(self) -> dict[str, Any]:
        return {"id": self.id, "type": "private", "first_name": self.first_name}


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Fault:
    """Answer `times` calls of `method` (matching `when`) with `kind`: "429", "502" or "drop"."""

    method: str
    kind: str
    times: int = 1
    retry_after: int = 1
    when: Callable[[dict[str, Any]], bool] | None = None


class _HTMLCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.error = f'unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.error = f'unexpected end tag "{tag}"'


def html_error(text: str) -> str | None:
    """Why Telegram would refuse `text` as HTML, or None. A bare "<" or "&" is refused too."""
    check = _HTMLCheck()
    check.feed(text)
    check.close()
    if check.error or check.stack:
        return check.error or f'unclosed tag "{check.stack[-1]}"'
    stripped = text
    for tag in HTML_TAGS:
        stripped = stripped.replace(f"<{tag}>", "").replace(f"</{tag}>", "")
    if "<" in stripped.replace("<a href", ""):
        return "unescaped <"
    return None


class APIError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


class FakeBotAPI:
    """The fake server. `async with FakeBotAPI() as api:` starts it; `api.base_url` for the bot."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.attempts: list[Call] = []
        self.faults: list[Fault] = []
        self.messages: dict[int, dict[int, dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._changed = asyncio.Event()
        self._arrived = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle ------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._serve)
        app.router.add_get("/bot{token}/{method}", self._serve)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing = True
        self._arrived.set()
        self._changed.set()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # --- what the tests do ------------------------------------------------------------------

    def fail(
        self,
        method: str,
        kind: str,
        *,
        times: int = 1,
        retry_after: int = 1,
        when: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """Inject a fault into the next `times` calls of `method`."""
        self.faults.append(Fault(method, kind, times, retry_after, when))

    def push(self, payload: dict[str, Any]) -> int:
        """Queue an update ({"message": …}, {"callback_query": …}…); returns its update_id."""
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **payload})
        self._arrived.set()
        self._notify()
        return update_id

    def update_for(self, payload: dict[str, Any]) -> dict[str, Any]:
        """An update (with a fresh id) that is not queued: for posting to a webhook."""
        return {"update_id": next(self._update_ids), **payload}

    def user_message(self, user: User, **content: Any) -> dict[str, Any]:
        """A message from `user` in their private chat (text=…, location=…, photo=…)."""
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": user.chat(),
            "from": user.as_dict(),
            **content,
        }
        text = content.get("text")
        if isinstance(text, str) and text.startswith("/"):
            length = len(text.split()[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return {"message": message}

    def say(self, user: User, text: str) -> int:
        """Queue a text (or a /command) from `user`."""
        return self.push(self.user_message(user, text=text))

    def share_location(self, user: User, lat: float, lon: float) -> int:
        """Queue a location from `user`."""
        return self.push(self.user_message(user, location={"latitude": lat, "longitude": lon}))

    def press(self, user: User, message_id: int, data: str) -> int:
        """Queue a press of a button with `data` under the bot's message `message_id`."""
        message = self.messages.get(user.id, {}).get(message_id) or {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": user.chat(),
            "from": BOT,
            "text": "…",
        }
        query = {
            "id": str(next(self._query_ids)),
            "from": user.as_dict(),
            "chat_instance": f"ci{user.id}",
            "message": message,
            "data": data,
        }
        return self.push({"callback_query": query})

    def press_button(self, user: User, label: str) -> int:
        """Press the button whose label contains `label`, on the latest message that has one."""
        for message in reversed(self.sent(user.id)):
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if label in button["text"] and "callback_data" in button:
                        return self.press(user, message["message_id"], button["callback_data"])
        raise AssertionError(f"no button {label!r} in chat {user.id}: {self.texts(user.id)[-3:]}")

    def inline_query(self, user: User, query: str, offset: str = "") -> int:
        """Queue an inline query typed by `user`."""
        data = {"id": str(next(self._query_ids)), "from": user.as_dict(), "query": query, "offset": offset}
        return self.push({"inline_query": data})

    # --- what the tests look at -----------------------------------------------------------

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def sent(self, chat_id: int) -> list[dict[str, Any]]:
        """The bot's messages in a chat, oldest first, as they are now (edits applied)."""
        return [m for m in self.messages.get(chat_id, {}).values() if m.get("from") == BOT]

    def texts(self, chat_id: int) -> list[str]:
        return [m.get("text", "") for m in self.sent(chat_id)]

    def buttons(self, message: dict[str, Any]) -> list[str]:
        return [b["text"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]

    @property
    def pending(self) -> int:
        """Updates not yet confirmed by the bot."""
        return len(self._updates)

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0, what: str = "") -> None:
        """Wait until `predicate()` holds; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {what or predicate}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.1))

    async def wait_messages(self, chat_id: int, count: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Wait until the bot has sent at least `count` messages to the chat; return them all."""
        await self.wait_for(lambda: len(self.sent(chat_id)) >= count, timeout, f"{count} messages in {chat_id}")
        return self.sent(chat_id)

    async def wait_calls(self, method: str, count: int, timeout: float = 5.0) -> list[Call]:
        await self.wait_for(lambda: len(self.calls_of(method)) >= count, timeout, f"{count}× {method}")
        return self.calls_of(method)

    # --- serving ----------------------------------------------------------------------------

    def _notify(self) -> None:
        self._changed.set()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        raw = dict(await request.post()) if request.can_read_body else {}
        params: dict[str, Any] = {}
        for key, value in raw.items():
            value = str(value)
            if key in JSON_PARAMS or value in ("true", "false"):
                params[key] = json.loads(value)
            elif key in NUMBER_PARAMS:
                params[key] = float(value) if "." in value else int(value)
            else:
                params[key] = value
        return params

    def _fault_for(self, method: str, params: dict[str, Any]) -> Fault | None:
        for fault in self.faults:
            if fault.method == method and fault.times > 0 and (fault.when is None or fault.when(params)):
                fault.times -= 1
                return fault
        return None

    async def _serve(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await self._params(request)
        self.attempts.append(Call(method, params))
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        fault = self._fault_for(method, params)
        if fault is not None:
            self._notify()
            if fault.kind == "drop":
                if request.transport is not None:  # None once the client has gone
                    request.transport.close()
                return web.Response()
            if fault.kind == "429":
                return web.json_response(
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": f"Too Many Requests: retry after {fault.retry_after}",
                        "parameters": {"retry_after": fault.retry_after},
                    },
                    status=429,
                )
            return web.Response(status=502, text="Bad Gateway")
        try:
            result = await self._answer(method, params)
        except APIError as error:
            self.calls.append(Call(method, params))
            self._notify()
            return web.json_response(
                {"ok": False, "error_code": error.code, "description": error.description}, status=error.code
            )
        self.calls.append(Call(method, params))
        self._notify()
        return web.json_response({"ok": True, "result": result})

    async def _answer(self, method: str, params: dict[str, Any]) -> Any:
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            if method in {
                "setMyCommands",
                "deleteWebhook",
                "answerCallbackQuery",
                "answerInlineQuery",
                "deleteMessage",
                "close",
                "logOut",
                "sendChatAction",
            }:
                if method == "deleteWebhook":
                    self.webhook = {}
                return True
            raise APIError(400, f"Bad Request: method {method} is not faked")
        return await handler(params)

    async def _m_getMe(self, params: dict[str, Any]) -> Any:
        return BOT

    async def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while not self._updates and not self._closing and time.monotonic() < deadline:
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), deadline - time.monotonic())
            except TimeoutError:
                break
        return self._updates[:limit]

    async def _m_setWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = params
        return True

    async def _m_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}

    def _check_markup(self, params: dict[str, Any]) -> None:
        for row in (params.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if (data is None) == (button.get("url") is None):
                    raise APIError(400, "Bad Request: a button needs exactly one of callback_data and url")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise APIError(400, "Bad Request: BUTTON_DATA_INVALID")

    def _check_text(self, params: dict[str, Any]) -> str:
        text = str(params.get("text", ""))
        if not text.strip():
            raise APIError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise APIError(400, "Bad Request: message is too long")
        if params.get("parse_mode") == "HTML":
            error = html_error(text)
            if error:
                raise APIError(400, f"Bad Request: can't parse entities: {error}")
        self._check_markup(params)
        return text

    def _store(self, chat_id: int, **content: Any) -> dict[str, Any]:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Jana"},
            "from": BOT,
            **content,
        }
        self.messages.setdefault(chat_id, {})[message["message_id"]] = message
        return message

    @staticmethod
    def _inline_markup(params: dict[str, Any]) -> dict[str, Any]:
        markup = params.get("reply_markup") or {}
        return {"reply_markup": markup} if "inline_keyboard" in markup else {}

    async def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        text = self._check_text(params)
        return self._store(int(params["chat_id"]), text=text, **self._inline_markup(params))

    async def _m_sendVenue(self, params: dict[str, Any]) -> Any:
        venue = {
            "location": {"latitude": params["latitude"], "longitude": params["longitude"]},
            "title": params["title"],
            "address": params["address"],
        }
        return self._store(int(params["chat_id"]), venue=venue, location=venue["location"])

    async def _m_sendContact(self, params: dict[str, Any]) -> Any:
        contact = {"phone_number": params["phone_number"], "first_name": params["first_name"]}
        return self._store(int(params["chat_id"]), contact=contact)

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self.messages.get(int(params.get("chat_id") or 0), {}).get(int(params.get("message_id") or 0))
        if message is None or message.get("from") != BOT:
            raise APIError(400, "Bad Request: message to edit not found")
        return message

    async def _m_editMessageText(self, params: dict[str, Any]) -> Any:
        message = self._message(params)
        text = self._check_text(params)
        markup = self._inline_markup(params)
        if message.get("text") == text and message.get("reply_markup") == markup.get("reply_markup"):
            raise APIError(400, "Bad Request: message is not modified")
        message["text"] = text
        message.pop("reply_markup", None)
        message.update(markup, edit_date=int(time.time()))
        return message

    async def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        message = self._message(params)
        self._check_markup(params)
        message.pop("reply_markup", None)
        message.update(self._inline_markup(params), edit_date=int(time.time()))
        return message
