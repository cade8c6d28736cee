"""Import of the MPSV register of social services (RPSS open data: rpss.json + ciselniky/).

The ~100 MB file is streamed item by item; each item is validated, filtered (active today,
in the regions served) and reduced to a compact record; records are written in batches
whose objects are then dropped from the session, so memory stays flat however big the
file is. The whole run is one transaction (see `import_transaction`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import ijson
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.catalog.codelists import Codelists
from bot.catalog.importing import ImportFailed, ImportSummary, RowError, import_transaction
from bot.catalog.models import Municipality
from bot.catalog.rpss_items import SOURCE, item_location, raw_identifier, validate_item
from bot.catalog.rpss_records import ENDED, OUTSIDE, AreaResolver, RecordBuilder, ServiceRecord
from bot.catalog.rpss_writer import CatalogWriter

BATCH_SIZE = 500

# progress(items read, bytes read, file size)
Progress = Callable[[int, int, int], None]


@dataclass
class RpssSummary(ImportSummary):
    """The run's counts, plus what was read, left out on purpose, or kept with a warning."""

    read: int = 0
    skipped_ended: int = 0
    skipped_outside: int = 0
    not_yet_started: int = 0  # imported, but inactive until their datumPoskytovaniOd
    warnings: list[RowError] = field(default_factory=list)  # kept, but not all of it was understood


def import_rpss(
    sessions: sessionmaker[Session],
    directory: Path,
    *,
    regions: list[str] | None = None,
    keep_all: bool = False,
    dry_run: bool = False,
    strict: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> RpssSummary:
    """Bring the catalogue's registered services in line with a register directory.

    Keeps services not ended by `today` that have a place in, or an area reaching, a
    municipality of the ORPs `regions` (every municipality of the table when none are
    given), or every such service when `keep_all`. A service that starts after `today` is
    stored inactive until a run on or after its start. Registered services that are no
    longer kept are marked inactive, never deleted.

    Every item is checked for its shape and for a unique identifikator; the items that are
    kept are also resolved through the codelists and have their contacts checked (an ended
    or out-of-region item with, say, a bad e-mail does not stop the import). An invalid
    item is set aside: listed in `summary.rejected` (item, field, reason), its existing
    service left as it is, the rest imported; with `strict` the whole run fails instead.
    A broken file is always an error of the whole run.
    """
    today = today or dt.date.today()
    summary = RpssSummary(kind="rpss", source=str(directory), dry_run=dry_run)
    path = directory / "rpss.json"
    if not path.is_file():
        raise ImportFailed(
            RowError(
                SOURCE,
                "",
                None,
                f"soubor v adresáři {directory} chybí; očekává se DIR/rpss.json a DIR/ciselniky/*.json",
            )
        )
    codelists = Codelists(directory / "ciselniky")
    set_aside = not strict
    with import_transaction(sessions, summary, skip_invalid=set_aside) as session:
        region_codes = None if keep_all else region_municipalities(session, regions)
        areas = AreaResolver(codelists, session.execute(select(Municipality.code, Municipality.orp)).tuples().all())
        builder = RecordBuilder(codelists, region_codes, today, areas, summary.warnings)
        writer = CatalogWriter(session, codelists, summary, today)
        identifiers: dict[str, int] = {}
        portal_ids: dict[int, int] = {}
        batch: list[ServiceRecord] = []
        for index, raw in read_items(path, progress):
            summary.read += 1
            if isinstance(raw, TooDeep):
                summary.rejected.append(_too_deep(index, raw))
                writer.protected.add(raw_identifier(raw.partial) or "")
                continue
            item, errors = validate_item(index, raw)
            if item is not None:
                errors = _duplicates(index, item.identifikator, item.portalId, identifiers, portal_ids)
            if item is None or errors:
                summary.rejected.extend(errors)
                writer.protected.add(raw_identifier(raw) or "")
                continue
            result = builder.build(index, item)
            if result == ENDED:
                summary.skipped_ended += 1
            elif result == OUTSIDE:
                summary.skipped_outside += 1
            elif isinstance(result, list):
                summary.rejected.extend(result)
                writer.protected.add(item.identifikator)
            else:
                if result.valid_from is not None and result.valid_from > today:
                    summary.not_yet_started += 1
                batch.append(result)
                if len(batch) >= batch_size:
                    writer.write(batch, set_aside)
                    batch = []
        writer.write(batch, set_aside)
        if set_aside or not summary.rejected:
            writer.finish()
    return summary


def _too_deep(index: int, too_deep: TooDeep) -> RowError:
    return RowError(
        SOURCE,
        item_location(index, raw_identifier(too_deep.partial)),
        too_deep.field or None,
        f"hodnota je vnořená hlouběji než {MAX_DEPTH} úrovní; položka se odkládá, "
        "očekává se tvar podle rpss.schema.json",
    )


MAX_DEPTH = 50  # nesting levels an item may have; the real register needs about 6

_STARTS = {"start_map": dict, "start_array": list}
_ENDS = ("end_map", "end_array")


@dataclass(frozen=True, slots=True)
class TooDeep:
    """An item nested deeper than MAX_DEPTH: what was read of it, and where it went too deep."""

    partial: dict[str, Any]
    field: str


def read_items(path: Path, progress: Progress | None = None) -> Iterator[tuple[int, Any]]:
    """The items of `polozky`, one by one, numbered from 1; a broken file is a whole-file error.

    An item nested deeper than MAX_DEPTH comes as a `TooDeep`: its too deep parts are read
    past, never built, so memory stays linear in the file whatever its nesting.
    """
    size = path.stat().st_size
    count = 0
    with path.open("rb") as handle:
        if handle.read(3) != b"\xef\xbb\xbf":  # a UTF-8 byte order mark is skipped
            handle.seek(0)
        try:
            for count, raw in enumerate(_stream_items(handle), start=1):
                if progress is not None and count % 100 == 0:
                    progress(count, handle.tell(), size)
                yield count, raw
        except ijson.IncompleteJSONError as error:
            if "premature EOF" in str(error):
                message = f"soubor je useknutý: končí uprostřed položky {count + 1}"
            else:
                message = f"soubor není platný JSON (chyba za položkou {count})" if count else "soubor není platný JSON"
            raise ImportFailed(_file_error(message)) from None
        except (ijson.JSONError, UnicodeDecodeError):
            raise ImportFailed(_file_error(f"soubor není platný JSON (chyba za položkou {count})")) from None
        if progress is not None:
            progress(count, size, size)
    if count == 0:
        raise ImportFailed(RowError(SOURCE, "", "polozky", "soubor neobsahuje žádnou službu; očekává se " + _SHAPE))


def _stream_items(handle: BinaryIO) -> Iterator[Any]:
    """The elements of the root object's `polozky` array, built from ijson's flat events.

    `ijson.items` keeps a dotted path per event, which costs memory quadratic in the depth
    of nesting; the flat events cost nothing per level.
    """
    events = ijson.basic_parse(handle, use_float=True)
    depth = 0
    root_is_map = False
    key = None
    for event, value in events:
        if event in _STARTS:
            depth += 1
            if depth == 1:
                root_is_map = event == "start_map"
            elif depth == 2 and root_is_map and key == "polozky" and event == "start_array":
                for inner_event, inner_value in events:
                    if inner_event == "end_array":
                        break
                    yield _build(inner_event, inner_value, events)
                depth -= 1
        elif event in _ENDS:
            depth -= 1
        elif event == "map_key" and depth == 1:
            key = value


def _build(event: str, value: Any, events: Iterator[tuple[str, Any]]) -> Any:
    """One value from its first event on; containers deeper than MAX_DEPTH are read past."""
    make = _STARTS.get(event)
    if make is None:
        return value
    root = make()
    stack: list[Any] = [root]
    keys: list[Any] = [None]
    too_deep: str | None = None
    skip = 0  # levels being read past
    for event, value in events:
        if skip:
            if event in _STARTS:
                skip += 1
            elif event in _ENDS:
                skip -= 1
            continue
        if event == "map_key":
            keys[-1] = value
            continue
        if event in _ENDS:
            stack.pop()
            keys.pop()
            if not stack:
                break
            continue
        node = _STARTS[event]() if event in _STARTS else value
        if event in _STARTS and len(stack) >= MAX_DEPTH:
            skip = 1
            if too_deep is None:
                too_deep = _path(stack, keys)
            continue
        parent = stack[-1]
        if isinstance(parent, dict):
            parent[keys[-1]] = node
        else:
            parent.append(node)
        if event in _STARTS:
            stack.append(node)
            keys.append(None)
    if too_deep is not None:
        return TooDeep(root if isinstance(root, dict) else {}, too_deep)
    return root


def _path(stack: list[Any], keys: list[Any]) -> str:
    """The item's field that holds a too deep value (its top-level key)."""
    return str(keys[0]) if isinstance(stack[0], dict) and keys[0] is not None else ""


_SHAPE = 'objekt {"polozky": [...]} s jednou položkou na službu, jak ho zveřejňuje data.mpsv.cz'


def _file_error(message: str) -> RowError:
    return RowError(SOURCE, "", None, f"{message}; očekává se {_SHAPE}")


def _duplicates(
    index: int,
    identifier: str,
    portal_id: int | None,
    identifiers: dict[str, int],
    portal_ids: dict[int, int],
) -> list[RowError]:
    location = item_location(index, identifier)
    if identifier in identifiers:
        return [
            RowError(
                SOURCE,
                location,
                "identifikator",
                f"identifikátor {identifier} už má položka {identifiers[identifier]}; "
                "očekává se jedinečný identifikátor",
            )
        ]
    identifiers[identifier] = index
    if portal_id is not None:
        if portal_id in portal_ids:
            return [
                RowError(
                    SOURCE,
                    location,
                    "portalId",
                    f"portalId {portal_id} už má položka {portal_ids[portal_id]}; očekává se jedinečné portalId",
                )
            ]
        portal_ids[portal_id] = index
    return []


def region_municipalities(session: Session, regions: list[str] | None) -> frozenset[int]:
    """Codes of the municipalities of the ORPs `regions`; of every municipality when none."""
    if regions:
        known = set(session.scalars(select(Municipality.orp).distinct()))
        by_name = {orp.casefold(): orp for orp in known}
        unknown = [r for r in regions if r.strip().casefold() not in by_name]
        if unknown:
            names = ", ".join(f"'{r}'" for r in unknown)
            listed = ", ".join(sorted(known)) or "tabulka obcí je prázdná"
            raise ImportFailed(
                RowError("--region", "", None, f"neznámá ORP {names}; očekává se ORP z tabulky obcí ({listed})")
            )
        wanted = {by_name[r.strip().casefold()] for r in regions}
        codes = session.scalars(select(Municipality.code).where(Municipality.orp.in_(wanted)))
    else:
        codes = session.scalars(select(Municipality.code))
    found = frozenset(codes)
    if not found:
        raise ImportFailed(
            RowError(
                "tabulka obcí",
                "",
                None,
                "je prázdná, takže nelze poznat, které služby patří do regionu; "
                "očekává se nejdřív import obcí (import municipalities), nebo volba --all",
            )
        )
    return found
