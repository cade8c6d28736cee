"""Distances for a shared location: nearest services and the nearest known municipality.

Only the catalogue's coordinates are used; the shared location is an argument, never kept.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from bot.search.documents import ServiceDoc, Town

EARTH_RADIUS_KM = 6371.0
MAX_DISTANCE_KM = 60.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def service_distance(doc: ServiceDoc, point: tuple[float, float]) -> float | None:
    """Distance to the nearest place of a service with coordinates."""
    return min((distance_km(point, c) for c in doc.coordinates), default=None)


def nearest_services(
    docs: Iterable[ServiceDoc], point: tuple[float, float], *, limit: int = 5, max_km: float = MAX_DISTANCE_KM
) -> list[tuple[ServiceDoc, float]]:
    """The services with a place nearest to `point`, with their distance, nearest first."""
    ranked = []
    for doc in docs:
        km = service_distance(doc, point)
        if km is not None and km <= max_km:
            ranked.append((doc, km))
    ranked.sort(key=lambda pair: (pair[1], pair[0].name))
    return ranked[:limit]


def town_centres(docs: Sequence[ServiceDoc]) -> dict[int, tuple[float, float]]:
    """An approximate centre of each town that has service places with coordinates."""
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for doc in docs:
        if len(doc.place_codes) == 1 and doc.coordinates:
            (code,) = doc.place_codes
            points[code].extend(doc.coordinates)
    return {
        code: (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)) for code, pts in points.items()
    }


def nearest_town(
    centres: dict[int, tuple[float, float]], towns: dict[int, Town], point: tuple[float, float]
) -> Town | None:
    """The known town whose centre is nearest to `point` (within the usual distance)."""
    best: tuple[float, int] | None = None
    for code, centre in centres.items():
        if code in towns:
            km = distance_km(point, centre)
            if km <= MAX_DISTANCE_KM and (best is None or km < best[0]):
                best = (km, code)
    return towns[best[1]] if best else None
