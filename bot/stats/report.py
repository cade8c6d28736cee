"""The planners' report: one self-contained HTML page with charts, from the published tables.

Everything in it comes from a `StatsExport`, so it shows only what the export publishes:
hidden cells stay hidden ("<k") and are left out of the charts, never estimated. The charts
are matplotlib SVG drawn inline; the page needs no network and no script.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from bot.stats.disclosure import PublishedTable
from bot.stats.export import StatsExport, czech_date

TOP = 20

TEMPLATE = """<!DOCTYPE html>
<html lang="cs">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
.warning { background: #fff3cd; border: 1px solid #e0c36a; padding: .75rem 1rem; }
.note { color: #555; font-size: .9rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p>Období {{ period }} · nejmenší zveřejněný počet k = {{ k }} · vytvořeno {{ created }}</p>
{% if synthetic %}<p class="warning">Data jsou <strong>syntetická</strong> (příkaz stats simulate): slouží jen
k ukázce a zkouškám, nejde o skutečnou poptávku.</p>{% endif %}
{% if empty %}<p class="warning">V období nejsou žádná hledání; zpráva je prázdná.</p>{% endif %}
<p class="note">{{ legend }} Grafy ukazují jen zveřejněné počty; skryté údaje v nich chybějí a nejsou odhadovány.</p>

<h2>Co lidé hledali a nenašli</h2>
<p>Obce a potřeby s nejvíce hledáními, která skončila bez výsledku (služba v katalogu chybí, není pro
danou skupinu, nebo v obci nepůsobí).</p>
{{ charts.unmet }}
{{ tables.unmet }}

<h2>Hledání v čase</h2>
{{ charts.periods }}
{{ tables.periods }}

<h2>Potřeby</h2>
{{ charts.needs }}
{{ tables.needs }}

<h2>Obce: hledání na 1 000 obyvatel</h2>
{{ charts.rate }}

<h2>Skupiny</h2>
{{ tables.families }}

<h2>Kanály a jazyky</h2>
{{ tables.channels }}

<h2>Skryté údaje</h2>
{{ tables.overview }}
</body>
</html>
"""


@dataclass
class Report:
    """The report's HTML and what it shows."""

    html: str
    charts: int


def _svg(figure) -> Markup:  # type: ignore[no-untyped-def]
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    return Markup("<figure>" + text[text.index("<svg") :] + "</figure>")


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9})
    return plt


def _number(value: object) -> int | float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def html_table(table: PublishedTable, rows: list[list[object]] | None = None, header: list[str] | None = None) -> Markup:
    """A published table as HTML (escaped), counts right-aligned, the total row in bold."""
    from markupsafe import escape

    parts = ["<table><thead><tr>"]
    parts += [f"<th>{escape(h)}</th>" for h in header or table.header]
    parts.append("</tr></thead><tbody>")
    for row in table.rows if rows is None else rows:
        total = bool(row) and row[0] == "Celkem"
        parts.append('<tr class="total">' if total else "<tr>")
        for value in row:
            numeric = _number(value) is not None or (isinstance(value, str) and value.startswith("<"))
            shown = "" if value is None else value
            parts.append(f'<td class="n">{escape(shown)}</td>' if numeric else f"<td>{escape(shown)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return Markup("".join(parts))


def _unmet_rows(export: StatsExport) -> tuple[list[str], list[list[object]]]:
    table = export.table("poptavka-nabidka-obce")
    unmet = table.header.index("Nenalezeno")
    ranked = [r for r in table.rows if _number(r[unmet])]
    ranked.sort(key=lambda r: -r[unmet])  # type: ignore[operator]
    return table.header, ranked[:TOP]


def chart_unmet(export: StatsExport) -> Markup:
    header, rows = _unmet_rows(export)
    if not rows:
        return Markup('<p class="note">Žádná zveřejnitelná nenaplněná poptávka.</p>')
    plt = _pyplot()
    unmet, demand = header.index("Nenalezeno"), header.index("Hledání")
    labels = [f"{r[2]} – {r[4]}" for r in rows][::-1]
    figure, axis = plt.subplots(figsize=(8, 0.3 * len(rows) + 1))
    axis.barh(labels, [r[unmet] for r in rows][::-1], color="#c0392b", label="nenalezeno")
    found = [(_number(r[demand]) or 0) - r[unmet] for r in rows][::-1]
    axis.barh(labels, found, left=[r[unmet] for r in rows][::-1], color="#95a5a6", label="ostatní hledání")
    axis.set_xlabel("počet hledání")
    axis.legend(loc="lower right")
    return _svg(figure)


def chart_periods(export: StatsExport) -> Markup:
    table = export.table("obdobi")
    rows = [r for r in table.rows if r[0] != "Celkem"]
    if not rows:
        return Markup("")
    plt = _pyplot()
    outcomes = table.header[1:-1]
    figure, axis = plt.subplots(figsize=(8, 3.5))
    bottom = [0.0] * len(rows)
    colours = ["#27ae60", "#f1c40f", "#c0392b", "#e67e22", "#8e44ad", "#7f8c8d", "#bdc3c7"]
    for j, (outcome, colour) in enumerate(zip(outcomes, colours, strict=False)):
        values = [_number(r[j + 1]) or 0 for r in rows]
        axis.bar([r[0] for r in rows], values, bottom=bottom, label=outcome, color=colour)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axis.set_ylabel("počet hledání")
    axis.legend(fontsize=7, ncol=2)
    axis.tick_params(axis="x", labelrotation=45)
    return _svg(figure)


def chart_needs(export: StatsExport) -> Markup:
    table = export.table("potreby")
    rows = [r for r in table.rows if r[0] != "Celkem" and _number(r[-1])]
    rows.sort(key=lambda r: -r[-1])  # type: ignore[operator]
    rows = rows[:TOP]
    if not rows:
        return Markup("")
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(8, 0.3 * len(rows) + 1))
    axis.barh([r[0] for r in rows][::-1], [r[-1] for r in rows][::-1], color="#2980b9")
    axis.set_xlabel("počet hledání")
    return _svg(figure)


def chart_rate(export: StatsExport) -> Markup:
    """All searches of a municipality per 1,000 inhabitants (its shown total in `obce`)."""
    supply = export.table("poptavka-nabidka-obce")
    population = {row[1]: row[3] for row in supply.rows if _number(row[3])}
    rates: list[tuple[str, float]] = []
    for row in export.table("obce").rows:
        total, inhabitants = _number(row[-1]), population.get(row[1])
        if row[0] != "Celkem" and total and inhabitants:
            rates.append((str(row[2]), 1000 * total / inhabitants))
    rates.sort(key=lambda item: -item[1])
    rates = rates[:TOP]
    if not rates:
        return Markup("")
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(8, 0.3 * len(rates) + 1))
    axis.barh([name for name, _ in rates][::-1], [value for _, value in rates][::-1], color="#16a085")
    axis.set_xlabel("hledání na 1 000 obyvatel")
    return _svg(figure)


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
        "unmet": html_table(unmet_table, unmet_rows, header) if unmet_rows else Markup(""),
        "periods": html_table(export.table("obdobi")),
        "needs": html_table(export.table("potreby")),
        "families": html_table(export.table("skupiny")),
        "channels": html_table(export.table("kanaly-jazyky")),
        "overview": html_table(export.table("potlaceni")),
    }
    environment = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    html = environment.from_string(TEMPLATE).render(
        title="Síť pomoci – poptávka po sociálních službách",
        period=f"{czech_date(export.start)} – {czech_date(export.end)}",
        k=export.k,
        created=czech_date(dt.date.today()),
        synthetic=export.synthetic,
        empty=export.is_empty,
        legend=f"„<{export.k}“ = údaj skrytý: počet menší než {export.k}, nebo skrytý doplňkově, aby nešel dopočítat.",
        charts=charts,
        tables=tables,
    )
    return Report(html, sum(1 for c in charts.values() if "<svg" in c))


def write_report(export: StatsExport, folder: Path) -> Path:
    """Write the report as one HTML file into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"zprava-{export.start.isoformat()}-{export.end.isoformat()}.html"
    path.write_text(build_report(export).html, encoding="utf-8")
    return path
