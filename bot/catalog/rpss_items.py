"""One item of the register (`rpss.json`): its pydantic model and the messages of its errors.

The model is tolerant (extra keys ignored, null where a list was expected, ids with or
without `Codelist/`) and deliberately declares neither `poskytovatel.statutarniOrgany`
(personal names) nor `doplnkoveUdaje` (document links), so neither is ever kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from bot.catalog.codelists import canonical_id, split_id, text_value
from bot.catalog.importing import RowError

SOURCE = "rpss.json"

_CONFIG = ConfigDict(extra="ignore", coerce_numbers_to_str=True, str_strip_whitespace=True)


def _as_list(value: object) -> object:
    return [] if value is None else value


def _as_text(value: object) -> object:
    if value is None or isinstance(value, (dict, str, int, float)):
        return text_value(value)
    return value


def _as_date(value: object) -> object:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ValueError(f"'{value}' není datum; očekává se datum ve tvaru RRRR-MM-DD") from None
    return value


def _as_ico(value: object) -> object:
    if value is None:
        raise ValueError("chybí; očekává se IČO z 8 číslic")
    text = str(value).strip().replace(" ", "")
    if not text.isdigit() or len(text) > 8:
        raise ValueError(f"'{value}' není IČO; očekává se 8 číslic, např. 03593207")
    return text.zfill(8)


def _as_name(value: object) -> object:
    """A street given as `{"nazev": "Nemocniční"}` or as a plain string."""
    if isinstance(value, dict):
        return _as_text(value.get("nazev"))
    return _as_text(value)


def _unwrap(key: str) -> Callable[[object], object]:
    """`{"cilovaSkupina": {"id": ...}}`, `{"id": ...}` or a bare id string -> the inner ref."""

    def unwrap(value: object) -> object:
        if isinstance(value, dict) and "id" not in value:
            inner = value.get(key)
            if inner is None:
                inner = next((v for v in value.values() if isinstance(v, dict) and "id" in v), None)
            return value if inner is None else inner
        return value

    return unwrap


def _contact_values(key: str) -> Callable[[object], object]:
    """`[{"email": "...", "poznamka": null}]` (or plain strings) -> the values, blanks dropped."""

    def values(value: object) -> object:
        if value is None:
            return []
        if not isinstance(value, list):
            return value
        found = []
        for element in value:
            if isinstance(element, dict):
                element = element.get(key)
            if element is None or (isinstance(element, str) and not element.strip()):
                continue
            found.append(element)
        return found

    return values


# the kinds of territory an area reference may name, by its prefix or its key (lower case)
AREA_KINDS = {
    "obec": "Obec",
    "obce": "Obec",
    "orp": "Orp",
    "obecsrozsirenoupusobnosti": "Orp",
    "spravniobvodorp": "Orp",
    "okres": "Okres",
    "okresy": "Okres",
    "kraj": "Kraj",
    "kraje": "Kraj",
    "vusc": "Kraj",
}
# the most specific kind an entry names is its area ({"kraj": ..., "obce": [...]} -> the obce)
AREA_ORDER = ("Obec", "Orp", "Okres", "Kraj")
_REF_ID = re.compile(r"^(?:Codelist/)?([A-Za-z]+)/(\S+)$")


def _area_kind(name: object) -> str | None:
    if not isinstance(name, str):
        return None
    return AREA_KINDS.get(name.strip().casefold())


def _area_entry(element: object) -> dict[str, Any]:
    """One entry of `rozsirenePusobnostiVKraji`, whatever its shape, as {kind, ids, names, problem}."""
    found: dict[str, dict[str, str | None]] = {}
    unknown: list[str] = []
    stack: list[tuple[object, str | None]] = [(element, None)]
    while stack:  # iterative: a deep value cannot exhaust the call stack
        node, key = stack.pop()
        if isinstance(node, dict):
            ident = node.get("id", node.get("kod"))
            if isinstance(ident, (str, int)) and not isinstance(ident, bool):
                ref = area_ref(ident, key)
                if ref is None and isinstance(ident, str) and _REF_ID.match(ident.strip()):
                    unknown.append(split_id(canonical_id(ident))[0])
                elif ref is not None:
                    found.setdefault(ref[0], {}).setdefault(ref[1], text_value(node.get("nazev")))
            stack.extend((v, k) for k, v in reversed(node.items()) if k not in ("id", "kod"))
        elif isinstance(node, list):
            stack.extend((v, key) for v in reversed(node))
        elif isinstance(node, (str, int)) and not isinstance(node, bool):
            ref = area_ref(node, key)
            if ref is not None:
                found.setdefault(ref[0], {}).setdefault(ref[1], None)
            elif isinstance(node, str) and _REF_ID.match(node.strip()):
                unknown.append(split_id(canonical_id(node))[0])
    for kind in AREA_ORDER:
        if kind in found:
            refs = found[kind]
            return {"kind": kind, "ids": list(refs), "names": [n for n in refs.values() if n], "problem": None}
    if unknown:
        problem = f"neznámý druh území {', '.join(dict.fromkeys(unknown))}; očekává se obec, ORP, okres nebo kraj"
    else:
        problem = f"neznámý tvar {_shorten(element)}; očekává se odkaz na obec, ORP, okres nebo kraj"
    return {"kind": None, "ids": [], "names": [], "problem": problem}


def area_ref(value: str | int, key: str | None) -> tuple[str, str] | None:
    """(`Okres`, `Okres/CZ0714`) from `Okres/CZ0714`, or from a bare code under the key `okres`."""
    text = str(value).strip()
    match = _REF_ID.match(text)
    if match:
        kind = _area_kind(match.group(1))
        return None if kind is None else (kind, f"{kind}/{match.group(2)}")
    kind = _area_kind(key)
    if kind is not None and text and " " not in text and any(c.isdigit() for c in text):
        return kind, f"{kind}/{text}"
    return None


def _scan_area(value: object) -> list[dict[str, Any]]:
    """`rozsirenePusobnostiVKraji`: a list (or one value) of references of any documented kind."""
    if value is None:
        return []
    return [_area_entry(element) for element in (value if isinstance(value, list) else [value])]


def _as_items(value: object) -> object:
    """A list kept as it is; null -> []; a single value -> [value]."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _as_flag(value: object) -> object:
    return False if value is None else value


def _ref(value: object) -> object:
    return {"id": value} if isinstance(value, (str, int)) else value


Text = Annotated[str | None, BeforeValidator(_as_text)]
Date = Annotated[dt.date | None, BeforeValidator(_as_date)]


class AreaRef(BaseModel):
    """One entry of the extended area: the kind and ids it names, or why it was not understood."""

    model_config = _CONFIG
    kind: str | None
    ids: list[str]
    names: list[str]
    problem: str | None


class Ref(BaseModel):
    """A codelist reference, `{"id": "DruhSocialniSluzby/13"}`."""

    model_config = _CONFIG
    id: str = Field(min_length=1)


RefValue = Annotated[Ref, BeforeValidator(_ref)]


# references nested under a key (`{"cilovaSkupina": {"id": ...}}`) and lists of contacts
TargetGroupRef = Annotated[Ref, BeforeValidator(_ref), BeforeValidator(_unwrap("cilovaSkupina"))]
AgeGroupRef = Annotated[Ref, BeforeValidator(_ref), BeforeValidator(_unwrap("vekovaSkupina"))]
Emails = Annotated[list[str], BeforeValidator(_contact_values("email"))]
Phones = Annotated[list[str], BeforeValidator(_contact_values("telefon"))]
Webs = Annotated[list[str], BeforeValidator(_contact_values("web"))]


class Address(BaseModel):
    """An address: numbers and codes inline, names (but the street's) in the codelists."""

    model_config = _CONFIG
    cisloDomovni: str | None = Field(default=None, max_length=15)
    cisloOrientacni: str | None = Field(default=None, max_length=15)
    kodAdresnihoMista: int | None = None
    psc: Annotated[str | None, BeforeValidator(lambda v: None if v is None else str(v).replace(" ", "") or None)] = (
        Field(default=None, max_length=10)
    )
    kraj: RefValue | None = None
    okres: RefValue | None = None
    obec: RefValue | None = None
    castObce: RefValue | None = None
    ulice: Annotated[str | None, BeforeValidator(_as_name)] = Field(default=None, max_length=200)


class ProviderItem(BaseModel):
    """`poskytovatel`: never reads `statutarniOrgany`."""

    model_config = _CONFIG
    ico: Annotated[str, BeforeValidator(_as_ico)]
    nazev: Annotated[str, BeforeValidator(_as_text)] = Field(min_length=1)
    adresa: Address | None = None
    emaily: Emails = []
    telefony: Phones = []
    weby: Webs = []


class FacilityItem(BaseModel):
    """One `zarizeni`: a place where the service is provided."""

    model_config = _CONFIG
    nazev: Text = None
    poskytujeOd: Date = None
    poskytujeDo: Date = None
    adresa: Address | None = None
    utajenaAdresa: Annotated[bool, BeforeValidator(_as_flag)] = False  # e.g. a shelter for victims of violence


class ContactAddressItem(BaseModel):
    """One `kontaktniAdresy` entry."""

    model_config = _CONFIG
    adresa: Address | None = None


class CapacityItem(BaseModel):
    """A registered maximum capacity of one form."""

    model_config = _CONFIG
    pocet: int | None = None
    popis: Text = None
    typ: RefValue | None = None


class FormItem(BaseModel):
    """One `formy` entry: the form, whether it runs non-stop, its hours, its capacities."""

    model_config = _CONFIG
    forma: RefValue
    nepretrzitePoskytovani: Annotated[bool, BeforeValidator(_as_flag)] = False
    casoveRozsahy: Annotated[list[Any], BeforeValidator(_as_items)] = []  # opening hours, shape not documented
    kapacity: Annotated[list[CapacityItem], BeforeValidator(_as_list)] = []


class RpssItem(BaseModel):
    """One registered service: the fields the catalogue keeps, nothing else."""

    model_config = _CONFIG
    portalId: int | None = None
    identifikator: Annotated[str, BeforeValidator(_as_text)] = Field(min_length=1, max_length=40)
    nazev: Text = None
    datumPoskytovaniOd: Date = None
    datumPoskytovaniDo: Date = None
    druhSocialniSluzby: RefValue
    formy: Annotated[list[FormItem], BeforeValidator(_as_list)] = []
    ciloveSkupiny: Annotated[list[TargetGroupRef], BeforeValidator(_as_list)] = []
    vekoveSkupiny: Annotated[list[AgeGroupRef], BeforeValidator(_as_list)] = []
    doplnujiciInformaceVekoveSkupiny: Text = None
    emaily: Emails = []
    telefony: Phones = []
    weby: Webs = []
    poskytovatel: ProviderItem
    zarizeni: Annotated[list[FacilityItem], BeforeValidator(_as_list)] = []
    kontaktniAdresy: Annotated[list[ContactAddressItem], BeforeValidator(_as_list)] = []
    rozsirenePusobnostiVKraji: Annotated[list[AreaRef], BeforeValidator(_scan_area)] = []


# --- messages --------------------------------------------------------------------------

_EXPECTED = {
    "identifikator": "registrační číslo služby",
    "druhSocialniSluzby": '{"id": "DruhSocialniSluzby/<číslo>"}',
    "druhSocialniSluzby.id": "id z číselníku druhy-socialni-sluzby.json",
    "poskytovatel": "objekt poskytovatele s ico a nazev",
    "poskytovatel.nazev": "název poskytovatele",
    "formy[].forma": '{"id": "FormaSocialniSluzby/amb|ter|pob"}',
    "ciloveSkupiny[].id": "id z číselníku cilove-skupiny-osoby.json",
    "vekoveSkupiny[].id": "id z číselníku vekove-skupiny-osoby.json",
    "portalId": "celé číslo (id registrace na portálu MPSV)",
}
_TYPES = {
    "int_parsing": "celé číslo",
    "int_type": "celé číslo",
    "int_from_float": "celé číslo",
    "string_type": "text",
    "bool_parsing": "true nebo false",
    "bool_type": "true nebo false",
    "list_type": "seznam",
    "model_type": "objekt",
    "dict_type": "objekt",
    "model_attributes_type": "objekt",
    "date_type": "datum ve tvaru RRRR-MM-DD",
}


def field_path(loc: tuple[int | str, ...], *, generic: bool = False) -> str:
    """`("formy", 0, "forma")` -> `formy[1].forma` (or `formy[].forma` when generic)."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += "[]" if generic else f"[{part + 1}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _shorten(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _describe(error: Any) -> str:
    kind = error["type"]
    expected = _EXPECTED.get(field_path(error["loc"], generic=True))
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "missing" or error.get("input") is None:
        return f"chybí; očekává se {expected or 'vyplněná hodnota'}"
    if kind == "string_too_short":
        return f"je prázdné; očekává se {expected or 'vyplněná hodnota'}"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"je delší než {limit} znaků; očekává se kratší text"
    expectation = expected or _TYPES.get(kind, "hodnota podle rpss.schema.json")
    return f"neplatná hodnota {_shorten(error.get('input'))}; očekává se {expectation}"


def item_location(index: int, identifier: object | None) -> str:
    """`položka 17 (identifikátor 1234567)` — the item's position counts from 1."""
    if identifier is None or (isinstance(identifier, str) and not identifier.strip()):
        return f"položka {index}"
    return f"položka {index} (identifikátor {str(identifier).strip()})"


def raw_identifier(raw: object) -> str | None:
    """The `identifikator` of a raw item, when it has one."""
    if isinstance(raw, dict) and raw.get("identifikator") is not None:
        return str(raw["identifikator"]).strip() or None
    return None


def validate_item(index: int, raw: object) -> tuple[RpssItem | None, list[RowError]]:
    """The item's model, or the errors that say why it is not valid."""
    try:
        return RpssItem.model_validate(raw), []
    except ValidationError as error:
        location = item_location(index, raw_identifier(raw))
        if not isinstance(raw, dict):
            return None, [RowError(SOURCE, location, None, "není objekt; očekává se objekt služby")]
        return None, [RowError(SOURCE, location, field_path(e["loc"]) or None, _describe(e)) for e in error.errors()]
