"""Síť pomoci: a guide to the social services of a Czech region."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The data ship beside the package: in a checkout, catalog_data/ of the source tree; in an
# installed copy (pip install .), the catalog_data package installed next to bot.
CATALOG_DATA = PROJECT_ROOT / "catalog_data"
# Every municipality of the country (ČSÚ code, name, ORP, okres, kraj, population, locative).
NATIONAL_MUNICIPALITIES = CATALOG_DATA / "obce-cr" / "obce.csv"
# Where the default SQLite database and the conversation key live: var/ of the checkout, or
# var/ of the working directory when the bot runs from an installed copy.
VAR_DIR = PROJECT_ROOT / "var" if (PROJECT_ROOT / "pyproject.toml").is_file() else Path.cwd() / "var"
