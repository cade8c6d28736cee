"""Application settings, read from environment variables and an optional `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from typing import Annotated

from bot import PROJECT_ROOT

DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "sit-pomoci.sqlite3"
LANGUAGES = ("cs", "uk", "en")


class ConfigError(Exception):
    """Configuration is invalid; the message is one line naming the variable."""


class Settings(BaseSettings):
    """Every setting of the application. Each field is one environment variable."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default=f"sqlite:///{DEFAULT_SQLITE_PATH}")
    telegram_bot_token: str | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    admin_user_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    stats_k: int = Field(default=5, ge=2)
    default_language: str = "cs"
    regions: Annotated[tuple[str, ...], NoDecode] = ()
    conversation_ttl_hours: float = Field(default=24.0, gt=0)

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _parse_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p]
            return frozenset(int(p) for p in parts)
        return value

    @field_validator("regions", mode="before")
    @classmethod
    def _parse_regions(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(p.strip() for p in value.split(",") if p.strip())
        return value

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"očekává se jeden z jazyků {', '.join(LANGUAGES)}")
        return value

    @field_validator("database_url")
    @classmethod
    def _supported_engine(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("očekává se adresa databáze sqlite:///… nebo postgresql+psycopg://…")
        return value

    @property
    def sqlite_path(self) -> Path | None:
        """The database file when the engine is SQLite on disk."""
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix) and self.database_url != prefix + ":memory:":
            return Path(self.database_url[len(prefix):])
        return None


_CZECH_MESSAGES = {
    "int_parsing": "očekává se celé číslo",
    "float_parsing": "očekává se číslo",
    "greater_than_equal": "očekává se číslo alespoň {ge}",
    "greater_than": "očekává se číslo větší než {gt}",
    "bool_parsing": "očekává se true nebo false",
}


def describe_error(error: ValidationError) -> str:
    """One line naming the first invalid variable and what was expected."""
    first = error.errors()[0]
    name = str(first["loc"][0]).upper() if first["loc"] else "?"
    template = _CZECH_MESSAGES.get(first["type"])
    if template:
        message = template.format(**first.get("ctx", {}))
    else:
        message = first["msg"].removeprefix("Value error, ")
    return f"Neplatné nastavení {name}: {message} (zadáno: {first.get('input')!r})"


def load_settings(**overrides: object) -> Settings:
    """Read the settings; raise ConfigError with a one-line message when one is invalid."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        raise ConfigError(describe_error(error)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings."""
    return load_settings()
