"""The records of an HSDS export (`HsdsExport`), their stable ids, and the classification of a
service as HSDS taxonomy terms: druh, target groups, forms and age groups (the register's
codelists, the codelist id as the term's code), the local category and life situations."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.catalog.models import CILOVA_SKUPINA, DRUH, FORMA, VEKOVA_SKUPINA, CodelistTerm, Service
from bot.search.text import fold

NAMESPACE = uuid.UUID("6f1d3c52-2b7e-5d44-9a0e-5c1b8f2d7a31")  # of this project's HSDS ids
CODELIST_URL = "https://data.mpsv.cz/od/soubory/ciselniky/{}.json"
Row = dict[str, Any]

# taxonomy -> (name, description, the register's codelist file or None, the attribute's label)
TAXONOMIES = {
    DRUH: (
        "Druhy sociálních služeb",
        "Číselník MPSV: druhy sociálních služeb podle zákona č. 108/2006 Sb.",
        "druhy-socialni-sluzby",
        "druh",
    ),
    CILOVA_SKUPINA: (
        "Cílové skupiny",
        "Číselník MPSV: cílové skupiny osob sociálních služeb.",
        "cilove-skupiny-osoby",
        "cílová skupina",
    ),
    FORMA: (
        "Formy sociálních služeb",
        "Číselník MPSV: formy poskytování sociálních služeb.",
        "formy-soc-sluzby",
        "forma",
    ),
    VEKOVA_SKUPINA: ("Věkové skupiny", "Číselník MPSV: věkové skupiny osob.", "vekove-skupiny-osoby", "věková skupina"),
    "kategorie": (
        "Kategorie návazných služeb",
        "Kategorie služeb mimo registr z tabulky koordinátora katalogu.",
        None,
        "kategorie",
    ),
    "situace": (
        "Životní situace",
        "Běžné situace, od kterých lidé začínají hledat pomoc (katalog Síť pomoci).",
        None,
        "životní situace",
    ),
}


def uid(key: str) -> str:
    """The UUID of the record with this stable key: the same catalogue exports with the same ids."""
    return str(uuid.uuid5(NAMESPACE, key))


@dataclass
class HsdsExport:
    """HSDS records: the rows of each table and the services with everything nested.

    A row is one dict for both forms: the package writes its fields that are columns of the
    table, the JSON the whole dict with the nested records it holds. It has no None or empty
    value (HSDS JSON has no nulls).
    """

    tables: dict[str, list[Row]] = field(default_factory=dict)
    services: list[Row] = field(default_factory=list)
    hidden_places: int = 0  # places whose address is not published (exported as a town only)

    def add(self, table: str, **values: Any) -> Row:
        """A new row of `table` with the values that are set."""
        row = {k: v for k, v in values.items() if v is not None and v != ""}
        self.tables.setdefault(table, []).append(row)
        return row


class Terms:
    """The taxonomies and terms of one export, each added once."""

    def __init__(self, export: HsdsExport, druhs: Iterable[CodelistTerm]) -> None:
        self.export = export
        # a local service whose category is the name of a druh is classified as that druh
        self.druh_by_name = {fold(t.name): t for t in druhs}
        self.terms: dict[str, Row] = {}
        self.taxonomies: dict[str, Row] = {}

    def attributes(self, key: str, sid: str, service: Service) -> list[Row]:
        """The service's attributes, each with its taxonomy term nested."""
        return [
            self.export.add(
                "attribute",
                id=uid(f"{key}|attribute|{term['id']}"),
                link_id=sid,
                link_entity="service",
                taxonomy_term_id=term["id"],
                label=TAXONOMIES[taxonomy][3],
                value=value,
                taxonomy_term=term,
            )
            for taxonomy, term, value in self.classification(service)
        ]

    def classification(self, service: Service) -> list[tuple[str, Row, str | None]]:
        """(taxonomy, term, attribute value) of everything that classifies the service."""
        found: list[tuple[str, Row, str | None]] = []
        druh = service.druh
        if druh is None and service.category:
            druh = self.druh_by_name.get(fold(service.category))
        if druh is not None:
            found.append((DRUH, self.term(DRUH, druh.id, druh.id, druh.name), None))
        elif service.category:
            category = self.term("kategorie", f"kategorie:{fold(service.category)}", None, service.category)
            found.append(("kategorie", category, None))
        for group in service.target_groups:
            found.append((CILOVA_SKUPINA, self.term(CILOVA_SKUPINA, group.id, group.id, group.name), None))
        for form in service.forms:
            term = self.term(FORMA, form.form_id, form.form_id, form.form.name if form.form else form.form_id)
            found.append((FORMA, term, "nepřetržitě" if form.continuous else None))
        for age in service.age_groups:
            found.append((VEKOVA_SKUPINA, self.term(VEKOVA_SKUPINA, age.id, age.id, age.name), None))
        for situation in service.life_situations:
            term = self.term("situace", f"situace:{situation.id}", situation.id, situation.name)
            found.append(("situace", term, None))
        return found

    def term(self, taxonomy: str, key: str, code: str | None, name: str) -> Row:
        if key not in self.terms:
            detail = self.taxonomy(taxonomy)
            row = self.export.add(
                "taxonomy_term",
                id=uid(f"term:{key}"),
                code=code,
                name=name,
                description=f"{detail['name']}: {name}",
                taxonomy=detail["name"],
                taxonomy_id=detail["id"],
                language="cs",
            )
            row["taxonomy_detail"] = detail
            self.terms[key] = row
        return self.terms[key]

    def taxonomy(self, key: str) -> Row:
        if key not in self.taxonomies:
            name, description, codelist, _label = TAXONOMIES[key]
            uri = CODELIST_URL.format(codelist) if codelist else None
            self.taxonomies[key] = self.export.add(
                "taxonomy", id=uid(f"taxonomy:{key}"), name=name, description=description, uri=uri
            )
        return self.taxonomies[key]
