"""One row of the coordinator's spreadsheet, validated cell by cell with Czech messages."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from openpyxl.utils.datetime import from_excel
from pydantic import BaseModel, ValidationInfo, field_validator

from bot.catalog.contacts import ContactError, normalise_email, normalise_web, split_phones
from bot.catalog.sheet_columns import REGISTER_ONLY

_KEY = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_./-]{0,59}$")
_REGISTRY_ID = re.compile(r"^[0-9A-Za-z/-]{1,40}$")
_LIST = re.compile(r"\s*[;\n]\s*")
_LIST_OR_COMMA = re.compile(r"\s*[;,\n]\s*")
_EMAILS = re.compile(r"[\s;,]+")
_DATE_DMY = re.compile(r"^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def cell_text(value: Any) -> str | None:
    """A cell as text: numbers without a trailing `.0`; a date in a text column is an error."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("očekává se text, ne logická hodnota")
    if isinstance(value, dt.date | dt.time):
        raise ValueError(
            "buňka obsahuje datum nebo čas, Excel hodnotu převedl; nastavte buňce formát Text a zapište hodnotu znovu"
        )
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def normal_key(text: str) -> str:
    """A related service's own key in capitals (`n-001` and `N-001` are one key)."""
    if not _KEY.match(text):
        raise ValueError(
            f"'{text}' není platný klíč; očekávají se písmena bez diakritiky, číslice "
            "a pomlčky, nejvýš 60 znaků, např. N-001"
        )
    return text.upper()


def split_list(value: str | None, *, comma: bool) -> list[str]:
    """The items of a list cell, in order, without blanks and repeats."""
    if value is None:
        return []
    pattern = _LIST_OR_COMMA if comma else _LIST
    items: list[str] = []
    for item in pattern.split(value):
        item = " ".join(item.split())
        if item and item not in items:
            items.append(item)
    return items


def parse_date(value: Any) -> dt.date | None:
    """A date from a real spreadsheet date or text: 14. 10. 2026, 14.10.2026 or 2026-10-14."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 30000 < value < 80000:
        # a date cell formatted as a number: Excel's serial day count
        return from_excel(value).date()
    text = str(value).strip()
    iso = _DATE_ISO.match(text)
    dmy = _DATE_DMY.match(text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dmy:
            return dt.date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
    except ValueError:
        raise ValueError(f"'{text}' není platné datum") from None
    raise ValueError(f"'{text}' není datum; očekává se např. 14. 10. 2026 nebo 2026-10-14")


def valid_ico(text: str) -> str:
    """An IČO as 8 digits (shorter numbers, e.g. from a number cell, get leading zeros)."""
    digits = text.replace(" ", "").replace("\u00a0", "")
    if not digits.isdigit() or len(digits) > 8:
        raise ValueError(f"'{text}' není IČO; očekává se 8 číslic, např. 01234567")
    return digits.zfill(8)


class CatalogRow(BaseModel):
    """One row of the catalogue spreadsheet, after each cell is checked and normalised.

    Names of municipalities, life situations, target groups and languages are kept as
    written here; they are resolved against the database by the importer.
    """

    identifikator: str | None = None
    klic: str | None = None
    nazev: str | None = None
    poskytovatel: str | None = None
    ico: str | None = None
    kategorie: str | None = None
    cilove_skupiny: list[str] = []
    popis: str | None = None
    jak_ziskat_pomoc: str | None = None
    obce_pusobnosti: list[str] = []
    provozni_doba: str | None = None
    cena: str | None = None
    jazyky: list[str] = []
    bezbarierovost: str | None = None
    zivotni_situace: list[str] = []
    telefon: list[str] = []
    email: list[str] = []
    web: list[str] = []
    ulice: str | None = None
    cislo: str | None = None
    obec: str | None = None
    psc: str | None = None
    overeno: dt.date | None = None

    @field_validator(
        "nazev",
        "poskytovatel",
        "kategorie",
        "popis",
        "jak_ziskat_pomoc",
        "provozni_doba",
        "cena",
        "bezbarierovost",
        "ulice",
        "obec",
        mode="before",
    )
    @classmethod
    def _text(cls, value: Any) -> str | None:
        return cell_text(value)

    @field_validator("identifikator", mode="before")
    @classmethod
    def _registry_id(cls, value: Any) -> str | None:
        text = cell_text(value)
        if text is not None and not _REGISTRY_ID.match(text):
            raise ValueError(f"'{text}' není identifikátor z registru; očekává se např. 6437284")
        return text

    @field_validator("klic", mode="before")
    @classmethod
    def _key(cls, value: Any) -> str | None:
        text = cell_text(value)
        return None if text is None else normal_key(text)

    @field_validator("ico", mode="before")
    @classmethod
    def _ico(cls, value: Any) -> str | None:
        text = cell_text(value)
        return None if text is None else valid_ico(text)

    @field_validator("cilove_skupiny", "zivotni_situace", mode="before")
    @classmethod
    def _semicolon_list(cls, value: Any) -> list[str]:
        return split_list(cell_text(value), comma=False)

    @field_validator("obce_pusobnosti", "jazyky", mode="before")
    @classmethod
    def _list(cls, value: Any) -> list[str]:
        return split_list(cell_text(value), comma=True)

    @field_validator("telefon", mode="before")
    @classmethod
    def _phones(cls, value: Any) -> list[str]:
        text = cell_text(value)
        if text is None:
            return []
        try:
            return list(dict.fromkeys(split_phones(text)))
        except ContactError as error:
            raise ValueError(str(error)) from None

    @field_validator("email", mode="before")
    @classmethod
    def _emails(cls, value: Any) -> list[str]:
        items = [i for i in _EMAILS.split(cell_text(value) or "") if i]
        try:
            return list(dict.fromkeys(normalise_email(i) for i in items))
        except ContactError as error:
            raise ValueError(str(error)) from None

    @field_validator("web", mode="before")
    @classmethod
    def _webs(cls, value: Any) -> list[str]:
        items = [i for i in _EMAILS.split(cell_text(value) or "") if i]
        try:
            return list(dict.fromkeys(normalise_web(i) for i in items))
        except ContactError as error:
            raise ValueError(str(error)) from None

    @field_validator("cislo", mode="before")
    @classmethod
    def _house_number(cls, value: Any) -> str | None:
        text = cell_text(value)
        if text is not None and len(text) > 40:
            raise ValueError("číslo domu je delší než 40 znaků")
        return text

    @field_validator("psc", mode="before")
    @classmethod
    def _postcode(cls, value: Any) -> str | None:
        text = cell_text(value)
        if text is None:
            return None
        digits = text.replace(" ", "").replace("\u00a0", "")
        if not re.fullmatch(r"[1-7]\d{4}", digits):
            raise ValueError(f"'{text}' není PSČ; očekává se 5 číslic, např. 750 02")
        return digits

    @field_validator("overeno", mode="before")
    @classmethod
    def _checked(cls, value: Any, info: ValidationInfo) -> dt.date | None:
        day = parse_date(value)
        today = (info.context or {}).get("today")
        if day is not None and today is not None and day > today:
            raise ValueError(f"datum {day:%d. %m. %Y} je v budoucnosti")
        return day

    @property
    def registered(self) -> bool:
        """True for a row that enriches a registered service."""
        return self.identifikator is not None

    @property
    def key(self) -> str:
        """The row's identifikator or klic."""
        return self.identifikator or self.klic or ""

    @property
    def has_address(self) -> bool:
        return any((self.ulice, self.cislo, self.psc, self.obec))


def row_problems(row: CatalogRow) -> list[tuple[str | None, str]]:
    """What makes a well-formed row unusable: (column, message) pairs."""
    problems: list[tuple[str | None, str]] = []
    if row.identifikator and row.klic:
        problems.append(("klic", "vyplňte jen jedno: identifikator u registrované služby, klic u návazné služby"))
    elif not row.identifikator and not row.klic:
        problems.append(("identifikator", "chybí identifikator (registrovaná služba) nebo klic (návazná služba)"))
    if row.registered:
        filled = [name for name in REGISTER_ONLY if getattr(row, name) not in (None, [])]
        for name in filled:
            problems.append((name, "u registrované služby se nevyplňuje, údaj se bere z registru"))
        return problems
    if not row.nazev:
        problems.append(("nazev", "chybí název návazné služby"))
    if not row.kategorie:
        problems.append(("kategorie", "chybí kategorie návazné služby, např. potravinová pomoc"))
    if not (row.telefon or row.email or row.web or row.obec):
        problems.append(("telefon", "návazná služba potřebuje aspoň jeden kontakt: telefon, e-mail, web nebo adresu"))
    if row.has_address and not row.obec:
        problems.append(("obec", "adresa bez obce; doplňte obec"))
    return problems
