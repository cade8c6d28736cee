"""The public web catalogue: routes, security headers and the app factory `make_app(ctx)`.

Plain HTML from Jinja templates (autoescaped), no JavaScript, no cookies, nothing from other
hosts. Nothing is recorded in the statistics yet.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import jinja2
from aiohttp import web

from bot.dialog.context import Context
from bot.web import pages

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
CONTEXT_KEY = web.AppKey("context", Context)
TEMPLATES_KEY = web.AppKey("templates", jinja2.Environment)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def templates() -> jinja2.Environment:
    """The page templates, every value escaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("bot.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render(request: web.Request, name: str, *, status: int = 200, **values: Any) -> web.Response:
    """A page from its template."""
    html = request.app[TEMPLATES_KEY].get_template(name).render(**values)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def _ctx(request: web.Request) -> Context:
    return request.app[CONTEXT_KEY]


async def home(request: web.Request) -> web.Response:
    """The search form, the four groups, the crisis lines."""
    ctx = _ctx(request)
    return render(request, "home.html", towns=pages.town_options(ctx), groups=pages.GROUP_NAMES)


async def search(request: web.Request) -> web.Response:
    """Results of `/hledat?q=...&obec=...&skupina=...`, crisis lines first in a danger."""
    ctx = _ctx(request)
    query = request.query.get("q")
    town = pages.town_code(ctx, request.query.get("obec"))
    page = pages.search_page(ctx, query, town, request.query.get("skupina"))
    return render(request, "search.html", page=page, groups=pages.GROUP_NAMES, lines=pages.all_lines(ctx))


async def service(request: web.Request) -> web.Response:
    """One service's card; 404 when there is no such service."""
    card = _ctx(request).cards(int(request.match_info["id"]))
    if card is None:
        raise web.HTTPNotFound()
    return render(request, "service.html", page=pages.service_page(card))


async def crisis_lines(request: web.Request) -> web.Response:
    """All crisis lines."""
    return render(request, "lines.html", lines=pages.all_lines(_ctx(request)))


@web.middleware
async def not_found_in_czech(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Unknown addresses and services get a Czech page with the way home."""
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return render(request, "not_found.html", status=404, lines=pages.all_lines(_ctx(request))[:3])


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(SECURITY_HEADERS)


def make_app(ctx: Context) -> web.Application:
    """The web catalogue over a built context (`bot.compose.build_context`)."""
    app = web.Application(middlewares=[not_found_in_czech])
    app[CONTEXT_KEY] = ctx
    app[TEMPLATES_KEY] = templates()
    app.on_response_prepare.append(_security_headers)
    app.router.add_get("/", home)
    app.router.add_get("/hledat", search)
    app.router.add_get(r"/sluzba/{id:\d{1,9}}", service)
    app.router.add_get("/krizove-linky", crisis_lines)
    return app
