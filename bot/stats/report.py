"""The planners' report: one self-contained HTML page with charts, from the published tables.

Everything in it comes from a `StatsExport`, so it shows only what the export publishes:
hidden cells stay hidden ("<k") and are left out of the charts, never estimated. The charts
are matplotlib SVG drawn inline; the page needs no network and no script. It reads on a
phone (wide tables scroll sideways, bar labels sit above the bars) and prints on A4 for a
working-group meeting.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from bot.stats.catalogue import CHANGES_TABLE, ENDED_TABLE, NO_ENDED, NO_IMPORTS
from bot.stats.disclosure import TOTAL, PublishedTable, mark
from bot.stats.export import StatsExport, czech_date

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TOP = 20
CHART_WIDTH = 4.8  # inches: under 500 px, so a phone shrinks the text of a chart at most by a quarter
SCREEN_SCALE = 1.2  # charts show this much larger than drawn, their text about as large as the page's
LABEL_WIDTH = 58  # characters of a bar label per line
LONG_TEXT = 24  # characters: a table column with a longer text gets room on a phone
MAX_TICKS = 13  # period labels shown under the time chart; more periods show every n-th label


# the page itself: bot/stats/templates/report.html
_ENVIRONMENT = Environment(loader=PackageLoader("bot.stats", "templates"), autoescape=select_autoescape(default=True))

HEADINGS = {
    "cisla": "V číslech",
    "nenalezeno": "Co lidé hledali a nenašli",
    "v-case": "Hledání v čase",
    "potreby": "Potřeby",
    "citlive": "Citlivé potřeby (po ORP, za celá čtvrtletí)",
    "obce": "Obce: hledání na 1 000 obyvatel",
    "skupiny": "Skupiny",
    "kanaly": "Kanály a jazyky",
    "slova": "Slova, která lidé psali",
    "zpetna-vazba": "Zpětná vazba ke katalogu",
    "katalog": "Změny v katalogu",
    "skryte": "Skryté údaje",
}


@dataclass
class Report:
    """The report's HTML and what it shows."""

    html: str
    charts: int


def _no_chart(text: str) -> Markup:
    return Markup('<p class="note">') + escape(text) + Markup("</p>")


def _svg(figure: Figure, description: str) -> Markup:
    """The figure as inline SVG, without matplotlib's metadata, named for screen readers."""
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    no_metadata = {"Date": None, "Format": None, "Type": None, "Creator": None}
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata=no_metadata)
    plt.close(figure)
    text = buffer.getvalue()
    svg = text[text.index("<svg") :]
    end = svg.index(">")
    head, rest = svg[:end], svg[end:]
    head = re.sub(r' (width|height)="([0-9.]+)pt"', lambda m: f' {m[1]}="{float(m[2]) * SCREEN_SCALE:.2f}pt"', head)
    head = head.replace("<svg", f'<svg role="img" aria-label="{escape(description)}"', 1)
    return Markup("<figure>" + head + rest + "</figure>")


def _pyplot() -> ModuleType:
    """matplotlib.pyplot, drawing SVG without a display (imported only when a chart is drawn)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "text.parse_math": False,  # "$" in a label is a dollar sign, not TeX
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def _number(value: object) -> int | float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _count(value: object) -> float:
    """A shown count as a number; 0 for a hidden or blank one."""
    return float(_number(value) or 0)


def _czech_number(value: float, decimals: int = 0) -> str:
    """12 345 or 12,3: a non-breaking space between thousands, a decimal comma (Babel)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale="cs")


def _shown(value: object) -> str:
    """A cell as text: nothing for None, a decimal comma in fractions, a date in Czech."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return czech_date(value)
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)


def html_table(
    table: PublishedTable, rows: list[list[object]] | None = None, header: list[str] | None = None
) -> Markup:
    """A published table as HTML (escaped), counts right-aligned, the total row in bold.

    The table sits in a box that scrolls sideways when it is wider than the screen. Columns
    holding long texts are marked "w", so a phone gives them room instead of a word a line.
    """
    body = table.rows if rows is None else rows
    hidden = mark(table.k)  # a hidden count; any other text (a name starting "<" too) is text
    wide = {
        j
        for row in body
        for j, value in enumerate(row)
        if isinstance(value, str) and value != hidden and len(value) > LONG_TEXT
    }
    parts = ['<div class="table"><table><thead><tr>']
    parts += [f'<th scope="col">{escape(h)}</th>' for h in header or table.header]
    parts.append("</tr></thead><tbody>")
    for row in body:
        total = bool(row) and row[0] == "Celkem"
        parts.append('<tr class="total">' if total else "<tr>")
        for j, value in enumerate(row):
            numeric = _number(value) is not None or value == hidden
            kind = ' class="n"' if numeric else ' class="w"' if j in wide else ""
            parts.append(f"<td{kind}>{escape(_shown(value))}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table></div>")
    return Markup("".join(parts))


def _hbars(
    labels: list[str],
    segments: list[tuple[list[float], str, str | None]],
    values: list[str],
    xlabel: str,
    description: str,
) -> Markup:
    """Horizontal bars, largest first, each with its label above it and its value after it.

    Labels above the bars leave the whole width to the bars, so the chart stays narrow
    enough to read on a phone. `segments` are stacked left to right: (widths, colour, legend).
    """
    plt = _pyplot()
    line, bar, gap = 12.5, 11.0, 7.0  # points
    wrapped = [textwrap.wrap(label, LABEL_WIDTH) or [""] for label in labels]
    tops: list[float] = []
    y = 0.0
    for lines in wrapped:
        tops.append(y)
        y += len(lines) * line + 2 + bar + gap
    height = y / 72
    figure = plt.figure(figsize=(CHART_WIDTH, height))
    axis = figure.add_axes((0, 0, 1, 1))
    centres = [top + len(lines) * line + 2 + bar / 2 for top, lines in zip(tops, wrapped, strict=True)]
    left = [0.0] * len(labels)
    legend = False
    for widths, colour, name in segments:
        axis.barh(centres, widths, height=bar, left=left, color=colour, label=name)
        left = [a + b for a, b in zip(left, widths, strict=True)]
        legend = legend or name is not None
    longest = max(left) if left else 0
    for top, lines, end, centre, value in zip(tops, wrapped, left, centres, values, strict=True):
        axis.text(0, top + 2, "\n".join(lines), va="top", ha="left", linespacing=1.15)
        axis.text(end + longest * 0.01, centre, value, va="center", ha="left", fontsize=9, color="#333")
    axis.set_ylim(y, -2)
    axis.set_xlim(0, longest * 1.12 or 1)
    axis.set_yticks([])
    axis.spines["left"].set_visible(False)
    axis.set_xlabel(xlabel)
    axis.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    axis.set_axisbelow(True)
    if legend:
        axis.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False, borderaxespad=0.2)
    return _svg(figure, description)


def _unmet_rows(export: StatsExport) -> tuple[list[str], list[list[object]]]:
    table = export.table("poptavka-nabidka-obce")
    unmet = table.header.index("Nenalezeno")
    ranked = [r for r in table.rows if _number(r[unmet])]
    ranked.sort(key=lambda r: -_count(r[unmet]))
    return table.header, ranked[:TOP]


def chart_unmet(export: StatsExport) -> Markup:
    header, ranked = _unmet_rows(export)
    if not ranked:
        return _no_chart("Žádná zveřejnitelná nenaplněná poptávka.")
    rows = [dict(zip(header, r, strict=True)) for r in ranked]
    labels = [f"{r['Obec']} – {r['Potřeba']}" for r in rows]
    missing = [_count(r["Nenalezeno"]) for r in rows]
    totals = [_number(r["Hledání"]) for r in rows]
    other = [max(0.0, total - gone) if total is not None else 0.0 for total, gone in zip(totals, missing, strict=True)]
    values = [
        f"{_czech_number(gone)} z {_czech_number(total)}" if total is not None else _czech_number(gone)
        for gone, total in zip(missing, totals, strict=True)
    ]
    return _hbars(
        labels,
        [(missing, "#c0392b", "nenalezeno"), (other, "#b3bcbd", "ostatní hledání")],
        values,
        "počet hledání",
        f"Graf: {len(rows)} dvojic obec – potřeba s nejvíce hledáními bez výsledku.",
    )


def chart_periods(export: StatsExport) -> Markup:
    table = export.table("obdobi")
    rows = table.records()
    if not rows:
        return _no_chart("Graf není k dispozici: v období nejsou žádná hledání.")
    plt = _pyplot()
    outcomes = table.header[1:-1]
    figure, axis = plt.subplots(figsize=(CHART_WIDTH, 3.2))
    positions = list(range(len(rows)))
    bottom = [0.0] * len(rows)
    colours = ["#27ae60", "#f1c40f", "#c0392b", "#e67e22", "#8e44ad", "#7f8c8d", "#bdc3c7"]
    for outcome, colour in zip(outcomes, colours, strict=False):
        values = [_number(r[outcome]) or 0 for r in rows]
        axis.bar(positions, values, bottom=bottom, label=outcome, color=colour, width=0.75)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = math.ceil(len(rows) / MAX_TICKS)
    period = table.header[0]  # "Období (měsíc)" and the like
    axis.set_xticks(positions[::step], [str(r[period]) for r in rows][::step], rotation=45, ha="right")
    axis.set_xlim(-0.6, len(rows) - 0.4)
    axis.set_ylabel("počet hledání")
    axis.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    axis.set_axisbelow(True)
    axis.legend(loc="lower left", bbox_to_anchor=(0, 1.02), ncol=2, frameon=False, fontsize=9, borderaxespad=0)
    return _svg(figure, f"Graf: počet hledání v {len(rows)} obdobích podle výsledku hledání.")


def chart_needs(export: StatsExport) -> Markup:
    rows = [r for r in export.table("potreby").records() if _number(r[TOTAL])]
    rows.sort(key=lambda r: -_count(r[TOTAL]))
    rows = rows[:TOP]
    if not rows:
        return _no_chart("Graf není k dispozici: žádná potřeba nemá zveřejnitelný počet hledání.")
    counts = [_count(r[TOTAL]) for r in rows]
    return _hbars(
        [str(r["Potřeba"]) for r in rows],
        [(counts, "#2980b9", None)],
        [_czech_number(c) for c in counts],
        "počet hledání",
        f"Graf: {len(rows)} nejčastěji hledaných potřeb.",
    )


def chart_rate(export: StatsExport) -> Markup:
    """All searches of a municipality per 1,000 inhabitants (its shown total in `obce`)."""
    supply = export.table("poptavka-nabidka-obce")
    population = {r["Kód obce"]: number for r in supply.records() if (number := _number(r["Obyvatel"]))}
    rates: list[tuple[str, float]] = []
    for row in export.table("obce").records():
        total, inhabitants = _number(row[TOTAL]), population.get(row["Kód obce"])
        if total and inhabitants:
            rates.append((str(row["Obec"]), 1000 * total / inhabitants))
    rates.sort(key=lambda item: -item[1])
    rates = rates[:TOP]
    if not rates:
        return _no_chart(
            "Graf není k dispozici: žádná obec nemá zároveň zveřejnitelný počet hledání a známý počet "
            "obyvatel (počty obyvatel pocházejí z importu obcí)."
        )
    return _hbars(
        [name for name, _ in rates],
        [([value for _, value in rates], "#16a085", None)],
        [_czech_number(value, 1) for _, value in rates],
        "hledání na 1 000 obyvatel",
        f"Graf: {len(rates)} obcí s nejvíce hledáními na 1 000 obyvatel.",
    )


def build_report(export: StatsExport) -> Report:
    """The report of an export."""
    header, unmet_rows = _unmet_rows(export)
    charts = {
        "unmet": chart_unmet(export),
        "periods": chart_periods(export),
        "needs": chart_needs(export),
        "rate": chart_rate(export),
    }
    unmet_table = export.table("poptavka-nabidka-obce")
    tables = {
        "headline": html_table(export.table("orp")),
        "unmet": html_table(unmet_table, unmet_rows, header) if unmet_rows else Markup(""),
        "periods": html_table(export.table("obdobi")),
        "needs": html_table(export.table("potreby")),
        "sensitive": html_table(export.table("citlive-orp")),
        "families": html_table(export.table("skupiny")),
        "channels": html_table(export.table("kanaly-jazyky")),
        "terms": html_table(export.table("slova")),
        "feedback": html_table(export.table("zpetna-vazba")),
        "catalogue": html_table(export.table(CHANGES_TABLE)),
        "ended": html_table(export.table(ENDED_TABLE)),
        "overview": html_table(export.table("potlaceni")),
    }
    catalogue = {
        "imports": bool(export.table(CHANGES_TABLE).records()),
        "ended": bool(export.table(ENDED_TABLE).records()),
        "no_imports": NO_IMPORTS,
        "no_ended": NO_ENDED,
    }
    html = _ENVIRONMENT.get_template("report.html").render(
        title="Síť pomoci – poptávka po sociálních službách",
        period=f"{czech_date(export.start)} – {czech_date(export.end)}",
        k=export.k,
        created=czech_date(dt.date.today()),
        synthetic=export.synthetic,
        empty=export.is_empty,
        legend=f"„<{export.k}“ = údaj skrytý: počet menší než {export.k}, nebo skrytý doplňkově, aby nešel dopočítat.",
        headings=HEADINGS,
        sections=list(HEADINGS.items()),
        charts=charts,
        tables=tables,
        catalogue=catalogue,
    )
    return Report(html, sum(1 for c in charts.values() if "<svg" in c))


def write_report(export: StatsExport, folder: Path) -> Path:
    """Write the report as one HTML file into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"zprava-{export.start.isoformat()}-{export.end.isoformat()}.html"
    path.write_text(build_report(export).html, encoding="utf-8")
    return path
