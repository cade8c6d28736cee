"""Reading the project's data files: CSV tables and list files in which a line starting with "#" is a
comment."""

from __future__ import annotations

import csv
from pathlib import Path


def commented_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file, its blank and comment lines ("# …") left out."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        lines = [line for line in f if line.strip() and not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def commented_lines(path: Path) -> list[tuple[int, str]]:
    """The entries of a list file with their line numbers, stripped, blank and comment lines ("# …")
    left out; none when the file is missing."""
    if not path.exists():
        return []
    entries = enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
    return [(n, line.strip()) for n, line in entries if line.strip() and not line.lstrip().startswith("#")]
