"""The planners' report: one page, charts inline, nothing hidden shown, honest when empty."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from typer.testing import CliRunner

from admin_scripts.app import app
from admin_scripts.commands import register_all
from bot.stats.export import build_export
from bot.stats.report import build_report
from tests.test_stats_cli import database, with_events  # noqa: F401 - fixtures
from tests.test_stats_support import (
    KOJETIN,
    OBEDY,
    PREROV,
    TROUBKY,
    add_towns,
    record,
    store,
)

register_all()
YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.seen.append(tag)
        if tag not in ("meta", "br", "img", "path", "use", "rect", "stop", "line", "circle"):
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs) -> None:
        self.seen.append(tag)

    def handle_endtag(self, tag) -> None:
        if tag in ("path", "use", "rect", "stop", "line", "circle"):
            return
        assert self.open and self.open[-1] == tag, (self.open[-5:], tag)
        self.open.pop()


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    assert tags.open == []
    return tags


def searches(engine, session) -> None:
    add_towns(session)
    for town, unmet in ((PREROV, 30), (TROUBKY, 20), (KOJETIN, 3)):
        store(engine, [record(dt.date(2025, 1, 6), town=town)], copies=40)
        store(engine, [record(dt.date(2025, 1, 6), town=town, outcome="not_in_place")], copies=unmet)
    store(engine, [record(dt.date(2025, 2, 3), town=PREROV, need=OBEDY, label="Dovoz obědů")], copies=25)


def test_the_report_is_one_page_with_charts_and_without_scripts(engine, session) -> None:
    searches(engine, session)
    report = build_report(build_export(engine, *YEAR, k=5))
    tags = parse(report.html)
    assert report.charts == 4 and tags.seen.count("svg") == 4
    assert "script" not in tags.seen
    assert "Co lidé hledali a nenašli" in report.html
    assert "&lt;5" in report.html, "hidden counts are shown as <k in the tables"


def test_charts_leave_hidden_counts_out(engine, session) -> None:
    searches(engine, session)
    report = build_report(build_export(engine, *YEAR, k=5))
    assert "Přerov – pečovatelská služba" in report.html
    assert "Kojetín – pečovatelská služba" not in report.html, "3 searches: hidden"
    assert "Troubky – pečovatelská služba" not in report.html, "its partner: hidden too"


def test_an_empty_period_gives_an_honest_empty_report(engine, session) -> None:
    report = build_report(build_export(engine, *YEAR, k=5))
    parse(report.html)
    assert "V období nejsou žádná hledání" in report.html
    assert report.charts == 0


def test_the_report_command_writes_one_html_file(with_events, tmp_path) -> None:  # noqa: F811
    out = tmp_path / "zprava"
    result = CliRunner().invoke(
        app, ["stats", "report", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    [page] = list(out.glob("zprava-2025-01-01-2025-12-31.html"))
    assert "<svg" in page.read_text(encoding="utf-8")
    bad = CliRunner().invoke(app, ["stats", "report", "--from", "2025-02-30", "--to", "2025-12-31", "--out", str(out)])
    assert bad.exit_code == 1 and "neplatné datum „2025-02-30“" in bad.output
