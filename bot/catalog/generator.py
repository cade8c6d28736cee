"""A synthetic register directory (rpss.json + ciselniky/) of any size, for trials and benchmarks.

The services look like the real register's: kinds weighted as in reality, providers with
several services, one to three facilities (some duplicated, some ended), contacts on the
service and on the provider, about 3 % ended services, and `doplnkoveUdaje` document lists
that make the file as heavy as the real one (7,000 services -> over 100 MB). Phone numbers
start with 0 and web and e-mail domains end in `.example.org`, so none of them is real.
The file is written item by item; memory does not grow with its size.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot import CATALOG_DATA
from bot.catalog.codelists import CODELIST_FILES, canonical_id, text_value

DEFAULT_CODELISTS = CATALOG_DATA / "ciselniky"

# approximate numbers of registered services of each kind (the real register's proportions)
KIND_WEIGHTS = {
    "odborné sociální poradenství": 560,
    "osobní asistence": 230,
    "pečovatelská služba": 700,
    "tísňová péče": 30,
    "průvodcovské a předčitatelské služby": 20,
    "podpora samostatného bydlení": 90,
    "odlehčovací služby": 330,
    "centra denních služeb": 70,
    "denní stacionáře": 250,
    "týdenní stacionáře": 60,
    "domovy pro osoby se zdravotním postižením": 200,
    "domovy pro seniory": 520,
    "domovy se zvláštním režimem": 380,
    "chráněné bydlení": 200,
    "sociální služby poskytované ve zdravotnických zařízeních lůžkové péče": 110,
    "raná péče": 50,
    "telefonická krizová pomoc": 40,
    "tlumočnické služby": 25,
    "azylové domy": 200,
    "domy na půl cesty": 30,
    "kontaktní centra": 60,
    "krizová pomoc": 60,
    "nízkoprahová denní centra": 60,
    "nízkoprahová zařízení pro děti a mládež": 240,
    "noclehárny": 70,
    "služby následné péče": 45,
    "sociálně aktivizační služby pro rodiny s dětmi": 300,
    "sociálně aktivizační služby pro seniory a osoby se zdravotním postižením": 200,
    "sociálně terapeutické dílny": 160,
    "terapeutické komunity": 20,
    "terénní programy": 200,
    "sociální rehabilitace": 400,
    "intervenční centra": 15,
}
OTHER_KIND_WEIGHT = 10

RESIDENTIAL = {
    "domovy pro seniory",
    "domovy se zvláštním režimem",
    "domovy pro osoby se zdravotním postižením",
    "chráněné bydlení",
    "týdenní stacionáře",
    "azylové domy",
    "domy na půl cesty",
    "terapeutické komunity",
    "sociální služby poskytované ve zdravotnických zařízeních lůžkové péče",
}
FIELD = {
    "pečovatelská služba",
    "osobní asistence",
    "tísňová péče",
    "terénní programy",
    "podpora samostatného bydlení",
    "telefonická krizová pomoc",
}
FOR_SENIORS = {
    "domovy pro seniory",
    "domovy se zvláštním režimem",
    "pečovatelská služba",
    "tísňová péče",
    "odlehčovací služby",
    "centra denních služeb",
    "denní stacionáře",
    "sociálně aktivizační služby pro seniory a osoby se zdravotním postižením",
}
SENIOR_GROUPS = (
    "senioři",
    "osoby s chronickým onemocněním",
    "osoby se zdravotním postižením",
    "osoby žijící s demencí",
    "pečující osoby",
    "osoby s tělesným postižením",
)
STREETS = (
    "Nádražní",
    "Palackého",
    "Husova",
    "Komenského",
    "Masarykova",
    "Tyršova",
    "Školní",
    "Zahradní",
    "Nemocniční",
    "Sokolská",
    "Dvořákova",
    "Smetanova",
    "Jiráskova",
    "Lipová",
    "Polní",
    "Krátká",
    "Na Hrázi",
    "U Rybníka",
    "Čechova",
    "Kojetínská",
    "Bratrská",
)
WORDS = (
    "Naděje",
    "Krok",
    "Úsměv",
    "Most",
    "Slunce",
    "Duha",
    "Pohoda",
    "Jitřenka",
    "Podané ruce",
    "Vlídný domov",
    "Klíček",
    "Maják",
    "Soužití",
    "Rovnováha",
    "Zahrada",
)
PROVIDER_TEMPLATES = (
    "Charita {town}",
    "Sociální služby města {town}",
    "Domov pro seniory {town}, příspěvková organizace",
    "Centrum sociálních služeb {town}, o.p.s.",
    "Spolek {word} {town}",
    "{word}, z.ú.",
    "Diakonie ČCE – středisko {town}",
    "Město {town}",
    "{word} {town}, o.p.s.",
)
DOCUMENT_KINDS = (
    ("realizacePoskytovani", "Popis realizace poskytování sociální služby", 5, 16),
    ("planyFinancnihoZajisteni", "Plán finančního zajištění sociální služby", 4, 16),
    ("personalniZajisteni", "Personální zajištění sociální služby", 4, 14),
    ("rozhodnutiORegistraci", "Rozhodnutí o registraci", 1, 4),
)
NOTES = (
    None,
    None,
    "Aktualizace dokumentu k 1. 1.",
    "Doplněno na výzvu krajského úřadu",
    "Změna v souvislosti s navýšením kapacity",
    "Dokument nahrazuje předchozí verzi",
)


class SampleCodelists:
    """What the generator needs from a codelist directory."""

    def __init__(self, directory: Path) -> None:
        missing = [f"{name}.json" for name in CODELIST_FILES.values() if not (directory / f"{name}.json").is_file()]
        if missing:
            raise FileNotFoundError(f"v adresáři {directory} chybí číselníky: {', '.join(missing)}")
        self.directory = directory
        self.kinds = self._names("druhy-socialni-sluzby")
        self.forms = {canonical_id(i).rpartition("/")[2]: canonical_id(i) for i in self._names("formy-soc-sluzby")}
        self.capacity_types = {
            canonical_id(i).rpartition("/")[2]: canonical_id(i) for i in self._names("typy-kapacity-socialni-sluzby")
        }
        self.groups = self._names("cilove-skupiny-osoby")
        self.ages = sorted(self._names("vekove-skupiny-osoby"), key=_code_order)
        self.municipalities = [
            (
                canonical_id(item["id"]),
                text_value(item.get("nazev")) or "",
                _ref(item.get("okres")),
                _ref(item.get("kraj")),
            )
            for item in self._items("obce")
        ]
        first_okres = next(iter(self._names("okresy")), None)
        first_kraj = next(iter(self._names("kraje")), None)
        self.municipalities = [(m, n, o or first_okres, k or first_kraj) for m, n, o, k in self.municipalities]
        self.parts: dict[str, list[str]] = {}
        for item in self._items("casti-obci"):
            obec = _ref(item.get("obec"))
            if obec:
                self.parts.setdefault(obec, []).append(canonical_id(item["id"]))

    def _items(self, name: str) -> list[dict[str, Any]]:
        data = json.loads((self.directory / f"{name}.json").read_text(encoding="utf-8-sig"))
        items = data.get("polozky", []) if isinstance(data, dict) else data
        return [i for i in items if isinstance(i, dict) and "id" in i]

    def _names(self, name: str) -> dict[str, str]:
        return {canonical_id(i["id"]): text_value(i.get("nazev")) or "" for i in self._items(name)}


def _ref(value: object) -> str | None:
    return canonical_id(value["id"]) if isinstance(value, dict) and value.get("id") else None


def _code_order(term_id: str) -> tuple[int, str]:
    code = term_id.rpartition("/")[2]
    return (int(code), code) if code.isdigit() else (10**9, code)


def ico_with_checksum(base: int) -> str:
    """An 8-digit IČO whose last digit is the mod-11 check digit of the first seven."""
    digits = f"{base % 10**7:07d}"
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    return digits + str((11 - total % 11) % 10)


def generate_register(
    out: Path,
    services: int,
    *,
    seed: int = 1,
    codelists: Path = DEFAULT_CODELISTS,
    today: dt.date | None = None,
) -> Path:
    """Write `out/rpss.json` with `services` items and copy the codelists to `out/ciselniky`."""
    lists = SampleCodelists(codelists)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "ciselniky"
    target.mkdir(exist_ok=True)
    for name in CODELIST_FILES.values():
        shutil.copyfile(codelists / f"{name}.json", target / f"{name}.json")
    path = out / "rpss.json"
    generator = _Generator(lists, random.Random(seed), today or dt.date.today())
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"polozky":[')
        for number, item in enumerate(generator.items(services)):
            handle.write(("\n" if number == 0 else ",\n") + json.dumps(item, ensure_ascii=False, separators=(",", ":")))
        handle.write("\n]}\n")
    return path


class _Generator:
    def __init__(self, lists: SampleCodelists, rng: random.Random, today: dt.date) -> None:
        self.lists = lists
        self.rng = rng
        self.today = today
        kinds = list(lists.kinds.items())
        self.kind_ids = [k for k, _ in kinds]
        self.kind_weights = [KIND_WEIGHTS.get(name, OTHER_KIND_WEIGHT) for _, name in kinds]
        self.identifier = 1_000_000
        self.portal_id = 40_000
        self.internal_id = 1
        self.ico_base = 100_000

    def items(self, count: int) -> Iterator[dict[str, Any]]:
        produced = 0
        while produced < count:
            provider = self._provider()
            for _ in range(min(self._services_per_provider(), count - produced)):
                yield self._service(provider)
                produced += 1

    def _services_per_provider(self) -> int:
        return self.rng.choices((1, 2, 3, 4, 5, 6, 8, 12), weights=(45, 20, 12, 8, 6, 4, 3, 2))[0]

    def _municipality(self) -> tuple[str, str, str | None, str | None]:
        return self.rng.choice(self.lists.municipalities)

    def _address(self, municipality: tuple[str, str, str | None, str | None] | None = None) -> dict[str, Any]:
        rng = self.rng
        obec, _, okres, kraj = municipality or self._municipality()
        code = int(obec.rpartition("/")[2]) if obec.rpartition("/")[2].isdigit() else 0
        parts = self.lists.parts.get(obec)
        village = rng.random() < 0.25
        return {
            "cisloDomovni": rng.randint(1, 3000),
            "cisloOrientacni": None if village else str(rng.randint(1, 80)) + rng.choice(("", "", "", "a")),
            "dodatekAdresy": None,
            "kodAdresnihoMista": None if rng.random() < 0.036 else rng.randint(10_000_000, 29_999_999),
            "psc": f"{70000 + code % 9000:05d}",
            "typCislaDomovniho": {"id": "TypStavebnihoObjektu/1"},
            "kraj": {"id": kraj} if kraj else None,
            "okres": {"id": okres} if okres else None,
            "obec": {"id": obec},
            "castObce": {"id": rng.choice(parts)} if parts else None,
            "mestskyObvodMestskaCast": None,
            "mestskyObvodVPraze": None,
            "ulice": None if village else {"nazev": rng.choice(STREETS)},
        }

    def _contacts(self, slug: str, domain: str, *, web: bool) -> dict[str, Any]:
        rng = self.rng
        phones = [
            {
                "telefon": f"0{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                "poznamka": None,
            }
            for _ in range(rng.choice((1, 1, 1, 2)))
        ]
        return {
            "emaily": [{"email": f"{slug}@{domain}", "poznamka": None}],
            "telefony": phones,
            "weby": [{"web": f"https://www.{domain}", "poznamka": None}] if web else [],
        }

    def _provider(self) -> dict[str, Any]:
        rng = self.rng
        home = self._municipality()
        self.ico_base += rng.randint(1, 900)
        ico = ico_with_checksum(self.ico_base if rng.random() < 0.8 else self.ico_base % 100_000)
        name = rng.choice(PROVIDER_TEMPLATES).format(town=home[1], word=rng.choice(WORDS))
        domain = f"poskytovatel-{ico}.example.org"
        return {
            "ico": int(ico) if rng.random() < 0.01 else ico,
            "nazev": name,
            "dic": f"CZ{ico}",
            "adresa": self._address(home),
            **self._contacts("info", domain, web=rng.random() < 0.9),
            "statutarniOrgany": [
                {
                    "jmeno": "Jméno",
                    "prijmeni": f"Příjmení {rng.randint(1, 999)}",
                    "titulPred": None,
                    "titulZa": None,
                    "funkce": rng.choice(("ředitel", "předseda", "statutární zástupce")),
                }
            ],
            "_home": home,
        }

    def _date(self, start: int, end: int) -> dt.date:
        return dt.date(start, 1, 1) + dt.timedelta(days=self.rng.randint(0, (end - start) * 365))

    def _service(self, provider: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        kind = rng.choices(self.kind_ids, weights=self.kind_weights)[0]
        kind_name = self.lists.kinds[kind]
        self.identifier += rng.randint(1, 97)
        self.portal_id += rng.randint(1, 50)
        self.internal_id += 1
        start = self._date(2007, 2024)
        end = None
        roll = rng.random()
        if roll < 0.03:
            end = self.today - dt.timedelta(days=rng.randint(1, 2000))
        elif roll < 0.04:
            end = self.today + dt.timedelta(days=rng.randint(30, 400))
        home = provider["_home"]
        title = kind_name[:1].upper() + kind_name[1:]
        facilities = []
        for _ in range(rng.choices((1, 2, 3), weights=(70, 20, 10))[0]):
            municipality = home if rng.random() < 0.6 else self._municipality()
            facility = {
                "nazev": f"{title} {municipality[1]}" if rng.random() < 0.7 else provider["nazev"],
                "poskytujeOd": start.isoformat(),
                "poskytujeDo": None,
                "adresa": self._address(municipality),
            }
            if rng.random() < 0.05:
                facility["poskytujeDo"] = (self.today - dt.timedelta(days=rng.randint(1, 900))).isoformat()
            facilities.append(facility)
            if rng.random() < 0.1:  # the register often lists a facility twice
                facilities.append(dict(facility))
        own_contacts = rng.random() > 0.05
        item = {
            "portalId": self.portal_id,
            "id": self.internal_id,
            "identifikator": str(self.identifier),
            "datumPoskytovaniOd": start.isoformat(),
            "datumPoskytovaniDo": end.isoformat() if end else None,
            "kontaktniAdresy": [{"adresa": self._address(home)}] if rng.random() < 0.5 else [],
            "druhSocialniSluzby": {"id": kind},
            "zarizeni": facilities,
            "poskytovatel": {k: v for k, v in provider.items() if not k.startswith("_")},
            **(
                self._contacts(
                    f"sluzba{self.identifier}",
                    f"poskytovatel-{provider['dic'][2:]}.example.org",
                    web=rng.random() < 0.6,
                )
                if own_contacts
                else {"emaily": [], "telefony": [], "weby": []}
            ),
            "faxy": [],
            "ciloveSkupiny": [{"cilovaSkupina": {"id": g}} for g in self._groups(kind_name)],
            "vekoveSkupiny": [{"vekovaSkupina": {"id": a}} for a in self._ages(kind_name)],
            "doplnujiciInformaceVekoveSkupiny": rng.choice((None, None, "od 18 let", "od 60 let", "bez omezení")),
            "formy": self._forms(kind_name),
            "rozsirenePusobnostiVKraji": self._area(kind_name),
            "doplnkoveUdaje": self._documents(start),
        }
        return item

    def _groups(self, kind_name: str) -> list[str]:
        rng = self.rng
        by_name = {name: term for term, name in self.lists.groups.items()}
        if kind_name in FOR_SENIORS:
            names = [n for n in SENIOR_GROUPS if n in by_name]
            chosen = ["senioři"] if "senioři" in by_name else []
            chosen += rng.sample(names, k=min(len(names), rng.randint(0, 3)))
            return sorted({by_name[n] for n in chosen})
        terms = list(self.lists.groups)
        return sorted(set(rng.sample(terms, k=min(len(terms), rng.randint(1, 4)))))

    def _ages(self, kind_name: str) -> list[str]:
        ages = self.lists.ages
        if not ages:
            return []
        if kind_name in FOR_SENIORS:
            return ages[-3:-1] if len(ages) >= 3 else ages
        first = self.rng.randrange(len(ages))
        return ages[first : first + self.rng.randint(1, 5)]

    def _forms(self, kind_name: str) -> list[dict[str, Any]]:
        rng = self.rng
        forms = self.lists.forms
        if kind_name in RESIDENTIAL:
            codes = ["pob"]
        elif kind_name in FIELD:
            codes = ["ter"] + (["amb"] if rng.random() < 0.25 else [])
        else:
            codes = rng.sample(["amb", "ter", "pob"], k=rng.choice((1, 1, 2)))
        result = []
        for code in codes:
            if code not in forms:
                continue
            residential = code == "pob"
            if kind_name == "telefonická krizová pomoc":
                kind = "hovor"
            elif residential:
                kind = "luzka"
            else:
                kind = rng.choice(("klient", "klient", "klient", "kontakt", "interv"))
            count = rng.randint(5, 120) if residential else rng.randint(1, 400)
            capacity = {
                "pocet": count,
                "popis": f"Maximální kapacita {count} s účinností od 01.01.{rng.randint(2010, 2024)}.",
            }
            if kind in self.lists.capacity_types:
                capacity["typ"] = {"id": self.lists.capacity_types[kind]}
            result.append(
                {
                    "forma": {"id": forms[code]},
                    "nepretrzitePoskytovani": residential or kind_name in ("tísňová péče", "telefonická krizová pomoc"),
                    "casoveRozsahy": None
                    if residential
                    else [
                        {"den": d, "od": "07:00", "do": rng.choice(("15:00", "15:30", "18:00"))} for d in range(1, 6)
                    ],
                    "kapacity": [capacity],
                }
            )
        return result

    def _area(self, kind_name: str) -> list[dict[str, Any]] | None:
        rng = self.rng
        if kind_name in RESIDENTIAL or rng.random() < 0.6:
            return None
        chosen = rng.sample(self.lists.municipalities, k=min(len(self.lists.municipalities), rng.randint(2, 8)))
        return [{"kraj": {"id": m[3]} if m[3] else None, "obec": {"id": m[0]}} for m in chosen]

    def _documents(self, start: dt.date) -> dict[str, Any]:
        rng = self.rng
        result = {}
        for key, title, low, high in DOCUMENT_KINDS:
            documents = []
            for _ in range(rng.randint(low, high)):
                document = uuid.UUID(int=rng.getrandbits(128), version=4)
                year = rng.randint(max(start.year, 2010), max(start.year, 2025))
                documents.append(
                    {
                        "priloha": {
                            "id": str(document),
                            "url": f"https://www.mpsv.cz/agportal-server/rest/documents/{document}",
                            "nazev": f"{title} {year}.pdf",
                            "typ": "application/pdf",
                            "velikost": rng.randint(40_000, 4_000_000),
                            "datumVlozeni": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                            f"T{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:00",
                        },
                        "platnostOd": f"{year}-01-01",
                        "poznamka": rng.choice(NOTES),
                    }
                )
            result[key] = documents
        return result
