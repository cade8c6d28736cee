"""The published statistics of a period: every table counted, protected and labelled in Czech.

`build_export` counts the crosstabs (bot.stats.crosstabs), suppresses small cells across all
of them (bot.stats.disclosure, bot.stats.linked) and adds the demand-and-supply, word and
feedback tables, the catalogue's changes (bot.stats.catalogue: services, not people, so
outside the suppression), a summary and an overview; bot.stats.files writes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from babel.dates import format_date
from sqlalchemy import Engine, and_, case, func, select
from sqlalchemy.engine import Connection

from bot.catalog.models import DRUH, CodelistTerm, LifeSituation, Service
from bot.stats.aggregate import (
    PERIOD_NAMES,
    Key,
    Labels,
    Scope,
    count_events,
    period_label,
    scope_for,
    snap_period,
)
from bot.stats.catalogue import CATALOGUE_TABLES, catalogue_changes, ended_in_period
from bot.stats.combinations import Combinations, ExactCheck, partner
from bot.stats.crosstabs import (
    SENSITIVE_TABLES,
    Counted,
    TableSpec,
    build_grid,
    column_keys,
    header_of,
    sensitive_note,
    table_specs,
)
from bot.stats.disclosure import (
    Cell,
    Grid,
    Protected,
    PublishedTable,
    partial_sum_shown,
    protect_linked,
    publish,
    render,
)
from bot.stats.events import (
    FEEDBACK_REASONS,
    OUTCOMES,
    UNMET,
    SensitiveNeeds,
    load_sensitive_needs,
)
from bot.stats.models import DemandEvent, DemandTerm, FeedbackEvent
from bot.stats.supply import Supply

E = DemandEvent.__table__.c
T = DemandTerm.__table__.c
F = FeedbackEvent.__table__.c

FEEDBACK_NAMES = {
    "phone": "nesprávný telefon",
    "address": "nesprávná adresa",
    "hours": "nesprávná otevírací doba",
    "closed": "služba už nefunguje",
    "other": "jiné",
}
LEGEND = "„<{k}“ = údaj skrytý: počet menší než {k}, nebo skrytý doplňkově, aby nešel dopočítat ze součtů."


def czech_date(day: dt.date) -> str:
    """1. 2. 2025 (Babel's Czech date)"""
    return format_date(day, "d. M. y", locale="cs")


@dataclass
class StatsExport:
    """Every published table of one period."""

    start: dt.date
    end: dt.date
    k: int
    period: str
    events: int
    synthetic: bool
    tables: list[PublishedTable] = field(default_factory=list)
    requested: tuple[dt.date, dt.date] | None = None  # the period asked for, before snapping

    @property
    def is_empty(self) -> bool:
        return self.events == 0

    def table(self, name: str) -> PublishedTable:
        """The table called `name`."""
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)


class _Builder:
    def __init__(self, conn: Connection, start: dt.date, end: dt.date, k: int, period: str, sensitive: SensitiveNeeds):
        self.conn = conn
        self.start, self.end, self.k, self.period = start, end, k, period
        self.sensitive = sensitive
        self.labels = Labels.load(conn)
        self.protected: dict[str, tuple[Protected, list[tuple[Key, ...]]]] = {}

    def count(self, spec: TableSpec) -> Counted:
        by = (*spec.rows, spec.column)
        scope = Scope(
            self.start,
            self.end,
            exclude_sensitive=not spec.sensitive,
            sensitive=self.sensitive,
            only_sensitive=spec.sensitive,
        )
        counts = count_events(self.conn, scope, by, period=spec.period, labels=self.labels)
        columns = column_keys(spec.column, counts, scope, spec.period, self.labels)
        grid, row_keys = build_grid(counts, len(spec.rows), columns, spec.group_prefix)
        return Counted(spec, scope, grid, row_keys, columns)

    def crosstabs(self, specs: Sequence[TableSpec]) -> list[PublishedTable]:
        """Count and protect the crosstabs together: a count hidden in one is hidden in all,
        and no hidden count can be computed from all the shown ones (`bot.stats.linked`)."""
        counted = [self.count(spec) for spec in specs]
        meanings = {c.spec.name: {cell: c.meaning(cell) for cell in c.grid.cells()} for c in counted}
        towns = [(orp, code) for code, (_, orp) in self.labels.municipalities.items()]
        check = ExactCheck(counted, Combinations(self.start, self.end, self.period, counted, towns, self.sensitive))

        def partners(protected: dict[str, Protected]) -> list[tuple[str, Cell]]:
            chosen = [partner(protected, used) for _, _, used in check.computable(protected)]
            return [(table.spec.name, cell) for table, cell in chosen]

        protected = protect_linked({c.spec.name: c.grid for c in counted}, meanings, self.k, partners)
        tables = []
        for c in counted:
            spec = c.spec
            row_header = [h for d in spec.rows for h in header_of(d)]
            if "period" in spec.rows:
                row_header = [
                    h if h != "Období" else f"Období ({PERIOD_NAMES[spec.period or 'month']})" for h in row_header
                ]
            notes = [n for n in (sensitive_note(c.scope, self.sensitive),) if n]
            p = protected[spec.name]
            self.protected[spec.name] = (p, c.row_keys)
            tables.append(render(p, name=spec.name, title=spec.title, row_header=row_header, notes=notes))
        return tables

    def need_names(self) -> dict[tuple[str, str], str]:
        names: dict[tuple[str, str], str] = {}
        for term_id, name in self.conn.execute(
            select(CodelistTerm.id, CodelistTerm.name).where(CodelistTerm.codelist == DRUH)
        ):
            names[("druh", term_id)] = name
        for situation_id, name in self.conn.execute(select(LifeSituation.id, LifeSituation.name)):
            names[("situace", situation_id)] = name
        return names

    def demand_supply(self, source: str, *, by_orp: bool, supply: Supply) -> PublishedTable:
        """Demand per 1,000 inhabitants beside the services and capacity, per place and need."""
        protected, row_keys = self.protected[source]
        unmet = [j for j, o in enumerate(OUTCOMES) if o in UNMET]
        names = self.need_names()
        place_dims = 1 if by_orp else 2  # keys of the place in the source's rows
        rows: dict[tuple, list[object]] = {}
        places: dict[tuple, frozenset[int]] = {}
        for i, keys in enumerate(row_keys):
            place_keys, need = keys[:place_dims], keys[place_dims]
            need_key = need.value
            if not isinstance(need_key, tuple) or need_key == (None, None):  # (None, None): no need recognised
                continue
            if by_orp:
                orp = place_keys[0].value
                if not isinstance(orp, str):  # None: no ORP recorded
                    continue
                codes = supply.orp_codes(orp)
                population = supply.orp_population(orp)
                place_cells: list[object] = [orp]
            else:
                code = place_keys[1].value
                if not isinstance(code, int):  # None: no municipality recorded
                    continue
                codes = frozenset({code})
                population = supply.population.get(code)
                place_cells = [place_keys[0].label, code, place_keys[1].label]
            places[tuple(place_cells)] = codes
            demand = protected.values[Cell("r", i)]
            shown_demand = protected.shown(Cell("r", i))
            rate: object = "–"
            if population and not isinstance(shown_demand, str):
                rate = round(1000 * demand / population, 2)
            services = supply.services(need_key, codes)
            rows[(*place_cells, need.label)] = [
                *place_cells,
                population if population is not None else "",
                need.label,
                shown_demand,
                rate,
                partial_sum_shown(protected, i, unmet),
                len(services),
                _or_blank(supply.capacity_of(services)),
            ]
        for place, codes in places.items():
            for served in supply.needs_served_in(codes):
                if served in self.sensitive:
                    continue
                label = names.get(served, served[1])
                if (*place, label) in rows:
                    continue
                services = supply.services(served, codes)
                population = supply.orp_population(place[0]) if by_orp else supply.population.get(place[1])
                rows[(*place, label)] = [
                    *place,
                    population if population is not None else "",
                    label,
                    0,
                    0.0 if population else "–",
                    0,
                    len(services),
                    _or_blank(supply.capacity_of(services)),
                ]
        header = (["ORP"] if by_orp else ["ORP", "Kód obce", "Obec"]) + [
            "Obyvatel",
            "Potřeba",
            "Hledání",
            "Hledání na 1 000 obyvatel",
            "Nenalezeno",
            "Služeb v ORP" if by_orp else "Služeb v obci",
            "Kapacita služeb",
        ]
        width = len(header) - 7  # the place columns
        ordered = sorted(rows.values(), key=lambda r: (*(str(x).lower() for x in r[:width]), str(r[width + 1]).lower()))
        name = "poptavka-nabidka-orp" if by_orp else "poptavka-nabidka-obce"
        title = "Poptávka a nabídka po ORP a potřebách" if by_orp else "Poptávka a nabídka po obcích a potřebách"
        notes = [
            "Hledání a Nenalezeno jsou převzaty z tabulky " + source + " se stejným skrytím malých počtů.",
            (
                "Služba slouží místu, když v něm má zařízení nebo ho uvádí ve své působnosti; kapacita je "
                "registrovaná (nejvyšší), ne počet volných míst."
            ),
            "Nenalezeno = služba v katalogu chybí, není pro tuto skupinu, nebo v místě nepůsobí.",
        ]
        return PublishedTable(name, title, header, ordered, self.k, notes=notes)

    def terms(self) -> PublishedTable:
        scope = scope_for(self.start, self.end, (), None, self.sensitive)
        events = select(E.id).where(scope.where())
        n = func.sum(case((T.counted.is_(True), 1), else_=0)).label("n")
        query = select(T.term, T.understood, n).where(T.event_id.in_(events)).group_by(T.term, T.understood)
        kept: list[tuple[str, str, int]] = []
        withheld = 0
        for term, understood, count in self.conn.execute(query):
            if count >= self.k:
                kept.append((term, "ano" if understood else "ne", int(count)))
            else:
                withheld += 1
        kept.sort(key=lambda r: (-r[2], str(r[0])))
        notes = [
            (
                f"Uvádějí se jen slova, která použilo alespoň {self.k} různých lidí (každý se počítá "
                "jednou za den); "
                f"{withheld} dalších slov se neuvádí."
            ),
            (
                "Rozpoznaná slova jsou zkrácené tvary slov katalogu; nerozpoznaná slova prošla filtrem "
                "osobních údajů (jména, čísla, adresy)."
            ),
        ]
        if self.sensitive.keys:
            notes.append(sensitive_note(scope, self.sensitive))
        return PublishedTable(
            "slova", "Slova z hledání", ["Slovo", "Rozpoznáno", "Hledání"], [list(r) for r in kept], self.k, notes=notes
        )

    def feedback(self) -> PublishedTable:
        query = (
            select(F.service_id, F.reason, func.count())
            .where(and_(F.day >= self.start, F.day <= self.end))
            .group_by(F.service_id, F.reason)
        )
        counts: dict[int, dict[str, int]] = {}
        for service_id, reason, n in self.conn.execute(query):
            counts.setdefault(service_id, {})[reason] = int(n)
        names: dict[int, str] = {
            service_id: name
            for service_id, name in self.conn.execute(
                select(Service.id, Service.name).where(Service.id.in_(list(counts)))
            )
        }
        service_ids = sorted(counts, key=lambda s: (names.get(s, "").lower(), s))
        reasons = list(FEEDBACK_REASONS)
        grid = Grid(
            [(s, names.get(s, f"služba {s}")) for s in service_ids],
            [FEEDBACK_NAMES[r] for r in reasons],
            [[counts[s].get(r, 0) for r in reasons] for s in service_ids],
        )
        table, _ = publish(
            grid,
            self.k,
            name="zpetna-vazba",
            title="Hlášení „informace nejsou správně“ podle služeb a důvodů",
            row_header=["Kód služby", "Služba"],
        )
        return table


def _or_blank(value: int | None) -> object:
    return "" if value is None else value


def build_export(
    target: Engine | Connection,
    start: dt.date,
    end: dt.date,
    *,
    k: int,
    period: str = "month",
    sensitive: SensitiveNeeds | None = None,
    today: dt.date | None = None,
) -> StatsExport:
    """Count, protect and label every table of the period start..end (both days included),
    snapped to whole periods of the granularity that are over by `today` (`snap_period`)."""
    if k < 2:
        raise ValueError("k musí být alespoň 2")
    if start > end:
        raise ValueError("začátek období je až po jeho konci")
    if isinstance(target, Engine):
        with target.connect() as conn:
            return build_export(conn, start, end, k=k, period=period, sensitive=sensitive, today=today)
    conn = target
    requested = (start, end)
    start, end = snap_period(start, end, period, today or dt.date.today())
    sensitive = sensitive if sensitive is not None else load_sensitive_needs()
    builder = _Builder(conn, start, end, k, period, sensitive)
    tables = builder.crosstabs(table_specs(period))
    supply = Supply.load(conn)
    tables.append(builder.demand_supply("obce-potreby", by_orp=False, supply=supply))
    tables.append(builder.demand_supply("orp-potreby", by_orp=True, supply=supply))
    tables.append(builder.terms())
    tables.append(builder.feedback())
    tables.append(catalogue_changes(conn, start, end, k))
    tables.append(ended_in_period(conn, start, end, k))
    orp_table, _ = builder.protected["orp"]
    events = orp_table.values[Cell("t")] + builder.protected[SENSITIVE_TABLES[0]][0].values[Cell("t")]
    synthetic = (
        conn.execute(select(E.id).where(E.synthetic.is_(True)).limit(1)).first() is not None
        or conn.execute(select(F.id).where(F.synthetic.is_(True)).limit(1)).first() is not None
    )
    export = StatsExport(start, end, k, period, events, synthetic, requested=requested)
    shown = (orp_table.shown(Cell("t")), builder.protected[SENSITIVE_TABLES[0]][0].shown(Cell("t")))
    export.tables = [summary(export, shown, sensitive, tables), overview(tables, k), *tables]
    return export


def summary(
    export: StatsExport,
    shown_events: tuple[object, object],
    sensitive: SensitiveNeeds,
    tables: Sequence[PublishedTable],
) -> PublishedTable:
    """The first sheet: what the export is."""
    quarters = scope_for(export.start, export.end, (), None, sensitive).whole_quarters
    rows: list[list[object]] = [
        ["Období", f"{czech_date(export.start)} – {czech_date(export.end)}"],
        ["Členění období", PERIOD_NAMES[export.period]],
        ["Nejmenší zveřejněný počet (k)", export.k],
        ["Počet hledání", shown_events[0]],
        ["Počet hledání citlivých potřeb", shown_events[1]],
        [
            "Data",
            "SYNTETICKÁ – vytvořená příkazem stats simulate, jen pro ukázku a zkoušky; nejde o skutečnou poptávku"
            if export.synthetic
            else "skutečná anonymní hledání",
        ],
        ["Skryté údaje", LEGEND.format(k=export.k)],
        [
            "Citlivé potřeby",
            (", ".join(sensitive.labels) or "žádné")
            + ": uvádějí se jen v tabulkách "
            + " a ".join(SENSITIVE_TABLES)
            + ", po ORP a jen za celá čtvrtletí období; ostatní tabulky je nezahrnují"
            + (
                f" ({period_label(quarters[0], 'quarter')} – {period_label(quarters[1], 'quarter')})."
                if quarters
                else " (období žádné celé čtvrtletí neobsahuje, nejsou tedy uvedeny nikde)."
            ),
        ],
        [
            "Změny katalogu",
            "tabulky "
            + " a ".join(CATALOGUE_TABLES)
            + " popisují katalog služeb (co změnily importy, které služby skončily), ne lidi: "
            + "malé počty se v nich neskrývají a do počtů hledání se nezapočítávají",
        ],
        [
            "Co se neukládá",
            "žádné číslo ani jméno uživatele či chatu, žádný přesný čas, žádná poloha, žádný volný text",
        ],
        ["Vytvořeno", czech_date(dt.date.today())],
    ]
    if export.is_empty:
        rows.insert(4, ["Poznámka", "V období nejsou žádná hledání; tabulky jsou prázdné."])
    if export.requested and export.requested != (export.start, export.end):
        asked = f"{czech_date(export.requested[0])} – {czech_date(export.requested[1])}"
        rows.append(["Požadované období", f"{asked}; zveřejňují se jen celá období, která už skončila"])
    rows.append(["Jak se počítá", "opakované hledání téže potřeby týmž člověkem v týž den se počítá jednou"])
    return PublishedTable("souhrn", "O exportu", ["Údaj", "Hodnota"], rows, export.k)


def overview(tables: Sequence[PublishedTable], k: int) -> PublishedTable:
    """The second sheet: every table, how many cells it hid and why."""
    rows = [
        [
            t.name,
            t.title,
            max(len(t.rows) - (1 if t.rows and t.rows[-1][0] == "Celkem" else 0), 0),
            t.suppressed.get("primary", 0),
            t.suppressed.get("complementary", 0),
            " ".join(t.notes),
        ]
        for t in tables
    ]
    header = [
        "Tabulka",
        "Obsah",
        "Řádků",
        f"Skryto: počet menší než {k}",
        "Skryto doplňkově (dopočitatelné ze součtů)",
        "Poznámka",
    ]
    return PublishedTable("potlaceni", "Přehled tabulek a skrytých údajů", header, rows, k)
