"""Database fixtures: every database test runs on SQLite, and on PostgreSQL when configured.

Set TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) to add the
PostgreSQL engine. When it is set and the server cannot be reached, the tests fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from bot.catalog.models import Base
from bot.db import make_engine, session_factory, upgrade_schema

# the dialog's `searcher` and `chat` fixtures, shared by the dialog test modules
pytest_plugins = ["tests.test_dialog_fixtures"]

ENGINES = ["sqlite", "postgresql"]


def _postgres_url() -> str | None:
    return os.environ.get("TEST_POSTGRES_URL") or None


def _postgres_engine(url: str) -> tuple[Engine, Engine, str]:
    """An engine confined to a fresh schema of its own, so concurrent runs never collide."""
    schema = f"test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = make_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # noqa: BLE001 - any failure to reach it fails the run
        pytest.fail(f"PostgreSQL at TEST_POSTGRES_URL is unreachable: {error}")
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    return admin, engine, schema


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A migrated database engine: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "test.sqlite3"
        eng = make_engine(f"sqlite:///{path}")
    else:
        url = _postgres_url()
        if url is None:
            pytest.skip("TEST_POSTGRES_URL is not set")
        admin, eng, schema = _postgres_engine(url)
    upgrade_schema(eng)
    yield eng
    eng.dispose()
    if request.param == "postgresql":
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _clear(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def sessions(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """A session factory over an empty catalogue; emptied again after the test."""
    _clear(engine)
    yield session_factory(engine)
    _clear(engine)


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One session over an empty catalogue."""
    with sessions() as s:
        yield s
