"""The conversation state store: one row per chat, read-modify-write in one transaction,
expiring after CONVERSATION_TTL_HOURS, no Telegram id kept. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, select, text

from bot.catalog.models import Base
from bot.dialog import PlaceSlot, State
from bot.storage import Conversation, ConversationStore, chat_key
from bot.storage.conversations import state_cipher

SECRET = b"test-secret"
CHAT = 987654321
START = dt.datetime(2026, 11, 23, 8, 0)


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(sessions, engine: Engine, clock: Clock) -> ConversationStore:
    # `sessions` empties the tables before and after the test
    return ConversationStore(engine, secret=SECRET, ttl_hours=24, clock=clock)


def town_state() -> State:
    return State(step="need", group="seniori", place=PlaceSlot(kind="town", name="Kojetín", code=514055))


def test_a_state_is_saved_and_read_back(store: ConversationStore) -> None:
    assert store.load(CHAT) is None
    seen: list[State | None] = []

    def change(state: State | None) -> tuple[State, str]:
        seen.append(state)
        return town_state(), "answered"

    assert store.update(CHAT, change) == "answered"
    assert seen == [None]
    assert store.load(CHAT) == town_state()

    def to_results(state: State | None) -> tuple[State, None]:
        assert state is not None
        return state.with_(step="results"), None

    store.update(CHAT, to_results)
    loaded = store.load(CHAT)
    assert loaded is not None and loaded.step == "results"
    assert store.active() == 1


def test_a_new_store_on_the_same_database_continues_the_conversation(store: ConversationStore, engine: Engine) -> None:
    store.save(CHAT, town_state())
    restarted = ConversationStore(engine, secret=SECRET, ttl_hours=24, clock=store.clock)
    assert restarted.load(CHAT) == town_state()


def test_the_table_holds_a_keyed_hash_of_the_chat_and_no_telegram_id(store: ConversationStore, engine: Engine) -> None:
    store.save(CHAT, town_state())
    with engine.connect() as conn:
        rows = conn.execute(select(Conversation.__table__)).all()
    assert len(rows) == 1
    assert str(CHAT) not in " ".join(str(value) for value in rows[0])
    assert rows[0].chat_key == chat_key(CHAT, SECRET) != chat_key(CHAT, b"another secret")
    assert len(rows[0].chat_key) == 32


def test_a_state_expires_after_the_ttl_and_is_purged(store: ConversationStore, clock: Clock) -> None:
    store.save(CHAT, town_state())
    store.save(CHAT + 1, town_state())
    clock.now = START + dt.timedelta(hours=23, minutes=59)
    assert store.load(CHAT) == town_state()
    store.save(CHAT + 1, town_state())  # activity renews it
    clock.now = START + dt.timedelta(hours=24, minutes=1)
    assert store.load(CHAT) is None
    assert store.active() == 1
    seen: list[State | None] = []

    def remember(state: State | None) -> tuple[State, None]:
        seen.append(state)
        return State(), None

    store.update(CHAT, remember)
    assert seen == [None]  # an expired state is treated as absent
    clock.now = START + dt.timedelta(hours=60)
    assert store.purge() == 2
    assert store.active() == 0


def test_expired_states_are_purged_on_every_nth_write(engine: Engine, sessions, clock: Clock) -> None:
    # `sessions` empties the tables before and after the test
    store = ConversationStore(engine, secret=SECRET, ttl_hours=1, purge_every=3, clock=clock)
    store.save(1, State())
    clock.now = START + dt.timedelta(hours=2)
    store.save(2, State())
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM conversation")) == 2
    store.save(3, State())  # the third write purges
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM conversation")) == 2
    assert store.load(1) is None and store.load(2) is not None


def test_nothing_is_written_when_the_change_fails(store: ConversationStore) -> None:
    store.save(CHAT, town_state())

    def failing(_state: State | None) -> tuple[State, None]:
        raise RuntimeError("the dialog broke")

    with pytest.raises(RuntimeError):
        store.update(CHAT, failing)
    with pytest.raises(RuntimeError):
        store.update(CHAT + 5, failing)
    assert store.load(CHAT) == town_state()
    assert store.active() == 1  # no empty row was left for the new chat


def test_an_unreadable_state_becomes_a_fresh_conversation(store: ConversationStore, engine: Engine) -> None:
    store.save(CHAT, town_state())
    sealed = state_cipher(CHAT, SECRET).encrypt(b'{"version": 1, "step": "nowhere"}').decode()
    with engine.begin() as conn:
        conn.execute(text("UPDATE conversation SET state = :s"), {"s": sealed})
    assert store.load(CHAT) == State()
    with engine.begin() as conn:
        conn.execute(text("UPDATE conversation SET state = :s"), {"s": '{"version": 1, "step": "results"}'})
    assert store.load(CHAT) is None  # not sealed by this store: nothing of it is believed


def test_concurrent_writers_never_lose_an_update(store: ConversationStore, engine: Engine) -> None:
    """Four writers (as four bot processes would) each move the same chat on ten times."""
    writers, rounds = 4, 10
    stores = [ConversationStore(engine, secret=SECRET, ttl_hours=24, clock=store.clock) for _ in range(writers)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(writers)

    def next_page(state: State | None) -> tuple[State, None]:
        state = state or State()
        return state.with_(page=state.page + 1), None

    def work(own: ConversationStore) -> None:
        try:
            barrier.wait(timeout=10)
            for _ in range(rounds):
                own.update(CHAT, next_page)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    final = store.load(CHAT)
    assert final is not None and final.page == writers * rounds


def test_the_migration_matches_the_model(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    about_conversations = [d for d in differences if "conversation" in repr(d)]
    assert about_conversations == []


def test_the_store_needs_a_secret(engine: Engine) -> None:
    with pytest.raises(ValueError):
        ConversationStore(engine, secret=b"")


def test_the_table_holds_no_words_of_a_conversation(store: ConversationStore, engine: Engine) -> None:
    said = State(step="need", query="pečovatelka pro paní Novákovou, Kojetín")
    store.save(CHAT, said)
    with engine.connect() as conn:
        raw = conn.execute(text("SELECT state FROM conversation")).scalar_one()
    for word in ("pečovatel", "pecovatel", "Novák", "Kojet", "query", "need"):
        assert word not in raw
    assert store.load(CHAT) == said


def test_a_state_sealed_under_another_secret_starts_afresh(store: ConversationStore, engine: Engine) -> None:
    store.save(CHAT, town_state())
    other = ConversationStore(engine, secret=b"another-secret", ttl_hours=24, clock=store.clock)
    assert other.load(CHAT) is None
    assert store.load(CHAT) == town_state()
