"""Reading the project's data files: CSV tables in which a line starting with "#" is a comment."""

from __future__ import annotations

import csv
from pathlib import Path


def commented_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file, its blank and comment lines ("# …") left out."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        lines = [line for line in f if line.strip() and not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))
