"""Small register directories (rpss.json + ciselniky/) written from Python dicts, for tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.catalog.models import Municipality

PREROV, KOJETIN, HRANICE, AS = 511382, 514055, 513750, 554499
STATUTORY_NAME = "Bohumila Statutárová"

CODELISTS: dict[str, list[dict[str, Any]]] = {
    "druhy-socialni-sluzby": [
        {"id": "DruhSocialniSluzby/1", "nazev": {"cs": "odborné sociální poradenství"}},
        {"id": "DruhSocialniSluzby/4", "nazev": {"cs": "pečovatelská služba"}},
        {"id": "DruhSocialniSluzby/13", "nazev": {"cs": "domovy pro seniory"}},
    ],
    "formy-soc-sluzby": [
        {"id": "FormaSocialniSluzby/amb", "nazev": {"cs": "ambulantní"}},
        {"id": "FormaSocialniSluzby/ter", "nazev": {"cs": "terénní"}},
        {"id": "FormaSocialniSluzby/pob", "nazev": {"cs": "pobytová"}},
    ],
    "cilove-skupiny-osoby": [
        {"id": "CilovaSkupinaOsoby/24", "nazev": {"cs": "senioři"}},
        {"id": "CilovaSkupinaOsoby/26", "nazev": {"cs": "pečující osoby"}},
        {"id": "CilovaSkupinaOsoby/30", "nazev": {"cs": "osoby žijící s demencí"}},
    ],
    "vekove-skupiny-osoby": [
        {"id": "VekovaSkupinaOsoby/9", "nazev": {"cs": "mladší senioři (65–80 let)"}},
        {"id": "VekovaSkupinaOsoby/10", "nazev": {"cs": "starší senioři (nad 80 let)"}},
    ],
    "typy-kapacity-socialni-sluzby": [
        {"id": "TypKapacitySocialniSluzby/klient", "nazev": {"cs": "klienti"}},
        {"id": "TypKapacitySocialniSluzby/luzka", "nazev": {"cs": "lůžka"}},
    ],
    "kraje": [
        {"id": "Kraj/124", "nazev": {"cs": "Olomoucký kraj"}},
        {"id": "Kraj/51", "nazev": {"cs": "Karlovarský kraj"}},
    ],
    "okresy": [
        {"id": "Okres/3808", "nazev": {"cs": "Přerov"}},
        {"id": "Okres/3402", "nazev": {"cs": "Cheb"}},
    ],
    "obce": [
        {"id": f"Obec/{PREROV}", "nazev": {"cs": "Přerov"}},
        {"id": f"Obec/{KOJETIN}", "nazev": {"cs": "Kojetín"}},
        {"id": f"Obec/{HRANICE}", "nazev": {"cs": "Hranice"}},
        {"id": f"Obec/{AS}", "nazev": {"cs": "Aš"}},
    ],
    "casti-obci": [
        {"id": "CastObce/990101", "nazev": {"cs": "Přerov I-Město"}},
        {"id": "CastObce/405507", "nazev": {"cs": "Aš"}},
    ],
}


def address(
    municipality: int = PREROV,
    *,
    street: str | None = "Nemocniční",
    house: int | None = 2272,
    orientation: str | None = "54",
    point: int | None = 11867906,
    postcode: str = "75002",
    part: str | None = "CastObce/990101",
) -> dict[str, Any]:
    """An address in the register's shape."""
    kraj, okres = ("Kraj/51", "Okres/3402") if municipality == AS else ("Kraj/124", "Okres/3808")
    return {
        "cisloDomovni": house,
        "cisloOrientacni": orientation,
        "dodatekAdresy": None,
        "kodAdresnihoMista": point,
        "psc": postcode,
        "typCislaDomovniho": {"id": "TypStavebnihoObjektu/1"},
        "kraj": {"id": kraj},
        "okres": {"id": okres},
        "obec": {"id": f"Obec/{municipality}"},
        "castObce": {"id": part} if part else None,
        "mestskyObvodMestskaCast": None,
        "mestskyObvodVPraze": None,
        "ulice": {"nazev": street} if street else None,
    }


def provider(ico: Any = "03593207", name: str = "Charita Přerov") -> dict[str, Any]:
    """A provider with its own contacts and a statutory body (which must never be stored)."""
    first, last = STATUTORY_NAME.split()
    return {
        "ico": ico,
        "nazev": name,
        "dic": f"CZ{ico}",
        "adresa": address(street="Kratochvílova", house=2830, orientation="30", point=21710562, part=None),
        "emaily": [{"email": "info@charita.example.org", "poznamka": None}],
        "telefony": [{"telefon": "+420 581 000 111", "poznamka": "ústředna"}],
        "weby": [{"web": "www.charita.example.org", "poznamka": None}],
        "statutarniOrgany": [{"jmeno": first, "prijmeni": last, "funkce": "ředitelka"}],
    }


def item(identifier: str = "1234567", portal_id: int | None = 1001, **changes: Any) -> dict[str, Any]:
    """A complete register item (a pečovatelská služba in Přerov); keys in `changes` replace its own."""
    result: dict[str, Any] = {
        "portalId": portal_id,
        "id": 5000 + (portal_id or 0),
        "identifikator": identifier,
        "datumPoskytovaniOd": "2015-01-01",
        "datumPoskytovaniDo": None,
        "kontaktniAdresy": [{"adresa": address(street="Bratrská", house=34, orientation="2", point=2222)}],
        "druhSocialniSluzby": {"id": "DruhSocialniSluzby/4"},
        "zarizeni": [
            {
                "nazev": "Pečovatelská služba Charity Přerov",
                "poskytujeOd": "2015-01-01",
                "poskytujeDo": None,
                "adresa": address(),
            }
        ],
        "poskytovatel": provider(),
        "emaily": [{"email": "pecovatelska@charita.example.org", "poznamka": None}],
        "telefony": [{"telefon": "581 000 123, 604 000 111", "poznamka": None}],
        "weby": [{"web": "https://www.charita.example.org/pecovatelska", "poznamka": None}],
        "faxy": [],
        "ciloveSkupiny": [
            {"cilovaSkupina": {"id": "CilovaSkupinaOsoby/30"}},
            {"cilovaSkupina": {"id": "CilovaSkupinaOsoby/24"}},
        ],
        "vekoveSkupiny": [{"vekovaSkupina": {"id": "VekovaSkupinaOsoby/9"}}],
        "doplnujiciInformaceVekoveSkupiny": "od 60 let",
        "formy": [
            {
                "forma": {"id": "FormaSocialniSluzby/ter"},
                "nepretrzitePoskytovani": False,
                "casoveRozsahy": None,
                "kapacity": [
                    {
                        "pocet": 40,
                        "popis": "Maximální kapacita 40 klientů.",
                        "typ": {"id": "TypKapacitySocialniSluzby/klient"},
                    }
                ],
            }
        ],
        "rozsirenePusobnostiVKraji": None,
        "doplnkoveUdaje": {
            "realizacePoskytovani": [
                {"priloha": {"url": "https://www.mpsv.cz/agportal-server/rest/documents/dokument-1"}}
            ]
        },
    }
    result.update(copy.deepcopy(changes))
    return result


def write_register(
    directory: Path,
    items: list[dict[str, Any]] | None = None,
    *,
    codelists: dict[str, Any] | None = None,
    text: str | None = None,
) -> Path:
    """Write `directory/rpss.json` (from `items`, or `text` verbatim) and its codelists.

    A codelist given as a string is written verbatim.
    """
    folder = directory / "ciselniky"
    folder.mkdir(parents=True, exist_ok=True)
    for name, terms in (CODELISTS if codelists is None else codelists).items():
        content = terms if isinstance(terms, str) else json.dumps({"polozky": terms}, ensure_ascii=False)
        (folder / f"{name}.json").write_text(content, encoding="utf-8")
    if text is None:
        text = json.dumps({"polozky": items or []}, ensure_ascii=False, indent=1)
    (directory / "rpss.json").write_text(text, encoding="utf-8")
    return directory


def add_municipalities(sessions: sessionmaker[Session]) -> None:
    """Přerov and Kojetín in ORP Přerov, Hranice in ORP Hranice; Aš is not in the table."""
    with sessions() as session:
        session.add_all(
            [
                Municipality(code=PREROV, name="Přerov", orp="Přerov", population=41000),
                Municipality(code=KOJETIN, name="Kojetín", orp="Přerov", population=6000),
                Municipality(code=HRANICE, name="Hranice", orp="Hranice", population=18000),
            ]
        )
        session.commit()
