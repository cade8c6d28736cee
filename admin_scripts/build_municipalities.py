"""Build the national municipality table `catalog_data/obce-cr/obce.csv` from the ČSÚ facts.

Usage: python -m admin_scripts.build_municipalities [--source PATH] [--out PATH]

The facts file (by default `../shared/data/obce-orp.csv` beside the repository) lists every
municipality of the Czech Republic, 6,258 rows: 6,254 obce and the 4 military areas, with the
columns kod,nazev,orp_kod,orp,okres,kraj,obyvatel. It was extracted from the public repository
karasekadam/mapublika_server (HEAD d007bcd, 2022-10-08), whose data is ČSÚ open data: the
municipality structure of 2021–2022 (uzemi_ciselniky.csv: obec, ORP, okres, kraj) and the
2021 census (SLDB 2021, people by usual residence on 2021-03-26). The military areas have no
census count, so their population stays empty. See shared/data/SOURCES.md.

The script validates every row (a 6-digit code, a name, a 4-digit ORP code, the ORP, okres and
kraj names, a whole non-negative population or none), adds the Czech locative of each name
(bot.catalog.locative with the exceptions in `catalog_data/obce-cr/lokativ-vyjimky.csv`) and
writes the table sorted by code, UTF-8, comma separated. A broken row stops it with a one-line
message naming the line, and nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NoReturn

from bot import CATALOG_DATA, PROJECT_ROOT
from bot.catalog.locative import locative, parse_exceptions

DEFAULT_SOURCE = PROJECT_ROOT.parent / "shared" / "data" / "obce-orp.csv"
DEFAULT_OUT = CATALOG_DATA / "obce-cr" / "obce.csv"
EXCEPTIONS = CATALOG_DATA / "obce-cr" / "lokativ-vyjimky.csv"

FACT_COLUMNS = ("kod", "nazev", "orp_kod", "orp", "okres", "kraj", "obyvatel")
OUT_COLUMNS = (*FACT_COLUMNS, "lokativ")

_CODE = re.compile(r"\d{6}")
_ORP_CODE = re.compile(r"\d{4}")
_COUNT = re.compile(r"\d+")


class FactsError(Exception):
    """A facts file that cannot be used; the message is Czech and names the line."""


def _check_row(row: dict[str, str], where: str) -> None:
    """Raise FactsError when a row of the facts breaks a rule."""
    if not _CODE.fullmatch(row["kod"]):
        raise FactsError(f"{where}: kód obce „{row['kod']}“ není šestimístné číslo")
    for column, label in (("nazev", "název obce"), ("orp", "název ORP"), ("okres", "okres"), ("kraj", "kraj")):
        if not row[column] or row[column] != row[column].strip():
            raise FactsError(f"{where}: {label} chybí nebo má mezery na okraji („{row[column]}“)")
    if not _ORP_CODE.fullmatch(row["orp_kod"]):
        raise FactsError(f"{where}: kód ORP „{row['orp_kod']}“ není čtyřmístné číslo")
    if row["obyvatel"] and not _COUNT.fullmatch(row["obyvatel"]):
        raise FactsError(f"{where}: počet obyvatel „{row['obyvatel']}“ není celé nezáporné číslo")


def read_facts(path: Path) -> list[dict[str, str]]:
    """The validated rows of the facts file; FactsError on the first problem."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or tuple(header) != FACT_COLUMNS:
                raise FactsError(f"{path.name}, řádek 1: hlavička musí být {','.join(FACT_COLUMNS)}")
            rows: list[dict[str, str]] = []
            seen: dict[str, int] = {}
            for values in reader:
                line = reader.line_num
                where = f"{path.name}, řádek {line}"
                if not values:
                    continue
                if len(values) != len(FACT_COLUMNS):
                    raise FactsError(f"{where}: {len(values)} hodnot místo {len(FACT_COLUMNS)}")
                row = dict(zip(FACT_COLUMNS, values, strict=True))
                _check_row(row, where)
                if row["kod"] in seen:
                    raise FactsError(f"{where}: kód obce {row['kod']} už je na řádku {seen[row['kod']]}")
                seen[row["kod"]] = line
                rows.append(row)
    except FileNotFoundError:
        raise FactsError(f"soubor {path} neexistuje") from None
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise FactsError(f"soubor {path} nelze přečíst jako CSV v UTF-8: {error}") from None
    if not rows:
        raise FactsError(f"{path.name}: soubor neobsahuje žádnou obec")
    return rows


def build_table(facts: Iterable[dict[str, str]], exceptions: dict[str, str]) -> list[list[str]]:
    """The output rows, sorted by code, each with the locative of its name."""
    table = [[row[c] for c in FACT_COLUMNS] + [locative(row["nazev"], exceptions)] for row in facts]
    return sorted(table, key=lambda values: values[0])


def write_table(rows: Sequence[Sequence[str]], out: Path) -> None:
    """Write the table atomically: a partly written file never replaces the old one."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(OUT_COLUMNS)
            writer.writerows(rows)
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


class _Parser(argparse.ArgumentParser):
    """argparse with its own words in Czech."""

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "použití:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "použití:", 1)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Chyba: neplatné argumenty ({message})\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m admin_scripts.build_municipalities",
        description="Sestaví celostátní tabulku obcí (catalog_data/obce-cr/obce.csv) z faktů ČSÚ "
        "a doplní ke každé obci 6. pád jejího názvu.",
        add_help=False,
    )
    options = parser.add_argument_group("volby")
    options.add_argument("-h", "--help", action="help", help="vypíše tuto nápovědu a skončí")
    options.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        metavar="CESTA",
        help="CSV s fakty (kod,nazev,orp_kod,orp,okres,kraj,obyvatel); výchozí ../shared/data/obce-orp.csv",
    )
    options.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        metavar="CESTA",
        help="kam zapsat tabulku; výchozí catalog_data/obce-cr/obce.csv",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the build; 0 on success, 1 when the facts or the exceptions are unusable."""
    args = _parser().parse_args(argv)
    try:
        facts = read_facts(args.source)
        exceptions = parse_exceptions(EXCEPTIONS.read_text(encoding="utf-8"))
    except (FactsError, ValueError) as error:
        print(f"Chyba: {error}", file=sys.stderr)
        return 1
    table = build_table(facts, exceptions)
    try:
        write_table(table, args.out)
    except OSError as error:
        print(f"Chyba: tabulku nelze zapsat do {args.out}: {error}", file=sys.stderr)
        return 1
    print(f"Zapsáno {len(table)} obcí do {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
