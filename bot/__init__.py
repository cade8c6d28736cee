"""Síť pomoci: a guide to the social services of a Czech region."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CATALOG_DATA = PROJECT_ROOT / "catalog_data"
