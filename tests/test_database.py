"""The schema is created by migrations on both engines, with the integrity settings we rely on."""

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from bot.catalog.models import Base, Municipality, Provider, Service
from bot.db import alembic_config, make_engine, upgrade_schema


def test_migrations_create_every_table_of_the_model(engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    assert "alembic_version" in tables


def test_upgrading_twice_is_harmless_and_ends_at_the_newest_migration(engine) -> None:
    upgrade_schema(engine)
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == head


def test_foreign_keys_are_enforced(session) -> None:
    session.add(Service(name="Bez poskytovatele", provider_id=999))
    try:
        session.flush()
    except Exception as error:  # noqa: BLE001 - each engine raises its own IntegrityError
        assert "foreign key" in str(error).lower()
    else:
        raise AssertionError("a service pointing to a missing provider was accepted")
    finally:
        session.rollback()


def test_sqlite_runs_in_wal_mode(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'db.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_ico_keeps_leading_zeros(session) -> None:
    session.add(Provider(ico="00301370", name="Město"))
    session.add(Municipality(code=511382, name="Přerov", orp="Přerov"))
    session.commit()
    assert session.query(Provider).one().ico == "00301370"


def test_a_database_error_does_not_carry_the_values_it_was_given(tmp_path) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from bot.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE t (a INTEGER NOT NULL)"))
        try:
            conn.execute(text("INSERT INTO t (a, b) VALUES (:a, :b)"), {"a": 1, "b": "manžel mě bije, Kojetín"})
        except DBAPIError as error:
            message = str(error)
        else:
            raise AssertionError("the insert should fail")
    assert "manžel" not in message and "hidden due to hide_parameters" in message
