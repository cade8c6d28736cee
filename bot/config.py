"""Application settings, read from environment variables and an optional `.env` file."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot import VAR_DIR

DEFAULT_SQLITE_PATH = VAR_DIR / "sit-pomoci.sqlite3"
DEFAULT_STATE_SECRET_FILE = VAR_DIR / "stav.klic"
MIN_STATE_SECRET = 32
LANGUAGES = ("cs", "uk", "en")
TELEGRAM_MODES = ("polling", "webhook")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
WEBHOOK_SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")


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
    telegram_mode: str = "polling"
    webhook_url: str | None = Field(default=None, validate_default=True)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_secret: str | None = None
    state_secret: str | None = None  # keys the conversation store; see bot/storage/secret.py
    state_secret_file: Path = DEFAULT_STATE_SECRET_FILE
    log_level: str = "WARNING"
    web_host: str = "127.0.0.1"  # `python -m bot web`: where the web catalogue listens (behind a reverse proxy)
    web_port: int = Field(default=8081, ge=1, le=65535)
    rpss_base_url: str = "https://data.mpsv.cz/od/soubory/"  # `sync rpss`: where the open data is published
    rpss_max_mb: float = Field(default=2000.0, gt=0)  # `sync rpss`: the largest file accepted
    rpss_timeout: float = Field(default=60.0, gt=0)  # `sync rpss`: seconds to wait for the server

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

    @field_validator("telegram_mode")
    @classmethod
    def _known_mode(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in TELEGRAM_MODES:
            raise ValueError(f"očekává se jeden z režimů {', '.join(TELEGRAM_MODES)}")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None, info: ValidationInfo) -> str | None:
        value = (value or "").strip() or None
        if value is not None and not value.startswith("https://"):
            raise ValueError("očekává se veřejná adresa https://…")
        if value is None and info.data.get("telegram_mode") == "webhook":
            raise ValueError("v režimu TELEGRAM_MODE=webhook je povinná (veřejná adresa https://…)")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: str | None) -> str | None:
        value = (value or "").strip() or None
        if value is not None and not WEBHOOK_SECRET_PATTERN.fullmatch(value):
            raise ValueError("očekává se 1–256 znaků A–Z, a–z, 0–9, _ nebo -")
        return value

    @field_validator("rpss_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip()
        if not value.startswith(("https://", "http://")):
            raise ValueError("očekává se adresa https://…")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"očekává se jedna z úrovní {', '.join(LOG_LEVELS)}")
        return level

    @field_validator("state_secret")
    @classmethod
    def _long_state_secret(cls, value: str | None) -> str | None:
        if value is not None and len(value) < MIN_STATE_SECRET:
            raise ValueError(
                f"tajný klíč musí mít alespoň {MIN_STATE_SECRET} znaků (například z: openssl rand -hex 32)"
            )
        return value or None

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
            return Path(self.database_url[len(prefix) :])
        return None


_CZECH_MESSAGES = {
    "int_parsing": "očekává se celé číslo",
    "float_parsing": "očekává se číslo",
    "greater_than_equal": "očekává se číslo alespoň {ge}",
    "greater_than": "očekává se číslo větší než {gt}",
    "less_than_equal": "očekává se číslo nejvýše {le}",
    "bool_parsing": "očekává se true nebo false",
}


SECRET_SETTINGS = frozenset({"telegram_bot_token", "webhook_secret", "state_secret"})  # never repeated back
HIDDEN = "skryto"


def _shown_input(field: str, value: object) -> str:
    """The invalid value as it may be printed: secrets hidden, a database password masked."""
    if field in SECRET_SETTINGS:
        return HIDDEN
    if field == "database_url" and isinstance(value, str):
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            return repr(make_url(value).render_as_string(hide_password=True))
        except (ArgumentError, ValueError):
            return HIDDEN
    return repr(value)


def describe_error(error: ValidationError) -> str:
    """One line naming the first invalid variable and what was expected; never a secret."""
    first = error.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else "?"
    template = _CZECH_MESSAGES.get(first["type"])
    message = template.format(**first.get("ctx", {})) if template else first["msg"].removeprefix("Value error, ")
    return f"Neplatné nastavení {field.upper()}: {message} (zadáno: {_shown_input(field, first.get('input'))})"


def load_settings(**overrides: Any) -> Settings:
    """Read the settings; raise ConfigError with a one-line message when one is invalid."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise ConfigError(describe_error(error)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings."""
    return load_settings()
