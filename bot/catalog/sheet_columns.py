"""The columns of the coordinator's catalogue spreadsheet: one definition for the importer,
the template's instructions sheet and the documentation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Which rows a column belongs to
BOTH = "obě"
REGISTERED = "registrovaná"
RELATED = "návazná"


@dataclass(frozen=True)
class Column:
    """One column of the spreadsheet, described in Czech for the coordinator."""

    name: str
    title: str
    applies: str
    required: str
    meaning: str
    format: str
    example: str
    width: int = 18
    aliases: tuple[str, ...] = ()
    wrap: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(
        "identifikator",
        "Identifikátor v registru",
        REGISTERED,
        "vyplňte buď identifikator, nebo klic",
        "Identifikátor registrované sociální služby z registru poskytovatelů (MPSV). Řádek "
        "doplňuje údaje služby, která už je v databázi z importu registru.",
        "číslo z registru, jako text",
        "6333634",
        width=14,
        aliases=("identifikator_sluzby", "registracni_cislo"),
    ),
    Column(
        "klic",
        "Vlastní klíč",
        RELATED,
        "vyplňte buď identifikator, nebo klic",
        "Vlastní klíč návazné služby, která v registru není (potravinová banka, úřad, linka "
        "pomoci …). Jednou přidělený klíč už neměňte: podle něj import službu pozná.",
        "písmena, číslice, pomlčka; nejvýš 60 znaků",
        "N-001",
        width=10,
    ),
    Column(
        "nazev",
        "Název služby",
        BOTH,
        "povinný u návazné služby",
        "Název služby. U registrované služby slouží jen pro orientaci v tabulce, platí název z registru.",
        "text",
        "Potravinová výdejna Přerov",
        width=32,
    ),
    Column(
        "poskytovatel",
        "Poskytovatel",
        BOTH,
        "nepovinný",
        "Organizace, která službu poskytuje. U registrované služby jen pro orientaci.",
        "text",
        "Spolek Dobrá vůle Přerov",
        width=28,
    ),
    Column(
        "ico",
        "IČO",
        BOTH,
        "nepovinný",
        "IČO poskytovatele. Návazná služba se podle něj přiřadí ke stejnému poskytovateli jako "
        "jeho registrované služby. U registrované služby se porovná s registrem.",
        "8 číslic (kratší se doplní nulami zleva)",
        "01234567",
        width=11,
    ),
    Column(
        "kategorie",
        "Kategorie",
        RELATED,
        "povinný u návazné služby",
        "Druh návazné služby (místo druhu sociální služby podle zákona). Použijte některou "
        "z doporučených kategorií na listu Číselníky, nebo vlastní krátké pojmenování.",
        "text",
        "potravinová pomoc",
        width=24,
    ),
    Column(
        "cilove_skupiny",
        "Cílové skupiny",
        RELATED,
        "nepovinný",
        "Pro koho návazná služba je. Registrované služby mají cílové skupiny z registru.",
        "názvy z číselníku cílových skupin oddělené středníkem",
        "senioři; pečující osoby",
        width=28,
        wrap=True,
    ),
    Column(
        "popis",
        "Popis",
        BOTH,
        "nepovinný",
        "Co služba dělá, srozumitelně a krátce, tak aby tomu rozuměl i senior.",
        "text, nejlépe 1–3 věty",
        "Pomůžeme s jídlem, když nemáte na nákup.",
        width=50,
        wrap=True,
    ),
    Column(
        "jak_ziskat_pomoc",
        "Jak získat pomoc",
        BOTH,
        "nepovinný",
        "Co má člověk udělat: komu zavolat, co říct, co si vzít s sebou.",
        "text",
        "Zavolejte a domluvte si schůzku.",
        width=45,
        wrap=True,
    ),
    Column(
        "obce_pusobnosti",
        "Obce působnosti",
        BOTH,
        "nepovinný",
        "Obce, kam služba opravdu dojíždí nebo které obsluhuje (hlavně u terénních služeb). "
        "„ORP Přerov“ znamená všechny obce ORP Přerov.",
        "názvy obcí oddělené středníkem nebo čárkou; „ORP název“ pro celé ORP",
        "Přerov; Troubky; Tovačov",
        width=30,
        aliases=("obce", "pusobnost"),
        wrap=True,
    ),
    Column(
        "provozni_doba",
        "Provozní doba",
        BOTH,
        "nepovinný",
        "Kdy je služba k zastižení.",
        "text",
        "po–pá 8:00–15:00",
        width=24,
        wrap=True,
    ),
    Column(
        "cena",
        "Cena",
        BOTH,
        "nepovinný",
        "Kolik služba stojí.",
        "text",
        "zdarma",
        width=20,
        wrap=True,
    ),
    Column(
        "jazyky",
        "Jazyky",
        BOTH,
        "nepovinný",
        "Jazyky, ve kterých se klient domluví.",
        "názvy nebo kódy oddělené čárkou nebo středníkem (seznam v catalog_data/jazyky.csv)",
        "čeština, ukrajinština",
        width=22,
    ),
    Column(
        "bezbarierovost",
        "Bezbariérovost",
        BOTH,
        "nepovinný",
        "Přístupnost pro vozíčkáře a lidi s omezenou pohyblivostí.",
        "text",
        "bezbariérový vstup, výtah",
        width=24,
        wrap=True,
    ),
    Column(
        "zivotni_situace",
        "Životní situace",
        BOTH,
        "nepovinný",
        "Životní situace, ve kterých služba pomáhá; podle nich bot službu nabízí.",
        "názvy nebo id ze seznamu životních situací oddělené středníkem",
        "Dluhy; Nedostatek peněz a jídla",
        width=30,
        aliases=("situace",),
        wrap=True,
    ),
    Column(
        "telefon",
        "Telefon",
        RELATED,
        "u návazné služby aspoň jeden kontakt",
        "Telefon na službu. U registrované služby se kontakty berou z registru.",
        "čísla oddělená čárkou",
        "058 100 321",
        width=16,
    ),
    Column(
        "email",
        "E-mail",
        RELATED,
        "u návazné služby aspoň jeden kontakt",
        "E-mail na službu.",
        "adresy oddělené čárkou",
        "poradna@spolek.example",
        width=26,
        aliases=("e_mail",),
    ),
    Column(
        "web",
        "Web",
        RELATED,
        "u návazné služby aspoň jeden kontakt",
        "Webová stránka služby.",
        "adresa, https:// se doplní",
        "www.spolek.example",
        width=26,
    ),
    Column(
        "ulice",
        "Ulice",
        RELATED,
        "nepovinný",
        "Ulice místa, kde se služba poskytuje.",
        "text",
        "Bratrská",
        width=20,
    ),
    Column(
        "cislo",
        "Číslo domu",
        RELATED,
        "nepovinný",
        "Číslo popisné nebo popisné/orientační.",
        "text",
        "709/34",
        width=10,
        aliases=("cislo_domu", "cislo_popisne"),
    ),
    Column(
        "obec",
        "Obec",
        RELATED,
        "povinný, když je vyplněná adresa",
        "Obec místa, kde se služba poskytuje; musí být v tabulce obcí. Část obce lze připojit za pomlčku.",
        "název obce, případně „obec – část obce“",
        "Přerov – Předmostí",
        width=20,
    ),
    Column(
        "psc",
        "PSČ",
        RELATED,
        "nepovinný",
        "Poštovní směrovací číslo.",
        "5 číslic",
        "750 02",
        width=8,
    ),
    Column(
        "overeno",
        "Ověřeno",
        BOTH,
        "nepovinný",
        "Kdy naposledy koordinátor údaje ověřil u poskytovatele.",
        "datum: 14. 10. 2026, 14.10.2026 nebo 2026-10-14",
        "14. 10. 2026",
        width=12,
        aliases=("overeno_dne", "datum_overeni"),
    ),
)

COLUMN_NAMES = tuple(c.name for c in COLUMNS)
BY_NAME = {c.name: c for c in COLUMNS}
# Columns a registered service takes from the register; they must stay empty on its row.
REGISTER_ONLY = tuple(c.name for c in COLUMNS if c.applies == RELATED and c.name != "klic")
# Columns a coordinator may add for their own notes; the importer ignores them.
NOTE_PREFIX = "poznamka"

# Suggested categories of related services (the template offers them in a list).
SUGGESTED_CATEGORIES = (
    "dluhové poradenství",
    "právní a občanské poradenství",
    "potravinová pomoc",
    "materiální pomoc",
    "domácí zdravotní péče",
    "hospicová a paliativní péče",
    "půjčovna kompenzačních pomůcek",
    "svépomocná skupina",
    "linka pomoci",
    "úřad",
    "dobrovolnické centrum",
    "volný čas a aktivizace",
    "dovoz obědů",
    "doprava",
    "bydlení",
)

_SPACES = re.compile(r"[\s_\-–.]+")


def fold(text: str) -> str:
    """Lower case without diacritics and with single spaces: the key for tolerant matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("–", "-").replace("—", "-").split())


def header_key(text: str) -> str:
    """A header cell as a column name: `Obce působnosti` -> `obce_pusobnosti`."""
    return _SPACES.sub("_", fold(text)).strip("_")


_ALIASES = {alias: c.name for c in COLUMNS for alias in (c.name, *c.aliases)}


def column_for_header(text: str) -> str | None:
    """The column a header cell names, or None when it is not one of the template's."""
    return _ALIASES.get(header_key(text))


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def columns_markdown() -> str:
    """The column table of catalog_data/README.md, from the same definitions."""
    lines = [
        "| sloupec | pro službu | povinný | význam | formát | příklad |",
        "|---|---|---|---|---|---|",
    ]
    for c in COLUMNS:
        lines.append(f"| `{c.name}` | {c.applies} | {c.required} | {c.meaning} | {c.format} | `{c.example}` |")
    return "\n".join(lines)
