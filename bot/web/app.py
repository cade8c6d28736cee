"""The public web catalogue: routes, security headers and the app factory `make_app(ctx)`.

Plain HTML from Jinja templates (autoescaped), no JavaScript, no cookies, nothing from other
hosts. Czech by default, Ukrainian and English with `?lang=uk|en` (bot.web.texts): every
link and form of a page keeps its language. Searches are counted in the anonymous demand
statistics when the app is given a recorder (bot.web.stats: channel "web", no person).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import jinja2
from aiohttp import web

from bot.dialog.context import Context
from bot.stats.recorder import StatsRecorder
from bot.web import pages
from bot.web.stats import record_web_search
from bot.web.texts import LANGUAGE_LABELS, WEB_LANGUAGES, group_names, guide_questions, texts, web_language
from bot.web.towns import TownField, pick_town, town_code

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class Snapshot:
    """The catalogue the pages read: the context and its municipality select, swapped whole."""

    ctx: Context
    town_field: TownField


@dataclass
class Catalogue:
    """The current snapshot; `replace_catalogue` swaps it, requests in flight keep the old one."""

    snapshot: Snapshot


CATALOGUE_KEY = web.AppKey("catalogue", Catalogue)
TEMPLATES_KEY = web.AppKey("templates", jinja2.Environment)
RECORDER_KEY = web.AppKey("recorder", StatsRecorder)

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


def language_of(request: web.Request) -> str:
    """The page language: `?lang=uk` or `?lang=en`, Czech otherwise."""
    return web_language(request.query.get("lang"))


def link(language: str, path: str, params: Mapping[str, object] | None = None) -> str:
    """An address of this site in `language` ("/hledat?skupina=seniori&lang=uk")."""
    query = {k: v for k, v in (params or {}).items() if v is not None and v != ""}
    if language != "cs":
        query["lang"] = language
    if not query:
        return path
    return f"{path}{'&' if '?' in path else '?'}{urlencode(query)}"


def language_links(request: web.Request, language: str) -> list[tuple[str, str, str, bool]]:
    """(code, name, address, current) of this page in each language."""
    params = {k: v for k, v in request.query.items() if k != "lang"}
    return [(code, LANGUAGE_LABELS[code], link(code, request.path, params), code == language) for code in WEB_LANGUAGES]


def render(request: web.Request, name: str, *, status: int = 200, **values: Any) -> web.Response:
    """A page from its template, in the request's language."""
    language = language_of(request)
    html = (
        request.app[TEMPLATES_KEY]
        .get_template(name)
        .render(
            lang=language,
            t=texts(language),
            url=lambda path, **params: link(language, path, params),
            languages=language_links(request, language),
            town_field=request.app[CATALOGUE_KEY].snapshot.town_field,
            **values,
        )
    )
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def _ctx(request: web.Request) -> Context:
    return request.app[CATALOGUE_KEY].snapshot.ctx


async def home(request: web.Request) -> web.Response:
    """The search form, the four groups, the life situations, the municipalities, the crisis lines."""
    ctx = _ctx(request)
    language = language_of(request)
    return render(
        request,
        "home.html",
        groups=group_names(language),
        situations=pages.situations_by_family(ctx, language),
        popular=ctx.popular_towns,
    )


async def search(request: web.Request) -> web.Response:
    """Results of `/hledat?q=...&obec=...&skupina=...`, crisis lines first in a danger.

    A search that was made is counted in the statistics (bot.web.stats), never its words as typed.
    """
    ctx = _ctx(request)
    language = language_of(request)
    query = request.query.get("q")
    pick = pick_town(ctx, request.query.get("obec"))
    group, situation = request.query.get("skupina"), request.query.get("potreba")
    page = pages.search_page(ctx, query, pick.code, group, language, situation)
    if page.result is not None:
        record_web_search(request.app.get(RECORDER_KEY), page.result, query=page.query or None, language=language)
    return render(
        request, "search.html", page=page, pick=pick, groups=group_names(language), lines=pages.all_lines(ctx)
    )


async def guide(request: web.Request) -> web.Response:
    """The guided path `/pruvodce?skupina=...&obec=...`: for whom, then where, then what."""
    language = language_of(request)
    page = pages.guide_page(_ctx(request), request.query.get("skupina"), request.query.get("obec"), language)
    return render(request, "guide.html", page=page, ask=guide_questions(language), whole=pages.WHOLE_AREA)


async def service(request: web.Request) -> web.Response:
    """One service's card; 404 when there is no such service."""
    card = _ctx(request).cards(int(request.match_info["id"]))
    if card is None:
        raise web.HTTPNotFound()
    return render(request, "service.html", page=pages.service_page(card, language_of(request)))


async def crisis_lines(request: web.Request) -> web.Response:
    """All crisis lines."""
    return render(request, "lines.html", lines=pages.all_lines(_ctx(request)))


async def municipality(request: web.Request) -> web.Response:
    """The services of one municipality (`/obec/{code}`); 404 for one the catalogue does not have."""
    page = pages.town_page(_ctx(request), int(request.match_info["code"]))
    if page is None:
        raise web.HTTPNotFound()
    return render(request, "town.html", page=page, lines=pages.all_lines(_ctx(request)))


async def municipality_form(request: web.Request) -> web.Response:
    """The home page's select of a municipality (`/obec?kod=...`) goes to its page."""
    code = town_code(_ctx(request), request.query.get("kod"))
    if code is None:
        raise web.HTTPNotFound()
    raise web.HTTPFound(link(language_of(request), f"/obec/{code}"))


async def need(request: web.Request) -> web.Response:
    """The services for one life situation (`/potreba/{id}`); 404 for an unknown one."""
    page = pages.need_page(_ctx(request), request.match_info["id"], language_of(request))
    if page is None:
        raise web.HTTPNotFound()
    return render(request, "need.html", page=page, lines=pages.all_lines(_ctx(request)))


@web.middleware
async def not_found_page(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Unknown addresses, services, municipalities and needs get a page with the way home."""
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return render(request, "not_found.html", status=404, lines=pages.all_lines(_ctx(request))[:3])


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(SECURITY_HEADERS)


def make_app(ctx: Context, recorder: StatsRecorder | None = None) -> web.Application:
    """The web catalogue over a built context (`bot.compose.build_context`); searches are
    counted in the statistics through `recorder` when one is given."""
    app = web.Application(middlewares=[not_found_page])
    app[CATALOGUE_KEY] = Catalogue(Snapshot(ctx, TownField(ctx)))
    app[TEMPLATES_KEY] = templates()
    if recorder is not None:
        app[RECORDER_KEY] = recorder
    app.on_response_prepare.append(_security_headers)
    app.router.add_get("/", home)
    app.router.add_get("/hledat", search)
    app.router.add_get("/pruvodce", guide)
    app.router.add_get(r"/sluzba/{id:\d{1,9}}", service)
    app.router.add_get("/krizove-linky", crisis_lines)
    app.router.add_get("/obec", municipality_form)
    app.router.add_get(r"/obec/{code:\d{1,9}}", municipality)
    app.router.add_get(r"/potreba/{id:[a-z0-9-]{1,80}}", need)
    return app


def replace_catalogue(app: web.Application, ctx: Context) -> None:
    """Serve a newly built context (`python -m bot web` does it on SIGHUP, after an import)."""
    app[CATALOGUE_KEY].snapshot = Snapshot(ctx, TownField(ctx))
