"""HSDS records written to a folder: `services.json` (the services with everything nested, as
the standard's `service.json` schema describes them) and a tabular data package (a CSV per
table and `datapackage.json`), both laid out by the standard's own schema files in
catalog_data/hsds/schema/ (HSDS 3.1; their source is in catalog_data/hsds/README.md)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from bot import CATALOG_DATA
from bot.catalog.hsds_records import HsdsExport

SCHEMA_DIR = CATALOG_DATA / "hsds" / "schema"
HSDS_VERSION = "3.1"
SERVICES_FILE = "services.json"
DATAPACKAGE_FILE = "datapackage.json"
# the tables of the package, always all of them (a table the catalogue has no rows for is
# written with its header only, so the package has the same shape every time)
TABLES = (
    "organization",
    "organization_identifier",
    "service",
    "url",
    "location",
    "address",
    "accessibility",
    "service_at_location",
    "phone",
    "contact",
    "schedule",
    "service_area",
    "language",
    "taxonomy",
    "taxonomy_term",
    "attribute",
)
# foreign key column -> the table it points to (link_id points to a table named in link_entity)
REFERENCES = {
    "organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "service_at_location_id": "service_at_location",
    "contact_id": "contact",
    "phone_id": "phone",
    "taxonomy_id": "taxonomy",
    "taxonomy_term_id": "taxonomy_term",
    "parent_id": "taxonomy_term",
}
TABLE_FORMATS = {"email", "uri", "uuid"}  # the string formats of Table Schema that HSDS uses


@cache
def table_schema(table: str) -> dict[str, Any]:
    """The standard's JSON Schema of one table (e.g. `service`)."""
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / f"{table}.json").read_text(encoding="utf-8"))
    return schema


def columns(table: str) -> list[str]:
    """The table's CSV columns: its fields that hold a value (not a list or a nested object),
    in the schema's order."""
    return [name for name, spec in table_schema(table)["properties"].items() if _is_column(spec)]


def _is_column(spec: dict[str, Any]) -> bool:
    return "$ref" not in spec and spec.get("type") not in ("array", "object", None)


def _field(name: str, spec: dict[str, Any], required: set[str]) -> dict[str, Any]:
    kind = spec.get("datapackage_type") or spec["type"]
    field: dict[str, Any] = {"name": name, "type": kind, "description": spec.get("description", "")}
    if kind == "string" and spec.get("format") in TABLE_FORMATS:
        field["format"] = spec["format"]
    constraints = {"required": name in required, "unique": bool(spec.get("constraints", {}).get("unique"))}
    if "enum" in spec:
        constraints["enum"] = spec["enum"]
    field["constraints"] = constraints
    return field


def resource(table: str) -> dict[str, Any]:
    """The data resource of one table: its CSV file and Table Schema, from the HSDS schema."""
    schema = table_schema(table)
    required = set(schema.get("required", ())) | set(schema.get("tabular_required", ()))
    names = columns(table)
    fields = [_field(name, schema["properties"][name], required) for name in names]
    keys = [
        {"fields": name, "reference": {"resource": "" if target == table else target, "fields": "id"}}
        for name, target in REFERENCES.items()
        if name in names and target in TABLES
    ]
    layout: dict[str, Any] = {"fields": fields, "primaryKey": "id"}
    if keys:
        layout["foreignKeys"] = keys
    return {
        "name": table,
        "path": schema["path"],
        "description": schema.get("description", ""),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": layout,
    }


def datapackage(created: dt.datetime | None = None) -> dict[str, Any]:
    """The package descriptor: every table of TABLES as a resource."""
    moment = (created or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    return {
        "profile": "tabular-data-package",
        "name": "sit-pomoci-hsds",
        "title": "Síť pomoci: katalog sociálních a návazných služeb (Open Referral HSDS 3.1)",
        "description": (
            f"Služby katalogu Síť pomoci ve formátu Human Services Data Specification {HSDS_VERSION} "
            "(Open Referral). Tytéž služby se vším vnořeným jsou v services.json."
        ),
        "created": moment.isoformat().replace("+00:00", "Z"),
        "resources": [resource(table) for table in TABLES],
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_package(export: HsdsExport, out: Path) -> list[Path]:
    """Write the export into the folder `out` (created when missing) and return the files.

    Everything is written to a staging folder inside `out` first and moved into place only
    when all of it was written; on an error the files of `out` stay as they were.
    """
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".hsds-", dir=out))
    try:
        names = [SERVICES_FILE, DATAPACKAGE_FILE]
        with (staging / SERVICES_FILE).open("w", encoding="utf-8") as f:
            json.dump(export.services, f, ensure_ascii=False, indent=2)
            f.write("\n")
        package = datapackage()
        (staging / DATAPACKAGE_FILE).write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", "utf-8")
        for item in package["resources"]:
            names.append(item["path"])
            header = [f["name"] for f in item["schema"]["fields"]]
            with (staging / item["path"]).open("w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(header)
                for row in export.tables.get(item["name"], ()):
                    writer.writerow([_cell(row.get(name)) for name in header])
        for name in names:
            os.replace(staging / name, out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in names]
